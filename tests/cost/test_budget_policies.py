"""The budget policies: the repo's stacks pass, over-cap and budget-less variants fail with the right messages."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from cost.budget_policies import (
    BUDGET_POLICIES,
    budget_instance_families_allowed,
    budget_monthly_cost_within_cap,
    budget_resource_present,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from pulumi_policy import EnforcementLevel, ResourceValidationPolicy
from pulumi_policy.proxy import UNKNOWN_STRING_VALUE

from tests.cost.policy_harness import policy_resource, resources_of_run, run_resource_policy, run_stack_policy
from tools.program import REPO_ROOT, ProgramRun

CONFIG_DIR = REPO_ROOT / "policies" / "config"
BUDGET = "aws:budgets/budget:Budget"
BUDGET_URN = "urn:pulumi:dev::paved::pulumi:pulumi:Stack$paved:observability:Observability$" + BUDGET + "::budget"


def config(stack: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((CONFIG_DIR / f"{stack}.json").read_text())
    return document


def entry(stack: str, policy: str) -> dict[str, Any]:
    return {key: value for key, value in config(stack)[policy].items() if key != "enforcementLevel"}


def budget(limit: str = "25", **overrides: Any) -> Any:
    props = {"budgetType": "COST", "timeUnit": "MONTHLY", "limitUnit": "USD", "limitAmount": limit, **overrides}
    return policy_resource(BUDGET, BUDGET_URN, props)


# --- the repo's stacks -----------------------------------------------------------------------


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_repo_stack_is_within_its_cap(stack: str, request: pytest.FixtureRequest) -> None:
    run: ProgramRun = request.getfixturevalue(stack)
    policy_config = entry(stack, budget_monthly_cost_within_cap.name)
    assert run_stack_policy(budget_monthly_cost_within_cap, resources_of_run(run), policy_config) == []


def test_caps_are_at_most_25_usd_for_dev_and_400_usd_for_prod() -> None:
    for stack, ceiling in (("dev", 25), ("prod", 400)):
        caps = {
            entry(stack, p.name)["maxMonthlyUsd"] for p in (budget_monthly_cost_within_cap, budget_resource_present)
        }
        assert len(caps) == 1, f"{stack}: the cap differs between the budget policies: {caps}"
        assert 0 < float(caps.pop()) <= ceiling


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_policy_config_files_are_in_the_standard_format_and_match_each_policys_schema(stack: str) -> None:
    document = config(stack)
    for policy in BUDGET_POLICIES:
        assert document[policy.name]["enforcementLevel"] == "mandatory"
        assert policy.config_schema is not None
        schema = {"type": "object", "properties": policy.config_schema.properties}
        schema["required"] = policy.config_schema.required or []
        jsonschema.validate(entry(stack, policy.name), schema)


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_repo_stack_passes_the_budget_resource_policy_once_its_budget_exists(
    stack: str, request: pytest.FixtureRequest
) -> None:
    """The observability tier's budget (paved:budget.monthlyUsd); a stand-in at the cap until that tier is in."""
    run: ProgramRun = request.getfixturevalue(stack)
    cap = str(entry(stack, budget_resource_present.name)["maxMonthlyUsd"])
    resources = resources_of_run(run)
    if not any(r.resource_type == BUDGET for r in resources):
        resources.append(budget(cap))
    assert run_stack_policy(budget_resource_present, resources, entry(stack, budget_resource_present.name)) == []


# --- the failing variants --------------------------------------------------------------------


def test_over_cap_stack_fails_with_estimate_cap_and_top_five_drivers(prod: ProgramRun) -> None:
    data = "urn:pulumi:prod::paved::pulumi:pulumi:Stack$paved:data:Data$"
    oversized = [
        policy_resource(
            "aws:rds/instance:Instance",
            data + "aws:rds/instance:Instance::data-db",
            {"engine": "postgres", "instanceClass": "db.r6g.4xlarge", "multiAz": True, "allocatedStorage": 500},
        ),
        policy_resource(
            "aws:elasticache/replicationGroup:ReplicationGroup",
            data + "aws:elasticache/replicationGroup:ReplicationGroup::data-cache",
            {"engine": "valkey", "nodeType": "cache.r7g.large", "numCacheClusters": 3},
        ),
    ]
    policy_config = entry("prod", budget_monthly_cost_within_cap.name)
    violations = run_stack_policy(budget_monthly_cost_within_cap, resources_of_run(prod, oversized), policy_config)
    assert len(violations) == 1
    message, urn = violations[0]
    assert urn is None
    assert re.match(r"Estimated monthly cost \$[\d,]+\.\d\d is above the cap of \$400\.00 \(maxMonthlyUsd\)", message)
    drivers = message.split("Top 5 cost drivers: ", 1)[1]
    assert [int(n) for n in re.findall(r"(?:^|; )(\d)\. ", drivers)] == [1, 2, 3, 4, 5]
    # 730 h × $3.596 (db.r6g.4xlarge Multi-AZ) = 2,625.08 + 500 GB × $0.23 = 115.00 → 2,740.08.
    assert drivers.startswith(
        "1. data-db (aws:rds/instance:Instance, data tier) $2,740.08: "
        "db.r6g.4xlarge postgres Multi-AZ 730 h × $3.596/h + gp2 storage 500 GB-mo × $0.23/GB-mo"
    )
    assert "network-vpc (awsx:ec2:Vpc, network tier)" in drivers


