"""``policies/paved_policies/data/equivalents/kics.json``: KICS's Terraform AWS queries, so the
corpus's KICS labels point at inventory ids like the Checkov and cdk-nag ones.

KICS queries are Rego; what each reads is not extracted, so a query's ``types`` are the pulumi-aws
types of the resources its own tests label (with no property list). The category comes from the
query name by the same keyword rules as Checkov's, falling back to KICS's own category; security
relevance follows the category, and an ``INFO`` query is never security-relevant. The queries in
``kics_review`` are reviewed by hand (category, relevance, and the properties a query reads where its
label restates an AWS default). It is written by ``build_corpus`` from the KICS mirror it reads, and
``refresh_inventory`` reapplies the review and the AWS defaults to it.
"""

from __future__ import annotations

from typing import Any, Final

from tools.corpus.aws_defaults import KICS_CHANGED_DEFAULTS
from tools.corpus.categories import (
    DATA_PROTECTION,
    ENCRYPTION_AT_REST,
    IAM,
    LOGGING,
    OTHER,
    PUBLIC_EXPOSURE,
    category_from_name,
    security_relevant_from_name,
)
from tools.corpus.kics_review import READS, REVIEW
from tools.corpus.kics_suite import QUERIES, rule_id

_KICS_CATEGORIES: Final = {
    "Encryption": ENCRYPTION_AT_REST,
    "Access Control": IAM,
    "Observability": LOGGING,
    "Networking and Firewall": PUBLIC_EXPOSURE,
    "Backup": DATA_PROTECTION,
}


def classify(metadata: dict[str, Any], directory: str = "") -> tuple[str, bool]:
    if directory in REVIEW:
        category, security, _ = REVIEW[directory]
        return category, security
    name = str(metadata.get("queryName", ""))
    category = category_from_name(name)
    if category == OTHER:
        category = _KICS_CATEGORIES.get(str(metadata.get("category")), OTHER)
    severity = str(metadata.get("severity", "")).upper()
    if severity == "INFO":
        return category, False
    if category == OTHER:
        return category, severity in ("HIGH", "CRITICAL")
    return category, security_relevant_from_name(name, category)


def apply_review(record: dict[str, Any], directory: str) -> dict[str, Any]:
    """Fill a query's paved-side fields (category, relevance, review note, the properties it reads,
    ``default_changed``) from its name, KICS's metadata kept in the record, and the reviews."""
    metadata = {"queryName": record["name"], "category": record["kics_category"], "severity": record["severity"]}
    record["category"], record["security_relevant"] = classify(metadata, directory)
    record["types"] = {token: READS.get(directory, {}).get(token, []) for token in record["types"]}
    for field in ("note", "default_changed"):
        record.pop(field, None)
    if directory in REVIEW and REVIEW[directory][2]:
        record["note"] = REVIEW[directory][2]
    if directory in KICS_CHANGED_DEFAULTS:
        record["default_changed"] = KICS_CHANGED_DEFAULTS[directory]
    return record


def document(
    queries: dict[str, dict[str, Any]], types_seen: dict[str, set[str]], *, repository: str, commit: str
) -> dict[str, Any]:
    rules: list[dict[str, Any]] = []
    not_applicable: list[dict[str, Any]] = []
    for directory, metadata in sorted(queries.items()):
        identifier = rule_id(directory)
        record: dict[str, Any] = {
            "id": identifier,
            "name": metadata.get("queryName", directory),
            "query_id": metadata.get("id", ""),
            "source": f"{QUERIES}/{directory}",
            "kics_category": metadata.get("category", ""),
            "severity": metadata.get("severity", ""),
            "category": "",
            "security_relevant": False,
            "types": {token: [] for token in sorted(types_seen.get(identifier, set()))},
            "paved": [],
        }
        apply_review(record, directory)
        if record["types"]:
            rules.append(record)
        else:
            record["reason"] = "its tests hold no resource the converter maps to a pulumi-aws type"
            not_applicable.append(record)
    return {
        "tool": "kics",
        "repository": repository,
        "commit": commit,
        "read_from": f"{QUERIES}/*/metadata.json and test/, at the commit above",
        "regenerate": "python -m tools.corpus.build_corpus (writes this file with the corpus)",
        "rules": rules,
        "not_applicable": not_applicable,
    }
