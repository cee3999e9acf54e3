"""A Terraform attribute path (``server_side_encryption_configuration/[0]/rule``) → the engine's
property path (``serverSideEncryptionConfiguration.rule``) for one pulumi-aws type.

Checkov names the attributes a check reads in Terraform's terms, with list indices (``[0]``, ``0``,
``*``) and ``/`` or ``.`` between the parts. Each part is looked up in the SDK's shape of the type
(``sdk_schema``), so list blocks get their pluralised name and nested blocks their nested type;
a path whose first part the type does not have is not one of its inputs and yields ``None``.
"""

from __future__ import annotations

import re
from typing import Final

from tools.corpus.sdk_schema import Field, Shape, nested_shape, resource_shape

_INDEX: Final = re.compile(r"^(\[?\d+\]?|\*|\[\*\])$")


def _field(shape: Shape, part: str) -> Field | None:
    for candidate in (part, f"{part}s", f"{part}es", f"{part[:-1]}ies" if part.endswith("y") else part):
        if candidate in shape.fields:
            return shape.fields[candidate]
    return None


def property_path(token: str, terraform_path: str) -> str | None:
    """The engine's dotted property path for a Terraform attribute path of ``token``, or ``None``."""
    try:
        shape: Shape | None = resource_shape(token)
    except KeyError:
        return None
    parts = [part for part in re.split(r"[/.]", terraform_path) if part and not _INDEX.match(part)]
    names: list[str] = []
    for depth, part in enumerate(parts):
        field = _field(shape, part) if shape is not None else None
        if field is None:
            if depth == 0:
                return None
            break
        names.append(field.camel)
        shape = _nested(shape, field) if shape is not None else None
        if shape is None:
            break
    return ".".join(names) if names else None


def _nested(shape: Shape, field: Field) -> Shape | None:
    if field.nested is None:
        return None
    try:
        return nested_shape(shape.module, field.nested)
    except KeyError:
        return None
