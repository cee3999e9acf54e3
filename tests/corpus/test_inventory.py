"""The rule inventory (``policies/paved_policies/data/equivalents/``): complete, consistent, sourced."""

from __future__ import annotations

import re
from typing import Any

import pytest
from paved_policies.registry import all_policies

from tools.corpus.categories import CATEGORIES
from tools.corpus.equivalents import INVENTORIES, declared_equivalents, inventory, paved_equivalents, rules_by_id
from tools.corpus.sdk_schema import Shape, nested_shape, resource_classes, resource_shape

POLICY_NAMES = {policy.name for policy in all_policies()}


def _rules(tool: str) -> list[dict[str, Any]]:
    return list(inventory(tool)["rules"])


def _property_exists(token: str, path: str) -> bool:
    shape: Shape | None = resource_shape(token)
    for part in path.split("."):
        if shape is None:
            return True
        field = next((f for f in shape.fields.values() if f.camel == part), None)
        if field is None:
            return False
        shape = nested_shape(shape.module, field.nested) if field.nested else None
    return True


def test_each_inventory_says_what_it_was_read_from() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", inventory("checkov")["version"])
    assert re.fullmatch(r"[0-9a-f]{40}", inventory("cdk_nag")["commit"])
    assert re.fullmatch(r"[0-9a-f]{40}", inventory("kics")["commit"])
    for tool in INVENTORIES:
        assert inventory(tool)["regenerate"].startswith("python -m tools.corpus.")


def test_rule_ids_are_unique_across_inventories() -> None:
    ids = [rule["id"] for tool in INVENTORIES for rule in _rules(tool)]
    assert len(ids) == len(set(ids))


def test_every_applicable_checkov_aws_check_is_listed() -> None:
    rules = _rules("checkov")
    ids = {rule["id"] for rule in rules}
    not_applicable = {rule["id"] for rule in inventory("checkov")["not_applicable"]}
    assert len(rules) > 400
    assert {"CKV_AWS_19", "CKV_AWS_41", "CKV2_AWS_6", "CKV_AWS_1"} <= ids
    assert ids.isdisjoint(not_applicable)
    for rule in inventory("checkov")["not_applicable"]:
        assert rule["reason"], rule["id"]


def test_every_aws_solutions_rule_is_listed_or_explained() -> None:
    listed = _rules("cdk_nag") + inventory("cdk_nag")["not_applicable"]
    assert len(listed) == 131
    assert all(rule["id"].startswith("AwsSolutions-") for rule in listed)
    for rule in inventory("cdk_nag")["not_applicable"]:
        assert rule["reason"], rule["id"]


@pytest.mark.parametrize("tool", INVENTORIES)
def test_every_rule_has_a_category_and_a_security_relevance(tool: str) -> None:
    for rule in _rules(tool):
        assert rule["category"] in CATEGORIES, rule["id"]
        assert isinstance(rule["security_relevant"], bool), rule["id"]


@pytest.mark.parametrize("tool", INVENTORIES)
def test_every_rule_maps_to_pulumi_aws_types_that_exist(tool: str) -> None:
    tokens = resource_classes()
    for rule in _rules(tool):
        assert rule["types"], rule["id"]
        missing = [token for token in rule["types"] if token not in tokens]
        assert missing == [], rule["id"]


@pytest.mark.parametrize("tool", ["checkov", "cdk_nag"])
def test_every_property_a_rule_reads_is_an_input_of_its_type(tool: str) -> None:
    for rule in _rules(tool):
        for token, paths in rule["types"].items():
            wrong = [path for path in paths if not _property_exists(token, path)]
            assert wrong == [], (rule["id"], token)


def test_paved_equivalents_name_policies_of_the_pack() -> None:
    for rule in rules_by_id().values():
        assert set(rule["paved"]) <= POLICY_NAMES, rule["id"]


@pytest.mark.parametrize("tool", ["checkov", "cdk_nag"])
def test_every_equivalent_paved_declares_is_recorded(tool: str) -> None:
    recorded = {rule["id"]: set(rule["paved"]) for rule in _rules(tool)}
    declared = declared_equivalents()
    assert declared
    for policy, rule_sets in declared.items():
        for rule_id in rule_sets[tool]:
            assert policy in recorded.get(rule_id, set()), (policy, rule_id)


def test_a_data_source_check_shares_its_resource_twins_equivalents() -> None:
    equivalents = paved_equivalents("checkov", twins={"CKV_AWS_49": "CKV_AWS_63"})
    assert equivalents["CKV_AWS_49"] == equivalents["CKV_AWS_63"] == ["iam-no-wildcard-actions"]


def test_rules_restating_a_changed_aws_default_cite_it() -> None:
    marked = {rule["id"]: rule["default_changed"] for rule in rules_by_id().values() if "default_changed" in rule}
    assert {"CKV_AWS_19", "CKV2_AWS_6", "AwsSolutions-S2"} <= set(marked)
    for rule_id, note in marked.items():
        assert "https://" in note or "pulumi-aws" in note, rule_id
