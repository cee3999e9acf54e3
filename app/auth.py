"""Who is calling: the subject of a JWT that was verified before the API trusts it.

Two ways in, one rule: the caller id is the ``sub`` claim of a verified token, never a value the
client sends. On Lambda, API Gateway's JWT authorizer has verified the token and passes its claims
in ``requestContext.authorizer.jwt.claims`` (``platform_claims``). In the container, the load
balancer's listener does no JWT check, so the app verifies the bearer token itself
(``app.jwt_verifier``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.http import HttpError, Request

SUBJECT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:@+|-]{0,127}$")
"""What a subject may look like: it becomes a DynamoDB key and an S3 prefix, so no ``/`` or spaces."""

CHALLENGE = {"www-authenticate": 'Bearer realm="api"'}


@dataclass(frozen=True)
class Caller:
    subject: str


Authenticator = Callable[[Request], Caller]
"""How an entry point turns a request into its verified caller (or raises a 401)."""


def caller_from_claims(claims: Mapping[str, Any] | None) -> Caller:
    """The caller named by verified claims; 401 when there are none or ``sub`` is unusable."""
    subject = (claims or {}).get("sub")
    if not isinstance(subject, str) or not SUBJECT.match(subject):
        raise HttpError(401, "unauthorized", "a valid access token is required", CHALLENGE)
    return Caller(subject=subject)


def platform_claims(request: Request) -> Caller:
    """Lambda behind API Gateway: the authorizer's verified claims, or 401."""
    return caller_from_claims(request.claims)
