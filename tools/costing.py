"""The cost model over a snapshot's resources, with the settings the budget policy itself receives.

One computation for every tool: the resources in the cost model's input shape, priced with the usage
profile and region of ``budget-monthly-cost-within-cap``'s settings, against its cap (``cap_of``: a
positive ``Decimal``). The settings are those the pack's ``Configure`` received, so the tools' figure
is the figure the budget policy judges.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cost.budget_policies import CAP_KEY, BudgetConfigError, budget_monthly_cost_within_cap, cap_of
from cost.estimator import DEFAULT_REGION, estimate
from cost.report import CostReport
from cost.resources import Resource, plain
from cost.usage import UsageError, UsageProfile

from tools.errors import InputError

if TYPE_CHECKING:
    from tools.program import Registration

COST_POLICY: str = budget_monthly_cost_within_cap.name
"""The policy whose settings (``maxMonthlyUsd``, ``region``, ``usage``) the cost model reads."""


@dataclass(frozen=True)
class StackCost:
    """A stack's cost report and the cap it is judged against (None: no cap configured)."""

    report: CostReport
    cap_usd: Decimal | None

    @property
    def over_cap(self) -> bool:
        return self.cap_usd is not None and self.report.monthly_usd > self.cap_usd


def resource_of(registration: Registration) -> Resource:
    """One registration as the cost model's input (the provider of a remote component is in ``providers``)."""
    return Resource(
        type=registration.type,
        urn=registration.urn,
        props=plain(registration.inputs),
        parent=registration.parent,
        provider=registration.provider or registration.providers.get("aws", ""),
        dependencies=tuple(registration.dependencies),
        property_dependencies={key: tuple(urns) for key, urns in registration.property_dependencies.items()},
        custom=registration.custom,
    )


def stack_cost(resources: Iterable[Registration], settings: Mapping[str, Any], *, where: str) -> StackCost:
    """The resources priced with the cost policy's ``settings``; ``InputError`` naming ``where`` and the key
    when a setting is unusable."""
    try:
        usage = UsageProfile.from_config(settings.get("usage"))
        cap = cap_of(settings) if settings.get(CAP_KEY) is not None else None
    except (UsageError, BudgetConfigError) as error:
        raise InputError(f"{where}: {COST_POLICY}.{error}") from None
    region = str(settings.get("region") or DEFAULT_REGION)
    return StackCost(estimate([resource_of(r) for r in resources], region, usage), cap)
