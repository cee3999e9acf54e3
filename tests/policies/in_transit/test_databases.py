"""rds-ssl-enforced, a stack policy: each RDS or Aurora database is judged through the parameter
group it names, and reported itself; TLS forced through the group is clean (issue 16: the clean set
includes TLS forced through a parameter group rather than an inline setting)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from paved_policies import types as t
from paved_policies.testing import UNKNOWN, Finding, StackResource

from tests.policies.baselines import (
    RDS_CLUSTER,
    RDS_CLUSTER_PARAMETER_GROUP,
    RDS_INSTANCE,
    RDS_PARAMETER_GROUP,
    REDSHIFT_CLUSTER,
)
from tests.policies.stack_baseline import CAP_USD, stack_violations

BUDGET = StackResource(
    t.BUDGET, "budget", {"budgetType": "COST", "timeUnit": "MONTHLY", "limitUnit": "USD", "limitAmount": str(CAP_USD)}
)


def database(group: Mapping[str, Any] | None, **changes: Any) -> list[Finding]:
    """What the pack's stack policies report for a PostgreSQL instance on ``group`` (``None``: the
    engine's default group), as a first preview sees it: the group's name unknown, its dependency known."""
    resources = [BUDGET]
    instance = {**RDS_INSTANCE.properties, **changes}
    if group is None:
        instance.pop("parameterGroupName")
        resources.append(StackResource(t.RDS_INSTANCE, "db", instance))
    else:
        resources.append(StackResource(t.RDS_PARAMETER_GROUP, "db-params", dict(group)))
        resources.append(
            StackResource(
                t.RDS_INSTANCE,
                "db",
                {**instance, "parameterGroupName": UNKNOWN},
                property_dependencies={"parameterGroupName": ["db-params"]},
            )
        )
    return stack_violations(resources)


def test_database_forcing_tls_through_its_parameter_group_is_clean() -> None:
    assert database(RDS_PARAMETER_GROUP.properties) == []


def test_database_whose_parameter_group_turns_force_ssl_off_is_reported() -> None:
    group = {"family": "postgres16", "parameters": [{"name": "rds.force_ssl", "value": "0"}]}
    assert database(group) == [
        (
            "rds-ssl-enforced",
            "db: The database's parameter group for postgres16 does not force TLS (rds.force_ssl is 0).",
        )
    ]


def test_postgres_14_group_without_force_ssl_is_reported_on_the_database() -> None:
    assert database({"family": "postgres14", "parameters": []}, engineVersion="14.12") == [
        (
            "rds-ssl-enforced",
            "db: The database's parameter group for postgres14 does not force TLS (rds.force_ssl is unset).",
        )
    ]


def test_postgres_15_and_newer_groups_force_ssl_by_default() -> None:
    assert database({"family": "postgres16", "parameters": []}) == []


def test_mysql_group_without_require_secure_transport_is_reported() -> None:
    assert database({"family": "mysql8.0", "parameters": []}, engine="mysql", engineVersion="8.0.39") == [
        (
            "rds-ssl-enforced",
            "db: The database's parameter group for mysql8.0 does not force TLS (require_secure_transport is unset).",
        )
    ]


def test_mysql_group_with_require_secure_transport_on_is_clean() -> None:
    group = {"family": "mysql8.0", "parameters": [{"name": "require_secure_transport", "value": "ON"}]}
    assert database(group, engine="mysql", engineVersion="8.0.39") == []


def test_db2_forces_tls_with_db2comm_ssl() -> None:
    assert database({"family": "db2-se-11.5", "parameters": [{"name": "db2comm", "value": "SSL"}]}) == []
    assert database({"family": "db2-se-11.5", "parameters": [{"name": "db2comm", "value": "TCPIP"}]}) == [
        (
            "rds-ssl-enforced",
            "db: The database's parameter group for db2-se-11.5 does not force TLS (db2comm is tcpip).",
        )
    ]


def test_parameter_value_unknown_during_preview_is_not_reported() -> None:
    group = {"family": "postgres14", "parameters": [{"name": "rds.force_ssl", "value": UNKNOWN}]}
    assert database(group, engineVersion="14.12") == []


def test_postgres_14_instance_on_the_default_parameter_group_is_reported() -> None:
    assert database(None, engineVersion="14.12") == [
        (
            "rds-ssl-enforced",
            "db: The database postgres uses the default parameter group, which does not force TLS (rds.force_ssl).",
        )
    ]


def test_postgres_16_instance_on_the_default_parameter_group_forces_tls() -> None:
    assert database(None) == []


def test_aurora_instance_takes_its_tls_settings_from_the_cluster() -> None:
    assert database(None, engine="aurora-postgresql", instanceClass="db.serverless") == []


def test_aurora_cluster_on_the_default_parameter_group_is_reported() -> None:
    cluster = {key: value for key, value in RDS_CLUSTER.properties.items() if key != "dbClusterParameterGroupName"}
    assert stack_violations([BUDGET, StackResource(t.RDS_CLUSTER, "cluster", cluster)]) == [
        (
            "rds-ssl-enforced",
            "cluster: The database aurora-postgresql uses the default parameter group, which does not force TLS "
            "(rds.force_ssl).",
        )
    ]


def test_parameter_group_no_database_of_the_stack_uses_is_judged_on_its_own() -> None:
    group = StackResource(
        t.RDS_CLUSTER_PARAMETER_GROUP, "shared", {**RDS_CLUSTER_PARAMETER_GROUP.properties, "parameters": []}
    )
    assert stack_violations([BUDGET, group]) == [
        (
            "rds-ssl-enforced",
            "shared: The parameter group for aurora-postgresql16 does not force TLS (rds.force_ssl is unset).",
        )
    ]


def test_database_naming_a_group_outside_the_stack_is_not_judged() -> None:
    instance = StackResource(t.RDS_INSTANCE, "db", {**RDS_INSTANCE.properties, "parameterGroupName": "shared-params"})
    assert stack_violations([BUDGET, instance]) == []


def test_redshift_cluster_on_a_default_parameter_group_is_reported() -> None:
    expected = [
        (
            "redshift-cluster-requires-ssl",
            "Redshift cluster uses a default parameter group, which does not require SSL (clusterParameterGroupName).",
        )
    ]
    assert REDSHIFT_CLUSTER.violations(without=["clusterParameterGroupName"]) == expected
    assert REDSHIFT_CLUSTER.violations({"clusterParameterGroupName": "default.redshift-1.0"}) == expected
