"""The rules between sections, as pure functions of a valid ``StackConfig`` and the policy config's limits."""

from __future__ import annotations

import inspect
from decimal import Decimal
from typing import Any

import pytest

from components.config import rules
from components.config.limits import NO_LIMITS, Cap, PolicyLimits
from components.config.stack import StackConfig

PROD_LIMITS = PolicyLimits(
    source="policies/config/prod.json",
    backup_minimum_days=14,
    allowed_families=("t4g", "m7g", "db.serverless"),
    caps=(Cap("budget-monthly-cost-within-cap", Decimal(400)), Cap("budget-resource-present", Decimal(400))),
)


def stack(**sections: Any) -> StackConfig:
    """A valid prod-like stack (no auth, no cdn, an RDS instance) with ``sections`` replaced."""
    document: dict[str, Any] = {
        "stack": "s",
        "region": "us-east-1",
        "tags": {"environment": "prod", "owner": "team", "costCenter": "cc-1"},
        "budget": {"monthlyUsd": 400},
        "compute": {"mode": "none"},
        "cdn": {"enabled": False},
        "auth": {"enabled": False},
        "data": {"postgres": {"engine": "instance", "multiAz": True, "backupRetentionDays": 14}},
        **sections,
    }
    return StackConfig.model_validate(document)


def test_a_stack_within_every_limit_has_no_problem() -> None:
    assert rules.problems(stack(), PROD_LIMITS) == []


def test_database_backups_shorter_than_the_policy_minimum_are_refused() -> None:
    config = stack(data={"postgres": {"engine": "instance", "multiAz": True, "backupRetentionDays": 7}})
    assert rules.backups_meet_the_policy_minimum(config, PROD_LIMITS) == [
        "data.postgres.backupRetentionDays: 7 is too short for this stack (accepted: 14 to 35, the minimum of "
        "backup-retention-minimum in policies/config/prod.json)"
    ]


def test_cache_snapshots_count_as_backups_too() -> None:
    config = stack(
        data={
            "postgres": {"enabled": False},
            "cache": {"enabled": True, "replicas": 1, "snapshotRetentionDays": 7},
        }
    )
    assert rules.backups_meet_the_policy_minimum(config, PROD_LIMITS) == [
        "data.cache.snapshotRetentionDays: 7 is too short for this stack (accepted: 14 to 35, the minimum of "
        "backup-retention-minimum in policies/config/prod.json)"
    ]


def test_without_a_mandatory_minimum_backups_are_the_stacks_choice() -> None:
    config = stack(data={"postgres": {"engine": "instance", "multiAz": True, "backupRetentionDays": 1}})
    assert rules.backups_meet_the_policy_minimum(config, NO_LIMITS) == []


def test_an_instance_class_of_a_family_the_policy_config_does_not_allow_is_refused() -> None:
    config = stack(
        data={
            "postgres": {
                "engine": "instance",
                "instanceClass": "db.m7i.large",
                "multiAz": True,
                "backupRetentionDays": 14,
            },
            "cache": {"enabled": True, "nodeType": "cache.r7g.large", "snapshotRetentionDays": 14},
        }
    )
    accepted = "(accepted: t4g, m7g, db.serverless, the allowedInstanceFamilies of budget-instance-families-allowed"
    assert rules.instance_families_are_allowed(config, PROD_LIMITS) == [
        f"data.postgres.instanceClass: 'db.m7i.large' is not in an allowed instance family {accepted} in "
        "policies/config/prod.json)",
        f"data.cache.nodeType: 'cache.r7g.large' is not in an allowed instance family {accepted} in "
        "policies/config/prod.json)",
    ]


def test_aurora_serverless_runs_on_db_serverless_which_must_be_allowed() -> None:
    config = stack(data={"postgres": {"engine": "aurora-serverless", "multiAz": True, "backupRetentionDays": 14}})
    limits = PolicyLimits(source="policies/config/x.json", allowed_families=("t4g",))
    assert [p.split(" (")[0] for p in rules.instance_families_are_allowed(config, limits)] == [
        "data.postgres.engine: 'db.serverless' is not in an allowed instance family"
    ]
    assert rules.instance_families_are_allowed(config, PROD_LIMITS) == []


@pytest.mark.parametrize(("budget", "problems"), [(400, 0), (399.5, 0), (400.01, 2)])
def test_the_budget_is_at_most_the_cap_of_each_budget_policy(budget: float, problems: int) -> None:
    found = rules.budget_is_within_the_cap(stack(budget={"monthlyUsd": budget}), PROD_LIMITS)
    assert len(found) == problems
    if found:
        assert found[0] == (
            f"budget.monthlyUsd: {budget:g} is above the cap of 400 (maxMonthlyUsd of budget-monthly-cost-within-cap "
            "in policies/config/prod.json); lower the budget or raise the cap there"
        )


def test_the_app_user_may_not_take_the_master_user_name() -> None:
    config = stack(
        data={"postgres": {"engine": "instance", "multiAz": True, "backupRetentionDays": 14, "iamUser": "paved_admin"}}
    )
    assert rules.app_user_is_not_reserved(config, NO_LIMITS) == [
        "data.postgres.iamUser: 'paved_admin' is reserved (not accepted: paved_admin, postgres, public, rds_iam, "
        "rdsadmin, rdsrepladmin)"
    ]


def test_the_items_table_must_have_the_keys_the_app_stores_items_under() -> None:
    config = stack(
        compute={"mode": "serverless", "jwt": {"issuer": "https://issuer.example.com", "audience": ["a"]}},
        data={
            "postgres": {"enabled": False},
            "tables": [{"name": "items", "partitionKey": {"name": "userId"}, "sortKey": {"name": "itemId"}}],
        },
    )
    assert rules.api_stores_items_in_a_keyed_table(config, NO_LIMITS) == [
        "compute.itemsTable: table 'items' must have partitionKey ownerId (S) and sortKey itemId (S), the keys the "
        "API stores items under"
    ]


def test_every_rule_reports_at_once_in_rule_order() -> None:
    config = stack(
        protection={"enabled": False},
        budget={"monthlyUsd": 500, "denyOnExceed": True},
        data={"postgres": {"engine": "instance", "instanceClass": "db.r7i.large", "backupRetentionDays": 3}},
    )
    assert [problem.split(":")[0] for problem in rules.problems(config, PROD_LIMITS)] == [
        "protection.enabled",
        "data.postgres.multiAz",
        "data.postgres.backupRetentionDays",
        "data.postgres.instanceClass",
        "budget.denyOnExceed",
        "budget.denyOnExceed",
        "budget.monthlyUsd",
        "budget.monthlyUsd",
    ]


def test_every_rule_defined_is_run_once() -> None:
    defined = {
        function
        for name, function in vars(rules).items()
        if inspect.isfunction(function)
        and function.__module__ == rules.__name__
        and not name.startswith("_")
        and function is not rules.problems
        and list(inspect.signature(function).parameters) in (["config", "_"], ["config", "limits"])
    }
    assert defined == set(rules.RULES)
    assert len(rules.RULES) == len(defined)
