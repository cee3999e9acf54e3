"""A Pulumi program for the observability tests: the observability tier over given tier outputs.

The stack config is read exactly as ``__main__.py`` reads it; ``fixture:tiers`` (a comma-separated
list of ``serverless``, ``container``, ``instance``, ``aurora``, ``tables``, ``cdn``) says which
tiers' outputs the observability tier is handed, with AWS-shaped values, so each alarm family is
specified on its own, whatever the other tiers build.
"""

from __future__ import annotations

import pulumi

from components.account import AwsAccount
from components.config.loader import load_stack_config, read_pulumi_config
from components.observability import EdgeTopicArgs, Observability, ObservabilityArgs
from components.outputs import CdnOutputs, ComputeOutputs, DatabaseOutputs, DataOutputs, TableOutputs
from components.provider import edge_provider, stack_provider, tier_options

ACCOUNT = "123456789012"
KEY_ARN = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/11111111-2222-4333-8444-555555555555"
EDGE_KEY_ARN = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/99999999-2222-4333-8444-555555555555"


def out(value: str) -> pulumi.Output[str]:
    return pulumi.Output.from_input(value)


def compute_outputs(mode: str) -> ComputeOutputs:
    roles = [out(f"arn:aws:iam::{ACCOUNT}:role/paved/api-fn-role-1a2b3c"), out(f"arn:aws:iam::{ACCOUNT}:role/api-exec")]
    if mode == "serverless":
        return ComputeOutputs(
            mode="serverless",
            api_origin_domain=out("abc123.execute-api.us-east-1.amazonaws.com"),
            api_origin_protocol="https-only",
            api_url=out("https://abc123.execute-api.us-east-1.amazonaws.com"),
            role_arns=roles,
            log_group_names=[out("/aws/lambda/api-fn-1a2b3c")],
            function_names=[out("api-fn-1a2b3c"), out("worker-fn-4d5e6f")],
            http_api_id=out("abc123"),
            http_api_stage="$default",
        )
    return ComputeOutputs(
        mode="container",
        api_origin_domain=out("api-alb-123.us-east-1.elb.amazonaws.com"),
        api_origin_protocol="https-only",
        api_url=out("https://api-alb-123.us-east-1.elb.amazonaws.com"),
        role_arns=roles,
        log_group_names=[out("/ecs/api")],
        load_balancer_arn_suffix=out("app/api-alb/50dc6c495c0c9188"),
        target_group_arn_suffix=out("targetgroup/api-tg/73e2d6bc24d8a067"),
        cluster_name=out("api-cluster"),
        service_name=out("api-service"),
    )


def data_outputs(tiers: set[str]) -> DataOutputs | None:
    engine = "aurora-serverless" if "aurora" in tiers else "instance" if "instance" in tiers else None
    database = None
    if engine is not None:
        database = DatabaseOutputs(
            engine=engine,
            host=out("db.cluster-abc.us-east-1.rds.amazonaws.com"),
            port=pulumi.Output.from_input(5432),
            database_name="app",
            iam_user="app",
            resource_id=out("cluster-ABCDEFGHIJKL"),
            master_secret_arn=out(f"arn:aws:secretsmanager:us-east-1:{ACCOUNT}:secret:rds!db-1-AbCdEf"),
            security_group_id=out("sg-0123456789abcdef0"),
            identifier=out("data-db-1a2b3c"),
        )
    tables = {}
    if "tables" in tiers:
        tables = {
            "items": TableOutputs(
                name=out("data-items-1a2b3c"), arn=out(f"arn:aws:dynamodb:us-east-1:{ACCOUNT}:table/x")
            ),
        }
    if database is None and not tables:
        return None
    return DataOutputs(key_arn=out(KEY_ARN), database=database, tables=tables)


config = load_stack_config(read_pulumi_config(), stack=pulumi.get_stack(), project=pulumi.get_project())
provider = stack_provider(config.region, config.standard_tags)
edge = edge_provider(config.region, config.standard_tags, provider)
tiers = set(filter(None, (pulumi.Config("fixture").get("tiers") or "").split(",")))
compute = (
    compute_outputs("serverless" if "serverless" in tiers else "container")
    if tiers
    & {
        "serverless",
        "container",
    }
    else None
)
cdn = None
if "cdn" in tiers:
    cdn = CdnOutputs(
        distribution_id=out("E2QWRUHEXAMPLE"),
        distribution_arn=out(f"arn:aws:cloudfront::{ACCOUNT}:distribution/E2QWRUHEXAMPLE"),
        domain_name=out("d111111abcdef8.cloudfront.net"),
        hosted_zone_id=out("Z2FDTNDATAQYW2"),
        url=out("https://d111111abcdef8.cloudfront.net"),
    )
observability = Observability(
    "observability",
    ObservabilityArgs(
        settings=config.observability,
        budget=config.budget,
        account=AwsAccount.lookup(provider, config.region),
        key_arn=KEY_ARN,
        compute=compute,
        data=data_outputs(tiers),
        cdn=cdn,
        edge=EdgeTopicArgs(provider=edge, key_arn=EDGE_KEY_ARN) if edge is not provider else None,
    ),
    tier_options(provider),
)
pulumi.export("topicArn", observability.topic_arn)
