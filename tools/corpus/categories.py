"""Which concern a third-party rule guards (paved's category names) and whether it is a security rule.

The categories are paved's own (``paved_policies.policy.CATEGORIES`` minus ``cost``) plus
``other``: ``encryption-at-rest``, ``encryption-in-transit``, ``iam-least-privilege`` (IAM and
resource policies, credentials), ``public-exposure``, ``data-protection`` (backups, versioning,
deletion protection), ``logging``, ``tagging``, ``other``.

A rule's category comes from its name by the keyword rules below, unless the reviewed table
(``checkov_review``) says otherwise. Security-relevant means: a finding is a way in for an
attacker, a loss of confidentiality or of the data itself, or a gap in the audit trail. Rules
about availability (Multi-AZ, cross-zone balancing, autoscaling), cost, naming, tracing and
performance monitoring, or tidiness (descriptions, tags) are not.
"""

from __future__ import annotations

import re
from typing import Final

ENCRYPTION_AT_REST: Final = "encryption-at-rest"
ENCRYPTION_IN_TRANSIT: Final = "encryption-in-transit"
IAM: Final = "iam-least-privilege"
PUBLIC_EXPOSURE: Final = "public-exposure"
DATA_PROTECTION: Final = "data-protection"
LOGGING: Final = "logging"
TAGGING: Final = "tagging"
OTHER: Final = "other"

CATEGORIES: Final = (
    ENCRYPTION_AT_REST,
    ENCRYPTION_IN_TRANSIT,
    IAM,
    PUBLIC_EXPOSURE,
    DATA_PROTECTION,
    LOGGING,
    TAGGING,
    OTHER,
)

SECURITY_BY_DEFAULT: Final = frozenset(
    {ENCRYPTION_AT_REST, ENCRYPTION_IN_TRANSIT, IAM, PUBLIC_EXPOSURE, DATA_PROTECTION, LOGGING}
)

_KEYWORDS: Final = (
    (ENCRYPTION_IN_TRANSIT, r"in transit|in-transit|intransit|\btls\b|\bssl\b|https|node-to-node|secure protocols"),
    (ENCRYPTION_IN_TRANSIT, r"ciphers|secure data transport|protocol is|viewerprotocolpolicy|\bhttp\b"),
    (ENCRYPTION_AT_REST, r"encrypt|\bkms\b|\bcmk\b|customer managed key"),
    (PUBLIC_EXPOSURE, r"public|0\.0\.0\.0|internet|exposed|open access|open to the world|inside a vpc|in a vpc"),
    (PUBLIC_EXPOSURE, r"outside of a vpc|custom vpc|default vpc|authori[sz]ation|authtype|network isolation"),
    (IAM, r"\biam\b|principal|password policy|privilege|root user|access key|sso|assume role|permissions"),
    (DATA_PROTECTION, r"backup|versioning|deletion protection|point in time|snapshot|lock configuration"),
    (DATA_PROTECTION, r"termination protection|retention period|rotat"),
    (LOGGING, r"logging|\blogs?\b|x-ray|tracing|monitoring|cloudtrail|config is enabled|audit|insights"),
    (LOGGING, r"config recorder|config must record|notifications"),
    (TAGGING, r"\btags?\b"),
)

_NOT_SECURITY: Final = re.compile(
    r"x-ray|tracing|detailed monitoring|enhanced monitoring|performance insights|container insights|"
    r"multi-az|cross-zone|auto scaling is enabled|health|concurrent execution|dead letter|ebs optimized|"
    r"create before destroy|copy tags|lifecycle configuration|description|default root object|"
    r"origin failover|event notifications|dedicated master|default database name|alarm actions",
    re.I,
)


def category_from_name(name: str) -> str:
    lowered = name.lower()
    for category, pattern in _KEYWORDS:
        if re.search(pattern, lowered):
            return category
    return OTHER


def security_relevant_from_name(name: str, category: str) -> bool:
    return category in SECURITY_BY_DEFAULT and not _NOT_SECURITY.search(name)
