"""Regenerate ``policies/paved_policies/data/equivalents/checkov.json`` from an installed Checkov.

    python3 -m venv ../checkov-venv && ../checkov-venv/bin/pip install checkov
    venv/bin/python -m tools.corpus.checkov_inventory ../checkov-venv

Checkov is never imported here, so it stays out of paved's own environment (and out of CI): the
script runs ``<venv>/bin/checkov --list --framework terraform`` for every check's id, kind,
entities and name, and reads each AWS check's source file from that venv (``ast`` for Python
checks, JSON/YAML for graph checks) for the attributes it reads. Each Terraform type becomes a
pulumi-aws token (``tokens``) and each attribute path the engine's property path
(``attributes``). A check whose types none map to a pulumi-aws type goes to ``not_applicable``.

Categories come from ``categories`` and ``checkov_review``; paved's equivalents from the coverage
table's ``EQUIVALENTS`` (``paved_policies.coverage``), carried over to a data-source check from the
resource check that tests the same document (``TWINS``).
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from tools.corpus.attributes import property_path
from tools.corpus.aws_defaults import CHANGED_DEFAULTS
from tools.corpus.categories import category_from_name, security_relevant_from_name
from tools.corpus.checkov_review import REVIEW
from tools.corpus.equivalents import EQUIVALENTS_DIR, inventory_main, paved_equivalents
from tools.corpus.sdk_schema import PROVIDER_TOKEN, nested_shape, resource_shape, sdk_version
from tools.corpus.tokens import token_for

OUTPUT: Final = EQUIVALENTS_DIR / "checkov.json"

_ROW: Final = re.compile(
    r"^\|\s*\d+\s*\|\s*(CKV2?_AWS_\d+)\s*\|\s*(\w+)\s*\|\s*(\S+)\s*\|\s*(.*?)\s*\|\s*\w+\s*\|\s*(\S+)\s*\|"
)
_ATTRIBUTE: Final = re.compile(r"^[a-z][a-z0-9_]*(?:[/.](?:\[?\d+\]?|\*|[a-z][a-z0-9_]*))*$")
_CHECKOV_CATEGORY: Final = re.compile(r"CheckCategories\.(\w+)")

POLICY_DOCUMENT_TYPES: Final = {
    "aws:iam/policy:Policy": ["policy"],
    "aws:iam/rolePolicy:RolePolicy": ["policy"],
    "aws:iam/userPolicy:UserPolicy": ["policy"],
    "aws:iam/groupPolicy:GroupPolicy": ["policy"],
    "aws:iam/role:Role": ["assumeRolePolicy", "inlinePolicies"],
}
"""Where a rendered ``aws_iam_policy_document`` lands in a Pulumi program: the identity policies."""

RESOURCE_POLICY_TYPES: Final = {
    "aws:s3/bucketPolicy:BucketPolicy": ["policy"],
    "aws:sqs/queuePolicy:QueuePolicy": ["policy"],
    "aws:sns/topicPolicy:TopicPolicy": ["policy"],
    "aws:kms/key:Key": ["policy"],
    "aws:ecr/repositoryPolicy:RepositoryPolicy": ["policy"],
    "aws:secretsmanager/secretPolicy:SecretPolicy": ["policy"],
}
"""Where a document granting to a principal lands: the resource policies."""

TWINS: Final = {
    "CKV_AWS_1": "CKV_AWS_62",
    "CKV_AWS_49": "CKV_AWS_63",
    "CKV_AWS_107": "CKV_AWS_287",
    "CKV_AWS_108": "CKV_AWS_288",
    "CKV_AWS_109": "CKV_AWS_289",
    "CKV_AWS_110": "CKV_AWS_286",
    "CKV_AWS_111": "CKV_AWS_290",
    "CKV_AWS_275": "CKV_AWS_274",
    "CKV_AWS_356": "CKV_AWS_355",
    "CKV_AWS_358": "CKV_AWS_393",
}
"""Data-source check → the resource check that tests the same policy document once rendered."""

_DATA_TYPES: Final = {"CKV_AWS_283": RESOURCE_POLICY_TYPES}


@dataclass
class Check:
    id: str
    kind: str
    name: str
    source: str
    entities: list[str] = field(default_factory=list)


def list_checks(checkov: Path) -> list[Check]:
    """The AWS checks of ``checkov --list --framework terraform``, one per id."""
    table = subprocess.run(
        [str(checkov), "--list", "--framework", "terraform"], capture_output=True, text=True, check=True
    ).stdout
    checks: dict[str, Check] = {}
    for line in table.splitlines():
        row = _ROW.match(line)
        if row is None:
            continue
        check_id, kind, entity, name, link = row.groups()
        check = checks.setdefault(check_id, Check(check_id, kind, name, link.split("/blob/main/", 1)[-1]))
        check.entities.append(entity)
    return sorted(checks.values(), key=_order)


def _order(check: Check) -> tuple[int, int]:
    second, number = re.match(r"CKV(2?)_AWS_(\d+)", check.id).groups()  # type: ignore[union-attr]
    return (1 if second else 0, int(number))


def _strings(package: Path, path: str) -> tuple[list[str], str]:
    """The attribute-like strings a check's source holds (with the Checkov base classes it
    imports), and Checkov's own category for it."""
    source = (package / path).read_text(encoding="utf-8")
    if path.endswith(".py"):
        tree = ast.parse(source)
        found = _constants(tree)
        for module in _checkov_imports(tree):
            base = package / (module.replace(".", "/") + ".py")
            if base.exists():
                found.extend(_constants(ast.parse(base.read_text(encoding="utf-8"))))
        category = _CHECKOV_CATEGORY.search(source)
        return found, category.group(1) if category else ""
    document = _graph_document(source, path)
    attributes = [value for value in _walk(document.get("definition", {}), "attribute") if _ATTRIBUTE.match(value)]
    return attributes, str(document.get("metadata", {}).get("category", ""))


