"""The repo's own stacks, every resource fed to the pack through the analyzer, pass every
mandatory policy — so every tier that lands keeps them passing."""

from __future__ import annotations

import pytest

from tests.conftest import stack_yaml_config
from tools.analyzer import analyze_resources, default_policy_config, resources_from_registrations
from tools.program import REPO_ROOT, ProgramRun, run_program
from tools.stack_files import read_stack_config


def _mandatory(run: ProgramRun, stack: str) -> list[str]:
    analysis = analyze_resources(
        resources_from_registrations(run.resources),
        stack=stack,
        project="paved",
        policy_config=default_policy_config(stack),
    )
    assert analysis.resources == len(run.resources)
    return [f"{v.policy} {v.urn}: {v.message}" for v in analysis.mandatory]


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_repo_stack_has_no_mandatory_violations(stack: str, request: pytest.FixtureRequest) -> None:
    assert _mandatory(request.getfixturevalue(stack), stack) == []


def test_dev_stack_in_preview_with_unknown_outputs_has_no_mandatory_violations() -> None:
    run = run_program(read_stack_config(REPO_ROOT, "dev"), stack="dev", preview=True)
    assert _mandatory(run, "dev") == []


def test_provider_default_tags_reach_every_resource_as_the_engine_sends_them(dev: ProgramRun) -> None:
    resources = resources_from_registrations(dev.resources)
    custom = [r for r in resources if r.custom and not r.type.startswith("pulumi:providers:")]
    assert custom
    for resource in custom:
        assert resource.provider is not None, resource.urn
        assert '"cost-center": "cc-1001"' in resource.provider.properties["defaultTags"]


def test_stack_config_used_by_the_test_is_the_repo_dev_file() -> None:
    assert stack_yaml_config("dev")["paved:tags"]["environment"] == "dev"
