"""Bad auth settings fail before any resource is registered, with one line naming the key."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import config_error, run_config, stack_yaml_config


def _auth(stack: str, **changes: Any) -> dict[str, Any]:
    config = stack_yaml_config(stack)
    config["paved:auth"].update(changes)
    return config


CASES: list[tuple[str, dict[str, Any], str]] = [
    (
        "microsoft without a tenant",
        _auth("dev", socialProviders={"microsoft": {"clientId": "abc"}}),
        "paved:auth.socialProviders.microsoft.tenantId: required but not set",
    ),
    (
        "microsoft with the multi-tenant endpoint",
        _auth("dev", socialProviders={"microsoft": {"clientId": "abc", "tenantId": "common"}}),
        "paved:auth.socialProviders.microsoft.tenantId: 'common' is not accepted (expected text matching "
        "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$)",
    ),
    (
        "prod without mfa",
        _auth("prod", mfa="off"),
        "paved:auth.mfa: 'off' is not allowed in prod (accepted: 'optional' or 'required')",
    ),
    (
        "prod with a localhost callback",
        _auth("prod", callbackUrls=["https://app.example.com/callback", "http://localhost:3000/callback"]),
        "paved:auth.callbackUrls: 'http://localhost:3000/callback' is not allowed in prod (accepted: https:// URLs "
        "of the deployed app)",
    ),
    (
        "prod with a localhost logout url",
        _auth("prod", logoutUrls=["http://localhost:3000/"]),
        "paved:auth.logoutUrls: 'http://localhost:3000/' is not allowed in prod (accepted: https:// URLs of the "
        "deployed app)",
    ),
    (
        "threat protection mode that does not exist",
        _auth("dev", threatProtection="paranoid"),
        "paved:auth.threatProtection: 'paranoid' is not accepted (accepted: 'off', 'audit' or 'enforced')",
    ),
    (
        "domain prefix with a reserved word",
        _auth("dev", domainPrefix="my-cognito-login"),
        "paved:auth.domainPrefix: 'my-cognito-login' may not contain aws, amazon or cognito",
    ),
    (
        "token validity too short",
        _auth("dev", tokenValidity={"accessMinutes": 1}),
        "paved:auth.tokenValidity.accessMinutes: 1 is not accepted (must be greater than or equal to 5)",
    ),
]


@pytest.mark.parametrize("config, message", [(c, m) for _, c, m in CASES], ids=[name for name, _, _ in CASES])
def test_bad_auth_config_fails_with_one_clear_line_and_no_resources(config: dict[str, Any], message: str) -> None:
    error, registered = config_error(config)
    assert error == message
    assert registered == 0


def test_stack_name_with_a_reserved_word_needs_an_explicit_domain_prefix() -> None:
    from tools.program import ProgramError

    config = stack_yaml_config("dev")
    with pytest.raises(ProgramError) as failure:
        run_config(config, stack="aws-sandbox")
    assert str(failure.value) == (
        "paved:auth.domainPrefix: required because the prefix derived from project and stack ('paved-aws-sandbox') "
        "contains aws, amazon or cognito, which Cognito refuses"
    )
    assert failure.value.resources == []
    config["paved:auth"]["domainPrefix"] = "sandbox-login"
    run = run_config(config, stack="aws-sandbox")
    assert run.one("aws:cognito/userPoolDomain:UserPoolDomain").inputs["domain"] == "sandbox-login"
