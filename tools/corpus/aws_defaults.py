"""Rules whose finding on an *unset* property is an AWS default that has since changed (issue 19).

Such a rule fails a resource that leaves the setting out, although AWS now applies the secure
value itself: the corpus keeps the suites' labels as they are, the inventory marks the rule with
``default_changed``, and the measurement counts a label of such a rule apart when the resource
leaves every property the rule reads unset — a pack that judges the real default is not counted as
missing it. A resource that sets the property to the insecure value is counted as usual.
"""

from __future__ import annotations

from typing import Final

S3_ENCRYPTION: Final = (
    "Amazon S3 encrypts every new object with SSE-S3 since 5 January 2023 "
    "(https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html)"
)
S3_PUBLIC_ACCESS: Final = (
    "New S3 buckets block public access and have ACLs disabled since April 2023 "
    "(https://aws.amazon.com/blogs/aws/heads-up-amazon-s3-security-changes-are-coming-in-april-of-2023/)"
)
SQS_ENCRYPTION: Final = (
    "New SQS queues use SSE-SQS unless told otherwise since 2022 "
    "(https://aws.amazon.com/blogs/compute/announcing-server-side-encryption-with-amazon-simple-queue-service"
    "-managed-encryption-keys-sse-sqs-by-default/)"
)
REDSHIFT_ENCRYPTION: Final = (
    "Amazon Redshift encrypts a cluster's database by default "
    "(https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html)"
)
REDSHIFT_PUBLIC: Final = (
    "A Redshift cluster is not publicly accessible unless asked (pulumi-aws 7 redshift.Cluster: "
    "publicly_accessible 'Default is false')"
)
DYNAMODB_ENCRYPTION: Final = (
    "DynamoDB encrypts every table at rest, with an AWS owned key by default "
    "(https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html)"
)

CHANGED_DEFAULTS: Final = {
    "CKV_AWS_19": S3_ENCRYPTION,
    "CKV2_AWS_6": S3_PUBLIC_ACCESS,
    "CKV2_AWS_65": S3_PUBLIC_ACCESS,
    "AwsSolutions-S2": S3_PUBLIC_ACCESS,
    "CKV_AWS_27": SQS_ENCRYPTION,
    "AwsSolutions-SQS2": SQS_ENCRYPTION,
    "CKV_AWS_64": REDSHIFT_ENCRYPTION,
    "AwsSolutions-RS6": REDSHIFT_ENCRYPTION,
    "CKV_AWS_87": REDSHIFT_PUBLIC,
    "AwsSolutions-RS8": REDSHIFT_PUBLIC,
}
"""Inventory id → the default that changed (what, since when, the AWS source)."""

KICS_CHANGED_DEFAULTS: Final = {
    "dynamodb_table_not_encrypted": DYNAMODB_ENCRYPTION,
    "sqs_with_sse_disabled": SQS_ENCRYPTION,
    "redshift_not_encrypted": REDSHIFT_ENCRYPTION,
    "redshift_publicly_accessible": REDSHIFT_PUBLIC,
}
"""KICS query directory → the default that changed."""
