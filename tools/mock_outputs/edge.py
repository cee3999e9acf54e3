"""Mock outputs for the types the auth, cdn and observability tiers read back."""

from __future__ import annotations

import string
from typing import Any

from tools.mock_outputs.base import ACCOUNT_ID, MockContext, OutputsFor


def _alphanumeric(ctx: MockContext, seed: str, length: int, alphabet: str) -> str:
    digest = ctx.suffix(seed, 64)
    return "".join(alphabet[int(digest[i : i + 2], 16) % len(alphabet)] for i in range(0, 2 * length, 2))


# --- auth -----------------------------------------------------------------------------------


def _user_pool_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    pool_id = f"{ctx.region}_{_alphanumeric(ctx, name, 9, string.ascii_letters + string.digits)}"
    return {
        "id": pool_id,
        "arn": ctx.arn("cognito-idp", f"userpool/{pool_id}"),
        "endpoint": f"cognito-idp.{ctx.region}.amazonaws.com/{pool_id}",
        "name": ctx.physical_name(name, inputs),
        "estimatedNumberOfUsers": 0,
    }


def _user_pool_client_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": _alphanumeric(ctx, name, 26, string.ascii_lowercase + string.digits),
        "name": ctx.physical_name(name, inputs),
        "clientSecret": "",
    }


def _user_pool_domain_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": inputs.get("domain") or name,
        "awsAccountId": ACCOUNT_ID,
        "cloudfrontDistribution": f"d{ctx.suffix(name, 13)}.cloudfront.net",
        "cloudfrontDistributionArn": f"d{ctx.suffix(name, 13)}.cloudfront.net",
        "cloudfrontDistributionZoneId": "Z2FDTNDATAQYW2",
        "version": "1",
    }


# --- observability --------------------------------------------------------------------------


def _topic_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    topic = ctx.physical_name(name, inputs)
    arn = ctx.arn("sns", topic)
    return {"id": arn, "arn": arn, "name": topic, "owner": ACCOUNT_ID}


def _subscription_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    arn = f"{inputs.get('topic')}:{ctx.suffix(name, 8)}-0000-4000-8000-{ctx.suffix(name + 's', 12)}"
    return {"id": arn, "arn": arn, "pendingConfirmation": inputs.get("protocol") == "email", "ownerId": ACCOUNT_ID}


def _metric_alarm_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    alarm = ctx.physical_name(name, inputs)
    return {"id": alarm, "arn": f"arn:aws:cloudwatch:{ctx.region}:{ACCOUNT_ID}:alarm:{alarm}", "name": alarm}


def _dashboard_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    dashboard = ctx.physical_name(name, inputs, "dashboardName")
    return {"id": dashboard, "dashboardArn": f"arn:aws:cloudwatch::{ACCOUNT_ID}:dashboard/{dashboard}"}


def _budget_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    budget = ctx.physical_name(name, inputs)
    return {
        "id": f"{ACCOUNT_ID}:{budget}",
        "name": budget,
        "accountId": ACCOUNT_ID,
        "arn": f"arn:aws:budgets::{ACCOUNT_ID}:budget/{budget}",
    }


def _budget_action_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    action_id = f"{ctx.suffix(name, 8)}-0000-4000-8000-{ctx.suffix(name + 'a', 12)}"
    budget = inputs.get("budgetName", "")
    return {
        "id": f"{ACCOUNT_ID}:{action_id}:{budget}",
        "actionId": action_id,
        "arn": f"arn:aws:budgets::{ACCOUNT_ID}:budget/{budget}/action/{action_id}",
        "status": "STANDBY",
    }


def _iam_policy_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    policy = ctx.physical_name(name, inputs)
    arn = ctx.arn("iam", f"policy/{policy}", regional=False)
    return {"id": arn, "arn": arn, "name": policy, "policyId": "ANPA" + ctx.suffix(name, 17).upper()}


OUTPUTS: dict[str, OutputsFor] = {
    "aws:cognito/userPool:UserPool": _user_pool_outputs,
    "aws:cognito/userPoolClient:UserPoolClient": _user_pool_client_outputs,
    "aws:cognito/userPoolDomain:UserPoolDomain": _user_pool_domain_outputs,
    "aws:sns/topic:Topic": _topic_outputs,
    "aws:sns/topicSubscription:TopicSubscription": _subscription_outputs,
    "aws:cloudwatch/metricAlarm:MetricAlarm": _metric_alarm_outputs,
    "aws:cloudwatch/dashboard:Dashboard": _dashboard_outputs,
    "aws:budgets/budget:Budget": _budget_outputs,
    "aws:budgets/budgetAction:BudgetAction": _budget_action_outputs,
    "aws:iam/policy:Policy": _iam_policy_outputs,
}
"""Resource type → extra outputs beyond the inputs."""
