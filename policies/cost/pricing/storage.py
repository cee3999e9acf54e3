"""Shared and snapshot storage: EFS file systems and EBS snapshots."""

from __future__ import annotations

from cost.pricing.base import Context, Pricer, Props
from cost.report import Charge
from cost.resources import Resource

EFS_FILE_SYSTEM = "aws:efs/fileSystem:FileSystem"
EBS_SNAPSHOT = "aws:ebs/snapshot:Snapshot"
EBS_VOLUME = "aws:ebs/volume:Volume"


def efs_file_system(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    region = ctx.region_of(resource)
    one_zone = bool(props.text("availabilityZoneName"))
    key, label = ("efs.storage.one-zone", "One Zone storage") if one_zone else ("efs.storage.standard", "storage")
    charges = [ctx.usage_charge(region, key, ("efs", "storageGb"), resource, label)]
    if props.text("throughputMode") == "provisioned":
        throughput = props.need_num("provisionedThroughputInMibps", default=0)
        charges.append(ctx.charge(region, "efs.provisioned-throughput", throughput, "provisioned throughput"))
    return charges


def ebs_snapshot(resource: Resource, ctx: Context) -> list[Charge]:
    """A full first snapshot: the size of its volume (from the snapshot's outputs or the volume in the stack)."""
    size = Props(resource.props).num("volumeSize")
    if size is None:
        volume = next(
            (ctx.by_urn(u) for u in resource.property_dependencies.get("volumeId", ()) if ctx.by_urn(u)), None
        )
        size = Props(volume.props).num("size") if volume is not None and volume.type == EBS_VOLUME else None
    region = ctx.region_of(resource)
    if size is None:
        return [ctx.usage_charge(region, "ebs.snapshot.storage", ("ebsSnapshot", "storageGb"), resource, "snapshot")]
    return [ctx.charge(region, "ebs.snapshot.storage", size, "snapshot storage (its volume's size)")]


PRICERS: dict[str, Pricer] = {EFS_FILE_SYSTEM: efs_file_system, EBS_SNAPSHOT: ebs_snapshot}
