"""Nothing in the data tier is reachable from the internet, and no secret travels as a plain value."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import run_config, stack_yaml_config
from tests.data.support import (
    BUCKET,
    EGRESS_RULE,
    INGRESS_RULE,
    PUBLIC_ACCESS_BLOCK,
    RDS_CLUSTER_INSTANCE,
    RDS_INSTANCE,
    SECURITY_GROUP,
    data_of_type,
    data_resources,
    workload_sg_id,
)
from tests.data.test_cache import SECRET_SIGNATURE, dev_with_cache
from tools.mock_outputs.data import MOCK_RANDOM_PASSWORD_PREFIX
from tools.program import ProgramRun

CIDR_KEYS = {"cidrIpv4", "cidrIpv6", "cidrBlocks", "ipv6CidrBlocks", "prefixListId", "prefixListIds"}
PASSWORD_KEYS = {"password", "passwordWo", "masterPassword", "masterPasswordWo", "authTokenWo", "secretString"}


def runs(request: pytest.FixtureRequest) -> dict[str, ProgramRun]:
    return {
        "dev": request.getfixturevalue("dev"),
        "prod": request.getfixturevalue("prod"),
        "dev-cache": dev_with_cache(),
    }


@pytest.fixture(params=["dev", "prod", "dev-cache"])
def run(request: pytest.FixtureRequest) -> ProgramRun:
    return runs(request)[request.param]


def test_no_data_tier_rule_names_a_cidr_block_or_prefix_list(run: ProgramRun) -> None:
    rules = data_of_type(run, INGRESS_RULE) + data_of_type(run, EGRESS_RULE)
    assert rules
    for rule in rules:
        assert CIDR_KEYS.isdisjoint(rule.inputs), rule.name
    for group in data_of_type(run, SECURITY_GROUP):
        assert "ingress" not in group.inputs and "egress" not in group.inputs, group.name


def test_data_tier_servers_admit_only_the_workload_group(run: ProgramRun) -> None:
    workload = workload_sg_id(run)
    data_groups = {group.id for group in data_of_type(run, SECURITY_GROUP)}
    for rule in data_of_type(run, INGRESS_RULE):
        assert rule.inputs["securityGroupId"] in data_groups
        assert rule.inputs["referencedSecurityGroupId"] == workload
    for rule in data_of_type(run, EGRESS_RULE):
        assert rule.inputs["securityGroupId"] == workload
        assert rule.inputs["referencedSecurityGroupId"] in data_groups


def test_databases_are_not_publicly_accessible_and_buckets_block_public_access(run: ProgramRun) -> None:
    for db in data_of_type(run, RDS_INSTANCE) + data_of_type(run, RDS_CLUSTER_INSTANCE):
        assert db.inputs["publiclyAccessible"] is False
    blocked = {b.inputs["bucket"] for b in data_of_type(run, PUBLIC_ACCESS_BLOCK) if all(b.inputs.values())}
    assert blocked == {b.outputs["bucket"] for b in data_of_type(run, BUCKET)}


def _plain_strings(value: Any) -> Iterator[str]:
    """Every string in a wire-format value, except those inside a secret."""
    if isinstance(value, dict):
        if SECRET_SIGNATURE in value:
            return
        for item in value.values():
            yield from _plain_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _plain_strings(item)
    elif isinstance(value, str):
        yield value


def test_generated_secrets_appear_in_no_plain_input_of_any_resource_nor_in_stack_outputs(run: ProgramRun) -> None:
    for resource in run.resources:
        leaked = [s for s in _plain_strings(resource.properties) if MOCK_RANDOM_PASSWORD_PREFIX in s]
        assert leaked == [], resource.name
    assert MOCK_RANDOM_PASSWORD_PREFIX not in json.dumps(run.outputs)


def test_no_data_tier_resource_takes_a_password_input(run: ProgramRun) -> None:
    for resource in data_resources(run):
        assert PASSWORD_KEYS.isdisjoint(resource.inputs), resource.name


def test_the_cache_really_carries_a_secret_token_so_the_leak_check_can_see_one() -> None:
    group = dev_with_cache().one("aws:elasticache/replicationGroup:ReplicationGroup", "data-cache")
    assert MOCK_RANDOM_PASSWORD_PREFIX in group.inputs["authToken"]


def test_a_stack_config_never_holds_data_tier_credentials() -> None:
    from components.config.data import Data

    fields = {name.lower() for name in Data.model_json_schema(by_alias=True)["$defs"]["Postgres"]["properties"]}
    fields |= {name.lower() for name in Data.model_json_schema(by_alias=True)["$defs"]["Cache"]["properties"]}
    assert not any(word in name for name in fields for word in ("password", "token", "secret"))


def test_a_password_key_in_the_data_config_is_rejected() -> None:
    from tests.conftest import config_error

    config = stack_yaml_config("dev")
    config["paved:data"]["postgres"]["masterPassword"] = "hunter2"
    error, registered = config_error(config)
    assert error.startswith("paved:data.postgres.masterPassword: unknown key")
    assert registered == 0


def test_a_cache_enabled_stack_keeps_every_other_guarantee() -> None:
    config = stack_yaml_config("dev")
    config["paved:network"]["natStrategy"] = "single"
    config["paved:data"]["cache"] = {"enabled": True}
    run = run_config(config)
    assert len(data_of_type(run, INGRESS_RULE)) == 2
