"""The alarm topic, the stack's AWS budget (and its dev deny action) and the dashboard."""

from __future__ import annotations

import json
from typing import Any

import pytest

from components.observability.budget import role_name
from components.observability.component import dashboard_name
from tests.conftest import run_config, stack_yaml_config
from tests.observability.conftest import alarms, run_tier
from tools.program import ProgramRun

TOPIC = "aws:sns/topic:Topic"
TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy"
SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription"
BUDGET = "aws:budgets/budget:Budget"
ACTION = "aws:budgets/budgetAction:BudgetAction"
DASHBOARD = "aws:cloudwatch/dashboard:Dashboard"
KMS_KEY = "aws:kms/key:Key"
ACCOUNT = "123456789012"


def statements(document: str) -> dict[str, dict[str, Any]]:
    return {s["Sid"]: s for s in json.loads(document)["Statement"]}


# --- topic ----------------------------------------------------------------------------------


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_alarm_topic_is_encrypted_with_the_stack_key(run_name: str, request: pytest.FixtureRequest) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    topic = run.one(TOPIC, "observability-alarms")
    assert topic.inputs["kmsMasterKeyId"] == run.one(KMS_KEY).outputs["arn"]
    assert "name" not in topic.inputs
    assert run.outputs["alarmTopicArn"] == topic.outputs["arn"]


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_only_this_accounts_alarms_and_budgets_may_publish_and_only_over_tls(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    topic = run.one(TOPIC, "observability-alarms")
    policy = run.one(TOPIC_POLICY)
    assert policy.inputs["arn"] == topic.outputs["arn"]
    found = statements(policy.inputs["policy"])
    assert set(found) == {"CloudWatchAlarmsPublish", "BudgetsPublish", "DenyInsecureTransport"}
    for sid, service, source in (
        ("CloudWatchAlarmsPublish", "cloudwatch.amazonaws.com", f"arn:aws:cloudwatch:us-east-1:{ACCOUNT}:alarm:*"),
        ("BudgetsPublish", "budgets.amazonaws.com", f"arn:aws:budgets::{ACCOUNT}:*"),
    ):
        statement = found[sid]
        assert statement["Effect"] == "Allow"
        assert statement["Principal"] == {"Service": service}
        assert statement["Action"] == "sns:Publish"
        assert statement["Resource"] == topic.outputs["arn"]
        assert statement["Condition"] == {
            "StringEquals": {"aws:SourceAccount": ACCOUNT},
            "ArnLike": {"aws:SourceArn": source},
        }
    deny = found["DenyInsecureTransport"]
    assert (deny["Effect"], deny["Principal"]) == ("Deny", "*")
    assert deny["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}


def test_alarm_emails_are_subscribed_to_the_topic(prod: ProgramRun) -> None:
    topic_arn = prod.one(TOPIC, "observability-alarms").outputs["arn"]
    subscriptions = prod.of_type(SUBSCRIPTION)
    assert [(s.inputs["protocol"], s.inputs["endpoint"], s.inputs["topic"]) for s in subscriptions] == [
        ("email", "platform-alerts@example.com", topic_arn)
    ]


def test_without_alarm_emails_there_is_no_subscription() -> None:
    config = stack_yaml_config("dev")
    config["paved:observability"]["alarmEmails"] = []
    run = run_config(config)
    assert run.of_type(SUBSCRIPTION) == []
    assert len(run.of_type(TOPIC)) == 1


# --- budget ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "run_name, limit, emails",
    [
        ("dev", "25.00", ["platform-alerts@example.com"]),
        ("prod", "400.00", ["platform-alerts@example.com", "finance@example.com"]),
    ],
)
def test_monthly_cost_budget_notifies_at_50_80_100_percent_actual_and_100_forecast(
    run_name: str, limit: str, emails: list[str], request: pytest.FixtureRequest
) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    budget = run.one(BUDGET).inputs
    topic_arn = run.one(TOPIC, "observability-alarms").outputs["arn"]
    assert (budget["budgetType"], budget["timeUnit"], budget["limitAmount"], budget["limitUnit"]) == (
        "COST",
        "MONTHLY",
        limit,
        "USD",
    )
    assert [(n["notificationType"], n["threshold"]) for n in budget["notifications"]] == [
        ("ACTUAL", 50),
        ("ACTUAL", 80),
        ("ACTUAL", 100),
        ("FORECASTED", 100),
    ]
    for notification in budget["notifications"]:
        assert notification["comparisonOperator"] == "GREATER_THAN"
        assert notification["thresholdType"] == "PERCENTAGE"
        assert notification["subscriberSnsTopicArns"] == [topic_arn]
        assert notification["subscriberEmailAddresses"] == emails


def test_budget_without_alert_emails_notifies_the_topic_only() -> None:
    config = stack_yaml_config("prod")
    config["paved:budget"] = {"monthlyUsd": 120}
    budget = run_config(config).one(BUDGET).inputs
    assert budget["limitAmount"] == "120.00"
    assert all("subscriberEmailAddresses" not in n for n in budget["notifications"])
    assert all(len(n["subscriberSnsTopicArns"]) == 1 for n in budget["notifications"])


def test_prod_has_no_budget_action(prod: ProgramRun) -> None:
    assert prod.of_type(ACTION) == []


def test_dev_budget_action_denies_the_compute_roles_at_100_percent() -> None:
    run = run_tier("serverless")
    action = run.one(ACTION).inputs
    deny = run.one("aws:iam/policy:Policy", "observability-budget-deny-policy")
    role = run.one("aws:iam/role:Role", "observability-budget-action-role")
    assert action["budgetName"] == run.one(BUDGET).outputs["name"]
    assert (action["actionType"], action["approvalModel"], action["notificationType"]) == (
        "APPLY_IAM_POLICY",
        "AUTOMATIC",
        "ACTUAL",
    )
    assert action["actionThreshold"] == {"actionThresholdType": "PERCENTAGE", "actionThresholdValue": 100}
    assert action["definition"] == {
        "iamActionDefinition": {"policyArn": deny.outputs["arn"], "roles": ["api-fn-role-1a2b3c", "api-exec"]}
    }
    assert action["executionRoleArn"] == role.outputs["arn"]
    assert action["subscribers"] == [
        {"address": run.one(TOPIC, "observability-alarms").outputs["arn"], "subscriptionType": "SNS"}
    ]
    assert json.loads(deny.inputs["policy"])["Statement"] == [
        {"Sid": "BudgetExceeded", "Effect": "Deny", "Action": "*", "Resource": "*"}
    ]


def test_budget_action_role_trusts_only_this_budgets_actions() -> None:
    run = run_tier("serverless")
    trust = json.loads(run.one("aws:iam/role:Role", "observability-budget-action-role").inputs["assumeRolePolicy"])
    budget_name = run.one(BUDGET).outputs["name"]
    (statement,) = trust["Statement"]
    assert statement["Principal"] == {"Service": "budgets.amazonaws.com"}
    assert statement["Action"] == "sts:AssumeRole"
    assert statement["Condition"] == {
        "StringEquals": {"aws:SourceAccount": ACCOUNT},
        "ArnLike": {"aws:SourceArn": f"arn:aws:budgets::{ACCOUNT}:budget/{budget_name}/action/*"},
    }


def test_budget_action_role_may_only_attach_the_deny_policy_to_the_stacks_roles() -> None:
    run = run_tier("serverless")
    permissions = run.one("aws:iam/rolePolicy:RolePolicy", "observability-budget-action-permissions")
    deny_arn = run.one("aws:iam/policy:Policy").outputs["arn"]
    assert permissions.inputs["role"] == run.one("aws:iam/role:Role").id
    (statement,) = json.loads(permissions.inputs["policy"])["Statement"]
    assert statement["Effect"] == "Allow"
    assert statement["Action"] == ["iam:AttachRolePolicy", "iam:DetachRolePolicy"]
    assert statement["Resource"] == [
        f"arn:aws:iam::{ACCOUNT}:role/paved/api-fn-role-1a2b3c",
        f"arn:aws:iam::{ACCOUNT}:role/api-exec",
    ]
    assert statement["Condition"] == {"ArnEquals": {"iam:PolicyARN": deny_arn}}
    assert permissions.urn in run.one(ACTION).dependencies


def test_budget_action_is_off_unless_configured() -> None:
    run = run_tier("serverless", changes={"paved:budget": {"denyOnExceed": False}})
    assert run.of_type(ACTION) == []
    assert run.of_type("aws:iam/policy:Policy") == []


def test_role_names_come_from_role_arns_with_or_without_a_path() -> None:
    assert role_name("arn:aws:iam::123456789012:role/paved/api-fn-role") == "api-fn-role"
    assert role_name("arn:aws:iam::123456789012:role/api-exec") == "api-exec"
    with pytest.raises(ValueError, match="is not an IAM role ARN"):
        role_name("arn:aws:iam::123456789012:user/ci")


# --- dashboard ------------------------------------------------------------------------------


def test_one_dashboard_shows_every_alarm_and_graphs_each_alarmed_metric() -> None:
    run = run_tier("serverless,aurora,tables,cdn")
    dashboard = run.one(DASHBOARD)
    assert dashboard.inputs["dashboardName"] == "paved-dev"
    widgets = json.loads(dashboard.inputs["dashboardBody"])["widgets"]
    status, graphs = widgets[0], widgets[1:]
    found = alarms(run)
    assert status["type"] == "alarm"
    assert sorted(status["properties"]["alarms"]) == sorted(a.outputs["arn"] for a in found.values())
    assert len(graphs) == len(found)
    assert {g["properties"]["title"] for g in graphs} == {a.inputs["alarmDescription"] for a in found.values()}
    cdn = next(g for g in graphs if g["properties"]["metrics"][0][0] == "AWS/CloudFront")
    assert cdn["properties"]["region"] == "us-east-1"
    assert cdn["properties"]["metrics"] == [
        ["AWS/CloudFront", "5xxErrorRate", "DistributionId", "E2QWRUHEXAMPLE", "Region", "Global"]
    ]
    assert all(g["width"] == 12 and g["x"] in (0, 12) for g in graphs)


def test_dashboard_without_alarms_says_so() -> None:
    widgets = json.loads(run_tier("").one(DASHBOARD).inputs["dashboardBody"])["widgets"]
    assert [w["type"] for w in widgets] == ["text"]
    assert "No tier of this stack has alarms." in widgets[0]["properties"]["markdown"]


def test_dashboard_can_be_switched_off() -> None:
    run = run_tier("serverless", changes={"paved:observability": {"dashboard": False}})
    assert run.of_type(DASHBOARD) == []
    assert alarms(run)


def test_dashboard_name_keeps_only_accepted_characters() -> None:
    assert dashboard_name("paved", "feature.branch/x") == "paved-feature-branch-x"
