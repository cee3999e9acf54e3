"""paved's offline tools (plan, the mocks harness, the cost model's adapters).

The policy pack's packages (``cost``, ``paved_policies``) are imported as the Pulumi CLI imports
them when it runs the pack: with ``policies/`` on the path. The tools put it there once, here.
"""

import sys
from pathlib import Path

_POLICY_PACK = str(Path(__file__).resolve().parent.parent / "policies")
if _POLICY_PACK not in sys.path:
    sys.path.insert(1, _POLICY_PACK)
