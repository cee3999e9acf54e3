"""Analytics: Redshift clusters and Serverless workgroups, OpenSearch/Elasticsearch domains, MSK, Kinesis."""

from __future__ import annotations

from decimal import Decimal

from cost.pricing.base import Context, Pricer, Props, Unpriceable, quantity_text
from cost.report import Charge
from cost.resources import Resource

REDSHIFT_CLUSTER = "aws:redshift/cluster:Cluster"
REDSHIFT_WORKGROUP = "aws:redshiftserverless/workgroup:Workgroup"
OPENSEARCH_DOMAIN = "aws:opensearch/domain:Domain"
ELASTICSEARCH_DOMAIN = "aws:elasticsearch/domain:Domain"
MSK_CLUSTER = "aws:msk/cluster:Cluster"
KINESIS_STREAM = "aws:kinesis/stream:Stream"

REDSHIFT_SERVERLESS_DEFAULT_BASE_RPU = Decimal(128)
"""``baseCapacity`` when the workgroup does not set it (Redshift Serverless CreateWorkgroup)."""
GP3_BASELINE_IOPS = Decimal(3000)
GP3_BASELINE_THROUGHPUT = Decimal(125)


def redshift_cluster(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    region = ctx.region_of(resource)
    node_type = props.need_text("nodeType")
    nodes = props.need_num("numberOfNodes", default=1)
    label = f"{node_type} nodes" if nodes != 1 else f"{node_type} single node"
    charges = [ctx.hourly(region, f"redshift.node.{node_type}", label, count=nodes)]
    if node_type.startswith("ra3."):
        usage = ("redshift", "managedStorageGb")
        charges.append(ctx.usage_charge(region, "redshift.managed-storage", usage, resource, "RA3 managed storage"))
    return charges


def redshift_workgroup(resource: Resource, ctx: Context) -> list[Charge]:
    """Base capacity in RPUs, billed while queries run (``redshiftServerless.activeHoursPerMonth``)."""
    rpu = Props(resource.props).need_num("baseCapacity", default=REDSHIFT_SERVERLESS_DEFAULT_BASE_RPU)
    active = min(ctx.use("redshiftServerless", "activeHoursPerMonth", resource), ctx.usage.hours)
    usage = "[usage redshiftServerless.activeHoursPerMonth]"
    label = f"{quantity_text(rpu)} RPU base capacity × {quantity_text(active)} active h {usage} ="
    return [ctx.charge(ctx.region_of(resource), "redshift.serverless.rpu", rpu * active, label)]


def search_domain(resource: Resource, ctx: Context) -> list[Charge]:
    """Data nodes, dedicated masters and UltraWarm nodes (``.elasticsearch`` types at their ``.search`` price), EBS."""
    props = Props(resource.props)
    region = ctx.region_of(resource)
    cluster = Props(props.get("clusterConfig") or {})
    data_type = _search_type(cluster.need_text("instanceType"))
    data_nodes = cluster.need_num("instanceCount", default=1)
    charges = [_nodes(ctx, region, data_type, data_nodes, "data")]
    if cluster.flag("dedicatedMasterEnabled"):
        master_type = _search_type(cluster.need_text("dedicatedMasterType"))
        masters = _required(cluster, "dedicatedMasterCount")
        charges.append(_nodes(ctx, region, master_type, masters, "dedicated master"))
    if cluster.flag("warmEnabled"):
        warm_type = _search_type(cluster.need_text("warmType"))
        charges.append(_nodes(ctx, region, warm_type, _required(cluster, "warmCount"), "UltraWarm"))
    ebs = Props(props.get("ebsOptions") or {})
    if ebs.flag("ebsEnabled"):
        charges.extend(_search_storage(ctx, region, ebs, data_nodes))
    return charges


def _required(props: Props, *path: str) -> Decimal:
    value = props.num(*path)
    if value is None:
        raise Unpriceable(f"{'.'.join(path)} is not set")
    return value


def _search_type(instance_type: str) -> str:
    return instance_type.removesuffix(".elasticsearch").removesuffix(".search") + ".search"


def _nodes(ctx: Context, region: str, instance_type: str, count: Decimal, role: str) -> Charge:
    label = f"{role} nodes {instance_type}"
    return ctx.hourly(region, f"opensearch.instance.{instance_type}", label, count=count)


def _search_storage(ctx: Context, region: str, ebs: Props, nodes: Decimal) -> list[Charge]:
    volume_type = ebs.text("volumeType") or "gp2"
    size = ebs.num("volumeSize")
    if size is None:
        raise Unpriceable("ebsOptions.volumeSize is not set")
    label = f"{volume_type} storage ({quantity_text(nodes)} nodes × {quantity_text(size)} GB)"
    charges = [ctx.charge(region, f"opensearch.storage.{volume_type}", size * nodes, label)]
    iops = ebs.num("iops")
    if volume_type == "io1" and iops:
        charges.append(ctx.charge(region, "opensearch.iops.io1", iops * nodes, "io1 IOPS"))
    if volume_type == "gp3":
        extra_iops = (ebs.num("iops") or GP3_BASELINE_IOPS) > GP3_BASELINE_IOPS
        extra_throughput = (ebs.num("throughput") or GP3_BASELINE_THROUGHPUT) > GP3_BASELINE_THROUGHPUT
        if extra_iops or extra_throughput:
            raise Unpriceable("gp3 IOPS or throughput above the baseline are not in the price file")
    return charges


def msk_cluster(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    region = ctx.region_of(resource)
    group = Props(props.get("brokerNodeGroupInfo") or {})
    broker_type = group.need_text("instanceType")
    brokers = props.need_num("numberOfBrokerNodes", default=0)
    charges = [ctx.sized_hourly(region, "msk.broker.", broker_type, f"{broker_type} brokers", brokers)]
    volume = _required(group, "storageInfo", "ebsStorageInfo", "volumeSize")
    charges.append(ctx.charge(region, "msk.storage", volume, "broker storage", count=brokers))
    return charges


def kinesis_stream(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    region = ctx.region_of(resource)
    mode = props.text("streamModeDetails", "streamMode") or "PROVISIONED"
    if mode == "ON_DEMAND":
        return [
            ctx.hourly(region, "kinesis.on-demand.stream", "on-demand stream"),
            ctx.usage_charge(region, "kinesis.on-demand.ingest", ("kinesis", "ingestGbPerMonth"), resource, "in"),
            ctx.usage_charge(
                region, "kinesis.on-demand.retrieval", ("kinesis", "retrievalGbPerMonth"), resource, "out"
            ),
        ]
    shards = props.need_num("shardCount", default=1)
    return [
        ctx.hourly(region, "kinesis.shard", "provisioned shards", count=shards),
        ctx.usage_charge(region, "kinesis.put-units", ("kinesis", "putUnitsPerMonth"), resource, "PUT payload units"),
    ]


PRICERS: dict[str, Pricer] = {
    REDSHIFT_CLUSTER: redshift_cluster,
    REDSHIFT_WORKGROUP: redshift_workgroup,
    OPENSEARCH_DOMAIN: search_domain,
    ELASTICSEARCH_DOMAIN: search_domain,
    MSK_CLUSTER: msk_cluster,
    KINESIS_STREAM: kinesis_stream,
}
