"""Bearer-token verification for the container, where no authorizer has checked the token.

PyJWT verifies against the issuer's JWKS (fetched once, cached, refetched on an unknown key id) with
the rules API Gateway's JWT authorizer applies on the Lambda path: RS256 signature, issuer,
expiry, and ``aud`` or ``client_id`` among the accepted audiences. Only the container imports this
module, so the Lambda package carries neither PyJWT nor ``cryptography``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jwt

from app.auth import CHALLENGE, Caller, caller_from_claims
from app.http import HttpError, Request
from app.settings import JwtSettings

ALGORITHMS = ["RS256"]
"""Cognito signs with RS256; accepting only it rules out ``none`` and HMAC-with-public-key tricks."""


class JwtVerifier:
    """Verifies bearer tokens against the issuer's JWKS (fetched once, cached, refreshed on a new kid)."""

    def __init__(self, settings: JwtSettings, *, leeway_seconds: int = 30, jwks_timeout_seconds: int = 5) -> None:
        self.settings = settings
        self.leeway = leeway_seconds
        self.jwks = jwt.PyJWKClient(
            f"{settings.issuer}/.well-known/jwks.json",
            cache_keys=True,
            lifespan=3600,
            timeout=jwks_timeout_seconds,
        )

    def __call__(self, request: Request) -> Caller:
        return caller_from_claims(self.claims(request.header("authorization")))

    def claims(self, authorization: str | None) -> dict[str, Any]:
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise HttpError(401, "unauthorized", "send the access token as 'Authorization: Bearer <token>'", CHALLENGE)
        try:
            key = self.jwks.get_signing_key_from_jwt(token.strip())
            claims: dict[str, Any] = jwt.decode(
                token.strip(),
                key.key,
                algorithms=ALGORITHMS,
                issuer=self.settings.issuer,
                leeway=self.leeway,
                options={"require": ["exp", "iss", "sub"], "verify_aud": False},
            )
        except jwt.PyJWKClientConnectionError:
            raise HttpError(
                503, "identity_provider_unavailable", "the token's signing keys cannot be fetched"
            ) from None
        except (jwt.PyJWKClientError, jwt.InvalidTokenError):
            raise HttpError(401, "unauthorized", "the access token is not valid", CHALLENGE) from None
        if not self._audience_accepted(claims):
            raise HttpError(401, "unauthorized", "the access token is not for this API", CHALLENGE)
        return claims

    def ping(self) -> None:
        """Health: the issuer's signing keys can be fetched."""
        self.jwks.get_signing_keys()

    def _audience_accepted(self, claims: Mapping[str, Any]) -> bool:
        audience = claims.get("aud")
        offered: set[str] = set()
        if isinstance(audience, str):
            offered.add(audience)
        elif isinstance(audience, list):
            offered.update(item for item in audience if isinstance(item, str))
        client_id = claims.get("client_id")
        if isinstance(client_id, str):
            offered.add(client_id)
        return bool(offered & set(self.settings.audiences))
