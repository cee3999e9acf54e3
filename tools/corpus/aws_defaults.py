"""Rules whose finding on an *unset* property is an AWS default that has since changed (issue 19).

Such a rule fails a resource that leaves the setting out, although AWS now applies the secure
value itself: the corpus keeps the suites' labels as they are, the inventory marks the rule with
``default_changed``, and the measurement counts a label of such a rule apart when the resource
leaves every property the rule reads unset — a pack that judges the real default is not counted as
missing it. A resource that sets the property to the insecure value is counted as usual.

The defaults themselves (what, since when, the AWS source, the day checked) are the pack's data,
``policies/paved_policies/data/aws_defaults.json``, which the policies read too; this module only
says which rules restate which of them.
"""

from __future__ import annotations

import json
from typing import Final

from tools.corpus.equivalents import REPO_ROOT

DEFAULTS_FILE: Final = REPO_ROOT / "policies" / "paved_policies" / "data" / "aws_defaults.json"


def cited(name: str) -> str:
    """A default of the data file as a sentence with its source."""
    entry = json.loads(DEFAULTS_FILE.read_text(encoding="utf-8"))["defaults"][name]
    return f"{entry['summary']} ({entry['source']})"


S3_ENCRYPTION: Final = cited("s3-default-encryption")
S3_PUBLIC_ACCESS: Final = cited("s3-block-public-access")
SQS_ENCRYPTION: Final = cited("sqs-managed-encryption")
REDSHIFT_ENCRYPTION: Final = cited("redshift-encryption")
REDSHIFT_PUBLIC: Final = cited("redshift-not-public")
DYNAMODB_ENCRYPTION: Final = cited("dynamodb-encryption")
EKS_ENVELOPE_ENCRYPTION: Final = cited("eks-envelope-encryption")
MSK_ENCRYPTION: Final = cited("msk-encryption")

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
    "CKV_AWS_58": EKS_ENVELOPE_ENCRYPTION,
    "CKV_AWS_81": MSK_ENCRYPTION,
}
"""Inventory id → the default that changed (what, since when, the AWS source)."""

KICS_CHANGED_DEFAULTS: Final = {
    "dynamodb_table_not_encrypted": DYNAMODB_ENCRYPTION,
    "sqs_with_sse_disabled": SQS_ENCRYPTION,
    "redshift_not_encrypted": REDSHIFT_ENCRYPTION,
    "redshift_publicly_accessible": REDSHIFT_PUBLIC,
    "eks_cluster_encryption_disabled": EKS_ENVELOPE_ENCRYPTION,
    "msk_cluster_encryption_disabled": MSK_ENCRYPTION,
    "s3_bucket_object_not_encrypted": S3_ENCRYPTION,
}
"""KICS query directory → the default that changed."""
