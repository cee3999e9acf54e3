"""The README's config table, the key reference and Pulumi.yaml's declarations are generated from the model."""

from __future__ import annotations

import yaml

from components.config import docs
from components.config.stack import REQUIRED_SECTIONS, SECRET_KEYS, SECTIONS, StackConfig


def test_the_generated_files_have_not_drifted_from_the_model() -> None:
    assert [path.name for path in docs.drifted()] == []


def test_drift_is_detected() -> None:
    readme = docs.README.read_text(encoding="utf-8")
    edited = readme.replace("| `paved:budget` | yes |", "| `paved:budget` | no |")
    assert edited != readme
    assert docs.with_sections_table(edited, docs.sections_table("paved")) == readme


def test_pulumi_yaml_declares_each_section_with_its_description_and_secrets_as_secret_strings() -> None:
    declared = yaml.safe_load(docs.pulumi_yaml_config("paved"))["config"]
    for section in SECTIONS:
        expected: dict[str, object] = {"type": "object", "description": StackConfig.model_fields[section].description}
        if section not in REQUIRED_SECTIONS:
            expected["default"] = {}
        assert declared[f"paved:{section}"] == expected
    for key in SECRET_KEYS:
        assert {k: v for k, v in declared[f"paved:{key}"].items() if k != "description"} == {
            "type": "string",
            "secret": True,
            "default": "",
        }
    assert declared["pulumi:disable-default-providers"] == {"value": ["aws"]}


def test_the_key_reference_lists_every_nested_key_with_its_default() -> None:
    reference = docs.key_reference("paved")
    assert '| `postgres.instanceClass` | text | `"db.t4g.micro"` |' in reference
    assert "| `buckets[].transitions[].storageClass` | one of `STANDARD_IA`," in reference
    assert "| `monthlyUsd` | number (above 0, at most 1000000) | required |" in reference
