"""Amazon DocumentDB: instances by class, and the cluster's storage and I/O (standard storage)."""

from __future__ import annotations

from cost.pricing.base import Context, Pricer, Props, Unpriceable
from cost.report import Charge
from cost.resources import Resource

DOCDB_CLUSTER = "aws:docdb/cluster:Cluster"
DOCDB_INSTANCE = "aws:docdb/clusterInstance:ClusterInstance"


def cluster(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    if props.text("storageType") == "iopt1":
        raise Unpriceable("I/O-Optimized DocumentDB storage is not in the price file")
    region = ctx.region_of(resource)
    return [
        ctx.usage_charge(region, "docdb.storage", ("documentdb", "storageGb"), resource, "storage"),
        ctx.usage_charge(region, "docdb.io", ("documentdb", "ioRequestsPerMonth"), resource, "I/O requests"),
    ]


def instance(resource: Resource, ctx: Context) -> list[Charge]:
    instance_class = Props(resource.props).need_text("instanceClass")
    label = f"{instance_class} DocumentDB instance"
    return [ctx.sized_hourly(ctx.region_of(resource), "docdb.instance.", instance_class, label)]


PRICERS: dict[str, Pricer] = {DOCDB_CLUSTER: cluster, DOCDB_INSTANCE: instance}
