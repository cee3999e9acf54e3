"""encryption-at-rest for block and file storage: EBS, the devices of instances, launch templates and
configurations and Image Builder recipes, WorkSpaces volumes, EFS."""

from __future__ import annotations

from pulumi_policy import ResourceValidationArgs, Severity

from paved_policies import types as t
from paved_policies.policy import ENCRYPTION_AT_REST, Equivalents, Report, define_policy
from paved_policies.props import get, items, truth
from paved_policies.unknown import UNKNOWN


def _ebs_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if args.resource_type == t.EBS_ENCRYPTION_BY_DEFAULT:
        if truth(get(props, "enabled"), default=True) is False:
            report("EBS encryption by default is turned off for the region.")
        return
    if args.resource_type == t.EBS_VOLUME and get(props, "snapshotId") is not None:
        return  # a volume from a snapshot inherits the snapshot's encryption
    if truth(get(props, "encrypted"), default=False) is False:
        report("EBS volume or snapshot copy is not encrypted (encrypted defaults to false).")


ebs_encrypted = define_policy(
    name="ebs-encrypted",
    description="Checks that EBS volumes and snapshot copies are encrypted and that encryption by default stays on.",
    validate=_ebs_encrypted,
    resource_types=[t.EBS_VOLUME, t.EBS_SNAPSHOT_COPY, t.EBS_ENCRYPTION_BY_DEFAULT],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps="Set encrypted: true and kmsKeyId to the stack key.",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-EC26",), checkov=("CKV_AWS_3", "CKV_AWS_106", "CKV2_AWS_2")),
)


def _device_unencrypted(device: object) -> bool:
    """An EBS device block that is explicitly or by default unencrypted (snapshots inherit)."""
    if device is UNKNOWN or get(device, "snapshotId") is not None:
        return False
    return truth(get(device, "encrypted"), default=False) is False


def _instance_devices(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if args.resource_type in (t.EC2_INSTANCE, t.EC2_LAUNCH_CONFIGURATION):
        root = get(props, "rootBlockDevice")
        if get(props, "launchTemplate") is not None and root is None:
            return  # the launch template (checked itself) defines the devices
        devices = [root if root is not None else {}, *items(get(props, "ebsBlockDevices"))]
        if any(_device_unencrypted(device) for device in devices):
            kind = "EC2 instance" if args.resource_type == t.EC2_INSTANCE else "Launch configuration"
            report(f"{kind} has an unencrypted root or EBS block device (encrypted defaults to false).")
        return
    kind = "Launch template" if args.resource_type == t.EC2_LAUNCH_TEMPLATE else "Image recipe"
    for mapping in items(get(props, "blockDeviceMappings")):
        ebs = get(mapping, "ebs")
        if ebs is None or ebs is UNKNOWN:
            continue
        if _device_unencrypted(ebs):
            report(f"{kind} block device {get(mapping, 'deviceName')!s} is not encrypted.")


ec2_block_devices_encrypted = define_policy(
    name="ec2-block-devices-encrypted",
    description=(
        "Checks that EC2 instances, launch templates and configurations, and Image Builder recipes encrypt "
        "their root and EBS block devices."
    ),
    validate=_instance_devices,
    resource_types=[t.EC2_INSTANCE, t.EC2_LAUNCH_TEMPLATE, t.EC2_LAUNCH_CONFIGURATION, t.IMAGEBUILDER_IMAGE_RECIPE],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps=(
        "Set rootBlockDevice.encrypted and every ebsBlockDevices[].encrypted (launch templates and image "
        "recipes: blockDeviceMappings[].ebs.encrypted) to true with the stack key."
    ),
    equivalents=Equivalents(
        awsguard=("encrypted-volumes",), cdk_nag=("AwsSolutions-EC26",), checkov=("CKV_AWS_8", "CKV_AWS_200")
    ),
)


def _efs_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "encrypted"), default=False) is False:
        report("EFS file system is not encrypted (encrypted defaults to false).")


efs_file_system_encrypted = define_policy(
    name="efs-file-system-encrypted",
    description="Checks that EFS file systems are encrypted at rest.",
    validate=_efs_encrypted,
    resource_types=[t.EFS_FILE_SYSTEM],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps="Set encrypted: true and kmsKeyId to the stack key.",
    equivalents=Equivalents(awsguard=("efs-encrypted",), cdk_nag=("AwsSolutions-EFS1",), checkov=("CKV_AWS_42",)),
)


def _workspace_volumes(args: ResourceValidationArgs, report: Report) -> None:
    for prop, volume in (("rootVolumeEncryptionEnabled", "root"), ("userVolumeEncryptionEnabled", "user")):
        if truth(get(args.props, prop), default=False) is False:
            report(f"WorkSpace {volume} volume is not encrypted ({prop} defaults to false).")


workspaces_volumes_encrypted = define_policy(
    name="workspaces-volumes-encrypted",
    description="Checks that WorkSpaces encrypt their root and user volumes.",
    validate=_workspace_volumes,
    resource_types=[t.WORKSPACES_WORKSPACE],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps=(
        "Set rootVolumeEncryptionEnabled and userVolumeEncryptionEnabled to true and volumeEncryptionKey to the "
        "stack key."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_155", "CKV_AWS_156")),
)
