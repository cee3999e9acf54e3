"""The three output formats render one evaluation: json is exactly the DESIGN §7 object."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

from cost.report import Charge, CostLine, CostReport, Unpriced

from tools.analyzer import Violation
from tools.costing import StackCost
from tools.evaluation import Evaluation
from tools.policy_config import PolicyConfig
from tools.program import Registration
from tools.report import as_json, as_markdown
from tools.report_text import print_text
from tools.snapshot import Snapshot

BUCKET = "urn:pulumi:dev::paved::paved:data:Data$aws:s3/bucket:Bucket::data-uploads"
DB = "urn:pulumi:dev::paved::paved:data:Data$aws:rds/cluster:Cluster::data-db"
KEY = "urn:pulumi:dev::paved::paved:encryption:Encryption$aws:kms/key:Key::encryption-key"


def _resource(urn: str, *, protect: bool = False) -> Registration:
    type_ = urn.split("::")[2].rsplit("$", 1)[-1]
    return Registration(
        urn=urn, type=type_, name=urn.rsplit("::", 1)[-1], parent="", custom=True, remote=False, inputs={},
        provider="", providers={}, dependencies=[], property_dependencies={}, protect=protect,
        retain_on_delete=False, delete_before_replace=False, ignore_changes=[], additional_secret_outputs=[],
        properties={},
    )  # fmt: skip


def _line(urn: str, tier: str, usd: str, basis: str) -> CostLine:
    type_ = urn.split("::")[2].rsplit("$", 1)[-1]
    return CostLine(urn, type_, urn.rsplit("::", 1)[-1], tier, (Charge(Decimal(usd), basis),))


VPC = "urn:pulumi:dev::paved::paved:network:Network$awsx:ec2:Vpc::network-vpc"


def _evaluation(violations: list[Violation], *, cap: str | None = "25", source: str = "program") -> Evaluation:
    report = CostReport(
        region="us-east-1",
        lines=(
            _line(DB, "data", "11.675", "0.5 ACU × 730 h × $0.12/ACU-h"),
            _line(KEY, "encryption", "1", "1 key × $1/month"),
            _line(BUCKET, "data", "0.23", "10 GB × $0.023/GB | Standard"),
            _line(VPC, "network", "0", "VPC: no charge"),
        ),
        unpriced=(Unpriced("urn:pulumi:dev::paved::aws:foo/bar:Bar::x", "aws:foo/bar:Bar", "x", "", "no price data"),),
    )
    cost = StackCost(report, None if cap is None else Decimal(cap))
    snapshot = Snapshot(
        stack="dev",
        project="paved",
        source=source,
        resources=[_resource(BUCKET), _resource(DB, protect=True), _resource(KEY)],
    )
    return Evaluation(snapshot, PolicyConfig(path=Path("policies/config/dev.json")), violations, cost)


ADVISORY = Violation(
    "s3-bucket-access-logging", "advisory", BUCKET, "aws:s3/bucket:Bucket", "Bucket has no access logs.", "logging"
)  # fmt: skip
MANDATORY = Violation(
    "s3-bucket-encrypted-with-kms",
    "mandatory",
    BUCKET,
    "aws:s3/bucket:Bucket",
    "Bucket is not encrypted | with KMS.",
    "encryption-at-rest",
)


def test_json_is_exactly_the_design_object() -> None:
    document = as_json(_evaluation([ADVISORY, MANDATORY]))
    assert list(document) == ["stack", "source", "resources", "violations", "cost", "passed"]
    assert (document["stack"], document["source"], document["resources"], document["passed"]) == (
        "dev",
        "program",
        3,
        False,
    )
    assert document["violations"][0] == {
        "policy": "s3-bucket-encrypted-with-kms",
        "enforcement": "mandatory",
        "urn": BUCKET,
        "resource_type": "aws:s3/bucket:Bucket",
        "message": "Bucket is not encrypted | with KMS.",
    }
    assert [v["enforcement"] for v in document["violations"]] == ["mandatory", "advisory"]
    cost = document["cost"]
    assert list(cost) == ["monthly_usd", "cap_usd", "by_tier", "by_resource"]
    assert (cost["monthly_usd"], cost["cap_usd"]) == (12.91, 25.0)
    assert cost["by_tier"] == {"encryption": 1.0, "network": 0.0, "data": 11.91}
    assert list(cost["by_tier"]) == ["encryption", "network", "data"]  # build order
    assert cost["by_resource"][0] == {
        "urn": DB,
        "type": "aws:rds/cluster:Cluster",
        "monthly_usd": 11.68,
        "basis": "0.5 ACU × 730 h × $0.12/ACU-h",
    }
    assert [r["monthly_usd"] for r in cost["by_resource"]] == [11.68, 1.0, 0.23, 0.0]


def test_only_mandatory_violations_fail_and_no_cap_is_null() -> None:
    document = as_json(_evaluation([ADVISORY], cap=None))
    assert document["passed"] is True
    assert document["cost"]["cap_usd"] is None


def test_markdown_is_a_pr_comment_with_verdict_violations_and_cost_against_the_cap() -> None:
    markdown = as_markdown(_evaluation([ADVISORY, MANDATORY]))
    lines = markdown.splitlines()
    assert lines[0] == "<!-- paved:plan:dev -->"
    assert lines[1] == "### ❌ paved plan, stack dev: failed: 1 mandatory violation"
    assert (
        "| ❌ mandatory | `s3-bucket-encrypted-with-kms` | `data-uploads` `aws:s3/bucket:Bucket` "
        "| Bucket is not encrypted \\| with KMS. |"
    ) in lines
    assert "#### Cost by tier (cap $25.00 a month)" in lines
    assert "| data | $11.91 | 48 % |" in lines
    assert "| **total** | **$12.91** | 52 % of $25.00 |" in lines
    assert "| `data-db` | `aws:rds/cluster:Cluster` | $11.68 | 0.5 ACU × 730 h × $0.12/ACU-h |" in lines
    assert "Unpriced: 1 resource (`aws:foo/bar:Bar`)." in lines


def test_markdown_of_a_passing_check_names_the_file() -> None:
    markdown = as_markdown(_evaluation([], source="exports/shop.json", cap="10"))
    assert "### ✅ paved check of exports/shop.json, stack dev: passed" in markdown
    assert "No violations." in markdown
    assert "| **total** | **$12.91** | 129 % of $10.00 ❌ over the cap |" in markdown


def _text(evaluation: Evaluation) -> str:
    buffer = io.StringIO()
    print_text(evaluation, buffer, width=140)
    return buffer.getvalue()


def test_text_shows_tiers_violations_by_category_cost_against_cap_drivers_and_verdict() -> None:
    text = _text(_evaluation([ADVISORY, MANDATORY]))
    assert "paved plan, stack dev — 3 resources" in text
    assert "encryption (1, $1.00/month)" in text
    assert "data (2, $11.91/month)" in text
    assert "aws:rds/cluster:Cluster  data-db  protected  $11.68/month" in text
    assert "Policies: 1 mandatory, 1 advisory" in text
    assert text.index("encryption-at-rest") < text.index("logging")  # mandatory categories first
    assert "✖ mandatory s3-bucket-encrypted-with-kms  data-uploads (aws:s3/bucket:Bucket)" in text
    assert "Monthly cost by tier against a cap of $25.00" in text
    assert "Top cost drivers" in text and "0.5 ACU × 730 h × $0.12/ACU-h" in text
    assert "$11.68  data-db (aws:rds/cluster:Cluster)" in text
    assert "Unpriced: 1 resource (aws:foo/bar:Bar)" in text
    assert text.rstrip().endswith("Verdict: failed: 1 mandatory violation")


def test_text_of_a_clean_stack_says_so() -> None:
    text = _text(_evaluation([], cap=None))
    assert "Policies: no violations" in text
    assert "Monthly cost by tier (no cap configured)" in text
    assert text.rstrip().endswith("Verdict: passed")
