"""Scenarios from KICS's tests of its Terraform AWS queries (``assets/queries/terraform/aws/<query>/``).

Each query has ``metadata.json`` (id, name, category, severity), ``test/positive*.tf`` and
``test/negative*.tf``, and ``test/positive_expected_result.json``: the file and line of every
finding the query must raise. Every ``.tf`` file is one scenario: a negative file passes the
query on every resource; in a positive file the resources whose block holds an expected line fail
it. The rule id is ``kics:<query directory>`` (``kics.json`` in the inventory; the directory
names are unique where the queries' own ids are not quite).
"""

from __future__ import annotations

import json
from typing import Any, Final

from tools.corpus.sources import GitTree, SourceScenario

QUERIES: Final = "assets/queries/terraform/aws"


def rule_id(directory: str) -> str:
    return f"kics:{directory}"


def queries(tree: GitTree) -> dict[str, dict[str, Any]]:
    """Query directory → its ``metadata.json``."""
    found: dict[str, dict[str, Any]] = {}
    for path in tree.files(QUERIES):
        if path.endswith("/metadata.json") and path.count("/") == QUERIES.count("/") + 2:
            found[path.rsplit("/", 2)[-2]] = json.loads(tree.read(path))
    return found


def scenarios(tree: GitTree) -> tuple[list[SourceScenario], list[str]]:
    found: list[SourceScenario] = []
    skipped: list[str] = []
    files = tree.files(QUERIES)
    for directory in sorted(queries(tree)):
        base = f"{QUERIES}/{directory}/test"
        tests = [p for p in files if p.startswith(f"{base}/")]
        expected_path = f"{base}/positive_expected_result.json"
        loaded = json.loads(tree.read(expected_path)) if expected_path in tests else []
        expected = loaded if isinstance(loaded, list) else [loaded]
        tf_files = sorted(p for p in tests if p.endswith(".tf") and p.count("/") == base.count("/") + 1)
        if not tf_files:
            skipped.append(f"{base}: no Terraform test files")
            continue
        positives = [p for p in tf_files if p.rsplit("/", 1)[-1].startswith("positive")]
        for path in tf_files:
            file_name = path.rsplit("/", 1)[-1]
            scenario = SourceScenario(
                "kics",
                directory,
                rule_id(directory),
                file_name.removesuffix(".tf"),
                [path, f"{QUERIES}/{directory}/metadata.json"],
                tree.read(path),
            )
            if file_name.startswith("negative"):
                scenario.all_pass = True
            else:
                scenario.failing_lines = _lines_for(expected, file_name, single=len(positives) == 1)
                scenario.paths.append(expected_path)
            found.append(scenario)
    return found, skipped


def _lines_for(expected: list[dict[str, Any]], file_name: str, *, single: bool) -> list[int]:
    lines = []
    for finding in expected:
        named = finding.get("fileName", finding.get("filename"))
        if named == file_name or (named is None and single):
            line = finding.get("line")
            if isinstance(line, int):
                lines.append(line)
    return sorted(set(lines))
