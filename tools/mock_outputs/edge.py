"""Mock outputs for the types the auth, cdn and observability tiers read back."""

from __future__ import annotations

import string
from typing import Any

from tools.mock_outputs.base import ACCOUNT_ID, MockContext, OutputsFor


def _alphanumeric(ctx: MockContext, seed: str, length: int, alphabet: str) -> str:
    digest = ctx.suffix(seed, 64)
    return "".join(alphabet[int(digest[i : i + 2], 16) % len(alphabet)] for i in range(0, 2 * length, 2))


# --- auth -----------------------------------------------------------------------------------


def _user_pool_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    pool_id = f"{ctx.region}_{_alphanumeric(ctx, name, 9, string.ascii_letters + string.digits)}"
    return {
        "id": pool_id,
        "arn": ctx.arn("cognito-idp", f"userpool/{pool_id}"),
        "endpoint": f"cognito-idp.{ctx.region}.amazonaws.com/{pool_id}",
        "name": ctx.physical_name(name, inputs),
        "estimatedNumberOfUsers": 0,
    }


def _user_pool_client_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": _alphanumeric(ctx, name, 26, string.ascii_lowercase + string.digits),
        "name": ctx.physical_name(name, inputs),
        "clientSecret": "",
    }


def _user_pool_domain_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": inputs.get("domain") or name,
        "awsAccountId": ACCOUNT_ID,
        "cloudfrontDistribution": f"d{ctx.suffix(name, 13)}.cloudfront.net",
        "cloudfrontDistributionArn": f"d{ctx.suffix(name, 13)}.cloudfront.net",
        "cloudfrontDistributionZoneId": "Z2FDTNDATAQYW2",
        "version": "1",
    }


OUTPUTS: dict[str, OutputsFor] = {
    "aws:cognito/userPool:UserPool": _user_pool_outputs,
    "aws:cognito/userPoolClient:UserPoolClient": _user_pool_client_outputs,
    "aws:cognito/userPoolDomain:UserPoolDomain": _user_pool_domain_outputs,
}
"""Resource type → extra outputs beyond the inputs."""
