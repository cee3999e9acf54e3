"""paved: read the stack's config, build the tiers in dependency order, export their outputs."""

import pulumi

from components.account import AwsAccount
from components.config_loader import load_stack_config, read_pulumi_config
from components.data import Data, DataArgs, exported, log_deliveries
from components.encryption import Encryption, EncryptionArgs
from components.network import Network, NetworkArgs
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

pulumi.export("region", config.region)
pulumi.export("kmsKeyArn", encryption.key_arn)
pulumi.export("vpcId", network.vpc_id)
pulumi.export(
    "subnetIds",
    {
        "public": network.public_subnet_ids,
        "private": network.private_subnet_ids,
        "isolated": network.isolated_subnet_ids,
    },
)
pulumi.export("data", exported(data.outputs))
