"""``python -m tools.cost_notes``: write the dev and prod cost estimates into the README's cost notes.

The block between ``<!-- cost-estimates:start -->`` and ``<!-- cost-estimates:end -->`` is generated
from the cost model over each stack's mocks run and its policy config; a test fails when it drifts.
``--check`` only reports (exit 1 when stale).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cost.report import CostReport, money

from tools.costing import cap_of_config, estimate_run, policy_config
from tools.program import REPO_ROOT, ProgramRun, run_program
from tools.stack_files import read_stack_config

README = REPO_ROOT / "README.md"
START = "<!-- cost-estimates:start -->"
END = "<!-- cost-estimates:end -->"
STACKS = ("dev", "prod")
TOP = 5


def render(runs: Sequence[ProgramRun]) -> str:
    """The generated block: per stack, the estimate against the cap, the tiers, the top drivers with basis."""
    reports = [(run.stack, estimate_run(run), cap_of_config(policy_config(run.stack))) for run in runs]
    version = reports[0][1].price_version if reports else ""
    lines = [
        f"Estimated monthly cost at on-demand list prices (price file {version}, usage baselines from "
        "`policies/config/<stack>.json`; `python -m tools.cost_notes` regenerates this list):",
        "",
    ]
    for stack, report, cap in reports:
        lines.extend(_stack_lines(stack, report, cap))
    return "\n".join(lines).rstrip("\n")


def _stack_lines(stack: str, report: CostReport, cap: float | None) -> list[str]:
    cap_text = f" (cap ${cap:,.2f})" if cap is not None else ""
    tiers = ", ".join(f"{tier} {money(total)}" for tier, total in report.by_tier().items() if total)
    lines = [f"- **{stack}: {money(report.monthly_usd)} a month**{cap_text}, {report.region}; by tier: {tiers}."]
    for line in report.top(TOP):
        lines.append(f"  - `{line.name}` {money(line.monthly_usd)}: {line.basis}")
    if report.unpriced:
        lines.append(f"  - not priced: {', '.join(u.name for u in report.unpriced)}")
    return lines


def replace_block(readme: str, block: str) -> str:
    if START not in readme or END not in readme:
        raise ValueError(f"README.md has no {START} … {END} block")
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{block}\n{END}{tail}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.cost_notes", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the README's block is stale; write nothing")
    args = parser.parse_args(argv)
    runs = [run_program(read_stack_config(REPO_ROOT, stack), stack=stack) for stack in STACKS]
    current = README.read_text(encoding="utf-8")
    updated = replace_block(current, render(runs))
    if args.check:
        return 0 if updated == current else 1
    README.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
