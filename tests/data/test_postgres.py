"""PostgreSQL, as specified: dev on Aurora Serverless v2, prod on a Multi-AZ RDS instance, either engine anywhere."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from tests.conftest import run_config, stack_yaml_config
from tests.data.support import (
    INGRESS_RULE,
    RDS_CLUSTER,
    RDS_CLUSTER_INSTANCE,
    RDS_CLUSTER_PARAMETER_GROUP,
    RDS_INSTANCE,
    RDS_PARAMETER_GROUP,
    RDS_SUBNET_GROUP,
    SECURITY_GROUP,
    key_arn,
    workload_sg_id,
)
from tools.program import ProgramRun, Registration


@cache
def prod_on_aurora() -> ProgramRun:
    """prod's stack with Aurora Serverless v2 instead of an RDS instance (Multi-AZ: writer and reader)."""
    config = stack_yaml_config("prod")
    config["paved:data"]["postgres"].update(
        {"engine": "aurora-serverless", "engineVersion": "16.6", "minCapacity": 0.5, "maxCapacity": 4}
    )
    return run_config(config, stack="prod")


@cache
def dev_on_instance() -> ProgramRun:
    """dev's stack with a single-AZ RDS instance instead of Aurora."""
    config = stack_yaml_config("dev")
    config["paved:data"]["postgres"].update({"engine": "instance", "instanceClass": "db.t4g.micro"})
    return run_config(config, stack="dev")


@cache
def dev_with_insights() -> ProgramRun:
    config = stack_yaml_config("dev")
    config["paved:data"]["postgres"]["performanceInsights"] = True
    return run_config(config, stack="dev")


def database(run: ProgramRun) -> Registration:
    """The resource holding the data: the Aurora cluster or the RDS instance."""
    clusters, instances = run.of_type(RDS_CLUSTER), run.of_type(RDS_INSTANCE)
    (db,) = clusters + instances
    return db


RUNS: dict[str, Callable[[pytest.FixtureRequest], ProgramRun]] = {
    "dev": lambda request: request.getfixturevalue("dev"),
    "prod": lambda request: request.getfixturevalue("prod"),
    "prod-aurora": lambda request: prod_on_aurora(),
    "dev-instance": lambda request: dev_on_instance(),
}
ALL_RUNS = list(RUNS)


def the_run(name: str, request: pytest.FixtureRequest) -> ProgramRun:
    return RUNS[name](request)


# --- engines --------------------------------------------------------------------------------------


def test_dev_runs_aurora_serverless_v2_that_pauses_when_idle(dev: ProgramRun) -> None:
    cluster = dev.one(RDS_CLUSTER, "data-db")
    assert cluster.inputs["engine"] == "aurora-postgresql"
    assert cluster.inputs["engineMode"] == "provisioned"
    assert cluster.inputs["engineVersion"] == "16"
    assert cluster.inputs["serverlessv2ScalingConfiguration"] == {
        "minCapacity": 0,
        "maxCapacity": 2,
        "secondsUntilAutoPause": 300,
    }
    (writer,) = dev.of_type(RDS_CLUSTER_INSTANCE)
    assert writer.inputs["instanceClass"] == "db.serverless"
    assert writer.inputs["clusterIdentifier"] == cluster.id
    assert writer.inputs["engine"] == "aurora-postgresql"
    assert "engineVersion" not in writer.inputs, "cluster members run the cluster's version"
    assert "availabilityZone" not in writer.inputs
    assert dev.of_type(RDS_INSTANCE) == []


def test_prod_runs_a_multi_az_rds_instance(prod: ProgramRun) -> None:
    db = prod.one(RDS_INSTANCE, "data-db")
    assert db.inputs["engine"] == "postgres"
    assert db.inputs["engineVersion"] == "16"
    assert db.inputs["instanceClass"] == "db.t4g.small"
    assert db.inputs["multiAz"] is True
    assert db.inputs["storageType"] == "gp3"
    assert (db.inputs["allocatedStorage"], db.inputs["maxAllocatedStorage"]) == (20, 200)
    assert prod.of_type(RDS_CLUSTER) == []


def test_an_rds_instance_can_serve_dev_single_az() -> None:
    run = dev_on_instance()
    db = run.one(RDS_INSTANCE, "data-db")
    assert db.inputs["multiAz"] is False
    assert db.inputs["instanceClass"] == "db.t4g.micro"
    assert run.of_type(RDS_CLUSTER) == []


def test_aurora_in_prod_is_multi_az_with_a_writer_and_a_reader_that_do_not_pause() -> None:
    run = prod_on_aurora()
    cluster = run.one(RDS_CLUSTER, "data-db")
    assert cluster.inputs["serverlessv2ScalingConfiguration"] == {"minCapacity": 0.5, "maxCapacity": 4}
    members = sorted(run.of_type(RDS_CLUSTER_INSTANCE), key=lambda r: r.inputs["promotionTier"])
    assert [(m.name, m.inputs["promotionTier"]) for m in members] == [("data-db-writer", 0), ("data-db-reader", 1)]
    assert all(m.inputs["clusterIdentifier"] == cluster.id for m in members)
    assert [m.inputs["availabilityZone"] for m in members] == ["us-east-1a", "us-east-1b"]


