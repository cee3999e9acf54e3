"""The result of evaluating a snapshot: the pack's violations and the stack's cost against its cap.

``Evaluation`` is what every output format renders (``tools.report``); its JSON form is the
DESIGN §7 contract. Money is ``Decimal`` until it is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tools.errors import EvaluationError
from tools.snapshot import PROGRAM_SOURCE, Snapshot

if TYPE_CHECKING:  # types only: rendering an evaluation loads neither the SDK nor the cost model
    from tools.analyzer.model import Violation
    from tools.costing import StackCost
    from tools.policy_config import PolicyConfig

__all__ = ["Evaluation", "EvaluationError", "sorted_violations"]


@dataclass(frozen=True)
class Evaluation:
    snapshot: Snapshot
    policy_config: PolicyConfig
    violations: list[Violation]
    cost: StackCost

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
