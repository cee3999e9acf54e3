"""The registry: every policy is declared once, with the one factory, and is in the pack (STYLE §7–8)."""

from __future__ import annotations

import ast
import re
import types
from pathlib import Path

import pytest
from paved_policies import registry
from paved_policies.exemptions import EXEMPTIONS_SCHEMA
from paved_policies.policy import (
    CATEGORIES,
    LOGGING,
    MANDATORY_BY_DEFAULT,
    STACK,
    Equivalents,
    PavedPolicy,
    define_policy,
)
from paved_policies.registry import all_policies, collect, policy_named
from paved_policies.wrapping import Report
from pulumi_policy import EnforcementLevel, ResourceValidationArgs, Severity, StackValidationArgs

POLICIES = all_policies()
IDS = [policy.name for policy in POLICIES]
PACK_SOURCES = Path(registry.__file__).resolve().parent.parent
DEFINITION_ROOTS = (PACK_SOURCES / "paved_policies", PACK_SOURCES / "cost" / "budget_policies.py")
SDK_POLICY_CLASSES = {"ResourceValidationPolicy", "StackValidationPolicy", "PavedResourcePolicy", "PavedStackPolicy"}


def _sources() -> list[Path]:
    return sorted(path for path in PACK_SOURCES.rglob("*.py") if "venv" not in path.relative_to(PACK_SOURCES).parts)


