"""Render an ``Evaluation``: ``json`` (the DESIGN §7 object, exactly) and ``markdown`` (a PR comment).

The ``text`` format, for a terminal, is in ``tools.report_text``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cost.report import CostLine, money, usd
from cost.tiers import tier_of, tier_sort_key

from tools import REPO_ROOT
from tools.evaluation import Evaluation, sorted_violations
from tools.snapshot import parse_urn

if TYPE_CHECKING:
    from tools.analyzer.model import Violation
    from tools.costing import StackCost
    from tools.program import Registration

TOP_DRIVERS = 5


def as_json(evaluation: Evaluation) -> dict[str, Any]:
    """The DESIGN §7 object: these keys, in this order, nothing more."""
    snapshot = evaluation.snapshot
    return {
        "stack": snapshot.stack,
        "source": snapshot.source,
        "resources": len(snapshot.resources),
        "violations": [
            {
                "policy": v.policy,
                "enforcement": v.enforcement,
                "urn": v.urn,
                "resource_type": v.resource_type,
                "message": v.message,
            }
            for v in sorted_violations(evaluation.violations)
        ],
        "cost": _cost_json(evaluation.cost),
        "passed": evaluation.passed,
    }


def _cost_json(cost: StackCost) -> dict[str, Any]:
    report = cost.report
    return {
        "monthly_usd": dollars(report.monthly_usd),
        "cap_usd": None if cost.cap_usd is None else dollars(cost.cap_usd),
        "by_tier": {tier: dollars(amount) for tier, amount in report.by_tier().items()},
        "by_resource": [
            {"urn": line.urn, "type": line.type, "monthly_usd": dollars(line.monthly_usd), "basis": line.basis}
            for line in sorted(report.lines, key=lambda line: (-line.monthly_usd, line.urn))
        ],
    }


def dollars(amount: Decimal) -> float:
    """A JSON number of dollars and cents."""
    return float(usd(amount))


def top_drivers(cost: StackCost) -> list[CostLine]:
    """The most expensive resources, most expensive first (free ones left out)."""
    return cost.report.top(TOP_DRIVERS)


def share_of_cap(amount: Decimal, cap: Decimal | None) -> str:
    if cap is None or cap <= 0:
        return ""
    return f"{(amount * 100 / cap).quantize(Decimal(1), rounding=ROUND_HALF_UP)} %"


def resource_name(urn: str) -> str:
    parsed = parse_urn(urn)
    return parsed.name if parsed is not None else urn


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def verdict(evaluation: Evaluation) -> str:
    if evaluation.passed:
        advisory = len(evaluation.advisory)
        return "passed" + (f" with {plural(advisory, 'advisory violation')}" if advisory else "")
    return f"failed: {plural(len(evaluation.mandatory), 'mandatory violation')}"


def title(evaluation: Evaluation) -> str:
    snapshot = evaluation.snapshot
    origin = "" if evaluation.tool == "plan" else f" of {snapshot.source}"
    return f"paved {evaluation.tool}{origin}, stack {snapshot.stack}"


def deployed_by_tier(resources: Iterable[Registration]) -> dict[str, list[Registration]]:
    """Resources that exist in AWS (and remote components), by tier in build order."""
    tiers: dict[str, list[Registration]] = defaultdict(list)
    for resource in sorted(resources, key=lambda r: (r.type, r.name)):
        if resource.custom or resource.remote:
            tiers[tier_of(resource.urn)].append(resource)
    return {tier: tiers[tier] for tier in sorted(tiers, key=tier_sort_key)}


def violations_by_category(violations: list[Violation]) -> dict[str, list[Violation]]:
    grouped: dict[str, list[Violation]] = defaultdict(list)
    for violation in sorted_violations(violations):
        grouped[violation.category].append(violation)
    return dict(sorted(grouped.items(), key=lambda item: (all(not v.mandatory for v in item[1]), item[0])))


def as_markdown(evaluation: Evaluation) -> str:
    """A pull-request comment: verdict, violations table, cost by tier against the cap."""
    snapshot, cost = evaluation.snapshot, evaluation.cost
    icon = "✅" if evaluation.passed else "❌"
    config = evaluation.policy_config.path
    lines = [
        f"<!-- paved:{evaluation.tool}:{snapshot.stack} -->",
        f"### {icon} {title(evaluation)}: {verdict(evaluation)}",
        "",
        f"{plural(len(snapshot.resources), 'resource')} · policy config "
        + (f"`{_relative(config)}`" if config is not None else "none (pack defaults)"),
        "",
        "#### Violations",
        "",
    ]
    lines += _violations_table(evaluation.violations) if evaluation.violations else ["No violations."]
    lines += ["", f"#### Cost by tier{_cap_phrase(cost)}", "", *_cost_table(cost)]
    drivers = top_drivers(cost)
    if drivers:
        lines += ["", "<details><summary>Top cost drivers</summary>", "", "| resource | type | monthly | basis |"]
        lines.append("|---|---|--:|---|")
        for driver in drivers:
            lines.append(
                f"| `{_cell(resource_name(driver.urn))}` | `{driver.type}` | {money(driver.monthly_usd)} "
                f"| {_cell(driver.basis)} |"
            )
        lines += ["", "</details>"]
    unpriced = cost.report.unpriced
    if unpriced:
        types = sorted({item.type for item in unpriced})
        lines += ["", f"Unpriced: {plural(len(unpriced), 'resource')} ({', '.join(f'`{t}`' for t in types)})."]
    return "\n".join(lines) + "\n"


def _violations_table(violations: list[Violation]) -> list[str]:
    rows = ["| | policy | resource | message |", "|---|---|---|---|"]
    for v in sorted_violations(violations):
        mark = "❌ mandatory" if v.mandatory else "⚠️ advisory"
        resource = f"`{_cell(resource_name(v.urn))}` `{v.resource_type}`" if v.urn else "stack"
        rows.append(f"| {mark} | `{v.policy}` | {resource} | {_cell(v.message)} |")
    return rows


def _cost_table(cost: StackCost) -> list[str]:
    rows = ["| tier | monthly | share of cap |", "|---|--:|--:|"]
    for tier, amount in cost.report.by_tier().items():
        rows.append(f"| {tier} | {money(amount)} | {share_of_cap(amount, cost.cap_usd)} |")
    monthly = cost.report.monthly_usd
    cap = f" of {money(cost.cap_usd)}" if cost.cap_usd is not None else ""
    marker = " ❌ over the cap" if cost.over_cap else ""
    rows.append(f"| **total** | **{money(monthly)}** | {share_of_cap(monthly, cost.cap_usd)}{cap}{marker} |")
    return rows


def _cap_phrase(cost: StackCost) -> str:
    return f" (cap {money(cost.cap_usd)} a month)" if cost.cap_usd is not None else " (no cap configured)"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)
