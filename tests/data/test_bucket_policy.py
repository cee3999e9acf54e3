"""The TLS-only bucket policy builders the data and cdn tiers share (pure functions)."""

from __future__ import annotations

import json

import pytest

from components.bucket_policy import (
    deny_insecure_transport,
    deny_outdated_tls,
    policy_document,
    transport_statements,
)

ARN = "arn:aws:s3:::example-bucket"


def test_insecure_transport_is_denied_to_everyone_on_the_bucket_and_its_objects() -> None:
    assert deny_insecure_transport(ARN) == {
        "Sid": "DenyInsecureTransport",
        "Effect": "Deny",
        "Principal": "*",
        "Action": "s3:*",
        "Resource": [ARN, f"{ARN}/*"],
        "Condition": {"Bool": {"aws:SecureTransport": "false"}},
    }


def test_tls_older_than_1_2_is_denied() -> None:
    statement = deny_outdated_tls(ARN)
    assert statement["Effect"] == "Deny"
    assert statement["Resource"] == [ARN, f"{ARN}/*"]
    assert statement["Condition"] == {"NumericLessThan": {"s3:TlsVersion": "1.2"}}
    assert deny_outdated_tls(ARN, minimum="1.3")["Condition"] == {"NumericLessThan": {"s3:TlsVersion": "1.3"}}


def test_a_document_starts_with_the_transport_statements_and_keeps_the_grants_after_them() -> None:
    grant = {"Sid": "CloudFrontReads", "Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"}}
    document = policy_document([*transport_statements(ARN), grant])
    assert document["Version"] == "2012-10-17"
    assert [s["Sid"] for s in document["Statement"]] == ["DenyInsecureTransport", "DenyOutdatedTls", "CloudFrontReads"]


def test_a_document_needs_a_statement_and_unique_statement_ids() -> None:
    with pytest.raises(ValueError, match="at least one statement"):
        policy_document([])
    with pytest.raises(ValueError, match="statement ids repeat"):
        policy_document([deny_insecure_transport(ARN), deny_insecure_transport(ARN)])


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_the_rendered_document_is_the_json_the_bucket_gets(run_name: str, request: pytest.FixtureRequest) -> None:
    from tests.data.support import BUCKET_POLICY, bucket

    run = request.getfixturevalue(run_name)
    arn = bucket(run, "uploads").outputs["arn"]
    (policy,) = [
        p for p in run.of_type(BUCKET_POLICY) if p.inputs["bucket"] == bucket(run, "uploads").outputs["bucket"]
    ]
    assert json.loads(policy.inputs["policy"]) == policy_document(transport_statements(arn))
