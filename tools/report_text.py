"""Render an ``Evaluation`` for a terminal with rich: resources by tier, violations by category,
cost by tier against the cap, the top cost drivers, and the verdict."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import IO, TYPE_CHECKING

from cost.report import money
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from tools.evaluation import Evaluation
from tools.report import (
    deployed_by_tier,
    plural,
    resource_name,
    share_of_cap,
    title,
    top_drivers,
    verdict,
    violations_by_category,
)

if TYPE_CHECKING:
    from tools.costing import StackCost
    from tools.program import Registration

NAMES_SHOWN = 4
BAR_WIDTH = 30


def print_text(evaluation: Evaluation, file: IO[str] | None = None, *, width: int | None = None) -> None:
    console = Console(file=file, width=width, highlight=False, soft_wrap=False)
    console.print(render(evaluation))


def render(evaluation: Evaluation) -> RenderableType:
    parts: list[RenderableType] = [
        Text(f"{title(evaluation)} — {plural(len(evaluation.snapshot.resources), 'resource')}", style="bold"),
        Text(""),
        _resources(evaluation),
        Text(""),
        _violations(evaluation),
        Text(""),
        _cost(evaluation.cost),
    ]
    if top_drivers(evaluation.cost):
        parts += [Text(""), _drivers(evaluation.cost)]
    unpriced = evaluation.cost.report.unpriced
    if unpriced:
        types = ", ".join(sorted({item.type for item in unpriced}))
        count = plural(len(unpriced), "resource")
        parts += [Text(""), Text(f"Unpriced: {count} ({types})", style="yellow")]
    style = "bold green" if evaluation.passed else "bold red"
    parts += [Text(""), Text(f"Verdict: {verdict(evaluation)}", style=style)]
    return Group(*parts)


def _resources(evaluation: Evaluation) -> RenderableType:
    costs = _cost_by_urn(evaluation.cost)
    tree = Tree(Text("Resources by tier", style="bold"))
    for tier, members in deployed_by_tier(evaluation.snapshot.resources).items():
        tier_cost = sum((costs.get(r.urn, Decimal(0)) for r in members), Decimal(0))
        branch = tree.add(Text.assemble((tier, "bold cyan"), f" ({len(members)}, {money(tier_cost)}/month)"))
        for type_, group in _by_type(members).items():
            branch.add(_type_line(type_, group, costs))
    return tree


def _by_type(members: list[Registration]) -> dict[str, list[Registration]]:
    grouped: dict[str, list[Registration]] = {}
    for resource in members:
        grouped.setdefault(resource.type, []).append(resource)
    return grouped


def _type_line(type_: str, group: list[Registration], costs: dict[str, Decimal]) -> Text:
    names = [r.name for r in group]
    shown = ", ".join(names[:NAMES_SHOWN]) + (
        f", … {len(names) - NAMES_SHOWN} more" if len(names) > NAMES_SHOWN else ""
    )
    line = Text.assemble(type_, (f" ×{len(group)}" if len(group) > 1 else "", "bold"), (f"  {shown}", "dim"))
    protected = sum(1 for r in group if r.protect)
    if protected:
        line.append(f"  protected{f' ×{protected}' if len(group) > 1 else ''}", style="yellow")
    amount = sum((costs.get(r.urn, Decimal(0)) for r in group), Decimal(0))
    if amount:
        line.append(f"  {money(amount)}/month", style="green")
    return line


def _violations(evaluation: Evaluation) -> RenderableType:
    if not evaluation.violations:
        return Text("Policies: no violations", style="bold green")
    counts = Counter("mandatory" if v.mandatory else "advisory" for v in evaluation.violations)
    heading = Text.assemble(
        ("Policies: ", "bold"),
        (f"{counts['mandatory']} mandatory", "bold red" if counts["mandatory"] else "green"),
        ", ",
        (f"{counts['advisory']} advisory", "yellow" if counts["advisory"] else "green"),
    )
    tree = Tree(heading)
    for category, members in violations_by_category(evaluation.violations).items():
        branch = tree.add(Text(category, style="bold"))
        for v in members:
            mark = ("✖ mandatory", "red") if v.mandatory else ("! advisory", "yellow")
            where = f"{resource_name(v.urn)} ({v.resource_type})" if v.urn else "stack"
            branch.add(Text.assemble(mark, " ", (v.policy, "bold"), f"  {where}\n", (v.message, "dim")))
    return tree


def _cost(cost: StackCost) -> RenderableType:
    cap = f" against a cap of {money(cost.cap_usd)}" if cost.cap_usd is not None else " (no cap configured)"
    table = Table(box=None)
    table.add_column("tier")
    table.add_column("monthly", justify="right")
    table.add_column("of cap", justify="right")
    table.add_column("")
    for tier, amount in cost.report.by_tier().items():
        table.add_row(tier, money(amount), share_of_cap(amount, cost.cap_usd), _bar(amount, cost.cap_usd))
    style = "bold red" if cost.over_cap else "bold green"
    monthly = cost.report.monthly_usd
    table.add_row(
        Text("total", style="bold"),
        Text(money(monthly), style=style),
        Text(share_of_cap(monthly, cost.cap_usd), style=style),
        _bar(monthly, cost.cap_usd, style),
    )
    return Group(Text(f"Monthly cost by tier{cap}", style="bold"), table)


def _bar(amount: Decimal, cap: Decimal | None, style: str = "cyan") -> Text:
    if cap is None or cap <= 0:
        return Text("")
    filled = min(BAR_WIDTH, round(float(amount / cap) * BAR_WIDTH))
    return Text.assemble(("█" * filled, style), ("·" * (BAR_WIDTH - filled), "dim"))


def _drivers(cost: StackCost) -> RenderableType:
    table = Table(box=None, show_header=False)
    table.add_column("monthly", justify="right", no_wrap=True)
    table.add_column("resource and basis")
    for driver in top_drivers(cost):
        described = Text.assemble(f"{resource_name(driver.urn)} ({driver.type})\n", (driver.basis, "dim"))
        table.add_row(money(driver.monthly_usd), described)
    return Group(Text("Top cost drivers", style="bold"), table)


def _cost_by_urn(cost: StackCost) -> dict[str, Decimal]:
    return {line.urn: line.monthly_usd for line in cost.report.lines}
