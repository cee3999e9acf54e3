"""awsx components, priced from their arguments when their children are not in the resource list.

awsx components are remote: under Pulumi mocks only the component is registered, with its inputs; in
a real preview or a stack export its children are there too (NAT gateways, EIPs, endpoints …, URNs
whose type chain holds the component's type). The estimator prices the children when they are
present and calls these functions only when they are not, so each cost is counted exactly once, and
the functions below price the same children the component would create, with the same pricers.
"""

from __future__ import annotations

from cost.pricing.base import Context, Pricer, Props, Unpriceable, no_charge
from cost.pricing.compute import ECS_TASK_DEFINITION, ecs_service
from cost.pricing.data import ecr_repository
from cost.pricing.network import interface_endpoint_charges, load_balancer, nat_charges
from cost.report import Charge
from cost.resources import Resource

AWSX_VPC = "awsx:ec2:Vpc"
DEFAULT_AVAILABILITY_ZONES = 3
"""awsx's ``numberOfAvailabilityZones`` default."""

NAT_GATEWAYS_PER_STRATEGY = {"None": 0, "Single": 1}
"""NAT gateways per strategy; ``OnePerAz`` (awsx's default) has one per availability zone."""


def vpc(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    region = ctx.region_of(resource)
    zones = len(props.entries("availabilityZoneNames")) or int(
        props.need_num("numberOfAvailabilityZones", default=DEFAULT_AVAILABILITY_ZONES)
    )
    strategy = props.text("natGateways", "strategy", default="OnePerAz") or "OnePerAz"
    if strategy not in (*NAT_GATEWAYS_PER_STRATEGY, "OnePerAz"):
        raise Unpriceable(f"unknown NAT gateway strategy {strategy!r}")
    nat_count = NAT_GATEWAYS_PER_STRATEGY.get(strategy, zones)
    charges: list[Charge] = []
    if nat_count:
        charges.extend(nat_charges(ctx, region, nat_count, resource))
        charges.append(ctx.hourly(region, "vpc.public-ipv4", "NAT gateway public IPv4 (EIP)", count=nat_count))
    for spec in props.entries("vpcEndpointSpecs"):
        endpoint = Props(spec)
        if endpoint.text("vpcEndpointType", default="Gateway") != "Interface":
            continue
        endpoint_zones = len(endpoint.entries("subnetIds")) or zones
        service = str(endpoint.text("serviceName"))
        charges.extend(interface_endpoint_charges(ctx, region, endpoint_zones, resource, service))
    if not charges:
        return no_charge(f"no charge (VPC in {zones} AZs, NAT strategy {strategy}, no interface endpoints)")
    return charges


def application_load_balancer(resource: Resource, ctx: Context) -> list[Charge]:
    return load_balancer(_as_load_balancer(resource, "application"), ctx)


def network_load_balancer(resource: Resource, ctx: Context) -> list[Charge]:
    return load_balancer(_as_load_balancer(resource, "network"), ctx)


def _as_load_balancer(resource: Resource, kind: str) -> Resource:
    props = dict(resource.props)
    props["loadBalancerType"] = kind
    subnets = props.get("subnetIds") or props.get("subnets")
    props["subnets"] = subnets
    return Resource(type=resource.type, urn=resource.urn, props=props, provider=resource.provider)


def fargate_service(resource: Resource, ctx: Context) -> list[Charge]:
    """A Fargate service from ``desiredCount`` and ``taskDefinitionArgs`` (or its task definition)."""
    props = Props(resource.props)
    task_args = props.get("taskDefinitionArgs")
    definitions = [Resource(ECS_TASK_DEFINITION, f"{resource.urn}-task", task_args)] if task_args else []
    if not definitions:
        raise Unpriceable("taskDefinitionArgs not given (cannot size the tasks)")
    service = Resource(
        type=resource.type,
        urn=resource.urn,
        props={**resource.props, "launchType": "FARGATE"},
        provider=resource.provider,
        property_dependencies={"taskDefinition": (definitions[0].urn,)},
    )
    local = Context(ctx.book, ctx.usage, [*ctx.resources, *definitions], ctx.default_region, ctx.provider_regions)
    return ecs_service(service, local)


def ecr_image(resource: Resource, ctx: Context) -> list[Charge]:
    return no_charge("no charge (an image build; its storage is billed on the repository)")


def task_definition(resource: Resource, ctx: Context) -> list[Charge]:
    return no_charge("no charge (task definition)")


def ec2_service(resource: Resource, ctx: Context) -> list[Charge]:
    return no_charge("no charge (runs on EC2 capacity priced through its instances)")


def default_vpc(resource: Resource, ctx: Context) -> list[Charge]:
    return no_charge("no charge (the account's default VPC)")


PRICERS: dict[str, Pricer] = {
    AWSX_VPC: vpc,
    "awsx:ec2:DefaultVpc": default_vpc,
    "awsx:lb:ApplicationLoadBalancer": application_load_balancer,
    "awsx:lb:NetworkLoadBalancer": network_load_balancer,
    "awsx:ecs:FargateService": fargate_service,
    "awsx:ecs:FargateTaskDefinition": task_definition,
    "awsx:ecs:EC2TaskDefinition": task_definition,
    "awsx:ecs:EC2Service": ec2_service,
    "awsx:ecr:Repository": ecr_repository,
    "awsx:ecr:Image": ecr_image,
}
"""Component type → pricer from its arguments (used only when its children are absent)."""
