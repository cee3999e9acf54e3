"""House rules: paved's preferences beyond a secure AWS default (a customer-managed key where AWS
already encrypts with its own) are advisory outside prod (issue 19). Each stack's policy config
says so for every such policy; prod configs keep them at their default, mandatory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from paved_policies.registry import all_policies

ROOT = Path(__file__).resolve().parents[2]
CONFIGS = sorted((ROOT / "policies" / "config").glob("*.json"))


def house_rules() -> list[str]:
    return sorted(policy.name for policy in all_policies() if policy.house_rule)


def environment(config: Path) -> str:
    """The stack's environment tag (``paved:tags.environment`` in ``Pulumi.<stack>.yaml``)."""
    stack = yaml.safe_load((ROOT / f"Pulumi.{config.stem}.yaml").read_text(encoding="utf-8"))
    return str(stack["config"]["paved:tags"]["environment"])


def test_the_customer_key_preferences_are_the_house_rules() -> None:
    assert house_rules() == sorted(
        [
            "backup-vault-encrypted-with-kms",
            "cloudtrail-encrypted-with-kms",
            "cloudwatch-log-group-encrypted-with-kms",
            "dynamodb-table-encrypted-with-kms",
            "ecr-repository-encrypted-with-kms",
            "encrypted-with-customer-managed-key",
            "s3-bucket-encrypted-with-kms",
            "sagemaker-endpoint-encrypted-with-kms",
            "sagemaker-notebook-encrypted-with-kms",
            "secretsmanager-secret-encrypted-with-kms",
        ]
    )


@pytest.mark.parametrize("config", CONFIGS, ids=[config.stem for config in CONFIGS])
def test_house_rules_are_advisory_outside_prod_and_mandatory_in_prod(config: Path) -> None:
    entries = json.loads(config.read_text(encoding="utf-8"))
    levels = {name: entries.get(name, {}).get("enforcementLevel", "mandatory") for name in house_rules()}
    expected = "mandatory" if environment(config) == "prod" else "advisory"
    assert {name: level for name, level in levels.items() if level != expected} == {}


def test_security_rules_stay_mandatory_in_dev() -> None:
    entries = json.loads((ROOT / "policies" / "config" / "dev.json").read_text(encoding="utf-8"))
    for name in ("sns-topic-encrypted", "s3-bucket-server-side-encryption", "rds-instance-storage-encrypted"):
        assert name not in entries
