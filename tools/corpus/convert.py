"""Terraform HCL → the resources the policy pack sees: type token, camelCase inputs, dependencies.

``convert(text)`` parses one Terraform module's text (python-hcl2) and returns an
``EngineResource`` for every AWS resource it can map to a pulumi-aws type, and for the ``aws``
provider when the file configures one:

- the type is the pulumi-aws token of the Terraform type (``tokens.token_for``);
- each input takes the name the SDK gives it (``sdk_schema``): camelCase, list blocks pluralised
  (``cors_rule`` → ``corsRules``); a block the schema holds as ``MaxItems: 1`` becomes an object,
  any other block a list — the bridge presents them so. Two exceptions, both as the SDK says:
  an attribute with both a string and an object form (``policy``) stays a string, and a field
  the SDK does not know keeps its camelCase name and is listed in ``unmapped``;
- scalars take the schema's type (``"22"`` for an ``int`` input becomes 22, ``"true"`` a bool);
- references (``aws_kms_key.k.arn``) become known placeholders (``hcl_values``) and give the
  property a dependency on the referenced resource, as the engine records them
  (``propertyDependencies``); ``depends_on`` becomes a plain dependency;
- a separate Terraform sub-resource (``aws_s3_bucket_server_side_encryption_configuration``)
  stays its own resource, its ``bucket`` input depending on the bucket;
- ``dynamic`` blocks contribute their ``content`` once; ``count``/``for_each`` resources appear once.

Names are the Terraform addresses (``aws_s3_bucket.logs``), unique within a module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

import hcl2
from hcl2.utils import SerializationOptions

from tools.corpus.hcl_values import UNKNOWN, Evaluator, Scope, is_block_list, unquote_key
from tools.corpus.policy_document import render
from tools.corpus.sdk_schema import PROVIDER_TOKEN, Field, Shape, nested_shape, resource_shape
from tools.corpus.tokens import token_for

_OPTIONS: Final = SerializationOptions(with_comments=False, preserve_heredocs=False)
_BLOCK_KINDS: Final = "resource|data|module|provider|variable|locals|output|terraform|moved|import|check"
_TOP_LEVEL: Final = re.compile(rf'^[ \t]*({_BLOCK_KINDS})(?:[ \t]+"?([\w-]+)"?)?(?:[ \t]+"?([\w-]+)"?)?[ \t]*\{{', re.M)
_META_ARGUMENTS: Final = frozenset(
    {"count", "for_each", "provider", "depends_on", "lifecycle", "provisioner", "connection", "timeouts"}
)
_MARKERS: Final = frozenset({"__is_block__"})


class ConversionError(ValueError):
    """Text that python-hcl2 cannot parse."""


@dataclass
class EngineResource:
    """One resource as the engine presents it to the policy pack."""

    address: str
    """The Terraform address (``aws_s3_bucket.logs``), used as the resource's name."""
    terraform_type: str
    type: str
    properties: dict[str, Any]
    property_dependencies: dict[str, list[str]] = field(default_factory=dict)
    dependencies: list[str] = field(default_factory=list)
    lines: tuple[int, int] = (0, 0)
    unmapped: list[str] = field(default_factory=list)
    """Terraform attributes the SDK has no input for (kept under their camelCase name)."""
    data_sources: list[str] = field(default_factory=list)
    """The data sources (``data.<type>.<name>``) its inputs were computed from."""


@dataclass
class Module:
    """A parsed Terraform module: its scope and the blocks to convert."""

    scope: Scope
    resources: list[tuple[str, str, dict[str, Any]]]
    providers: list[dict[str, Any]]
    skipped: list[str]
    lines: dict[str, tuple[int, int]] = field(default_factory=dict)
    """``"<type>.<name>"`` → the first and last line of its block (1-based)."""


def parse(text: str) -> Module:
    """Parse Terraform text into its scope (variables, locals, resources, data) and blocks."""
    try:
        document = hcl2.loads(text.lstrip("\ufeff"), serialization_options=_OPTIONS)
    except Exception as error:
        raise ConversionError(f"not parseable as HCL: {str(error).splitlines()[0]}") from None
    scope = Scope(render_data=render)
    resources: list[tuple[str, str, dict[str, Any]]] = []
    providers: list[dict[str, Any]] = []
    skipped: list[str] = []
    for block in document.get("variable", []):
        for name, body in block.items():
            scope.variables[unquote_key(name)] = body
    for block in document.get("locals", []):
        scope.locals.update({k: v for k, v in block.items() if k not in _MARKERS})
    for kind, name, body in _labelled(document.get("data", [])):
        scope.data[f"{kind}.{name}"] = body
    for kind, name, body in _labelled(document.get("resource", [])):
        scope.resources[f"{kind}.{name}"] = body
        resources.append((kind, name, body))
    for block in document.get("provider", []):
        for name, body in block.items():
            if unquote_key(name) == "aws":
                providers.append(body)
    for block in document.get("module", []):
        skipped.extend(f"module.{unquote_key(name)}" for name in block)
    return Module(scope, resources, providers, skipped, _block_lines(text))


