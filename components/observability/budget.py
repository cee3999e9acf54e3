"""The stack's AWS Budgets cost budget, and the dev option that stops the stack's roles at the cap.

A cost budget counts the whole account's spend (AWS Budgets filters by cost allocation tags only
once someone activates them in the billing console, and a filter on a tag that is not active
silently counts nothing). Give each environment its own account, as AWS recommends, and the
budget is exactly the stack's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pulumi
import pulumi_aws as aws

from components.account import AwsAccount
from components.config.observability import Budget as BudgetSettings

NOTIFICATIONS: tuple[tuple[str, int], ...] = (
    ("ACTUAL", 50),
    ("ACTUAL", 80),
    ("ACTUAL", 100),
    ("FORECASTED", 100),
)
"""(what is compared, percent of the monthly limit) for each notification."""

DENY_THRESHOLD_PERCENT = 100


def monthly_budget(
    name: str,
    *,
    settings: BudgetSettings,
    topic_arn: pulumi.Input[str],
    opts: pulumi.ResourceOptions,
) -> aws.budgets.Budget:
    """A monthly USD cost budget at ``budget.monthlyUsd``, notifying the topic and ``alertEmails``."""
    return aws.budgets.Budget(
        name,
        budget_type="COST",
        time_unit="MONTHLY",
        limit_amount=f"{settings.monthly_usd:.2f}",
        limit_unit="USD",
        notifications=[
            aws.budgets.BudgetNotificationArgs(
                notification_type=kind,
                comparison_operator="GREATER_THAN",
                threshold=percent,
                threshold_type="PERCENTAGE",
                subscriber_sns_topic_arns=[topic_arn],
                subscriber_email_addresses=list(settings.alert_emails) or None,
            )
            for kind, percent in NOTIFICATIONS
        ],
        opts=opts,
    )


def role_name(role_arn: str) -> str:
    """``arn:aws:iam::123456789012:role/path/name`` → ``name`` (what a budget action names)."""
    resource = role_arn.split(":", 5)[-1]
    if not resource.startswith("role/"):
        raise ValueError(f"{role_arn!r} is not an IAM role ARN")
    return resource.rsplit("/", 1)[-1]


def deny_on_exceed(
    name: str,
    *,
    budget: aws.budgets.Budget,
    role_arns: Sequence[pulumi.Input[str]],
    topic_arn: pulumi.Input[str],
    account: AwsAccount,
    opts: pulumi.ResourceOptions,
) -> aws.budgets.BudgetAction:
    """At 100 % of the actual monthly spend, attach a deny-everything policy to the stack's roles.

    The budget action runs as its own role, which may only attach and detach that one policy, and
    only on these roles. The policy stays attached until someone detaches it (or the action is
    reset in the Budgets console).
    """
    if not role_arns:
        raise ValueError("budget.denyOnExceed: the compute tier exposes no role to deny")
    deny = aws.iam.Policy(
        f"{name}-deny-policy",
        description="paved budget action: the stack's roles may do nothing once the monthly cap is reached",
        policy=pulumi.Output.json_dumps(
            {
                "Version": "2012-10-17",
                "Statement": [{"Sid": "BudgetExceeded", "Effect": "Deny", "Action": "*", "Resource": "*"}],
            }
        ),
        opts=opts,
    )
    role = aws.iam.Role(
        f"{name}-action-role",
        description="Lets AWS Budgets attach the stack's deny policy to its roles when the cap is reached",
        assume_role_policy=pulumi.Output.json_dumps(_budgets_trust(account, budget)),
        opts=opts,
    )
    permissions = aws.iam.RolePolicy(
        f"{name}-action-permissions",
        role=role.id,
        policy=pulumi.Output.json_dumps(_attach_only(deny.arn, role_arns)),
        opts=opts,
    )
    return aws.budgets.BudgetAction(
        f"{name}-deny-action",
        budget_name=budget.name,
        action_type="APPLY_IAM_POLICY",
        approval_model="AUTOMATIC",
        notification_type="ACTUAL",
        action_threshold=aws.budgets.BudgetActionActionThresholdArgs(
            action_threshold_type="PERCENTAGE",
            action_threshold_value=DENY_THRESHOLD_PERCENT,
        ),
        definition=aws.budgets.BudgetActionDefinitionArgs(
            iam_action_definition=aws.budgets.BudgetActionDefinitionIamActionDefinitionArgs(
                policy_arn=deny.arn,
                roles=[pulumi.Output.from_input(arn).apply(role_name) for arn in role_arns],
            ),
        ),
        execution_role_arn=role.arn,
        subscribers=[aws.budgets.BudgetActionSubscriberArgs(address=topic_arn, subscription_type="SNS")],
        opts=opts.merge(pulumi.ResourceOptions(depends_on=[permissions])),
    )


def _budgets_trust(account: AwsAccount, budget: aws.budgets.Budget) -> dict[str, Any]:
    actions_of_this_budget = pulumi.Output.concat(
        "arn:", account.partition, ":budgets::", account.account_id, ":budget/", budget.name, "/action/*"
    )
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": "budgets.amazonaws.com"},
                "Action": "sts:AssumeRole",
                "Condition": {
                    "StringEquals": {"aws:SourceAccount": account.account_id},
                    "ArnLike": {"aws:SourceArn": actions_of_this_budget},
                },
            }
        ],
    }


def _attach_only(policy_arn: pulumi.Input[str], role_arns: Sequence[pulumi.Input[str]]) -> dict[str, Any]:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "AttachTheDenyPolicyToTheStacksRoles",
                "Effect": "Allow",
                "Action": ["iam:AttachRolePolicy", "iam:DetachRolePolicy"],
                "Resource": list(role_arns),
                "Condition": {"ArnEquals": {"iam:PolicyARN": policy_arn}},
            }
        ],
    }
