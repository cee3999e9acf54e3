"""The rules between sections: what one tier needs from another's settings, what prod requires, and the
limits shared with the stack's policy config.

Each rule looks at a valid ``StackConfig`` and returns its problems, each as ``<key>: <sentence>``
(the key without the project prefix); ``problems`` runs them all, so one error lists everything to fix.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from app.items import PARTITION_KEY, SORT_KEY
from components.config.auth import RESERVED_IN_DOMAIN_PREFIX, SOCIAL_SECRETS
from components.config.data import KeyAttribute
from components.config.limits import PolicyLimits, is_allowed
from components.config.stack import StackConfig
from components.data.postgres import DATABASE_MASTER_USER, SERVERLESS_INSTANCE_CLASS

Rule = Callable[[StackConfig, PolicyLimits], list[str]]

ITEM_KEYS = (KeyAttribute(name=PARTITION_KEY, type="S"), KeyAttribute(name=SORT_KEY, type="S"))
"""The keys the API stores items under (``app/items.py``), as table settings."""

RESERVED_DATABASE_USERS = frozenset({DATABASE_MASTER_USER, "postgres", "rdsadmin", "rds_iam", "rdsrepladmin", "public"})
"""Names the application's IAM-authenticated user may not take: the data tier's master user and RDS's own."""

USER_DATA_PURPOSES = ("data", "uploads")


def problems(config: StackConfig, limits: PolicyLimits) -> list[str]:
    """Every problem of every rule, in the order of ``RULES``."""
    return [problem for rule in RULES for problem in rule(config, limits)]


# --- prod -----------------------------------------------------------------------------------------


def prod_protects_data(config: StackConfig, _: PolicyLimits) -> list[str]:
    if not config.is_prod:
        return []
    found: list[str] = []
    if not config.protection.enabled:
        found.append(
            "protection.enabled: must be true when tags.environment is 'prod' "
            "(production data is never left unprotected)"
        )
    postgres, cache = config.data.postgres, config.data.cache
    if postgres.enabled and not postgres.multi_az:
        found.append(
            "data.postgres.multiAz: must be true when tags.environment is 'prod' (a standby in a second AZ; "
            "with Aurora, a reader that takes over)"
        )
    if cache.enabled and cache.replicas < 1:
        found.append("data.cache.replicas: 0 is too few for prod (accepted: 1 to 5, for Multi-AZ failover)")
    return found


def prod_runs_on_more_than_one_task(config: StackConfig, _: PolicyLimits) -> list[str]:
    compute = config.compute
    if config.is_prod and compute.mode == "container" and compute.container.min_tasks < 2:
        return [
            f"compute.container.minTasks: {compute.container.min_tasks} is too few for prod "
            "(accepted: 2 or more, one task per AZ)"
        ]
    return []


def prod_signs_in_safely(config: StackConfig, _: PolicyLimits) -> list[str]:
    auth = config.auth
    if not (config.is_prod and auth.enabled):
        return []
    found: list[str] = []
    if auth.mfa == "off":
        found.append("auth.mfa: 'off' is not allowed in prod (accepted: 'optional' or 'required')")
    for key, urls in (("callbackUrls", auth.callback_urls), ("logoutUrls", auth.logout_urls)):
        local = [url for url in urls if url.startswith("http://")]
        if local:
            found.append(
                f"auth.{key}: {local[0]!r} is not allowed in prod (accepted: https:// URLs of the deployed app)"
            )
    return found


# --- what one tier needs from another -------------------------------------------------------------


def cdn_has_its_buckets(config: StackConfig, _: PolicyLimits) -> list[str]:
    if not config.cdn.enabled:
        return []
    found: list[str] = []
    if config.bucket("assets") is None:
        found.append("data.buckets: cdn.enabled needs a bucket with purpose 'assets' to serve")
    if config.bucket("logs") is None:
        found.append("data.buckets: cdn.enabled needs a bucket with purpose 'logs' for access logs")
    return found


def api_checks_tokens(config: StackConfig, _: PolicyLimits) -> list[str]:
    if config.compute.mode != "none" and not config.auth.enabled and config.compute.jwt is None:
        return [
            "compute.jwt: required when auth.enabled is false (the API always checks JWTs; give issuer and audience)"
        ]
    return []