def _block_lines(text: str) -> dict[str, tuple[int, int]]:
    """Each resource block's line span: from its header to the line before the next top-level block."""
    starts = [(text.count("\n", 0, match.start()) + 1, match) for match in _TOP_LEVEL.finditer(text)]
    total = text.count("\n") + 1
    spans: dict[str, tuple[int, int]] = {}
    seen: dict[str, int] = {}
    for index, (line, match) in enumerate(starts):
        end = starts[index + 1][0] - 1 if index + 1 < len(starts) else total
        if match.group(1) == "resource" and match.group(3):
            spans[_unique(f"{match.group(2)}.{match.group(3)}", seen)] = (line, end)
        elif match.group(1) == "provider" and match.group(2) == "aws":
            spans.setdefault("provider.aws", (line, end))
    return spans


def _labelled(blocks: list[dict[str, Any]]) -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for block in blocks:
        for kind, named in block.items():
            for name, body in named.items():
                if name not in _MARKERS:
                    found.append((unquote_key(kind), unquote_key(name), body))
    return found


def convert(text: str) -> list[EngineResource]:
    """Every AWS resource (and ``aws`` provider) of a Terraform module, in engine form."""
    return convert_module(parse(text))


def convert_module(module: Module) -> list[EngineResource]:
    converted: list[EngineResource] = []
    for index, body in enumerate(module.providers):
        address = "provider.aws" if index == 0 else f"provider.aws.{index}"
        converted.append(_resource(module.scope, address, "provider.aws", PROVIDER_TOKEN, body))
    seen: dict[str, int] = {}
    for kind, name, body in module.resources:
        address = _unique(f"{kind}.{name}", seen)
        token = token_for(kind)
        if token is not None:
            converted.append(_resource(module.scope, address, kind, token, body))
    addresses = {resource.address for resource in converted}
    for resource in converted:
        resource.lines = module.lines.get(resource.address, (0, 0))
        resource.dependencies = [name for name in resource.dependencies if name in addresses]
        kept = {key: [n for n in names if n in addresses] for key, names in resource.property_dependencies.items()}
        resource.property_dependencies = {key: names for key, names in kept.items() if names}
    return converted


def _unique(address: str, seen: dict[str, int]) -> str:
    """The address, or ``<address>~<n>`` for its n-th repetition (invalid Terraform some suites hold)."""
    seen[address] = seen.get(address, 0) + 1
    return address if seen[address] == 1 else f"{address}~{seen[address]}"


def _resource(scope: Scope, address: str, kind: str, token: str, body: dict[str, Any]) -> EngineResource:
    shape = resource_shape(token)
    resource = EngineResource(address, kind, token, {})
    for key, raw in body.items():
        if key in _MARKERS or key in _META_ARGUMENTS:
            continue
        evaluator = Evaluator(scope)
        converted = _entries(key, raw, shape, evaluator, resource.unmapped, prefix="")
        resource.data_sources = sorted(set(resource.data_sources) | evaluator.data_sources)
        for name, value in converted.items():
            resource.properties[name] = value
            if evaluator.references - {address}:
                resource.property_dependencies[name] = sorted(evaluator.references - {address})
    resource.dependencies = _depends_on(scope, body.get("depends_on"), address, resource.property_dependencies)
    return resource


def _depends_on(scope: Scope, raw: Any, address: str, by_property: dict[str, list[str]]) -> list[str]:
    explicit: list[str] = []
    for item in raw if isinstance(raw, list) else []:
        text = str(item).removeprefix("${").removesuffix("}")
        if text in scope.resources and text != address:
            explicit.append(text)
    implied = [name for names in by_property.values() for name in names]
    return list(dict.fromkeys(implied + explicit))


def _field_for(key: str, shape: Shape | None) -> Field | None:
    """The SDK field a Terraform attribute or block maps to: a field the bridge renames
    (``_RENAMES``), the same name, the pluralised one, or ``x`` for a reference ``x_id``."""
    if shape is None:
        return None
    renamed = _RENAMES.get((shape.owner, key))
    candidates = [renamed] if renamed else []
    candidates += _plurals(key)
    if key.endswith("_id"):
        candidates.append(key.removesuffix("_id"))
    for candidate in candidates:
        if candidate in shape.fields:
            return shape.fields[candidate]
    return None


