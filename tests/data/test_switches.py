"""Each part of the data tier can be switched off, and then creates nothing of its kind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import run_config, stack_yaml_config
from tests.data.support import (
    BUCKET,
    BUCKET_PARTS,
    CACHE_SUBNET_GROUP,
    RDS_CLUSTER,
    RDS_CLUSTER_INSTANCE,
    RDS_CLUSTER_PARAMETER_GROUP,
    RDS_INSTANCE,
    RDS_PARAMETER_GROUP,
    RDS_SUBNET_GROUP,
    REPLICATION_GROUP,
    SECRET,
    SECRET_VERSION,
    SECURITY_GROUP,
    TABLE,
    data_of_type,
    data_resources,
)
from tools.program import ProgramRun

POSTGRES_TYPES = (
    RDS_INSTANCE,
    RDS_CLUSTER,
    RDS_CLUSTER_INSTANCE,
    RDS_SUBNET_GROUP,
    RDS_PARAMETER_GROUP,
    RDS_CLUSTER_PARAMETER_GROUP,
)
CACHE_TYPES = (REPLICATION_GROUP, CACHE_SUBNET_GROUP, SECRET, SECRET_VERSION)


def _postgres_off(config: dict[str, Any]) -> None:
    config["paved:data"]["postgres"] = {"enabled": False}


def _no_tables(config: dict[str, Any]) -> None:
    config["paved:data"]["tables"] = []


def _no_buckets(config: dict[str, Any]) -> None:
    config["paved:data"]["buckets"] = []
    config["paved:cdn"]["enabled"] = False
    if config["paved:compute"]["mode"] == "container":  # its load balancer logs to the logs bucket
        config["paved:compute"]["mode"] = "serverless"


def _cache_off(config: dict[str, Any]) -> None:
    config["paved:data"]["cache"]["enabled"] = False


def _everything_off(config: dict[str, Any]) -> None:
    for change in (_postgres_off, _no_tables, _no_buckets, _cache_off):
        change(config)


def run_with(stack: str, change: Callable[[dict[str, Any]], None]) -> ProgramRun:
    config = stack_yaml_config(stack)
    change(config)
    return run_config(config, stack=stack)


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_postgres_switched_off_creates_no_database_nor_its_security_group(stack: str) -> None:
    run = run_with(stack, _postgres_off)
    for type_ in POSTGRES_TYPES:
        assert data_of_type(run, type_) == []
    assert "data-db-sg" not in [g.name for g in data_of_type(run, SECURITY_GROUP)]
    assert "database" not in run.outputs["data"]
    assert data_of_type(run, TABLE), "the other parts stay"


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_no_tables_configured_creates_no_table(stack: str) -> None:
    run = run_with(stack, _no_tables)
    assert data_of_type(run, TABLE) == []
    assert run.outputs["data"]["tables"] == {}


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_no_buckets_configured_creates_no_bucket_nor_bucket_setting(stack: str) -> None:
    run = run_with(stack, _no_buckets)
    for type_ in (BUCKET, *BUCKET_PARTS):
        assert data_of_type(run, type_) == []
    assert run.outputs["data"]["buckets"] == {}


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_cache_switched_off_creates_no_cache_secret_or_cache_security_group(stack: str) -> None:
    run = run_with(stack, _cache_off)
    for type_ in CACHE_TYPES:
        assert data_of_type(run, type_) == []
    assert [g.name for g in data_of_type(run, SECURITY_GROUP)] == ["data-db-sg"]
    assert "cache" not in run.outputs["data"]


def test_prod_has_every_part_switched_on(prod: ProgramRun) -> None:
    for type_ in (RDS_INSTANCE, TABLE, BUCKET, REPLICATION_GROUP):
        assert data_of_type(prod, type_), type_


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_a_data_tier_with_everything_off_creates_no_resource_but_keeps_its_component(stack: str) -> None:
    run = run_with(stack, _everything_off)
    assert data_resources(run) == []
    assert run.one("paved:data:Data", "data")
    assert run.outputs["data"] == {"keyArn": run.one("aws:kms/key:Key").outputs["arn"], "tables": {}, "buckets": {}}
