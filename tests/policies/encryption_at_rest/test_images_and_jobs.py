"""encryption-at-rest for machine images, DLM copies, container platforms, analytics jobs, API
caches and WorkSpaces: each test changes one setting of a compliant baseline."""

from __future__ import annotations

import json

from paved_policies.testing import UNKNOWN

from tests.policies import baselines_encryption as enc
from tests.policies.baselines import EC2_INSTANCE, EKS_CLUSTER


def test_ami_copy_without_encryption_is_reported() -> None:
    assert enc.EC2_AMI_COPY.violations({"encrypted": False}) == [
        ("ami-encrypted", "AMI copy is not encrypted (encrypted defaults to false).")
    ]


def test_ami_device_without_encryption_is_reported_but_one_from_a_snapshot_inherits() -> None:
    devices = [{"deviceName": "/dev/xvda", "snapshotId": "snap-1"}, {"deviceName": "/dev/xvdb", "volumeSize": 8}]
    assert enc.EC2_AMI.violations({"ebsBlockDevices": devices}) == [
        ("ami-encrypted", "AMI block device /dev/xvdb is not encrypted (encrypted defaults to false).")
    ]


def test_ami_device_from_a_snapshot_declared_unencrypted_is_reported() -> None:
    devices = [{"deviceName": "/dev/xvda", "snapshotId": "snap-1", "encrypted": False}]
    assert enc.EC2_AMI.violations({"ebsBlockDevices": devices}) == [
        ("ami-encrypted", "AMI block device /dev/xvda is not encrypted (encrypted defaults to false).")
    ]


def test_dlm_cross_region_copy_without_encryption_is_reported() -> None:
    details = dict(enc.DLM_LIFECYCLE_POLICY.properties["policyDetails"])
    details["schedules"] = [
        {**details["schedules"][0], "crossRegionCopyRules": [{"target": "us-west-2", "cmkArn": enc.KEY}]}
    ]
    assert enc.DLM_LIFECYCLE_POLICY.violations({"policyDetails": details}) == [
        (
            "dlm-cross-region-copies-encrypted",
            "DLM cross-region schedule copy 0 is not encrypted (encrypted defaults to false).",
        )
    ]


def test_dlm_event_copy_without_encryption_is_reported() -> None:
    action = {
        "name": "copy",
        "crossRegionCopies": [{"target": "us-west-2", "encryptionConfiguration": {"cmkArn": enc.KEY}}],
    }
    details = {**enc.DLM_LIFECYCLE_POLICY.properties["policyDetails"], "action": action}
    assert enc.DLM_LIFECYCLE_POLICY.violations({"policyDetails": details}) == [
        (
            "dlm-cross-region-copies-encrypted",
            "DLM cross-region event copy 0 is not encrypted (encryptionConfiguration.encryption defaults to false).",
        )
    ]


def test_launch_configuration_with_an_unencrypted_root_device_is_reported() -> None:
    assert enc.EC2_LAUNCH_CONFIGURATION.violations({"rootBlockDevice": {"encrypted": False}}) == [
        (
            "ec2-block-devices-encrypted",
            "Launch configuration has an unencrypted root or EBS block device (encrypted defaults to false).",
        )
    ]


def test_image_recipe_with_an_unencrypted_volume_is_reported() -> None:
    mappings = [{"deviceName": "/dev/xvda", "ebs": {"kmsKeyId": enc.KEY}}]
    assert enc.IMAGEBUILDER_IMAGE_RECIPE.violations({"blockDeviceMappings": mappings}) == [
        ("ec2-block-devices-encrypted", "Image recipe block device /dev/xvda is not encrypted.")
    ]


def test_instance_block_devices_still_judged_as_before() -> None:
    assert EC2_INSTANCE.violations({"rootBlockDevice": {"encrypted": False}}) == [
        (
            "ec2-block-devices-encrypted",
            "EC2 instance has an unencrypted root or EBS block device (encrypted defaults to false).",
        )
    ]


def test_workspace_without_volume_encryption_is_reported() -> None:
    assert enc.WORKSPACES_WORKSPACE.violations(
        without=["rootVolumeEncryptionEnabled", "userVolumeEncryptionEnabled"]
    ) == [
        (
            "workspaces-volumes-encrypted",
            "WorkSpace root volume is not encrypted (rootVolumeEncryptionEnabled defaults to false).",
        ),
        (
            "workspaces-volumes-encrypted",
            "WorkSpace user volume is not encrypted (userVolumeEncryptionEnabled defaults to false).",
        ),
    ]


def test_eks_cluster_before_1_28_without_secrets_encryption_is_reported() -> None:
    assert EKS_CLUSTER.violations(
        {"version": "1.27", "encryptionConfig": {"resources": [], "provider": {"keyArn": enc.KEY}}}
    ) == [
        (
            "eks-secrets-encrypted",
            "EKS cluster on Kubernetes 1.27 does not envelope-encrypt secrets (no encryptionConfig for secrets; "
            "default envelope encryption starts at 1.28).",
        ),
        (
            "encrypted-with-customer-managed-key",
            "EKS cluster secrets: not encrypted with a customer-managed KMS key "
            "(encryptionConfig.resources does not include secrets).",
        ),
    ]


