"""The auth tier: a Cognito user pool, a SPA app client, the hosted UI domain, groups and
optional social sign-in (Google, Microsoft, Apple).

The pool signs users in with their e-mail address, verified before use; recovery goes only
through that verified address; error messages never reveal whether an account exists. The app
client is public (no secret) and only runs the authorization code flow — the SPA adds PKCE to it,
which Cognito then checks. Threat protection needs the PLUS feature plan (billed per monthly
active user, with no free tier), so the pool's plan follows that setting and the cost model reads
it from ``userPoolTier``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import pulumi
import pulumi_aws as aws

from components.account import AwsAccount
from components.config.auth import RESERVED_IN_DOMAIN_PREFIX, SOCIAL_SECRETS
from components.config.auth import Auth as AuthSettings
from components.outputs import AuthOutputs

PASSWORD_MINIMUM_LENGTH = 12
PASSWORD_HISTORY_SIZE = 5
"""A new password may not repeat the last five (Essentials and Plus plans)."""

OAUTH_SCOPES = ("openid", "email", "profile")

MFA_CONFIGURATION = {"off": "OFF", "optional": "OPTIONAL", "required": "ON"}
"""paved's MFA setting → Cognito's ``mfaConfiguration``."""

THREAT_PROTECTION_MODE = {"off": "OFF", "audit": "AUDIT", "enforced": "ENFORCED"}
"""paved's threat protection setting → Cognito's ``advancedSecurityMode``."""

GOOGLE, MICROSOFT, APPLE = "Google", "Microsoft", "SignInWithApple"
"""The identity providers' names in the user pool (and in the client's supported providers)."""


def identity_provider_names(settings: AuthSettings) -> list[str]:
    """The social providers the stack config turns on, by their name in the pool."""
    social = settings.social_providers
    configured = ((GOOGLE, social.google), (MICROSOFT, social.microsoft), (APPLE, social.apple))
    return [name for name, provider in configured if provider is not None]


def _secret(value: pulumi.Input[str] | None) -> pulumi.Output[str]:
    if value is None:  # AuthArgs checks this; kept for the type checker
        raise ValueError("a configured social provider has no secret")
    return pulumi.Output.secret(value)


def feature_plan(threat_protection: str) -> str:
    """The user pool's feature plan: PLUS when threat protection is on, else ESSENTIALS.

    ESSENTIALS (the AWS default, 10,000 monthly active users free) adds password reuse
    prevention over LITE; PLUS is the only plan with threat protection.
    """
    return "ESSENTIALS" if threat_protection == "off" else "PLUS"


def default_domain_prefix(project: str, stack: str, account_id: str) -> str:
    """``<project>-<stack>-<8 hex of the account id's hash>``: unique per account and stack,
    without a hard-coded name and without publishing the account id in the sign-in URL."""
    base = re.sub(r"[^a-z0-9-]+", "-", f"{project}-{stack}".lower()).strip("-")
    check_prefix_base(base)
    digest = hashlib.sha256(account_id.encode()).hexdigest()[:8]
    return f"{base[:54].rstrip('-')}-{digest}"


def check_prefix_base(base: str) -> None:
    """Cognito refuses prefixes containing aws, amazon or cognito; say which key fixes it."""
    if RESERVED_IN_DOMAIN_PREFIX.search(base):
        raise pulumi.RunError(
            f"paved:auth.domainPrefix: the derived prefix {base!r} contains aws, amazon or cognito, "
            "which Cognito refuses; set auth.domainPrefix"
        )


@dataclass(frozen=True, kw_only=True)
class AuthArgs:
    settings: AuthSettings
    account: AwsAccount
    project: str
    stack: str
    protect: bool = True
    """Deletion protection and Pulumi ``protect`` on the user pool (prod)."""
    secrets: Mapping[str, pulumi.Input[str]] = field(default_factory=dict)
    """Each configured social provider's secret (``google``, ``microsoft``, ``apple``), read from secret
    config at the root (never plain text)."""

    def __post_init__(self) -> None:
        configured = self.settings.social_providers.configured()
        for secret in SOCIAL_SECRETS:
            if secret.provider in configured and secret.provider not in self.secrets:
                raise ValueError(f"paved:{secret.key}: required because auth.socialProviders configures that provider")
        if self.settings.domain_prefix is None:
            check_prefix_base(f"{self.project}-{self.stack}".lower())


class Auth(pulumi.ComponentResource):
    """User pool, SPA client, hosted UI domain, groups and social identity providers."""

    user_pool_id: pulumi.Output[str]
    user_pool_arn: pulumi.Output[str]
    issuer_url: pulumi.Output[str]
    client_id: pulumi.Output[str]
    domain: pulumi.Output[str]
    outputs: AuthOutputs

    def __init__(self, name: str, args: AuthArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("paved:auth:Auth", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        settings = args.settings

        pool = self._user_pool(name, args, child)
        identity_providers = self._identity_providers(name, args, pool.id, child)
        client = self._app_client(name, settings, pool.id, identity_providers, child)
        prefix = settings.domain_prefix or args.account.account_id.apply(
            lambda account_id: default_domain_prefix(args.project, args.stack, account_id)
        )
        domain = aws.cognito.UserPoolDomain(
            f"{name}-domain",
            user_pool_id=pool.id,
            domain=prefix,
            managed_login_version=1,
            opts=child,
        )
        for precedence, group in enumerate(settings.groups):
            aws.cognito.UserGroup(
                f"{name}-group-{group}",
                user_pool_id=pool.id,
                name=group,
                description=f"paved {args.stack}: {group}",
                precedence=precedence,
                opts=child,
            )
        if settings.threat_protection == "enforced":
            self._block_compromised_credentials(name, pool.id, child)

        self.user_pool_id = pool.id
        self.user_pool_arn = pool.arn
        self.issuer_url = pulumi.Output.concat("https://", pool.endpoint)
        self.client_id = client.id
        self.domain = pulumi.Output.concat(domain.domain, f".auth.{args.account.region}.amazoncognito.com")
        self.outputs = AuthOutputs(
            user_pool_id=self.user_pool_id,
            user_pool_arn=self.user_pool_arn,
            issuer_url=self.issuer_url,
            client_id=self.client_id,
            domain=self.domain,
        )
        self.register_outputs(
            {
                "userPoolId": self.user_pool_id,
                "userPoolArn": self.user_pool_arn,
                "issuerUrl": self.issuer_url,
                "clientId": self.client_id,
                "domain": self.domain,
            }
        )

    def _user_pool(self, name: str, args: AuthArgs, child: pulumi.ResourceOptions) -> aws.cognito.UserPool:
        settings = args.settings
        mfa_on = settings.mfa != "off"
        return aws.cognito.UserPool(
            f"{name}-pool",
            user_pool_tier=feature_plan(settings.threat_protection),
            username_attributes=["email"],
            username_configuration=aws.cognito.UserPoolUsernameConfigurationArgs(case_sensitive=False),
            auto_verified_attributes=["email"],
            user_attribute_update_settings=aws.cognito.UserPoolUserAttributeUpdateSettingsArgs(
                attributes_require_verification_before_updates=["email"],
            ),
            verification_message_template=aws.cognito.UserPoolVerificationMessageTemplateArgs(
                default_email_option="CONFIRM_WITH_CODE",
            ),
            account_recovery_setting=aws.cognito.UserPoolAccountRecoverySettingArgs(
                recovery_mechanisms=[
                    aws.cognito.UserPoolAccountRecoverySettingRecoveryMechanismArgs(name="verified_email", priority=1)
                ],
            ),
            admin_create_user_config=aws.cognito.UserPoolAdminCreateUserConfigArgs(
                allow_admin_create_user_only=not settings.self_sign_up,
            ),
            password_policy=aws.cognito.UserPoolPasswordPolicyArgs(
                minimum_length=PASSWORD_MINIMUM_LENGTH,
                require_lowercase=True,
                require_uppercase=True,
                require_numbers=True,
                require_symbols=True,
                password_history_size=PASSWORD_HISTORY_SIZE,
                temporary_password_validity_days=7,
            ),
            mfa_configuration=MFA_CONFIGURATION[settings.mfa],
            software_token_mfa_configuration=(
                aws.cognito.UserPoolSoftwareTokenMfaConfigurationArgs(enabled=True) if mfa_on else None
            ),
            user_pool_add_ons=aws.cognito.UserPoolUserPoolAddOnsArgs(
                advanced_security_mode=THREAT_PROTECTION_MODE[settings.threat_protection],
            ),
            deletion_protection="ACTIVE" if args.protect else "INACTIVE",
            opts=child.merge(pulumi.ResourceOptions(protect=args.protect)),
        )

    def _identity_providers(
        self,
        name: str,
        args: AuthArgs,
        pool_id: pulumi.Output[str],
        child: pulumi.ResourceOptions,
    ) -> list[aws.cognito.IdentityProvider]:
        social, secrets = args.settings.social_providers, args.secrets
        providers: list[aws.cognito.IdentityProvider] = []
        if social.google is not None:
            providers.append(
                aws.cognito.IdentityProvider(
                    f"{name}-google",
                    user_pool_id=pool_id,
                    provider_name=GOOGLE,
                    provider_type="Google",
                    provider_details={
                        "client_id": social.google.client_id,
                        "client_secret": _secret(secrets.get("google")),
                        "authorize_scopes": "openid email profile",
                    },
                    attribute_mapping={"email": "email", "email_verified": "email_verified", "username": "sub"},
                    opts=child,
                )
            )
        if social.microsoft is not None:
            providers.append(
                aws.cognito.IdentityProvider(
                    f"{name}-microsoft",
                    user_pool_id=pool_id,
                    provider_name=MICROSOFT,
                    provider_type="OIDC",
                    provider_details={
                        "client_id": social.microsoft.client_id,
                        "client_secret": _secret(secrets.get("microsoft")),
                        "attributes_request_method": "GET",
                        "oidc_issuer": f"https://login.microsoftonline.com/{social.microsoft.tenant_id}/v2.0",
                        "authorize_scopes": "openid email profile",
                    },
                    attribute_mapping={"email": "email", "username": "sub"},
                    opts=child,
                )
            )
        if social.apple is not None:
            providers.append(
                aws.cognito.IdentityProvider(
                    f"{name}-apple",
                    user_pool_id=pool_id,
                    provider_name=APPLE,
                    provider_type="SignInWithApple",
                    provider_details={
                        "client_id": social.apple.client_id,
                        "team_id": social.apple.team_id,
                        "key_id": social.apple.key_id,
                        "private_key": _secret(secrets.get("apple")),
                        "authorize_scopes": "email name",
                    },
                    attribute_mapping={"email": "email", "username": "sub"},
                    opts=child,
                )
            )
        return providers

    def _app_client(
        self,
        name: str,
        settings: AuthSettings,
        pool_id: pulumi.Output[str],
        identity_providers: list[aws.cognito.IdentityProvider],
        child: pulumi.ResourceOptions,
    ) -> aws.cognito.UserPoolClient:
        validity = settings.token_validity
        return aws.cognito.UserPoolClient(
            f"{name}-spa-client",
            user_pool_id=pool_id,
            generate_secret=False,
            allowed_oauth_flows_user_pool_client=True,
            allowed_oauth_flows=["code"],
            allowed_oauth_scopes=list(OAUTH_SCOPES),
            callback_urls=list(settings.callback_urls),
            logout_urls=list(settings.logout_urls),
            supported_identity_providers=["COGNITO", *identity_provider_names(settings)],
            explicit_auth_flows=["ALLOW_REFRESH_TOKEN_AUTH"],
            prevent_user_existence_errors="ENABLED",
            enable_token_revocation=True,
            access_token_validity=validity.access_minutes,
            id_token_validity=validity.id_minutes,
            refresh_token_validity=validity.refresh_days,
            token_validity_units=aws.cognito.UserPoolClientTokenValidityUnitsArgs(
                access_token="minutes",
                id_token="minutes",
                refresh_token="days",
            ),
            auth_session_validity=3,
            opts=child.merge(pulumi.ResourceOptions(depends_on=list(identity_providers))),
        )

    def _block_compromised_credentials(
        self, name: str, pool_id: pulumi.Output[str], child: pulumi.ResourceOptions
    ) -> None:
        """Enforced threat protection blocks sign-in, sign-up and password changes with leaked passwords.

        Adaptive (account takeover) actions need an SES identity to notify users, which paved does
        not own; Cognito applies its defaults to them.
        """
        aws.cognito.RiskConfiguration(
            f"{name}-compromised-credentials",
            user_pool_id=pool_id,
            compromised_credentials_risk_configuration=aws.cognito.RiskConfigurationCompromisedCredentialsRiskConfigurationArgs(
                event_filters=["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"],
                actions=aws.cognito.RiskConfigurationCompromisedCredentialsRiskConfigurationActionsArgs(
                    event_action="BLOCK"
                ),
            ),
            opts=child,
        )
