"""The result of evaluating a snapshot: policy violations from the pack and the cost report.

``Evaluation`` is what every output format renders (``tools.report``); its JSON form is the
DESIGN §7 contract. Money is ``Decimal`` until it is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from cost.tiers import tier_sort_key

from tools.errors import EvaluationError
from tools.policy_config import PolicyConfig
from tools.snapshot import PROGRAM_SOURCE, Snapshot

__all__ = ["CostSummary", "Evaluation", "EvaluationError", "ResourceCost", "Unpriced", "Violation"]

MANDATORY = "mandatory"
ADVISORY = "advisory"
UNCATEGORIZED = "uncategorized"
TOP_DRIVERS = 5


@dataclass(frozen=True)
class Violation:
    """One policy violation as the pack reported it, with the policy's category and severity."""

    policy: str
    enforcement: str
    """``mandatory`` or ``advisory``."""
    urn: str
    """The resource's URN; empty for a stack-wide violation not tied to one resource."""
    resource_type: str
    message: str
    category: str = UNCATEGORIZED
    """The policy's category tag (``encryption-at-rest``, ``iam-least-privilege``, ``cost``…)."""
    severity: str = ""

    @property
    def mandatory(self) -> bool:
        return self.enforcement == MANDATORY


@dataclass(frozen=True)
class ResourceCost:
    urn: str
    type: str
    tier: str
    monthly_usd: Decimal
    basis: str


@dataclass(frozen=True)
class Unpriced:
    """A resource the cost model cannot price: reported, never counted as zero."""

    urn: str
    type: str
    reason: str


@dataclass(frozen=True)
class CostSummary:
    monthly_usd: Decimal
    cap_usd: Decimal | None
    by_tier: dict[str, Decimal]
    by_resource: list[ResourceCost]
    unpriced: list[Unpriced] = field(default_factory=list)

    @property
    def over_cap(self) -> bool:
        return self.cap_usd is not None and self.monthly_usd > self.cap_usd

    @property
    def top_drivers(self) -> list[ResourceCost]:
        ranked = sorted(self.by_resource, key=lambda cost: (-cost.monthly_usd, cost.urn))
        return [cost for cost in ranked if cost.monthly_usd > 0][:TOP_DRIVERS]

    def tiers(self) -> list[tuple[str, Decimal]]:
        return sorted(self.by_tier.items(), key=lambda item: tier_sort_key(item[0]))


@dataclass(frozen=True)
class Evaluation:
    snapshot: Snapshot
    policy_config: PolicyConfig
    violations: list[Violation]
    cost: CostSummary

    @property
    def tool(self) -> str:
        return "plan" if self.snapshot.source == PROGRAM_SOURCE else "check"

    @property
    def mandatory(self) -> list[Violation]:
        return [violation for violation in self.violations if violation.mandatory]

    @property
    def advisory(self) -> list[Violation]:
        return [violation for violation in self.violations if not violation.mandatory]

    @property
    def passed(self) -> bool:
        """No mandatory violation (DESIGN §7): the exit code is 0."""
        return not self.mandatory


def sorted_violations(violations: list[Violation]) -> list[Violation]:
    """Mandatory first, then by category, policy and resource: a stable order for every format."""
    return sorted(violations, key=lambda v: (not v.mandatory, v.category, v.policy, v.urn, v.message))
