"""The price data file: one on-demand list price per unit, per region, each with its source and date.

``prices.json`` holds ``regions`` → ``<region>`` (or ``global`` for CloudFront and Route 53) → price key
(``ec2.instance.t4g.micro``) → ``{"usd", "unit", "source", "retrieved"}`` and, where the published
schedule itself gives a free allowance (Cognito's first 10,000 MAUs, gp3's 3,000 IOPS), ``free``.
Money is ``Decimal`` throughout. ``python -m cost.refresh`` (in ``policies/``) rebuilds the file from the AWS
Price List API.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

PRICE_FILE = Path(__file__).with_name("prices.json")
GLOBAL = "global"
"""The pseudo-region of services priced at the edge rather than in a region (CloudFront, Route 53)."""

SCHEMA = 1


@dataclass(frozen=True)
class Price:
    key: str
    region: str
    usd: Decimal
    unit: str
    source: str
    retrieved: str
    free: Decimal = Decimal(0)
    """An allowance the published schedule itself gives free (per resource or per account, see README)."""


class MissingPriceError(LookupError):
    """The price file has no entry for this key in this region."""

    def __init__(self, key: str, region: str) -> None:
        super().__init__(f"no price for {key} in {region}")
        self.key = key
        self.region = region


class PriceFileError(ValueError):
    """The price data file is malformed."""


@dataclass(frozen=True)
class PriceBook:
    version: str
    prices: Mapping[str, Mapping[str, Price]]
    """Region → key → price."""

    def price(self, region: str, key: str) -> Price:
        found = self.prices.get(region, {}).get(key)
        if found is None:
            raise MissingPriceError(key, region)
        return found

    def has(self, region: str, key: str) -> bool:
        return key in self.prices.get(region, {})

    @property
    def regions(self) -> list[str]:
        return sorted(self.prices)


def parse_price_book(document: Mapping[str, Any]) -> PriceBook:
    """A price book from the data file's JSON document; raises ``PriceFileError`` naming the bad entry."""
    if document.get("schema") != SCHEMA or document.get("currency") != "USD":
        raise PriceFileError(f"price file: expected schema {SCHEMA} in USD")
    regions = document.get("regions")
    if not isinstance(regions, Mapping):
        raise PriceFileError("price file: 'regions' must be an object")
    prices: dict[str, dict[str, Price]] = {}
    for region, entries in regions.items():
        prices[region] = {key: _price(region, key, entry) for key, entry in entries.items()}
    return PriceBook(version=str(document.get("version", "")), prices=prices)


def _price(region: str, key: str, entry: Any) -> Price:
    where = f"price file: regions.{region}.{key}"
    if not isinstance(entry, Mapping):
        raise PriceFileError(f"{where}: must be an object")
    missing = [field for field in ("usd", "unit", "source", "retrieved") if not entry.get(field)]
    if missing:
        raise PriceFileError(f"{where}: missing {', '.join(missing)}")
    try:
        usd = Decimal(str(entry["usd"]))
        free = Decimal(str(entry.get("free", "0")))
    except InvalidOperation:
        raise PriceFileError(f"{where}: usd and free must be decimal numbers") from None
    if usd < 0 or free < 0:
        raise PriceFileError(f"{where}: prices and allowances cannot be negative")
    return Price(
        key=key,
        region=region,
        usd=usd,
        unit=str(entry["unit"]),
        source=str(entry["source"]),
        retrieved=str(entry["retrieved"]),
        free=free,
    )


@cache
def default_price_book() -> PriceBook:
    """The price book shipped with the pack (read once per process)."""
    return load_price_book(PRICE_FILE)


def load_price_book(path: Path) -> PriceBook:
    return parse_price_book(json.loads(path.read_text(encoding="utf-8")))


def dump_price_document(document: Mapping[str, Any]) -> str:
    """The data file's text: one entry per line, keys sorted, so that refreshes diff line by line."""
    head = {key: value for key, value in document.items() if key != "regions"}
    lines = ["{"]
    lines += [f"  {json.dumps(key)}: {json.dumps(value)}," for key, value in head.items()]
    lines.append('  "regions": {')
    regions = document["regions"]
    for r_index, region in enumerate(sorted(regions)):
        lines.append(f"    {json.dumps(region)}: {{")
        entries = regions[region]
        for e_index, key in enumerate(sorted(entries)):
            comma = "," if e_index < len(entries) - 1 else ""
            lines.append(f"      {json.dumps(key)}: {json.dumps(entries[key], sort_keys=True)}{comma}")
        lines.append("    }" + ("," if r_index < len(regions) - 1 else ""))
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"
