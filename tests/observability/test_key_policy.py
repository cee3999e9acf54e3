"""The stack key lets CloudWatch alarms, AWS Budgets and (with a CDN) CloudFront use it, each held to this account."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import run_config, stack_yaml_config
from tools.program import ProgramRun

ACCOUNT = "123456789012"
KMS_KEY = "aws:kms/key:Key"


def key_statements(run: ProgramRun) -> dict[str, dict[str, Any]]:
    return {s["Sid"]: s for s in json.loads(run.one(KMS_KEY).inputs["policy"])["Statement"]}


@pytest.mark.parametrize("run_name", ["dev", "prod"])
@pytest.mark.parametrize(
    "sid, service, source",
    [
        (
            "CloudWatchAlarmsPublishToEncryptedTopics",
            "cloudwatch.amazonaws.com",
            f"arn:aws:cloudwatch:us-east-1:{ACCOUNT}:alarm:*",
        ),
        ("BudgetsPublishToEncryptedTopics", "budgets.amazonaws.com", f"arn:aws:budgets::{ACCOUNT}:*"),
    ],
)
def test_alarm_publishers_may_use_the_key_only_for_this_accounts_topics(
    run_name: str, sid: str, service: str, source: str, request: pytest.FixtureRequest
) -> None:
    statement = key_statements(request.getfixturevalue(run_name))[sid]
    assert statement["Effect"] == "Allow"
    assert statement["Principal"] == {"Service": service}
    assert statement["Action"] == ["kms:Decrypt", "kms:GenerateDataKey"]
    assert statement["Condition"] == {
        "StringEquals": {"aws:SourceAccount": ACCOUNT},
        "ArnLike": {"aws:SourceArn": source},
        "StringLike": {"kms:EncryptionContext:aws:sns:topicArn": f"arn:aws:sns:us-east-1:{ACCOUNT}:*"},
    }


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_cloudfront_may_only_decrypt_for_this_accounts_distributions(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    statement = key_statements(request.getfixturevalue(run_name))["CloudFrontDecryptsOriginObjects"]
    assert statement["Principal"] == {"Service": "cloudfront.amazonaws.com"}
    assert statement["Action"] == "kms:Decrypt"
    assert statement["Condition"] == {
        "StringEquals": {"aws:SourceAccount": ACCOUNT},
        "ArnLike": {"aws:SourceArn": f"arn:aws:cloudfront::{ACCOUNT}:distribution/*"},
    }


def test_without_a_cdn_cloudfront_gets_nothing_from_the_key() -> None:
    config = stack_yaml_config("dev")
    config["paved:cdn"] = {"enabled": False}
    found = key_statements(run_config(config))
    assert "CloudFrontDecryptsOriginObjects" not in found
    assert not any("cloudfront" in json.dumps(s.get("Principal")) for s in found.values())


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_every_service_principal_in_the_key_policy_is_conditioned_on_this_account(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    for sid, statement in key_statements(request.getfixturevalue(run_name)).items():
        principal = statement["Principal"]
        if "Service" not in principal:
            assert principal == {"AWS": f"arn:aws:iam::{ACCOUNT}:root"}, sid
            continue
        assert ACCOUNT in json.dumps(statement["Condition"]), sid
        assert "kms:*" not in json.dumps(statement["Action"]), sid
