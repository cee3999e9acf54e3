"""Every type token the pack names exists in the installed pulumi-aws SDK (or is awsx's VPC component)."""

from __future__ import annotations

from tests.policies.type_tokens import ALL_TYPE_TOKENS, sdk_inputs


def test_every_type_token_names_a_resource_of_the_installed_sdk() -> None:
    unknown = [token for token in ALL_TYPE_TOKENS if token not in sdk_inputs() and not token.startswith("awsx:")]
    assert unknown == []


def test_the_tokens_are_read_from_the_types_module() -> None:
    assert "aws:rds/instance:Instance" in ALL_TYPE_TOKENS
    assert "aws:budgets/budget:Budget" in ALL_TYPE_TOKENS
