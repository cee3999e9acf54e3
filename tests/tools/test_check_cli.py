"""``python -m tools.check FILE``: the pack and the cost model over a stack paved did not create.

The sample export holds an S3 bucket with no encryption configuration of its own, an IAM policy
allowing ``*`` on ``*`` and an ``m7g.4xlarge`` instance (about $485 a month: $0.6528/h × 730 h plus a
100 GB gp3 root volume at $0.08/GB-month, us-east-1 on-demand) — far over dev's $25 cap and outside
dev's instance families. The formats are
described in ``test_readers.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.tools.conftest import cli, in_process
from tools.check import main

DATA = Path(__file__).parent / "data"
EXPORT = DATA / "storefront-dev.export.json"
PREVIEW = DATA / "storefront-dev.preview.json"
BUCKET = "urn:pulumi:dev::storefront::storefront:web:Site$aws:s3/bucket:Bucket::storefront-assets"
WILDCARD_POLICY = "urn:pulumi:dev::storefront::aws:iam/policy:Policy::worker-everything"
INSTANCE = "urn:pulumi:dev::storefront::aws:ec2/instance:Instance::worker"


def _mandatory(document: dict[str, Any]) -> dict[str, set[str]]:
    """Policy → URNs it reported as mandatory violations."""
    found: dict[str, set[str]] = {}
    for violation in document["violations"]:
        if violation["enforcement"] == "mandatory":
            found.setdefault(violation["policy"], set()).add(violation["urn"])
    return found


@pytest.mark.parametrize("sample", [EXPORT, PREVIEW], ids=["stack-export", "preview-json"])
def test_an_insecure_over_cap_stack_fails_with_those_violations_in_the_json(sample: Path) -> None:
    result = in_process(main, str(sample), "--format", "json")
    assert result.code == 1
    document = result.json()
    assert (document["stack"], document["source"], document["passed"]) == ("dev", str(sample), False)
    mandatory = _mandatory(document)
    assert BUCKET in mandatory["s3-bucket-tls-only"]
    assert "s3-bucket-server-side-encryption" not in mandatory  # S3 encrypts every new object since 2023 (issue 19)
    assert WILDCARD_POLICY in mandatory["iam-no-wildcard-actions"]
    assert INSTANCE in mandatory["budget-instance-families-allowed"]
    assert "budget-monthly-cost-within-cap" in mandatory
    over_cap = next(v for v in document["violations"] if v["policy"] == "budget-monthly-cost-within-cap")
    assert "worker" in over_cap["message"] and "$25.00" in over_cap["message"]
    cost = document["cost"]
    assert cost["cap_usd"] == 25.0 and cost["monthly_usd"] > 25.0
    instance = next(item for item in cost["by_resource"] if item["urn"] == INSTANCE)
    assert instance["monthly_usd"] == pytest.approx(0.6528 * 730 + 100 * 0.08, abs=0.01)  # + 100 GB gp3 root
    assert "m7g.4xlarge" in instance["basis"]


def test_every_violation_has_the_design_shape() -> None:
    document = in_process(main, str(EXPORT), "--format", "json").json()
    assert list(document) == ["stack", "source", "resources", "violations", "cost", "passed"]
    assert document["resources"] == 10
    for violation in document["violations"]:
        assert list(violation) == ["policy", "enforcement", "urn", "resource_type", "message"]
        assert violation["enforcement"] in ("mandatory", "advisory")


def test_the_stack_option_picks_that_stacks_policy_config() -> None:
    document = in_process(main, str(EXPORT), "--stack", "prod", "--format", "json").json()
    assert document["stack"] == "prod"
    assert document["cost"]["cap_usd"] == 400.0


LENIENT = """{
  "all": "advisory",
  "budget-monthly-cost-within-cap": {"maxMonthlyUsd": 1000},
  "budget-resource-present": {"maxMonthlyUsd": 1000},
  "budget-instance-families-allowed": {"allowedInstanceFamilies": ["m7g"]}
}"""


def test_an_explicit_policy_config_replaces_the_default(tmp_path: Path) -> None:
    config = tmp_path / "lenient.json"
    config.write_text(LENIENT)
    result = in_process(main, str(EXPORT), "--policy-config", str(config), "--format", "json")
    assert result.code == 0
    document = result.json()
    assert document["passed"] is True and document["violations"]
    assert {v["enforcement"] for v in document["violations"]} == {"advisory"}
    assert document["cost"]["cap_usd"] == 1000.0


def test_a_stack_without_a_policy_config_gets_the_pack_defaults_and_no_cap() -> None:
    result = in_process(main, str(EXPORT), "--stack", "staging", "--format", "json")
    assert result.code == 1
    document = result.json()
    assert (document["stack"], document["cost"]["cap_usd"]) == ("staging", None)
    missing_cap = {v["policy"] for v in document["violations"] if "maxMonthlyUsd is not set" in v["message"]}
    assert missing_cap == {"budget-monthly-cost-within-cap", "budget-resource-present"}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "empty file, expected a `pulumi stack export` or `pulumi preview --json` document"),
        ('{"version": 3, "deployment": {"resources": [', "not valid JSON (line 1, column 45: Expecting value)"),
    ],
    ids=["empty", "malformed"],
)
def test_empty_and_malformed_files_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    path = tmp_path / "stack.json"
    path.write_text(content)
    assert main([str(path)]) == 2
    assert capsys.readouterr() == ("", f"error: {path}: {expected}\n")


def test_a_missing_file_exits_2_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    result = cli("tools.check", str(tmp_path / "missing.json"), "--format", "json")
    assert (result.code, result.out, result.err) == (2, "", f"error: {tmp_path / 'missing.json'}: no such file\n")


def test_an_invalid_policy_config_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "policy.json"
    config.write_text('["not", "an", "object"]')
    assert main([str(EXPORT), "--policy-config", str(config)]) == 2
    assert capsys.readouterr() == (
        "",
        f"error: policy config {config}: json: cannot unmarshal array into Go value of type "
        "map[string]interface {}\n",
    )
