"""policies/README.md's coverage table is generated from the policies' declarations and never drifts."""

from __future__ import annotations

from paved_policies.coverage import README, rendered, table
from paved_policies.registry import policy_named


def test_readme_coverage_table_matches_the_pack() -> None:
    text = README.read_text(encoding="utf-8")
    assert text == rendered(text), "run `python -m paved_policies.coverage` in policies/ and commit README.md"


def test_a_row_shows_the_equivalents_the_policy_declares() -> None:
    declared = policy_named("rds-instance-storage-encrypted").equivalents
    row = next(line for line in table().splitlines() if line.startswith("| `rds-instance-storage-encrypted` |"))
    assert declared.checkov == ("CKV_AWS_16",)
    assert row.endswith("| rds-storage-encrypted | AwsSolutions-RDS2 | CKV_AWS_16 |")


def test_a_stack_policy_on_every_resource_shows_its_kind_and_any_resource() -> None:
    row = next(line for line in table().splitlines() if line.startswith("| `budget-monthly-cost-within-cap` |"))
    assert row == "| `budget-monthly-cost-within-cap` | cost | mandatory | stack | any resource |  |  |  |"
