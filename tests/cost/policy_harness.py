"""Run the budget policies the way the analyzer does: props deserialized and wrapped in unknown-checking proxies."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pulumi_policy import (
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
from pulumi_policy.proxy import unknown_checking_proxy

from tools.program import ProgramRun

Violation = tuple[str, str | None]


def _options() -> PolicyResourceOptions:
    return PolicyResourceOptions(False, [], None, [], PolicyCustomTimeouts(0, 0, 0), [])


def policy_resource(
    type_: str,
    urn: str,
    props: Mapping[str, Any],
    *,
    provider: PolicyProviderResource | None = None,
) -> PolicyResource:
    name = urn.rsplit("::", 1)[-1]
    proxied = unknown_checking_proxy(deserialize_properties(dict(props)))
    return PolicyResource(type_, proxied, urn, name, _options(), provider, None, [], {})


def resources_of_run(run: ProgramRun, extra: Sequence[PolicyResource] = ()) -> list[PolicyResource]:
    """Every registration of a mocks run as the analyzer hands it to a stack policy (parents linked)."""
    providers = {
        r.urn: PolicyProviderResource(
            r.type, unknown_checking_proxy(deserialize_properties(r.properties)), r.urn, r.name
        )
        for r in run.resources
        if r.is_provider
    }
    resources: dict[str, PolicyResource] = {}
    for registration in run.resources:
        provider_urn = (registration.provider or registration.providers.get("aws", "")).rsplit("::", 1)[0]
        resources[registration.urn] = PolicyResource(
            registration.type,
            unknown_checking_proxy(deserialize_properties(registration.properties)),
            registration.urn,
            registration.name,
            _options(),
            providers.get(provider_urn),
            None,
            [],
            {},
        )
    for registration in run.resources:
        resources[registration.urn].parent = resources.get(registration.parent)
    return [*resources.values(), *extra]


def run_stack_policy(
    policy: StackValidationPolicy, resources: list[PolicyResource], config: Mapping[str, Any]
) -> list[Violation]:
    violations: list[Violation] = []

    def report(message: str, urn: str | None = None) -> None:
        violations.append((message, urn))

    policy.validate(StackValidationArgs(resources, dict(config)), report)
    return violations


def run_resource_policy(
    policy: ResourceValidationPolicy, resource: PolicyResource, config: Mapping[str, Any]
) -> list[Violation]:
    violations: list[Violation] = []

    def report(message: str, urn: str | None = None) -> None:
        violations.append((message, urn))

    args = ResourceValidationArgs(
        resource.resource_type, resource.props, resource.urn, resource.name, _options(), None, dict(config)
    )
    policy.validate(args, report)
    return violations
