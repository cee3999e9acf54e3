"""The test harness for policies: validation args built exactly as the analyzer builds them.

The Pulumi policy SDK ships no way to unit-test a policy. Here a resource's properties go through
the same path as in ``pulumi preview``: encoded into a protobuf ``Struct`` (so numbers arrive as
floats), decoded by the SDK (``MessageToDict`` then ``deserialize_properties``, as
``_PolicyAnalyzerServicer.Analyze`` does in pulumi-policy 1.21.0), and wrapped in its
unknown-checking proxy (so reading a value that is unknown during preview raises, as it would for
real). Use ``UNKNOWN`` for such a value.

Policy tests are specifications: a compliant ``Baseline`` per resource type, and each test changes
one property and states exactly what the whole pack then reports::

    RDS_INSTANCE = Baseline(RDS, {"storageEncrypted": True, ...}, protect=True)

    def test_publicly_accessible_rds_instance_is_reported() -> None:
        assert RDS_INSTANCE.violations({"publiclyAccessible": True}) == [
            ("database-not-publicly-accessible", "The database or broker is publicly accessible.")
        ]

One policy at a time: ``violations(policy, resource_args(...))``. Stack policies take
``StackResource``s that point at each other by name (or URN)::

    args = stack_args([
        StackResource("aws:s3/bucket:Bucket", "logs"),
        StackResource(SSE, "logs-sse", {"bucket": UNKNOWN}, property_dependencies={"bucket": ["logs"]}),
    ])
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from google.protobuf import json_format, struct_pb2
from pulumi_policy import (
    Policy,
    PolicyCustomTimeouts,
    PolicyProviderResource,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)
from pulumi_policy.deserialize import deserialize_properties
from pulumi_policy.proxy import UNKNOWN_STRING_VALUE, unknown_checking_proxy

UNKNOWN: Final = UNKNOWN_STRING_VALUE
"""Put this where a property is unknown during preview (the engine's wire value for it)."""

SECRET_SIG_KEY: Final = "4dabf18193072939515e22adb298388d"
SECRET_SIG: Final = "1b47061264138c4ac30d75fd1eb44270"

DEFAULT_TAGS: Final = {"environment": "test", "project": "paved", "owner": "platform-team", "cost-center": "cc-1"}
"""The standard tags the default test provider carries (as paved's stack provider does)."""

PackConfig = Mapping[str, Mapping[str, Any]]
"""A pack's policy config: policy name → that policy's properties (``policies/config/<stack>.json``
without the enforcement levels)."""

Finding = tuple[str, str]
"""``(policy name, message)``; a stack policy's message on a resource reads ``"<name>: <message>"``."""


def secret(value: Any) -> dict[str, Any]:
    """A secret property as it travels on the wire."""
    return {SECRET_SIG_KEY: SECRET_SIG, "value": value}


def wire(properties: Mapping[str, Any]) -> dict[str, Any]:
    """Properties after a round trip through protobuf, as the analyzer receives them."""
    struct = struct_pb2.Struct()
    struct.update(dict(properties))
    return dict(json_format.MessageToDict(struct))


def proxied(properties: Mapping[str, Any]) -> Mapping[str, Any]:
    """What a policy's ``args.props`` is: decoded, with the SDK's unknown-checking proxy."""
    return unknown_checking_proxy(deserialize_properties(wire(properties)))


def provider_resource(
    properties: Mapping[str, Any] | None = None,
    *,
    type_: str = "pulumi:providers:aws",
    name: str = "aws",
    stack: str = "test",
    project: str = "paved",
    urn: str | None = None,
) -> PolicyProviderResource:
    """A provider as the analyzer passes it. By default an AWS provider whose ``defaultTags``
    arrive JSON-encoded, as provider inputs do on the wire."""
    if properties is None:
        properties = {"region": "us-east-1", "defaultTags": json.dumps({"tags": DEFAULT_TAGS})}
    urn = urn or f"urn:pulumi:{stack}::{project}::{type_}::{name}"
    return PolicyProviderResource(type_, proxied(properties), urn, name)


ProviderSpec = PolicyProviderResource | bool | None
"""``True``: the default tagged AWS provider; ``None``/``False``: none; or a provider."""


def _provider(spec: ProviderSpec, stack: str) -> PolicyProviderResource | None:
    if spec is True:
        return provider_resource(stack=stack)
    return spec or None


def options(*, protect: bool = False, parent: str | None = None) -> PolicyResourceOptions:
    return PolicyResourceOptions(protect, [], None, [], PolicyCustomTimeouts(0, 0, 0), [], parent)


def urn_for(type_: str, name: str, *, stack: str = "test", project: str = "paved") -> str:
    return f"urn:pulumi:{stack}::{project}::{type_}::{name}"


def resource_args(
    type_: str,
    properties: Mapping[str, Any] | None = None,
    *,
    name: str = "subject",
    urn: str | None = None,
    protect: bool = False,
    parent: str | None = None,
    provider: ProviderSpec = True,
    config: Mapping[str, Any] | None = None,
    stack: str = "test",
) -> ResourceValidationArgs:
    """The args ``Analyze`` would build for one resource and one policy's ``config``."""
    return ResourceValidationArgs(
        type_,
        proxied(properties or {}),
        urn or urn_for(type_, name, stack=stack),
        name,
        options(protect=protect, parent=parent),
        _provider(provider, stack),
        dict(config) if config is not None else None,
    )


@dataclass
class StackResource:
    """A resource for ``stack_args``; references to others are by name, or by URN."""

    type: str
    name: str
    properties: Mapping[str, Any] = field(default_factory=dict)
    dependencies: Sequence[str] = ()
    property_dependencies: Mapping[str, Sequence[str]] = field(default_factory=dict)
    parent: str | None = None
    protect: bool = False
    urn: str | None = None
    """Default: ``urn:pulumi:<stack>::paved::<type>::<name>``."""
    provider: ProviderSpec = True


def stack_args(
    resources: Sequence[StackResource], *, config: Mapping[str, Any] | None = None, stack: str = "test"
) -> StackValidationArgs:
    """The args ``AnalyzeStack`` would build for one policy's ``config``: parents, dependencies and
    property dependencies resolved to the resource objects."""
    built = [(spec, _policy_resource(spec, stack)) for spec in resources]
    by_key: dict[str, list[PolicyResource]] = {}
    for spec, resource in built:
        by_key.setdefault(resource.urn, []).append(resource)
        if spec.name != resource.urn:
            by_key.setdefault(spec.name, []).append(resource)

    def find(key: str) -> list[PolicyResource]:
        """The resource ``key`` names; a URN outside the list names none (the SDK drops those too)."""
        found = by_key.get(key, [])
        if len(found) > 1 or (not found and not key.startswith("urn:pulumi:")):
            raise ValueError(f"stack_args: {key!r} names {len(found)} resources; refer to it by its URN")
        return found

    for spec, resource in built:
        parents = find(spec.parent) if spec.parent else []
        resource.parent = parents[0] if parents else None
        parent_urn = resource.parent.urn if resource.parent else spec.parent
        resource.opts = options(protect=spec.protect, parent=parent_urn)
        resource.property_dependencies = {
            key: [found for name in names for found in find(name)] for key, names in spec.property_dependencies.items()
        }
        named = list(spec.dependencies) + [n for names in spec.property_dependencies.values() for n in names]
        resource.dependencies = [found for name in dict.fromkeys(named) for found in find(name)]
    return StackValidationArgs([resource for _, resource in built], dict(config) if config is not None else None)


def _policy_resource(spec: StackResource, stack: str) -> PolicyResource:
    urn = spec.urn or urn_for(spec.type, spec.name, stack=stack)
    return PolicyResource(
        spec.type,
        proxied(spec.properties),
        urn,
        spec.name,
        options(protect=spec.protect),
        _provider(spec.provider, stack),
        None,
        [],
        {},
    )


def violations(policy: Policy, args: ResourceValidationArgs | StackValidationArgs) -> list[str]:
    """The messages the policy reports for ``args`` (stack policies: ``"<name>: <message>"``)."""
    found: list[str] = []

    def report(message: str, urn: str | None = None) -> None:
        found.append(f"{urn.rsplit('::', 1)[-1]}: {message}" if urn else message)

    resource_pair = isinstance(policy, ResourceValidationPolicy) and isinstance(args, ResourceValidationArgs)
    stack_pair = isinstance(policy, StackValidationPolicy) and isinstance(args, StackValidationArgs)
    if resource_pair or stack_pair:
        policy.validate(args, report)  # type: ignore[attr-defined]
    else:
        raise TypeError(f"{policy.name}: {type(args).__name__} does not fit a {type(policy).__name__}")
    return found


def pack_violations(
    type_: str,
    properties: Mapping[str, Any] | None = None,
    *,
    protect: bool = False,
    config: PackConfig | None = None,
    provider: ProviderSpec = True,
    name: str = "subject",
) -> list[Finding]:
    """What every resource policy of the pack reports for one resource, sorted by policy name
    (each policy's messages in the order it reported them)."""
    from paved_policies.registry import all_policies

    props = proxied(properties or {})
    resource_provider = _provider(provider, "test")
    found: list[Finding] = []
    for policy in all_policies():
        if not isinstance(policy, ResourceValidationPolicy):
            continue
        own = (config or {}).get(policy.name)
        args = ResourceValidationArgs(
            type_,
            props,
            urn_for(type_, name),
            name,
            options(protect=protect),
            resource_provider,
            dict(own) if own is not None else None,
        )
        found.extend((policy.name, message) for message in violations(policy, args))
    return sorted(found, key=lambda finding: finding[0])


def pack_stack_violations(resources: Sequence[StackResource], *, config: PackConfig | None = None) -> list[Finding]:
    """What every stack policy of the pack reports for the stack, sorted by policy name."""
    from paved_policies.registry import all_policies

    found: list[Finding] = []
    for policy in all_policies():
        if isinstance(policy, StackValidationPolicy):
            own = (config or {}).get(policy.name)
            args = stack_args(resources, config=own)
            found.extend((policy.name, message) for message in violations(policy, args))
    return sorted(found, key=lambda finding: finding[0])


@dataclass(frozen=True)
class Baseline:
    """A compliant resource of one type: every policy of the pack passes it as it is.

    ``violations`` changes it (top-level properties replaced or removed, ``protect``) and returns what
    the whole pack reports, so a test states the one requirement the change breaks and nothing else.
    """

    type: str
    properties: Mapping[str, Any]
    protect: bool = False

    def changed(self, changes: Mapping[str, Any] | None = None, *, without: Iterable[str] = ()) -> dict[str, Any]:
        """The baseline's properties with ``changes`` applied and the ``without`` keys removed."""
        removed = set(without)
        unknown = removed - set(self.properties)
        if unknown:
            raise KeyError(f"{self.type} baseline has no {', '.join(sorted(unknown))} to remove")
        kept = {key: value for key, value in self.properties.items() if key not in removed}
        return {**kept, **(changes or {})}

    def violations(
        self,
        changes: Mapping[str, Any] | None = None,
        *,
        without: Iterable[str] = (),
        protect: bool | None = None,
        config: PackConfig | None = None,
        provider: ProviderSpec = True,
    ) -> list[Finding]:
        return pack_violations(
            self.type,
            self.changed(changes, without=without),
            protect=self.protect if protect is None else protect,
            config=config,
            provider=provider,
        )
