"""The catalogue of resource types that cost nothing by themselves (``known_free.json``), as a pure lookup.

Each entry names the basis an estimate shows (``no charge (…)``), the pricing page that says the type is
not billed, and what that page bills instead. Whole provider modules (``aws:iam/``) and packages outside
AWS's bill (``random``, ``tls``, the Pulumi providers …) are in it too. The budget policy uses
``is_known_free`` to tell an unpriced resource that may cost money (the cap cannot be verified) from one
that cannot.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CATALOGUE_FILE = Path(__file__).with_name("known_free.json")
COMPONENT_PACKAGES = frozenset({"paved"})
"""Packages of local components: their children carry the cost."""


@dataclass(frozen=True)
class FreeEntry:
    reason: str
    """The basis shown in the estimate, e.g. ``no charge (gateway endpoint)``."""
    source: str
    note: str


@dataclass(frozen=True)
class Catalogue:
    types: dict[str, FreeEntry]
    modules: dict[str, FreeEntry]
    packages: frozenset[str]


@cache
def catalogue() -> Catalogue:
    document = json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))

    def entry(raw: dict[str, str]) -> FreeEntry:
        return FreeEntry(reason=raw["reason"], source=raw["source"], note=raw.get("note", ""))

    return Catalogue(
        types={t: entry(e) for t, e in document["types"].items()},
        modules={m: entry(e) for m, e in document["modules"].items()},
        packages=frozenset(document["packages"]),
    )


def free_reason(type_: str) -> str | None:
    """The basis of a type that costs nothing by itself, or None if it may cost money."""
    known = catalogue()
    if type_ in known.types:
        return known.types[type_].reason
    for module, found in known.modules.items():
        if type_.startswith(module):
            return found.reason
    package = type_.split(":", 1)[0]
    if package in known.packages:
        return "no charge (not billed by AWS)"
    if package in COMPONENT_PACKAGES:
        return "no charge (component: its children are priced)"
    return None


def is_known_free(type_: str) -> bool:
    """True when a resource of this type costs nothing by itself, so leaving it unpriced cannot hide cost."""
    return free_reason(type_) is not None
