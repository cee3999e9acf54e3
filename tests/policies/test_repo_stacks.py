"""The repo's own stacks, planned exactly as ``tools.plan`` plans them (the program under mocks, every
resource through the pack's analyzer interface, the cost model), pass every mandatory policy — so
every tier that lands keeps them passing."""

from __future__ import annotations

import pytest

from tests.conftest import stack_plan, stack_yaml_config
from tools.analyzer import resources_from_registrations
from tools.evaluation import Evaluation
from tools.plan import plan_stack
from tools.program import REPO_ROOT, ProgramRun
from tools.stack_files import read_stack_config


def _mandatory(evaluation: Evaluation) -> list[str]:
    return [f"{v.policy} {v.urn}: {v.message}" for v in evaluation.mandatory]


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_repo_stack_has_no_mandatory_violations(stack: str, request: pytest.FixtureRequest) -> None:
    evaluation = stack_plan(stack)
    run: ProgramRun = request.getfixturevalue(stack)
    assert sorted(r.urn for r in evaluation.snapshot.resources) == sorted(r.urn for r in run.resources)
    assert evaluation.policy_config.path == REPO_ROOT / "policies" / "config" / f"{stack}.json"
    assert _mandatory(evaluation) == []


def test_dev_stack_in_preview_with_unknown_outputs_has_no_mandatory_violations() -> None:
    evaluation = plan_stack("dev", read_stack_config(REPO_ROOT, "dev"), preview=True)
    assert evaluation.snapshot.resources
    assert _mandatory(evaluation) == []


def test_provider_default_tags_reach_every_resource_as_the_engine_sends_them(dev: ProgramRun) -> None:
    resources = resources_from_registrations(dev.resources)
    custom = [r for r in resources if r.custom and not r.type.startswith("pulumi:providers:")]
    assert custom
    for resource in custom:
        assert resource.provider is not None, resource.urn
        assert '"cost-center": "cc-1001"' in resource.provider.properties["defaultTags"]


def test_stack_config_used_by_the_test_is_the_repo_dev_file() -> None:
    assert stack_yaml_config("dev")["paved:tags"]["environment"] == "dev"
