"""The README's cost table is generated from the plans and fails this test when it drifts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tools.readme_tables import BEGIN, END, README, STACKS, cost_table, with_table


def test_the_readme_cost_table_matches_the_plans(planned: Callable[[str], dict[str, Any]]) -> None:
    readme = README.read_text(encoding="utf-8")
    expected = with_table(readme, cost_table({stack: planned(stack) for stack in STACKS}))
    assert readme == expected, "README.md cost table is stale: run `python -m tools.readme_tables --write`"


def test_the_table_has_a_row_per_tier_then_total_cap_and_share() -> None:
    plans: dict[str, dict[str, Any]] = {
        "dev": {"cost": {"monthly_usd": 12.5, "cap_usd": 25.0, "by_tier": {"network": 0.0, "encryption": 1.3}}},
        "prod": {"cost": {"monthly_usd": 300.0, "cap_usd": None, "by_tier": {"data": 200.0, "network": 100.0}}},
    }
    assert cost_table(plans).splitlines() == [
        "| tier | dev | prod |",
        "|---|--:|--:|",
        "| encryption | $1.30 | — |",
        "| network | $0.00 | $100.00 |",
        "| data | — | $200.00 |",
        "| **total** | **$12.50** | **$300.00** |",
        "| cap | $25.00 | — |",
        "| share of cap | 50 % | — |",
    ]


def test_only_the_block_between_the_markers_is_replaced() -> None:
    readme = f"intro\n{BEGIN}\nold table\n{END}\noutro\n"
    assert with_table(readme, "new") == f"intro\n{BEGIN}\nnew\n{END}\noutro\n"
    with pytest.raises(ValueError, match="no cost table markers"):
        with_table("no markers here", "new")
