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

from components.config_loader import ConfigError
from policies.cost.tiers import tier_of, tier_sort_key
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
    if args.format == "json":
        print(json.dumps(_as_json(run), indent=2))
    else:
        _print_text(run)
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


if __name__ == "__main__":
    sys.exit(main())
