"""Every policy of the pack, in the order the analyzer runs them.

``policies/__main__.py`` turns ``all_policies()`` into the ``PolicyPack``; tests, the README's
coverage table and the offline tools read the same list. Another concern joins with one import
and one entry in ``_SOURCES`` — e.g. the cost model's ``BUDGET_POLICIES``.
"""

from __future__ import annotations

from collections.abc import Sequence

from cost.budget_policies import BUDGET_POLICIES
from pulumi_policy import Policy

from paved_policies import (
    data_protection,
    encryption_at_rest,
    encryption_in_transit,
    iam,
    logging_policies,
    public_exposure,
    tagging,
)
from paved_policies.exemption_listing import policy_exemptions
from paved_policies.policy import with_exemptions

_SOURCES: tuple[Sequence[Policy], ...] = (
    encryption_at_rest.POLICIES,
    encryption_in_transit.POLICIES,
    iam.POLICIES,
    public_exposure.POLICIES,
    data_protection.POLICIES,
    logging_policies.POLICIES,
    tagging.POLICIES,
    BUDGET_POLICIES,
)


def all_policies() -> list[Policy]:
    """Every policy, each with exemptions; the exemption listing last, after all the others ran."""
    policies = [with_exemptions(policy) for source in _SOURCES for policy in source]
    return [*policies, policy_exemptions]
