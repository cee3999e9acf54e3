"""The mail forwarder, against moto's S3 and SES."""

from __future__ import annotations

from collections.abc import Iterator
from email import policy
from email.parser import BytesParser
from typing import Any

import boto3
import pytest
from moto import mock_aws

from app.mail_forwarder.handler import ForwardingSettings, forward_record, handler, rewrite

SETTINGS = ForwardingSettings(
    bucket="mail-bucket", prefix="inbound/", forward_to=("owner@example.org",), forward_from="forwarder@example.com"
)
RAW = (
    b"From: Ada Lovelace <ada@sender.test>\r\n"
    b"To: hello@example.com\r\n"
    b"Subject: Engines\r\n"
    b"Message-ID: <1@sender.test>\r\n"
    b"DKIM-Signature: v=1; a=rsa-sha256; d=sender.test\r\n"
    b"Return-Path: <bounce@sender.test>\r\n"
    b"\r\n"
    b"Notes on the analytical engine.\r\n"
)


def ses_record(message_id: str = "msg-1", spam: str = "PASS", virus: str = "PASS") -> dict[str, Any]:
    return {
        "eventSource": "aws:ses",
        "ses": {
            "mail": {"messageId": message_id, "source": "ada@sender.test"},
            "receipt": {
                "spamVerdict": {"status": spam},
                "virusVerdict": {"status": virus},
                "recipients": ["hello@example.com"],
            },
        },
    }


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Any, Any]]:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        s3 = boto3.client("s3")
        ses = boto3.client("ses")
        s3.create_bucket(Bucket=SETTINGS.bucket)
        s3.put_object(Bucket=SETTINGS.bucket, Key="inbound/msg-1", Body=RAW)
        ses.verify_domain_identity(Domain="example.com")
        yield s3, ses


def sent_messages(ses: Any) -> list[Any]:
    from moto.backends import get_backend

    backend = get_backend("ses")["123456789012"]["us-east-1"]
    return list(backend.sent_messages)


def test_received_message_is_resent_from_the_forwarding_address(aws: tuple[Any, Any]) -> None:
    s3, ses = aws
    assert forward_record(ses_record(), SETTINGS, s3=s3, ses=ses) == "forwarded"
    (sent,) = sent_messages(ses)
    assert sent.source == "forwarder@example.com"
    assert set(sent.destinations) == {"owner@example.org"}
    message = BytesParser(policy=policy.default).parsebytes(sent.raw_data.encode())
    assert message["From"] == "Ada Lovelace via forwarder <forwarder@example.com>"
    assert message["Reply-To"] == "ada@sender.test"
    assert message["Subject"] == "Engines"


@pytest.mark.parametrize("spam, virus, reason", [("FAIL", "PASS", "spamVerdict"), ("PASS", "FAIL", "virusVerdict")])
def test_spam_and_viruses_are_dropped(aws: tuple[Any, Any], spam: str, virus: str, reason: str) -> None:
    s3, ses = aws
    assert forward_record(ses_record(spam=spam, virus=virus), SETTINGS, s3=s3, ses=ses) == f"dropped: {reason} FAIL"
    assert sent_messages(ses) == []


def test_rewrite_strips_headers_that_break_resending() -> None:
    message = rewrite(RAW, SETTINGS)
    for header in ("DKIM-Signature", "Return-Path", "Message-ID"):
        assert header not in message
    assert message["To"] == "owner@example.org"
    assert message.get_content().strip() == "Notes on the analytical engine."


def test_handler_reads_its_settings_from_the_environment(aws: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAIL_BUCKET", "mail-bucket")
    monkeypatch.setenv("MAIL_PREFIX", "inbound/")
    monkeypatch.setenv("FORWARD_TO", "owner@example.org, second@example.org")
    monkeypatch.setenv("FORWARD_FROM", "forwarder@example.com")
    result = handler({"Records": [ses_record()]})
    assert result == {"forwarded": 1, "results": ["forwarded"]}
    (sent,) = sent_messages(aws[1])
    assert set(sent.destinations) == {"owner@example.org", "second@example.org"}


def test_missing_environment_is_named() -> None:
    with pytest.raises(RuntimeError, match="missing environment variables: MAIL_BUCKET, FORWARD_TO"):
        ForwardingSettings.from_environment({"FORWARD_FROM": "x@example.com"})
