"""paved: read the stack's config, build the tiers in dependency order, export their outputs."""

import pulumi

from components.account import AwsAccount
from components.auth import Auth, AuthArgs
from components.cdn import Cdn, CdnArgs
from components.compute import Compute, ComputeArgs
from components.config.loader import load_stack_config, read_pulumi_config
from components.data import Data, DataArgs, exported
from components.encryption import Encryption, EncryptionArgs
from components.mail import Mail, MailArgs
from components.network import Network, NetworkArgs
from components.observability import Observability, ObservabilityArgs, edge_topic
from components.provider import edge_provider, stack_provider, tier_options
from components.wiring import wire

config = load_stack_config(
    read_pulumi_config(),
    stack=pulumi.get_stack(),
    project=pulumi.get_project(),
    deploying=not pulumi.runtime.is_dry_run(),
)
facts = wire(config)
provider = stack_provider(config.region, config.standard_tags)
edge = edge_provider(config.region, config.standard_tags, provider)
tier = tier_options(provider)
account = AwsAccount.lookup(provider, config.region)

encryption = Encryption(
    "encryption",
    EncryptionArgs(
        account=account,
        deletion_window_days=facts.key_deletion_window_days,
        protect=facts.protect,
        grants=facts.key_grants,
    ),
    tier,
)
network = Network(
    "network",
    NetworkArgs(settings=config.network, account=account, key_arn=encryption.key_arn),
    tier,
)
stack_secrets = pulumi.Config(config.project)
secrets = {name: stack_secrets.require_secret(key) for name, key in facts.secret_keys.items()}
auth = (
    Auth(
        "auth",
        AuthArgs(
            settings=config.auth,
            account=account,
            project=config.project,
            stack=config.stack,
            protect=facts.protect,
            secrets=secrets,
        ),
        tier,
    )
    if config.auth.enabled
    else None
)

data = Data(
    "data",
    DataArgs(
        settings=config.data,
        account=account,
        network=network.outputs,
        key_arn=encryption.key_arn,
        protect=facts.protect,
        log_deliveries=facts.log_deliveries,
        policy_managed_elsewhere=facts.bucket_policies_elsewhere,
    ),
    tier,
)

# The API's JWT check takes the auth tier's issuer and client id, or compute.jwt when auth is off.
compute = (
    Compute(
        "compute",
        ComputeArgs(
            settings=config.compute,
            account=account,
            key_arn=encryption.key_arn,
            network=network.outputs,
            data=data.outputs,
            auth=auth.outputs if auth is not None else None,
            protect=facts.protect,
            behind_cdn=facts.api_behind_cdn,
            app_origins=facts.upload_origins,
        ),
        tier,
    )
    if config.compute.mode != "none"
    else None
)

cdn = (
    Cdn(
        "cdn",
        CdnArgs(
            settings=config.cdn,
            account=account,
            data=data.outputs,
            api=compute.outputs if compute is not None else None,
            edge_provider=edge,
            key_arn=encryption.key_arn,
            protect=facts.protect,
            key_deletion_window_days=facts.key_deletion_window_days,
        ),
        tier,
    )
    if config.cdn.enabled
    else None
)

mail = (
    Mail(
        "mail",
        MailArgs(
            settings=config.mail,
            account=account,
            names=facts.receipt_names,
            key_arn=encryption.key_arn,
            bucket=data.outputs.buckets[config.mail.bucket],
            log_retention_days=config.observability.log_retention_days,
        ),
        tier,
    )
    if facts.receipt_names is not None and config.mail.bucket
    else None
)

observability = Observability(
    "observability",
    ObservabilityArgs(
        settings=config.observability,
        budget=config.budget,
        account=account,
        key_arn=encryption.key_arn,
        compute=compute.outputs if compute is not None else None,
        data=data.outputs,
        cdn=cdn.outputs if cdn is not None else None,
        edge=edge_topic(cdn.outputs, edge) if cdn is not None else None,
    ),
    tier,
)

pulumi.export("region", config.region)
pulumi.export("kmsKeyArn", encryption.key_arn)
pulumi.export("vpcId", network.vpc_id)
pulumi.export("alarmTopicArn", observability.topic_arn)
pulumi.export(
    "subnetIds",
    {
        "public": network.public_subnet_ids,
        "private": network.private_subnet_ids,
        "isolated": network.isolated_subnet_ids,
    },
)
if compute is not None:
    pulumi.export(
        "api",
        {
            "url": compute.outputs.api_url,
            "originDomain": compute.outputs.api_origin_domain,
            "originProtocol": compute.outputs.api_origin_protocol,
        },
    )
    for key, value in compute.exports.items():
        pulumi.export(key, value)
if cdn is not None:
    pulumi.export("cdn", {"url": cdn.outputs.url, "distributionId": cdn.outputs.distribution_id})
if auth is not None:
    pulumi.export(
        "auth",
        {
            "userPoolId": auth.user_pool_id,
            "issuerUrl": auth.issuer_url,
            "clientId": auth.client_id,
            "domain": auth.domain,
        },
    )
if mail is not None:
    pulumi.export("mail", {"ruleSet": mail.rule_set, "forwarder": mail.function_name})
pulumi.export("data", exported(data.outputs))
