"""Exit when the process that started the pack goes away, so the pack is never left orphaned.

``tools.analyzer`` stops the pack itself; this covers the case where the driver is killed outright
(SIGKILL) and cannot. Active only when ``PAVED_POLICY_EXIT_WITH_PARENT=1`` (the offline driver sets
it); under the Pulumi CLI the engine manages the pack's life as usual.
"""

from __future__ import annotations

import os
import threading
import time

POLL_SECONDS = 0.5


def watch_parent() -> bool:
    """Start the watchdog if asked to; ``True`` if started."""
    if os.environ.get("PAVED_POLICY_EXIT_WITH_PARENT") != "1":
        return False
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(POLL_SECONDS)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="paved-lifeline", daemon=True).start()
    return True
