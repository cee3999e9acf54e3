"""encryption-at-rest for container platforms: Kubernetes secrets in EKS, ECS Exec sessions."""

from __future__ import annotations

import re

from pulumi_policy import ResourceValidationArgs, Severity

from paved_policies import types as t
from paved_policies.aws_defaults import aws_default
from paved_policies.policy import ENCRYPTION_AT_REST, Equivalents, Report, define_policy
from paved_policies.props import get, items, text, truth
from paved_policies.unknown import UNKNOWN


def _version(value: str) -> tuple[int, ...] | None:
    match = re.fullmatch(r"(\d+)\.(\d+)", value.strip())
    return (int(match.group(1)), int(match.group(2))) if match else None


def _eks_secrets(args: ResourceValidationArgs, report: Report) -> None:
    """Before Kubernetes 1.28 nothing but an encryption config envelope-encrypts secrets; from 1.28 EKS
    does it with an AWS owned key (``data/aws_defaults.json``), and a customer key is the house rule's."""
    props = args.props
    version = text(get(props, "version"))
    if not isinstance(version, str):
        return  # unset: EKS creates the current version, which has default envelope encryption
    floor, found = _version(str(aws_default("eks-envelope-encryption").value)), _version(version)
    if floor is None or found is None or found >= floor:
        return
    resources = [
        resource for config in items(get(props, "encryptionConfig")) for resource in items(get(config, "resources"))
    ]
    if get(props, "encryptionConfig") is UNKNOWN or UNKNOWN in resources:
        return
    if "secrets" not in resources:
        report(
            f"EKS cluster on Kubernetes {version} does not envelope-encrypt secrets (no encryptionConfig for "
            "secrets; default envelope encryption starts at 1.28)."
        )


eks_secrets_encrypted = define_policy(
    name="eks-secrets-encrypted",
    description=(
        "Checks that EKS clusters older than Kubernetes 1.28, which EKS does not envelope-encrypt by default, "
        "encrypt secrets with a KMS key."
    ),
    validate=_eks_secrets,
    resource_types=[t.EKS_CLUSTER],
    category=ENCRYPTION_AT_REST,
    severity=Severity.HIGH,
    remediation_steps=(
        "Upgrade to a supported Kubernetes version, or set encryptionConfig: {resources: [secrets], provider: "
        "{keyArn: <stack key>}}."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_58",)),
)


def _ecs_exec_encrypted(args: ResourceValidationArgs, report: Report) -> None:
    command = get(args.props, "configuration", "executeCommandConfiguration")
    if command is None or command is UNKNOWN or get(command, "logging") in ("NONE", UNKNOWN):
        return
    if get(command, "kmsKeyId") in (None, ""):
        report("ECS Exec sessions are not encrypted with a KMS key (executeCommandConfiguration.kmsKeyId is not set).")
    log = get(command, "logConfiguration")
    if log is UNKNOWN:
        return
    flags = [
        truth(get(log, key), default=False) for key in ("cloudWatchEncryptionEnabled", "s3BucketEncryptionEnabled")
    ]
    if UNKNOWN not in flags and True not in flags:
        report("ECS Exec session logs are not encrypted (logConfiguration enables no log encryption).")


ecs_exec_command_encrypted = define_policy(
    name="ecs-exec-command-encrypted",
    description="Checks that ECS clusters allowing ECS Exec encrypt the sessions and their logs.",
    validate=_ecs_exec_encrypted,
    resource_types=[t.ECS_CLUSTER],
    category=ENCRYPTION_AT_REST,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Set configuration.executeCommandConfiguration.kmsKeyId to the stack key and logConfiguration."
        "cloudWatchEncryptionEnabled (or s3BucketEncryptionEnabled) to true, or logging: NONE."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_224",)),
)
