"""policies/README.md's coverage table is generated from the registry and never drifts."""

from __future__ import annotations

from paved_policies.coverage import EQUIVALENTS, README, rendered
from paved_policies.registry import all_policies


def test_readme_coverage_table_matches_the_registry() -> None:
    text = README.read_text(encoding="utf-8")
    assert text == rendered(text), "run `python -m paved_policies.coverage` in policies/ and commit README.md"


def test_every_listed_equivalent_names_a_policy_of_the_pack() -> None:
    names = {policy.name for policy in all_policies()}
    assert set(EQUIVALENTS) <= names


def test_equivalent_ids_are_well_formed() -> None:
    for guard, nag, checkov in EQUIVALENTS.values():
        for rule in filter(None, nag.split(", ")):
            assert rule.startswith("AwsSolutions-"), rule
        for rule in filter(None, checkov.split(", ")):
            assert rule.startswith(("CKV_AWS_", "CKV2_AWS_")), rule
        for rule in filter(None, guard.split(", ")):
            assert rule == rule.lower() and " " not in rule, rule
