"""Which tier a resource belongs to, read from its URN's parent type chain.

A URN's type part lists the parent types (``paved:network:Network$awsx:ec2:Vpc$aws:ec2/subnet:Subnet``),
so the tier is known for program runs, stack exports and previews alike, even for awsx's children.
"""

from __future__ import annotations

UNTIERED = "stack"
"""The tier of resources outside any paved component (the provider, for one)."""

TIER_ORDER: tuple[str, ...] = (
    UNTIERED, "encryption", "network", "auth", "data", "compute", "cdn", "mail", "observability",
)  # fmt: skip
"""The order tiers are built in, and shown in."""


def tier_sort_key(tier: str) -> tuple[int, str]:
    return (TIER_ORDER.index(tier) if tier in TIER_ORDER else len(TIER_ORDER), tier)


def type_chain(urn: str) -> list[str]:
    """The qualified type of a URN split into its parent types, outermost first."""
    parts = urn.split("::")
    if len(parts) < 4:
        return []
    return parts[2].split("$")


def tier_of(urn: str) -> str:
    """The first ``paved:<tier>:<Class>`` in the URN's type chain, or ``stack``."""
    for type_ in type_chain(urn):
        package, _, rest = type_.partition(":")
        if package == "paved" and ":" in rest:
            return rest.split(":", 1)[0]
    return UNTIERED
