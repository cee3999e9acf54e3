"""The cost model's input: resources as the engine sees them, from any of the shapes paved meets.

A ``Resource`` is a type token, a URN, camelCase properties (plain values), its parent's URN, its
provider reference and its dependencies. It is built from pulumi-policy's ``PolicyResource``
(``from_policy_resource``, for the budget policies) or from a plain mapping (``from_mapping``: stack
exports, ``pulumi preview --json`` steps, the mocks harness's registrations).

Values unknown during a preview arrive as the engine's sentinel strings, as pulumi-policy's
``UnknownValueError`` when read through its proxies, or as ``None``; ``plain`` turns the first two
into ``UNKNOWN`` so that the estimator can say "unknown during preview" instead of crashing. That is
the one marker the policies use too (``paved_policies.unknown``, re-exported here).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from paved_policies.unknown import UNKNOWN, UNKNOWN_SENTINELS

__all__ = [
    "UNKNOWN",
    "UNKNOWN_SENTINELS",
    "Resource",
    "from_mapping",
    "from_policy_resource",
    "plain",
    "provider_regions_of_policy_resources",
]


@dataclass(frozen=True)
class Resource:
    type: str
    urn: str
    props: Mapping[str, Any] = field(default_factory=dict)
    parent: str = ""
    provider: str = ""
    """The provider reference (``<provider urn>::<id>``), or just its URN."""
    dependencies: tuple[str, ...] = ()
    property_dependencies: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    custom: bool | None = None
    """False for components; None when the source does not say."""

    @property
    def name(self) -> str:
        """The logical name: the URN's last part."""
        return self.urn.rsplit("::", 1)[-1] if "::" in self.urn else self.urn

    @property
    def provider_urn(self) -> str:
        parts = self.provider.split("::")
        return "::".join(parts[:-1]) if len(parts) > 4 else self.provider


def plain(value: Any) -> Any:
    """A deep copy of ``value`` with mappings as dicts, sequences as lists and unknowns as ``UNKNOWN``."""
    if isinstance(value, str):
        return UNKNOWN if value in UNKNOWN_SENTINELS else value
    if isinstance(value, Mapping):
        result: dict[str, Any] = {}
        for key in list(value):
            result[str(key)] = _read(value, key)
        return result
    if isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
        return [_read(value, index) for index in range(len(value))]
    return value


def _read(container: Any, key: Any) -> Any:
    try:
        item = container[key]
    except Exception as error:
        if _is_unknown_error(error):
            return UNKNOWN
        raise
    return plain(item)


def _is_unknown_error(error: Exception) -> bool:
    """pulumi-policy's ``UnknownValueError`` (matched by shape, so this module needs no pulumi-policy)."""
    return type(error).__name__ == "UnknownValueError" and hasattr(error, "unknown_type_sentinel")


def from_mapping(item: Mapping[str, Any]) -> Resource:
    """A resource from a plain mapping: a stack export resource, a preview step's state, or a dict.

    Properties come from ``props``, else from ``outputs`` overlaid with ``inputs`` (an export's outputs
    carry the provider's defaults, its inputs what was asked); dependency keys may be camelCase or
    snake_case. The type defaults to the URN's own type.
    """
    urn = str(item.get("urn", ""))
    props = _props_of(item)
    property_dependencies = item.get("propertyDependencies", item.get("property_dependencies")) or {}
    custom = item.get("custom")
    return Resource(
        type=str(item.get("type") or _type_of_urn(urn)),
        urn=urn,
        props=plain(props),
        parent=str(item.get("parent") or ""),
        provider=str(item.get("provider") or ""),
        dependencies=tuple(str(d) for d in item.get("dependencies") or ()),
        property_dependencies={str(k): tuple(str(u) for u in v or ()) for k, v in property_dependencies.items()},
        custom=custom if isinstance(custom, bool) else None,
    )


def _props_of(item: Mapping[str, Any]) -> Mapping[str, Any]:
    given = item.get("props")
    if isinstance(given, Mapping):
        return given
    merged: dict[str, Any] = {}
    for key in ("outputs", "inputs"):
        part = item.get(key)
        if isinstance(part, Mapping):
            merged.update({k: v for k, v in part.items() if key == "outputs" or v is not None})
    return merged


def from_policy_resource(resource: Any) -> Resource:
    """A resource from pulumi-policy's ``PolicyResource`` (``StackValidationArgs.resources``)."""
    provider = getattr(resource, "provider", None)
    parent = getattr(resource, "parent", None)
    provider_ref = ""
    if provider is not None:
        provider_ref = str(getattr(provider, "urn", ""))
    return Resource(
        type=str(resource.resource_type),
        urn=str(resource.urn),
        props=plain(resource.props),
        parent=str(parent.urn) if parent is not None else "",
        provider=provider_ref,
        dependencies=tuple(str(d.urn) for d in getattr(resource, "dependencies", None) or ()),
        property_dependencies={
            str(key): tuple(str(d.urn) for d in deps)
            for key, deps in (getattr(resource, "property_dependencies", None) or {}).items()
        },
    )


def provider_regions_of_policy_resources(resources: Sequence[Any]) -> dict[str, str]:
    """Provider URN → region, read from the providers attached to pulumi-policy resources."""
    regions: dict[str, str] = {}
    for resource in resources:
        provider = getattr(resource, "provider", None)
        if provider is None:
            continue
        region = plain(getattr(provider, "props", {}) or {}).get("region")
        if isinstance(region, str):
            regions[str(provider.urn)] = region
    return regions


def _type_of_urn(urn: str) -> str:
    parts = urn.split("::")
    return parts[2].split("$")[-1] if len(parts) >= 4 else ""
