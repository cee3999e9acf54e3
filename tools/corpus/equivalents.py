"""The equivalents data files (``policies/paved_policies/data/equivalents/``): where they live, how
they are written and read, and which paved policy the coverage table names for each rule id.

``paved_equivalents`` inverts the equivalents paved declares (policy → the AWSGuard, cdk-nag and
Checkov ids it matches) into rule id → paved policies, so each inventory entry can say "paved rule
X covers it".
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Final

REPO_ROOT: Final = Path(__file__).resolve().parents[2]
EQUIVALENTS_DIR: Final = REPO_ROOT / "policies" / "paved_policies" / "data" / "equivalents"
INVENTORIES: Final = ("checkov", "cdk_nag", "kics")

_COLUMNS: Final = {"awsguard": 0, "cdk_nag": 1, "checkov": 2}


def declared_equivalents() -> dict[str, dict[str, tuple[str, ...]]]:
    """Policy → rule set (``awsguard``, ``cdk_nag``, ``checkov``) → the ids named as its equivalents.

    Read from each policy's ``equivalents`` where the pack declares them with the policy
    (``define_policy(..., equivalents=...)``, main after issue 14), else from the coverage table's
    ``EQUIVALENTS`` (``paved_policies.coverage``, before it)."""
    from paved_policies.registry import all_policies

    declared: dict[str, dict[str, tuple[str, ...]]] = {}
    for policy in all_policies():
        equivalents = getattr(policy, "equivalents", None)
        if equivalents is not None:
            declared[policy.name] = {tool: tuple(getattr(equivalents, tool)) for tool in _COLUMNS}
    if declared:
        return declared
    from paved_policies import coverage

    table: dict[str, tuple[str, str, str]] = getattr(coverage, "EQUIVALENTS", {})
    return {
        policy: {
            tool: tuple(part.strip() for part in row[column].split(",") if part.strip())
            for tool, column in _COLUMNS.items()
        }
        for policy, row in table.items()
    }


def paved_equivalents(tool: str, *, twins: Mapping[str, str] | None = None) -> dict[str, list[str]]:
    """Rule id → the paved policies that name it as their equivalent (``twins``: a rule that tests
    what another does gets that one's equivalents too)."""
    found: dict[str, list[str]] = {}
    for policy, rule_sets in declared_equivalents().items():
        for rule in rule_sets[tool]:
            found.setdefault(rule, []).append(policy)
    for rule, twin in (twins or {}).items():
        if twin in found:
            found.setdefault(rule, [])
            found[rule] = sorted(set(found[rule]) | set(found[twin]))
    return {rule: sorted(policies) for rule, policies in found.items()}


def inventory_main(
    argv: list[str], argument: str, build: Callable[[Path], Mapping[str, Any]], output: Path, *, prog: str
) -> int:
    """The command line of an inventory script: one path argument, the document written to ``output``."""
    if len(argv) != 1:
        print(f"usage: python -m {prog} {argument}", file=sys.stderr)
        return 2
    try:
        document = build(Path(argv[0]))
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"{prog}: cannot read {argv[0]}: {error}", file=sys.stderr)
        return 2
    write_document(output, document)
    print(f"wrote {len(document['rules'])} rules ({len(document['not_applicable'])} not applicable) to {output}")
    return 0


def write_document(path: Path, document: Mapping[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


@cache
def inventory(tool: str) -> dict[str, Any]:
    """One inventory file (``checkov``, ``cdk_nag``, ``kics``) as written."""
    document: dict[str, Any] = json.loads((EQUIVALENTS_DIR / f"{tool}.json").read_text(encoding="utf-8"))
    return document


def rules_by_id() -> dict[str, dict[str, Any]]:
    """Every applicable rule of every inventory, by id."""
    return {rule["id"]: rule for tool in INVENTORIES for rule in inventory(tool)["rules"]}
