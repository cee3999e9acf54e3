"""``policy-exemptions``: every active exemption, listed as an advisory so it stays visible."""

from __future__ import annotations

from pulumi_policy import EnforcementLevel, Severity, StackValidationArgs, StackValidationPolicy

from paved_policies.exemptions import LEDGER
from paved_policies.policy import LOGGING, Report, config_schema

NAME = "policy-exemptions"


def _list_active_exemptions(args: StackValidationArgs, report: Report) -> None:
    for exemption, urns, withheld in LEDGER.active():
        if not urns:
            report(f"Active {exemption.describe()}; it matches no resource in this stack — remove it.")
            continue
        for urn in urns:
            report(f"Active {exemption.describe()}; withholding {withheld} violation(s) in this stack.", urn)


policy_exemptions = StackValidationPolicy(
    name=NAME,
    description="Checks nothing itself: lists every active policy exemption so it stays visible until it expires.",
    validate=_list_active_exemptions,  # type: ignore[arg-type]
    enforcement_level=EnforcementLevel.ADVISORY,
    config_schema=config_schema(),
    severity=Severity.LOW,
    tags=[LOGGING],
    remediation_steps=(
        "Fix the exempted resource and delete its entry under <policy>.exemptions in policies/config/<stack>.json."
    ),
)
"""Runs last (see ``registry``), after every other policy has applied its exemptions."""
