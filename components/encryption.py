"""The stack's customer-managed KMS key: every tier encrypts its data and logs with it.

One key per stack (not per data domain): a key costs $1 a month plus requests, and separate keys
per domain would only pay off with separate key administrators, which a stack does not have.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_aws as aws

from components.account import AwsAccount


@dataclass(frozen=True, kw_only=True)
class KeyGrants:
    """Services that use the key on the stack's behalf, beyond CloudWatch Logs, alarms and budgets."""

    cloudfront_origins: bool = False
    """CloudFront decrypts the SSE-KMS objects it reads through Origin Access Control."""
    ses_receipt_rule_set: str | None = None
    """SES encrypts the mail this receipt rule set stores in an SSE-KMS bucket."""


@dataclass(frozen=True, kw_only=True)
class EncryptionArgs:
    account: AwsAccount
    deletion_window_days: int = 30
    protect: bool = True
    grants: KeyGrants = KeyGrants()


class Encryption(pulumi.ComponentResource):
    """A rotating KMS key with an explicit key policy, and an alias naming it."""

    key_arn: pulumi.Output[str]
    key_id: pulumi.Output[str]

    def __init__(self, name: str, args: EncryptionArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("paved:encryption:Encryption", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        key = aws.kms.Key(
            f"{name}-key",
            description=f"paved {pulumi.get_stack()}: data, secrets and logs",
            enable_key_rotation=True,
            rotation_period_in_days=365,
            deletion_window_in_days=args.deletion_window_days,
            key_usage="ENCRYPT_DECRYPT",
            customer_master_key_spec="SYMMETRIC_DEFAULT",
            policy=key_policy(args.account, args.grants),
            opts=child.merge(pulumi.ResourceOptions(protect=args.protect)),
        )
        aws.kms.Alias(
            f"{name}-alias",
            name=f"alias/paved-{pulumi.get_stack()}",
            target_key_id=key.key_id,
            opts=child,
        )
        self.key_arn = key.arn
        self.key_id = key.key_id
        self.register_outputs({"keyArn": self.key_arn, "keyId": self.key_id})


def key_policy(account: AwsAccount, grants: KeyGrants = KeyGrants()) -> pulumi.Output[str]:
    """Account-root administration plus service principals, each scoped to this account."""
    statements = key_policy_statements(account, grants)
    return pulumi.Output.json_dumps({"Version": "2012-10-17", "Statement": statements})


def key_policy_statements(account: AwsAccount, grants: KeyGrants = KeyGrants()) -> list[dict[str, Any]]:
    """The key policy's statements: the base ones, then one per granted service."""
    statements = _base_statements(account) + alarm_topic_statements(account)
    if grants.cloudfront_origins:
        statements.append(cloudfront_origin_statement(account))
    if grants.ses_receipt_rule_set is not None:
        statements.append(ses_stores_mail_statement(account, grants.ses_receipt_rule_set))
    return statements


def ses_stores_mail_statement(account: AwsAccount, rule_set: str) -> dict[str, Any]:
    """SES may encrypt the mail its receipt rules store in a bucket whose default encryption is this key.

    S3 asks KMS for a data key on behalf of the writer, SES; the conditions hold SES to this
    account's rules of the stack's own rule set.
    """
    return {
        "Sid": "SesEncryptsStoredMail",
        "Effect": "Allow",
        "Principal": {"Service": "ses.amazonaws.com"},
        "Action": ["kms:Encrypt", "kms:GenerateDataKey"],
        "Resource": "*",
        "Condition": {
            "StringEquals": {"aws:SourceAccount": account.account_id},
            "ArnLike": {"aws:SourceArn": account.arn("ses", f"receipt-rule-set/{rule_set}:receipt-rule/*")},
        },
    }


def alarm_topic_statements(account: AwsAccount) -> list[dict[str, Any]]:
    """CloudWatch alarms and AWS Budgets may publish to this account's SNS topics encrypted with the key.

    SNS asks KMS for a data key on the publishing service's behalf, with the topic's ARN as
    encryption context; the conditions hold each service to this account's alarms or budgets
    and this account's topics in the stack's region.
    """
    topics = account.arn("sns", "*")
    publishers = (
        ("CloudWatchAlarmsPublishToEncryptedTopics", "cloudwatch.amazonaws.com", account.arn("cloudwatch", "alarm:*")),
        ("BudgetsPublishToEncryptedTopics", "budgets.amazonaws.com", account.arn("budgets", "*", regional=False)),
    )
    return [
        {
            "Sid": sid,
            "Effect": "Allow",
            "Principal": {"Service": service},
            "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
            "Resource": "*",
            "Condition": {
                "StringEquals": {"aws:SourceAccount": account.account_id},
                "ArnLike": {"aws:SourceArn": source},
                "StringLike": {"kms:EncryptionContext:aws:sns:topicArn": topics},
            },
        }
        for sid, service, source in publishers
    ]


def cloudfront_origin_statement(account: AwsAccount) -> dict[str, Any]:
    """CloudFront distributions of this account may decrypt the SSE-KMS objects they fetch through OAC.

    The condition names this account's distributions, not the one distribution: the key is created
    before any bucket, and the distribution after them, so naming its ARN here would make the key
    wait for the distribution. Which distribution may read is decided where the objects are: the
    assets bucket's policy grants ``s3:GetObject`` only to the stack's distribution ARN.
    """
    return {
        "Sid": "CloudFrontDecryptsOriginObjects",
        "Effect": "Allow",
        "Principal": {"Service": "cloudfront.amazonaws.com"},
        "Action": "kms:Decrypt",
        "Resource": "*",
        "Condition": {
            "StringEquals": {"aws:SourceAccount": account.account_id},
            "ArnLike": {"aws:SourceArn": account.arn("cloudfront", "distribution/*", regional=False)},
        },
    }


def _base_statements(account: AwsAccount) -> list[dict[str, Any]]:
    region = account.region
    return [
        {
            "Sid": "AccountRootAdministers",
            "Effect": "Allow",
            "Principal": {"AWS": account.root_arn},
            "Action": "kms:*",
            "Resource": "*",
        },
        {
            "Sid": "CloudWatchLogsEncryptsThisAccountsLogGroups",
            "Effect": "Allow",
            "Principal": {"Service": f"logs.{region}.amazonaws.com"},
            "Action": [
                "kms:Encrypt",
                "kms:Decrypt",
                "kms:ReEncryptFrom",
                "kms:ReEncryptTo",
                "kms:GenerateDataKey",
                "kms:GenerateDataKeyWithoutPlaintext",
                "kms:DescribeKey",
            ],
            "Resource": "*",
            "Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn": account.arn("logs", "log-group:*")}},
        },
    ]
