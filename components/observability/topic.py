"""The alarm topic: SNS encrypted with the stack key, published to only by this account's alarms and
budgets, delivered to the configured e-mail addresses."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pulumi
import pulumi_aws as aws

from components.account import AwsAccount


def topic_policy_statements(topic_arn: pulumi.Input[str], account: AwsAccount) -> list[dict[str, Any]]:
    """CloudWatch alarms and AWS Budgets of this account may publish; nothing may use plain HTTP."""
    alarms = account.arn("cloudwatch", "alarm:*")
    budgets = account.arn("budgets", "*", regional=False)
    return [
        {
            "Sid": "CloudWatchAlarmsPublish",
            "Effect": "Allow",
            "Principal": {"Service": "cloudwatch.amazonaws.com"},
            "Action": "sns:Publish",
            "Resource": topic_arn,
            "Condition": {
                "StringEquals": {"aws:SourceAccount": account.account_id},
                "ArnLike": {"aws:SourceArn": alarms},
            },
        },
        {
            "Sid": "BudgetsPublish",
            "Effect": "Allow",
            "Principal": {"Service": "budgets.amazonaws.com"},
            "Action": "sns:Publish",
            "Resource": topic_arn,
            "Condition": {
                "StringEquals": {"aws:SourceAccount": account.account_id},
                "ArnLike": {"aws:SourceArn": budgets},
            },
        },
        {
            "Sid": "DenyInsecureTransport",
            "Effect": "Deny",
            "Principal": "*",
            "Action": ["sns:Publish", "sns:Subscribe", "sns:Receive"],
            "Resource": topic_arn,
            "Condition": {"Bool": {"aws:SecureTransport": "false"}},
        },
    ]


def alarm_topic(
    name: str,
    *,
    key_arn: pulumi.Input[str],
    account: AwsAccount,
    emails: Sequence[str],
    opts: pulumi.ResourceOptions,
) -> aws.sns.Topic:
    """The topic, its policy and one e-mail subscription per address (each confirmed by its owner)."""
    topic = aws.sns.Topic(
        name,
        display_name=f"paved {pulumi.get_stack()} alarms",
        kms_master_key_id=key_arn,
        opts=opts,
    )
    aws.sns.TopicPolicy(
        f"{name}-policy",
        arn=topic.arn,
        policy=pulumi.Output.json_dumps(
            {"Version": "2012-10-17", "Statement": topic_policy_statements(topic.arn, account)}
        ),
        opts=opts,
    )
    for email in emails:
        aws.sns.TopicSubscription(
            f"{name}-email-{email}",
            topic=topic.arn,
            protocol="email",
            endpoint=email,
            opts=opts,
        )
    return topic