def containers_are_reachable_over_tls(config: StackConfig, _: PolicyLimits) -> list[str]:
    compute = config.compute
    if compute.mode != "container":
        return []
    container = compute.container
    found: list[str] = []
    if container.certificate_arn is None and not config.cdn.enabled:
        found.append(
            "compute.container.certificateArn: required unless cdn.enabled is true (without a "
            "certificate the load balancer serves HTTP only, which is allowed only behind CloudFront)"
        )
    if config.is_prod and container.certificate_arn is None:
        found.append(
            "compute.container.certificateArn: required when tags.environment is 'prod' (without one the "
            "load balancer serves plain HTTP, which only a dev stack behind CloudFront may do)"
        )
    if container.certificate_arn is not None and container.domain is None:
        found.append(
            "compute.container.domain: required with certificateArn (name and hostedZoneId of the host "
            "name the certificate covers; paved points it at the load balancer)"
        )
    if container.domain is not None and container.certificate_arn is None:
        found.append("compute.container.certificateArn: required with domain (the certificate for that name)")
    return found


def containers_have_their_network_and_logs(config: StackConfig, _: PolicyLimits) -> list[str]:
    if config.compute.mode != "container":
        return []
    found: list[str] = []
    if config.network.nat_strategy == "none":
        found.append(
            "network.natStrategy: 'none' cannot serve compute.mode 'container' (accepted: single, per-az): "
            "tasks fetch the identity provider's signing keys from the internet, which no VPC endpoint "
            "serves, and one NAT gateway costs less than the ECR, logs and Secrets Manager endpoints "
            "tasks would need instead"
        )
    if config.bucket("logs") is None:
        found.append(
            "data.buckets: compute.mode 'container' needs a bucket with purpose 'logs' for the load "
            "balancer's access logs"
        )
    return found


def api_stores_items_in_a_keyed_table(config: StackConfig, _: PolicyLimits) -> list[str]:
    compute = config.compute
    if compute.mode == "none":
        return []
    table = next((t for t in config.data.tables if t.name == compute.items_table_name()), None)
    if compute.items_table is not None and table is None:
        names = ", ".join(t.name for t in config.data.tables) or "none configured"
        return [f"compute.itemsTable: {compute.items_table!r} is not a data.tables entry (accepted: {names})"]
    if table is not None and (table.partition_key, table.sort_key) != ITEM_KEYS:
        return [
            f"compute.itemsTable: table {table.name!r} must have partitionKey {PARTITION_KEY} (S) and sortKey "
            f"{SORT_KEY} (S), the keys the API stores items under"
        ]
    return []


def protected_buckets_are_versioned(config: StackConfig, _: PolicyLimits) -> list[str]:
    if not config.protection.enabled:
        return []
    return [
        f"data.buckets: bucket {bucket.name!r} sets versioning false, but protection.enabled is true "
        "(a protected stack versions every bucket; remove the key or set it true)"
        for bucket in config.data.buckets
        if bucket.versioning is False
    ]


def cache_token_is_reachable(config: StackConfig, _: PolicyLimits) -> list[str]:
    if config.data.cache.enabled and config.compute.mode != "none" and config.network.nat_strategy == "none":
        return [
            "data.cache.enabled: needs network.natStrategy 'single' or 'per-az' (the app reads the cache's "
            "auth token from Secrets Manager, which a VPC without a NAT gateway cannot reach)"
        ]
    return []


def app_user_is_not_reserved(config: StackConfig, _: PolicyLimits) -> list[str]:
    postgres = config.data.postgres
    if postgres.enabled and postgres.iam_user in RESERVED_DATABASE_USERS:
        return [
            f"data.postgres.iamUser: {postgres.iam_user!r} is reserved "
            f"(not accepted: {', '.join(sorted(RESERVED_DATABASE_USERS))})"
        ]
    return []


def mail_is_kept_in_a_data_bucket(config: StackConfig, _: PolicyLimits) -> list[str]:
    mail = config.mail
    bucket = next((b for b in config.data.buckets if b.name == mail.bucket), None)
    if mail.enabled and (bucket is None or bucket.purpose not in USER_DATA_PURPOSES):
        names = [b.name for b in config.data.buckets if b.purpose in USER_DATA_PURPOSES]
        return [
            f"mail.bucket: {mail.bucket!r} is not a data.buckets entry with purpose 'data' or "
            f"'uploads' (accepted: {', '.join(names) or 'none configured'})"
        ]
    return []


