"""Pure pieces of the data tier: names AWS needs up front, versioning and encryption choices, log grants."""

from __future__ import annotations

import pytest

from components.config.buckets import Bucket
from components.config.data import Data
from components.data import DataArgs
from components.data.buckets import is_versioned, uses_kms
from components.data.log_delivery import ELB_ACCOUNTS, log_delivery_statements
from components.data.naming import final_snapshot_identifier
from components.data.postgres import parameter_group_family
from tests.conftest import stack_yaml_config
from tools.program import ProgramRun
from tools.report import deployed_by_tier


@pytest.mark.parametrize(
    "project, stack, name, expected",
    [
        ("paved", "prod", "data-db", "paved-prod-data-db-final"),
        ("paved", "team_a.staging", "data-db", "paved-team-a-staging-data-db-final"),
        ("9lives", "dev", "data--cache", "db-9lives-dev-data-cache-final"),
    ],
)
def test_final_snapshot_identifiers_are_valid_and_unique_per_stack(
    project: str, stack: str, name: str, expected: str
) -> None:
    assert final_snapshot_identifier(project, stack, name) == expected


def test_final_snapshot_identifiers_stay_within_255_characters() -> None:
    identifier = final_snapshot_identifier("p", "s" * 300, "data-db")
    assert len(identifier) <= 255
    assert not identifier.endswith("-")


@pytest.mark.parametrize(
    "engine, version, family",
    [
        ("instance", "16", "postgres16"),
        ("instance", "15.7", "postgres15"),
        ("aurora-serverless", "17.4", "aurora-postgresql17"),
    ],
)
def test_parameter_group_family_follows_engine_and_major_version(engine: str, version: str, family: str) -> None:
    assert parameter_group_family(engine, version) == family


@pytest.mark.parametrize(
    "purpose, versioning, protect, expected",
    [
        ("uploads", None, False, True),
        ("data", None, False, True),
        ("assets", None, False, False),
        ("logs", None, False, False),
        ("assets", None, True, True),
        ("logs", True, False, True),
        ("assets", False, False, False),
    ],
)
def test_versioning_covers_user_data_and_every_protected_bucket(
    purpose: str, versioning: bool | None, protect: bool, expected: bool
) -> None:
    bucket = Bucket.model_validate({"name": "b1", "purpose": purpose, "versioning": versioning})
    assert is_versioned(bucket, protect=protect) is expected


@pytest.mark.parametrize("purpose, kms", [("assets", True), ("uploads", True), ("data", True), ("logs", False)])
def test_only_the_logs_bucket_skips_kms(purpose: str, kms: bool) -> None:
    assert uses_kms(Bucket.model_validate({"name": "b1", "purpose": purpose})) is kms


def test_unknown_log_deliveries_are_rejected() -> None:
    with pytest.raises(ValueError, match=r"log_deliveries: unknown \['waf'\] \(accepted: cloudfront, alb\)"):
        DataArgs(
            settings=Data(),
            account=None,  # type: ignore[arg-type]
            network=None,  # type: ignore[arg-type]
            key_arn=None,  # type: ignore[arg-type]
            log_deliveries=frozenset({"waf"}),
        )
    with pytest.raises(ValueError, match="unknown log deliveries"):
        log_delivery_statements("arn", source_bucket_arns=[], deliveries=["waf"], account=None)  # type: ignore[arg-type]


def test_regions_opened_since_2022_grant_only_the_elb_service_principal() -> None:
    assert "eu-central-2" not in ELB_ACCOUNTS
    assert ELB_ACCOUNTS["us-east-1"] == "127311923021"


def test_alb_grants_in_a_newer_region_name_only_the_service_principal() -> None:
    from tests.conftest import run_config
    from tests.data.support import policy_statements

    config = stack_yaml_config("prod")
    config["aws:region"] = "eu-central-2"
    sids = [s["Sid"] for s in policy_statements(run_config(config), "logs") if s["Sid"].startswith("Alb")]
    assert sids == ["AlbLogsWrite"]


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_the_offline_plan_shows_the_data_tier(run_name: str, request: pytest.FixtureRequest) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    tiers = deployed_by_tier(run.resources)
    assert list(tiers)[:5] == ["stack", "encryption", "network", "auth", "data"]
    types = {r.type for r in tiers["data"]}
    assert {"aws:dynamodb/table:Table", "aws:s3/bucket:Bucket", "aws:ec2/securityGroup:SecurityGroup"} <= types
    assert ("aws:rds/cluster:Cluster" in types) is (run_name == "dev")
    assert ("aws:elasticache/replicationGroup:ReplicationGroup" in types) is (run_name == "prod")
