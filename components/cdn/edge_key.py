"""A KMS key in us-east-1 for a stack in another region: CloudFront's WAF logs and alarm topic live
there, and a key serves only its own region."""

from __future__ import annotations

import dataclasses

import pulumi
import pulumi_aws as aws

from components.account import AwsAccount
from components.encryption import key_policy
from components.provider import EDGE_REGION


def edge_key(
    name: str, *, account: AwsAccount, deletion_window_days: int, protect: bool, opts: pulumi.ResourceOptions
) -> aws.kms.Key:
    """The stack key's us-east-1 sibling: same policy statements, scoped to us-east-1 log groups and topics."""
    return aws.kms.Key(
        name,
        description=f"paved {pulumi.get_stack()}: CloudFront's logs and alarms in {EDGE_REGION}",
        enable_key_rotation=True,
        rotation_period_in_days=365,
        deletion_window_in_days=deletion_window_days,
        key_usage="ENCRYPT_DECRYPT",
        customer_master_key_spec="SYMMETRIC_DEFAULT",
        policy=key_policy(dataclasses.replace(account, region=EDGE_REGION)),
        opts=opts.merge(pulumi.ResourceOptions(protect=protect)),
    )
