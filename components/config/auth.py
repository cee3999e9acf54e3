"""``paved:auth``: the Cognito user pool, its app client and social sign-in — and the secrets sign-in needs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, field_validator

from components.config.base import Model, Name

URL_PATTERN = r"^(https://[^\s]+|http://localhost(:\d+)?(/[^\s]*)?)$"
RESERVED_IN_DOMAIN_PREFIX = re.compile(r"aws|amazon|cognito")
"""Words Cognito refuses in a hosted UI domain prefix."""

Url = Annotated[str, Field(pattern=URL_PATTERN)]


@dataclass(frozen=True)
class SecretKey:
    """A ``paved:<key>`` secret: set only with ``pulumi config set --secret``, read only when its provider is on."""

    key: str
    provider: str
    """The ``auth.socialProviders`` entry that needs it."""
    description: str


SOCIAL_SECRETS: tuple[SecretKey, ...] = (
    SecretKey("googleClientSecret", "google", "Google sign-in: the OAuth client secret."),
    SecretKey("microsoftClientSecret", "microsoft", "Microsoft Entra ID sign-in: the app registration's secret."),
    SecretKey("applePrivateKey", "apple", "Sign in with Apple: the private key (the .p8 file's contents)."),
)
"""The stack's secret keys, one per social provider: the one place their names are declared."""


class TokenValidity(Model):
    """How long the app client's tokens are valid."""

    access_minutes: Annotated[int, Field(ge=5, le=1440)] = Field(60, description="Access tokens, in minutes.")
    id_minutes: Annotated[int, Field(ge=5, le=1440)] = Field(60, description="ID tokens, in minutes.")
    refresh_days: Annotated[int, Field(ge=1, le=3650)] = Field(30, description="Refresh tokens, in days.")


class SocialProvider(Model):
    """An OAuth identity provider; its client secret is `paved:googleClientSecret`."""

    client_id: Annotated[str, Field(min_length=1, max_length=512)] = Field(description="The OAuth client id.")


class AppleProvider(Model):
    """Sign in with Apple; its private key is `paved:applePrivateKey`."""

    client_id: Annotated[str, Field(min_length=1, max_length=512)] = Field(description="The Services ID.")
    team_id: Annotated[str, Field(pattern=r"^[A-Z0-9]{10}$")] = Field(description="The Apple developer team id.")
    key_id: Annotated[str, Field(pattern=r"^[A-Z0-9]{10}$")] = Field(description="The id of the private key.")


class MicrosoftProvider(Model):
    """Microsoft Entra ID sign-in (OIDC), one tenant: Cognito checks the token issuer, and the multi-tenant
    ``common`` endpoint has no single issuer to check. Its client secret is `paved:microsoftClientSecret`."""

    client_id: Annotated[str, Field(min_length=1, max_length=512)] = Field(
        description="The app registration's client id."
    )
    tenant_id: Annotated[str, Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")] = Field(
        description="The Entra ID tenant (directory) id."
    )


class SocialProviders(Model):
    """Identity providers users may sign in with besides e-mail and password."""

    google: SocialProvider | None = Field(None, description="Google; needs `paved:googleClientSecret`.")
    microsoft: MicrosoftProvider | None = Field(
        None, description="Microsoft Entra ID; needs `paved:microsoftClientSecret`."
    )
    apple: AppleProvider | None = Field(None, description="Sign in with Apple; needs `paved:applePrivateKey`.")

    def configured(self) -> tuple[str, ...]:
        """The providers that are set, by their key (``google``, ``microsoft``, ``apple``)."""
        return tuple(name for name in ("google", "microsoft", "apple") if getattr(self, name) is not None)


class Auth(Model):
    """The Cognito user pool and the single-page app's client."""

    enabled: bool = Field(True, description="Whether the stack has a user pool.")
    mfa: Literal["off", "optional", "required"] = Field(
        "optional", description="Multi-factor authentication; `off` is not allowed in prod."
    )
    groups: tuple[Name, ...] = Field((), description="User pool groups.")
    callback_urls: Annotated[tuple[Url, ...], Field(min_length=1)] = Field(
        ("http://localhost:3000/callback",),
        description="Where the hosted UI may return after sign-in (https, or http://localhost outside prod); "
        "their origins may also upload to the uploads bucket.",
    )
    logout_urls: tuple[Url, ...] = Field(
        ("http://localhost:3000/",), description="Where the hosted UI may return after sign-out."
    )
    domain_prefix: Annotated[str, Field(pattern=r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")] | None = Field(
        None, description="The hosted UI domain prefix (default: derived from project, stack and account)."
    )
    token_validity: TokenValidity = Field(TokenValidity(), description="Token lifetimes.")
    threat_protection: Literal["off", "audit", "enforced"] = Field(
        "off", description="Cognito threat protection; `audit` or `enforced` need the PLUS feature plan."
    )
    self_sign_up: bool = Field(
        False,
        description="Whether anyone may create an account through the hosted UI (off: administrators invite users).",
    )
    social_providers: SocialProviders = Field(SocialProviders(), description="Social sign-in.")

    @field_validator("mfa", "threat_protection", mode="before")
    @classmethod
    def _yaml_off_is_off(cls, value: object) -> object:
        """YAML 1.1 readers turn an unquoted ``off`` into false; both mean "off" here."""
        return "off" if value is False else value

    @field_validator("domain_prefix")
    @classmethod
    def _no_reserved_words(cls, value: str | None) -> str | None:
        if value is not None and RESERVED_IN_DOMAIN_PREFIX.search(value):
            raise ValueError(f"{value!r} may not contain aws, amazon or cognito")
        return value
