"""data-protection: an update never loses data — protect, deletion protection, final snapshots,
backups, point-in-time recovery, versioning, no force-destroy, key rotation and deletion windows."""

from __future__ import annotations

import pytest
from paved_policies.testing import UNKNOWN, Baseline

from tests.policies.baselines import (
    BACKUP_VAULT,
    COGNITO_USER_POOL,
    DOCDB_CLUSTER,
    DYNAMODB_TABLE,
    EBS_VOLUME,
    ECR_REPOSITORY,
    EFS_FILE_SYSTEM,
    ELASTICACHE_REPLICATION_GROUP,
    ELASTICSEARCH_DOMAIN,
    KMS_KEY,
    NEPTUNE_CLUSTER,
    OPENSEARCH_DOMAIN,
    RDS_CLUSTER,
    RDS_GLOBAL_CLUSTER,
    RDS_INSTANCE,
    REDSHIFT_CLUSTER,
    S3_BUCKET,
    S3_BUCKET_V2,
    SECRET,
)
from tests.policies.stack_baseline import changed, compliant_stack, stack_violations, without

STATEFUL = [
    RDS_INSTANCE,
    RDS_CLUSTER,
    RDS_GLOBAL_CLUSTER,
    DOCDB_CLUSTER,
    NEPTUNE_CLUSTER,
    REDSHIFT_CLUSTER,
    DYNAMODB_TABLE,
    S3_BUCKET,
    S3_BUCKET_V2,
    EFS_FILE_SYSTEM,
    EBS_VOLUME,
    ELASTICACHE_REPLICATION_GROUP,
    OPENSEARCH_DOMAIN,
    ELASTICSEARCH_DOMAIN,
    KMS_KEY,
    COGNITO_USER_POOL,
    BACKUP_VAULT,
]


@pytest.mark.parametrize("baseline", STATEFUL, ids=lambda baseline: baseline.type)
def test_unprotected_stateful_resource_is_reported(baseline: Baseline) -> None:
    assert baseline.violations(protect=False) == [
        (
            "stateful-resource-protected",
            "Stateful resource is not protected: a mistaken update or destroy can delete it.",
        )
    ]


def test_a_secret_is_not_a_stateful_resource_that_needs_protect() -> None:
    assert SECRET.violations(protect=False) == []


@pytest.mark.parametrize(
    "baseline", [RDS_INSTANCE, RDS_CLUSTER, RDS_GLOBAL_CLUSTER, DOCDB_CLUSTER, NEPTUNE_CLUSTER], ids=lambda b: b.type
)
def test_database_without_deletion_protection_is_reported(baseline: Baseline) -> None:
    assert baseline.violations(without=["deletionProtection"]) == [
        ("deletion-protection-enabled", "Deletion protection is off (deletionProtection defaults to false).")
    ]


def test_dynamodb_table_without_deletion_protection_is_reported() -> None:
    assert DYNAMODB_TABLE.violations({"deletionProtectionEnabled": False}) == [
        (
            "deletion-protection-enabled",
            "Deletion protection is off (deletionProtectionEnabled defaults to false).",
        )
    ]


def test_user_pool_with_inactive_deletion_protection_is_reported() -> None:
    assert COGNITO_USER_POOL.violations(without=["deletionProtection"]) == [
        ("deletion-protection-enabled", "Cognito user pool deletion protection is not ACTIVE (defaults to INACTIVE).")
    ]


@pytest.mark.parametrize(
    "baseline", [RDS_INSTANCE, RDS_CLUSTER, DOCDB_CLUSTER, NEPTUNE_CLUSTER, REDSHIFT_CLUSTER], ids=lambda b: b.type
)
def test_database_skipping_its_final_snapshot_is_reported(baseline: Baseline) -> None:
    assert baseline.violations({"skipFinalSnapshot": True}) == [
        ("database-final-snapshot", "Deleting the database skips its final snapshot (skipFinalSnapshot is true).")
    ]


def test_aurora_cluster_keeping_one_day_of_backups_is_reported() -> None:
    assert RDS_CLUSTER.violations({"backupRetentionPeriod": 1}) == [
        ("backup-retention-minimum", "Backups are kept 1 day(s); keep them at least 7 (backupRetentionPeriod).")
    ]


def test_rds_instance_without_a_retention_period_keeps_no_backups() -> None:
    assert RDS_INSTANCE.violations(without=["backupRetentionPeriod"]) == [
        ("backup-retention-minimum", "Backups are kept 0 day(s); keep them at least 7 (backupRetentionPeriod).")
    ]


