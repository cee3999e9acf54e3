"""Every reference architecture, planned exactly as ``tools.plan`` plans it, passes the pack with its own
policy config."""

from __future__ import annotations

import pytest

from tests.config.test_examples import EXAMPLES
from tools.plan import plan_stack
from tools.program import REPO_ROOT
from tools.stack_files import read_stack_config


@pytest.mark.parametrize("stack", EXAMPLES)
def test_example_stack_has_a_policy_config_and_no_mandatory_violations(stack: str) -> None:
    config = REPO_ROOT / "policies" / "config" / f"{stack}.json"
    assert config.is_file()
    # example-serverless-api carries placeholder secrets, encrypted as `pulumi config set --secret` does.
    evaluation = plan_stack(stack, read_stack_config(REPO_ROOT, stack))
    assert evaluation.policy_config.path == config
    assert evaluation.cost.cap_usd is not None and evaluation.cost.report.monthly_usd <= evaluation.cost.cap_usd
    assert [f"{v.policy} {v.urn}: {v.message}" for v in evaluation.mandatory] == []
