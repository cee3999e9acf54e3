"""Lambda handler: forward a message SES received (and stored in S3) to the configured addresses.

SES runs the receipt rule's S3 action first (the raw message lands at ``<prefix><messageId>``) and then
invokes this function with the message's metadata. The function re-sends the raw message through SES
from the domain's own forwarding address — SES only sends from verified identities — keeping the
original sender as ``Reply-To``. Messages SES judged as spam or carrying a virus are dropped.

Configuration (environment, names only — no secrets): ``MAIL_BUCKET``, ``MAIL_PREFIX``,
``FORWARD_TO`` (comma-separated), ``FORWARD_FROM``.
"""

from __future__ import annotations

import email.policy
import logging
import os
from dataclasses import dataclass
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import formataddr, parseaddr
from typing import Any

import boto3

LOG = logging.getLogger(__name__)
LOG.setLevel(logging.INFO)

MAX_RAW_BYTES = 10 * 1024 * 1024
"""SES's limit on a raw message it sends (10 MB)."""

STRIPPED_HEADERS = ("Return-Path", "Sender", "DKIM-Signature", "Message-ID", "From", "Reply-To", "To", "Cc", "Bcc")
"""Headers that identify the original delivery and would make SES or the receiver reject the copy."""


@dataclass(frozen=True)
class ForwardingSettings:
    bucket: str
    prefix: str
    forward_to: tuple[str, ...]
    forward_from: str

    @staticmethod
    def from_environment(environ: dict[str, str] | None = None) -> ForwardingSettings:
        env = dict(os.environ if environ is None else environ)
        missing = [k for k in ("MAIL_BUCKET", "FORWARD_TO", "FORWARD_FROM") if not env.get(k)]
        if missing:
            raise RuntimeError(f"mail forwarder is missing environment variables: {', '.join(missing)}")
        return ForwardingSettings(
            bucket=env["MAIL_BUCKET"],
            prefix=env.get("MAIL_PREFIX", ""),
            forward_to=tuple(a.strip() for a in env["FORWARD_TO"].split(",") if a.strip()),
            forward_from=env["FORWARD_FROM"],
        )


def handler(event: dict[str, Any], context: Any = None) -> dict[str, Any]:
    """Entry point for the SES receipt rule's Lambda action (``Event`` invocation)."""
    settings = ForwardingSettings.from_environment()
    results = [forward_record(record, settings) for record in event.get("Records", [])]
    return {"forwarded": sum(1 for r in results if r == "forwarded"), "results": results}


def forward_record(record: dict[str, Any], settings: ForwardingSettings, *, s3: Any = None, ses: Any = None) -> str:
    """Forward one received message; returns ``forwarded`` or why it was dropped."""
    receipt = record.get("ses", {}).get("receipt", {})
    message_id = record.get("ses", {}).get("mail", {}).get("messageId")
    if not message_id:
        return "dropped: no message id"
    for verdict in ("spamVerdict", "virusVerdict"):
        if receipt.get(verdict, {}).get("status") == "FAIL":
            LOG.info("dropping %s: %s is FAIL", message_id, verdict)
            return f"dropped: {verdict} FAIL"
    s3 = s3 or boto3.client("s3")
    ses = ses or boto3.client("ses")
    raw = s3.get_object(Bucket=settings.bucket, Key=f"{settings.prefix}{message_id}")["Body"].read()
    if len(raw) > MAX_RAW_BYTES:
        LOG.warning("dropping %s: %d bytes is over the SES sending limit", message_id, len(raw))
        return "dropped: too large"
    forwarded = rewrite(raw, settings)
    ses.send_raw_email(
        Source=settings.forward_from,
        Destinations=list(settings.forward_to),
        RawMessage={"Data": forwarded.as_bytes()},
    )
    LOG.info("forwarded %s to %d addresses", message_id, len(settings.forward_to))
    return "forwarded"


def rewrite(raw: bytes, settings: ForwardingSettings) -> EmailMessage:
    """The message as it is re-sent: from the forwarding address, replying to the original sender."""
    message = BytesParser(policy=email.policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)
    original_name, original_address = parseaddr(str(message.get("From", "")))
    for header in STRIPPED_HEADERS:
        del message[header]
    shown_name = f"{original_name or original_address} via forwarder".strip()
    message["From"] = formataddr((shown_name, settings.forward_from))
    if original_address:
        message["Reply-To"] = original_address
    message["To"] = ", ".join(settings.forward_to)
    return message
