"""The equivalents data files (``policies/paved_policies/data/equivalents/``): where they live, how
they are written and read, and which paved policy the coverage table names for each rule id.

``paved_equivalents`` inverts the coverage table's ``EQUIVALENTS`` (policy → the AWSGuard,
cdk-nag and Checkov ids it matches, ``paved_policies.coverage``) into rule id → paved policies,
so each inventory entry can say "paved rule X covers it".
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


def paved_equivalents(tool: str, *, twins: Mapping[str, str] | None = None) -> dict[str, list[str]]:
    """Rule id → the paved policies the coverage table lists as its equivalent (``twins``: a rule
    that tests what another does gets that one's equivalents too)."""
    from paved_policies.coverage import EQUIVALENTS

    column = _COLUMNS[tool]
    found: dict[str, list[str]] = {}
    for policy, row in EQUIVALENTS.items():
        for rule in (part.strip() for part in row[column].split(",")):
            if rule:
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