def _called(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        func = node.func
        return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    return None


def _factory_names(tree: ast.AST) -> set[str]:
    """``define_policy`` and any name it is imported as."""
    aliases = {"define_policy"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            aliases.update(alias.asname for alias in node.names if alias.name == "define_policy" and alias.asname)
    return aliases


def _declared_names(path: Path) -> tuple[list[str], int]:
    """The ``name=`` of every module-level ``X = define_policy(...)``, and how many calls there are in all."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    factory = _factory_names(tree)
    calls = sum(1 for node in ast.walk(tree) if _called(node) in factory)
    names = []
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and _called(statement.value) in factory:
            assert isinstance(statement.value, ast.Call)
            keyword = next(k for k in statement.value.keywords if k.arg == "name")
            assert isinstance(keyword.value, ast.Constant), f"{path}: write the policy's name as a literal"
            names.append(str(keyword.value.value))
    return names, calls


def test_every_policy_defined_in_the_sources_is_in_the_pack_and_the_pack_holds_nothing_else() -> None:
    declared: list[str] = []
    for path in _sources():
        names, calls = _declared_names(path)
        assert calls == len(names), f"{path.name}: define_policy is called other than as a module-level constant"
        inside = any(path == root or root in path.parents for root in DEFINITION_ROOTS)
        assert inside or not names, f"{path.name} defines {names}, but the registry does not look there"
        declared.extend(names)
    assert sorted(declared) == sorted(IDS)


def test_no_policy_is_built_from_the_sdk_classes_directly() -> None:
    for path in _sources():
        if path.name == "policy.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        direct = [_called(node) for node in ast.walk(tree) if _called(node) in SDK_POLICY_CLASSES]
        assert direct == [], f"{path.name} builds a policy without define_policy"


def test_policy_names_are_unique_kebab_case() -> None:
    assert len(IDS) == len(set(IDS))
    for name in IDS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", name), name


@pytest.mark.parametrize("policy", POLICIES, ids=IDS)
def test_every_policy_has_a_checks_description_severity_and_remediation(policy: PavedPolicy) -> None:
    assert policy.description.startswith("Checks "), policy.description
    assert policy.description.endswith(".")
    assert isinstance(policy.severity, Severity)
    assert policy.remediation_steps and len(policy.remediation_steps) > 20


@pytest.mark.parametrize("policy", POLICIES, ids=IDS)
def test_every_policy_has_exactly_one_category_tag(policy: PavedPolicy) -> None:
    assert policy.tags == [policy.category]
    assert policy.category in CATEGORIES


@pytest.mark.parametrize("policy", POLICIES, ids=IDS)
def test_default_enforcement_is_mandatory_for_encryption_iam_exposure_and_budget_advisory_otherwise(
    policy: PavedPolicy,
) -> None:
    expected = EnforcementLevel.MANDATORY if policy.category in MANDATORY_BY_DEFAULT else EnforcementLevel.ADVISORY
    assert policy.enforcement_level == expected


@pytest.mark.parametrize("policy", POLICIES[:-1], ids=IDS[:-1])
def test_every_policy_accepts_exemptions_in_its_config(policy: PavedPolicy) -> None:
    assert policy.exemptible
    assert policy.config_schema is not None
    assert policy.config_schema.properties["exemptions"] == EXEMPTIONS_SCHEMA


def test_every_policy_declares_the_types_it_covers() -> None:
    for policy in POLICIES:
        assert policy.resource_types, policy.name


def test_the_pack_runs_by_category_then_name_and_the_exemption_listing_last() -> None:
    rules = POLICIES[:-1]
    assert [(CATEGORIES.index(p.category), p.name) for p in rules] == sorted(
        (CATEGORIES.index(p.category), p.name) for p in rules
    )
    assert IDS[-1] == "policy-exemptions"


def test_the_pack_covers_every_category() -> None:
    assert {policy.category for policy in POLICIES} == set(CATEGORIES)


def test_the_budget_policies_are_declared_like_the_others() -> None:
    families = policy_named("budget-instance-families-allowed")
    assert families.kind == "resource"
    assert families.applies_to("aws:rds/instance:Instance")
    assert not families.applies_to("aws:s3/bucket:Bucket")
    assert policy_named("budget-resource-present").resource_types == frozenset({"aws:budgets/budget:Budget"})


def test_an_unknown_policy_name_is_a_key_error_naming_it() -> None:
    with pytest.raises(KeyError, match="no policy named 'no-such-policy'"):
        policy_named("no-such-policy")


# --- the factory ------------------------------------------------------------------------------


def _nothing(args: ResourceValidationArgs, report: Report) -> None:
    del args, report


def _nothing_in_the_stack(args: StackValidationArgs, report: Report) -> None:
    del args, report


def _declare(**changes: object) -> PavedPolicy:
    declaration: dict[str, object] = {
        "name": "scratch-policy",
        "description": "Checks nothing.",
        "validate": _nothing,
        "resource_types": ["aws:sqs/queue:Queue"],
        "category": LOGGING,
        "severity": Severity.LOW,
        "remediation_steps": "Nothing to do here at all.",
        **changes,
    }
    return define_policy(**declaration)  # type: ignore[call-overload, no-any-return]


def test_a_declaration_without_types_is_refused() -> None:
    with pytest.raises(ValueError, match=r"scratch-policy: declare the resource types it covers \(or \[ANY_TYPE\]\)"):
        _declare(resource_types=[])


def test_a_declaration_with_an_unknown_category_is_refused() -> None:
    with pytest.raises(ValueError, match="scratch-policy: category 'speed' is not one of encryption-at-rest, "):
        _declare(category="speed")


def test_a_declaration_with_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="scratch-policy: kind 'batch' is not 'resource' or 'stack'"):
        _declare(kind="batch")


def test_a_stack_declaration_gives_a_stack_policy_that_knows_its_kind() -> None:
    policy = _declare(kind=STACK, validate=_nothing_in_the_stack)
    assert (policy.kind, type(policy).__name__) == ("stack", "PavedStackPolicy")


@pytest.mark.parametrize(
    ("equivalents", "message"),
    [
        ({"checkov": ("CKV_AWS16",)}, r"Equivalents.checkov: 'CKV_AWS16' is not an id of the form CKV2\?_AWS_"),
        ({"cdk_nag": ("RDS2",)}, r"Equivalents.cdk_nag: 'RDS2' is not an id of the form AwsSolutions-"),
        ({"awsguard": ("RDS Storage",)}, r"Equivalents.awsguard: 'RDS Storage' is not an id of the form"),
    ],
)
def test_a_malformed_equivalent_id_is_refused(equivalents: dict[str, tuple[str, ...]], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Equivalents(**equivalents)


def test_equivalents_given_as_a_string_are_refused() -> None:
    with pytest.raises(TypeError, match=r"Equivalents\.checkov: give a tuple of ids, not the string 'CKV_AWS_16'"):
        Equivalents(checkov="CKV_AWS_16")  # type: ignore[arg-type]


def test_two_policies_with_one_name_are_refused() -> None:
    listing = policy_named("policy-exemptions")
    module = types.ModuleType("twice")
    module.first = _declare()  # type: ignore[attr-defined]
    module.second = _declare()  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="defined more than once: scratch-policy"):
        collect([module], last=listing)


def test_a_policy_imported_into_a_second_module_is_counted_once() -> None:
    listing = policy_named("policy-exemptions")
    scratch = _declare()
    first, second = types.ModuleType("first"), types.ModuleType("second")
    first.scratch = second.scratch = scratch  # type: ignore[attr-defined]
    assert collect([first, second], last=listing) == (scratch, listing)
