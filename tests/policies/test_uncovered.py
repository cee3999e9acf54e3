"""Every applicable Checkov and cdk-nag rule is accounted for (issue 16 item 1): a paved policy
declares it as an equivalent, or a reason says why not. Checked here for the categories whose rules
have been reviewed; the README lists every rule either way."""

from __future__ import annotations

import json

import pytest
from paved_policies.uncovered import EQUIVALENTS_DIR, TOOLS, declared, inventory_rules, reasons, uncovered, why_not

REVIEWED_CATEGORIES = ("encryption-at-rest", "encryption-in-transit")


@pytest.mark.parametrize("category", REVIEWED_CATEGORIES)
def test_every_rule_of_a_reviewed_category_has_an_equivalent_or_a_reason(category: str) -> None:
    unaccounted = [rule["id"] for rule in uncovered() if rule["category"] == category and why_not(rule) is None]
    assert unaccounted == []


def test_a_reason_is_given_only_for_a_rule_of_the_inventories_without_an_equivalent() -> None:
    ids = {rule["id"] for tool in (*TOOLS, "kics") for rule in inventory_rules(tool)}
    assert set(reasons()) <= ids
    assert set(reasons()) & declared() == set()


def test_every_reasons_file_says_what_it_holds() -> None:
    for path in (EQUIVALENTS_DIR / "not_covered").glob("*.json"):
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["about"] and all(reason.strip() for reason in document["reasons"].values()), path.name


def test_a_rule_marked_not_security_relevant_says_so_with_its_note() -> None:
    rule = next(rule for rule in inventory_rules("checkov") if rule["id"] == "CKV_AWS_127")
    assert why_not(rule) == "not security-relevant: certificate management, not TLS strength"
