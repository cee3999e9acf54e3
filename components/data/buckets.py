"""S3 buckets from config, built from pulumi-aws v7's separate bucket resources.

Every bucket: default encryption (SSE-KMS with the stack key and a bucket key; the logs bucket
SSE-S3, see ``log_delivery``), SSE-C uploads blocked, all four public access block settings,
ACLs disabled (``BucketOwnerEnforced``), a TLS-only bucket policy (unless another tier writes the
bucket's policy), lifecycle rules, and server access logs into the logs bucket. Versioning on
every bucket holding user data and on every bucket of a protected stack, where buckets and their
settings are also retained if the stack deletes them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components.account import AwsAccount
from components.bucket_policy import Statement, bucket_policy_document
from components.config.buckets import Bucket as BucketSettings
from components.data.log_delivery import S3_ACCESS_LOG_PREFIX, log_delivery_statements
from components.outputs import BucketOutputs

ABORT_INCOMPLETE_UPLOADS_DAYS = 7
USER_DATA_PURPOSES = frozenset({"uploads", "data"})


@dataclass(frozen=True, kw_only=True)
class BucketInputs:
    """What the buckets part needs from the tier."""

    buckets: Sequence[BucketSettings]
    account: AwsAccount
    key_arn: pulumi.Input[str]
    protect: bool
    policy_managed_elsewhere: frozenset[str] = frozenset()
    log_deliveries: frozenset[str] = frozenset()


def is_versioned(bucket: BucketSettings, *, protect: bool) -> bool:
    """An explicit setting wins (config rejects ``false`` where it is not allowed); otherwise
    user data and every bucket of a protected stack are versioned."""
    if bucket.versioning is not None:
        return bucket.versioning
    return protect or bucket.purpose in USER_DATA_PURPOSES


def uses_kms(bucket: BucketSettings) -> bool:
    """The logs bucket is SSE-S3: S3 server access logs and ALB logs cannot be written with KMS."""
    return bucket.purpose != "logs"


def _rule_id(prefix: str) -> str:
    """``temporary-tmp`` for ``tmp/``: unique, as config rejects repeated prefixes."""
    return "temporary-" + prefix.removesuffix("/")


def lifecycle_rules(bucket: BucketSettings, *, versioned: bool) -> list[aws.s3.BucketLifecycleConfigurationRuleArgs]:
    """Abort stale multipart uploads; transitions and expiry per config; expire old versions and temporary prefixes."""
    whole_bucket = aws.s3.BucketLifecycleConfigurationRuleFilterArgs(prefix="")
    rules = [
        aws.s3.BucketLifecycleConfigurationRuleArgs(
            id="abort-incomplete-multipart-uploads",
            status="Enabled",
            filter=whole_bucket,
            abort_incomplete_multipart_upload=aws.s3.BucketLifecycleConfigurationRuleAbortIncompleteMultipartUploadArgs(
                days_after_initiation=ABORT_INCOMPLETE_UPLOADS_DAYS
            ),
        )
    ]
    if bucket.transitions or bucket.expiration_days:
        rules.append(
            aws.s3.BucketLifecycleConfigurationRuleArgs(
                id="current-versions",
                status="Enabled",
                filter=whole_bucket,
                transitions=[
                    aws.s3.BucketLifecycleConfigurationRuleTransitionArgs(days=t.days, storage_class=t.storage_class)
                    for t in bucket.transitions
                ]
                or None,
                expiration=(
                    aws.s3.BucketLifecycleConfigurationRuleExpirationArgs(days=bucket.expiration_days)
                    if bucket.expiration_days
                    else None
                ),
            )
        )
    if versioned:
        rules.append(
            aws.s3.BucketLifecycleConfigurationRuleArgs(
                id="noncurrent-versions",
                status="Enabled",
                filter=whole_bucket,
                noncurrent_version_expiration=aws.s3.BucketLifecycleConfigurationRuleNoncurrentVersionExpirationArgs(
                    noncurrent_days=bucket.noncurrent_version_expiration_days
                ),
            )
        )
    rules.extend(
        aws.s3.BucketLifecycleConfigurationRuleArgs(
            id=_rule_id(prefix),
            status="Enabled",
            filter=aws.s3.BucketLifecycleConfigurationRuleFilterArgs(prefix=prefix),
            expiration=aws.s3.BucketLifecycleConfigurationRuleExpirationArgs(days=bucket.temporary_expiration_days),
            noncurrent_version_expiration=(
                aws.s3.BucketLifecycleConfigurationRuleNoncurrentVersionExpirationArgs(noncurrent_days=1)
                if versioned
                else None
            ),
        )
        for prefix in bucket.temporary_prefixes
    )
    return rules


def _encryption_rule(
    bucket: BucketSettings, key_arn: pulumi.Input[str]
) -> aws.s3.BucketServerSideEncryptionConfigurationRuleArgs:
    if uses_kms(bucket):
        default = aws.s3.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs(
            sse_algorithm="aws:kms", kms_master_key_id=key_arn
        )
        return aws.s3.BucketServerSideEncryptionConfigurationRuleArgs(
            apply_server_side_encryption_by_default=default, bucket_key_enabled=True, blocked_encryption_types=["SSE-C"]
        )
    default = aws.s3.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs(
        sse_algorithm="AES256"
    )
    return aws.s3.BucketServerSideEncryptionConfigurationRuleArgs(
        apply_server_side_encryption_by_default=default, blocked_encryption_types=["SSE-C"]
    )


class _BucketParts:
    """One bucket and its settings resources, created in a chain so S3 never sees two
    configuration changes to the same bucket at once."""

    def __init__(self, name: str, settings: BucketSettings, inputs: BucketInputs, opts: pulumi.ResourceOptions) -> None:
        self.name = name
        self.settings = settings
        self.opts = opts
        # protect: the engine refuses to delete or replace a prod bucket (and analyzers can see it,
        # unlike retain_on_delete, which the engine never sends them).
        self.bucket = aws.s3.Bucket(name, opts=opts.merge(pulumi.ResourceOptions(protect=inputs.protect)))
        self.last: pulumi.Resource = self.bucket
        self.versioned = is_versioned(settings, protect=inputs.protect)
        self._then(
            aws.s3.BucketPublicAccessBlock,
            "public-access-block",
            block_public_acls=True,
            block_public_policy=True,
            ignore_public_acls=True,
            restrict_public_buckets=True,
        )
        self._then(
            aws.s3.BucketOwnershipControls,
            "ownership",
            rule=aws.s3.BucketOwnershipControlsRuleArgs(object_ownership="BucketOwnerEnforced"),
        )
        self._then(
            aws.s3.BucketServerSideEncryptionConfiguration,
            "encryption",
            rules=[_encryption_rule(settings, inputs.key_arn)],
        )
        if self.versioned:
            self._then(
                aws.s3.BucketVersioning,
                "versioning",
                versioning_configuration=aws.s3.BucketVersioningVersioningConfigurationArgs(status="Enabled"),
            )
        self._then(
            aws.s3.BucketLifecycleConfiguration,
            "lifecycle",
            rules=lifecycle_rules(settings, versioned=self.versioned),
        )

    def _then(
        self,
        kind: Callable[..., pulumi.CustomResource],
        role: str,
        *,
        after: Sequence[pulumi.Resource] = (),
        **props: object,
    ) -> pulumi.CustomResource:
        opts = self.opts.merge(pulumi.ResourceOptions(depends_on=[self.last, *after]))
        resource = kind(f"{self.name}-{role}", bucket=self.bucket.id, opts=opts, **props)
        self.last = resource
        return resource

    def log_to(self, logs: _BucketParts) -> None:
        """Server access logs into ``logs``, once its policy lets S3 write them."""
        self._then(
            aws.s3.BucketLogging,
            "access-logs",
            after=[logs.last],
            target_bucket=logs.bucket.id,
            target_prefix=f"{S3_ACCESS_LOG_PREFIX}{self.settings.name}/",
            target_object_key_format=aws.s3.BucketLoggingTargetObjectKeyFormatArgs(
                partitioned_prefix=aws.s3.BucketLoggingTargetObjectKeyFormatPartitionedPrefixArgs(
                    partition_date_source="EventTime"
                )
            ),
        )

    def set_policy(self, *grants: Statement) -> None:
        self._then(aws.s3.BucketPolicy, "policy", policy=bucket_policy_document(self.bucket.arn, *grants))

    def outputs(self) -> BucketOutputs:
        return BucketOutputs(
            purpose=self.settings.purpose,
            name=self.bucket.bucket,
            arn=self.bucket.arn,
            regional_domain_name=self.bucket.bucket_regional_domain_name,
        )


def build_buckets(name: str, inputs: BucketInputs, child: pulumi.ResourceOptions) -> Mapping[str, BucketOutputs]:
    """Every configured bucket, keyed by its config name; the logs bucket first, as the others log to it."""
    if not inputs.buckets:
        return {}
    unknown = sorted(inputs.policy_managed_elsewhere - {b.name for b in inputs.buckets})
    if unknown:
        raise ValueError(f"policy_managed_elsewhere names buckets that are not configured: {unknown}")
    opts = child.merge(pulumi.ResourceOptions(retain_on_delete=inputs.protect))
    ordered = sorted(inputs.buckets, key=lambda b: b.purpose != "logs")
    if ordered[0].purpose != "logs":
        raise ValueError("buckets need a bucket with purpose 'logs' to receive their server access logs")
    if ordered[0].name in inputs.policy_managed_elsewhere:
        raise ValueError(
            f"the logs bucket {ordered[0].name!r} carries the log delivery grants; its policy is written here"
        )
    parts = {settings.name: _BucketParts(f"{name}-{settings.name}", settings, inputs, opts) for settings in ordered}
    logs, *others = parts.values()
    logs.set_policy(
        *log_delivery_statements(
            logs.bucket.arn,
            source_bucket_arns=[part.bucket.arn for part in others],
            deliveries=sorted(inputs.log_deliveries),
            account=inputs.account,
        )
    )
    for part in others:
        part.log_to(logs)
        if part.settings.name not in inputs.policy_managed_elsewhere:
            part.set_policy()
    return {settings.name: parts[settings.name].outputs() for settings in inputs.buckets}
