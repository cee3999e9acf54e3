"""paved's tiers up to the data tier, with some buckets' policies left to another tier.

``fixture:policyElsewhere`` lists them (comma-separated bucket names): ``assets`` leaves the assets
bucket's policy to the cdn tier, as ``__main__.py`` does when the wiring says the cdn tier writes it.
"""

import pulumi

from components.account import AwsAccount
from components.config.loader import load_stack_config, read_pulumi_config
from components.data import Data, DataArgs
from components.encryption import Encryption, EncryptionArgs
from components.network import Network, NetworkArgs
from components.provider import stack_provider, tier_options

config = load_stack_config(read_pulumi_config(), stack=pulumi.get_stack(), project=pulumi.get_project())
provider = stack_provider(config.region, config.standard_tags)
tier = tier_options(provider)
account = AwsAccount.lookup(provider, config.region)
encryption = Encryption("encryption", EncryptionArgs(account=account, protect=False), tier)
network = Network("network", NetworkArgs(settings=config.network, account=account, key_arn=encryption.key_arn), tier)
Data(
    "data",
    DataArgs(
        settings=config.data,
        account=account,
        network=network.outputs,
        key_arn=encryption.key_arn,
        protect=config.protection.enabled,
        policy_managed_elsewhere=frozenset(pulumi.Config("fixture").require("policyElsewhere").split(",")),
    ),
    tier,
)
