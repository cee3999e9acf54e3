"""data-protection: an update never loses data — stateful resources are protected, deletion
protection and final snapshots are on, backups are kept long enough, keys rotate. Advisory by
default; ``policies/config/prod.json`` makes them mandatory."""

from __future__ import annotations

from pulumi_policy import ResourceValidationArgs, Severity, StackValidationArgs

from paved_policies import types as t
from paved_policies.joins import StackIndex, UnresolvedError
from paved_policies.policy import DATA_PROTECTION, STACK, Equivalents, Report, define_policy
from paved_policies.props import get, items, number, text, truth
from paved_policies.unknown import UNKNOWN

STATEFUL_TYPES = (
    t.RDS_INSTANCE,
    t.RDS_CLUSTER,
    t.RDS_GLOBAL_CLUSTER,
    t.DOCDB_CLUSTER,
    t.NEPTUNE_CLUSTER,
    t.REDSHIFT_CLUSTER,
    t.DYNAMODB_TABLE,
    *t.S3_BUCKETS,
    t.EFS_FILE_SYSTEM,
    t.EBS_VOLUME,
    t.ELASTICACHE_REPLICATION_GROUP,
    *t.OPENSEARCH_DOMAINS,
    t.KMS_KEY,
    t.COGNITO_USER_POOL,
    t.BACKUP_VAULT,
)


def _protected(args: ResourceValidationArgs, report: Report) -> None:
    if not args.opts.protect:
        report("Stateful resource is not protected: a mistaken update or destroy can delete it.")


stateful_resource_protected = define_policy(
    name="stateful-resource-protected",
    description=(
        "Checks that stateful resources (databases, tables, buckets, file systems, keys, user pools…) carry the "
        "protect option."
    ),
    validate=_protected,
    resource_types=STATEFUL_TYPES,
    category=DATA_PROTECTION,
    severity=Severity.HIGH,
    remediation_steps=(
        "Set paved:protection.enabled: true (required in prod); paved's tiers then pass protect and retainOnDelete."
    ),
)


def _deletion_protection(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    key = "enableDeletionProtection" if args.resource_type in t.LOAD_BALANCERS else "deletionProtection"
    if args.resource_type == t.DYNAMODB_TABLE:
        key = "deletionProtectionEnabled"
    value = get(props, key)
    if args.resource_type == t.COGNITO_USER_POOL:
        if value is not UNKNOWN and text(value) != "ACTIVE":
            report("Cognito user pool deletion protection is not ACTIVE (defaults to INACTIVE).")
        return
    if truth(value, default=False) is False:
        report(f"Deletion protection is off ({key} defaults to false).")


deletion_protection_enabled = define_policy(
    name="deletion-protection-enabled",
    description="Checks that databases, DynamoDB tables and Cognito user pools have deletion protection on.",
    validate=_deletion_protection,
    resource_types=[
        t.RDS_INSTANCE,
        t.RDS_CLUSTER,
        t.RDS_GLOBAL_CLUSTER,
        t.DOCDB_CLUSTER,
        t.NEPTUNE_CLUSTER,
        t.DYNAMODB_TABLE,
        t.COGNITO_USER_POOL,
    ],
    category=DATA_PROTECTION,
    severity=Severity.HIGH,
    remediation_steps=(
        "paved sets deletion protection on every stateful resource when paved:protection.enabled is true."
    ),
    equivalents=Equivalents(cdk_nag=("AwsSolutions-RDS10",), checkov=("CKV_AWS_139", "CKV_AWS_293")),
)


def _final_snapshot(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "skipFinalSnapshot"), default=False) is True:
        report("Deleting the database skips its final snapshot (skipFinalSnapshot is true).")


database_final_snapshot = define_policy(
    name="database-final-snapshot",
    description="Checks that databases take a final snapshot when deleted.",
    validate=_final_snapshot,
    resource_types=[t.RDS_INSTANCE, t.RDS_CLUSTER, t.DOCDB_CLUSTER, t.NEPTUNE_CLUSTER, t.REDSHIFT_CLUSTER],
    category=DATA_PROTECTION,
    severity=Severity.HIGH,
    remediation_steps="Set skipFinalSnapshot: false with a finalSnapshotIdentifier (paved does in prod).",
)

