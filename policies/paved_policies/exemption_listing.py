"""``policy-exemptions``: every active exemption, listed as an advisory so it stays visible.

It reads the ledger the other policies write while they apply their exemptions, so the registry runs
it last; it cannot be exempted itself (an exemption from the listing would hide exemptions).
"""

from __future__ import annotations

from pulumi_policy import Severity, StackValidationArgs

from paved_policies.exemptions import LEDGER
from paved_policies.policy import ANY_TYPE, LOGGING, STACK, Report, define_policy


def _list_active_exemptions(args: StackValidationArgs, report: Report) -> None:
    for exemption, urns, withheld in LEDGER.active():
        if not urns:
            report(f"Active {exemption.describe()}; it matches no resource in this stack — remove it.")
            continue
        for urn in urns:
            report(f"Active {exemption.describe()}; withholding {withheld} violation(s) in this stack.", urn)


policy_exemptions = define_policy(
    name="policy-exemptions",
    kind=STACK,
    description="Checks nothing itself: lists every active policy exemption so it stays visible until it expires.",
    validate=_list_active_exemptions,
    resource_types=[ANY_TYPE],
    category=LOGGING,
    severity=Severity.LOW,
    remediation_steps=(
        "Fix the exempted resource and delete its entry under <policy>.exemptions in policies/config/<stack>.json."
    ),
    exemptible=False,
)
