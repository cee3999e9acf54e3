"""The GitHub workflows parse and hold the jobs and steps the README promises."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tools.program import REPO_ROOT

WORKFLOWS = REPO_ROOT / ".github" / "workflows"
ACTION_VERSION = re.compile(r"^[\w.-]+/[\w.-]+@v\d+$")
OIDC_CONDITION = "vars.AWS_ROLE_ARN != ''"


def _workflow(name: str) -> dict[str, Any]:
    document = yaml.safe_load((WORKFLOWS / name).read_text())
    assert isinstance(document, dict)
    return document


def _triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the bare key `on` as the boolean True.
    triggers = workflow.get("on", workflow.get(True))
    assert isinstance(triggers, dict)
    return triggers


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    steps = job["steps"]
    assert isinstance(steps, list)
    return steps


def _uses(job: dict[str, Any], action: str) -> dict[str, Any]:
    (step,) = [s for s in _steps(job) if str(s.get("uses", "")).split("@")[0] == action]
    return step


def _runs(job: dict[str, Any]) -> str:
    return "\n".join(str(step.get("run", "")) for step in _steps(job))


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_every_workflow_parses_and_pins_actions_to_a_major_version(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text())
    assert workflow["name"] and workflow["jobs"]
    for job in workflow["jobs"].values():
        assert job["runs-on"] == "ubuntu-latest" and job["timeout-minutes"] <= 60
        for step in _steps(job):
            assert ("uses" in step) != ("run" in step)
            if "uses" in step:
                assert ACTION_VERSION.match(step["uses"]), step["uses"]


def test_pull_requests_run_make_test() -> None:
    workflow = _workflow("pull-request.yml")
    assert "pull_request" in _triggers(workflow)
    assert "make test" in _runs(workflow["jobs"]["test"]).splitlines()


def test_pull_requests_plan_dev_and_prod_offline_into_the_summary_and_a_comment() -> None:
    job = _workflow("pull-request.yml")["jobs"]["plan"]
    assert job["strategy"]["matrix"]["stack"] == ["dev", "prod"]
    assert "if" not in job  # offline: runs for every pull request, forks included
    (plan,) = [s for s in _steps(job) if s.get("id") == "plan"]
    assert plan["env"]["STACK"] == "${{ matrix.stack }}"
    assert 'venv/bin/python -m tools.plan "$STACK" --format markdown > plan.md' in plan["run"]
    assert 'cat plan.md >> "$GITHUB_STEP_SUMMARY"' in plan["run"]
    comment = _uses(job, "marocchino/sticky-pull-request-comment")
    assert comment["with"] == {"header": "paved-plan-${{ matrix.stack }}", "path": "plan.md"}
    assert "github.event.pull_request.head.repo.full_name == github.repository" in comment["if"]
    assert job["permissions"]["pull-requests"] == "write"
    assert _steps(job)[-1]["run"] == 'exit "$CODE"'  # the job fails as the plan's exit code says


def test_the_real_preview_runs_the_policy_pack_only_when_an_oidc_role_is_configured() -> None:
    job = _workflow("pull-request.yml")["jobs"]["preview"]
    assert OIDC_CONDITION in job["if"]
    assert job["permissions"]["id-token"] == "write"
    assert job["strategy"]["matrix"]["stack"] == ["dev", "prod"]
    credentials = _uses(job, "aws-actions/configure-aws-credentials")
    assert credentials["with"]["role-to-assume"] == "${{ vars.AWS_ROLE_ARN }}"
    pulumi = _uses(job, "pulumi/actions")["with"]
    assert pulumi["command"] == "preview"
    assert pulumi["policyPacks"] == "policies"
    assert pulumi["policyPackConfigs"] == "policies/config/${{ matrix.stack }}.json"
    assert "policies/venv/bin/pip install -r policies/requirements.txt" in _runs(job)


def test_main_deploys_dev_then_prod_behind_a_manual_approval_environment() -> None:
    workflow = _workflow("deploy.yml")
    assert _triggers(workflow)["push"]["branches"] == ["main"]
    dev, prod = workflow["jobs"]["dev"], workflow["jobs"]["prod"]
    assert OIDC_CONDITION in dev["if"]
    assert prod["needs"] == "dev" and prod["environment"] == "prod"
    for stack, job in (("dev", dev), ("prod", prod)):
        pulumi = _uses(job, "pulumi/actions")["with"]
        assert pulumi["command"] == "up"
        assert (pulumi["policyPacks"], pulumi["policyPackConfigs"]) == ("policies", f"policies/config/{stack}.json")
        assert f"venv/bin/python -m tools.plan {stack}" in _runs(job)
        assert job["permissions"]["id-token"] == "write"
        assert job["concurrency"]["cancel-in-progress"] is False


PLAN_COMMAND = 'venv/bin/python -m tools.plan "$STACK" --format markdown'


def _plan_step_script(command: str) -> str:
    job = _workflow("pull-request.yml")["jobs"]["plan"]
    (plan,) = [s for s in _steps(job) if s.get("id") == "plan"]
    script = str(plan["run"])
    assert PLAN_COMMAND in script
    return script.replace(PLAN_COMMAND, command)


def _run_plan_step(tmp_path: Path, stack: str, command: str) -> tuple[str, str]:
    summary, outputs = tmp_path / "summary.md", tmp_path / "outputs"
    completed = subprocess.run(
        ["bash", "-e", "-c", _plan_step_script(command)],
        cwd=tmp_path,
        env={**os.environ, "STACK": stack, "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(outputs),
             "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    return summary.read_text(), outputs.read_text()


@pytest.mark.parametrize("code", [0, 1])
def test_the_plan_step_writes_the_markdown_summary_and_the_plans_exit_code(tmp_path: Path, code: int) -> None:
    (tmp_path / "report.md").write_text("### paved plan, stack dev\n")
    summary, outputs = _run_plan_step(tmp_path, "dev", f"sh -c 'cat report.md; exit {code}'")
    assert summary == "### paved plan, stack dev\n" == (tmp_path / "plan.md").read_text()
    assert outputs == f"exit-code={code}\n"


def test_the_plan_step_turns_bad_input_into_a_summary_and_exit_code_2(tmp_path: Path) -> None:
    command = PLAN_COMMAND.replace("venv/bin/python", sys.executable)
    summary, outputs = _run_plan_step(tmp_path, "nosuchstack", command)
    assert summary.startswith("### ❌ paved plan, stack nosuchstack: could not be evaluated")
    assert "error: Pulumi.nosuchstack.yaml: no such stack file" in summary
    assert outputs == "exit-code=2\n"
