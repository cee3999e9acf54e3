"""paved: read the stack's config, build the tiers in dependency order, export their outputs."""

import pulumi

from components.account import AwsAccount
from components.auth import Auth, AuthArgs, SocialSecrets
from components.config_loader import load_stack_config, read_pulumi_config
from components.data import Data, DataArgs, log_deliveries
from components.encryption import Encryption, EncryptionArgs
from components.network import Network, NetworkArgs
from components.observability import Observability, ObservabilityArgs
from components.provider import stack_provider, tier_options

config = load_stack_config(read_pulumi_config(), stack=pulumi.get_stack(), project=pulumi.get_project())
provider = stack_provider(config)
tier = tier_options(provider)
account = AwsAccount.lookup(provider, config.region)

encryption = Encryption(
    "encryption",
    EncryptionArgs(
        account=account,
        deletion_window_days=30 if config.is_prod else 7,
        protect=config.protection.enabled,
        serves_cdn=config.cdn.enabled,
    ),
    tier,
)
network = Network(
    "network",
    NetworkArgs(settings=config.network, account=account, key_arn=encryption.key_arn),
    tier,
)
data = Data(
    "data",
    DataArgs(
        settings=config.data,
        account=account,
        network=network.outputs,
        key_arn=encryption.key_arn,
        protect=config.protection.enabled,
        log_deliveries=log_deliveries(config),
    ),
    tier,
)

secrets = pulumi.Config(config.project)
auth = (
    Auth(
        "auth",
        AuthArgs(
            settings=config.auth,
            account=account,
            project=config.project,
            stack=config.stack,
            protect=config.protection.enabled,
            secrets=SocialSecrets(
                google_client_secret=secrets.get_secret("googleClientSecret"),
                microsoft_client_secret=secrets.get_secret("microsoftClientSecret"),
                apple_private_key=secrets.get_secret("applePrivateKey"),
            ),
        ),
        tier,
    )
    if config.auth.enabled
    else None
)

observability = Observability(
    "observability",
    ObservabilityArgs(
        settings=config.observability,
        budget=config.budget,
        account=account,
        key_arn=encryption.key_arn,
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
pulumi.export(
    "data",
    {
        "database": (
            {
                "host": data.outputs.database.host,
                "port": data.outputs.database.port,
                "name": config.data.postgres.database_name,
            }
            if data.outputs.database
            else None
        ),
        "tables": {key: table.name for key, table in data.outputs.tables.items()},
        "buckets": {key: bucket.name for key, bucket in data.outputs.buckets.items()},
        "cache": data.outputs.cache.host if data.outputs.cache else None,
    },
)
