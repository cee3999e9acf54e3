"""Compute: EC2 instances and EBS volumes, Lambda functions, ECS on Fargate, API Gateway."""

from __future__ import annotations

from decimal import Decimal

from cost.pricing.base import ZERO, Context, Pricer, Props, Unpriceable, no_charge, quantity_text
from cost.pricing.subnets import subnet_of
from cost.report import Charge
from cost.resources import Resource

EC2_INSTANCE = "aws:ec2/instance:Instance"
EBS_VOLUME = "aws:ebs/volume:Volume"
LAMBDA_FUNCTION = "aws:lambda/function:Function"
ECS_SERVICE = "aws:ecs/service:Service"
ECS_CLUSTER = "aws:ecs/cluster:Cluster"
ECS_TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition"
HTTP_API = "aws:apigatewayv2/api:Api"
REST_API = "aws:apigateway/restApi:RestApi"
REST_STAGE = "aws:apigateway/stage:Stage"

EC2_PREFIX = "ec2.instance."
DEFAULT_ROOT_VOLUME_GB = Decimal(8)
"""The root volume size of Amazon Linux AMIs, assumed when an instance does not say."""


def ec2_instance(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    region = ctx.region_of(resource)
    instance_type = props.need_text("instanceType")
    if props.text("instanceMarketOptions", "marketType") == "spot":
        raise Unpriceable("Spot instances have no list price")
    charges = [ctx.sized_hourly(region, EC2_PREFIX, instance_type, f"{instance_type} Linux on-demand")]
    root = props.get("rootBlockDevice") or {}
    charges.append(volume_charge(ctx, region, "root volume", Props(root), default_size=DEFAULT_ROOT_VOLUME_GB))
    for device in props.entries("ebsBlockDevices"):
        charges.append(volume_charge(ctx, region, "EBS volume", Props(device), default_size=None))
    public = public_ipv4_reason(resource, ctx)
    if public:
        charges.append(ctx.hourly(region, "vpc.public-ipv4", public))
    return charges


def public_ipv4_reason(instance: Resource, ctx: Context) -> str | None:
    """Why an instance gets a public IPv4 address: asked for, or its subnet's default; None if it does not."""
    asked = Props(instance.props).get("associatePublicIpAddress")
    if asked is not None:
        return "public IPv4 address" if Props(instance.props).flag("associatePublicIpAddress") else None
    subnet = subnet_of(instance, ctx)
    if subnet is not None and Props(subnet.props).flag("mapPublicIpOnLaunch"):
        return f"public IPv4 address (subnet {subnet.name} maps public IPs on launch)"
    return None


def ebs_volume(resource: Resource, ctx: Context) -> list[Charge]:
    return [volume_charge(ctx, ctx.region_of(resource), "EBS volume", Props(resource.props), default_size=None)]


def volume_charge(ctx: Context, region: str, label: str, props: Props, *, default_size: Decimal | None) -> Charge:
    size = props.num("volumeSize") or props.num("size") or default_size
    if size is None:
        raise Unpriceable("volume size is not set (from a snapshot?)")
    volume_type = props.text("volumeType") or props.text("type") or ("gp3" if default_size else "gp2")
    charges = [ctx.charge(region, f"ebs.{volume_type}.storage", size, f"{label} {volume_type}")]
    iops = props.num("iops")
    if volume_type == "gp3":
        if iops:
            charges.append(ctx.charge(region, "ebs.gp3.iops", iops, "gp3 IOPS"))
        throughput = props.num("throughput")
        if throughput:
            charges.append(ctx.charge(region, "ebs.gp3.throughput", throughput, "gp3 throughput"))
    elif volume_type == "io1" and iops:
        charges.append(ctx.charge(region, "ebs.io1.iops", iops, "io1 IOPS"))
    elif volume_type == "io2" and iops:
        charges.extend(_io2_iops(ctx, region, iops))
    return Charge(sum((c.usd for c in charges), ZERO), " + ".join(c.basis for c in charges))


def _io2_iops(ctx: Context, region: str, iops: Decimal) -> list[Charge]:
    """io2 IOPS are tiered: up to 32,000, 32,001–64,000, and above."""
    tiers = (("ebs.io2.iops.tier1", Decimal(32_000)), ("ebs.io2.iops.tier2", Decimal(32_000)))
    charges: list[Charge] = []
    left = iops
    for key, size in tiers:
        part = min(left, size)
        if part > 0:
            charges.append(ctx.charge(region, key, part, "io2 IOPS"))
        left -= part
    if left > 0:
        charges.append(ctx.charge(region, "ebs.io2.iops.tier3", left, "io2 IOPS"))
    return charges


def lambda_function(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    region = ctx.region_of(resource)
    architectures = props.entries("architectures")
    architecture = str(architectures[0]) if architectures else "x86_64"
    memory_gb = props.need_num("memorySize", default=128) / Decimal(1024)
    invocations = ctx.use("lambda", "invocationsPerMonth", resource)
    duration_s = ctx.use("lambda", "averageDurationMs", resource) / Decimal(1000)
    gb_seconds = invocations * duration_s * memory_gb
    return [
        ctx.charge(region, "lambda.requests", invocations, "invocations"),
        ctx.charge(region, f"lambda.{architecture}.duration", gb_seconds, f"{architecture} duration"),
    ]


def ecs_service(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    region = ctx.region_of(resource)
    launch_type = props.text("launchType")
    providers = [Props(s).text("capacityProvider") for s in props.entries("capacityProviderStrategies")]
    if launch_type == "EC2" or (not launch_type and providers and not any(p and "FARGATE" in p for p in providers)):
        return no_charge("no charge (runs on EC2 capacity priced through its instances)")
    if launch_type != "FARGATE" and not providers:
        raise Unpriceable("launchType is not set (EC2 or FARGATE?)")
    tasks = props.need_num("desiredCount", default=0)
    task = _task_definition(resource, ctx)
    tprops = Props(task.props)
    cpu = tprops.need_num("cpu", default=256) / Decimal(1024)
    memory = tprops.need_num("memory", default=512) / Decimal(1024)
    architecture = (tprops.text("runtimePlatform", "cpuArchitecture") or "X86_64").lower()
    architecture = "arm64" if architecture == "arm64" else "x86_64"
    spot = " (Fargate Spot priced at on-demand)" if any(p == "FARGATE_SPOT" for p in providers) else ""
    hours = ctx.usage.hours * tasks
    each = f"{quantity_text(tasks)} tasks × {quantity_text(ctx.usage.hours)} h"
    charges = [
        ctx.charge(region, f"fargate.{architecture}.vcpu", cpu * hours, f"{each} × {quantity_text(cpu)} vCPU{spot} ="),
        ctx.charge(region, f"fargate.{architecture}.memory", memory * hours, f"{each} × {quantity_text(memory)} GB ="),
    ]
    ephemeral = tprops.num("ephemeralStorage", "sizeInGib")
    if ephemeral:
        charges.append(ctx.charge(region, "fargate.ephemeral-storage", ephemeral * hours, "ephemeral storage"))
    if props.flag("networkConfiguration", "assignPublicIp") and tasks:
        charges.append(ctx.hourly(region, "vpc.public-ipv4", "assignPublicIp: public IPv4 per task", count=tasks))
    return charges


def _task_definition(service: Resource, ctx: Context) -> Resource:
    """The service's task definition: by property dependency, else by ARN family, else the only one."""
    definitions = ctx.of_type(ECS_TASK_DEFINITION)
    for urn in service.property_dependencies.get("taskDefinition", ()):
        found = ctx.by_urn(urn)
        if found is not None and found.type == ECS_TASK_DEFINITION:
            return found
    reference = Props(service.props).text("taskDefinition") or ""
    family = reference.rsplit("/", 1)[-1].split(":", 1)[0]
    named = [d for d in definitions if family and d.props.get("family") == family]
    if len(named) == 1:
        return named[0]
    if len(definitions) == 1:
        return definitions[0]
    raise Unpriceable("its task definition is not in the stack (cannot size the tasks)")


def ecs_cluster(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    insights = next(
        (Props(s).text("value") for s in props.entries("settings") if Props(s).text("name") == "containerInsights"),
        None,
    )
    if insights not in ("enabled", "enhanced"):
        return no_charge("no charge (Container Insights off)")
    region = ctx.region_of(resource)
    metrics = ctx.use("containerInsights", "metricsPerCluster", resource)
    log_gb = ctx.use("containerInsights", "logGbPerCluster", resource)
    return [
        ctx.charge(region, "cloudwatch.metric", metrics, f"Container Insights ({insights})"),
        ctx.charge(region, "logs.ingest.standard", log_gb, "performance log events"),
    ]


def http_api(resource: Resource, ctx: Context) -> list[Charge]:
    protocol = Props(resource.props).text("protocolType", default="HTTP")
    region = ctx.region_of(resource)
    requests = ctx.use("apiGateway", "requestsPerMonth", resource)
    if protocol == "WEBSOCKET":
        return [ctx.charge(region, "apigateway.websocket.messages", requests, "WebSocket messages")]
    return [ctx.charge(region, "apigateway.http.requests", requests, "HTTP API requests")]


def rest_api(resource: Resource, ctx: Context) -> list[Charge]:
    requests = ctx.use("apiGateway", "requestsPerMonth", resource)
    return [ctx.charge(ctx.region_of(resource), "apigateway.rest.requests", requests, "REST API requests")]


def rest_stage(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    if not props.flag("cacheClusterEnabled"):
        return no_charge("no charge (no cache cluster)")
    size = props.text("cacheClusterSize", default="0.5")
    return [ctx.hourly(ctx.region_of(resource), f"apigateway.rest.cache.{size}", f"{size} GB cache cluster")]


PRICERS: dict[str, Pricer] = {
    EC2_INSTANCE: ec2_instance,
    EBS_VOLUME: ebs_volume,
    LAMBDA_FUNCTION: lambda_function,
    ECS_SERVICE: ecs_service,
    ECS_CLUSTER: ecs_cluster,
    HTTP_API: http_api,
    REST_API: rest_api,
    REST_STAGE: rest_stage,
}
