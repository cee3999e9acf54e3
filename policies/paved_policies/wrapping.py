"""What runs around every paved validator: the type filter and the policy's exemptions.

``define_policy`` wraps each validator here, so that a resource validator only sees the types its
policy declares and exemptions (``exemptions``) apply to every policy alike: an active exemption
withholds the policy's violations for the matching resources, an expired one is itself reported.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final, Protocol, cast

from pulumi_policy import ReportViolation, ResourceValidationArgs, StackValidationArgs

from paved_policies.exemptions import LEDGER, Exemption, first_match, parse_exemptions, today

ANY_TYPE: Final = "*"
"""In ``resource_types``: the policy looks at every resource (it filters itself)."""


def covers(resource_types: frozenset[str], resource_type: str) -> bool:
    """The one type filter: whether a policy declaring ``resource_types`` looks at ``resource_type``."""
    return resource_type in resource_types or ANY_TYPE in resource_types


class Report(Protocol):
    """What a validator calls to report a violation (``urn`` only in stack policies)."""

    def __call__(self, message: str, urn: str | None = None) -> None: ...


ResourceValidator = Callable[[ResourceValidationArgs, Report], None]
StackValidator = Callable[[StackValidationArgs, Report], None]
SdkResourceValidator = Callable[[ResourceValidationArgs, ReportViolation], None]
SdkStackValidator = Callable[[StackValidationArgs, ReportViolation], None]


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


def resource_validator(
    name: str, types: frozenset[str], validate: ResourceValidator, *, exemptible: bool = True
) -> SdkResourceValidator:
    """``validate`` for the SDK: only on the declared types, with the policy's exemptions applied."""

    def run(args: ResourceValidationArgs, sdk_report: ReportViolation) -> None:
        if not covers(types, args.resource_type):
            return
        report = cast(Report, sdk_report)
        exemptions = _exemptions(name, args.get_config()) if exemptible else ()
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


def stack_validator(
    name: str, types: frozenset[str], validate: StackValidator, *, exemptible: bool = True
) -> SdkStackValidator:
    """``validate`` for the SDK, with the policy's exemptions applied to the declared types' resources."""

    def run(args: StackValidationArgs, sdk_report: ReportViolation) -> None:
        report = cast(Report, sdk_report)
        exemptions = _exemptions(name, args.get_config()) if exemptible else ()
        if not exemptions:
            validate(args, report)
            return
        day = today()
        for resource in args.resources:
            if not covers(types, resource.resource_type):
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
