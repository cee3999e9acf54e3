"""encryption-at-rest for analytics jobs: EMR security configurations and the clusters, Glue jobs,
crawlers and endpoints that need one."""

from __future__ import annotations

from typing import Any

from pulumi_policy import ResourceValidationArgs, Severity

from paved_policies import types as t
from paved_policies.policy import ENCRYPTION_AT_REST, Equivalents, Report, define_policy
from paved_policies.props import get, json_object
from paved_policies.unknown import UNKNOWN


def emr_encryption(props: object) -> dict[str, Any] | None:
    """A security configuration's ``EncryptionConfiguration`` (the JSON ``configuration`` decoded);
    ``None`` if unknown or unreadable, ``{}`` if absent."""
    document = json_object(get(props, "configuration"))
    if document is UNKNOWN or not isinstance(document, dict):
        return None
    block = document.get("EncryptionConfiguration", {})
    return block if isinstance(block, dict) and UNKNOWN not in block.values() else None


def _emr_at_rest(args: ResourceValidationArgs, report: Report) -> None:
    encryption = emr_encryption(args.props)
    if encryption is None:
        return
    if encryption.get("EnableAtRestEncryption") is not True:
        report("EMR security configuration does not encrypt data at rest (EnableAtRestEncryption is not true).")
        return
    at_rest = encryption.get("AtRestEncryptionConfiguration") or {}
    local = at_rest.get("LocalDiskEncryptionConfiguration") if isinstance(at_rest, dict) else None
    if not isinstance(local, dict):
        report("EMR security configuration does not encrypt local disks (no LocalDiskEncryptionConfiguration).")
    elif local.get("EnableEbsEncryption") is not True:
        report("EMR security configuration does not encrypt EBS volumes (EnableEbsEncryption is not true).")
    s3 = at_rest.get("S3EncryptionConfiguration") if isinstance(at_rest, dict) else None
    if isinstance(s3, dict) and s3.get("EncryptionMode") not in ("SSE-KMS", "CSE-KMS", UNKNOWN):
        report(f"EMR security configuration encrypts S3 data with {s3.get('EncryptionMode')!s}, not a KMS key.")


emr_security_configuration_encrypted = define_policy(
    name="emr-security-configuration-encrypted",
    description=(
        "Checks that EMR security configurations encrypt data at rest: local disks, EBS volumes, and S3 data with KMS."
    ),
    validate=_emr_at_rest,
    resource_types=[t.EMR_SECURITY_CONFIGURATION],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps=(
        "Set EnableAtRestEncryption: true with AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration "
        "(EnableEbsEncryption: true, AwsKms provider with the stack key) and S3EncryptionConfiguration SSE-KMS."
    ),
    equivalents=Equivalents(cdk_nag=("AwsSolutions-EMR4",), checkov=("CKV_AWS_171", "CKV_AWS_349", "CKV_AWS_350")),
)


def _has_security_configuration(args: ResourceValidationArgs, report: Report) -> None:
    if get(args.props, "securityConfiguration") in (None, ""):
        kind = {
            t.EMR_CLUSTER: "EMR cluster",
            t.GLUE_JOBS[0]: "Glue crawler",
            t.GLUE_JOBS[1]: "Glue development endpoint",
            t.GLUE_JOBS[2]: "Glue job",
        }[args.resource_type]
        report(f"{kind} has no security configuration, so nothing encrypts what it writes (securityConfiguration).")


analytics_security_configuration = define_policy(
    name="analytics-security-configuration",
    description=(
        "Checks that EMR clusters and Glue jobs, crawlers and development endpoints name a security "
        "configuration, where their encryption is set."
    ),
    validate=_has_security_configuration,
    resource_types=[t.EMR_CLUSTER, *t.GLUE_JOBS],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Create an aws.emr.SecurityConfiguration or aws.glue.SecurityConfiguration with encryption on and set "
        "securityConfiguration to its name."
    ),
    equivalents=Equivalents(
        cdk_nag=("AwsSolutions-EMR4", "AwsSolutions-EMR5", "AwsSolutions-GL1", "AwsSolutions-GL3"),
        checkov=("CKV2_AWS_55", "CKV_AWS_195"),
    ),
)
