"""paved's offline tools (plan, check, the mocks harness, the analyzer driver, the cost model's adapters).

The policy pack's packages (``cost``, ``paved_policies``) are imported as the Pulumi CLI imports
them when it runs the pack: with ``policies/`` on the path. The tools put it there once, here.
"""

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The project directory: ``Pulumi.yaml``, the stack files, ``__main__.py``."""
POLICY_PACK_DIR = REPO_ROOT / "policies"
"""The policy pack, as ``pulumi preview --policy-pack policies`` names it."""
POLICY_CONFIG_DIR = POLICY_PACK_DIR / "config"
"""``<stack>.json``: each stack's policy config."""

if str(POLICY_PACK_DIR) not in sys.path:
    sys.path.insert(1, str(POLICY_PACK_DIR))