_RENAMES: Final = {
    ("aws:cloudwatch/metricAlarm:MetricAlarm", "alarm_name"): "name",
    ("aws:lambda/function:Function", "function_name"): "name",
    ("aws:lambda/function:Function", "filename"): "code",
    ("aws:lambda/permission:Permission", "function_name"): "function",
    ("aws:rds/instance:Instance", "name"): "db_name",
    ("aws:elasticache/replicationGroup:ReplicationGroup", "replication_group_description"): "description",
    ("aws:elasticache/replicationGroup:ReplicationGroup", "number_cache_clusters"): "num_cache_clusters",
    ("aws:elasticache/replicationGroup:ReplicationGroup", "availability_zones"): "preferred_cache_cluster_azs",
    ("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "s3_configuration"): "extended_s3_configuration",
}
"""(token, Terraform attribute) → SDK field: names pulumi-aws gives its own (``provider/resources.go``
``Fields`` overrides, v7), and attributes the Terraform provider renamed since a test was written
(``name`` → ``db_name``, ``s3_configuration`` → ``extended_s3_configuration``)."""


def _plurals(key: str) -> list[str]:
    forms = [key, f"{key}s", f"{key}es"]
    if key.endswith("y"):
        forms.append(f"{key[:-1]}ies")
    return forms


def _entries(
    key: str, raw: Any, shape: Shape | None, evaluator: Evaluator, unmapped: list[str], *, prefix: str
) -> dict[str, Any]:
    """The engine entries for one Terraform attribute or block (a ``dynamic`` may give several)."""
    if key == "dynamic" and isinstance(raw, list):
        entries: dict[str, Any] = {}
        for block in raw:
            for label, dynamic in block.items():
                if label in _MARKERS:
                    continue
                content = dynamic.get("content") if isinstance(dynamic, dict) else None
                if is_block_list(content):
                    entries.update(_entries(unquote_key(label), content, shape, evaluator, unmapped, prefix=prefix))
        return entries
    target = _field_for(key, shape)
    name = target.camel if target else _camel(key)
    if target is None and shape is not None:
        unmapped.append(f"{prefix}{key}")
    value = _value(raw, target, shape, evaluator, unmapped, prefix=f"{prefix}{key}.")
    return {} if value is None else {name: value}


def _value(
    raw: Any, target: Field | None, owner: Shape | None, evaluator: Evaluator, unmapped: list[str], *, prefix: str
) -> Any:
    nested = _nested(target, owner)
    if is_block_list(raw):
        items = [_block(block, nested, evaluator, unmapped, prefix) for block in raw]
        if target is not None and target.kind == "object":
            return items[0]
        return items
    value = evaluator.value(raw)
    if nested is not None and isinstance(value, dict):
        return _object(value, nested, unmapped, prefix)
    if nested is not None and isinstance(value, list):
        return [_object(item, nested, unmapped, prefix) if isinstance(item, dict) else item for item in value]
    return _typed(value, target)


def _nested(target: Field | None, owner: Shape | None) -> Shape | None:
    if target is None or target.nested is None or owner is None:
        return None
    try:
        return nested_shape(owner.module, target.nested)
    except KeyError:
        return None


def _block(
    block: dict[str, Any], shape: Shape | None, evaluator: Evaluator, unmapped: list[str], prefix: str
) -> dict[str, Any]:
    converted: dict[str, Any] = {}
    for key, raw in block.items():
        if key in _MARKERS:
            continue
        converted.update(_entries(key, raw, shape, evaluator, unmapped, prefix=prefix))
    return converted


def _object(value: dict[str, Any], shape: Shape, unmapped: list[str], prefix: str) -> dict[str, Any]:
    """An object written as an attribute (``x = { … }``): its keys renamed as the schema says."""
    converted: dict[str, Any] = {}
    for key, item in value.items():
        target = _field_for(key, shape)
        if target is None:
            unmapped.append(f"{prefix}{key}")
        inner = _nested(target, shape)
        value = (
            _object(item, inner, unmapped, f"{prefix}{key}.") if inner is not None and isinstance(item, dict) else item
        )
        if value is not None:
            converted[target.camel if target else _camel(key)] = _typed(value, target)
    return converted


def _typed(value: Any, target: Field | None) -> Any:
    """A scalar in the schema's type (``"22"`` → 22 for an int input); lists item by item."""
    if target is None or target.scalar is None or value == UNKNOWN:
        return value
    if isinstance(value, list):
        return [_scalar(item, target.scalar) for item in value]
    if isinstance(value, dict) and target.kind == "map":
        return {key: _scalar(item, target.scalar) for key, item in value.items()}
    return _scalar(value, target.scalar)


def _scalar(value: Any, kind: str) -> Any:
    if value == UNKNOWN or value is None:
        return value
    if kind == "bool" and isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if kind in ("int", "float") and isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return value
        return int(number) if kind == "int" and number.is_integer() else number
    if kind == "str" and isinstance(value, bool):
        return "true" if value else "false"
    if kind == "str" and isinstance(value, int | float):
        return str(value)
    return value


def _camel(key: str) -> str:
    head, *rest = key.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)
