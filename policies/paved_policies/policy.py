"""How a paved policy is declared: category, default enforcement, covered types, exemptions.

A policy module declares module-level validator functions and, for each, a constant built with
``resource_policy`` or ``stack_policy``. Both wrap the validator so that it only sees the resource
types it covers and so that exemptions (see ``exemptions``) apply to every policy alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, Protocol, cast

from pulumi_policy import (
    EnforcementLevel,
    Policy,
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
)

from paved_policies.exemptions import (
    EXEMPTIONS_SCHEMA,
    LEDGER,
    Exemption,
    first_match,
    parse_exemptions,
    today,
)

ENCRYPTION_AT_REST: Final = "encryption-at-rest"
ENCRYPTION_IN_TRANSIT: Final = "encryption-in-transit"
IAM_LEAST_PRIVILEGE: Final = "iam-least-privilege"
PUBLIC_EXPOSURE: Final = "public-exposure"
DATA_PROTECTION: Final = "data-protection"
LOGGING: Final = "logging"
TAGGING: Final = "tagging"
COST: Final = "cost"

CATEGORIES: Final = (
    ENCRYPTION_AT_REST,
    ENCRYPTION_IN_TRANSIT,
    IAM_LEAST_PRIVILEGE,
    PUBLIC_EXPOSURE,
    DATA_PROTECTION,
    LOGGING,
    TAGGING,
    COST,
)
"""Every policy carries exactly one of these in its ``tags``."""

MANDATORY_BY_DEFAULT: Final = frozenset(
    {ENCRYPTION_AT_REST, ENCRYPTION_IN_TRANSIT, IAM_LEAST_PRIVILEGE, PUBLIC_EXPOSURE, COST}
)
"""Encryption, IAM and exposure (issue 3), and the budget caps (cost: DESIGN §5, issue 7)."""


ANY_TYPE: Final = "*"
"""In ``resource_types``: the policy looks at every resource (it filters itself)."""


def default_enforcement(category: str) -> EnforcementLevel:
    """Mandatory for encryption, IAM, exposure and budget; advisory for the rest (overridable per stack)."""
    return EnforcementLevel.MANDATORY if category in MANDATORY_BY_DEFAULT else EnforcementLevel.ADVISORY


class Report(Protocol):
    """What a validator calls to report a violation (``urn`` only in stack policies)."""

    def __call__(self, message: str, urn: str | None = None) -> None: ...


ResourceValidator = Callable[[ResourceValidationArgs, Report], None]
StackValidator = Callable[[StackValidationArgs, Report], None]
SdkResourceValidator = Callable[[ResourceValidationArgs, ReportViolation], None]
SdkStackValidator = Callable[[StackValidationArgs, ReportViolation], None]


class PavedResourcePolicy(ResourceValidationPolicy):
    """A resource policy that knows the resource types it covers and its category."""

    resource_types: frozenset[str]
    category: str


class PavedStackPolicy(StackValidationPolicy):
    """A stack policy that knows the resource types it reports on and its category."""

    resource_types: frozenset[str]
    category: str


def config_schema(properties: Mapping[str, dict[str, Any]] | None = None) -> PolicyConfigSchema:
    """A policy's config schema: ``exemptions`` plus the policy's own properties."""
    return PolicyConfigSchema(properties={"exemptions": EXEMPTIONS_SCHEMA, **(properties or {})})


def resource_policy(
    *,
    name: str,
    description: str,
    validate: ResourceValidator,
    resource_types: Iterable[str],
    category: str,
    severity: Severity,
    remediation_steps: str,
    config: Mapping[str, dict[str, Any]] | None = None,
) -> PavedResourcePolicy:
    types = frozenset(resource_types)
    policy = PavedResourcePolicy(
        name=name,
        description=description,
        validate=_resource_validation(name, None if ANY_TYPE in types else types, validate),
        enforcement_level=default_enforcement(category),
        config_schema=config_schema(config),
        severity=severity,
        tags=[category],
        remediation_steps=remediation_steps,
    )
    policy.resource_types = types
    policy.category = category
    return policy


def stack_policy(
    *,
    name: str,
    description: str,
    validate: StackValidator,
    resource_types: Iterable[str],
    category: str,
    severity: Severity,
    remediation_steps: str,
    config: Mapping[str, dict[str, Any]] | None = None,
) -> PavedStackPolicy:
    types = frozenset(resource_types)
    policy = PavedStackPolicy(
        name=name,
        description=description,
        validate=_stack_validation(name, None if ANY_TYPE in types else types, validate),
        enforcement_level=default_enforcement(category),
        config_schema=config_schema(config),
        severity=severity,
        tags=[category],
        remediation_steps=remediation_steps,
    )
    policy.resource_types = types
    policy.category = category
    return policy


def with_exemptions(policy: Policy) -> Policy:
    """A policy built elsewhere (e.g. the cost model's budget policies), given exemptions.

    Paved's own policies already have them; others are rebuilt around their ``validate`` with the
    same metadata and ``exemptions`` added to their config schema.
    """
    if isinstance(policy, PavedResourcePolicy | PavedStackPolicy):
        return policy
    schema = policy.config_schema
    properties = {"exemptions": EXEMPTIONS_SCHEMA, **(schema.properties if schema else {})}
    common: dict[str, Any] = {
        "name": policy.name,
        "description": policy.description,
        "enforcement_level": policy.enforcement_level,
        "config_schema": PolicyConfigSchema(properties=properties, required=schema.required if schema else None),
        "display_name": policy.display_name,
        "severity": policy.severity,
        "framework": policy.framework,
        "tags": policy.tags,
        "remediation_steps": policy.remediation_steps,
        "url": policy.url,
    }
    if isinstance(policy, StackValidationPolicy):
        return StackValidationPolicy(validate=_stack_validation(policy.name, None, _sync(policy.validate)), **common)
    if isinstance(policy, ResourceValidationPolicy):
        return ResourceValidationPolicy(
            validate=_resource_validation(policy.name, None, _sync(policy.validate)), **common
        )
    raise TypeError(f"{policy.name}: not a resource or stack validation policy")


def _sync(validate: Callable[[Any, ReportViolation], Any]) -> Callable[[Any, Report], None]:
    def run(args: Any, report: Report) -> None:
        result = validate(args, cast(ReportViolation, report))
        if result is not None and hasattr(result, "__await__"):
            import asyncio

            loop = asyncio.new_event_loop()
            try:
                loop.run_until_complete(result)
            finally:
                loop.close()

    return run


# --- exemptions, applied around every validator ----------------------------------------------

_parsed: dict[str, tuple[Any, tuple[Exemption, ...]]] = {}


def _exemptions(policy: str, config: Mapping[str, Any]) -> tuple[Exemption, ...]:
    """The policy's parsed exemptions; parsed once per config (the SDK hands the same list on)."""
    raw = config.get("exemptions") if config else None
    if not raw:
        return ()
    cached = _parsed.get(policy)
    if cached is not None and cached[0] is raw:
        return cached[1]
    exemptions = parse_exemptions(policy, raw)
    _parsed[policy] = (raw, exemptions)
    LEDGER.configured(exemptions)
    return exemptions


def _expired_message(exemption: Exemption) -> str:
    return (
        f"The {exemption.describe()} expired; it no longer withholds violations. "
        "Fix the resource and remove the exemption, or renew it with a new date and reason."
    )


def _resource_validation(name: str, types: frozenset[str] | None, validate: ResourceValidator) -> SdkResourceValidator:
    def run(args: ResourceValidationArgs, sdk_report: ReportViolation) -> None:
        report = cast(Report, sdk_report)
        if types is not None and args.resource_type not in types:
            return
        exemptions = _exemptions(name, args.get_config())
        match = first_match(exemptions, args.urn) if exemptions else None
        if match is None:
            validate(args, report)
            return
        if match.expired(today()):
            report(_expired_message(match))
            validate(args, report)
            return
        withheld = 0

        def withhold(message: str, urn: str | None = None) -> None:
            nonlocal withheld
            withheld += 1

        validate(args, withhold)
        LEDGER.applied(match, args.urn, withheld=withheld)

    run.__name__ = getattr(validate, "__name__", name)
    run.__doc__ = validate.__doc__
    return run


def _stack_validation(name: str, types: frozenset[str] | None, validate: StackValidator) -> SdkStackValidator:
    def run(args: StackValidationArgs, sdk_report: ReportViolation) -> None:
        report = cast(Report, sdk_report)
        exemptions = _exemptions(name, args.get_config())
        if not exemptions:
            validate(args, report)
            return
        day = today()
        for resource in args.resources:
            if types is not None and resource.resource_type not in types:
                continue
            match = first_match(exemptions, resource.urn)
            if match is not None and match.expired(day):
                report(_expired_message(match), resource.urn)
            elif match is not None:
                LEDGER.applied(match, resource.urn, withheld=0)

        def filtered(message: str, urn: str | None = None) -> None:
            match = first_match(exemptions, urn) if urn else None
            if match is not None and not match.expired(day):
                LEDGER.applied(match, urn or "", withheld=1)
                return
            report(message, urn)

        validate(args, filtered)

    run.__name__ = getattr(validate, "__name__", name)
    run.__doc__ = validate.__doc__
    return run
