"""The registry: every policy is declared the same way (STYLE §7–8)."""

from __future__ import annotations

import re

import pytest
from paved_policies.exemptions import EXEMPTIONS_SCHEMA
from paved_policies.policy import CATEGORIES, MANDATORY_BY_DEFAULT, PavedResourcePolicy, PavedStackPolicy
from paved_policies.registry import all_policies
from pulumi_policy import EnforcementLevel, Policy, Severity

POLICIES = all_policies()
IDS = [policy.name for policy in POLICIES]


def test_policy_names_are_unique_kebab_case() -> None:
    assert len(IDS) == len(set(IDS))
    for name in IDS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", name), name


@pytest.mark.parametrize("policy", POLICIES, ids=IDS)
def test_every_policy_has_a_checks_that_description_severity_and_remediation(policy: Policy) -> None:
    assert policy.description.startswith("Checks "), policy.description
    assert policy.description.endswith(".")
    assert isinstance(policy.severity, Severity)
    assert policy.remediation_steps and len(policy.remediation_steps) > 20


@pytest.mark.parametrize("policy", POLICIES, ids=IDS)
def test_every_policy_has_exactly_one_category_tag(policy: Policy) -> None:
    assert policy.tags is not None
    assert len(policy.tags) == 1
    assert policy.tags[0] in CATEGORIES


@pytest.mark.parametrize("policy", POLICIES, ids=IDS)
def test_default_enforcement_is_mandatory_for_encryption_iam_exposure_and_budget_advisory_otherwise(
    policy: Policy,
) -> None:
    assert policy.tags is not None
    expected = EnforcementLevel.MANDATORY if policy.tags[0] in MANDATORY_BY_DEFAULT else EnforcementLevel.ADVISORY
    assert policy.enforcement_level == expected


@pytest.mark.parametrize("policy", POLICIES, ids=IDS)
def test_every_policy_accepts_exemptions_in_its_config(policy: Policy) -> None:
    assert policy.config_schema is not None
    assert policy.config_schema.properties["exemptions"] == EXEMPTIONS_SCHEMA


def test_paved_policies_declare_the_types_they_cover() -> None:
    for policy in POLICIES:
        if isinstance(policy, PavedResourcePolicy | PavedStackPolicy):
            assert policy.resource_types, policy.name


def test_the_pack_covers_every_category_but_cost_which_the_cost_model_adds() -> None:
    covered = {policy.tags[0] for policy in POLICIES if policy.tags}
    assert covered >= set(CATEGORIES) - {"cost"}


def test_the_exemption_listing_runs_last() -> None:
    assert IDS[-1] == "policy-exemptions"
