"""awsx components: the same total whether their children are visible (a real preview) or not (mocks)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from cost.estimator import estimate
from cost.usage import UsageProfile

STACK = "urn:pulumi:test::paved::pulumi:pulumi:Stack$paved:network:Network"
VPC_URN = f"{STACK}$awsx:ec2:Vpc::network-vpc"
ZONES = ["us-east-1a", "us-east-1b", "us-east-1c"]
USAGE = UsageProfile.from_config({"nat": {"dataGbPerMonth": 20}, "vpcEndpoint": {"dataGbPerMonth": 2}})


def vpc_component(strategy: str, endpoints: list[dict[str, Any]]) -> dict[str, Any]:
    """The component as the mocks register it: its arguments only."""
    return {
        "type": "awsx:ec2:Vpc",
        "urn": VPC_URN,
        "custom": False,
        "parent": f"{STACK.replace('$paved:network:Network', '')}$paved:network:Network::network",
        "inputs": {
            "cidrBlock": "10.0.0.0/16",
            "availabilityZoneNames": ZONES,
            "natGateways": {"strategy": strategy},
            "subnetSpecs": [{"type": "Public"}, {"type": "Private"}, {"type": "Isolated"}],
            "vpcEndpointSpecs": endpoints,
        },
    }


def child(type_: str, name: str, props: dict[str, Any] | None = None, parent: str = VPC_URN) -> dict[str, Any]:
    chain = f"{STACK}$awsx:ec2:Vpc${type_}"
    return {"type": type_, "urn": f"{chain}::{name}", "parent": parent, "custom": True, "inputs": props or {}}


def vpc_children(nat_count: int, endpoints: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What a real preview shows under the component: subnets, routes, NAT gateways, EIPs, endpoints."""
    children = [child("aws:ec2/vpc:Vpc", "network-vpc", {"cidrBlock": "10.0.0.0/16"})]
    children.append(child("aws:ec2/internetGateway:InternetGateway", "network-vpc"))
    for index, zone in enumerate(ZONES, start=1):
        for kind in ("public", "private", "isolated"):
            subnet = child("aws:ec2/subnet:Subnet", f"network-vpc-{kind}-{index}", {"availabilityZone": zone})
            children.append(subnet)
            children.append(child("aws:ec2/routeTable:RouteTable", f"network-vpc-{kind}-{index}", {}, subnet["urn"]))
    for index in range(1, nat_count + 1):
        children.append(child("aws:ec2/eip:Eip", f"network-vpc-{index}", {"domain": "vpc"}))
        children.append(child("aws:ec2/natGateway:NatGateway", f"network-vpc-{index}", {"connectivityType": "public"}))
    for spec in endpoints:
        props = {**spec}
        if spec.get("vpcEndpointType") == "Interface":
            props["subnetIds"] = [f"subnet-{zone}" for zone in ZONES]
        service = str(spec["serviceName"]).rsplit(".", 1)[-1]
        children.append(child("aws:ec2/vpcEndpoint:VpcEndpoint", f"network-vpc-{service}", props))
    return children


GATEWAY = {"serviceName": "com.amazonaws.us-east-1.s3", "vpcEndpointType": "Gateway"}
INTERFACE = {"serviceName": "com.amazonaws.us-east-1.ecr.api", "vpcEndpointType": "Interface"}


@pytest.mark.parametrize(
    ("strategy", "nat_count", "endpoints", "expected"),
    [
        # None: no NAT, gateway endpoints only → $0.
        ("None", 0, [GATEWAY], "0"),
        # Single: 730 h × $0.045 + 20 GB × $0.045 + EIP 730 h × $0.005 = 32.85 + 0.90 + 3.65 = 37.40.
        ("Single", 1, [GATEWAY], "37.40"),
        # OnePerAz in 3 AZs: 3 × 37.40 = 112.20; interface endpoint 3 AZ × 730 h × $0.01 + 2 GB × $0.01 = 21.92.
        ("OnePerAz", 3, [GATEWAY, INTERFACE], "134.12"),
    ],
)
def test_vpc_costs_the_same_from_its_arguments_and_from_its_children(
    strategy: str, nat_count: int, endpoints: list[dict[str, Any]], expected: str
) -> None:
    component = vpc_component(strategy, endpoints)
    mocked = estimate([component], usage=USAGE)
    previewed = estimate([component, *vpc_children(nat_count, endpoints)], usage=USAGE)
    assert mocked.unpriced == previewed.unpriced == ()
    assert mocked.monthly_usd == previewed.monthly_usd == Decimal(expected)


def test_vpc_with_children_is_not_counted_twice() -> None:
    component = vpc_component("Single", [GATEWAY])
    report = estimate([component, *vpc_children(1, [GATEWAY])], usage=USAGE)
    assert report.line(VPC_URN).monthly_usd == 0
    assert "child resources are priced" in report.line(VPC_URN).basis
    assert report.by_tier() == {"network": Decimal("37.40")}


def test_vpc_nat_strategy_defaults_to_one_per_az_as_in_awsx() -> None:
    component = vpc_component("OnePerAz", [])
    del component["inputs"]["natGateways"]
    report = estimate([component], usage=USAGE)
    assert report.monthly_usd == Decimal("112.20")
    assert "NAT gateway 3 × 730 h" in report.lines[0].basis


def test_fargate_service_component_is_priced_from_its_task_definition_arguments() -> None:
    """2 tasks × 730 h × 0.25 vCPU × $0.03238 + 2 × 730 × 0.5 GB × $0.00356 = 11.8187 + 2.5988 = 14.4175."""
    service = {
        "type": "awsx:ecs:FargateService",
        "urn": "urn:pulumi:test::paved::paved:compute:Compute$awsx:ecs:FargateService::api",
        "inputs": {
            "desiredCount": 2,
            "taskDefinitionArgs": {"cpu": "256", "memory": "512", "runtimePlatform": {"cpuArchitecture": "ARM64"}},
        },
    }
    report = estimate([service])
    assert abs(report.monthly_usd - Decimal("14.4175")) < Decimal("0.01")


def test_ecr_image_component_costs_nothing_and_its_repository_is_priced() -> None:
    image = {"type": "awsx:ecr:Image", "urn": "urn:pulumi:test::paved::awsx:ecr:Image::app", "inputs": {}}
    repository = {"type": "awsx:ecr:Repository", "urn": "urn:pulumi:test::paved::awsx:ecr:Repository::repo"}
    report = estimate([image, repository], usage=UsageProfile.from_config({"ecr": {"storageGb": 3}}))
    assert [line.monthly_usd for line in report.lines] == [Decimal(0), Decimal("0.30")]
