"""Every reference architecture builds under mocks and passes the pack with its own policy config."""

from __future__ import annotations

import pytest

from components.config.loader import RawConfig
from tests.config.test_examples import EXAMPLES
from tools.analyzer import analyze_resources, default_policy_config, resources_from_registrations
from tools.program import REPO_ROOT, run_program
from tools.stack_files import read_stack_config


def example_raw_config(stack: str) -> RawConfig:
    return read_stack_config(REPO_ROOT, stack)  # example-serverless-api carries placeholder secrets


@pytest.mark.parametrize("stack", EXAMPLES)
def test_example_stack_has_a_policy_config_and_no_mandatory_violations(stack: str) -> None:
    assert (REPO_ROOT / "policies" / "config" / f"{stack}.json").is_file()
    run = run_program(example_raw_config(stack), stack=stack)
    analysis = analyze_resources(
        resources_from_registrations(run.resources),
        stack=stack,
        project="paved",
        policy_config=default_policy_config(stack),
    )
    assert [f"{v.policy} {v.urn}: {v.message}" for v in analysis.mandatory] == []
