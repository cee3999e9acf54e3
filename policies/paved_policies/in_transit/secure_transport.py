"""Whether a resource policy refuses requests made without TLS (S3, SNS, SQS: their endpoints also
answer plain HTTP).

A policy does when one of its Deny statements carries ``{"Bool": {"aws:SecureTransport": "false"}}``
(or ``BoolIfExists``): AWS sets ``aws:SecureTransport`` to false on a request not sent over TLS
(IAM User Guide, "AWS global condition context keys"). A Deny whose condition is ``true``, or an
Allow on ``false``, does the opposite and does not count.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from paved_policies.props import contains_unknown, json_object
from paved_policies.unknown import UNKNOWN

SECURE_TRANSPORT: Final = "aws:securetransport"


def _field(mapping: Mapping[str, Any], name: str) -> Any:
    for key, value in mapping.items():
        if isinstance(key, str) and key.lower() == name:
            return value
    return None


def _is_false(value: Any) -> bool:
    if isinstance(value, list):
        return any(_is_false(item) for item in value)
    return value is False or (isinstance(value, str) and value.strip().lower() == "false")


def _denies_plain_requests(statement: Mapping[str, Any]) -> bool:
    effect = _field(statement, "effect")
    condition = _field(statement, "condition")
    if not (isinstance(effect, str) and effect.strip().lower() == "deny" and isinstance(condition, Mapping)):
        return False
    for operator, block in condition.items():
        if not (isinstance(operator, str) and operator.lower() in ("bool", "boolifexists")):
            continue
        if isinstance(block, Mapping) and _is_false(_field(block, SECURE_TRANSPORT)):
            return True
    return False


def denies_insecure_transport(document_value: object) -> bool | None:
    """Whether the policy document denies requests without TLS; ``None`` if it cannot be known."""
    document = json_object(document_value)
    if document is UNKNOWN:
        return None
    if not isinstance(document, Mapping):
        return False
    statements = _field(document, "statement")
    if statements is UNKNOWN:
        return None
    unknown = False
    for statement in statements if isinstance(statements, list) else [statements]:
        if not isinstance(statement, Mapping):
            continue
        if contains_unknown(statement):
            unknown = True
        elif _denies_plain_requests(statement):
            return True
    return None if unknown else False
