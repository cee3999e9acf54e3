"""A test harness for policies: build validation args exactly as the analyzer does.

The Pulumi policy SDK ships no way to unit-test a policy. Here a resource's properties go through
the same path as in ``pulumi preview``: encoded into a protobuf ``Struct`` (so numbers arrive as
floats), decoded by the SDK, and wrapped in its unknown-checking proxy (so reading a value that is
unknown during preview raises, as it would for real). Use ``UNKNOWN`` for such a value::

    from paved_policies.testing import UNKNOWN, resource_args, violations
    from paved_policies.encryption_at_rest import rds_instance_storage_encrypted

    def test_unencrypted_rds_instance_is_reported() -> None:
        args = resource_args("aws:rds/instance:Instance", {"storageEncrypted": False})
        assert violations(rds_instance_storage_encrypted, args)

    def test_unknown_encryption_is_not_reported() -> None:
        args = resource_args("aws:rds/instance:Instance", {"storageEncrypted": UNKNOWN})
        assert violations(rds_instance_storage_encrypted, args) == []

Stack policies take ``StackResource``s that point at each other by name::

    args = stack_args([
        StackResource("aws:s3/bucket:Bucket", "logs"),
        StackResource(SSE, "logs-sse", {"bucket": UNKNOWN}, property_dependencies={"bucket": ["logs"]}),
    ])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
) -> PolicyProviderResource:
    """A provider as the analyzer passes it. By default an AWS provider whose ``defaultTags``
    arrive JSON-encoded, as provider inputs do on the wire."""
    if properties is None:
        import json

        properties = {"region": "us-east-1", "defaultTags": json.dumps({"tags": DEFAULT_TAGS})}
    urn = f"urn:pulumi:{stack}::{project}::{type_}::{name}"
    return PolicyProviderResource(type_, proxied(properties), urn, name)


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
    provider: PolicyProviderResource | bool | None = True,
    config: Mapping[str, Any] | None = None,
    stack: str = "test",
) -> ResourceValidationArgs:
    """The args ``Analyze`` would build for one resource. ``provider=True`` gives the default
    tagged AWS provider, ``None``/``False`` none."""
    if provider is True:
        provider = provider_resource(stack=stack)
    return ResourceValidationArgs(
        type_,
        proxied(properties or {}),
        urn or urn_for(type_, name, stack=stack),
        name,
        options(protect=protect, parent=parent),
        provider or None,
        dict(config) if config is not None else None,
    )


@dataclass
class StackResource:
    """A resource for ``stack_args``; references to others are by name."""

    type: str
    name: str
    properties: Mapping[str, Any] = field(default_factory=dict)
    dependencies: Sequence[str] = ()
    property_dependencies: Mapping[str, Sequence[str]] = field(default_factory=dict)
    parent: str | None = None
    protect: bool = False


def stack_args(
    resources: Sequence[StackResource], *, config: Mapping[str, Any] | None = None, stack: str = "test"
) -> StackValidationArgs:
    """The args ``AnalyzeStack`` would build: parents, dependencies and property dependencies
    resolved to the resource objects, each resource with the default tagged provider."""
    by_name: dict[str, PolicyResource] = {}
    urns = {spec.name: urn_for(spec.type, spec.name, stack=stack) for spec in resources}
    for spec in resources:
        by_name[spec.name] = PolicyResource(
            spec.type,
            proxied(spec.properties),
            urns[spec.name],
            spec.name,
            options(protect=spec.protect, parent=urns.get(spec.parent or "")),
            provider_resource(stack=stack),
            None,
            [],
            {},
        )
    for spec in resources:
        resource = by_name[spec.name]
        resource.parent = by_name.get(spec.parent or "")
        resource.property_dependencies = {
            key: [by_name[name] for name in names] for key, names in spec.property_dependencies.items()
        }
        named = list(spec.dependencies) + [n for names in spec.property_dependencies.values() for n in names]
        resource.dependencies = [by_name[name] for name in dict.fromkeys(named)]
    return StackValidationArgs(list(by_name.values()), dict(config) if config is not None else None)


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
