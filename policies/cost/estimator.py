"""``estimate(resources, region, usage) -> CostReport``: every resource priced, unpriced or free, by tier.

Pure and data-driven: prices come from the price book, usage from the profile, and nothing is read
from the environment. A resource the model cannot price is listed as unpriced with the reason,
never counted as zero; a value unknown during a preview makes its resource unpriced, never a crash.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from cost.known_free import COMPONENT_PACKAGES, free_reason
from cost.pricebook import PriceBook, default_price_book
from cost.pricing import (
    access,
    analytics,
    awsx,
    compute,
    containers,
    data,
    documentdb,
    free,
    governance,
    integration,
    network,
    platform,
    storage,
)
from cost.pricing.base import Context, Pricer, Unpriceable, no_charge
from cost.report import Charge, CostLine, CostReport, Unpriced
from cost.resources import Resource, from_mapping
from cost.tiers import tier_of
from cost.usage import UsageProfile

DEFAULT_REGION = "us-east-1"

PRICERS: dict[str, Pricer] = {
    **compute.PRICERS,
    **data.PRICERS,
    **network.PRICERS,
    **platform.PRICERS,
    **free.PRICERS,
    **containers.PRICERS,
    **analytics.PRICERS,
    **documentdb.PRICERS,
    **integration.PRICERS,
    **governance.PRICERS,
    **storage.PRICERS,
    **access.PRICERS,
}
"""AWS resource type → pricer."""

_BAD_PROPERTIES = (TypeError, ValueError, AttributeError, KeyError, IndexError, ArithmeticError)


def estimate(
    resources: Iterable[Resource | Mapping[str, Any]],
    region: str = DEFAULT_REGION,
    usage: UsageProfile | None = None,
    *,
    book: PriceBook | None = None,
    provider_regions: Mapping[str, str] | None = None,
) -> CostReport:
    """The monthly cost of ``resources`` (``Resource`` objects or plain engine-shaped mappings).

    ``region`` is the stack's region, used for resources whose own ``region`` property and provider
    do not say; ``provider_regions`` maps provider URNs to regions when the providers are not in the list.
    """
    items = [item if isinstance(item, Resource) else from_mapping(item) for item in resources]
    book = book or default_price_book()
    ctx = Context(book, usage or UsageProfile(), items, region, dict(provider_regions or {}))
    lines: list[CostLine] = []
    unpriced: list[Unpriced] = []
    for resource in items:
        tier = tier_of(resource.urn)
        try:
            charges = price_resource(resource, ctx)
        except Unpriceable as reason:
            unpriced.append(Unpriced(resource.urn, resource.type, resource.name, tier, str(reason)))
        except _BAD_PROPERTIES as error:
            reason_text = f"its properties could not be read ({type(error).__name__}: {error})"
            unpriced.append(Unpriced(resource.urn, resource.type, resource.name, tier, reason_text))
        else:
            lines.append(CostLine(resource.urn, resource.type, resource.name, tier, tuple(charges)))
    return CostReport(region=region, lines=tuple(lines), unpriced=tuple(unpriced), price_version=book.version)


def price_resource(resource: Resource, ctx: Context) -> list[Charge]:
    """The charges of one resource; raises ``Unpriceable`` when it cannot be priced."""
    pricer = PRICERS.get(resource.type)
    if pricer is not None:
        return pricer(resource, ctx)
    package = resource.type.split(":", 1)[0]
    if package == "awsx":
        return _awsx_component(resource, ctx)
    if package in COMPONENT_PACKAGES or resource.custom is False:
        return no_charge("no charge (component: its children are priced)")
    reason = free_reason(resource.type)
    if reason is not None:
        return no_charge(reason)
    raise Unpriceable("no price model for this type")


def _awsx_component(resource: Resource, ctx: Context) -> list[Charge]:
    """Children present (a real preview or an export): they carry the cost. Absent (mocks): the arguments."""
    children = ctx.children(resource.urn)
    if children:
        return no_charge(f"no charge (awsx component: its {len(children)} child resources are priced)")
    pricer = awsx.PRICERS.get(resource.type)
    if pricer is None:
        raise Unpriceable("awsx component without children and without a price model for its arguments")
    return pricer(resource, ctx)


def priced_types_markdown() -> str:
    """The README's list of the types with a price model (a test fails when the README drifts from it)."""
    rows = ["| type | area |", "|---|---|"]
    for type_, pricer in sorted({**PRICERS, **awsx.PRICERS}.items()):
        module = pricer.__module__.rsplit(".", 1)[-1]
        source = "awsx component, from its arguments when its children are absent" if module == "awsx" else module
        rows.append(f"| `{type_}` | {source} |")
    return "\n".join(rows)
