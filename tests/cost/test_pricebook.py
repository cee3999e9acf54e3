"""The price data file: every entry sourced and dated, regions consistent, malformed files rejected."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any

import pytest
from cost.pricebook import PRICE_FILE, PriceFileError, dump_price_document, parse_price_book


def document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(PRICE_FILE.read_text())
    return loaded


def test_every_entry_has_a_source_url_a_retrieval_date_a_unit_and_a_decimal_price() -> None:
    for region, entries in document()["regions"].items():
        for key, entry in entries.items():
            where = f"{region} {key}"
            assert entry["source"].startswith(("https://aws.amazon.com/", "AWS Price List API ")), where
            datetime.date.fromisoformat(entry["retrieved"])
            assert entry["unit"], where
            assert Decimal(entry["usd"]) > 0, where


def test_us_east_1_comes_first_and_every_other_region_prices_only_keys_it_has() -> None:
    regions = document()["regions"]
    east = set(regions["us-east-1"])
    assert {region: sorted(set(entries) - east) for region, entries in regions.items() if region != "global"} == {
        region: [] for region in regions if region != "global"
    }


def test_multi_az_rds_is_twice_single_az() -> None:
    prices = parse_price_book(document())
    for key in (k for k in prices.prices["us-east-1"] if k.endswith(".multi-az")):
        single = prices.price("us-east-1", key.replace(".multi-az", ".single-az")).usd
        assert prices.price("us-east-1", key).usd == 2 * single, key


def test_the_file_is_written_one_entry_per_line_in_key_order() -> None:
    assert dump_price_document(document()) == PRICE_FILE.read_text()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(schema=2), "price file: expected schema 1 in USD"),
        (lambda d: d["regions"]["us-east-1"]["kms.key"].pop("source"), "regions.us-east-1.kms.key: missing source"),
        (lambda d: d["regions"]["us-east-1"]["kms.key"].update(usd="one"), "usd and free must be decimal numbers"),
        (lambda d: d["regions"]["us-east-1"]["kms.key"].update(usd="-1"), "cannot be negative"),
    ],
)
def test_malformed_price_files_are_rejected_naming_the_entry(change: Any, message: str) -> None:
    broken = document()
    change(broken)
    with pytest.raises(PriceFileError, match=message):
        parse_price_book(broken)
