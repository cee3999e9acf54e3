"""What the tiers tell each other, derived once from the stack config, before any resource exists.

A tier built early sometimes has to make room for one built later: the stack key's policy grants
CloudFront and SES, the data tier leaves some bucket policies to the cdn and mail tiers and lets
their logs into the logs bucket. Those facts are decided here, from the config alone, as pure
functions (as awsx derives a VPC's subnets from its CIDR before creating any), so ``__main__.py``
hands each tier facts in its own vocabulary and no tier reads another tier's settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from components.compute.uploads import app_origins
from components.config.auth import SOCIAL_SECRETS
from components.config.stack import StackConfig
from components.data.log_delivery import LogDelivery
from components.encryption import KeyGrants
from components.mail import ReceiptNames

PROTECTED_KEY_DELETION_DAYS = 30
UNPROTECTED_KEY_DELETION_DAYS = 7
"""KMS waits this long before deleting a scheduled key (7 to 30 days): the longest when data is protected."""


@dataclass(frozen=True, kw_only=True)
class Wiring:
    """Everything one tier needs to know because of another tier's settings."""

    protect: bool
    """Protected stateful resources (``protection.enabled``): every tier applies it to its own."""
    key_deletion_window_days: int
    """The stack keys' deletion window (the stack key and the cdn tier's us-east-1 key)."""
    key_grants: KeyGrants
    """The services the stack key's policy lets use it for other tiers: CloudFront, SES."""
    bucket_policies_elsewhere: frozenset[str]
    """Buckets (config names) whose policy the cdn or mail tier writes; the data tier leaves them out."""
    log_deliveries: frozenset[LogDelivery]
    """Log deliveries other tiers point at the logs bucket: CloudFront's and the load balancer's."""
    receipt_names: ReceiptNames | None
    """The mail tier's SES rule set and rule, which the key policy names too; ``None`` without mail."""
    api_behind_cdn: bool
    """CloudFront fronts the API, so the load balancer admits only CloudFront."""
    upload_origins: tuple[str, ...]
    """Origins of the app's pages (from the auth tier's callback URLs): browsers there upload to S3."""
    secret_keys: Mapping[str, str]
    """Each configured social provider → the ``<project>:<key>`` secret ``__main__.py`` reads for it (the key)."""


def wire(config: StackConfig) -> Wiring:
    """The facts every tier is handed, all derived from ``config``."""
    receipt = receipt_names(config.project, config.stack) if config.mail.enabled else None
    return Wiring(
        protect=config.protection.enabled,
        key_deletion_window_days=key_deletion_window_days(config.protection.enabled),
        key_grants=key_grants(config, receipt),
        bucket_policies_elsewhere=bucket_policies_elsewhere(config),
        log_deliveries=log_deliveries(config),
        receipt_names=receipt,
        api_behind_cdn=config.cdn.enabled,
        upload_origins=upload_origins(config),
        secret_keys=secret_keys(config),
    )


def key_deletion_window_days(protect: bool) -> int:
    return PROTECTED_KEY_DELETION_DAYS if protect else UNPROTECTED_KEY_DELETION_DAYS


def receipt_names(project: str, stack: str) -> ReceiptNames:
    """The SES receipt rule set and rule of the stack: one set per stack, so stacks never share one."""
    return ReceiptNames(rule_set=f"{project}-{stack}-inbound", rule=f"{project}-{stack}-forward")


def key_grants(config: StackConfig, receipt: ReceiptNames | None) -> KeyGrants:
    """CloudFront reads SSE-KMS assets when the cdn tier is on; SES stores mail when the mail tier is on."""
    return KeyGrants(
        cloudfront_origins=config.cdn.enabled,
        ses_receipt_rule_set=receipt.rule_set if receipt is not None else None,
    )


def bucket_policies_elsewhere(config: StackConfig) -> frozenset[str]:
    """The assets bucket's policy is the cdn tier's (OAC); the mail bucket's is the mail tier's (SES)."""
    assets = config.bucket("assets")
    names: set[str] = set()
    if config.cdn.enabled and assets is not None:
        names.add(assets.name)
    if config.mail.enabled and config.mail.bucket:
        names.add(config.mail.bucket)
    return frozenset(names)


def log_deliveries(config: StackConfig) -> frozenset[LogDelivery]:
    """CloudFront logs when the cdn tier is on; the load balancer when the API runs in containers."""
    deliveries: set[LogDelivery] = set()
    if config.cdn.enabled:
        deliveries.add("cloudfront")
    if config.compute.mode == "container":
        deliveries.add("alb")
    return frozenset(deliveries)


def upload_origins(config: StackConfig) -> tuple[str, ...]:
    """The app's pages live at the auth tier's callback URLs; without auth there are none to admit."""
    return tuple(app_origins(config.auth.callback_urls)) if config.auth.enabled else ()


def secret_keys(config: StackConfig) -> dict[str, str]:
    """The secret config key of each social provider the auth tier turns on."""
    if not config.auth.enabled:
        return {}
    configured = config.auth.social_providers.configured()
    return {secret.provider: secret.key for secret in SOCIAL_SECRETS if secret.provider in configured}
