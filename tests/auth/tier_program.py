"""A Pulumi program for the auth tests: the auth tier alone, its config and secrets read as
``__main__.py`` reads them (the other tiers do not change what it builds, and are slower to run)."""

from __future__ import annotations

import pulumi

from components.account import AwsAccount
from components.auth import Auth, AuthArgs, SocialSecrets
from components.config_loader import load_stack_config, read_pulumi_config
from components.provider import stack_provider, tier_options

config = load_stack_config(read_pulumi_config(), stack=pulumi.get_stack(), project=pulumi.get_project())
provider = stack_provider(config)
secrets = pulumi.Config(config.project)
auth = Auth(
    "auth",
    AuthArgs(
        settings=config.auth,
        account=AwsAccount.lookup(provider, config.region),
        project=config.project,
        stack=config.stack,
        protect=config.protection.enabled,
        secrets=SocialSecrets(
            google_client_secret=secrets.get_secret("googleClientSecret"),
            microsoft_client_secret=secrets.get_secret("microsoftClientSecret"),
            apple_private_key=secrets.get_secret("applePrivateKey"),
        ),
    ),
    tier_options(provider),
)
pulumi.export("auth", {"issuerUrl": auth.issuer_url, "clientId": auth.client_id, "domain": auth.domain})
