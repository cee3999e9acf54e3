"""``python -m tools.plan STACK``: the program under mocks, the real pack, the cost model (DESIGN §7)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import pytest

from tests.tools.conftest import cli, in_process, rendered
from tools.plan import main
from tools.program import REPO_ROOT

Planned = Callable[[str], dict[str, Any]]


@pytest.mark.parametrize(("stack", "cap"), [("dev", 25.0), ("prod", 400.0)])
def test_the_repo_stacks_pass_the_pack_within_their_cap(planned: Planned, stack: str, cap: float) -> None:
    plan = planned(stack)
    assert (plan["stack"], plan["source"], plan["passed"]) == (stack, "program", True)
    assert [v for v in plan["violations"] if v["enforcement"] == "mandatory"] == []
    assert plan["cost"]["cap_usd"] == cap
    assert 0 < plan["cost"]["monthly_usd"] <= cap
    assert {"encryption", "network"} <= set(plan["cost"]["by_tier"])


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_the_json_counts_every_registered_resource_and_prices_them_with_a_basis(planned: Planned, stack: str) -> None:
    from tests.conftest import _stack_run

    plan = planned(stack)
    run = _stack_run(stack)
    assert plan["resources"] == len(run.resources)
    priced = {item["urn"] for item in plan["cost"]["by_resource"]}
    assert priced <= {r.urn for r in run.resources}
    assert all(item["basis"] for item in plan["cost"]["by_resource"])
    assert round(sum(plan["cost"]["by_tier"].values()), 2) == pytest.approx(plan["cost"]["monthly_usd"], abs=0.05)


def test_text_shows_the_whole_dev_stack_by_tier_with_verdict_and_cost_against_the_cap() -> None:
    out = rendered("dev", "text")
    assert out.startswith("paved plan, stack dev — ")
    assert "Resources by tier" in out and "network (" in out and "awsx:ec2:Vpc" in out
    assert "Monthly cost by tier against a cap of $25.00" in out
    assert out.rstrip().splitlines()[-1].startswith("Verdict: passed")


def test_main_prints_the_evaluation_in_the_format_asked_and_exits_0_when_it_passes() -> None:
    result = in_process(main, "prod", "--format", "markdown")
    assert (result.code, result.out) == (0, rendered("prod", "markdown"))


def test_markdown_is_a_pull_request_comment() -> None:
    lines = rendered("prod", "markdown").splitlines()
    assert lines[0] == "<!-- paved:plan:prod -->"
    assert lines[1].startswith("### ✅ paved plan, stack prod: passed")
    assert "#### Cost by tier (cap $400.00 a month)" in lines


def test_an_unknown_stack_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nosuchstack"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("error: Pulumi.nosuchstack.yaml: no such stack file (stacks here: ")
    assert captured.err.count("\n") == 1 and captured.out == ""


def test_a_bad_value_in_a_stack_file_exits_2_naming_the_key_without_traceback() -> None:
    bad = REPO_ROOT / "Pulumi.badvalue.yaml"
    bad.write_text((REPO_ROOT / "Pulumi.dev.yaml").read_text().replace("natStrategy: none", "natStrategy: nonee"))
    try:
        result = cli("tools.plan", "badvalue")
    finally:
        bad.unlink()
    assert result.code == 2
    assert result.err == (
        "error: Pulumi.badvalue.yaml: paved:network.natStrategy: 'nonee' is not accepted "
        "(accepted: 'none', 'single' or 'per-az')\n"
    )
    assert result.out == ""


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("{not json", "not valid JSON (line 1, column 2: Expecting property name enclosed in double quotes)"),
        ('{"all": "strict"}', 'parsing enforcement level for "all": "strict" is not a valid enforcement level'),
        (
            '{"budget-monthly-cost-within-cap": {"maxMonthlyUsd": "lots"}}',
            "validating policy config: paved 0.1.0  budget-monthly-cost-within-cap: maxMonthlyUsd: "
            "Invalid type. Expected: number, given: string",
        ),
        (
            '{"budget-typo": {"maxMonthlyUsd": 25}}',
            'configuring policy pack "paved" at "policies": invalid enforcement level ""',
        ),
    ],
    ids=["not-json", "bad-level", "schema-error", "unknown-policy-without-a-level"],
)
def test_a_policy_config_the_cli_would_refuse_exits_2_with_its_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str, expected: str
) -> None:
    path = tmp_path / "policy.json"
    path.write_text(config)
    assert main(["dev", "--policy-config", str(path)]) == 2
    assert capsys.readouterr() == ("", f"error: policy config {path}: {expected}\n")


def test_a_bad_policy_config_is_reported_before_a_bad_stack_config_as_the_cli_loads_the_pack_first(
    tmp_path: Path,
) -> None:
    bad = REPO_ROOT / "Pulumi.badboth.yaml"
    bad.write_text((REPO_ROOT / "Pulumi.dev.yaml").read_text().replace("natStrategy: none", "natStrategy: nonee"))
    policy = tmp_path / "policy.json"
    policy.write_text('{"budget-resource-present": {"maxMonthlyUsd": 0}}')
    try:
        result = cli("tools.plan", "badboth", "--policy-config", str(policy))
    finally:
        bad.unlink()
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"error: policy config {policy}: validating policy config: paved 0.1.0  budget-resource-present: "
        "maxMonthlyUsd: Must be greater than or equal to 1\n"
    )


def test_a_usage_error_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["dev", "--format", "yaml"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: argument --format: invalid choice: 'yaml' (choose from ")
    assert err.endswith(" (see python -m tools.plan --help)\n") and err.count("\n") == 1


def test_an_unexpected_error_is_one_line_with_exit_2_unless_the_traceback_is_asked_for(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import tools.plan

    def broken(args: object) -> NoReturn:
        raise RuntimeError("the mocks\nfell over")

    monkeypatch.setattr(tools.plan, "plan", broken)
    assert main(["dev"]) == 2
    assert capsys.readouterr().err == (
        "error: internal error: the mocks fell over (RuntimeError; PAVED_TRACEBACK=1 shows the traceback)\n"
    )
    monkeypatch.setenv("PAVED_TRACEBACK", "1")
    with pytest.raises(RuntimeError, match="fell over"):
        main(["dev"])
