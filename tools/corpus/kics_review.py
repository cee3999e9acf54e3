"""KICS queries whose category or security relevance the name-based rules get wrong, reviewed one by
one against the query's own tests (``assets/queries/terraform/aws/<query>/test/``), for the
encryption categories (issue 16 breadth). KICS files key management, key-rotation alarms and some
transport settings under "Encryption"; paved's categories put key rotation and deletion windows under
data protection, key policies under IAM, alarms under logging, and TLS under in transit.

Each entry: query directory → (paved category, security-relevant, why).
"""

from __future__ import annotations

from typing import Final

from tools.corpus.categories import (
    DATA_PROTECTION,
    ENCRYPTION_IN_TRANSIT,
    IAM,
    LOGGING,
    OTHER,
    PUBLIC_EXPOSURE,
)

REVIEW: Final[dict[str, tuple[str, bool, str]]] = {
    "cmk_rotation_disabled": (DATA_PROTECTION, True, "key rotation (paved: kms-key-rotation-enabled)"),
    "kms_key_with_no_deletion_window": (DATA_PROTECTION, True, "key deletion window (paved: kms-key-deletion-window)"),
    "kms_key_with_full_permissions": (IAM, True, "a key policy open to any principal"),
    "cloudwatch_disabling_or_scheduled_deletion_of_customer_created_cmk_alarm_missing": (
        LOGGING,
        True,
        "an alarm on key deletion is monitoring",
    ),
    "api_gateway_with_invalid_compression": (OTHER, False, "the response compression threshold, not encryption"),
    "config_rule_for_encrypted_volumes_is_disabled": (
        OTHER,
        False,
        "whether an AWS Config rule exists, not whether the volumes are encrypted (ebs-encrypted judges those)",
    ),
    "user_data_contains_encoded_private_key": (OTHER, True, "secrets in plain inputs (issue 16 item 3)"),
    "redis_not_compliant": (OTHER, True, "an unsupported engine version (issue 16 item 4)"),
    "ca_certificate_identifier_is_outdated": (ENCRYPTION_IN_TRANSIT, True, "the server certificate authority of TLS"),
    "ssm_session_transit_encryption_disabled": (ENCRYPTION_IN_TRANSIT, True, "Session Manager traffic encryption"),
    "msk_cluster_encryption_disabled": (
        ENCRYPTION_IN_TRANSIT,
        True,
        "its positive tests set plaintext client or broker traffic",
    ),
    "http_port_open": (PUBLIC_EXPOSURE, True, "port 80 open to the internet on a security group"),
    "ecs_task_definition_volume_not_encrypted": (
        ENCRYPTION_IN_TRANSIT,
        True,
        "its positive tests leave the EFS volume's transitEncryption off",
    ),
}

READS: Final[dict[str, dict[str, list[str]]]] = {
    "msk_cluster_encryption_disabled": {"aws:msk/cluster:Cluster": ["encryptionInfo"]},
    "eks_cluster_encryption_disabled": {"aws:eks/cluster:Cluster": ["encryptionConfig"]},
    "s3_bucket_object_not_encrypted": {
        "aws:s3/bucket:Bucket": ["serverSideEncryptionConfiguration"],
        "aws:s3/bucketObject:BucketObject": ["serverSideEncryption", "kmsKeyId"],
    },
    "sns_topic_encrypted_with_aws_managed_key": {"aws:sns/topic:Topic": ["kmsMasterKeyId"]},
    "secretsmanager_secret_encrypted_with_aws_managed_key": {"aws:secretsmanager/secret:Secret": ["kmsKeyId"]},
    "codebuild_project_encrypted_with_aws_managed_key": {"aws:codebuild/project:Project": ["encryptionKey"]},
    "docdb_cluster_encrypted_with_aws_managed_key": {"aws:docdb/cluster:Cluster": ["kmsKeyId"]},
}
"""The properties a query reads, where the measurement needs them: a label that restates an AWS
default is counted apart when the resource leaves them unset (the default decides), and a label is
undecidable when all of them are unknown in the converted fixture (a data-source reference)."""
