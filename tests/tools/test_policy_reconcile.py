"""The policy config the CLI sends to ``Configure``, and the configs it refuses, with its messages.

pulumi/pulumi pkg/v3.187.0: ``pkg/resource/analyzer/config.go`` (``ReconcilePolicyPackConfig``,
``applyConfig``, ``createConfigWithDefaults``, ``validatePolicyPackConfig``),
``sdk/go/common/resource/plugin/analyzer_plugin.go`` (``Configure``), ``pkg/engine/update.go``
(``validating policy config: <pack> <version>  <error>``). The pack here is a small one written for
the test; the last tests use paved's own pack and its exemption schema.
"""

from __future__ import annotations

from typing import Any

import pytest

from tools.analyzer import Analyzer, AnalyzerInfo, PolicyInfo
from tools.policy_config import PolicySetting, settings_of
from tools.policy_reconcile import PolicyConfigRefusedError, configuration

LEVEL = {"type": "string", "enum": ["advisory", "mandatory", "remediate", "disabled"]}
"""What the CLI's plugin adds to every schema."""


def policy(name: str, level: str, required: tuple[str, ...] = (), **properties: Any) -> PolicyInfo:
    schema = {"properties": {**properties, "enforcementLevel": LEVEL}, "required": list(required)}
    return PolicyInfo(name, "", level, "", (), "", schema, "resource")


def pack(*policies: PolicyInfo, initial: dict[str, PolicySetting] | None = None) -> AnalyzerInfo:
    return AnalyzerInfo("test-pack", "1.2.3", {p.name: p for p in policies}, initial_config=initial or {})


PACK = pack(
    policy("alpha", "advisory", minimumDays={"type": "number", "default": 7, "minimum": 1}),
    policy("beta", "mandatory", cap={"type": "number"}),
)


def sent(document: Any, info: AnalyzerInfo = PACK, **options: Any) -> dict[str, PolicySetting]:
    return configuration(info, settings_of(document), pack_path="policies", **options)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({}, {"alpha": PolicySetting("advisory", {"minimumDays": 7}), "beta": PolicySetting("mandatory")}),
        (
            {"alpha": {"minimumDays": 14}},
            {"alpha": PolicySetting("advisory", {"minimumDays": 14}), "beta": PolicySetting("mandatory")},
        ),
        (
            {"alpha": "mandatory", "beta": {"cap": 25}},
            {"alpha": PolicySetting("mandatory", {"minimumDays": 7}), "beta": PolicySetting("mandatory", {"cap": 25})},
        ),
        (
            {"all": "disabled"},
            {
                "alpha": PolicySetting("disabled", {"minimumDays": 7}),
                "beta": PolicySetting("disabled"),
                "all": PolicySetting("disabled"),
            },
        ),
        (
            {"all": {"enforcementLevel": "disabled"}, "beta": "advisory"},
            {
                "alpha": PolicySetting("disabled", {"minimumDays": 7}),
                "beta": PolicySetting("advisory"),
                "all": PolicySetting("disabled"),
            },
        ),
        (
            {"no-such-policy": {"enforcementLevel": "mandatory", "x": 1}},
            {
                "alpha": PolicySetting("advisory", {"minimumDays": 7}),
                "beta": PolicySetting("mandatory"),
                "no-such-policy": PolicySetting("mandatory", {"x": 1}),
            },
        ),
    ],
    ids=[
        "defaults-merged",
        "given-properties-over-defaults",
        "level-keeps-defaults",
        "all-sets-every-level-and-is-sent-too",
        "all-then-each-key",
        "unknown-policy-with-a-level-is-sent",
    ],
)
def test_the_config_sent_to_configure(document: dict[str, Any], expected: dict[str, PolicySetting]) -> None:
    assert sent(document) == expected


def test_the_packs_initial_config_applies_before_the_file() -> None:
    info = pack(*PACK.policies.values(), initial={"alpha": PolicySetting("mandatory", {"minimumDays": 10})})
    assert sent({}, info)["alpha"] == PolicySetting("mandatory", {"minimumDays": 10})
    assert sent({"alpha": {"minimumDays": 3}}, info)["alpha"] == PolicySetting("mandatory", {"minimumDays": 3})


