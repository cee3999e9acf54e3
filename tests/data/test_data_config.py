"""Data settings that cannot deploy, or would break a guarantee, fail before any resource is registered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import config_error, run_config, stack_yaml_config

Change = Callable[[dict[str, Any]], None]


def _data(change: Callable[[dict[str, Any]], None]) -> Change:
    return lambda config: change(config["paved:data"])


def _uploads(**settings: Any) -> Change:
    return _data(lambda data: data["buckets"][1].update(settings))


def _postgres(**settings: Any) -> Change:
    return _data(lambda data: data["postgres"].update(settings))


def _cache(**settings: Any) -> Change:
    return _data(lambda data: data["cache"].update(settings))


def _protected(config: dict[str, Any]) -> None:
    config["paved:protection"]["enabled"] = True


def _no_budget_action(config: dict[str, Any]) -> None:
    """Without compute there is no role for budget.denyOnExceed to deny (a config error)."""
    config["paved:budget"]["denyOnExceed"] = False


def _both(*changes: Change) -> Change:
    def change(config: dict[str, Any]) -> None:
        for one in changes:
            one(config)

    return change


def _assets_versioning(value: bool) -> Change:
    return _data(lambda data: data["buckets"][0].update(versioning=value))


def _network(**settings: Any) -> Change:
    return lambda config: config["paved:network"].update(settings)


def _compute(**settings: Any) -> Change:
    return lambda config: config["paved:compute"].update(settings)


CASES: list[tuple[str, Change, str]] = [
    (
        "infrequent-access transition before 30 days",
        _uploads(transitions=[{"days": 7, "storageClass": "STANDARD_IA"}]),
        "paved:data.buckets[1]: bucket 'uploads': transition to STANDARD_IA after 7 days is too early "
        "(accepted: 30 days or more)",
    ),
    (
        "transition back up the storage classes",
        _uploads(transitions=[{"days": 30, "storageClass": "GLACIER"}, {"days": 90, "storageClass": "STANDARD_IA"}]),
        "paved:data.buckets[1]: bucket 'uploads': transition to STANDARD_IA after 90 days does not move down from "
        "GLACIER (order: STANDARD_IA → INTELLIGENT_TIERING → ONEZONE_IA → GLACIER_IR → GLACIER → DEEP_ARCHIVE)",
    ),
    (
        "leaving infrequent access before 30 days there",
        _uploads(transitions=[{"days": 30, "storageClass": "STANDARD_IA"}, {"days": 45, "storageClass": "GLACIER"}]),
        "paved:data.buckets[1]: bucket 'uploads': transition to GLACIER after 45 days must come at least 30 days "
        "after the transition to STANDARD_IA",
    ),
    (
        "expiry before the last transition",
        _uploads(transitions=[{"days": 60, "storageClass": "GLACIER_IR"}], expirationDays=30),
        "paved:data.buckets[1]: bucket 'uploads': expirationDays 30 must be later than the last transition (60 days)",
    ),
    (
        "temporary prefix given twice",
        _uploads(temporaryPrefixes=["tmp/", "tmp/"]),
        "paved:data.buckets[1]: bucket 'uploads': temporaryPrefixes repeat: ['tmp/', 'tmp/']",
    ),
    (
        "aurora version too old to pause",
        _postgres(engineVersion="16.2"),
        "paved:data.postgres: engineVersion 16.2 cannot pause at minCapacity 0 (accepted: 16.3 or later, or the "
        "major version 16 alone)",
    ),
    (
        "app user taking a reserved name",
        _postgres(iamUser="postgres"),
        "paved:data.postgres.iamUser: 'postgres' is reserved (not accepted: paved_admin, postgres, public, rds_iam, "
        "rdsadmin, rdsrepladmin)",
    ),
    (
        "app user that is not an identifier",
        _postgres(iamUser="App-User"),
        "paved:data.postgres.iamUser: 'App-User' is not accepted (expected text matching ^[a-z][a-z0-9_]{0,62}$)",
    ),
    (
        "cache version the engine does not have",
        _cache(enabled=True, engine="valkey", engineVersion="7.0"),
        "paved:data.cache: engineVersion '7.0' is not a valkey version paved accepts (accepted: 7.2, 8.0, 8.1)",
    ),
    (
        "cache without a way to read its token",
        _cache(enabled=True),
        "paved:data.cache.enabled: needs network.natStrategy 'single' or 'per-az' (the app reads the cache's auth "
        "token from Secrets Manager, which a VPC without a NAT gateway cannot reach)",
    ),
    (
        "unversioned bucket in a protected stack",
        _both(_protected, _assets_versioning(False)),
        "paved:data.buckets: bucket 'assets' sets versioning false, but protection.enabled is true (a protected "
        "stack versions every bucket; remove the key or set it true)",
    ),
    (
        "unknown storage class",
        _uploads(transitions=[{"days": 30, "storageClass": "REDUCED_REDUNDANCY"}]),
        "paved:data.buckets[1].transitions[0].storageClass: 'REDUCED_REDUNDANCY' is not accepted (accepted: "
        "'STANDARD_IA', 'INTELLIGENT_TIERING', 'ONEZONE_IA', 'GLACIER_IR', 'GLACIER' or 'DEEP_ARCHIVE')",
    ),
]


@pytest.mark.parametrize("change, message", [(c, m) for _, c, m in CASES], ids=[name for name, _, _ in CASES])
def test_bad_data_config_fails_with_one_clear_line_and_no_resources(change: Change, message: str) -> None:
    config = stack_yaml_config("dev")
    change(config)
    error, registered = config_error(config)
    assert error == message
    assert registered == 0


@pytest.mark.parametrize(
    "change",
    [
        _postgres(engineVersion="16"),
        _postgres(engineVersion="16.3"),
        _postgres(engineVersion="16.2", minCapacity=0.5),
        _postgres(engine="instance", engineVersion="16.2"),
        _uploads(
            transitions=[{"days": 30, "storageClass": "STANDARD_IA"}, {"days": 60, "storageClass": "GLACIER"}],
            expirationDays=400,
        ),
        _both(_protected, _assets_versioning(True)),
        _both(_network(natStrategy="single"), _cache(enabled=True)),
        _both(_compute(mode="none"), _cache(enabled=True), _no_budget_action),
    ],
    ids=[
        "aurora major version alone",
        "aurora first version that pauses",
        "older aurora that does not pause",
        "older rds instance",
        "ia then glacier 30 days later, expiring after both",
        "explicitly versioned bucket in a protected stack",
        "cache with a nat gateway",
        "cache without compute",
    ],
)
def test_valid_data_config_is_accepted(change: Change) -> None:
    config = stack_yaml_config("dev")
    change(config)
    assert run_config(config).resources


def test_prod_postgres_must_be_multi_az() -> None:
    config = stack_yaml_config("prod")
    config["paved:data"]["postgres"]["multiAz"] = False
    error, registered = config_error(config)
    assert error == (
        "paved:data.postgres.multiAz: must be true when tags.environment is 'prod' (a standby in a second AZ; "
        "with Aurora, a reader that takes over)"
    )
    assert registered == 0