def budget_action_has_roles_to_deny(config: StackConfig, _: PolicyLimits) -> list[str]:
    if not config.budget.deny_on_exceed:
        return []
    found: list[str] = []
    if config.compute.mode == "none":
        found.append(
            "budget.denyOnExceed: needs compute.mode 'serverless' or 'container' (it denies the compute "
            "tier's roles; with compute.mode 'none' there is no role to deny)"
        )
    if config.is_prod:
        found.append(
            "budget.denyOnExceed: not allowed when tags.environment is 'prod' (it stops every role "
            "of the stack at the cap; it is a dev option)"
        )
    return found


def hosted_ui_prefix_is_accepted(config: StackConfig, _: PolicyLimits) -> list[str]:
    derived = f"{config.project}-{config.stack}".lower()
    if config.auth.enabled and config.auth.domain_prefix is None and RESERVED_IN_DOMAIN_PREFIX.search(derived):
        return [
            f"auth.domainPrefix: required because the prefix derived from project and stack ({derived!r}) "
            "contains aws, amazon or cognito, which Cognito refuses"
        ]
    return []


def sign_in_secrets_are_set(config: StackConfig, _: PolicyLimits) -> list[str]:
    if not config.auth.enabled:
        return []
    configured = config.auth.social_providers.configured()
    return [
        f"{secret.key}: required because auth.socialProviders configures that provider; set it with "
        f"`pulumi config set --secret {config.project}:{secret.key}`"
        for secret in SOCIAL_SECRETS
        if secret.provider in configured and secret.key not in config.secrets_set
    ]


# --- limits shared with the policy config ---------------------------------------------------------


def backups_meet_the_policy_minimum(config: StackConfig, limits: PolicyLimits) -> list[str]:
    minimum = limits.backup_minimum_days
    if minimum is None:
        return []
    postgres, cache = config.data.postgres, config.data.cache
    kept = {
        "data.postgres.backupRetentionDays": postgres.backup_retention_days if postgres.enabled else None,
        "data.cache.snapshotRetentionDays": cache.snapshot_retention_days if cache.enabled else None,
    }
    return [
        f"{key}: {days} is too short for this stack (accepted: {minimum} to 35, the minimum of "
        f"backup-retention-minimum in {limits.source})"
        for key, days in kept.items()
        if days is not None and days < minimum
    ]


def instance_families_are_allowed(config: StackConfig, limits: PolicyLimits) -> list[str]:
    families = limits.allowed_families
    if families is None:
        return []
    return [
        f"{key}: {instance_class!r} is not in an allowed instance family (accepted: {', '.join(families)}, "
        f"the allowedInstanceFamilies of budget-instance-families-allowed in {limits.source})"
        for key, instance_class in _instance_classes(config)
        if not is_allowed(instance_class, families)
    ]


def _instance_classes(config: StackConfig) -> list[tuple[str, str]]:
    """The classes the stack runs databases and caches on, with the key that chooses each."""
    postgres, cache = config.data.postgres, config.data.cache
    classes: list[tuple[str, str]] = []
    if postgres.enabled and postgres.engine == "aurora-serverless":
        classes.append(("data.postgres.engine", SERVERLESS_INSTANCE_CLASS))
    elif postgres.enabled:
        classes.append(("data.postgres.instanceClass", postgres.instance_class))
    if cache.enabled:
        classes.append(("data.cache.nodeType", cache.node_type))
    return classes


def budget_is_within_the_cap(config: StackConfig, limits: PolicyLimits) -> list[str]:
    budget = config.budget.monthly_usd
    return [
        f"budget.monthlyUsd: {budget:g} is above the cap of {cap.monthly_usd} (maxMonthlyUsd of {cap.policy} in "
        f"{limits.source}); lower the budget or raise the cap there"
        for cap in limits.caps
        if Decimal(str(budget)) > cap.monthly_usd
    ]


RULES: tuple[Rule, ...] = (
    prod_protects_data,
    backups_meet_the_policy_minimum,
    prod_runs_on_more_than_one_task,
    containers_are_reachable_over_tls,
    api_checks_tokens,
    cdn_has_its_buckets,
    protected_buckets_are_versioned,
    cache_token_is_reachable,
    app_user_is_not_reserved,
    instance_families_are_allowed,
    mail_is_kept_in_a_data_bucket,
    budget_action_has_roles_to_deny,
    budget_is_within_the_cap,
    hosted_ui_prefix_is_accepted,
    prod_signs_in_safely,
    containers_have_their_network_and_logs,
    api_stores_items_in_a_keyed_table,
    sign_in_secrets_are_set,
)
"""Every rule, in the order their problems are listed."""
