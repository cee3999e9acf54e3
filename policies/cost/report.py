"""What the estimator returns: a monthly cost per resource with its basis, the unpriced, the totals."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from cost.known_free import is_known_free
from cost.tiers import tier_sort_key

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Charge:
    """One billed dimension of a resource: ``quantity × unit price``, and how it was arrived at."""

    usd: Decimal
    basis: str


@dataclass(frozen=True)
class CostLine:
    urn: str
    type: str
    name: str
    tier: str
    charges: tuple[Charge, ...]

    @property
    def monthly_usd(self) -> Decimal:
        return sum((charge.usd for charge in self.charges), Decimal(0))

    @property
    def basis(self) -> str:
        return " + ".join(charge.basis for charge in self.charges)

    @property
    def free(self) -> bool:
        return not any(charge.usd for charge in self.charges)


@dataclass(frozen=True)
class Unpriced:
    """A resource the model cannot price: never counted as zero, always listed with the reason."""

    urn: str
    type: str
    name: str
    tier: str
    reason: str

    @property
    def known_free(self) -> bool:
        """Its type costs nothing by itself (``known_free.json``), so leaving it unpriced hides no cost."""
        return is_known_free(self.type)


@dataclass(frozen=True)
class CostReport:
    region: str
    lines: tuple[CostLine, ...]
    unpriced: tuple[Unpriced, ...] = ()
    price_version: str = ""
    notes: tuple[str, ...] = field(default=())

    @property
    def monthly_usd(self) -> Decimal:
        return sum((line.monthly_usd for line in self.lines), Decimal(0))

    def by_tier(self) -> dict[str, Decimal]:
        """Monthly USD per tier, tiers in build order (tiers with only free resources show 0)."""
        totals: dict[str, Decimal] = defaultdict(Decimal)
        for line in self.lines:
            totals[line.tier] += line.monthly_usd
        return {tier: totals[tier] for tier in sorted(totals, key=tier_sort_key)}

    def top(self, count: int = 5) -> list[CostLine]:
        """The ``count`` most expensive resources, most expensive first (ties by URN, for stable output)."""
        paid = [line for line in self.lines if line.monthly_usd > 0]
        return sorted(paid, key=lambda line: (-line.monthly_usd, line.urn))[:count]

    def unpriced_by_type(self) -> dict[str, int]:
        """How many resources of each type are unpriced, by type."""
        return dict(sorted(Counter(item.type for item in self.unpriced).items()))

    def unpriced_costly(self) -> tuple[Unpriced, ...]:
        """The unpriced resources whose type may cost money: the estimate cannot bound them."""
        return tuple(item for item in self.unpriced if not item.known_free)

    def line(self, urn: str) -> CostLine:
        for line in self.lines:
            if line.urn == urn:
                return line
        raise KeyError(urn)

    def as_json(self) -> dict[str, Any]:
        """The ``cost`` object of the tools' JSON output (DESIGN §7), plus ``unpriced``."""
        return {
            "monthly_usd": float(usd(self.monthly_usd)),
            "region": self.region,
            "price_version": self.price_version,
            "by_tier": {tier: float(usd(total)) for tier, total in self.by_tier().items()},
            "by_resource": [
                {
                    "urn": line.urn,
                    "type": line.type,
                    "tier": line.tier,
                    "monthly_usd": float(usd(line.monthly_usd)),
                    "basis": line.basis,
                }
                for line in sorted(self.lines, key=lambda line: (-line.monthly_usd, line.urn))
            ],
            "unpriced": [
                {"urn": u.urn, "type": u.type, "tier": u.tier, "reason": u.reason, "known_free": u.known_free}
                for u in self.unpriced
            ],
            "unpriced_by_type": self.unpriced_by_type(),
        }


def usd(amount: Decimal) -> Decimal:
    """Rounded to the cent, for display."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def money(amount: Decimal) -> str:
    """``$12.34`` (cents) for totals."""
    return f"${usd(amount):,}"