_RETENTION_KEYS = {
    t.RDS_INSTANCE: ("backupRetentionPeriod", 0.0),
    t.RDS_CLUSTER: ("backupRetentionPeriod", 1.0),
    t.DOCDB_CLUSTER: ("backupRetentionPeriod", 1.0),
    t.NEPTUNE_CLUSTER: ("backupRetentionPeriod", 1.0),
    t.REDSHIFT_CLUSTER: ("automatedSnapshotRetentionPeriod", 1.0),
    t.ELASTICACHE_REPLICATION_GROUP: ("snapshotRetentionLimit", 0.0),
}


def _backup_retention(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if args.resource_type == t.RDS_INSTANCE and get(props, "replicateSourceDb") is not None:
        return  # replicas keep no automated backups of their own
    if args.resource_type == t.RDS_INSTANCE and str(get(props, "engine")).startswith("aurora"):
        return  # Aurora instances back up through their cluster
    key, default = _RETENTION_KEYS[args.resource_type]
    minimum = number(args.get_config().get("minimumDays", 7))
    days = number(get(props, key))
    if days is UNKNOWN or not isinstance(minimum, float):
        return
    kept = days if isinstance(days, float) else default
    if kept < minimum:
        report(f"Backups are kept {kept:g} day(s); keep them at least {minimum:g} ({key}).")


backup_retention_minimum = define_policy(
    name="backup-retention-minimum",
    description=(
        "Checks that databases and caches keep automated backups for at least the configured days (7 by default)."
    ),
    validate=_backup_retention,
    resource_types=list(_RETENTION_KEYS),
    category=DATA_PROTECTION,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Raise paved:data.postgres.backupRetentionDays (14 or more in prod) or the resource's retention property."
    ),
    config={"minimumDays": {"type": "number", "minimum": 1, "maximum": 35, "default": 7}},
    equivalents=Equivalents(
        awsguard=("rds-instance-backup-enabled",),
        cdk_nag=("AwsSolutions-RDS13", "AwsSolutions-DOC4", "AwsSolutions-N3", "AwsSolutions-RS10"),
        checkov=("CKV_AWS_133", "CKV_AWS_360"),
    ),
)


def _dynamodb_pitr(args: ResourceValidationArgs, report: Report) -> None:
    if truth(get(args.props, "pointInTimeRecovery", "enabled"), default=False) is False:
        report("DynamoDB table has no point-in-time recovery.")


dynamodb_point_in_time_recovery = define_policy(
    name="dynamodb-point-in-time-recovery",
    description="Checks that DynamoDB tables have point-in-time recovery on.",
    validate=_dynamodb_pitr,
    resource_types=[t.DYNAMODB_TABLE],
    category=DATA_PROTECTION,
    severity=Severity.MEDIUM,
    remediation_steps="Set pointInTimeRecovery: {enabled: true}; paved:data.tables always are.",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-DDB3",), checkov=("CKV_AWS_28",)),
)


def _versioning_state(props: object) -> object:
    """Inline (deprecated) bucket versioning: True/False, ``UNKNOWN``, or ``None`` if absent."""
    for key in ("versioning", "versionings"):
        block = get(props, key)
        if block is UNKNOWN:
            return UNKNOWN
        for entry in items(block):
            return truth(get(entry, "enabled"), default=False)
    return None


def _bucket_versioning(args: StackValidationArgs, report: Report) -> None:
    stack = StackIndex(args.resources)
    buckets = stack.of_types(t.S3_BUCKETS)
    state: dict[str, object] = {}
    for bucket in buckets:
        inline = _versioning_state(bucket.props)
        if inline is not None:
            state[bucket.urn] = inline
    for versioning in stack.of_types(t.S3_VERSIONINGS):
        status = get(versioning.props, "versioningConfiguration", "status")
        enabled = UNKNOWN if status is UNKNOWN else status == "Enabled"
        try:
            targets = stack.referenced(versioning, "bucket", t.S3_BUCKETS)
        except UnresolvedError:
            targets, enabled = buckets, UNKNOWN
        for bucket in targets:
            if state.get(bucket.urn) is not True:
                state[bucket.urn] = enabled
    for bucket in buckets:
        if state.get(bucket.urn, False) is False:
            report("S3 bucket is not versioned: an overwrite or delete loses the object.", bucket.urn)


