"""``python -m tools.plan``: the plan of a stack, or exit 2 with one readable line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tools.plan import main
from tools.program import REPO_ROOT


def test_plan_of_dev_lists_the_network_tier(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dev"]) == 0
    out = capsys.readouterr().out
    assert "network" in out and "awsx:ec2:Vpc" in out and "aws:ec2/flowLog:FlowLog" in out


def test_unknown_stack_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nosuchstack"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: Pulumi.nosuchstack.yaml: no such stack file (stacks here: ")
    assert err.count("\n") == 1


def test_bad_value_in_a_stack_file_exits_2_naming_the_key_without_traceback(tmp_path: Path) -> None:
    bad = REPO_ROOT / "Pulumi.badvalue.yaml"
    bad.write_text((REPO_ROOT / "Pulumi.dev.yaml").read_text().replace("natStrategy: none", "natStrategy: nonee"))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "tools.plan", "badvalue"], cwd=REPO_ROOT, capture_output=True, text=True, check=False
        )
    finally:
        bad.unlink()
    assert result.returncode == 2
    assert result.stderr == (
        "error: Pulumi.badvalue.yaml: paved:network.natStrategy: 'nonee' is not accepted "
        "(accepted: 'none', 'single' or 'per-az')\n"
    )
    assert result.stdout == ""
