"""What the tiers tell each other, as pure functions of the stack config (no resource, no mocks)."""

from __future__ import annotations

from typing import Any

import pytest

from components import wiring
from components.config.limits import NO_LIMITS
from components.config.loader import load_stack_config
from components.config.stack import StackConfig
from components.encryption import KeyGrants
from components.mail import ReceiptNames
from tools.program import REPO_ROOT
from tools.stack_files import list_stacks, raw_config_from_mapping, read_stack_config

MAIL = {"enabled": True, "domain": "example.com", "hostedZoneId": "Z0123EXAMPLE", "forwardTo": ["me@example.com"]}
BUCKETS = [
    {"name": "site", "purpose": "assets"},
    {"name": "inbox", "purpose": "data"},
    {"name": "logs", "purpose": "logs"},
]


def stack(name: str = "s", **sections: Any) -> StackConfig:
    """A valid dev stack with no tiers but the ones ``sections`` turn on."""
    config: dict[str, Any] = {
        "aws:region": "us-east-1",
        "paved:tags": {"environment": "dev", "owner": "team", "costCenter": "cc-1"},
        "paved:budget": {"monthlyUsd": 10},
        "paved:protection": {"enabled": False},
        "paved:compute": {"mode": "none"},
        "paved:cdn": {"enabled": False},
        "paved:auth": {"enabled": False},
        "paved:data": {"postgres": {"enabled": False}, "buckets": BUCKETS},
        **{f"paved:{key}": value for key, value in sections.items()},
    }
    return load_stack_config(raw_config_from_mapping(config), stack=name, limits=NO_LIMITS)


def repo_stack(name: str) -> StackConfig:
    return load_stack_config(read_stack_config(REPO_ROOT, name), stack=name)


def test_a_stack_with_no_other_tier_tells_the_early_tiers_nothing() -> None:
    facts = wiring.wire(stack())
    assert facts.key_grants == KeyGrants()
    assert (facts.bucket_policies_elsewhere, facts.log_deliveries, facts.receipt_names) == (
        frozenset(),
        frozenset(),
        None,
    )
    assert (facts.upload_origins, dict(facts.secret_keys), facts.api_behind_cdn) == ((), {}, False)


def test_the_cdn_writes_the_assets_bucket_policy_sends_logs_and_reads_through_the_key() -> None:
    facts = wiring.wire(stack(cdn={"enabled": True}))
    assert facts.bucket_policies_elsewhere == {"site"}
    assert facts.log_deliveries == {"cloudfront"}
    assert facts.key_grants == KeyGrants(cloudfront_origins=True)
    assert facts.api_behind_cdn is True


def test_the_mail_tier_writes_its_bucket_policy_and_ses_may_encrypt_with_the_key() -> None:
    facts = wiring.wire(stack("site-mail", mail={**MAIL, "bucket": "inbox"}))
    assert facts.bucket_policies_elsewhere == {"inbox"}
    assert facts.receipt_names == ReceiptNames(rule_set="paved-site-mail-inbound", rule="paved-site-mail-forward")
    assert facts.key_grants == KeyGrants(ses_receipt_rule_set="paved-site-mail-inbound")


def test_the_load_balancer_sends_its_access_logs_only_in_container_mode() -> None:
    assert wiring.log_deliveries(repo_stack("prod")) == {"cloudfront", "alb"}
    assert wiring.log_deliveries(repo_stack("dev")) == {"cloudfront"}


@pytest.mark.parametrize(("protect", "days"), [(True, 30), (False, 7)])
def test_protected_stacks_keep_a_deleted_key_recoverable_for_the_longest_window(protect: bool, days: int) -> None:
    facts = wiring.wire(stack(protection={"enabled": protect}))
    assert (facts.protect, facts.key_deletion_window_days) == (protect, days)


def test_uploads_are_admitted_from_the_origins_of_the_callback_urls_once_each() -> None:
    config = stack(
        auth={
            "callbackUrls": [
                "https://app.example.com/callback",
                "https://app.example.com/other",
                "http://localhost:3000/",
            ],
        }
    )
    assert wiring.upload_origins(config) == ("https://app.example.com", "http://localhost:3000")


def test_secret_keys_follow_the_providers_the_stack_turns_on() -> None:
    assert wiring.secret_keys(repo_stack("example-serverless-api")) == {
        "google": "googleClientSecret",
        "apple": "applePrivateKey",
    }
    assert wiring.secret_keys(repo_stack("dev")) == {}


@pytest.mark.parametrize("name", list_stacks(REPO_ROOT))
def test_every_bucket_left_to_another_tier_is_one_the_data_tier_builds(name: str) -> None:
    config = repo_stack(name)
    elsewhere, logs = wiring.bucket_policies_elsewhere(config), config.bucket("logs")
    assert elsewhere <= {bucket.name for bucket in config.data.buckets}
    assert logs is None or logs.name not in elsewhere  # the logs bucket carries the delivery grants
