"""A Pulumi program for the auth tests: the auth tier alone, its config read and its secrets chosen by
the wiring as in ``__main__.py`` (the other tiers do not change what it builds, and are slower to run)."""

from __future__ import annotations

import pulumi

from components.account import AwsAccount
from components.auth import Auth, AuthArgs
from components.config.loader import load_stack_config, read_pulumi_config
from components.provider import stack_provider, tier_options
from components.wiring import wire

config = load_stack_config(read_pulumi_config(), stack=pulumi.get_stack(), project=pulumi.get_project())
provider = stack_provider(config.region, config.standard_tags)
facts = wire(config)
stack_secrets = pulumi.Config(config.project)
auth = Auth(
    "auth",
    AuthArgs(
        settings=config.auth,
        account=AwsAccount.lookup(provider, config.region),
        project=config.project,
        stack=config.stack,
        protect=facts.protect,
        secrets={name: stack_secrets.require_secret(key) for name, key in facts.secret_keys.items()},
    ),
    tier_options(provider),
)
pulumi.export("auth", {"issuerUrl": auth.issuer_url, "clientId": auth.client_id, "domain": auth.domain})
