"""``tier_of`` and friends, re-exported from the policy pack's ``cost.tiers`` (their one source).

The module moved into ``policies/cost/`` so the pack is self-contained; this re-export keeps the
``tools.tiers`` imports of branches written before the move working. New code imports ``cost.tiers``.
"""

from cost.tiers import TIER_ORDER, UNTIERED, tier_of, tier_sort_key, type_chain

__all__ = ["TIER_ORDER", "UNTIERED", "tier_of", "tier_sort_key", "type_chain"]
