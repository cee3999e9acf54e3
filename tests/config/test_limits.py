"""The values the stack config shares with the policy config come from the policy config, read as the CLI reads
it; where the program mirrors the pack (defaults, instance families), the mirror is compared with the pack."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cost.budget_policies import DEFAULT_FAMILIES, family_allowed, family_of
from paved_policies.registry import all_policies

from components.catalog import CACHE_NODE_TYPES, RDS_INSTANCE_CLASSES
from components.config.limits import (
    CAP_POLICIES,
    NO_LIMITS,
    PACK_DEFAULTS,
    Cap,
    PolicyConfigError,
    PolicyLimits,
    is_allowed,
    limits_for_stack,
    limits_from_document,
)
from components.config.loader import load_stack_config
from tools.program import REPO_ROOT
from tools.stack_files import list_stacks, read_stack_config

STACKS = list_stacks(REPO_ROOT)


def policy_config(stack: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((REPO_ROOT / "policies" / "config" / f"{stack}.json").read_text())
    return document


def limits(document: dict[str, Any]) -> PolicyLimits:
    return limits_from_document(document, "policies/config/s.json")


def test_prod_limits_are_read_from_its_policy_config() -> None:
    assert limits_for_stack("prod") == PolicyLimits(
        source="policies/config/prod.json",
        backup_minimum_days=14,
        allowed_families=("t4g", "m7g", "m6g", "r7g", "r6g", "c7g", "db.serverless"),
        caps=(Cap("budget-monthly-cost-within-cap", Decimal(400)), Cap("budget-resource-present", Decimal(400))),
    )


def test_an_advisory_backup_minimum_is_not_a_config_limit() -> None:
    assert limits_for_stack("dev").backup_minimum_days is None


def test_a_stack_without_a_policy_config_has_no_limits(tmp_path: Path) -> None:
    assert limits_for_stack("nowhere", tmp_path) is NO_LIMITS


ENTRIES: list[tuple[str, dict[str, Any], int | None]] = [
    ("left out: the pack's advisory default", {}, None),
    ("mandatory with the pack's default days", {"backup-retention-minimum": "mandatory"}, 7),
    ("mandatory through all", {"all": "mandatory"}, 7),
    ("its own level wins over all", {"all": "mandatory", "backup-retention-minimum": "advisory"}, None),
    ("mandatory object", {"backup-retention-minimum": {"enforcementLevel": "mandatory", "minimumDays": 10}}, 10),
    ("part of a day rounds up", {"backup-retention-minimum": {"enforcementLevel": "mandatory", "minimumDays": 7.5}}, 8),
    ("disabled", {"backup-retention-minimum": {"enforcementLevel": "disabled", "minimumDays": 10}}, None),
    (
        "exemptions leave it to the pack",
        {"backup-retention-minimum": {"enforcementLevel": "mandatory", "exemptions": [{"name": "db"}]}},
        None,
    ),
]


@pytest.mark.parametrize(("document", "days"), [c[1:] for c in ENTRIES], ids=[c[0] for c in ENTRIES])
def test_entries_are_read_as_the_cli_applies_them(document: dict[str, Any], days: int | None) -> None:
    assert limits(document).backup_minimum_days == days


BAD: list[tuple[str, dict[str, Any], str]] = [
    (
        "unknown level",
        {"budget-resource-present": {"enforcementLevel": "strict"}},
        "budget-resource-present.enforcementLevel: 'strict' is not a valid enforcement level "
        "(accepted: advisory, mandatory, remediate, disabled)",
    ),
    (
        "an entry that is a number",
        {"budget-resource-present": 5},
        "budget-resource-present: 5 is not a valid value; must be a string or object",
    ),
    (
        "a cap that is not money",
        {"budget-resource-present": {"maxMonthlyUsd": "lots"}},
        "budget-resource-present.maxMonthlyUsd: 'lots' is not a positive number of USD",
    ),
    (
        "families that are not a list",
        {"budget-instance-families-allowed": {"allowedInstanceFamilies": "t4g"}},
        "budget-instance-families-allowed.allowedInstanceFamilies: 't4g' is not a list of instance families",
    ),
]


@pytest.mark.parametrize(("document", "message"), [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_a_malformed_entry_names_the_file_and_the_entry(document: dict[str, Any], message: str) -> None:
    with pytest.raises(PolicyConfigError) as refused:
        limits(document)
    assert str(refused.value) == f"policies/config/s.json: {message}"


# --- the mirror of the pack -------------------------------------------------------------------------


def pack_policy(name: str) -> Any:
    return next(policy for policy in all_policies() if policy.name == name)


@pytest.mark.parametrize("name", list(PACK_DEFAULTS))
def test_the_default_enforcement_mirrored_here_is_the_packs(name: str) -> None:
    assert PACK_DEFAULTS[name].enforcement == pack_policy(name).enforcement_level.value


def test_the_default_backup_minimum_mirrored_here_is_the_packs() -> None:
    schema = pack_policy("backup-retention-minimum").config_schema.properties["minimumDays"]
    assert PACK_DEFAULTS["backup-retention-minimum"].properties == {"minimumDays": schema["default"]}


def test_the_default_families_mirrored_here_are_the_packs() -> None:
    mirrored = PACK_DEFAULTS["budget-instance-families-allowed"].properties["allowedInstanceFamilies"]
    assert tuple(mirrored) == DEFAULT_FAMILIES


FAMILY_LISTS = [("t4g",), ("db.t4g",), ("cache.t4g", "m7g"), ("db.serverless", "r6g"), DEFAULT_FAMILIES]


@pytest.mark.parametrize("families", FAMILY_LISTS)
def test_instance_families_match_as_the_pack_matches_them(families: tuple[str, ...]) -> None:
    classes = [*RDS_INSTANCE_CLASSES, *CACHE_NODE_TYPES, "db.serverless", "t4g.micro", "m7i.large"]
    assert {c: is_allowed(c, families) for c in classes} == {
        c: family_allowed(family_of(c), list(families)) for c in classes
    }


# --- the repository's stacks agree with their policy configs --------------------------------------


@pytest.mark.parametrize("stack", STACKS)
def test_the_budget_cap_is_one_number_in_the_three_places(stack: str) -> None:
    document = policy_config(stack)
    config = load_stack_config(read_stack_config(REPO_ROOT, stack), stack=stack)
    caps = {document[name]["maxMonthlyUsd"] for name in CAP_POLICIES}
    assert caps == {config.budget.monthly_usd}


@pytest.mark.parametrize("stack", STACKS)
def test_every_policy_config_states_the_limits_rather_than_leaving_them_to_defaults(stack: str) -> None:
    document = policy_config(stack)
    assert "allowedInstanceFamilies" in document["budget-instance-families-allowed"]
    assert "minimumDays" in document["backup-retention-minimum"]
    assert all("maxMonthlyUsd" in document[name] for name in CAP_POLICIES)


def test_prod_environments_keep_backups_for_at_least_14_days() -> None:
    prod_like = [s for s in STACKS if load_stack_config(read_stack_config(REPO_ROOT, s), stack=s).is_prod]
    assert prod_like == ["example-container-platform", "example-private-fargate", "example-site-mail", "prod"]
    assert {s: limits_for_stack(s).backup_minimum_days for s in prod_like} == dict.fromkeys(prod_like, 14)
