"""The budget policies: the stack's estimated cost within its cap, an AWS budget at the cap, allowed classes.

Each reads its properties from its own entry of the policy config (``policies/config/<stack>.json``).
They are declared like every other policy (``paved_policies.policy.define_policy``, category ``cost``),
and the pack's registry finds them here.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from paved_policies import types as t
from paved_policies.policy import ANY_TYPE, COST, STACK, Report, define_policy
from paved_policies.unknown import UNKNOWN
from pulumi_policy import ResourceValidationArgs, Severity, StackValidationArgs

from cost.estimator import DEFAULT_REGION, estimate
from cost.report import CostReport, money
from cost.resources import from_policy_resource, plain, provider_regions_of_policy_resources
from cost.usage import UsageError, UsageProfile, usage_json_schema

CAP_KEY = "maxMonthlyUsd"
FAMILIES_KEY = "allowedInstanceFamilies"
TOP_DRIVERS = 5

CLASS_PROPERTIES: dict[str, tuple[str, str]] = {
    t.EC2_INSTANCE: ("instanceType", "EC2 instance type"),
    t.EC2_LAUNCH_TEMPLATE: ("instanceType", "launch template instance type"),
    t.EC2_SPOT_INSTANCE_REQUEST: ("instanceType", "EC2 instance type"),
    t.RDS_INSTANCE: ("instanceClass", "RDS instance class"),
    t.RDS_CLUSTER: ("dbClusterInstanceClass", "RDS cluster instance class"),
    t.RDS_CLUSTER_INSTANCE: ("instanceClass", "RDS instance class"),
    t.ELASTICACHE_REPLICATION_GROUP: ("nodeType", "ElastiCache node type"),
    t.ELASTICACHE_CLUSTER: ("nodeType", "ElastiCache node type"),
}
"""The types whose size the families policy checks, and the property holding the class."""

_CAP_SCHEMA = {
    "type": "number",
    "minimum": 1,
    "description": "The environment's monthly budget cap in USD (on-demand list prices), at least 1.",
}


DEFAULT_FAMILIES: tuple[str, ...] = ("t4g", "m7g", "r7g", "c7g", "m6g", "r6g", "c6g", "db.serverless")
"""Current-generation Graviton families: allowed when a stack's config names none."""


class BudgetConfigError(ValueError):
    """A budget policy's config entry is missing or malformed; the message names the key."""


def cap_of(config: Mapping[str, Any]) -> Decimal:
    value = config.get(CAP_KEY)
    if value is None:
        raise BudgetConfigError(f"{CAP_KEY} is not set in this policy's config (policies/config/<stack>.json)")
    try:
        cap = Decimal(str(value))
    except InvalidOperation:
        raise BudgetConfigError(f"{CAP_KEY}: {value!r} is not a number") from None
    if isinstance(value, bool) or not cap.is_finite() or cap <= 0:
        raise BudgetConfigError(f"{CAP_KEY}: {value!r} must be a positive number of USD")
    return cap


# --- budget-monthly-cost-within-cap -----------------------------------------------------------


def estimate_stack(args: StackValidationArgs) -> CostReport:
    """The cost model over the stack the engine handed the policy, with the usage profile from its config."""
    config = args.get_config()
    usage = UsageProfile.from_config(config.get("usage"))
    region = str(config.get("region") or DEFAULT_REGION)
    resources = [from_policy_resource(resource) for resource in args.resources]
    regions = provider_regions_of_policy_resources(args.resources)
    return estimate(resources, region, usage, provider_regions=regions)


def over_cap_message(report: CostReport, cap: Decimal) -> str:
    """The estimate, the cap, and the top drivers with their basis."""
    drivers = "; ".join(
        f"{index}. {line.name} ({line.type}, {line.tier} tier) {money(line.monthly_usd)}: {line.basis}"
        for index, line in enumerate(report.top(TOP_DRIVERS), start=1)
    )
    unpriced = ""
    if report.unpriced:
        names = ", ".join(f"{u.name} ({u.reason})" for u in report.unpriced[:TOP_DRIVERS])
        unpriced = f" Not priced, so not counted: {len(report.unpriced)} resource(s): {names}."
    return (
        f"Estimated monthly cost {money(report.monthly_usd)} is above the cap of {money(cap)} ({CAP_KEY}), "
        f"by {money(report.monthly_usd - cap)}. Top {TOP_DRIVERS} cost drivers: {drivers}.{unpriced}"
    )


def _monthly_cost_within_cap(args: StackValidationArgs, report_violation: Report) -> None:
    try:
        cap = cap_of(args.get_config())
        cost = estimate_stack(args)
    except (BudgetConfigError, UsageError) as error:
        report_violation(f"Policy config: {error}", None)
        return
    if cost.monthly_usd > cap:
        report_violation(over_cap_message(cost, cap), None)


budget_monthly_cost_within_cap = define_policy(
    name="budget-monthly-cost-within-cap",
    kind=STACK,
    description="Checks that the stack's estimated monthly cost at on-demand list prices is within the "
    "environment's cap (maxMonthlyUsd).",
    validate=_monthly_cost_within_cap,
    resource_types=[ANY_TYPE],
    category=COST,
    severity=Severity.HIGH,
    config={
        CAP_KEY: _CAP_SCHEMA,
        "region": {"type": "string", "description": "Region of resources whose provider does not say."},
        "usage": usage_json_schema(),
    },
    remediation_steps="Cut the top cost drivers named in the message — paved:network.natStrategy (none or "
    "single), paved:data.postgres (aurora-serverless with minCapacity 0, or a smaller instanceClass), "
    "paved:data.cache.enabled/nodeType, paved:compute.container.minTasks — or, if the spend is intended, raise "
    "maxMonthlyUsd in policies/config/<stack>.json together with paved:budget.monthlyUsd.",
)


