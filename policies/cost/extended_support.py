"""RDS Extended Support: the per-vCPU surcharge on engine major versions past AWS's end of standard support.

The calendar is data (``engine_support.json``, each version with its source and date); the surcharge is
priced per vCPU-hour at the year-1-2 or year-3 rate, as of the price file's version date (the model
reads no clock). A database created with ``engineLifecycleSupport`` set to
``open-source-rds-extended-support-disabled`` cannot run past standard support, so it pays nothing.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CALENDAR_FILE = Path(__file__).with_name("engine_support.json")
OPTED_OUT = "open-source-rds-extended-support-disabled"


@dataclass(frozen=True)
class SupportWindow:
    engine: str
    major: str
    extended_from: datetime.date
    year_three_from: datetime.date
    source: str


@cache
def calendar() -> dict[tuple[str, str], SupportWindow]:
    document = json.loads(CALENDAR_FILE.read_text(encoding="utf-8"))
    windows: dict[tuple[str, str], SupportWindow] = {}
    for engine, versions in document["engines"].items():
        for major, entry in versions.items():
            windows[(engine, major)] = SupportWindow(
                engine=engine,
                major=major,
                extended_from=datetime.date.fromisoformat(entry["extendedSupportFrom"]),
                year_three_from=datetime.date.fromisoformat(entry["yearThreeFrom"]),
                source=entry["source"],
            )
    return windows


def major_version(engine: str, version: str) -> str:
    """``11.22`` → ``11`` for PostgreSQL; ``5.7.44`` → ``5.7`` for MySQL."""
    parts = version.split(".")
    return ".".join(parts[:2]) if engine == "mysql" else parts[0]


def price_key(engine: str, version: str | None, lifecycle: str | None, as_of: datetime.date) -> str | None:
    """The price key of the surcharge band a database is in on ``as_of``, or None in standard support."""
    if not version or lifecycle == OPTED_OUT:
        return None
    window = calendar().get((engine, major_version(engine, version)))
    if window is None or as_of < window.extended_from:
        return None
    return "rds.extended-support.yr3" if as_of >= window.year_three_from else "rds.extended-support.yr1-2"
