"""What AWS does when a setting is left out: ``data/aws_defaults.json``, read once.

A policy that judges a missing property by AWS's real default reads that default here rather than
restating it in code (issue 19: S3 has encrypted every new object since January 2023, DynamoDB
tables are always encrypted, EKS envelope-encrypts Kubernetes API data since March 2025…). Each
entry carries its source and the day it was last checked, so updating a default is a data change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

DEFAULTS_FILE: Final = Path(__file__).resolve().parent / "data" / "aws_defaults.json"

REQUIRED_FIELDS: Final = ("summary", "value", "types", "since", "source", "checked")


@dataclass(frozen=True)
class AwsDefault:
    """One default: what AWS does (``summary``), the value policies compare against (``value``),
    the types it applies to, when it began (``since``, ``None`` if the source gives no date), the
    source that states it and the day it was checked against that source (ISO dates)."""

    name: str
    summary: str
    value: Any
    types: tuple[str, ...]
    since: str | None
    source: str
    checked: str

    def cited(self) -> str:
        """The default as a sentence with its source, for notes and remediation texts."""
        return f"{self.summary} ({self.source})"


@cache
def all_defaults() -> dict[str, AwsDefault]:
    """Every default in the data file, by name; ``ValueError`` naming the entry if one is incomplete."""
    document = json.loads(DEFAULTS_FILE.read_text(encoding="utf-8"))
    found: dict[str, AwsDefault] = {}
    for name, entry in document["defaults"].items():
        missing = [field for field in REQUIRED_FIELDS if field not in entry]
        if missing:
            raise ValueError(f"{DEFAULTS_FILE.name}: default {name!r} lacks {', '.join(missing)}")
        found[name] = AwsDefault(
            name=name,
            summary=entry["summary"],
            value=entry["value"],
            types=tuple(entry["types"]),
            since=entry["since"],
            source=entry["source"],
            checked=entry["checked"],
        )
    return found


def aws_default(name: str) -> AwsDefault:
    """The default called ``name``; ``KeyError`` naming the known ones if there is none."""
    defaults = all_defaults()
    if name not in defaults:
        raise KeyError(f"no AWS default named {name!r} in {DEFAULTS_FILE.name} ({', '.join(sorted(defaults))})")
    return defaults[name]
