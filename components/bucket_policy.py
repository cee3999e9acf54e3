"""S3 bucket policy statements every paved bucket carries, as pure builders.

A bucket's policy is one document, so whichever tier writes a bucket's policy (the data tier for
most buckets, the cdn tier for the assets bucket it serves through Origin Access Control) starts
from ``transport_statements`` and adds its own grants, then renders the document with
``bucket_policy_document``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pulumi

Statement = dict[str, Any]
"""One IAM policy statement; values may be ``pulumi.Output``s (rendered by ``Output.json_dumps``)."""

MINIMUM_TLS_VERSION = "1.2"


def objects_arn(bucket_arn: pulumi.Input[str]) -> pulumi.Input[str]:
    """``<bucket ARN>/*``: every object of the bucket."""
    if isinstance(bucket_arn, str):
        return f"{bucket_arn}/*"
    return pulumi.Output.concat(bucket_arn, "/*")


def deny_insecure_transport(bucket_arn: pulumi.Input[str]) -> Statement:
    """Deny every request to the bucket and its objects that does not use TLS."""
    return {
        "Sid": "DenyInsecureTransport",
        "Effect": "Deny",
        "Principal": "*",
        "Action": "s3:*",
        "Resource": [bucket_arn, objects_arn(bucket_arn)],
        "Condition": {"Bool": {"aws:SecureTransport": "false"}},
    }


def deny_outdated_tls(bucket_arn: pulumi.Input[str], minimum: str = MINIMUM_TLS_VERSION) -> Statement:
    """Deny requests made over a TLS version older than ``minimum``."""
    return {
        "Sid": "DenyOutdatedTls",
        "Effect": "Deny",
        "Principal": "*",
        "Action": "s3:*",
        "Resource": [bucket_arn, objects_arn(bucket_arn)],
        "Condition": {"NumericLessThan": {"s3:TlsVersion": minimum}},
    }


def transport_statements(bucket_arn: pulumi.Input[str]) -> list[Statement]:
    """The statements that make a bucket TLS-only (TLS 1.2 or later)."""
    return [deny_insecure_transport(bucket_arn), deny_outdated_tls(bucket_arn)]


def policy_document(statements: Sequence[Statement]) -> dict[str, Any]:
    """A policy document holding ``statements``, with the current policy language version."""
    if not statements:
        raise ValueError("a bucket policy needs at least one statement")
    sids = [s["Sid"] for s in statements if "Sid" in s]
    if len(set(sids)) != len(sids):
        raise ValueError(f"statement ids repeat: {sids}")
    return {"Version": "2012-10-17", "Statement": list(statements)}


def bucket_policy_document(bucket_arn: pulumi.Input[str], *grants: Statement) -> pulumi.Output[str]:
    """The JSON policy of a TLS-only bucket, plus ``grants`` (each with its own ``Sid``)."""
    return pulumi.Output.json_dumps(policy_document([*transport_statements(bucket_arn), *grants]))