# --- network placement and access -----------------------------------------------------------------


@pytest.mark.parametrize("run_name", ALL_RUNS)
def test_database_lives_in_the_isolated_subnets_and_is_never_public(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run = the_run(run_name, request)
    subnets = run.one(RDS_SUBNET_GROUP, "data-db-subnets")
    assert subnets.inputs["subnetIds"] == run.outputs["subnetIds"]["isolated"]
    db = database(run)
    assert db.inputs["dbSubnetGroupName"] == subnets.outputs["name"]
    members = run.of_type(RDS_CLUSTER_INSTANCE) or [db]
    for member in members:
        assert member.inputs["publiclyAccessible"] is False
    for member in run.of_type(RDS_CLUSTER_INSTANCE):
        assert member.inputs["dbSubnetGroupName"] == subnets.outputs["name"]


@pytest.mark.parametrize("run_name", ALL_RUNS)
def test_database_security_group_admits_5432_only_from_the_workload_group(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run = the_run(run_name, request)
    group = run.one(SECURITY_GROUP, "data-db-sg")
    assert database(run).inputs["vpcSecurityGroupIds"] == [group.id]
    assert group.inputs["vpcId"] == run.outputs["vpcId"]
    assert "ingress" not in group.inputs
    assert "egress" not in group.inputs
    rules = [r for r in run.of_type(INGRESS_RULE) if r.inputs["securityGroupId"] == group.id]
    assert [
        (r.inputs["ipProtocol"], r.inputs["fromPort"], r.inputs["toPort"], r.inputs["referencedSecurityGroupId"])
        for r in rules
    ] == [("tcp", 5432, 5432, workload_sg_id(run))]
    assert database(run).inputs["port"] == 5432


def test_workloads_get_an_egress_rule_to_the_database_and_nowhere_else(dev: ProgramRun) -> None:
    egress = dev.one("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "data-db-sg-workload-egress")
    assert egress.inputs["securityGroupId"] == workload_sg_id(dev)
    assert egress.inputs["referencedSecurityGroupId"] == dev.one(SECURITY_GROUP, "data-db-sg").id
    assert (egress.inputs["fromPort"], egress.inputs["toPort"], egress.inputs["ipProtocol"]) == (5432, 5432, "tcp")


# --- encryption, TLS, credentials ---------------------------------------------------------------


@pytest.mark.parametrize("run_name", ALL_RUNS)
def test_storage_and_master_secret_are_encrypted_with_the_stack_key(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run = the_run(run_name, request)
    db = database(run)
    assert db.inputs["storageEncrypted"] is True
    assert db.inputs["kmsKeyId"] == key_arn(run)
    assert db.inputs["masterUserSecretKmsKeyId"] == key_arn(run)


@pytest.mark.parametrize(
    "run_name, group_type, family",
    [
        ("dev", RDS_CLUSTER_PARAMETER_GROUP, "aurora-postgresql16"),
        ("prod-aurora", RDS_CLUSTER_PARAMETER_GROUP, "aurora-postgresql16"),
        ("prod", RDS_PARAMETER_GROUP, "postgres16"),
        ("dev-instance", RDS_PARAMETER_GROUP, "postgres16"),
    ],
)
def test_parameter_group_forces_ssl(
    run_name: str, group_type: str, family: str, request: pytest.FixtureRequest
) -> None:
    run = the_run(run_name, request)
    params = run.one(group_type, "data-db-params")
    assert params.inputs["family"] == family
    assert {"name": "rds.force_ssl", "value": "1"} in [
        {k: p[k] for k in ("name", "value")} for p in params.inputs["parameters"]
    ]
    db = database(run)
    key = "dbClusterParameterGroupName" if db.type == RDS_CLUSTER else "parameterGroupName"
    assert db.inputs[key] == params.outputs["name"]


@pytest.mark.parametrize("run_name", ALL_RUNS)
def test_master_password_is_managed_by_rds_and_the_app_uses_iam_authentication(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run = the_run(run_name, request)
    db = database(run)
    assert db.inputs["manageMasterUserPassword"] is True
    assert db.inputs["iamDatabaseAuthenticationEnabled"] is True
    password_keys = {"password", "passwordWo", "masterPassword", "masterPasswordWo"}
    assert password_keys.isdisjoint(db.inputs)
    exported = run.outputs["data"]["database"]
    assert exported["iamUser"] == "app"
    assert exported["masterSecretArn"] == db.outputs["masterUserSecrets"][0]["secretArn"]
    assert exported["masterSecretArn"].startswith("arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!")


# --- backups, upgrades, insights ------------------------------------------------------------------


@pytest.mark.parametrize("run_name, days", [("dev", 1), ("dev-instance", 1), ("prod", 14), ("prod-aurora", 14)])
def test_backups_are_kept_one_to_seven_days_in_dev_and_two_weeks_or_more_in_prod(
    run_name: str, days: int, request: pytest.FixtureRequest
) -> None:
    db = database(the_run(run_name, request))
    assert db.inputs["backupRetentionPeriod"] == days
    window = db.inputs.get("backupWindow") or db.inputs.get("preferredBackupWindow")
    assert window == "03:00-04:00"


@pytest.mark.parametrize("run_name", ALL_RUNS)
def test_minor_versions_upgrade_automatically_and_snapshots_carry_tags(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run = the_run(run_name, request)
    for resource in [database(run), *run.of_type(RDS_CLUSTER_INSTANCE)]:
        assert resource.inputs["autoMinorVersionUpgrade"] is True
        assert resource.inputs["copyTagsToSnapshot"] is True
    assert database(run).inputs["allowMajorVersionUpgrade"] is False


def test_prod_performance_insights_are_on_and_encrypted_with_the_stack_key(prod: ProgramRun) -> None:
    db = prod.one(RDS_INSTANCE)
    assert db.inputs["performanceInsightsEnabled"] is True
    assert db.inputs["performanceInsightsKmsKeyId"] == key_arn(prod)
    assert db.inputs["performanceInsightsRetentionPeriod"] == 7


def test_aurora_performance_insights_are_set_on_each_instance_with_the_stack_key() -> None:
    run = dev_with_insights()
    (writer,) = run.of_type(RDS_CLUSTER_INSTANCE)
    assert writer.inputs["performanceInsightsEnabled"] is True
    assert writer.inputs["performanceInsightsKmsKeyId"] == key_arn(run)


def test_dev_turns_performance_insights_off_as_configured(dev: ProgramRun) -> None:
    (writer,) = dev.of_type(RDS_CLUSTER_INSTANCE)
    assert writer.inputs["performanceInsightsEnabled"] is False
    assert "performanceInsightsKmsKeyId" not in writer.inputs


# --- protection -----------------------------------------------------------------------------------


@pytest.mark.parametrize("run_name", ["prod", "prod-aurora"])
def test_prod_database_is_deletion_protected_protected_and_leaves_a_final_snapshot(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    db = database(the_run(run_name, request))
    assert db.inputs["deletionProtection"] is True
    assert db.inputs["skipFinalSnapshot"] is False
    assert db.inputs["finalSnapshotIdentifier"] == "paved-prod-data-db-final"
    assert db.inputs["deleteAutomatedBackups"] is False
    assert db.protect is True


@pytest.mark.parametrize(
    "run_name, immediately", [("dev", True), ("dev-instance", True), ("prod", False), ("prod-aurora", False)]
)
def test_dev_changes_apply_at_once_and_prod_changes_wait_for_the_maintenance_window(
    run_name: str, immediately: bool, request: pytest.FixtureRequest
) -> None:
    db = database(the_run(run_name, request))
    assert db.inputs["applyImmediately"] is immediately
    window = db.inputs.get("maintenanceWindow") or db.inputs.get("preferredMaintenanceWindow")
    assert window == "sun:04:30-sun:05:30"


@pytest.mark.parametrize("run_name", ["dev", "dev-instance"])
def test_dev_database_can_be_destroyed_without_leftovers(run_name: str, request: pytest.FixtureRequest) -> None:
    db = database(the_run(run_name, request))
    assert db.inputs["deletionProtection"] is False
    assert db.inputs["skipFinalSnapshot"] is True
    assert "finalSnapshotIdentifier" not in db.inputs
    assert db.protect is False


# --- outputs --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "run_name, host_key, id_key, resource_id_key",
    [
        ("dev", "endpoint", "clusterIdentifier", "clusterResourceId"),
        ("prod", "address", "identifier", "resourceId"),
    ],
)
def test_outputs_give_compute_the_endpoint_and_the_resource_id_for_rds_db_connect(
    run_name: str, host_key: str, id_key: str, resource_id_key: str, request: pytest.FixtureRequest
) -> None:
    run = the_run(run_name, request)
    db = database(run)
    exported = run.outputs["data"]["database"]
    assert exported["host"] == db.outputs[host_key]
    assert exported["host"].endswith(".us-east-1.rds.amazonaws.com")
    assert exported["port"] == 5432
    assert exported["name"] == "app"
    assert exported["identifier"] == db.outputs[id_key]
    assert exported["resourceId"] == db.outputs[resource_id_key]
    assert exported["securityGroupId"] == run.one(SECURITY_GROUP, "data-db-sg").id
