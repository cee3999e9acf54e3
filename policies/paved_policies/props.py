"""Reading resource properties the way the engine sends them: camelCase, possibly unknown.

During a preview a value computed from another resource's output is *unknown*. The SDK hands
policies a proxy that raises ``UnknownValueError`` when such a value is read; inside this pack every
read goes through ``get``/``plain`` instead, which turn an unknown into the ``UNKNOWN`` marker.
A policy that meets ``UNKNOWN`` where it needs a value reports nothing: it cannot know, and a
false violation would block a good preview.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Final

from pulumi_policy.proxy import UnknownValueError

from paved_policies.unknown import UNKNOWN, UNKNOWN_SENTINELS, Unknown

_SECRET_SIG: Final = "4dabf18193072939515e22adb298388d"


def _item(container: Any, key: Any) -> Any:
    """``container[key]``, with unknowns as ``UNKNOWN`` and anything absent as ``None``."""
    try:
        value = container[key]
    except UnknownValueError:
        return UNKNOWN
    except (KeyError, IndexError, TypeError):
        return None
    if isinstance(value, str) and value in UNKNOWN_SENTINELS:
        return UNKNOWN
    if isinstance(value, Mapping) and _SECRET_SIG in value:
        return _item(value, "value")
    return value


def get(props: Any, *path: str | int) -> Any:
    """The value at ``path`` (keys and list indexes): ``None`` if absent, ``UNKNOWN`` if unknown.

    A path that runs through a non-container, or through an unknown, ends there: the result is
    ``None`` or ``UNKNOWN`` respectively.
    """
    value = props
    for key in path:
        if value is None or value is UNKNOWN:
            return value
        if isinstance(key, int) and not isinstance(value, Sequence):
            return None
        if isinstance(key, str) and not isinstance(value, Mapping):
            return None
        value = _item(value, key)
    return value


def plain(value: Any) -> Any:
    """A deep plain copy (dicts, lists, scalars) with every unknown replaced by ``UNKNOWN``."""
    if isinstance(value, str):
        return UNKNOWN if value in UNKNOWN_SENTINELS else value
    if isinstance(value, Mapping):
        if _SECRET_SIG in value:
            return plain(_item(value, "value"))
        return {key: plain(_item(value, key)) for key in value}
    if isinstance(value, Sequence):
        return [plain(_item(value, index)) for index in range(len(value))]
    return value


def items(value: Any) -> list[Any]:
    """A list property's items (each possibly ``UNKNOWN``); a single object counts as one item.

    Absent or unknown lists give ``[]`` — use ``get`` first when an unknown list must be told apart.
    """
    if value is None or value is UNKNOWN:
        return []
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [_item(value, index) for index in range(len(value))]
    return [value]


def truth(value: Any, default: bool | None = None) -> bool | Unknown | None:
    """A boolean property: ``True``/``False`` (also from the strings the provider uses), the
    provider's ``default`` when absent, ``UNKNOWN`` when unknown, ``None`` when not a boolean."""
    if isinstance(value, Unknown):
        return value
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in ("true", "1", "yes", "on", "enabled"):
            return True
        if lowered in ("false", "0", "no", "off", "disabled", ""):
            return False
    if isinstance(value, int | float):
        return value != 0
    return None


def number(value: Any) -> float | Unknown | None:
    """A numeric property (numbers arrive as floats; some as strings), ``None`` if absent or not a number."""
    if isinstance(value, Unknown):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def text(value: Any) -> str | Unknown | None:
    """A string property, ``None`` if absent or not a string."""
    if isinstance(value, Unknown):
        return value
    return value if isinstance(value, str) else None


def json_object(value: Any) -> Any:
    """A property that may hold JSON as a string or as an object (policy documents, provider
    inputs): the decoded plain value, ``UNKNOWN`` if unknown, ``None`` if absent or not JSON."""
    value = plain(value)
    if isinstance(value, str):
        try:
            return plain(json.loads(value))
        except (ValueError, RecursionError):
            return None
    return value


def contains_unknown(value: Any) -> bool:
    """Whether a plain value (from ``plain``) holds an unknown anywhere."""
    if value is UNKNOWN:
        return True
    if isinstance(value, dict):
        return any(contains_unknown(item) for item in value.values())
    if isinstance(value, list):
        return any(contains_unknown(item) for item in value)
    return False


def at(props: Any, dotted: str) -> Any:
    """``get`` along a dotted camelCase path (``"encryptAtRest.kmsKeyId"``), as the data files write
    them. A one-item list on the way stands for its item: older provider releases and stack exports
    carry some single blocks as lists."""
    value = props
    for key in dotted.split("."):
        if isinstance(value, Sequence) and not isinstance(value, str) and len(value) == 1:
            value = _item(value, 0)
        value = get(value, key)
    return value


def each_at(props: Any, dotted: str) -> list[Any] | Unknown:
    """The items of the list at a dotted path; ``name[]`` in the path walks every item of a nested
    list (``"policyDetails.schedules[].crossRegionCopyRules"``). ``UNKNOWN`` if any list on the way is
    unknown (an unknown item stays ``UNKNOWN`` in the result); ``[]`` if absent."""
    found: list[Any] = [props]
    for part in dotted.split("."):
        walk = part.endswith("[]")
        key = part[:-2] if walk else part
        next_found: list[Any] = []
        for container in found:
            value = get(container, key)
            if isinstance(value, Unknown):
                return UNKNOWN
            next_found.extend(items(value) if walk else [value])
        found = [value for value in next_found if value is not None]
    result: list[Any] = []
    for value in found:
        if isinstance(value, Unknown):
            return UNKNOWN
        result.extend(items(value))
    return result


def shown(value: Any) -> str:
    """A property value for a message: whole numbers without the ``.0`` the wire adds, ``unset`` for ``None``."""
    if value is None:
        return "unset"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
