"""Helpers for cost tests: engine-shaped resources built in a line, and one-resource estimates."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cost.estimator import estimate
from cost.report import CostLine
from cost.usage import UsageProfile

STACK = "urn:pulumi:test::paved::"
TIER_TYPES = {
    "network": "paved:network:Network",
    "data": "paved:data:Data",
    "compute": "paved:compute:Compute",
    "cdn": "paved:cdn:Cdn",
    "auth": "paved:auth:Auth",
    "observability": "paved:observability:Observability",
    "encryption": "paved:encryption:Encryption",
}


def urn(type_: str, name: str, *, tier: str = "data", parents: tuple[str, ...] = ()) -> str:
    chain = "$".join((TIER_TYPES[tier], *parents, type_))
    return f"{STACK}pulumi:pulumi:Stack${chain}::{name}"


def res(
    type_: str, name: str, props: dict[str, Any] | None = None, *, tier: str = "data", **extra: Any
) -> dict[str, Any]:
    """A resource as a stack export or preview step would give it."""
    return {"type": type_, "urn": urn(type_, name, tier=tier), "inputs": props or {}, **extra}


def price_one(
    type_: str, props: dict[str, Any], *, region: str = "us-east-1", usage: dict[str, Any] | None = None
) -> CostLine:
    """The cost line of one resource priced alone."""
    report = estimate([res(type_, "it", props)], region, UsageProfile.from_config(usage))
    assert not report.unpriced, report.unpriced
    return report.lines[0]


def within_one_percent(actual: Decimal, expected: str) -> bool:
    target = Decimal(expected)
    return abs(actual - target) <= target * Decimal("0.01")
