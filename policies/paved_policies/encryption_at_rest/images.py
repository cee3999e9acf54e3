"""encryption-at-rest for machine images and the snapshots DLM copies across regions."""

from __future__ import annotations

from pulumi_policy import ResourceValidationArgs, Severity

from paved_policies import types as t
from paved_policies.policy import ENCRYPTION_AT_REST, Equivalents, Report, define_policy
from paved_policies.props import at, each_at, get, items, truth
from paved_policies.unknown import UNKNOWN, Unknown


def _ami_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if args.resource_type == t.EC2_AMI_COPY:
        if truth(get(props, "encrypted"), default=False) is False:
            report("AMI copy is not encrypted (encrypted defaults to false).")
        return
    for device in items(get(props, "ebsBlockDevices")):
        if device is UNKNOWN:
            continue
        # a device from a snapshot is encrypted as the snapshot is, unless it says otherwise
        from_snapshot = get(device, "snapshotId") is not None
        if truth(get(device, "encrypted"), default=None if from_snapshot else False) is False:
            report(f"AMI block device {get(device, 'deviceName')!s} is not encrypted (encrypted defaults to false).")


ami_encrypted = define_policy(
    name="ami-encrypted",
    description="Checks that AMIs registered from volumes and AMI copies encrypt their EBS snapshots.",
    validate=_ami_encrypted,
    resource_types=[t.EC2_AMI, t.EC2_AMI_COPY],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps=(
        "Set encrypted: true (AMI copies) or ebsBlockDevices[].encrypted: true, with kmsKeyId set to the stack key."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_204", "CKV_AWS_235")),
)


_CROSS_REGION_COPIES = (
    ("policyDetails.action.crossRegionCopies", "encryptionConfiguration.encryption", "event copy"),
    ("policyDetails.schedules[].crossRegionCopyRules", "encrypted", "schedule copy"),
)


def _dlm_copies(args: ResourceValidationArgs, report: Report) -> None:
    for each, flag, label in _CROSS_REGION_COPIES:
        copies = each_at(args.props, each)
        if isinstance(copies, Unknown):
            continue
        for index, copy in enumerate(copies):
            if copy is not UNKNOWN and truth(at(copy, flag), default=False) is False:
                report(f"DLM cross-region {label} {index} is not encrypted ({flag} defaults to false).")


dlm_cross_region_copies_encrypted = define_policy(
    name="dlm-cross-region-copies-encrypted",
    description="Checks that Data Lifecycle Manager policies encrypt the snapshots they copy to other regions.",
    validate=_dlm_copies,
    resource_types=[t.DLM_LIFECYCLE_POLICY],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Set encryptionConfiguration.encryption (event copies) or encrypted (schedule copy rules) to true, "
        "with cmkArn set to a key in the destination region."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_253", "CKV_AWS_255")),
)
