"""The PostgreSQL-backed read path: active catalog products, cached briefly in Redis/Valkey when there is one.

The cache is an optimisation only: if it fails, the read goes to the database and health reports
the cache as failing; a cached page is at most ``ttl_seconds`` old.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from app.database import Database

log = logging.getLogger(__name__)

LIST_PRODUCTS = """
SELECT sku, name, description, price_cents, currency
FROM catalog_products
WHERE active
ORDER BY name, sku
LIMIT :limit OFFSET :offset
"""


class Catalog:
    def __init__(self, database: Database, cache: Any | None = None, *, ttl_seconds: int = 60) -> None:
        """``cache``: a ``redis.Redis`` client, or None."""
        self.database = database
        self.cache = cache
        self.ttl_seconds = ttl_seconds

    def products(self, *, limit: int, offset: int) -> dict[str, Any]:
        key = f"catalog:v1:{limit}:{offset}"
        cached = self._cached(key)
        if cached is not None:
            return cached
        rows = self.database.query(LIST_PRODUCTS, limit=limit, offset=offset)
        page = {
            "products": [
                {
                    "sku": row["sku"],
                    "name": row["name"],
                    "description": row["description"],
                    "price": {"amountCents": row["price_cents"], "currency": row["currency"]},
                }
                for row in rows
            ],
            "limit": limit,
            "offset": offset,
        }
        self._store(key, page)
        return page

    def _cached(self, key: str) -> dict[str, Any] | None:
        if self.cache is None:
            return None
        try:
            raw = self.cache.get(key)
        except Exception:
            log.warning("catalog cache read failed; reading the database", exc_info=True)
            return None
        if raw is None:
            return None
        page: dict[str, Any] = json.loads(raw)
        return page

    def _store(self, key: str, page: dict[str, Any]) -> None:
        if self.cache is None:
            return
        try:
            self.cache.set(key, json.dumps(page, separators=(",", ":")), ex=self.ttl_seconds)
        except Exception:
            log.warning("catalog cache write failed", exc_info=True)