def _constants(tree: ast.AST) -> list[str]:
    values = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)]
    return [value for value in values if isinstance(value, str) and _ATTRIBUTE.match(value)]


def _checkov_imports(tree: ast.AST) -> list[str]:
    """Modules of the check's own package family it imports (its base classes)."""
    return [
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and node.module
        and (
            node.module.startswith(("checkov.terraform.checks.resource.aws", "checkov.terraform.checks.data.aws"))
            or node.module.endswith("_iam_check")
        )
    ]


def _graph_document(source: str, path: str) -> dict[str, Any]:
    if path.endswith(".json"):
        loaded = json.loads(source)
        return loaded if isinstance(loaded, dict) else {}
    return _yaml(source)


def _graph_types(package: Path, path: str) -> list[str]:
    """The Terraform types a graph check's definition names (its ``--list`` rows may name every type)."""
    definition = _graph_document((package / path).read_text(encoding="utf-8"), path).get("definition", {})
    names = _walk(definition, "resource_types", "connected_resource_types")
    names += [
        value
        for condition in _conditions(definition)
        if condition.get("cond_type") == "filter" and condition.get("attribute") == "resource_type"
        for value in (condition.get("value") or [])
        if isinstance(value, str)
    ]
    return sorted({name for name in names if name.startswith("aws_")})


