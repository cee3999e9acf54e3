"""The auth tier, as specified for dev and prod, with its options and switched off."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from components.auth import default_domain_prefix
from tests.conftest import run_config, stack_yaml_config
from tools.program import ProgramRun, Registration, run_program
from tools.stack_files import raw_config_from_mapping

POOL = "aws:cognito/userPool:UserPool"
CLIENT = "aws:cognito/userPoolClient:UserPoolClient"
DOMAIN = "aws:cognito/userPoolDomain:UserPoolDomain"
GROUP = "aws:cognito/userGroup:UserGroup"
IDP = "aws:cognito/identityProvider:IdentityProvider"
RISK = "aws:cognito/riskConfiguration:RiskConfiguration"
SECRET_SIG = "4dabf18193072939515e22adb298388d"

GOOGLE = {"clientId": "1234-abc.apps.googleusercontent.com"}
MICROSOFT = {"clientId": "0b1c2d3e-aaaa-4bbb-8ccc-123456789abc", "tenantId": "11111111-2222-4333-8444-555555555555"}
APPLE = {"clientId": "com.example.web", "teamId": "ABCDE12345", "keyId": "KEY1234567"}
SECRETS = {"paved:googleClientSecret", "paved:microsoftClientSecret", "paved:applePrivateKey"}


def pool(run: ProgramRun) -> Registration:
    return run.one(POOL, "auth-pool")


def client(run: ProgramRun) -> Registration:
    return run.one(CLIENT, "auth-spa-client")


def with_auth(stack: str = "dev", **auth: Any) -> ProgramRun:
    """The auth tier alone (``tier_program.py``) for ``stack``'s config with ``auth`` changed."""
    return _run_tier(stack, json.dumps(auth, sort_keys=True))


def with_social(**providers: dict[str, str]) -> ProgramRun:
    return _run_tier("dev", json.dumps({"socialProviders": providers}, sort_keys=True), secrets=True)


@cache
def _run_tier(stack: str, auth: str, *, secrets: bool = False) -> ProgramRun:
    config = stack_yaml_config(stack)
    config["paved:auth"].update(json.loads(auth))
    for key in SECRETS if secrets else ():
        config[key] = "[secret]"
    raw = raw_config_from_mapping(config, SECRETS if secrets else None)
    return run_program(raw, stack=stack, program=Path(__file__).with_name("tier_program.py"))