# --- budget-resource-present ------------------------------------------------------------------


def _budget_problem(props: Mapping[str, Any], cap: Decimal) -> str | None:
    """Why a budget does not cap the stack's monthly cost at ``cap`` (None: it does, or it is unknown yet)."""
    values = {key: props.get(key) for key in ("budgetType", "timeUnit", "limitUnit", "limitAmount")}
    if any(value is UNKNOWN for value in values.values()):
        return None
    if values["budgetType"] != "COST" or values["timeUnit"] != "MONTHLY":
        return f"it is a {values['budgetType']} budget per {values['timeUnit']}, not a MONTHLY COST budget"
    if values["limitUnit"] != "USD":
        return f"its limit is in {values['limitUnit']}, not USD"
    try:
        limit = Decimal(str(values["limitAmount"]))
    except InvalidOperation:
        return f"its limitAmount {values['limitAmount']!r} is not a number"
    if limit > cap:
        return f"its limit {money(limit)} is above the cap {money(cap)} ({CAP_KEY})"
    return None


def _budget_resource_present(args: StackValidationArgs, report_violation: Report) -> None:
    try:
        cap = cap_of(args.get_config())
    except BudgetConfigError as error:
        report_violation(f"Policy config: {error}", None)
        return
    budgets = [r for r in args.resources if r.resource_type == t.BUDGET]
    problems = {budget.name: _budget_problem(plain(budget.props), cap) for budget in budgets}
    if any(problem is None for problem in problems.values()):
        return
    if not budgets:
        report_violation(
            f"No AWS Budgets budget ({t.BUDGET}) caps this stack: add a MONTHLY COST budget in USD with a "
            f"limitAmount at or below {money(cap)} ({CAP_KEY}).",
            None,
        )
        return
    for budget in budgets:
        report_violation(
            f"AWS budget {budget.name} does not cap this stack at {money(cap)}: {problems[budget.name]}.",
            budget.urn,
        )


budget_resource_present = define_policy(
    name="budget-resource-present",
    kind=STACK,
    description="Checks that the stack has an AWS Budgets monthly cost budget in USD whose limit is at or "
    "below the environment's cap (maxMonthlyUsd).",
    validate=_budget_resource_present,
    resource_types=[t.BUDGET],
    category=COST,
    severity=Severity.MEDIUM,
    config={CAP_KEY: _CAP_SCHEMA},
    remediation_steps="Set paved:budget.monthlyUsd at or below maxMonthlyUsd from policies/config/<stack>.json; "
    "the observability tier creates the monthly AWS Budgets cost budget from it.",
)


# --- budget-instance-families-allowed ---------------------------------------------------------


def family_of(instance_class: str) -> str:
    """``t4g.micro`` → ``t4g``; ``db.t4g.micro`` → ``db.t4g``; ``cache.r7g.large`` → ``cache.r7g``."""
    parts = instance_class.split(".")
    if parts[0] in ("db", "cache") and len(parts) >= 2:
        return f"{parts[0]}.{parts[1]}"
    return parts[0]


def family_allowed(family: str, allowed: list[str]) -> bool:
    """An entry with a service prefix (``db.t4g``) matches that service only; ``t4g`` matches all three."""
    bare = family.split(".", 1)[1] if family.startswith(("db.", "cache.")) else family
    return family in allowed or bare in allowed


def _instance_families_allowed(args: ResourceValidationArgs, report_violation: Report) -> None:
    checked = CLASS_PROPERTIES.get(args.resource_type)
    if checked is None:
        return
    key, what = checked
    value = plain(args.props).get(key)
    if not isinstance(value, str) or not value:
        return
    allowed = [str(item) for item in args.get_config().get(FAMILIES_KEY) or DEFAULT_FAMILIES]
    family = family_of(value)
    if not family_allowed(family, allowed):
        report_violation(
            f"{what} {value} (family {family}) is not in {FAMILIES_KEY} ({', '.join(allowed)}).",
            None,
        )


budget_instance_families_allowed = define_policy(
    name="budget-instance-families-allowed",
    description="Checks that EC2 instance types, RDS instance classes and ElastiCache node types belong to "
    "the environment's allowed instance families (allowedInstanceFamilies).",
    validate=_instance_families_allowed,
    resource_types=list(CLASS_PROPERTIES),
    category=COST,
    severity=Severity.MEDIUM,
    config={
        FAMILIES_KEY: {
            "type": "array",
            "minItems": 1,
            "items": {"type": "string", "pattern": r"^((db|cache)\.)?[a-z][a-z0-9-]*$"},
            "description": "Allowed families: t4g matches EC2, RDS and ElastiCache; db.t4g or cache.t4g "
            "match only that service; db.serverless is Aurora Serverless v2.",
        }
    },
    remediation_steps="Choose a class of an allowed family in paved:data.postgres.instanceClass or "
    "paved:data.cache.nodeType (or the instance's own type), or add the family to allowedInstanceFamilies in "
    "policies/config/<stack>.json.",
)
