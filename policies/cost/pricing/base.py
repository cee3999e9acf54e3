"""What every pricer uses: typed reads of engine properties, the pricing context, and charge formatting."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from cost.pricebook import MissingPriceError, Price, PriceBook
from cost.report import Charge
from cost.resources import UNKNOWN, Resource
from cost.usage import UsageProfile

ZERO = Decimal(0)
MILLION = Decimal(1_000_000)


class Unpriceable(Exception):  # noqa: N818 - reads as a verdict: raise Unpriceable(why)
    """The resource cannot be priced; the message says why (listed as unpriced, never as zero)."""


@dataclass(frozen=True)
class Props:
    """Typed reads of a resource's camelCase properties; an unknown value raises ``Unpriceable``."""

    values: Mapping[str, Any]

    def get(self, *path: str | int) -> Any:
        value: Any = self.values
        for step in path:
            if value is UNKNOWN:
                break
            if isinstance(step, int):
                value = value[step] if isinstance(value, Sequence) and 0 <= step < len(value) else None
            else:
                value = value.get(step) if isinstance(value, Mapping) else None
            if value is None:
                return None
        if value is UNKNOWN:
            raise Unpriceable(f"{'.'.join(str(s) for s in path)} is unknown until the update runs (preview)")
        return value

    def text(self, *path: str | int, default: str | None = None) -> str | None:
        value = self.get(*path)
        return default if value is None else str(value)

    def need_text(self, *path: str | int) -> str:
        value = self.text(*path)
        if not value:
            raise Unpriceable(f"{'.'.join(str(s) for s in path)} is not set")
        return value

    def num(self, *path: str | int, default: Decimal | int | None = None) -> Decimal | None:
        value = self.get(*path)
        if value is None or value == "":
            return None if default is None else Decimal(default)
        if isinstance(value, bool):
            raise Unpriceable(f"{'.'.join(str(s) for s in path)} is not a number: {value!r}")
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise Unpriceable(f"{'.'.join(str(s) for s in path)} is not a number: {value!r}") from None

    def need_num(self, *path: str | int, default: Decimal | int) -> Decimal:
        value = self.num(*path, default=default)
        assert value is not None
        return value

    def flag(self, *path: str | int, default: bool = False) -> bool:
        value = self.get(*path)
        if value is None:
            return default
        if isinstance(value, str):
            return value.lower() == "true"
        return bool(value)

    def entries(self, *path: str | int) -> list[Any]:
        value = self.get(*path)
        if value is None:
            return []
        if isinstance(value, Sequence) and not isinstance(value, str):
            return list(value)
        return [value]


@dataclass
class Context:
    """What a pricer can see: the price book, the usage profile, and every other resource in the stack."""

    book: PriceBook
    usage: UsageProfile
    resources: Sequence[Resource]
    default_region: str
    provider_regions: Mapping[str, str] = field(default_factory=dict)
    _by_urn: dict[str, Resource] = field(default_factory=dict, init=False, repr=False)
    _children: dict[str, list[Resource]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for resource in self.resources:
            self._by_urn[resource.urn] = resource
            if resource.parent:
                self._children.setdefault(resource.parent, []).append(resource)
        regions = dict(self.provider_regions)
        for resource in self.resources:
            if resource.type.startswith("pulumi:providers:aws"):
                region = resource.props.get("region")
                if isinstance(region, str) and region:
                    regions.setdefault(resource.urn, region)
        self.provider_regions = regions

    def by_urn(self, urn: str) -> Resource | None:
        return self._by_urn.get(urn)

    def children(self, urn: str) -> list[Resource]:
        return self._children.get(urn, [])

    def of_type(self, *types: str) -> list[Resource]:
        return [r for r in self.resources if r.type in types]

    def region_of(self, resource: Resource) -> str:
        """The resource's own ``region`` (pulumi-aws v7), else its provider's, else the stack's."""
        own = resource.props.get("region")
        if isinstance(own, str) and own:
            return own
        return self.provider_regions.get(resource.provider_urn, self.default_region)

    def price(self, region: str, key: str) -> Price:
        try:
            return self.book.price(region, key)
        except MissingPriceError as missing:
            if region not in self.book.prices:
                why = f"{missing}: the price file ({self.book.version}) has no prices for {region}"
                raise Unpriceable(f"{why}; `python -m cost.refresh --regions {region}` adds them") from None
            why = f"{missing} (price file {self.book.version})"
            raise Unpriceable(f"{why}; add the entry, or rebuild the file with `python -m cost.refresh`") from None

    def use(self, section: str, key: str, resource: Resource) -> Decimal:
        return self.usage.get(section, key, resource.name)

    def charge(
        self,
        region: str,
        key: str,
        quantity: Decimal,
        label: str,
        *,
        count: Decimal | int = 1,
        free: Decimal | None = None,
    ) -> Charge:
        """``count × quantity`` billed at the price of ``key``, less its free allowance, basis spelled out."""
        price = self.price(region, key)
        for value in (quantity, Decimal(count)):
            if not value.is_finite() or value < 0:
                raise Unpriceable(f"{label}: {value} is not a quantity that can be billed")
        total = quantity * Decimal(count)
        allowance = price.free if free is None else free
        amount = max(ZERO, total - allowance) * price.usd
        counted = f"{quantity_text(Decimal(count))} × " if count != 1 else ""
        allowance_text = f" ({quantity_text(allowance)} free)" if allowance else ""
        return Charge(
            usd=amount,
            basis=(
                f"{label} {counted}{quantity_text(quantity)} {unit_text(price.unit)}{allowance_text}"
                f" × {rate_text(price)}"
            ),
        )

    def hourly(self, region: str, key: str, label: str, count: Decimal | int = 1) -> Charge:
        """``count`` of something billed by the hour, for the profile's hours in a month."""
        return self.charge(region, key, self.usage.hours, label, count=count)


def no_charge(reason: str = "no charge") -> list[Charge]:
    return [Charge(ZERO, reason)]


PER_MILLION_UNITS = frozenset({"request", "WRU", "RRU", "message", "minute", "query", "invocation", "notification"})
"""Units whose prices read best per million (``$0.20/M``)."""

_UNIT_TEXT = {"hour": "h", "GB-month": "GB-mo", "request": "requests"}


def unit_text(unit: str) -> str:
    return _UNIT_TEXT.get(unit, unit)


def quantity_text(quantity: Decimal) -> str:
    normalized = quantity.normalize()
    if normalized == normalized.to_integral_value():
        return f"{int(normalized):,}"
    return f"{normalized:,.4f}".rstrip("0").rstrip(".")


def rate_text(price: Price) -> str:
    """``$0.016/h``, or per million for request-like units (``$0.20/M``)."""
    if price.unit in PER_MILLION_UNITS:
        return f"${_decimal_text(price.usd * MILLION)}/M"
    return f"${_decimal_text(price.usd)}/{unit_text(price.unit)}"


def _decimal_text(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    if "." in text:
        whole, fraction = text.split(".")
        return f"{whole}.{fraction.ljust(2, '0')}"
    return f"{text}.00" if len(text) < 4 else text


Pricer = Callable[[Resource, Context], list[Charge]]
