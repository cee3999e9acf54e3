"""Evaluate a snapshot: the real policy pack through the analyzer interface, then the cost model.

The pack runs exactly as under ``pulumi preview --policy-pack``: ``tools.analyzer`` starts
``policies/__main__.py``, reads its port, calls ``GetAnalyzerInfo``, ``Configure`` (the policy config,
validated against the pack's schemas), ``ConfigureStack``, ``Analyze`` per resource and
``AnalyzeStack`` once, and always stops the process. The cost model (``cost``, in ``policies/cost/``)
prices the same resources with the usage profile, region and cap of the budget policy's config.
"""

from __future__ import annotations

from cost.budget_policies import CAP_KEY, BudgetConfigError, cap_of
from cost.estimator import DEFAULT_REGION, estimate
from cost.usage import UsageError, UsageProfile

from tools import analyzer
from tools.costing import COST_POLICY, resource_of
from tools.errors import EvaluationError, InputError
from tools.evaluation import (
    ADVISORY,
    MANDATORY,
    UNCATEGORIZED,
    CostSummary,
    Evaluation,
    ResourceCost,
    Unpriced,
    Violation,
)
from tools.pack_session import PackSession, first_line
from tools.policy_config import REPO_ROOT, PolicyConfig, default_path
from tools.snapshot import Snapshot


def evaluate(snapshot: Snapshot, config: PolicyConfig, session: PackSession) -> Evaluation:
    violations = run_pack(snapshot, config, session)
    return Evaluation(snapshot, config, violations, estimate_cost(snapshot, config))


def run_pack(snapshot: Snapshot, config: PolicyConfig, session: PackSession) -> list[Violation]:
    """Every violation the pack reports: ``Configure``, ``ConfigureStack``, ``Analyze`` per resource
    and ``AnalyzeStack`` once, as the CLI calls them."""
    pack = session.ready()
    try:
        pack.configure(config.policies)
        pack.configure_stack(
            stack=snapshot.stack,
            project=snapshot.project,
            organization=session.organization,
            dry_run=snapshot.dry_run,
            config=dict(snapshot.config),
        )
        found = pack.analyze_all(analyzer.resources_from_registrations(snapshot.resources))
    except analyzer.PolicyConfigError as error:
        raise InputError(f"{_config_name(config, snapshot.stack)}: {error}") from None
    except analyzer.AnalyzerError as error:
        raise EvaluationError(f"the policy pack failed: {first_line(error)}") from None
    return [
        Violation(
            policy=v.policy,
            enforcement=MANDATORY if v.mandatory else ADVISORY,
            urn=v.urn,
            resource_type=v.resource_type,
            message=v.message,
            category=v.category or UNCATEGORIZED,
            severity=v.severity,
        )
        for v in found
    ]


def _config_name(config: PolicyConfig, stack: str) -> str:
    if config.path is not None:
        return f"policy config {config.path}"
    default = default_path(stack).relative_to(REPO_ROOT)
    return f"no policy config for stack {stack} ({default} does not exist; pass --policy-config)"


def estimate_cost(snapshot: Snapshot, config: PolicyConfig) -> CostSummary:
    """The cost model over the snapshot, with the budget policy's usage profile, region and cap."""
    settings = config.properties(COST_POLICY)
    where = f"{_config_name(config, snapshot.stack)}: {COST_POLICY}"
    try:
        usage = UsageProfile.from_config(settings.get("usage"))
        cap = cap_of(settings) if settings.get(CAP_KEY) is not None else None
    except (UsageError, BudgetConfigError) as error:
        raise InputError(f"{where}.{error}") from None
    region = str(settings.get("region") or DEFAULT_REGION)
    report = estimate([resource_of(r) for r in snapshot.resources], region, usage)
    return CostSummary(
        monthly_usd=report.monthly_usd,
        cap_usd=cap,
        by_tier=dict(report.by_tier()),
        by_resource=[
            ResourceCost(line.urn, line.type, line.tier, line.monthly_usd, line.basis) for line in report.lines
        ],
        unpriced=[Unpriced(item.urn, item.type, item.reason) for item in report.unpriced],
    )