s3_bucket_versioning_enabled = define_policy(
    name="s3-bucket-versioning-enabled",
    kind=STACK,
    description="Checks that every S3 bucket has versioning enabled.",
    validate=_bucket_versioning,
    resource_types=t.S3_BUCKETS,
    category=DATA_PROTECTION,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Add an aws.s3.BucketVersioning with status Enabled (paved:data.buckets[].versioning; user-data "
        "buckets are always versioned) and a noncurrent-version lifecycle rule."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_21",)),
)


def _no_force_destroy(args: ResourceValidationArgs, report: Report) -> None:
    if args.resource_type == t.SECRET:
        if number(get(args.props, "recoveryWindowInDays")) == 0:
            report("recoveryWindowInDays is 0: deleting the secret destroys it at once, with no recovery window.")
        return
    key = "forceDelete" if args.resource_type == t.ECR_REPOSITORY else "forceDestroy"
    if truth(get(args.props, key), default=False) is True:
        report(f"{key} is true: deleting the resource deletes everything in it.")


no_force_destroy = define_policy(
    name="no-force-destroy",
    description=(
        "Checks that buckets, backup vaults and repositories never delete their contents on destroy, and that "
        "secrets keep a recovery window."
    ),
    validate=_no_force_destroy,
    resource_types=[*t.S3_BUCKETS, t.BACKUP_VAULT, t.ECR_REPOSITORY, t.SECRET],
    category=DATA_PROTECTION,
    severity=Severity.MEDIUM,
    remediation_steps=(
        "Remove forceDestroy/forceDelete and empty the bucket deliberately before deleting it; keep a secret's "
        "recoveryWindowInDays at 7 or more (paved uses 30 in prod)."
    ),
)


def _kms_rotation(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    spec = get(props, "customerMasterKeySpec")
    usage = get(props, "keyUsage")
    if spec is UNKNOWN or usage is UNKNOWN or get(props, "customKeyStoreId") is not None:
        return
    if str(spec or "SYMMETRIC_DEFAULT") != "SYMMETRIC_DEFAULT" or str(usage or "ENCRYPT_DECRYPT") != "ENCRYPT_DECRYPT":
        return  # AWS rotates only symmetric encryption keys in KMS key stores
    if truth(get(props, "enableKeyRotation"), default=False) is False:
        report("KMS key does not rotate (enableKeyRotation defaults to false).")


kms_key_rotation_enabled = define_policy(
    name="kms-key-rotation-enabled",
    description="Checks that symmetric KMS keys rotate automatically.",
    validate=_kms_rotation,
    resource_types=[t.KMS_KEY],
    category=DATA_PROTECTION,
    severity=Severity.MEDIUM,
    remediation_steps="Set enableKeyRotation: true (components/encryption.py rotates the stack key yearly).",
    equivalents=Equivalents(
        awsguard=("cmk-backing-key-rotation-enabled",), cdk_nag=("AwsSolutions-KMS5",), checkov=("CKV_AWS_7",)
    ),
)


def _kms_deletion_window(args: ResourceValidationArgs, report: Report) -> None:
    days = number(get(args.props, "deletionWindowInDays"))
    minimum = number(args.get_config().get("minimumDays", 7))
    if days is UNKNOWN or not isinstance(minimum, float):
        return
    window = days if isinstance(days, float) else 30.0
    if window < minimum:
        report(f"KMS key deletion window is {window:g} days; keep at least {minimum:g}.")


kms_key_deletion_window = define_policy(
    name="kms-key-deletion-window",
    description="Checks that a KMS key scheduled for deletion waits at least the configured days (7 by default).",
    validate=_kms_deletion_window,
    resource_types=[t.KMS_KEY],
    category=DATA_PROTECTION,
    severity=Severity.MEDIUM,
    remediation_steps="Set deletionWindowInDays (paved uses 30 in prod, 7 in dev).",
    config={"minimumDays": {"type": "number", "minimum": 7, "maximum": 30, "default": 7}},
)
