"""Who may write into the logs bucket, and where: one bucket policy grant per log delivery service.

The logs bucket receives three kinds of logs, each under its own prefix:

| delivery | writer | prefix |
|---|---|---|
| S3 server access logs of the stack's other buckets | ``logging.s3.amazonaws.com`` | ``s3-access/<bucket>/`` |
| CloudFront standard logs v2 (CloudWatch Logs delivery) | ``delivery.logs.amazonaws.com`` | ``cloudfront/`` |
| Application Load Balancer access logs | ELB log delivery | ``alb/AWSLogs/<account>/`` |

All three are authorised by the bucket policy alone, so the bucket keeps ACLs disabled
(``BucketOwnerEnforced``), like every paved bucket. That rules out CloudFront's *legacy* standard
logging, which needs ACLs: the cdn tier uses standard logging v2 instead. S3 server access logs
and ALB access logs can only be written to a bucket encrypted with SSE-S3 (neither service can use
a KMS key), which is why the logs bucket uses SSE-S3 and the others SSE-KMS.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, get_args

import pulumi

from components.account import AwsAccount
from components.bucket_policy import Statement

LogDelivery = Literal["cloudfront", "alb"]
"""Log deliveries another tier may point at the logs bucket (S3 server access logs are always on)."""

LOG_DELIVERIES: tuple[str, ...] = get_args(LogDelivery)

S3_ACCESS_LOG_PREFIX = "s3-access/"
CLOUDFRONT_LOG_PREFIX = "cloudfront/"
ALB_LOG_PREFIX = "alb"
"""The ALB's ``access_logs.prefix``; it writes under ``alb/AWSLogs/<account>/elasticloadbalancing/``."""

CLOUDFRONT_LOG_REGION = "us-east-1"
"""CloudFront's log delivery sources live in us-east-1, whatever the stack's region."""

ELB_ACCOUNTS: dict[str, str] = {
    "us-east-1": "127311923021",
    "us-east-2": "033677994240",
    "us-west-1": "027434742980",
    "us-west-2": "797873946194",
    "af-south-1": "098369216593",
    "ap-east-1": "754344448648",
    "ap-south-1": "718504428378",
    "ap-northeast-1": "582318560864",
    "ap-northeast-2": "600734575887",
    "ap-northeast-3": "383597477331",
    "ap-southeast-1": "114774131450",
    "ap-southeast-2": "783225319266",
    "ap-southeast-3": "589379963580",
    "ca-central-1": "985666609251",
    "eu-central-1": "054676820928",
    "eu-west-1": "156460612806",
    "eu-west-2": "652711504416",
    "eu-west-3": "009996457667",
    "eu-south-1": "635631232127",
    "eu-north-1": "897822967062",
    "me-south-1": "076674570225",
    "sa-east-1": "507241528517",
}
"""Elastic Load Balancing's log-writing account in each region that predates August 2022.

Source: "Enable access logs for your Application Load Balancer", Elastic Load Balancing user guide.
Regions opened since then are written to by the ``logdelivery.elasticloadbalancing.amazonaws.com``
service principal, which is granted in every region.
"""


def s3_access_log_statements(
    logs_bucket_arn: pulumi.Input[str],
    source_bucket_arns: Sequence[pulumi.Input[str]],
    account: AwsAccount,
) -> list[Statement]:
    """S3 server access logging may write under ``s3-access/``, for this account's listed buckets only."""
    if not source_bucket_arns:
        return []
    return [
        {
            "Sid": "S3ServerAccessLogsWrite",
            "Effect": "Allow",
            "Principal": {"Service": "logging.s3.amazonaws.com"},
            "Action": "s3:PutObject",
            "Resource": pulumi.Output.concat(logs_bucket_arn, "/", S3_ACCESS_LOG_PREFIX, "*"),
            "Condition": {
                "ArnLike": {"aws:SourceArn": list(source_bucket_arns)},
                "StringEquals": {"aws:SourceAccount": account.account_id},
            },
        }
    ]


def cloudfront_log_statements(logs_bucket_arn: pulumi.Input[str], account: AwsAccount) -> list[Statement]:
    """CloudFront standard logging v2 may write under ``cloudfront/``, from this account's delivery sources."""
    condition = {
        "StringEquals": {"aws:SourceAccount": account.account_id},
        "ArnLike": {
            "aws:SourceArn": pulumi.Output.concat(
                "arn:", account.partition, f":logs:{CLOUDFRONT_LOG_REGION}:", account.account_id, ":delivery-source:*"
            )
        },
    }
    return [
        {
            "Sid": "CloudFrontLogsWrite",
            "Effect": "Allow",
            "Principal": {"Service": "delivery.logs.amazonaws.com"},
            "Action": "s3:PutObject",
            "Resource": pulumi.Output.concat(logs_bucket_arn, "/", CLOUDFRONT_LOG_PREFIX, "*"),
            "Condition": {
                **condition,
                "StringEquals": {**condition["StringEquals"], "s3:x-amz-acl": "bucket-owner-full-control"},
            },
        },
        {
            "Sid": "CloudFrontLogsAclCheck",
            "Effect": "Allow",
            "Principal": {"Service": "delivery.logs.amazonaws.com"},
            "Action": "s3:GetBucketAcl",
            "Resource": logs_bucket_arn,
            "Condition": condition,
        },
    ]


def alb_log_statements(logs_bucket_arn: pulumi.Input[str], account: AwsAccount) -> list[Statement]:
    """ELB may write this account's load balancer logs under ``alb/AWSLogs/<account>/``."""
    resource = pulumi.Output.concat(logs_bucket_arn, "/", ALB_LOG_PREFIX, "/AWSLogs/", account.account_id, "/*")
    statements: list[Statement] = [
        {
            "Sid": "AlbLogsWrite",
            "Effect": "Allow",
            "Principal": {"Service": "logdelivery.elasticloadbalancing.amazonaws.com"},
            "Action": "s3:PutObject",
            "Resource": resource,
        }
    ]
    elb_account = ELB_ACCOUNTS.get(account.region)
    if elb_account is not None:
        statements.append(
            {
                "Sid": "AlbLogsWriteRegionalElbAccount",
                "Effect": "Allow",
                "Principal": {"AWS": pulumi.Output.concat("arn:", account.partition, f":iam::{elb_account}:root")},
                "Action": "s3:PutObject",
                "Resource": resource,
            }
        )
    return statements


def log_delivery_statements(
    logs_bucket_arn: pulumi.Input[str],
    *,
    source_bucket_arns: Sequence[pulumi.Input[str]],
    deliveries: Iterable[str],
    account: AwsAccount,
) -> list[Statement]:
    """Every grant the logs bucket needs: S3 access logs of ``source_bucket_arns`` plus ``deliveries``."""
    unknown = sorted(set(deliveries) - set(LOG_DELIVERIES))
    if unknown:
        raise ValueError(f"unknown log deliveries {unknown} (accepted: {', '.join(LOG_DELIVERIES)})")
    statements = s3_access_log_statements(logs_bucket_arn, source_bucket_arns, account)
    if "cloudfront" in deliveries:
        statements += cloudfront_log_statements(logs_bucket_arn, account)
    if "alb" in deliveries:
        statements += alb_log_statements(logs_bucket_arn, account)
    return statements
