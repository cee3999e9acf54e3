"""A Pulumi program for the cdn tests: the cdn tier over given data and compute outputs.

The stack config is read exactly as ``__main__.py`` reads it; ``fixture:api`` is ``serverless``
(an HTTP API origin over HTTPS), ``container-http`` (a certificate-less load balancer, HTTP only)
or empty (a static site), so the ``/api/*`` behavior is specified whatever the compute tier builds.
"""

from __future__ import annotations

import pulumi

from components.account import AwsAccount
from components.cdn import Cdn, CdnArgs
from components.config.loader import load_stack_config, read_pulumi_config
from components.outputs import BucketOutputs, ComputeOutputs, DataOutputs
from components.provider import edge_provider, stack_provider, tier_options

ACCOUNT = "123456789012"
KEY_ARN = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/11111111-2222-4333-8444-555555555555"


def out(value: str) -> pulumi.Output[str]:
    return pulumi.Output.from_input(value)


def bucket(purpose: str) -> BucketOutputs:
    name = f"data-{purpose}-1a2b3c4"
    return BucketOutputs(
        purpose=purpose,
        name=out(name),
        arn=out(f"arn:aws:s3:::{name}"),
        regional_domain_name=out(f"{name}.s3.us-east-1.amazonaws.com"),
    )


def api(kind: str) -> ComputeOutputs | None:
    if not kind:
        return None
    serverless = kind == "serverless"
    domain = "abc123.execute-api.us-east-1.amazonaws.com" if serverless else "api-alb-1.us-east-1.elb.amazonaws.com"
    return ComputeOutputs(
        mode="serverless" if serverless else "container",
        api_origin_domain=out(domain),
        api_origin_protocol="https-only" if serverless else "http-only",
        api_url=out(f"https://{domain}"),
        role_arns=[out(f"arn:aws:iam::{ACCOUNT}:role/api")],
        log_group_names=[],
    )


config = load_stack_config(read_pulumi_config(), stack=pulumi.get_stack(), project=pulumi.get_project())
provider = stack_provider(config.region, config.standard_tags)
cdn = Cdn(
    "cdn",
    CdnArgs(
        settings=config.cdn,
        account=AwsAccount.lookup(provider, config.region),
        data=DataOutputs(
            key_arn=out(KEY_ARN), database=None, buckets={"assets": bucket("assets"), "logs": bucket("logs")}
        ),
        api=api(pulumi.Config("fixture").get("api") or ""),
        edge_provider=edge_provider(config.region, config.standard_tags, provider),
        key_arn=KEY_ARN,
        protect=config.protection.enabled,
    ),
    tier_options(provider),
)
pulumi.export("url", cdn.outputs.url)
