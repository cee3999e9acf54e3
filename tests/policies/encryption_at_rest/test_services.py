"""encryption-at-rest for messaging, streams, logs, secrets, backups, notebooks, builds, catalogs and
queries."""

from __future__ import annotations

import pytest
from paved_policies.testing import UNKNOWN, Baseline

from tests.policies.baselines import (
    ATHENA_DATABASE,
    ATHENA_WORKGROUP,
    BACKUP_VAULT,
    CLOUDTRAIL,
    CODEBUILD_PROJECT,
    ECR_REPOSITORY,
    FIREHOSE_DELIVERY_STREAM,
    GLUE_CATALOG_ENCRYPTION,
    GLUE_SECURITY_CONFIGURATION,
    KEY_ARN,
    KINESIS_STREAM,
    LOG_GROUP,
    SAGEMAKER_ENDPOINT_CONFIGURATION,
    SAGEMAKER_NOTEBOOK,
    SECRET,
    SNS_TOPIC,
    SQS_QUEUE,
)


def test_sns_topic_without_a_kms_key_is_reported() -> None:
    assert SNS_TOPIC.violations(without=["kmsMasterKeyId"]) == [
        ("sns-topic-encrypted", "SNS topic is not encrypted (no kmsMasterKeyId).")
    ]


def test_sqs_queue_without_a_kms_key_keeps_sqs_managed_encryption() -> None:
    assert SQS_QUEUE.violations(without=["kmsMasterKeyId"]) == []


def test_sqs_queue_with_managed_encryption_turned_off_and_no_key_is_reported() -> None:
    assert SQS_QUEUE.violations({"sqsManagedSseEnabled": False}, without=["kmsMasterKeyId"]) == [
        ("sqs-queue-encrypted", "SQS queue is not encrypted (sqsManagedSseEnabled is false and no kmsMasterKeyId).")
    ]


def test_kinesis_stream_without_kms_encryption_is_reported() -> None:
    expected = [("kinesis-stream-encrypted", "Kinesis stream is not encrypted (encryptionType defaults to NONE).")]
    assert KINESIS_STREAM.violations(without=["encryptionType"]) == expected
    assert KINESIS_STREAM.violations({"encryptionType": "NONE"}) == expected


def test_kinesis_encryption_type_unknown_during_preview_is_not_reported() -> None:
    assert KINESIS_STREAM.violations({"encryptionType": UNKNOWN}) == []


def test_direct_put_firehose_stream_without_encryption_is_reported() -> None:
    assert FIREHOSE_DELIVERY_STREAM.violations(without=["serverSideEncryption"]) == [
        (
            "encrypted-with-customer-managed-key",
            "Firehose delivery stream: not encrypted with a customer-managed KMS key "
            "(serverSideEncryption.keyType is not set).",
        ),
        (
            "firehose-delivery-stream-encrypted",
            "Firehose delivery stream does not encrypt at rest (serverSideEncryption.enabled defaults to false).",
        ),
    ]


def test_firehose_stream_reading_a_kinesis_stream_is_encrypted_by_its_source() -> None:
    source = {"kinesisSourceConfiguration": {"kinesisStreamArn": "arn:aws:kinesis:us-east-1:1:stream/s"}}
    assert FIREHOSE_DELIVERY_STREAM.violations(source, without=["serverSideEncryption"]) == []


@pytest.mark.parametrize(
    ("baseline", "key", "expected"),
    [
        (
            LOG_GROUP,
            "kmsKeyId",
            (
                "cloudwatch-log-group-encrypted-with-kms",
                "CloudWatch log group is encrypted with an AWS-managed key, not a customer-managed KMS key "
                "(kmsKeyId is not set).",
            ),
        ),
        (
            SECRET,
            "kmsKeyId",
            (
                "secretsmanager-secret-encrypted-with-kms",
                "Secrets Manager secret is encrypted with an AWS-managed key, not a customer-managed KMS key "
                "(kmsKeyId is not set).",
            ),
        ),
        (
            BACKUP_VAULT,
            "kmsKeyArn",
            (
                "backup-vault-encrypted-with-kms",
                "Backup vault is encrypted with an AWS-managed key, not a customer-managed KMS key "
                "(kmsKeyArn is not set).",
            ),
        ),
        (
            SAGEMAKER_NOTEBOOK,
            "kmsKeyId",
            (
                "sagemaker-notebook-encrypted-with-kms",
                "SageMaker notebook instance volume is encrypted with an AWS-managed key, not a customer-managed "
                "KMS key (kmsKeyId is not set).",
            ),
        ),
        (
            SAGEMAKER_ENDPOINT_CONFIGURATION,
            "kmsKeyArn",
            (
                "sagemaker-endpoint-encrypted-with-kms",
                "SageMaker endpoint storage volume is encrypted with an AWS-managed key, not a customer-managed "
                "KMS key (kmsKeyArn is not set).",
            ),
        ),
        (
            CLOUDTRAIL,
            "kmsKeyId",
            (
                "cloudtrail-encrypted-with-kms",
                "CloudTrail log files is encrypted with an AWS-managed key, not a customer-managed KMS key "
                "(kmsKeyId is not set).",
            ),
        ),
    ],
    ids=["log-group", "secret", "backup-vault", "sagemaker-notebook", "sagemaker-endpoint", "cloudtrail"],
)
def test_resource_on_an_aws_managed_key_is_reported(baseline: Baseline, key: str, expected: tuple[str, str]) -> None:
    assert baseline.violations(without=[key]) == [expected]
    assert baseline.violations({key: ""}) == [expected]