def _conditions(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if "cond_type" in node:
            found.append(node)
        for value in node.values():
            found.extend(_conditions(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_conditions(item))
    return found


def _yaml(source: str) -> dict[str, Any]:
    import yaml

    loaded = yaml.safe_load(source)
    return loaded if isinstance(loaded, dict) else {}


def _walk(node: Any, *keys: str) -> list[str]:
    """Every string held under one of ``keys`` (a string value, or a list's strings), at any depth."""
    found: list[str] = []
    if isinstance(node, dict):
        for name, value in node.items():
            if name in keys and isinstance(value, str | list):
                found.extend(item for item in (value if isinstance(value, list) else [value]) if isinstance(item, str))
            else:
                found.extend(_walk(value, *keys))
    elif isinstance(node, list):
        for item in node:
            found.extend(_walk(item, *keys))
    return found


def properties_read(token: str, strings: list[str]) -> list[str]:
    """The engine properties of ``token`` that the check's strings name, nested ones joined on."""
    paths = {path for text in strings if (path := property_path(token, text)) is not None}
    leaves = {text.split("/")[-1].split(".")[-1] for text in strings}
    extended = set(paths)
    for path in sorted(paths):
        extended.update(_deeper(token, path, leaves))
    return sorted(extended)


def _deeper(token: str, path: str, names: set[str], depth: int = 0) -> set[str]:
    """``path`` extended by the check's other strings that name fields of its nested type."""
    if depth > 3:
        return set()
    shape = resource_shape(token)
    field_ = None
    for part in path.split("."):
        field_ = next((f for f in shape.fields.values() if f.camel == part), None) if shape else None
        if field_ is None or field_.nested is None:
            return set()
        try:
            shape = nested_shape(shape.module, field_.nested)
        except KeyError:
            return set()
    found: set[str] = set()
    for name in names:
        inner = shape.fields.get(name) or shape.fields.get(f"{name}s")
        if inner is not None:
            longer = f"{path}.{inner.camel}"
            found.add(longer)
            found.update(_deeper(token, longer, names, depth + 1))
    return found


def _types(check: Check, strings: list[str]) -> tuple[dict[str, list[str]], list[str]]:
    if check.kind == "provider":
        return {PROVIDER_TOKEN: properties_read(PROVIDER_TOKEN, strings)}, []
    if check.kind == "data":
        twin = TWINS.get(check.id)
        if check.id in _DATA_TYPES:
            return dict(_DATA_TYPES[check.id]), []
        return (dict(POLICY_DOCUMENT_TYPES) if twin else {}), ([] if twin else list(check.entities))
    mapped: dict[str, list[str]] = {}
    unmapped: list[str] = []
    for entity in check.entities:
        token = token_for(entity)
        if token is None:
            unmapped.append(entity)
        else:
            mapped.setdefault(token, properties_read(token, strings))
    return mapped, unmapped


def build(checkov_venv: Path) -> dict[str, Any]:
    checkov = checkov_venv / "bin" / "checkov"
    python = checkov_venv / "bin" / "python"
    version = subprocess.run([str(checkov), "--version"], capture_output=True, text=True, check=True).stdout.strip()
    package = Path(
        subprocess.run(
            [str(python), "-c", "import checkov, os; print(os.path.dirname(os.path.dirname(checkov.__file__)))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    equivalents = paved_equivalents("checkov", twins=TWINS)
    rules: list[dict[str, Any]] = []
    not_applicable: list[dict[str, Any]] = []
    for check in list_checks(checkov):
        strings, checkov_category = _strings(package, check.source)
        if not check.source.endswith(".py"):
            check.entities = _graph_types(package, check.source) or check.entities
        types, unmapped = _types(check, strings)
        category, security, note = _classify(check)
        record: dict[str, Any] = {
            "id": check.id,
            "name": check.name,
            "kind": check.kind,
            "source": check.source,
            "checkov_category": checkov_category,
            "category": category,
            "security_relevant": security,
            "terraform_types": sorted(set(check.entities)),
            "types": types,
            "paved": equivalents.get(check.id, []),
        }
        if note:
            record["note"] = note
        if check.id in CHANGED_DEFAULTS:
            record["default_changed"] = CHANGED_DEFAULTS[check.id]
        if check.id in TWINS:
            record["twin"] = TWINS[check.id]
        if types:
            if unmapped:
                record["unmapped_terraform_types"] = sorted(set(unmapped))
            rules.append(record)
        else:
            record["reason"] = _not_applicable_reason(check)
            not_applicable.append(record)
    return {
        "tool": "checkov",
        "version": version,
        "read_from": "checkov --list --framework terraform, and each check's source in the installed package",
        "regenerate": "python -m tools.corpus.checkov_inventory <checkov venv>",
        "pulumi_aws": sdk_version(),
        "rules": rules,
        "not_applicable": not_applicable,
    }


def _classify(check: Check) -> tuple[str, bool, str]:
    if check.id in REVIEW:
        return REVIEW[check.id]
    category = category_from_name(check.name)
    return category, security_relevant_from_name(check.name, category), ""


def _not_applicable_reason(check: Check) -> str:
    if check.kind == "data":
        return (
            f"reads a data source ({', '.join(check.entities)}) whose result a Pulumi program gets from a function call"
        )
    return f"no pulumi-aws resource type for {', '.join(sorted(set(check.entities)))} (removed from the provider)"


def main(argv: list[str]) -> int:
    return inventory_main(argv, "<checkov venv>", build, OUTPUT, prog="tools.corpus.checkov_inventory")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
