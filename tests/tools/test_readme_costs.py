"""The README's cost section is generated from the plans of dev and prod and fails this test when it drifts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from cost.report import Charge, CostLine, CostReport, Unpriced

from tests.conftest import stack_plan
from tools.costing import StackCost
from tools.evaluation import Evaluation
from tools.policy_config import PolicyConfig
from tools.readme_costs import BEGIN, END, README, STACKS, cost_section, cost_table, drivers, with_section
from tools.snapshot import Snapshot


def test_the_readme_cost_section_matches_the_plans() -> None:
    readme = README.read_text(encoding="utf-8")
    expected = with_section(readme, cost_section({stack: stack_plan(stack) for stack in STACKS}))
    assert readme == expected, "README.md cost section is stale: run `python -m tools.readme_costs`"


def _plan(stack: str, cap: str | None, *lines: tuple[str, str, str], unpriced: bool = False) -> Evaluation:
    report = CostReport(
        region="us-east-1",
        lines=tuple(
            CostLine(f"urn:pulumi:{stack}::paved::t::{name}", "t", name, tier, (Charge(Decimal(usd), f"{name} basis"),))
            for name, tier, usd in lines
        ),
        unpriced=(Unpriced("urn:x", "aws:foo/bar:Bar", "mystery", "data", "no price"),) if unpriced else (),
        price_version="2026-01-01",
    )
    snapshot = Snapshot(stack=stack, project="paved", source="program", resources=[])
    cost = StackCost(report, None if cap is None else Decimal(cap))
    return Evaluation(snapshot, PolicyConfig(path=Path(f"{stack}.json")), [], cost)


PLANS = {
    "dev": _plan("dev", "25", ("vpc", "network", "0"), ("key", "encryption", "1.3"), ("db", "data", "11.2")),
    "prod": _plan("prod", None, ("vpc", "network", "100"), ("db", "data", "200"), unpriced=True),
}


def test_the_table_has_a_row_per_tier_in_build_order_then_total_cap_and_share() -> None:
    assert cost_table(PLANS) == [
        "| tier | dev | prod |",
        "|---|--:|--:|",
        "| encryption | $1.30 | — |",
        "| network | $0.00 | $100.00 |",
        "| data | $11.20 | $200.00 |",
        "| **total** | **$12.50** | **$300.00** |",
        "| cap | $25.00 | — |",
        "| share of cap | 50 % | — |",
    ]


def test_the_drivers_list_each_stacks_paid_resources_with_their_basis_and_the_unpriced() -> None:
    assert drivers(PLANS) == [
        "Top cost drivers at on-demand list prices (price file 2026-01-01, usage baselines from "
        "`policies/config/<stack>.json`):",
        "",
        "- **dev** (us-east-1)",
        "  - `db` $11.20: db basis",
        "  - `key` $1.30: key basis",
        "- **prod** (us-east-1)",
        "  - `db` $200.00: db basis",
        "  - `vpc` $100.00: vpc basis",
        "  - not priced: 1 resource (mystery)",
    ]


def test_only_the_block_between_the_markers_is_replaced() -> None:
    readme = f"intro\n{BEGIN}\nold table\n{END}\noutro\n"
    assert with_section(readme, "new") == f"intro\n{BEGIN}\nnew\n{END}\noutro\n"
    with pytest.raises(ValueError, match="no generated cost section"):
        with_section("no markers here", "new")
