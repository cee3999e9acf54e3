"""DynamoDB tables from config: on-demand, point-in-time recovery, the stack key; protected in prod."""

from __future__ import annotations

import pytest

from components.config.data import Table
from components.data.tables import key_attributes
from tests.conftest import run_config, stack_yaml_config
from tests.data.support import TABLE, key_arn
from tools.program import ProgramRun

GSI_TABLE = {
    "name": "events",
    "partitionKey": {"name": "tenantId"},
    "sortKey": {"name": "at", "type": "N"},
    "globalSecondaryIndexes": [
        {"name": "by-kind", "partitionKey": {"name": "kind"}, "sortKey": {"name": "at", "type": "N"}},
        {"name": "by-owner", "partitionKey": {"name": "ownerId"}, "projection": "KEYS_ONLY"},
    ],
}


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_items_table_has_its_keys_and_ttl_from_config(run_name: str, request: pytest.FixtureRequest) -> None:
    table = request.getfixturevalue(run_name).one(TABLE, "data-items")
    assert table.inputs["hashKey"] == "ownerId"
    assert table.inputs["rangeKey"] == "itemId"
    assert table.inputs["attributes"] == [{"name": "ownerId", "type": "S"}, {"name": "itemId", "type": "S"}]
    assert table.inputs["ttl"] == {"attributeName": "expiresAt", "enabled": True}
    assert "globalSecondaryIndexes" not in table.inputs


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_tables_bill_on_demand_recover_to_a_point_in_time_and_use_the_stack_key(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    table = run.one(TABLE, "data-items")
    assert table.inputs["billingMode"] == "PAY_PER_REQUEST"
    assert table.inputs["pointInTimeRecovery"] == {"enabled": True}
    assert table.inputs["serverSideEncryption"] == {"enabled": True, "kmsKeyArn": key_arn(run)}
    assert "readCapacity" not in table.inputs


def test_prod_tables_are_deletion_protected_and_protected(prod: ProgramRun) -> None:
    table = prod.one(TABLE, "data-items")
    assert table.inputs["deletionProtectionEnabled"] is True
    assert table.protect is True


def test_dev_tables_can_be_deleted(dev: ProgramRun) -> None:
    table = dev.one(TABLE, "data-items")
    assert table.inputs["deletionProtectionEnabled"] is False
    assert table.protect is False


def test_global_secondary_indexes_come_from_config_with_each_key_attribute_declared_once() -> None:
    config = stack_yaml_config("dev")
    config["paved:data"]["tables"].append(GSI_TABLE)
    table = run_config(config).one(TABLE, "data-events")
    assert table.inputs["attributes"] == [
        {"name": "tenantId", "type": "S"},
        {"name": "at", "type": "N"},
        {"name": "kind", "type": "S"},
        {"name": "ownerId", "type": "S"},
    ]
    assert table.inputs["globalSecondaryIndexes"] == [
        {
            "name": "by-kind",
            "keySchemas": [{"attributeName": "kind", "keyType": "HASH"}, {"attributeName": "at", "keyType": "RANGE"}],
            "projectionType": "ALL",
        },
        {
            "name": "by-owner",
            "keySchemas": [{"attributeName": "ownerId", "keyType": "HASH"}],
            "projectionType": "KEYS_ONLY",
        },
    ]
    assert "ttl" not in table.inputs
    assert table.inputs["pointInTimeRecovery"] == {"enabled": True}


def test_a_table_without_sort_key_declares_only_its_partition_key() -> None:
    table = Table.model_validate({"name": "sessions", "partitionKey": {"name": "id"}})
    assert [(a.name, a.type) for a in key_attributes(table)] == [("id", "S")]


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_outputs_give_table_names_and_arns_by_config_name(run_name: str, request: pytest.FixtureRequest) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    table = run.one(TABLE, "data-items")
    assert run.outputs["data"]["tables"] == {"items": {"name": table.outputs["name"], "arn": table.outputs["arn"]}}
    assert table.outputs["arn"] == f"arn:aws:dynamodb:us-east-1:123456789012:table/{table.outputs['name']}"
