"""The budget policies: the repo's stacks pass, over-cap and budget-less variants fail with the right
messages. They run through the same harness as every other policy (``paved_policies.testing``): the
properties make the protobuf round trip the analyzer makes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from cost import budget_policies
from cost.budget_policies import (
    budget_instance_families_allowed,
    budget_monthly_cost_within_cap,
    budget_resource_present,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from paved_policies.policy import COST
from paved_policies.registry import all_policies
from paved_policies.testing import (
    UNKNOWN,
    StackResource,
    provider_resource,
    resource_args,
    stack_args,
    violations,
)
from pulumi_policy import EnforcementLevel

from tests.policies.baselines import ELASTICACHE_REPLICATION_GROUP, RDS_INSTANCE
from tools.program import ProgramRun

CONFIG_DIR = Path(budget_policies.__file__).resolve().parent.parent / "config"
BUDGET_POLICIES = [policy for policy in all_policies() if policy.category == COST]
BUDGET = "aws:budgets/budget:Budget"
BUDGET_URN = "urn:pulumi:dev::paved::pulumi:pulumi:Stack$paved:observability:Observability$" + BUDGET + "::budget"


def config(stack: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((CONFIG_DIR / f"{stack}.json").read_text())
    return document


def entry(stack: str, policy: str) -> dict[str, Any]:
    return {key: value for key, value in config(stack)[policy].items() if key != "enforcementLevel"}


def budget(limit: str = "25", **overrides: Any) -> StackResource:
    props = {"budgetType": "COST", "timeUnit": "MONTHLY", "limitUnit": "USD", "limitAmount": limit, **overrides}
    return StackResource(BUDGET, "budget", props, urn=BUDGET_URN)


def stack_of(run: ProgramRun) -> list[StackResource]:
    """Every registration of a mocks run as the analyzer hands it to a stack policy: wire properties,
    parents, dependencies and each resource's own provider."""
    providers = {
        r.urn: provider_resource(r.properties, type_=r.type, name=r.name, urn=r.urn)
        for r in run.resources
        if r.is_provider
    }
    return [
        StackResource(
            r.type,
            r.name,
            r.properties,
            dependencies=r.dependencies,
            property_dependencies=r.property_dependencies,
            parent=r.parent or None,
            urn=r.urn,
            provider=providers.get((r.provider or r.providers.get("aws", "")).rsplit("::", 1)[0]),
        )
        for r in run.resources
    ]


def stack_policy_violations(policy: Any, resources: list[StackResource], policy_config: dict[str, Any]) -> list[str]:
    return violations(policy, stack_args(resources, config=policy_config))


# --- the repo's stacks -----------------------------------------------------------------------


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_repo_stack_is_within_its_cap(stack: str, request: pytest.FixtureRequest) -> None:
    run: ProgramRun = request.getfixturevalue(stack)
    policy_config = entry(stack, budget_monthly_cost_within_cap.name)
    assert stack_policy_violations(budget_monthly_cost_within_cap, stack_of(run), policy_config) == []


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
def test_repo_stack_passes_the_budget_resource_policy(stack: str, request: pytest.FixtureRequest) -> None:
    run: ProgramRun = request.getfixturevalue(stack)
    assert any(r.type == BUDGET for r in run.resources), "the observability tier creates the budget"
    policy_config = entry(stack, budget_resource_present.name)
    assert stack_policy_violations(budget_resource_present, stack_of(run), policy_config) == []


# --- the failing variants --------------------------------------------------------------------


def test_over_cap_stack_fails_with_estimate_cap_and_top_five_drivers(prod: ProgramRun) -> None:
    data = "urn:pulumi:prod::paved::pulumi:pulumi:Stack$paved:data:Data$"
    oversized = [
        StackResource(
            "aws:rds/instance:Instance",
            "data-db",
            {"engine": "postgres", "instanceClass": "db.r6g.4xlarge", "multiAz": True, "allocatedStorage": 500},
            urn=data + "aws:rds/instance:Instance::data-db-oversized",
        ),
        StackResource(
            "aws:elasticache/replicationGroup:ReplicationGroup",
            "data-cache",
            {"engine": "valkey", "nodeType": "cache.r7g.large", "numCacheClusters": 3},
            urn=data + "aws:elasticache/replicationGroup:ReplicationGroup::data-cache-oversized",
        ),
    ]
    policy_config = entry("prod", budget_monthly_cost_within_cap.name)
    found = stack_policy_violations(budget_monthly_cost_within_cap, [*stack_of(prod), *oversized], policy_config)
    assert len(found) == 1
    message = found[0]
    assert re.match(r"Estimated monthly cost \$[\d,]+\.\d\d is above the cap of \$400\.00 \(maxMonthlyUsd\)", message)
    drivers = message.split("Top 5 cost drivers: ", 1)[1]
    assert [int(n) for n in re.findall(r"(?:^|; )(\d)\. ", drivers)] == [1, 2, 3, 4, 5]
    # 730 h × $3.596 (db.r6g.4xlarge Multi-AZ) = 2,625.08 + 500 GB × $0.23 = 115.00 → 2,740.08.
    assert drivers.startswith(
        "1. data-db-oversized (aws:rds/instance:Instance, data tier) $2,740.08: "
        "db.r6g.4xlarge postgres Multi-AZ 730 h × $3.596/h + gp2 storage 500 GB-mo × $0.23/GB-mo"
    )
    assert "network-vpc (awsx:ec2:Vpc, network tier)" in drivers


