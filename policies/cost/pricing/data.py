"""Data: RDS instances, Aurora clusters (provisioned and Serverless v2), ElastiCache, DynamoDB, S3, ECR, Backup."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

from cost.extended_support import price_key
from cost.pricing.base import ZERO, Context, Pricer, Props, Unpriceable, no_charge, quantity_text
from cost.report import Charge
from cost.resources import Resource

RDS_INSTANCE = "aws:rds/instance:Instance"
RDS_CLUSTER = "aws:rds/cluster:Cluster"
RDS_CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance"
CACHE_REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup"
CACHE_CLUSTER = "aws:elasticache/cluster:Cluster"
DYNAMODB_TABLE = "aws:dynamodb/table:Table"
S3_BUCKET = "aws:s3/bucket:Bucket"
S3_BUCKET_V2 = "aws:s3/bucketV2:BucketV2"
ECR_REPOSITORY = "aws:ecr/repository:Repository"
BACKUP_VAULT = "aws:backup/vault:Vault"

AURORA_ENGINES = ("aurora-postgresql", "aurora-mysql")
FREE_INSIGHTS_RETENTION_DAYS = 7
_VCPUS_BY_SIZE = {"micro": 2, "small": 2, "medium": 2, "large": 2, "xlarge": 4}


def vcpus(instance_class: str) -> int:
    """vCPUs of an RDS/EC2 class: 2 up to ``large``, 4 for ``xlarge``, 4 × N for ``Nxlarge``."""
    size = instance_class.rsplit(".", 1)[-1]
    if size in _VCPUS_BY_SIZE:
        return _VCPUS_BY_SIZE[size]
    match = re.fullmatch(r"(\d+)xlarge", size)
    if match is None:
        raise Unpriceable(f"cannot tell the vCPUs of {instance_class}")
    return 4 * int(match.group(1))


def rds_instance(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    region = ctx.region_of(resource)
    engine = (
        props.need_text("engine") if not props.text("replicateSourceDb") else props.text("engine", default="postgres")
    )
    engine = "postgres" if engine is None else engine
    instance_class = props.need_text("instanceClass")
    deployment = "multi-az" if props.flag("multiAz") else "single-az"
    label = f"{instance_class} {engine} {'Multi-AZ' if deployment == 'multi-az' else 'single-AZ'}"
    charges = [ctx.hourly(region, f"rds.instance.{engine}.{instance_class}.{deployment}", label)]
    storage_type = props.text("storageType") or ("io1" if props.num("iops") else "gp2")
    storage = props.num("allocatedStorage")
    if storage is None:
        if not props.text("replicateSourceDb"):
            raise Unpriceable("allocatedStorage is not set")
    else:
        key = f"rds.storage.{storage_type}.{deployment}"
        charges.append(ctx.charge(region, key, storage, f"{storage_type} storage"))
    iops = props.num("iops")
    if iops and storage_type in ("gp3", "io1", "io2"):
        charges.append(ctx.charge(region, f"rds.iops.{storage_type}.{deployment}", iops, f"{storage_type} IOPS"))
    charges.extend(_backup(ctx, region, "rds.backup.storage", resource))
    charges.extend(_insights(ctx, region, props, instance_class))
    charges.extend(_managed_secret(ctx, region, props, resource))
    charges.extend(_extended_support(ctx, region, props, engine, instance_class=instance_class, deployment=deployment))
    return charges


def _extended_support(
    ctx: Context, region: str, props: Props, engine: str, *, instance_class: str, deployment: str
) -> list[Charge]:
    """RDS Extended Support per vCPU-hour (the standby of a Multi-AZ instance pays too)."""
    as_of = _as_of(ctx.book.version)
    version = props.text("engineVersion")
    key = price_key(engine, version, props.text("engineLifecycleSupport"), as_of) if as_of else None
    if key is None:
        return []
    count = vcpus(instance_class) * (2 if deployment == "multi-az" else 1)
    band = "year 3" if key.endswith("yr3") else "years 1-2"
    label = f"Extended Support {engine} {version} ({band} as of {as_of}) vCPUs"
    return [ctx.hourly(region, key, label, count=count)]


def _as_of(version: str) -> datetime.date | None:
    """The price file's version date: the day its prices (and the support calendar) are read as of."""
    try:
        return datetime.date.fromisoformat(version)
    except ValueError:
        return None


def _backup(ctx: Context, region: str, key: str, resource: Resource) -> list[Charge]:
    beyond = ctx.use("database", "backupGbBeyondFree", resource)
    if not beyond:
        return [Charge(ZERO, "backups within the free amount (100 % of storage)")]
    return [ctx.charge(region, key, beyond, "backup storage beyond the free amount")]


