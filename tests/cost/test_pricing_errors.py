"""Issue 19 item 4: the pricing errors seen on stacks paved did not write, each fixed and held here."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from cost.estimator import estimate
from cost.report import CostLine

from tests.cost.conftest import price_one, res, urn

PUBLIC_IPV4_MONTH = Decimal("3.65")
"""730 h × $0.005 (https://aws.amazon.com/vpc/pricing/, public IPv4 address)."""


def public_ipv4(line: CostLine) -> Decimal:
    """The public IPv4 charge of a line, read back from its basis: count × 730 h × $0.005."""
    parts = [part for part in line.basis.split(" + ") if "public IPv4" in part]
    return sum((PUBLIC_IPV4_MONTH * _count(part) for part in parts), Decimal(0))


def _count(part: str) -> Decimal:
    words = part.split(" × ")
    return Decimal(words[0].rsplit(" ", 1)[-1].replace(",", "")) if len(words) == 3 else Decimal(1)


def test_an_nlb_in_one_subnet_pays_public_ipv4_for_one_az() -> None:
    line = price_one("aws:lb/loadBalancer:LoadBalancer", {"loadBalancerType": "network", "subnets": ["subnet-a"]})
    assert "internet-facing: public IPv4 per AZ 730 h × $0.005/h" in line.basis
    assert public_ipv4(line) == PUBLIC_IPV4_MONTH


def test_an_nlb_with_three_subnet_mappings_pays_for_three() -> None:
    mappings = [{"subnetId": f"subnet-{z}"} for z in "abc"]
    line = price_one("aws:lb/loadBalancer:LoadBalancer", {"loadBalancerType": "network", "subnetMappings": mappings})
    assert "public IPv4 per AZ 3 × 730 h" in line.basis


def test_an_alb_whose_subnets_are_unknown_pays_for_the_two_azs_it_must_have() -> None:
    line = price_one("aws:lb/loadBalancer:LoadBalancer", {"loadBalancerType": "application"})
    assert "public IPv4 per AZ 2 × 730 h" in line.basis


def fargate_service(assign_public_ip: bool | None) -> list[dict[str, Any]]:
    task = res("aws:ecs/taskDefinition:TaskDefinition", "task", {"cpu": "256", "memory": "512"}, tier="compute")
    network: dict[str, Any] = {"subnets": ["subnet-a"]}
    if assign_public_ip is not None:
        network["assignPublicIp"] = assign_public_ip
    service = res(
        "aws:ecs/service:Service",
        "svc",
        {"launchType": "FARGATE", "desiredCount": 2, "networkConfiguration": network},
        tier="compute",
        propertyDependencies={"taskDefinition": [task["urn"]]},
    )
    return [task, service]


def test_fargate_tasks_with_assign_public_ip_pay_public_ipv4_per_task() -> None:
    report = estimate(fargate_service(True))
    line = next(line for line in report.lines if line.name == "svc")
    assert "assignPublicIp: public IPv4 per task 2 × 730 h × $0.005/h" in line.basis
    assert public_ipv4(line) == 2 * PUBLIC_IPV4_MONTH


@pytest.mark.parametrize("assign", [False, None])
def test_fargate_tasks_without_public_ips_pay_none(assign: bool | None) -> None:
    line = next(line for line in estimate(fargate_service(assign)).lines if line.name == "svc")
    assert "public IPv4" not in line.basis


def instance_in_subnet(maps_public_ip: bool, **instance: Any) -> CostLine:
    subnet_urn = urn("aws:ec2/subnet:Subnet", "public-a", tier="network")
    subnet = {"type": "aws:ec2/subnet:Subnet", "urn": subnet_urn, "inputs": {"mapPublicIpOnLaunch": maps_public_ip}}
    vm = res(
        "aws:ec2/instance:Instance",
        "vm",
        {"instanceType": "t4g.micro", "subnetId": "subnet-1", **instance},
        tier="compute",
        propertyDependencies={"subnetId": [subnet_urn]},
    )
    return next(line for line in estimate([subnet, vm]).lines if line.name == "vm")


def test_an_instance_in_a_subnet_that_maps_public_ips_pays_public_ipv4() -> None:
    line = instance_in_subnet(True)
    assert "public IPv4 address (subnet public-a maps public IPs on launch) 730 h × $0.005/h" in line.basis


def test_an_explicit_no_public_ip_wins_over_the_subnet_default() -> None:
    assert "public IPv4" not in instance_in_subnet(True, associatePublicIpAddress=False).basis


def test_an_instance_in_a_private_subnet_pays_no_public_ipv4() -> None:
    assert "public IPv4" not in instance_in_subnet(False).basis


def test_the_subnet_is_found_by_its_id_in_a_stack_export() -> None:
    subnet: dict[str, Any] = {"type": "aws:ec2/subnet:Subnet", "urn": urn("aws:ec2/subnet:Subnet", "s", tier="network")}
    subnet["outputs"] = {"id": "subnet-0abc", "mapPublicIpOnLaunch": True}
    vm = res("aws:ec2/instance:Instance", "vm", {"instanceType": "t4g.micro", "subnetId": "subnet-0abc"})
    line = next(line for line in estimate([subnet, vm]).lines if line.name == "vm")
    assert "maps public IPs on launch" in line.basis


@pytest.mark.parametrize(
    ("type_", "expected"),
    [
        ("aws:ec2transitgateway/vpcAttachment:VpcAttachment", "36.70"),  # 730 × $0.05 + 10 GB × $0.02
        ("aws:ec2transitgateway/peeringAttachment:PeeringAttachment", "36.50"),  # no data processing charge
    ],
)
def test_transit_gateway_attachments_are_priced(type_: str, expected: str) -> None:
    assert price_one(type_, {"transitGatewayId": "tgw-1"}).monthly_usd == Decimal(expected)


def test_the_transit_gateway_itself_and_its_routes_cost_nothing() -> None:
    report = estimate(
        [
            res("aws:ec2transitgateway/transitGateway:TransitGateway", "tgw", tier="network"),
            res("aws:ec2transitgateway/routeTable:RouteTable", "routes", tier="network"),
        ]
    )
    assert report.unpriced == ()
    assert report.monthly_usd == 0


def rds(version: str, **extra: Any) -> CostLine:
    props = {"engine": "postgres", "engineVersion": version, "instanceClass": "db.m6g.large", "allocatedStorage": 20}
    return price_one("aws:rds/instance:Instance", {**props, **extra})


def test_postgres_11_pays_the_year_three_extended_support_rate_per_vcpu() -> None:
    line = rds("11.22")
    assert (
        "Extended Support postgres 11.22 (year 3 as of 2026-12-07) vCPUs 2 × 730 vCPU-hour × $0.20/vCPU-hour"
        in line.basis
    )
    assert line.monthly_usd - rds("16.4").monthly_usd == Decimal("292.000")  # 2 vCPU × 730 h × $0.20


def test_postgres_13_pays_the_years_one_and_two_rate() -> None:
    assert rds("13.20").monthly_usd - rds("16.4").monthly_usd == Decimal("146.000")  # 2 × 730 × $0.10


def test_a_multi_az_standby_pays_extended_support_too() -> None:
    single, multi = rds("12.22"), rds("12.22", multiAz=True)
    assert "Extended Support postgres 12.22 (years 1-2 as of 2026-12-07) vCPUs 4 × 730" in multi.basis
    assert "vCPUs 2 × 730" in single.basis


def test_mysql_5_7_pays_extended_support_and_mysql_8_4_does_not() -> None:
    mysql = {"engine": "mysql", "instanceClass": "db.t4g.micro", "allocatedStorage": 20}
    old = price_one("aws:rds/instance:Instance", {**mysql, "engineVersion": "5.7.44"})
    new = price_one("aws:rds/instance:Instance", {**mysql, "engineVersion": "8.4.3"})
    assert "Extended Support mysql 5.7.44 (year 3" in old.basis
    assert "Extended Support" not in new.basis


@pytest.mark.parametrize(
    "extra", [{"engineLifecycleSupport": "open-source-rds-extended-support-disabled"}, {"engineVersion": None}]
)
def test_no_extended_support_when_opted_out_or_on_the_default_version(extra: dict[str, Any]) -> None:
    assert "Extended Support" not in rds("11.22", **extra).basis
