"""The development corpus: labelled resources in engine form, with where each came from.

One JSON file per source test (``tests/corpus/fixtures/<suite>/<test>.json``)::

    {"suite": "checkov", "repository": "bridgecrewio/checkov", "commit": "<sha>", "rule": "CKV_AWS_19",
     "scenarios": [{"name": "example_S3Encryption", "paths": ["tests/…/main.tf", "tests/…/test_S3Encryption.py"],
                    "resources": [{"name": "aws_s3_bucket.fail", "type": "aws:s3/bucket:Bucket",
                                   "terraformType": "aws_s3_bucket", "properties": {…},
                                   "propertyDependencies": {"bucket": ["aws_s3_bucket.b"]}, "dependencies": […],
                                   "fails": ["CKV_AWS_19", …], "passes": ["CKV_AWS_21", …], "expected": "fail"}]}]}

A scenario is one Terraform module of the suite (its resources join each other by dependencies);
``fails``/``passes`` are inventory rule ids (``equivalents``) the resource must fail or pass;
``expected`` is the source test's own verdict on its ``rule``, when it gives one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from tools.corpus.equivalents import REPO_ROOT

CORPUS_DIR: Final = REPO_ROOT / "tests" / "corpus" / "fixtures"


@dataclass
class Resource:
    name: str
    type: str
    terraform_type: str
    properties: dict[str, Any]
    property_dependencies: dict[str, list[str]] = field(default_factory=dict)
    dependencies: list[str] = field(default_factory=list)
    fails: list[str] = field(default_factory=list)
    passes: list[str] = field(default_factory=list)
    expected: str | None = None

    def to_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "terraformType": self.terraform_type,
            "properties": self.properties,
        }
        if self.property_dependencies:
            document["propertyDependencies"] = self.property_dependencies
        if self.dependencies:
            document["dependencies"] = self.dependencies
        document["fails"] = self.fails
        document["passes"] = self.passes
        if self.expected is not None:
            document["expected"] = self.expected
        return document

    @classmethod
    def from_json(cls, document: dict[str, Any]) -> Resource:
        return cls(
            document["name"],
            document["type"],
            document["terraformType"],
            document["properties"],
            document.get("propertyDependencies", {}),
            document.get("dependencies", []),
            document.get("fails", []),
            document.get("passes", []),
            document.get("expected"),
        )


@dataclass
class Scenario:
    name: str
    paths: list[str]
    resources: list[Resource]
    skipped: list[str] = field(default_factory=list)
    """Blocks of the source the converter could not carry over (``module.x`` calls)."""

    def to_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {"name": self.name, "paths": self.paths}
        if self.skipped:
            document["skipped"] = self.skipped
        document["resources"] = [resource.to_json() for resource in self.resources]
        return document


@dataclass
class Fixture:
    suite: str
    repository: str
    commit: str
    rule: str
    scenarios: list[Scenario]
    path: Path | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "suite": self.suite,
            "repository": self.repository,
            "commit": self.commit,
            "rule": self.rule,
            "scenarios": [scenario.to_json() for scenario in self.scenarios],
        }

    @classmethod
    def from_json(cls, document: dict[str, Any], path: Path | None = None) -> Fixture:
        scenarios = [
            Scenario(
                item["name"],
                item["paths"],
                [Resource.from_json(resource) for resource in item["resources"]],
                item.get("skipped", []),
            )
            for item in document["scenarios"]
        ]
        return cls(document["suite"], document["repository"], document["commit"], document["rule"], scenarios, path)


def write_fixture(directory: Path, name: str, fixture: Fixture) -> Path:
    path = directory / fixture.suite / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(fixture.to_json(), indent=None, separators=(",", ":")) + "\n", encoding="utf-8")
    return path


def load_corpus(directory: Path = CORPUS_DIR) -> Iterator[Fixture]:
    for path in sorted(directory.rglob("*.json")):
        yield Fixture.from_json(json.loads(path.read_text(encoding="utf-8")), path)