def _insights(ctx: Context, region: str, props: Props, instance_class: str) -> list[Charge]:
    """Database Insights Advanced (also what Performance Insights retention beyond 7 days needs) per vCPU."""
    retention = props.num("performanceInsightsRetentionPeriod") or Decimal(FREE_INSIGHTS_RETENTION_DAYS)
    advanced = props.text("databaseInsightsMode") == "advanced"
    if not advanced and retention <= FREE_INSIGHTS_RETENTION_DAYS:
        return []
    count = vcpus(instance_class)
    why = "Database Insights Advanced" if advanced else f"Performance Insights {retention} days (Advanced)"
    return [ctx.hourly(region, "rds.insights.advanced", f"{why} {count} vCPU", count=count)]


def _managed_secret(ctx: Context, region: str, props: Props, resource: Resource) -> list[Charge]:
    if not props.flag("manageMasterUserPassword"):
        return []
    calls = ctx.use("secretsManager", "apiCallsPerMonth", resource)
    return [
        ctx.charge(region, "secretsmanager.secret", Decimal(1), "RDS-managed master secret"),
        ctx.charge(region, "secretsmanager.api", calls, "secret API calls"),
    ]


def rds_cluster(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    region = ctx.region_of(resource)
    engine = props.text("engine", default="aurora-mysql")
    if engine not in AURORA_ENGINES:
        raise Unpriceable(f"Multi-AZ DB clusters of {engine} are not in the price file")
    if props.text("engineMode") == "serverless":
        raise Unpriceable("Aurora Serverless v1 is retired; use v2 (engineMode provisioned)")
    io_optimized = props.text("storageType") == "aurora-iopt1"
    storage_gb = ctx.use("database", "storageGb", resource)
    charges: list[Charge] = []
    if io_optimized:
        charges.append(ctx.charge(region, "aurora.storage.io-optimized", storage_gb, "Aurora I/O-Optimized storage"))
    else:
        io = ctx.use("database", "ioRequestsPerMonth", resource)
        charges.append(ctx.charge(region, "aurora.storage", storage_gb, "Aurora storage"))
        charges.append(ctx.charge(region, "aurora.io", io, "Aurora I/O requests"))
    charges.extend(_backup(ctx, region, "aurora.backup.storage", resource))
    charges.extend(_managed_secret(ctx, region, props, resource))
    return charges


def rds_cluster_instance(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    region = ctx.region_of(resource)
    instance_class = props.need_text("instanceClass")
    cluster = _cluster_of(resource, ctx)
    cluster_props = Props(cluster.props) if cluster else Props({})
    if instance_class != "db.serverless":
        engine = props.text("engine") or cluster_props.text("engine") or "aurora-postgresql"
        return [ctx.hourly(region, f"rds.instance.{engine}.{instance_class}", f"{instance_class} {engine}")]
    if cluster is None:
        raise Unpriceable("its cluster (and so its capacity range) is not in the stack")
    return [_serverless_v2(resource, ctx, region, cluster_props)]


def _serverless_v2(resource: Resource, ctx: Context, region: str, cluster: Props) -> Charge:
    """ACU-hours: active hours at the average capacity, the rest at the minimum (0 when it pauses)."""
    minimum = cluster.need_num("serverlessv2ScalingConfiguration", "minCapacity", default=0)
    maximum = cluster.need_num("serverlessv2ScalingConfiguration", "maxCapacity", default=1)
    hours = ctx.usage.hours
    active = min(ctx.use("database", "activeHoursPerMonth", resource), hours)
    average = min(max(ctx.use("database", "averageAcu", resource), minimum), maximum)
    idle = hours - active
    acu_hours = active * average + idle * minimum
    idle_text = f"{quantity_text(idle)} h paused" if minimum == 0 else f"{quantity_text(idle)} h idle × {minimum} ACU"
    io_optimized = cluster.text("storageType") == "aurora-iopt1"
    key = "aurora.serverless-v2.acu.io-optimized" if io_optimized else "aurora.serverless-v2.acu"
    label = (
        f"db.serverless ({quantity_text(minimum)}–{quantity_text(maximum)} ACU) "
        f"{quantity_text(active)} h active × {quantity_text(average)} ACU + {idle_text} ="
    )
    return ctx.charge(region, key, acu_hours, label)


def _cluster_of(instance: Resource, ctx: Context) -> Resource | None:
    """The instance's cluster: by property dependency, else by identifier, else the only Aurora cluster."""
    for urn in instance.property_dependencies.get("clusterIdentifier", ()):
        found = ctx.by_urn(urn)
        if found is not None and found.type == RDS_CLUSTER:
            return found
    clusters = ctx.of_type(RDS_CLUSTER)
    identifier = instance.props.get("clusterIdentifier")
    if isinstance(identifier, str):
        named = [c for c in clusters if identifier in (c.props.get("clusterIdentifier"), c.props.get("id"))]
        if len(named) == 1:
            return named[0]
    return clusters[0] if len(clusters) == 1 else None


def replication_group(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    node_type = props.need_text("nodeType")
    engine = props.text("engine", default="redis") or "redis"
    clusters = props.num("numCacheClusters")
    if clusters is not None:
        nodes = clusters
        shape = f"{quantity_text(nodes)} nodes"
    else:
        groups = props.need_num("numNodeGroups", default=1)
        replicas = props.need_num("replicasPerNodeGroup", default=0)
        nodes = groups * (1 + replicas)
        shape = f"{quantity_text(groups)} shard(s) × (1 + {quantity_text(replicas)} replicas) nodes"
    region = ctx.region_of(resource)
    return [ctx.hourly(region, f"elasticache.node.{engine}.{node_type}", f"{node_type} {engine} {shape}", count=nodes)]


def cache_cluster(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    if props.text("replicationGroupId"):
        return no_charge("no charge (its nodes are priced on its replication group)")
    node_type = props.need_text("nodeType")
    engine = props.need_text("engine")
    nodes = props.need_num("numCacheNodes", default=1)
    key = f"elasticache.node.{engine}.{node_type}"
    return [ctx.hourly(ctx.region_of(resource), key, f"{node_type} {engine} nodes", count=nodes)]


def dynamodb_table(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    region = ctx.region_of(resource)
    if props.entries("replicas"):
        raise Unpriceable("global table replicas (replicated writes) are not in the price file")
    ia = props.text("tableClass") == "STANDARD_INFREQUENT_ACCESS"
    prefix = "dynamodb.ia" if ia else "dynamodb"
    indexes = props.entries("globalSecondaryIndexes")
    storage = ctx.use("dynamodb", "storageGb", resource)
    charges: list[Charge] = []
    if props.text("billingMode", default="PROVISIONED") == "PAY_PER_REQUEST":
        writes = ctx.use("dynamodb", "writesPerMonth", resource) * (1 + len(indexes))
        reads = ctx.use("dynamodb", "readsPerMonth", resource)
        index_text = f" (table + {len(indexes)} GSI)" if indexes else ""
        charges.append(ctx.charge(region, f"{prefix}.on-demand.write", writes, f"on-demand writes{index_text}"))
        charges.append(ctx.charge(region, f"{prefix}.on-demand.read", reads, "on-demand reads"))
    else:
        if ia:
            raise Unpriceable("provisioned Standard-IA tables are not in the price file")
        wcu = props.need_num("writeCapacity", default=0) + sum(
            (Props(i).need_num("writeCapacity", default=0) for i in indexes), ZERO
        )
        rcu = props.need_num("readCapacity", default=0) + sum(
            (Props(i).need_num("readCapacity", default=0) for i in indexes), ZERO
        )
        charges.append(ctx.hourly(region, "dynamodb.provisioned.wcu", "provisioned WCU", count=wcu))
        charges.append(ctx.hourly(region, "dynamodb.provisioned.rcu", "provisioned RCU", count=rcu))
    charges.append(ctx.charge(region, f"{prefix}.storage", storage, "table storage"))
    if props.flag("pointInTimeRecovery", "enabled"):
        charges.append(ctx.charge(region, "dynamodb.pitr", storage, "point-in-time recovery"))
    return charges


def s3_bucket(resource: Resource, ctx: Context) -> list[Charge]:
    region = ctx.region_of(resource)
    return [
        ctx.charge(region, "s3.storage.STANDARD", ctx.use("s3", "storageGb", resource), "Standard storage"),
        ctx.charge(region, "s3.requests.tier1", ctx.use("s3", "putRequestsPerMonth", resource), "PUT/LIST"),
        ctx.charge(region, "s3.requests.tier2", ctx.use("s3", "getRequestsPerMonth", resource), "GET"),
    ]


def ecr_repository(resource: Resource, ctx: Context) -> list[Charge]:
    gb = ctx.use("ecr", "storageGb", resource)
    return [ctx.charge(ctx.region_of(resource), "ecr.storage", gb, "image storage")]


def backup_vault(resource: Resource, ctx: Context) -> list[Charge]:
    gb = ctx.use("backup", "storageGb", resource)
    return [ctx.charge(ctx.region_of(resource), "backup.storage.ebs", gb, "warm backup storage (EBS/EFS/S3 rate)")]


PRICERS: dict[str, Pricer] = {
    RDS_INSTANCE: rds_instance,
    RDS_CLUSTER: rds_cluster,
    RDS_CLUSTER_INSTANCE: rds_cluster_instance,
    CACHE_REPLICATION_GROUP: replication_group,
    CACHE_CLUSTER: cache_cluster,
    DYNAMODB_TABLE: dynamodb_table,
    S3_BUCKET: s3_bucket,
    S3_BUCKET_V2: s3_bucket,
    ECR_REPOSITORY: ecr_repository,
    BACKUP_VAULT: backup_vault,
}