# --- user pool ------------------------------------------------------------------------------


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_password_policy_needs_twelve_characters_of_every_class_and_no_reuse(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    policy = pool(request.getfixturevalue(run_name)).inputs["passwordPolicy"]
    assert policy["minimumLength"] >= 12
    assert policy["requireLowercase"] is True
    assert policy["requireUppercase"] is True
    assert policy["requireNumbers"] is True
    assert policy["requireSymbols"] is True
    assert policy["passwordHistorySize"] == 5


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_users_sign_in_with_a_verified_email_recovered_only_by_email(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    inputs = pool(request.getfixturevalue(run_name)).inputs
    assert inputs["usernameAttributes"] == ["email"]
    assert inputs["usernameConfiguration"] == {"caseSensitive": False}
    assert inputs["autoVerifiedAttributes"] == ["email"]
    assert inputs["userAttributeUpdateSettings"] == {"attributesRequireVerificationBeforeUpdates": ["email"]}
    assert inputs["verificationMessageTemplate"]["defaultEmailOption"] == "CONFIRM_WITH_CODE"
    assert inputs["accountRecoverySetting"] == {"recoveryMechanisms": [{"name": "verified_email", "priority": 1}]}


def test_dev_mfa_is_optional_totp(dev: ProgramRun) -> None:
    inputs = pool(dev).inputs
    assert inputs["mfaConfiguration"] == "OPTIONAL"
    assert inputs["softwareTokenMfaConfiguration"] == {"enabled": True}


def test_prod_mfa_is_required_totp(prod: ProgramRun) -> None:
    inputs = pool(prod).inputs
    assert inputs["mfaConfiguration"] == "ON"
    assert inputs["softwareTokenMfaConfiguration"] == {"enabled": True}


def test_mfa_off_from_config_turns_totp_off() -> None:
    inputs = pool(with_auth(mfa="off")).inputs
    assert inputs["mfaConfiguration"] == "OFF"
    assert "softwareTokenMfaConfiguration" not in inputs


def test_prod_pool_is_deletion_protected_and_pulumi_protected(prod: ProgramRun) -> None:
    registration = pool(prod)
    assert registration.inputs["deletionProtection"] == "ACTIVE"
    assert registration.protect is True


def test_dev_pool_can_be_deleted(dev: ProgramRun) -> None:
    registration = pool(dev)
    assert registration.inputs["deletionProtection"] == "INACTIVE"
    assert registration.protect is False


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_without_threat_protection_the_pool_uses_the_essentials_plan(
    run_name: str, request: pytest.FixtureRequest
) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    inputs = pool(run).inputs
    assert inputs["userPoolTier"] == "ESSENTIALS"
    assert inputs["userPoolAddOns"] == {"advancedSecurityMode": "OFF"}
    assert run.of_type(RISK) == []


def test_threat_protection_in_audit_mode_needs_the_plus_plan() -> None:
    run = with_auth("prod", threatProtection="audit")
    inputs = pool(run).inputs
    assert inputs["userPoolTier"] == "PLUS"
    assert inputs["userPoolAddOns"] == {"advancedSecurityMode": "AUDIT"}
    assert run.of_type(RISK) == []


def test_enforced_threat_protection_blocks_compromised_credentials() -> None:
    run = with_auth("prod", threatProtection="enforced")
    inputs = pool(run).inputs
    assert inputs["userPoolTier"] == "PLUS"
    assert inputs["userPoolAddOns"] == {"advancedSecurityMode": "ENFORCED"}
    risk = run.one(RISK).inputs
    assert risk["userPoolId"] == pool(run).id
    assert risk["compromisedCredentialsRiskConfiguration"] == {
        "eventFilters": ["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"],
        "actions": {"eventAction": "BLOCK"},
    }


def test_only_administrators_create_users_unless_self_sign_up_is_on(dev: ProgramRun) -> None:
    assert pool(dev).inputs["adminCreateUserConfig"] == {"allowAdminCreateUserOnly": True}
    opened = pool(with_auth(selfSignUp=True)).inputs
    assert opened["adminCreateUserConfig"] == {"allowAdminCreateUserOnly": False}


def test_pool_has_no_hard_coded_name(dev: ProgramRun) -> None:
    assert "name" not in pool(dev).inputs


# --- SPA app client -------------------------------------------------------------------------


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_spa_client_is_public_and_runs_only_the_code_flow(run_name: str, request: pytest.FixtureRequest) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    inputs = client(run).inputs
    assert inputs["userPoolId"] == pool(run).id
    assert inputs["generateSecret"] is False
    assert inputs["allowedOauthFlowsUserPoolClient"] is True
    assert inputs["allowedOauthFlows"] == ["code"]
    assert inputs["allowedOauthScopes"] == ["openid", "email", "profile"]
    assert inputs["explicitAuthFlows"] == ["ALLOW_REFRESH_TOKEN_AUTH"]
    assert inputs["preventUserExistenceErrors"] == "ENABLED"
    assert inputs["enableTokenRevocation"] is True
    assert inputs["supportedIdentityProviders"] == ["COGNITO"]


def test_callback_and_logout_urls_come_from_config(dev: ProgramRun, prod: ProgramRun) -> None:
    assert client(dev).inputs["callbackUrls"] == ["http://localhost:3000/callback"]
    assert client(dev).inputs["logoutUrls"] == ["http://localhost:3000/"]
    assert client(prod).inputs["callbackUrls"] == ["https://app.example.com/callback"]
    assert client(prod).inputs["logoutUrls"] == ["https://app.example.com/"]


def test_token_validity_comes_from_config_in_explicit_units(dev: ProgramRun) -> None:
    inputs = client(dev).inputs
    assert (inputs["accessTokenValidity"], inputs["idTokenValidity"], inputs["refreshTokenValidity"]) == (60, 60, 30)
    assert inputs["tokenValidityUnits"] == {"accessToken": "minutes", "idToken": "minutes", "refreshToken": "days"}
    changed = client(with_auth(tokenValidity={"accessMinutes": 15, "idMinutes": 20, "refreshDays": 7})).inputs
    assert (changed["accessTokenValidity"], changed["idTokenValidity"], changed["refreshTokenValidity"]) == (15, 20, 7)


# --- hosted UI domain and groups ------------------------------------------------------------


def test_hosted_ui_prefix_is_derived_from_project_stack_and_account(dev: ProgramRun) -> None:
    digest = hashlib.sha256(b"123456789012").hexdigest()[:8]
    domain = dev.one(DOMAIN)
    assert domain.inputs["domain"] == f"paved-dev-{digest}"
    assert domain.inputs["userPoolId"] == pool(dev).id
    assert domain.inputs["managedLoginVersion"] == 1


def test_hosted_ui_prefix_comes_from_config_when_set() -> None:
    run = with_auth(domainPrefix="school-login")
    assert run.one(DOMAIN).inputs["domain"] == "school-login"
    assert run.outputs["auth"]["domain"] == "school-login.auth.us-east-1.amazoncognito.com"


def test_derived_prefix_is_lowercase_bounded_and_free_of_reserved_words() -> None:
    prefix = default_domain_prefix("Paved", "Feature_Branch." + "x" * 80, "123456789012")
    assert prefix == prefix.lower()
    assert len(prefix) <= 63
    assert prefix.startswith("paved-feature-branch-x")
    assert "_" not in prefix
    assert "." not in prefix


def test_groups_come_from_config_in_precedence_order(dev: ProgramRun) -> None:
    groups = sorted((g.inputs["precedence"], g.inputs["name"]) for g in dev.of_type(GROUP))
    assert groups == [(0, "members"), (1, "admins")]
    assert {g.inputs["userPoolId"] for g in dev.of_type(GROUP)} == {pool(dev).id}


# --- social identity providers --------------------------------------------------------------


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_no_social_provider_unless_configured(run_name: str, request: pytest.FixtureRequest) -> None:
    assert request.getfixturevalue(run_name).of_type(IDP) == []


def test_google_sign_in_takes_its_secret_from_secret_config() -> None:
    run = with_social(google=GOOGLE)
    google = run.one(IDP, "auth-google")
    assert google.inputs["providerType"] == "Google"
    assert google.inputs["providerDetails"]["client_id"] == GOOGLE["clientId"]
    assert google.inputs["providerDetails"]["client_secret"] == "[secret]"
    assert SECRET_SIG in google.properties["providerDetails"]["client_secret"]
    assert client(run).inputs["supportedIdentityProviders"] == ["COGNITO", "Google"]


def test_microsoft_sign_in_is_oidc_against_one_tenant() -> None:
    run = with_social(microsoft=MICROSOFT)
    microsoft = run.one(IDP, "auth-microsoft")
    details = microsoft.inputs["providerDetails"]
    assert microsoft.inputs["providerType"] == "OIDC"
    assert details["oidc_issuer"] == f"https://login.microsoftonline.com/{MICROSOFT['tenantId']}/v2.0"
    assert details["client_id"] == MICROSOFT["clientId"]
    assert SECRET_SIG in microsoft.properties["providerDetails"]["client_secret"]
    assert client(run).inputs["supportedIdentityProviders"] == ["COGNITO", "Microsoft"]


def test_apple_sign_in_takes_its_private_key_from_secret_config() -> None:
    run = with_social(apple=APPLE)
    apple = run.one(IDP, "auth-apple")
    details = apple.inputs["providerDetails"]
    assert apple.inputs["providerType"] == "SignInWithApple"
    assert (details["client_id"], details["team_id"], details["key_id"]) == (
        "com.example.web",
        "ABCDE12345",
        "KEY1234567",
    )
    assert SECRET_SIG in apple.properties["providerDetails"]["private_key"]


def test_client_waits_for_every_configured_provider() -> None:
    run = with_social(google=GOOGLE, microsoft=MICROSOFT, apple=APPLE)
    providers = {p.urn for p in run.of_type(IDP)}
    assert len(providers) == 3
    assert providers <= set(client(run).dependencies)
    assert client(run).inputs["supportedIdentityProviders"] == ["COGNITO", "Google", "Microsoft", "SignInWithApple"]


# --- outputs and switched off ---------------------------------------------------------------


@pytest.mark.parametrize("run_name", ["dev", "prod"])
def test_exports_issuer_client_and_domain_for_the_jwt_authorizer(run_name: str, request: pytest.FixtureRequest) -> None:
    run: ProgramRun = request.getfixturevalue(run_name)
    pool_id = pool(run).id
    exported = run.outputs["auth"]
    assert exported["issuerUrl"] == f"https://cognito-idp.us-east-1.amazonaws.com/{pool_id}"
    assert exported["userPoolId"] == pool_id
    assert exported["clientId"] == client(run).id
    assert exported["domain"] == f"{run.one(DOMAIN).inputs['domain']}.auth.us-east-1.amazoncognito.com"


def test_auth_switched_off_creates_no_cognito_resource() -> None:
    config = stack_yaml_config("dev")
    config["paved:auth"] = {"enabled": False}
    config["paved:compute"]["jwt"] = {"issuer": "https://login.example.com/", "audience": ["paved-api"]}
    run = run_config(config)
    assert [r.type for r in run.resources if r.type.startswith("aws:cognito/")] == []
    assert [r for r in run.resources if r.type == "paved:auth:Auth"] == []
    assert "auth" not in run.outputs


def test_auth_resources_are_children_of_the_auth_tier(dev: ProgramRun) -> None:
    tier = dev.one("paved:auth:Auth", "auth")
    cognito = [r for r in dev.resources if r.type.startswith("aws:cognito/")]
    assert len(cognito) == 5
    assert {r.parent for r in cognito} == {tier.urn}
