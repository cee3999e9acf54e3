"""Rewrite the paved side of the rule inventories without re-reading the suites.

    venv/bin/python -m tools.corpus.refresh_inventory

The inventories (``policies/paved_policies/data/equivalents/``) hold what each suite's rule reads,
read from Checkov, cdk-nag and KICS (their own scripts rebuild that), and what paved says about it:
the paved policies that declare it as their equivalent (``paved``), the AWS default its label
restates (``default_changed``, ``aws_defaults``), and, for KICS, the reviewed category
(``kics_review``). This command recomputes only the latter from the pack and the reviews, so a new
policy's equivalents reach the inventory (and the measurement) without Checkov installed.
"""

from __future__ import annotations

import sys
from typing import Any, Final

from tools.corpus.aws_defaults import CHANGED_DEFAULTS
from tools.corpus.checkov_inventory import TWINS
from tools.corpus.equivalents import EQUIVALENTS_DIR, inventory, paved_equivalents, write_document
from tools.corpus.kics_inventory import apply_review

KICS_PREFIX: Final = "kics:"


def refreshed(tool: str, document: dict[str, Any]) -> dict[str, Any]:
    """``document`` (one inventory) with its paved-side fields recomputed."""
    if tool == "kics":
        for record in [*document["rules"], *document["not_applicable"]]:
            apply_review(record, record["id"].removeprefix(KICS_PREFIX))
        return document
    equivalents = paved_equivalents(tool, twins=TWINS if tool == "checkov" else None)
    for record in document["rules"]:
        record["paved"] = equivalents.get(record["id"], [])
        record.pop("default_changed", None)
        if record["id"] in CHANGED_DEFAULTS:
            record["default_changed"] = CHANGED_DEFAULTS[record["id"]]
    return document


def main() -> int:
    for tool in ("checkov", "cdk_nag", "kics"):
        path = EQUIVALENTS_DIR / f"{tool}.json"
        write_document(path, refreshed(tool, dict(inventory(tool))))
        print(f"refreshed {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
