"""Instance sizes: a class's size, and the price of a size derived from another size of its family.

AWS prices the sizes of an EC2 family (and of the services built on it) in proportion to their
*normalization factors* — the units it uses for Reserved Instance size flexibility: ``nano`` 0.25,
``micro`` 0.5, ``small`` 1, ``medium`` 2, ``large`` 4, ``xlarge`` 8, and ``Nxlarge`` 8 × N
(https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/apply_ri.html, "Instance size flexibility
determined by normalization factor"). The price file keeps the sizes it has a source for; a size it
lacks is derived from the nearest sourced size of the same family, and the basis says so. Burstable
families (``t2``, ``t3``, ``t4g`` …) are never derived: RDS and ElastiCache round their sizes apart.
``metal`` sizes have no factor and stay unpriced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_NAMED_FACTORS = {
    "nano": Decimal("0.25"),
    "micro": Decimal("0.5"),
    "small": Decimal(1),
    "medium": Decimal(2),
    "large": Decimal(4),
    "xlarge": Decimal(8),
}


def size_factor(size: str) -> Decimal | None:
    """The normalization factor of a size (``4xlarge`` → 32), or None (``metal``, unknown)."""
    if size in _NAMED_FACTORS:
        return _NAMED_FACTORS[size]
    match = re.fullmatch(r"(\d+)xlarge", size)
    return Decimal(8 * int(match.group(1))) if match else None


@dataclass(frozen=True)
class InstanceClass:
    family: str
    """Everything before the size: ``m7g``, ``kafka.m5``, ``db.r5``."""
    size: str

    @property
    def name(self) -> str:
        return f"{self.family}.{self.size}"

    @property
    def burstable(self) -> bool:
        return self.family.rsplit(".", 1)[-1].startswith("t")


def parse_class(name: str) -> InstanceClass | None:
    """``m7g.4xlarge`` → (``m7g``, ``4xlarge``); ``kafka.m5.large`` → (``kafka.m5``, ``large``)."""
    family, dot, size = name.rpartition(".")
    if not dot or not family or not size:
        return None
    return InstanceClass(family, size)


def nearest_sibling(wanted: InstanceClass, available: list[str]) -> tuple[InstanceClass, Decimal] | None:
    """The sourced size of ``wanted``'s family nearest to it, and the ratio of their factors."""
    if wanted.burstable:
        return None
    target = size_factor(wanted.size)
    if target is None:
        return None
    candidates: list[tuple[Decimal, InstanceClass, Decimal]] = []
    for name in available:
        parsed = parse_class(name)
        if parsed is None or parsed.family != wanted.family:
            continue
        factor = size_factor(parsed.size)
        if factor is None:
            continue
        candidates.append((abs(factor - target), parsed, target / factor))
    if not candidates:
        return None
    _, sibling, ratio = min(candidates, key=lambda c: (c[0], c[1].size))
    return sibling, ratio