def test_stack_without_a_budget_fails_naming_the_cap(dev: ProgramRun) -> None:
    without_budget = [r for r in resources_of_run(dev) if r.resource_type != BUDGET]
    violations = run_stack_policy(budget_resource_present, without_budget, {"maxMonthlyUsd": 25})
    assert violations == [
        (
            "No AWS Budgets budget (aws:budgets/budget:Budget) caps this stack: add a MONTHLY COST budget in USD "
            "with a limitAmount at or below $25.00 (maxMonthlyUsd).",
            None,
        )
    ]


@pytest.mark.parametrize(
    ("props", "problem"),
    [
        ({"limitAmount": "500"}, "its limit $500.00 is above the cap $25.00 (maxMonthlyUsd)"),
        ({"limitUnit": "EUR"}, "its limit is in EUR, not USD"),
        ({"timeUnit": "ANNUALLY"}, "it is a COST budget per ANNUALLY, not a MONTHLY COST budget"),
        ({"budgetType": "USAGE"}, "it is a USAGE budget per MONTHLY, not a MONTHLY COST budget"),
    ],
)
def test_budget_that_does_not_cap_the_stack_is_reported_on_the_budget(props: dict[str, Any], problem: str) -> None:
    violations = run_stack_policy(budget_resource_present, [budget(**props)], {"maxMonthlyUsd": 25})
    assert violations == [(f"AWS budget budget does not cap this stack at $25.00: {problem}.", BUDGET_URN)]


def test_budget_at_or_below_the_cap_passes() -> None:
    assert run_stack_policy(budget_resource_present, [budget("25.0")], {"maxMonthlyUsd": 25}) == []
    assert run_stack_policy(budget_resource_present, [budget("10")], {"maxMonthlyUsd": 25}) == []


def test_budget_limit_unknown_during_preview_is_not_a_violation() -> None:
    resources = [budget(UNKNOWN_STRING_VALUE)]
    assert run_stack_policy(budget_resource_present, resources, {"maxMonthlyUsd": 25}) == []


def test_preview_unknowns_never_crash_the_cost_policy_or_add_false_violations(dev: ProgramRun) -> None:
    unknown_db = policy_resource(
        "aws:rds/instance:Instance",
        "urn:pulumi:dev::paved::pulumi:pulumi:Stack$paved:data:Data$aws:rds/instance:Instance::db",
        {"engine": "postgres", "instanceClass": UNKNOWN_STRING_VALUE, "allocatedStorage": UNKNOWN_STRING_VALUE},
    )
    resources = resources_of_run(dev, [unknown_db])
    assert (
        run_stack_policy(budget_monthly_cost_within_cap, resources, entry("dev", "budget-monthly-cost-within-cap"))
        == []
    )


@pytest.mark.parametrize(
    ("policy_config", "message"),
    [
        ({}, "Policy config: maxMonthlyUsd is not set in this policy's config (policies/config/<stack>.json)"),
        ({"maxMonthlyUsd": -3}, "Policy config: maxMonthlyUsd: -3 must be a positive number of USD"),
        ({"maxMonthlyUsd": 25, "usage": {"s3": {"storage": 1}}}, "Policy config: usage.s3.storage: unknown key"),
    ],
)
def test_bad_policy_config_is_reported_naming_the_key(policy_config: dict[str, Any], message: str) -> None:
    violations = run_stack_policy(budget_monthly_cost_within_cap, [], policy_config)
    assert len(violations) == 1
    assert violations[0][0].startswith(message)


@settings(max_examples=100, deadline=None)
@given(
    resources=st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "aws:rds/instance:Instance",
                    "aws:ec2/natGateway:NatGateway",
                    "aws:budgets/budget:Budget",
                    "aws:lambda/function:Function",
                    "awsx:ec2:Vpc",
                    "aws:neptune/cluster:Cluster",
                ]
            ),
            st.dictionaries(
                st.sampled_from(
                    ["instanceClass", "limitAmount", "limitUnit", "budgetType", "memorySize", "natGateways"]
                ),
                st.none()
                | st.integers(-3, 10**6)
                | st.sampled_from(["USD", "COST", "db.t4g.micro", UNKNOWN_STRING_VALUE]),
                max_size=4,
            ),
        ),
        max_size=6,
    ),
    cap=st.integers(1, 1000),
)
def test_odd_stacks_get_verdicts_from_the_stack_policies_never_crashes(
    resources: list[tuple[str, dict[str, Any]]], cap: int
) -> None:
    stack = [policy_resource(t, f"urn:pulumi:dev::paved::{t}::r{i}", props) for i, (t, props) in enumerate(resources)]
    for policy in (budget_monthly_cost_within_cap, budget_resource_present):
        for message, _ in run_stack_policy(policy, stack, {"maxMonthlyUsd": cap}):
            assert message


