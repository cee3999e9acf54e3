"""``GET /health``: each configured dependency is called once; the answer names each and how it did.

Failures are reported by kind (the exception's class), never with messages, hosts or traces.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

log = logging.getLogger(__name__)

Check = Callable[[], None]


def report(checks: Mapping[str, Check]) -> tuple[int, dict[str, Any]]:
    """(HTTP status, body): 200 when every dependency answered, 503 otherwise."""
    dependencies: dict[str, dict[str, Any]] = {}
    for name, check in checks.items():
        started = time.monotonic()
        try:
            check()
        except Exception as error:
            log.warning("health: %s failed", name, exc_info=True)
            dependencies[name] = {"status": "failing", "error": type(error).__name__}
        else:
            dependencies[name] = {"status": "ok"}
        dependencies[name]["latencyMs"] = round((time.monotonic() - started) * 1000, 1)
    healthy = all(entry["status"] == "ok" for entry in dependencies.values())
    return (200 if healthy else 503), {"status": "ok" if healthy else "degraded", "dependencies": dependencies}
