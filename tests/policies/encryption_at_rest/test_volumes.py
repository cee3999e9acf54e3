"""encryption-at-rest for block and file storage: EBS volumes and copies, instance and launch-template
devices, EFS."""

from __future__ import annotations

from paved_policies.testing import UNKNOWN

from tests.policies.baselines import (
    EBS_ENCRYPTION_BY_DEFAULT,
    EBS_SNAPSHOT_COPY,
    EBS_VOLUME,
    EC2_INSTANCE,
    EC2_LAUNCH_TEMPLATE,
    EFS_FILE_SYSTEM,
)

EBS_UNENCRYPTED = ("ebs-encrypted", "EBS volume or snapshot copy is not encrypted (encrypted defaults to false).")
INSTANCE_DEVICE_UNENCRYPTED = (
    "ec2-block-devices-encrypted",
    "EC2 instance has an unencrypted root or EBS block device (encrypted defaults to false).",
)


def test_ebs_volume_without_encryption_is_reported() -> None:
    assert EBS_VOLUME.violations(without=["encrypted"]) == [EBS_UNENCRYPTED]


def test_ebs_volume_restored_from_a_snapshot_inherits_its_encryption() -> None:
    assert EBS_VOLUME.violations({"snapshotId": "snap-1"}, without=["encrypted"]) == []


def test_unencrypted_ebs_snapshot_copy_is_reported() -> None:
    assert EBS_SNAPSHOT_COPY.violations({"encrypted": False}) == [EBS_UNENCRYPTED]


def test_turning_off_ebs_encryption_by_default_is_reported() -> None:
    assert EBS_ENCRYPTION_BY_DEFAULT.violations({"enabled": False}) == [
        ("ebs-encrypted", "EBS encryption by default is turned off for the region.")
    ]


def test_ebs_encryption_by_default_resource_without_enabled_keeps_it_on() -> None:
    assert EBS_ENCRYPTION_BY_DEFAULT.violations(without=["enabled"]) == []


def test_instance_without_a_root_device_block_gets_an_unencrypted_root_and_is_reported() -> None:
    assert EC2_INSTANCE.violations(without=["rootBlockDevice"]) == [INSTANCE_DEVICE_UNENCRYPTED]


def test_instance_with_an_unencrypted_ebs_device_is_reported() -> None:
    assert EC2_INSTANCE.violations({"ebsBlockDevices": [{"deviceName": "/dev/sdb"}]}) == [INSTANCE_DEVICE_UNENCRYPTED]


def test_instance_device_from_a_snapshot_inherits_its_encryption() -> None:
    assert EC2_INSTANCE.violations({"ebsBlockDevices": [{"deviceName": "/dev/sdb", "snapshotId": "snap-1"}]}) == []


def test_instance_device_encryption_unknown_during_preview_is_not_reported() -> None:
    assert EC2_INSTANCE.violations({"rootBlockDevice": {"encrypted": UNKNOWN}}) == []


def test_instance_from_a_launch_template_leaves_its_devices_to_the_template() -> None:
    changes = {"launchTemplate": {"id": "lt-1", "version": "$Latest"}}
    assert EC2_INSTANCE.violations(changes, without=["rootBlockDevice", "ebsBlockDevices"]) == []


def test_launch_template_with_an_unencrypted_device_is_reported_naming_it() -> None:
    devices = [{"deviceName": "/dev/xvda", "ebs": {"volumeSize": 8}}]
    assert EC2_LAUNCH_TEMPLATE.violations({"blockDeviceMappings": devices}) == [
        ("ec2-block-devices-encrypted", "Launch template block device /dev/xvda is not encrypted.")
    ]


def test_launch_template_device_without_an_ebs_block_is_not_an_ebs_volume() -> None:
    devices = [{"deviceName": "/dev/sdc", "virtualName": "ephemeral0"}]
    assert EC2_LAUNCH_TEMPLATE.violations({"blockDeviceMappings": devices}) == []


def test_unencrypted_efs_file_system_is_reported() -> None:
    assert EFS_FILE_SYSTEM.violations(without=["encrypted"]) == [
        ("efs-file-system-encrypted", "EFS file system is not encrypted (encrypted defaults to false).")
    ]