VALIDATING = "validating policy config: test-pack 1.2.3  "


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            {"alpha": {"minimumDays": "7"}},
            VALIDATING + "alpha: minimumDays: Invalid type. Expected: number, given: string",
        ),
        ({"alpha": {"minimumDays": 0}}, VALIDATING + "alpha: minimumDays: Must be greater than or equal to 1"),
        (
            {"beta": {"cap": "lots"}, "alpha": {"minimumDays": 0.5}},
            VALIDATING
            + "alpha: minimumDays: Must be greater than or equal to 1; "
            + VALIDATING
            + "beta: cap: Invalid type. Expected: number, given: string",
        ),
        (
            {"no-such-policy": {"x": 1}},
            'configuring policy pack "test-pack" at "policies": invalid enforcement level ""',
        ),
        ({"all": {"x": 1}}, 'configuring policy pack "test-pack" at "policies": invalid enforcement level ""'),
    ],
    ids=[
        "schema-type-error",
        "schema-minimum",
        "every-error-sorted-on-one-line",
        "unknown-policy-without-a-level",
        "all-without-a-level",
    ],
)
def test_what_the_cli_refuses(document: dict[str, Any], message: str) -> None:
    with pytest.raises(PolicyConfigRefusedError) as failure:
        sent(document)
    assert str(failure.value) == message


def test_a_required_property_must_be_given() -> None:
    info = pack(policy("gamma", "advisory", ("cap",), cap={"type": "number"}))
    with pytest.raises(PolicyConfigRefusedError) as failure:
        sent({}, info)
    assert str(failure.value) == VALIDATING + "gamma: cap is required"
    assert sent({"gamma": {"cap": 5}}, info)["gamma"] == PolicySetting("advisory", {"cap": 5})


def test_a_default_the_schema_refuses_is_refused_without_any_config() -> None:
    info = pack(policy("delta", "advisory", days={"type": "number", "default": 0, "minimum": 1}))
    with pytest.raises(PolicyConfigRefusedError) as failure:
        sent({}, info)
    assert str(failure.value) == VALIDATING + "delta: days: Must be greater than or equal to 1"


def test_a_pack_without_config_support_refuses_a_config_file_and_gets_no_configure() -> None:
    info = AnalyzerInfo("test-pack", "1.2.3", PACK.policies, supports_config=False)
    with pytest.raises(PolicyConfigRefusedError) as failure:
        sent({}, info)
    assert str(failure.value) == 'policy pack "test-pack" at "policies" does not support config'
    assert sent({}, info, has_file=False) == {}


@pytest.fixture(scope="module")
def paved() -> AnalyzerInfo:
    """paved's pack as ``GetAnalyzerInfo`` describes it (the pack is stopped again at once)."""
    with Analyzer() as analyzer:
        return analyzer.info()


@pytest.mark.parametrize(
    ("exemption", "errors"),
    [
        ({"name": "db", "expires": "2999-01-01"}, ["exemptions.0: reason is required"]),
        (
            {"name": "db", "reason": "r", "expires": "2999-13-45"},
            ["exemptions.0.expires: Does not match format 'date'"],
        ),
        (
            {"name": "db", "reason": "r", "expires": "soon"},
            [
                "exemptions.0.expires: Does not match format 'date'",
                "exemptions.0.expires: Does not match pattern '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'",
            ],
        ),
        (
            {"reason": "r", "expires": "2999-01-01"},
            ["exemptions.0: Must validate one and only one schema (oneOf)", "exemptions.0: urn is required"],
        ),
        (
            {"name": "db", "urn": "urn:pulumi:a", "reason": "r", "expires": "2999-01-01"},
            ["exemptions.0: Must validate one and only one schema (oneOf)"],
        ),
        (
            {"name": "db", "reason": "r", "expires": "2999-01-01", "ticket": "OPS-1"},
            ["exemptions.0: Additional property ticket is not allowed"],
        ),
    ],
    ids=["missing-reason", "impossible-date", "not-a-date", "no-target", "two-targets", "unknown-field"],
)
def test_paveds_exemptions_are_refused_as_the_cli_refuses_them(
    paved: AnalyzerInfo, exemption: dict[str, str], errors: list[str]
) -> None:
    with pytest.raises(PolicyConfigRefusedError) as failure:
        sent({"rds-instance-storage-encrypted": {"exemptions": [exemption]}}, paved)
    prefix = f"validating policy config: paved {paved.version}  rds-instance-storage-encrypted: "
    assert str(failure.value) == "; ".join(prefix + error for error in errors)


def test_paveds_budget_cap_is_a_number_of_at_least_one(paved: AnalyzerInfo) -> None:
    with pytest.raises(PolicyConfigRefusedError) as failure:
        sent({"budget-monthly-cost-within-cap": {"maxMonthlyUsd": 0}}, paved)
    assert str(failure.value) == (
        "validating policy config: paved 0.1.0  budget-monthly-cost-within-cap: maxMonthlyUsd: "
        "Must be greater than or equal to 1"
    )