def test_ecr_repository_on_aes256_is_reported() -> None:
    expected = [
        (
            "ecr-repository-encrypted-with-kms",
            "ECR repository is encrypted with AES256, not a KMS key (encryptionType defaults to AES256).",
        )
    ]
    assert ECR_REPOSITORY.violations(without=["encryptionConfigurations"]) == expected
    assert ECR_REPOSITORY.violations({"encryptionConfigurations": [{"encryptionType": "AES256"}]}) == expected


def test_ecr_encryption_type_unknown_during_preview_is_not_reported() -> None:
    assert ECR_REPOSITORY.violations({"encryptionConfigurations": [{"encryptionType": UNKNOWN}]}) == []


def test_codebuild_artifacts_with_encryption_disabled_are_reported() -> None:
    assert CODEBUILD_PROJECT.violations({"artifacts": {"type": "S3", "encryptionDisabled": True}}) == [
        ("codebuild-artifacts-encrypted", "CodeBuild artifact artifacts has encryption disabled.")
    ]


def test_codebuild_secondary_artifact_with_encryption_disabled_is_reported_by_its_identifier() -> None:
    secondary = [{"type": "S3", "artifactIdentifier": "reports", "encryptionDisabled": "true"}]
    assert CODEBUILD_PROJECT.violations({"secondaryArtifacts": secondary}) == [
        ("codebuild-artifacts-encrypted", "CodeBuild artifact reports has encryption disabled.")
    ]


def test_glue_catalog_without_encryption_at_rest_is_reported() -> None:
    settings = {
        "encryptionAtRest": {"catalogEncryptionMode": "DISABLED"},
        "connectionPasswordEncryption": {"returnConnectionPasswordEncrypted": True, "awsKmsKeyId": KEY_ARN},
    }
    assert GLUE_CATALOG_ENCRYPTION.violations({"dataCatalogEncryptionSettings": settings}) == [
        ("glue-encryption-enabled", "Glue Data Catalog is not encrypted at rest (catalogEncryptionMode is DISABLED).")
    ]


def test_glue_catalog_returning_connection_passwords_in_plain_text_is_reported() -> None:
    settings = {
        "encryptionAtRest": {"catalogEncryptionMode": "SSE-KMS", "sseAwsKmsKeyId": KEY_ARN},
        "connectionPasswordEncryption": {},
    }
    assert GLUE_CATALOG_ENCRYPTION.violations({"dataCatalogEncryptionSettings": settings}) == [
        ("glue-encryption-enabled", "Glue connection passwords are returned unencrypted.")
    ]


def test_glue_security_configuration_reports_each_disabled_block() -> None:
    configuration = {
        "cloudwatchEncryption": {"cloudwatchEncryptionMode": "DISABLED"},
        "jobBookmarksEncryption": {"jobBookmarksEncryptionMode": "CSE-KMS", "kmsKeyArn": KEY_ARN},
    }
    assert GLUE_SECURITY_CONFIGURATION.violations({"encryptionConfiguration": configuration}) == [
        ("glue-encryption-enabled", "Glue security configuration leaves cloudwatchEncryption disabled."),
        ("glue-encryption-enabled", "Glue security configuration leaves s3Encryption disabled."),
    ]


def test_athena_workgroup_writing_unencrypted_results_is_reported() -> None:
    plain = {"resultConfiguration": {"outputLocation": "s3://paved-athena/results/"}}
    assert ATHENA_WORKGROUP.violations({"configuration": plain}) == [
        (
            "athena-results-encrypted",
            "Athena workgroup does not encrypt query results (no resultConfiguration.encryptionConfiguration).",
        )
    ]


def test_athena_workgroup_with_managed_query_results_is_encrypted_by_athena() -> None:
    managed = {
        "resultConfiguration": {"outputLocation": "s3://paved-athena/results/"},
        "managedQueryResultsConfiguration": {"enabled": True},
    }
    assert ATHENA_WORKGROUP.violations({"configuration": managed}) == []


def test_athena_database_without_result_encryption_is_reported() -> None:
    assert ATHENA_DATABASE.violations(without=["encryptionConfiguration"]) == [
        ("athena-results-encrypted", "Athena database does not encrypt its query results (no encryptionConfiguration).")
    ]
