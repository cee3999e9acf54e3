"""Mock outputs for the types the mail tier reads back: SES identities and their DKIM tokens."""

from __future__ import annotations

from typing import Any

from tools.mock_outputs.base import MockContext, OutputsFor


def _email_identity(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    identity = str(inputs.get("emailIdentity") or name)
    tokens = [ctx.suffix(f"{identity}-dkim-{index}", 32) for index in range(3)]
    return {
        "arn": ctx.arn("ses", f"identity/{identity}"),
        "identityType": "EMAIL_ADDRESS" if "@" in identity else "DOMAIN",
        "dkimSigningAttributes": {
            "tokens": tokens,
            "signingAttributesOrigin": "AWS_SES",
            "nextSigningKeyLength": "RSA_2048_BIT",
            "currentSigningKeyLength": "RSA_2048_BIT",
            "status": "PENDING",
        },
        "verifiedForSendingStatus": False,
    }


def _receipt_rule_set(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    rule_set = str(inputs.get("ruleSetName") or name)
    return {"arn": ctx.arn("ses", f"receipt-rule-set/{rule_set}"), "ruleSetName": rule_set}


OUTPUTS: dict[str, OutputsFor] = {
    "aws:sesv2/emailIdentity:EmailIdentity": _email_identity,
    "aws:ses/receiptRuleSet:ReceiptRuleSet": _receipt_rule_set,
}
