"""Every reference architecture builds under mocks and passes the pack with its own policy config."""

from __future__ import annotations

import pytest

from components.config_loader import RawConfig
from tests.config.test_examples import EXAMPLES, SECRETS_SET_BY_THE_USER
from tools.analyzer import analyze_resources, default_policy_config, resources_from_registrations
from tools.program import REPO_ROOT, run_program
from tools.stack_files import read_stack_config


def example_raw_config(stack: str) -> RawConfig:
    raw = read_stack_config(REPO_ROOT, stack)
    secrets = SECRETS_SET_BY_THE_USER.get(stack, ())
    return RawConfig(
        values={**raw.values, **dict.fromkeys(secrets, "[secret]")},
        secret_keys=raw.secret_keys | frozenset(secrets),
    )


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
