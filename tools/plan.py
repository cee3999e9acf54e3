"""``python -m tools.plan STACK``: run the program for a stack under mocks and show what it creates.

Exit codes: 0 planned, 2 bad input or bad stack config (one line on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from cost.report import CostReport, money
from cost.tiers import tier_of, tier_sort_key

from components.config_loader import ConfigError
from tools.costing import cap_of_config, estimate_run, policy_config
from tools.program import REPO_ROOT, ProgramError, ProgramRun, Registration, run_program
from tools.stack_files import StackFileError, read_stack_config

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.plan", description=__doc__)
    parser.add_argument("stack", help="stack name: reads Pulumi.<STACK>.yaml")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    try:
        run = run_program(read_stack_config(REPO_ROOT, args.stack), stack=args.stack)
    except StackFileError as error:
        return _fail(str(error))
    except ProgramError as error:
        if isinstance(error.cause, ConfigError):
            return _fail(f"Pulumi.{args.stack}.yaml: {error}")
        raise
    config = policy_config(args.stack)
    cost = estimate_run(run, config)
    cap = cap_of_config(config)
    if args.format == "json":
        print(json.dumps({**_as_json(run), "cost": {**cost.as_json(), "cap_usd": cap}}, indent=2))
    else:
        _print_text(run)
        _print_cost(cost, cap)
    return EXIT_OK


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def resources_by_tier(run: ProgramRun) -> dict[str, list[Registration]]:
    """Every resource that will exist in AWS (and every awsx component), grouped by tier."""
    tiers: dict[str, list[Registration]] = defaultdict(list)
    for resource in sorted(run.resources, key=lambda r: (r.type, r.name)):
        if resource.custom or resource.remote:
            tiers[tier_of(resource.urn)].append(resource)
    return {tier: tiers[tier] for tier in sorted(tiers, key=tier_sort_key)}


def _as_json(run: ProgramRun) -> dict[str, Any]:
    return {
        "stack": run.stack,
        "resources": len(run.resources),
        "by_tier": {
            tier: [{"type": r.type, "name": r.name, "urn": r.urn} for r in members]
            for tier, members in resources_by_tier(run).items()
        },
        "outputs": run.outputs,
    }


def _print_text(run: ProgramRun) -> None:
    from rich.console import Console
    from rich.tree import Tree

    console = Console()
    tree = Tree(f"[bold]paved[/bold] stack [cyan]{run.stack}[/cyan]: {len(run.resources)} resources")
    for tier, members in resources_by_tier(run).items():
        branch = tree.add(f"[bold]{tier}[/bold] ({len(members)})")
        for resource in members:
            flags = " [yellow]protected[/yellow]" if resource.protect else ""
            branch.add(f"{resource.type} [dim]{resource.name}[/dim]{flags}")
    console.print(tree)


TOP_DRIVERS = 5


def _print_cost(cost: CostReport, cap: float | None) -> None:
    """Monthly cost by tier against the cap, the top drivers with their basis, and anything unpriced."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    cap_text = f" (cap ${cap:,.2f})" if cap is not None else ""
    console.print(f"[bold]Estimated monthly cost {money(cost.monthly_usd)}[/bold]{cap_text} in {cost.region}")
    tiers = Table(title="Cost by tier")
    tiers.add_column("tier")
    tiers.add_column("USD / month", justify="right")
    for tier, total in cost.by_tier().items():
        tiers.add_row(tier, money(total))
    console.print(tiers)
    drivers = Table(title=f"Top {TOP_DRIVERS} cost drivers")
    for column in ("resource", "tier", "USD / month", "basis"):
        drivers.add_column(column, justify="right" if column == "USD / month" else "left")
    for line in cost.top(TOP_DRIVERS):
        drivers.add_row(f"{line.name} [dim]{line.type}[/dim]", line.tier, money(line.monthly_usd), line.basis)
    console.print(drivers)
    for unpriced in cost.unpriced:
        console.print(f"[yellow]not priced[/yellow] {unpriced.name} ({unpriced.type}): {unpriced.reason}")


if __name__ == "__main__":
    sys.exit(main())