def test_stack_without_a_budget_fails_naming_the_cap(dev: ProgramRun) -> None:
    without_budget = [r for r in stack_of(dev) if r.type != BUDGET]
    assert stack_policy_violations(budget_resource_present, without_budget, {"maxMonthlyUsd": 25}) == [
        "No AWS Budgets budget (aws:budgets/budget:Budget) caps this stack: add a MONTHLY COST budget in USD "
        "with a limitAmount at or below $25.00 (maxMonthlyUsd)."
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
    assert stack_policy_violations(budget_resource_present, [budget(**props)], {"maxMonthlyUsd": 25}) == [
        f"budget: AWS budget budget does not cap this stack at $25.00: {problem}."
    ]


def test_budget_at_or_below_the_cap_passes() -> None:
    assert stack_policy_violations(budget_resource_present, [budget("25.0")], {"maxMonthlyUsd": 25}) == []
    assert stack_policy_violations(budget_resource_present, [budget("10")], {"maxMonthlyUsd": 25}) == []


def test_budget_limit_unknown_during_preview_is_not_a_violation() -> None:
    assert stack_policy_violations(budget_resource_present, [budget(UNKNOWN)], {"maxMonthlyUsd": 25}) == []


def test_preview_unknowns_never_crash_the_cost_policy_or_add_false_violations(dev: ProgramRun) -> None:
    unknown_db = StackResource(
        "aws:rds/instance:Instance",
        "db",
        {"engine": "postgres", "instanceClass": UNKNOWN, "allocatedStorage": UNKNOWN},
        urn="urn:pulumi:dev::paved::pulumi:pulumi:Stack$paved:data:Data$aws:rds/instance:Instance::db",
    )
    policy_config = entry("dev", "budget-monthly-cost-within-cap")
    assert stack_policy_violations(budget_monthly_cost_within_cap, [*stack_of(dev), unknown_db], policy_config) == []


@pytest.mark.parametrize(
    ("policy_config", "message"),
    [
        ({}, "Policy config: maxMonthlyUsd is not set in this policy's config (policies/config/<stack>.json)"),
        ({"maxMonthlyUsd": -3}, "Policy config: maxMonthlyUsd: -3 must be a positive number of USD"),
        (
            {"maxMonthlyUsd": 25, "usage": {"s3": {"storage": 1}}},
            "Policy config: usage.s3.storage: unknown key (accepted: storageGb, putRequestsPerMonth, "
            "getRequestsPerMonth)",
        ),
    ],
)
def test_bad_policy_config_is_reported_naming_the_key(policy_config: dict[str, Any], message: str) -> None:
    assert stack_policy_violations(budget_monthly_cost_within_cap, [], policy_config) == [message]


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
                st.none() | st.integers(-3, 10**6) | st.sampled_from(["USD", "COST", "db.t4g.micro", UNKNOWN]),
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
    stack = [StackResource(t, f"r{i}", props) for i, (t, props) in enumerate(resources)]
    for policy in (budget_monthly_cost_within_cap, budget_resource_present):
        for message in stack_policy_violations(policy, stack, {"maxMonthlyUsd": cap}):
            assert message


# --- instance families -----------------------------------------------------------------------

FAMILIES = {"allowedInstanceFamilies": ["t4g", "db.serverless", "cache.r7g"]}


def family_violations(type_: str, props: dict[str, Any], policy_config: dict[str, Any]) -> list[str]:
    return violations(budget_instance_families_allowed, resource_args(type_, props, config=policy_config))


@pytest.mark.parametrize(
    ("type_", "props"),
    [
        ("aws:rds/instance:Instance", {"instanceClass": "db.t4g.micro"}),
        ("aws:rds/clusterInstance:ClusterInstance", {"instanceClass": "db.serverless"}),
        ("aws:elasticache/replicationGroup:ReplicationGroup", {"nodeType": "cache.t4g.micro"}),
        ("aws:elasticache/replicationGroup:ReplicationGroup", {"nodeType": "cache.r7g.large"}),
        ("aws:ec2/instance:Instance", {"instanceType": "t4g.small"}),
        ("aws:rds/instance:Instance", {"instanceClass": UNKNOWN}),
        ("aws:s3/bucket:Bucket", {"instanceType": "m5.large"}),
    ],
)
def test_instance_classes_of_allowed_families_or_unknown_pass(type_: str, props: dict[str, Any]) -> None:
    assert family_violations(type_, props, FAMILIES) == []


@pytest.mark.parametrize(
    ("type_", "props", "message"),
    [
        (
            "aws:rds/instance:Instance",
            {"instanceClass": "db.m5.large"},
            "RDS instance class db.m5.large (family db.m5) is not in allowedInstanceFamilies "
            "(t4g, db.serverless, cache.r7g).",
        ),
        (
            "aws:ec2/instance:Instance",
            {"instanceType": "r7g.large"},
            "EC2 instance type r7g.large (family r7g) is not in allowedInstanceFamilies "
            "(t4g, db.serverless, cache.r7g).",
        ),
        (
            "aws:rds/cluster:Cluster",
            {"dbClusterInstanceClass": "db.r6gd.large"},
            "RDS cluster instance class db.r6gd.large (family db.r6gd) is not in allowedInstanceFamilies "
            "(t4g, db.serverless, cache.r7g).",
        ),
        (
            "aws:ec2/launchTemplate:LaunchTemplate",
            {"instanceType": "c7i.large"},
            "launch template instance type c7i.large (family c7i) is not in allowedInstanceFamilies "
            "(t4g, db.serverless, cache.r7g).",
        ),
    ],
)
def test_instance_classes_outside_the_allowed_families_are_reported(
    type_: str, props: dict[str, Any], message: str
) -> None:
    assert family_violations(type_, props, FAMILIES) == [message]


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_repo_stacks_use_only_allowed_families(stack: str, request: pytest.FixtureRequest) -> None:
    run: ProgramRun = request.getfixturevalue(stack)
    policy_config = entry(stack, budget_instance_families_allowed.name)
    for r in run.resources:
        assert family_violations(r.type, r.properties, policy_config) == [], r.urn


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
    assert family_violations("aws:rds/instance:Instance", {"instanceClass": "db.r7g.large"}, {}) == []
    assert family_violations("aws:rds/instance:Instance", {"instanceClass": "db.m5.large"}, {}) == [
        "RDS instance class db.m5.large (family db.m5) is not in allowedInstanceFamilies "
        "(t4g, m7g, r7g, c7g, m6g, r6g, c6g, db.serverless)."
    ]


def test_rds_instance_of_a_family_outside_the_default_list_is_reported() -> None:
    assert RDS_INSTANCE.violations({"instanceClass": "db.m5.large"}) == [
        (
            "budget-instance-families-allowed",
            "RDS instance class db.m5.large (family db.m5) is not in allowedInstanceFamilies "
            "(t4g, m7g, r7g, c7g, m6g, r6g, c6g, db.serverless).",
        )
    ]


def test_cache_node_type_outside_the_configured_families_is_reported() -> None:
    config = {"budget-instance-families-allowed": FAMILIES}
    assert ELASTICACHE_REPLICATION_GROUP.violations({"nodeType": "cache.m7g.large"}, config=config) == [
        (
            "budget-instance-families-allowed",
            "ElastiCache node type cache.m7g.large (family cache.m7g) is not in allowedInstanceFamilies "
            "(t4g, db.serverless, cache.r7g).",
        )
    ]


def test_the_budget_policies_are_the_pack_s_cost_category() -> None:
    assert [(p.name, p.kind) for p in BUDGET_POLICIES] == [
        ("budget-instance-families-allowed", "resource"),
        ("budget-monthly-cost-within-cap", "stack"),
        ("budget-resource-present", "stack"),
    ]


def test_config_files_are_json_objects_keyed_by_policy_name() -> None:
    for path in sorted(CONFIG_DIR.glob("*.json")):
        document = json.loads(path.read_text())
        assert all(isinstance(value, dict) and "enforcementLevel" in value for value in document.values()), path
