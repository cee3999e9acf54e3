"""Compute settings that cannot work with the rest of the stack fail before any resource, naming the key."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from components.config.loader import load_stack_config
from tests.conftest import config_error, stack_yaml_config
from tools.stack_files import raw_config_from_mapping

DOMAIN = {"name": "api.example.com", "hostedZoneId": "Z0123456789EXAMPLE"}
CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-4000-8000-000000000000"


def container(**settings: Any) -> Callable[[dict[str, Any]], None]:
    def change(config: dict[str, Any]) -> None:
        config["paved:compute"] = {"mode": "container", "container": {"minTasks": 1, **settings}}
        config["paved:network"]["natStrategy"] = "single"

    return change


def no_nat(config: dict[str, Any]) -> None:
    container()(config)
    config["paved:network"]["natStrategy"] = "none"


def no_log_bucket(config: dict[str, Any]) -> None:
    container(certificateArn=CERTIFICATE, domain=DOMAIN)(config)
    config["paved:cdn"]["enabled"] = False
    config["paved:data"]["buckets"] = []


def items_table(name: str) -> Callable[[dict[str, Any]], None]:
    def change(config: dict[str, Any]) -> None:
        config["paved:compute"]["itemsTable"] = name

    return change


def items_sorted_by_date(config: dict[str, Any]) -> None:
    config["paved:data"]["tables"][0]["sortKey"] = {"name": "createdAt", "type": "N"}


CASES: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    (
        "containers without a NAT gateway",
        no_nat,
        "paved:network.natStrategy: 'none' cannot serve compute.mode 'container' (accepted: single, per-az): "
        "tasks fetch the identity provider's signing keys from the internet, which no VPC endpoint serves, "
        "and one NAT gateway costs less than the ECR, logs and Secrets Manager endpoints tasks would need instead",
    ),
    (
        "a certificate without the host name it covers",
        container(certificateArn=CERTIFICATE),
        "paved:compute.container.domain: required with certificateArn (name and hostedZoneId of the host name "
        "the certificate covers; paved points it at the load balancer)",
    ),
    (
        "a host name without a certificate",
        container(domain=DOMAIN),
        "paved:compute.container.certificateArn: required with domain (the certificate for that name)",
    ),
    (
        "a load balancer with nowhere to write access logs",
        no_log_bucket,
        "paved:data.buckets: compute.mode 'container' needs a bucket with purpose 'logs' for the load balancer's "
        "access logs",
    ),
    (
        "an items table that does not exist",
        items_table("todos"),
        "paved:compute.itemsTable: 'todos' is not a data.tables entry (accepted: items)",
    ),
    (
        "an items table with other keys",
        items_sorted_by_date,
        "paved:compute.itemsTable: table 'items' must have partitionKey ownerId (S) and sortKey itemId (S), the "
        "keys the API stores items under",
    ),
    (
        "a domain that is not a host name",
        container(certificateArn=CERTIFICATE, domain={**DOMAIN, "name": "not a domain"}),
        "paved:compute.container.domain.name: 'not a domain' is not accepted (expected text matching "
        "^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$)",
    ),
]


@pytest.mark.parametrize("change, message", [(c, m) for _, c, m in CASES], ids=[name for name, _, _ in CASES])
def test_bad_compute_config_fails_with_one_line_and_no_resources(
    change: Callable[[dict[str, Any]], None], message: str
) -> None:
    config = stack_yaml_config("dev")
    change(config)
    error, registered = config_error(config)
    assert error == message
    assert registered == 0


def test_an_items_table_is_optional_unless_named() -> None:
    config = stack_yaml_config("dev")
    config["paved:data"]["tables"] = []
    loaded = load_stack_config(raw_config_from_mapping(config), stack="test")
    assert loaded.compute.items_table is None
    assert loaded.compute.items_table_name() == "items"


def test_a_prod_load_balancer_needs_a_certificate() -> None:
    config = stack_yaml_config("prod")
    container = config["paved:compute"]["container"]
    del container["certificateArn"], container["domain"]
    error, registered = config_error(config)
    assert error == (
        "paved:compute.container.certificateArn: required when tags.environment is 'prod' (without one the load "
        "balancer serves plain HTTP, which only a dev stack behind CloudFront may do)"
    )
    assert registered == 0
