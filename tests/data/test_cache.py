"""The cache, as specified: prod has Valkey, Multi-AZ, encrypted both ways, behind a generated AUTH token."""

from __future__ import annotations

from functools import cache

import pytest

from tests.conftest import run_config, stack_yaml_config
from tests.data.support import (
    CACHE_SUBNET_GROUP,
    INGRESS_RULE,
    REPLICATION_GROUP,
    SECRET,
    SECRET_VERSION,
    SECURITY_GROUP,
    data_of_type,
    key_arn,
    workload_sg_id,
)
from tools.mock_outputs.data import MOCK_RANDOM_PASSWORD_PREFIX
from tools.program import ProgramRun

SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d"
"""The key Pulumi's wire format marks a secret value with."""


@cache
def dev_with_cache(engine: str = "valkey", version: str = "8.0") -> ProgramRun:
    """dev with a single-node cache (it needs a NAT gateway to read its token from Secrets Manager)."""
    config = stack_yaml_config("dev")
    config["paved:network"]["natStrategy"] = "single"
    config["paved:data"]["cache"] = {"enabled": True, "engine": engine, "engineVersion": version, "replicas": 0}
    return run_config(config, stack="dev")


def test_dev_has_no_cache(dev: ProgramRun) -> None:
    for type_ in (REPLICATION_GROUP, CACHE_SUBNET_GROUP, SECRET, SECRET_VERSION):
        assert data_of_type(dev, type_) == []
    assert [r.name for r in data_of_type(dev, SECURITY_GROUP)] == ["data-db-sg"]
    assert "cache" not in dev.outputs["data"]


def test_prod_cache_is_valkey_multi_az_with_automatic_failover(prod: ProgramRun) -> None:
    group = prod.one(REPLICATION_GROUP, "data-cache")
    assert (group.inputs["engine"], group.inputs["engineVersion"]) == ("valkey", "8.0")
    assert group.inputs["nodeType"] == "cache.t4g.micro"
    assert group.inputs["numCacheClusters"] == 2
    assert group.inputs["automaticFailoverEnabled"] is True
    assert group.inputs["multiAzEnabled"] is True
    assert group.inputs["snapshotRetentionLimit"] == 14  # the backup minimum of policies/config/prod.json
    assert group.inputs["finalSnapshotIdentifier"] == "paved-prod-data-cache-final"
    assert group.inputs["applyImmediately"] is False
    assert group.protect is True


def test_a_single_node_cache_has_no_failover_to_pretend() -> None:
    group = dev_with_cache().one(REPLICATION_GROUP, "data-cache")
    assert group.inputs["numCacheClusters"] == 1
    assert group.inputs["automaticFailoverEnabled"] is False
    assert group.inputs["multiAzEnabled"] is False
    assert "finalSnapshotIdentifier" not in group.inputs
    assert group.protect is False


def test_redis_can_replace_valkey() -> None:
    group = dev_with_cache("redis", "7.1").one(REPLICATION_GROUP, "data-cache")
    assert (group.inputs["engine"], group.inputs["engineVersion"]) == ("redis", "7.1")


@pytest.mark.parametrize("variant", ["prod", "dev-with-cache"])
def test_cache_is_encrypted_at_rest_with_the_stack_key_and_requires_tls(
    variant: str, request: pytest.FixtureRequest
) -> None:
    run = request.getfixturevalue("prod") if variant == "prod" else dev_with_cache()
    group = run.one(REPLICATION_GROUP, "data-cache")
    assert group.inputs["atRestEncryptionEnabled"] is True
    assert group.inputs["kmsKeyId"] == key_arn(run)
    assert group.inputs["transitEncryptionEnabled"] is True
    assert group.inputs["transitEncryptionMode"] == "required"


@pytest.mark.parametrize("variant", ["prod", "dev-with-cache"])
def test_cache_lives_in_the_private_subnets_behind_a_group_admitting_only_workloads_on_6379(
    variant: str, request: pytest.FixtureRequest
) -> None:
    run = request.getfixturevalue("prod") if variant == "prod" else dev_with_cache()
    group = run.one(REPLICATION_GROUP, "data-cache")
    subnets = run.one(CACHE_SUBNET_GROUP, "data-cache-subnets")
    assert subnets.inputs["subnetIds"] == run.outputs["subnetIds"]["private"]
    assert group.inputs["subnetGroupName"] == subnets.outputs["name"]
    security_group = run.one(SECURITY_GROUP, "data-cache-sg")
    assert group.inputs["securityGroupIds"] == [security_group.id]
    assert group.inputs["port"] == 6379
    rules = [r for r in run.of_type(INGRESS_RULE) if r.inputs["securityGroupId"] == security_group.id]
    assert [(r.inputs["fromPort"], r.inputs["toPort"], r.inputs["referencedSecurityGroupId"]) for r in rules] == [
        (6379, 6379, workload_sg_id(run))
    ]


def test_auth_token_is_generated_stored_write_only_in_an_encrypted_secret(prod: ProgramRun) -> None:
    secret = prod.one(SECRET, "data-cache-auth")
    assert secret.inputs["kmsKeyId"] == key_arn(prod)
    assert secret.inputs["recoveryWindowInDays"] == 30
    version = prod.one(SECRET_VERSION, "data-cache-auth-value")
    assert version.inputs["secretId"] == secret.outputs["arn"]
    assert version.inputs["secretStringWoVersion"] == 1
    assert "secretString" not in version.inputs
    written = version.properties["secretStringWo"]
    assert written[SECRET_SIGNATURE]
    assert written["value"].startswith(MOCK_RANDOM_PASSWORD_PREFIX)
    assert len(written["value"]) == 64


def test_replication_group_reads_its_token_from_the_secret_as_a_pulumi_secret(prod: ProgramRun) -> None:
    group = prod.one(REPLICATION_GROUP, "data-cache")
    token = group.properties["authToken"]
    assert token[SECRET_SIGNATURE], "the token is a secret on the wire and in state"
    assert token["value"].startswith(MOCK_RANDOM_PASSWORD_PREFIX)
    version = prod.one(SECRET_VERSION, "data-cache-auth-value")
    assert version.urn in group.dependencies, "the token is read back from the version just written"
    assert group.inputs["authTokenUpdateStrategy"] == "ROTATE"
    assert "authTokenWo" not in group.inputs


def test_outputs_give_compute_the_endpoint_and_the_secret_to_read_the_token_from(prod: ProgramRun) -> None:
    group = prod.one(REPLICATION_GROUP, "data-cache")
    assert prod.outputs["data"]["cache"] == {
        "host": group.outputs["primaryEndpointAddress"],
        "port": 6379,
        "authSecretArn": prod.one(SECRET, "data-cache-auth").outputs["arn"],
        "securityGroupId": prod.one(SECURITY_GROUP, "data-cache-sg").id,
        "replicationGroupId": group.id,
    }
    assert group.outputs["primaryEndpointAddress"].endswith(".use1.cache.amazonaws.com")