def test_eks_cluster_from_1_28_is_envelope_encrypted_by_default() -> None:
    found = EKS_CLUSTER.violations({"version": "1.31"}, without=["encryptionConfig"])
    assert [policy for policy, _ in found] == ["encrypted-with-customer-managed-key"]


def test_ecs_exec_without_a_key_or_log_encryption_is_reported() -> None:
    command = {"logging": "DEFAULT", "logConfiguration": {"cloudWatchLogGroupName": "/paved/exec"}}
    assert enc.ECS_CLUSTER.violations({"configuration": {"executeCommandConfiguration": command}}) == [
        (
            "ecs-exec-command-encrypted",
            "ECS Exec sessions are not encrypted with a KMS key (executeCommandConfiguration.kmsKeyId is not set).",
        ),
        (
            "ecs-exec-command-encrypted",
            "ECS Exec session logs are not encrypted (logConfiguration enables no log encryption).",
        ),
    ]


def test_ecs_exec_with_logging_off_or_not_configured_is_left_alone() -> None:
    assert enc.ECS_CLUSTER.violations({"configuration": {"executeCommandConfiguration": {"logging": "NONE"}}}) == []
    assert enc.ECS_CLUSTER.violations(without=["configuration"]) == []


def _emr(encryption: dict[str, object]) -> dict[str, str]:
    return {"configuration": json.dumps({"EncryptionConfiguration": encryption})}


def test_emr_security_configuration_without_encryption_is_reported() -> None:
    assert enc.EMR_SECURITY_CONFIGURATION.violations(
        _emr({"EnableAtRestEncryption": False, "EnableInTransitEncryption": False})
    ) == [
        (
            "emr-security-configuration-encrypted",
            "EMR security configuration does not encrypt data at rest (EnableAtRestEncryption is not true).",
        ),
        (
            "emr-security-configuration-in-transit",
            "EMR security configuration does not encrypt traffic in transit (EnableInTransitEncryption is not true).",
        ),
    ]


def test_emr_security_configuration_leaving_ebs_and_s3_to_weaker_modes_is_reported() -> None:
    at_rest = {
        "S3EncryptionConfiguration": {"EncryptionMode": "SSE-S3"},
        "LocalDiskEncryptionConfiguration": {"EncryptionKeyProviderType": "AwsKms", "AwsKmsKey": enc.KEY},
    }
    configuration = {
        "EnableAtRestEncryption": True,
        "EnableInTransitEncryption": True,
        "AtRestEncryptionConfiguration": at_rest,
    }
    assert enc.EMR_SECURITY_CONFIGURATION.violations(_emr(configuration)) == [
        (
            "emr-security-configuration-encrypted",
            "EMR security configuration does not encrypt EBS volumes (EnableEbsEncryption is not true).",
        ),
        (
            "emr-security-configuration-encrypted",
            "EMR security configuration encrypts S3 data with SSE-S3, not a KMS key.",
        ),
    ]


def test_emr_configuration_unknown_during_preview_is_not_reported() -> None:
    assert enc.EMR_SECURITY_CONFIGURATION.violations({"configuration": UNKNOWN}) == []


def test_emr_cluster_and_glue_job_without_a_security_configuration_are_reported() -> None:
    assert enc.EMR_CLUSTER.violations(without=["securityConfiguration"]) == [
        (
            "analytics-security-configuration",
            "EMR cluster has no security configuration, so nothing encrypts what it writes (securityConfiguration).",
        )
    ]
    assert enc.GLUE_JOB.violations(without=["securityConfiguration"]) == [
        (
            "analytics-security-configuration",
            "Glue job has no security configuration, so nothing encrypts what it writes (securityConfiguration).",
        )
    ]


def test_appsync_cache_without_encryption_at_rest_is_reported() -> None:
    assert enc.APPSYNC_API_CACHE.violations(without=["atRestEncryptionEnabled"]) == [
        (
            "appsync-api-cache-encrypted-at-rest",
            "AppSync API cache does not encrypt at rest (atRestEncryptionEnabled defaults to false).",
        )
    ]


def test_api_gateway_cache_without_encryption_is_reported_only_when_caching() -> None:
    assert enc.API_GATEWAY_METHOD_SETTINGS.violations({"settings": {"cachingEnabled": True}}) == [
        (
            "apigateway-cache-encrypted",
            "API Gateway method cache is not encrypted (settings.cacheDataEncrypted defaults to false).",
        )
    ]
    assert enc.API_GATEWAY_METHOD_SETTINGS.violations({"settings": {"cachingEnabled": False}}) == []