# --- instance families -----------------------------------------------------------------------

FAMILIES = {"allowedInstanceFamilies": ["t4g", "db.serverless", "cache.r7g"]}


@pytest.mark.parametrize(
    ("type_", "props", "allowed"),
    [
        ("aws:rds/instance:Instance", {"instanceClass": "db.t4g.micro"}, True),
        ("aws:rds/clusterInstance:ClusterInstance", {"instanceClass": "db.serverless"}, True),
        ("aws:elasticache/replicationGroup:ReplicationGroup", {"nodeType": "cache.t4g.micro"}, True),
        ("aws:elasticache/replicationGroup:ReplicationGroup", {"nodeType": "cache.r7g.large"}, True),
        ("aws:ec2/instance:Instance", {"instanceType": "t4g.small"}, True),
        ("aws:rds/instance:Instance", {"instanceClass": UNKNOWN_STRING_VALUE}, True),
        ("aws:s3/bucket:Bucket", {"instanceType": "m5.large"}, True),
        ("aws:rds/instance:Instance", {"instanceClass": "db.m5.large"}, False),
        ("aws:ec2/instance:Instance", {"instanceType": "r7g.large"}, False),
        ("aws:rds/cluster:Cluster", {"dbClusterInstanceClass": "db.r6gd.large"}, False),
        ("aws:ec2/launchTemplate:LaunchTemplate", {"instanceType": "c7i.large"}, False),
    ],
)
def test_instance_classes_outside_the_allowed_families_are_reported(
    type_: str, props: dict[str, Any], allowed: bool
) -> None:
    resource = policy_resource(type_, f"urn:pulumi:dev::paved::{type_}::it", props)
    violations = run_resource_policy(budget_instance_families_allowed, resource, FAMILIES)
    assert (violations == []) is allowed


def test_family_violation_names_the_class_its_family_and_the_allowed_list() -> None:
    resource = policy_resource("aws:rds/instance:Instance", "urn:x::it", {"instanceClass": "db.m5.large"})
    assert run_resource_policy(budget_instance_families_allowed, resource, FAMILIES) == [
        (
            "RDS instance class db.m5.large (family db.m5) is not in allowedInstanceFamilies "
            "(t4g, db.serverless, cache.r7g).",
            None,
        )
    ]


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_repo_stacks_use_only_allowed_families(stack: str, request: pytest.FixtureRequest) -> None:
    run: ProgramRun = request.getfixturevalue(stack)
    policy_config = entry(stack, budget_instance_families_allowed.name)
    for resource in resources_of_run(run):
        assert run_resource_policy(budget_instance_families_allowed, resource, policy_config) == [], resource.urn


# --- conventions -----------------------------------------------------------------------------


@pytest.mark.parametrize("policy", BUDGET_POLICIES, ids=lambda p: p.name)
def test_budget_policies_follow_the_policy_conventions(policy: Any) -> None:
    assert re.fullmatch(r"budget(-[a-z0-9]+)+", policy.name)
    assert policy.description.startswith("Checks that ")
    assert policy.enforcement_level is EnforcementLevel.MANDATORY
    assert policy.severity is not None
    assert policy.tags == ["cost"]
    assert "policies/config/<stack>.json" in policy.remediation_steps
    assert re.search(r"paved:[a-z]+\.", policy.remediation_steps)
    assert policy.config_schema is not None
    assert not policy.config_schema.required, "the pack loads without a stack config; the policy reports it"


def test_without_a_families_list_the_current_graviton_families_are_allowed() -> None:
    graviton = policy_resource("aws:rds/instance:Instance", "urn:x::it", {"instanceClass": "db.r7g.large"})
    intel = policy_resource("aws:rds/instance:Instance", "urn:x::it", {"instanceClass": "db.m5.large"})
    assert run_resource_policy(budget_instance_families_allowed, graviton, {}) == []
    assert run_resource_policy(budget_instance_families_allowed, intel, {}) == [
        (
            "RDS instance class db.m5.large (family db.m5) is not in allowedInstanceFamilies "
            "(t4g, m7g, r7g, c7g, m6g, r6g, c6g, db.serverless).",
            None,
        )
    ]


def test_only_the_families_policy_validates_resources_one_by_one() -> None:
    assert [isinstance(p, ResourceValidationPolicy) for p in BUDGET_POLICIES] == [False, False, True]


def test_config_files_are_json_objects_keyed_by_policy_name() -> None:
    for path in sorted(Path(CONFIG_DIR).glob("*.json")):
        document = json.loads(path.read_text())
        assert all(isinstance(value, dict) and "enforcementLevel" in value for value in document.values()), path
