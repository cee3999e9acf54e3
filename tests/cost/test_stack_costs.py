"""The repo's stacks under the cost model: every resource priced with a basis, and `make plan` shows the cost."""

from __future__ import annotations

import json

import pytest
from cost.report import CostReport

from tools.costing import COST_POLICY, stack_cost
from tools.plan import main as plan_main
from tools.policy_config import resolve_policy_config
from tools.program import ProgramRun


def cost_of(stack: str, request: pytest.FixtureRequest) -> CostReport:
    run: ProgramRun = request.getfixturevalue(stack)
    settings = resolve_policy_config(stack, None).properties(COST_POLICY)
    return stack_cost(run.resources, settings, where=stack).report


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_every_resource_of_the_stack_is_priced_with_a_basis(stack: str, request: pytest.FixtureRequest) -> None:
    cost = cost_of(stack, request)
    assert cost.unpriced == ()
    assert all(line.basis for line in cost.lines)


def test_dev_has_no_nat_gateway_cost_and_prod_pays_one_per_az(request: pytest.FixtureRequest) -> None:
    dev, prod = cost_of("dev", request), cost_of("prod", request)
    assert not any("NAT gateway" in line.basis for line in dev.lines)
    vpc = next(line for line in prod.lines if line.type == "awsx:ec2:Vpc")
    assert "NAT gateway 3 × 730 h × $0.045/h" in vpc.basis


def test_plan_json_carries_the_cost_by_tier_against_the_cap(capsys: pytest.CaptureFixture[str]) -> None:
    assert plan_main(["dev", "--format", "json"]) == 0
    cost = json.loads(capsys.readouterr().out)["cost"]
    assert cost["cap_usd"] == 25.0
    assert cost["monthly_usd"] == pytest.approx(sum(cost["by_tier"].values()), abs=0.05)
    assert list(cost["by_resource"][0]) == ["urn", "type", "monthly_usd", "basis"]  # DESIGN §7, exactly


def test_plan_text_prints_the_cost_by_tier_and_the_top_drivers(capsys: pytest.CaptureFixture[str]) -> None:
    assert plan_main(["prod"]) == 0
    out = capsys.readouterr().out
    assert "Monthly cost by tier against a cap of $400.00" in out
    assert "Top cost drivers" in out
    assert "network-vpc (awsx:ec2:Vpc)" in out