def test_redshift_and_cache_retention_are_read_from_their_own_settings() -> None:
    assert REDSHIFT_CLUSTER.violations({"automatedSnapshotRetentionPeriod": 2}) == [
        (
            "backup-retention-minimum",
            "Backups are kept 2 day(s); keep them at least 7 (automatedSnapshotRetentionPeriod).",
        )
    ]
    assert ELASTICACHE_REPLICATION_GROUP.violations(without=["snapshotRetentionLimit"]) == [
        ("backup-retention-minimum", "Backups are kept 0 day(s); keep them at least 7 (snapshotRetentionLimit).")
    ]


def test_backup_minimum_comes_from_the_policy_config() -> None:
    config = {"backup-retention-minimum": {"minimumDays": 21}}
    assert RDS_INSTANCE.violations(config=config) == [
        ("backup-retention-minimum", "Backups are kept 14 day(s); keep them at least 21 (backupRetentionPeriod).")
    ]


def test_aurora_instance_and_replica_back_up_elsewhere() -> None:
    aurora = {"engine": "aurora-postgresql", "instanceClass": "db.serverless"}
    assert RDS_INSTANCE.violations(aurora, without=["backupRetentionPeriod"]) == []
    assert RDS_INSTANCE.violations({"replicateSourceDb": "paved-db"}, without=["backupRetentionPeriod"]) == []


def test_retention_unknown_during_preview_is_not_reported() -> None:
    assert DOCDB_CLUSTER.violations({"backupRetentionPeriod": UNKNOWN}) == []


def test_dynamodb_table_without_point_in_time_recovery_is_reported() -> None:
    assert DYNAMODB_TABLE.violations(without=["pointInTimeRecovery"]) == [
        ("dynamodb-point-in-time-recovery", "DynamoDB table has no point-in-time recovery.")
    ]


def test_bucket_with_versioning_suspended_is_reported() -> None:
    resources = changed(compliant_stack(), "logs-versioning", {"versioningConfiguration": {"status": "Suspended"}})
    assert stack_violations(resources) == [
        ("s3-bucket-versioning-enabled", "logs: S3 bucket is not versioned: an overwrite or delete loses the object.")
    ]


def test_bucket_without_versioning_is_reported() -> None:
    assert stack_violations(without(compliant_stack(), "data-versioning")) == [
        ("s3-bucket-versioning-enabled", "data: S3 bucket is not versioned: an overwrite or delete loses the object.")
    ]


def test_inline_legacy_versioning_on_the_bucket_counts() -> None:
    resources = changed(without(compliant_stack(), "data-versioning"), "data", {"versioning": {"enabled": True}})
    assert stack_violations(resources) == []


@pytest.mark.parametrize("baseline", [S3_BUCKET, S3_BUCKET_V2, BACKUP_VAULT], ids=lambda b: b.type)
def test_force_destroy_is_reported(baseline: Baseline) -> None:
    assert baseline.violations({"forceDestroy": True}) == [
        ("no-force-destroy", "forceDestroy is true: deleting the resource deletes everything in it.")
    ]


def test_ecr_repository_with_force_delete_is_reported() -> None:
    assert ECR_REPOSITORY.violations({"forceDelete": True}) == [
        ("no-force-destroy", "forceDelete is true: deleting the resource deletes everything in it.")
    ]


def test_secret_without_a_recovery_window_is_reported() -> None:
    assert SECRET.violations({"recoveryWindowInDays": 0}) == [
        (
            "no-force-destroy",
            "recoveryWindowInDays is 0: deleting the secret destroys it at once, with no recovery window.",
        )
    ]


def test_secret_without_the_setting_keeps_the_default_recovery_window() -> None:
    assert SECRET.violations(without=["recoveryWindowInDays"]) == []


def test_kms_key_without_rotation_is_reported() -> None:
    assert KMS_KEY.violations(without=["enableKeyRotation"]) == [
        ("kms-key-rotation-enabled", "KMS key does not rotate (enableKeyRotation defaults to false).")
    ]


def test_asymmetric_key_cannot_rotate_and_is_not_reported() -> None:
    changes = {"customerMasterKeySpec": "RSA_2048", "keyUsage": "SIGN_VERIFY"}
    assert KMS_KEY.violations(changes, without=["enableKeyRotation"]) == []


def test_kms_key_deletion_window_below_the_configured_minimum_is_reported() -> None:
    config = {"kms-key-deletion-window": {"minimumDays": 30}}
    assert KMS_KEY.violations({"deletionWindowInDays": 7}, config=config) == [
        ("kms-key-deletion-window", "KMS key deletion window is 7 days; keep at least 30.")
    ]


def test_kms_key_without_a_deletion_window_waits_the_provider_default_30_days() -> None:
    assert (
        KMS_KEY.violations(without=["deletionWindowInDays"], config={"kms-key-deletion-window": {"minimumDays": 30}})
        == []
    )
