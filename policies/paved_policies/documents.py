"""IAM policy documents as the engine sees them, normalized for checking.

A document arrives as a JSON string or an object; ``Statement`` as one object or a list; ``Action``,
``Resource`` and principals as a string or a list, in any case. Unknown parts (during preview) make
the statement *unknown*: checks skip what they cannot see instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from paved_policies.props import contains_unknown, json_object
from paved_policies.unknown import UNKNOWN

PUBLIC: Final = "*"


@dataclass(frozen=True)
class Statement:
    sid: str
    effect: str
    """``allow`` or ``deny`` (lower case)."""
    actions: tuple[str, ...]
    """Lower-cased ``Action`` entries (empty when the statement uses ``NotAction``)."""
    not_actions: tuple[str, ...]
    resources: tuple[str, ...]
    not_resources: tuple[str, ...]
    principals: tuple[tuple[str, str], ...]
    """``(type, identifier)`` pairs; ``("*", "*")`` for ``"Principal": "*"``. Types lower-cased."""
    has_principal: bool
    has_not_principal: bool
    condition_keys: frozenset[str]
    """Every condition key, lower-cased (``aws:sourcearn``…)."""

    @property
    def allows(self) -> bool:
        return self.effect == "allow"

    @property
    def is_public(self) -> bool:
        """Grants to everyone: ``*`` as the principal, or as its AWS identifier."""
        return self.has_not_principal or any(
            ident == PUBLIC and kind in ("*", "aws", "canonicaluser") for kind, ident in self.principals
        )

    def aws_principals(self) -> list[str]:
        return [ident for kind, ident in self.principals if kind == "aws"]


@dataclass(frozen=True)
class Document:
    statements: tuple[Statement, ...]
    unknown_statements: int
    """Statements that could not be read because part of them is unknown (preview)."""


def _key(mapping: Mapping[str, Any], name: str) -> Any:
    """A document key, looked up case-insensitively (``Statement``, ``statement``…)."""
    if name in mapping:
        return mapping[name]
    lowered = name.lower()
    for key, value in mapping.items():
        if isinstance(key, str) and key.lower() == lowered:
            return value
    return None


def _strings(value: Any) -> tuple[str, ...] | None:
    """A string-or-list field as a tuple of strings; ``None`` if it holds something else."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    return None


def _principals(value: Any) -> tuple[tuple[str, str], ...] | None:
    if value is None:
        return ()
    if isinstance(value, str):
        return (("*", value.strip()),) if value.strip() == PUBLIC else (("aws", value.strip()),)
    if not isinstance(value, Mapping):
        return None
    pairs: list[tuple[str, str]] = []
    for kind, identifiers in value.items():
        names = _strings(identifiers)
        if names is None or not isinstance(kind, str):
            return None
        pairs.extend((kind.lower(), name.strip()) for name in names)
    return tuple(pairs)


def _condition_keys(value: Any) -> frozenset[str] | None:
    if value is None:
        return frozenset()
    if not isinstance(value, Mapping):
        return None
    keys: set[str] = set()
    for block in value.values():
        if not isinstance(block, Mapping):
            return None
        keys.update(str(key).lower() for key in block)
    return frozenset(keys)


def _statement(raw: Any) -> Statement | None:
    """One statement, or ``None`` if it is unknown or malformed."""
    if not isinstance(raw, Mapping) or contains_unknown(raw):
        return None
    effect = _key(raw, "Effect")
    actions = _strings(_key(raw, "Action"))
    not_actions = _strings(_key(raw, "NotAction"))
    resources = _strings(_key(raw, "Resource"))
    not_resources = _strings(_key(raw, "NotResource"))
    principal_value = _key(raw, "Principal")
    not_principal_value = _key(raw, "NotPrincipal")
    principals = _principals(principal_value)
    conditions = _condition_keys(_key(raw, "Condition"))
    if (
        not isinstance(effect, str)
        or actions is None
        or not_actions is None
        or resources is None
        or not_resources is None
        or principals is None
        or conditions is None
    ):
        return None
    sid = _key(raw, "Sid")
    return Statement(
        sid=sid if isinstance(sid, str) else "",
        effect=effect.strip().lower(),
        actions=tuple(action.strip().lower() for action in actions),
        not_actions=tuple(action.strip().lower() for action in not_actions),
        resources=tuple(resource.strip() for resource in resources),
        not_resources=tuple(resource.strip() for resource in not_resources),
        principals=principals,
        has_principal=principal_value is not None,
        has_not_principal=not_principal_value is not None,
        condition_keys=conditions,
    )


def parse_document(value: Any) -> Document | None:
    """The document in a property (JSON string or object); ``None`` if absent, unknown or not a
    policy document."""
    document = json_object(value)
    if document is UNKNOWN or not isinstance(document, Mapping):
        return None
    raw_statements = _key(document, "Statement")
    if raw_statements is UNKNOWN:
        return Document(statements=(), unknown_statements=1)
    if isinstance(raw_statements, Mapping):
        raw_statements = [raw_statements]
    if not isinstance(raw_statements, list):
        return None
    statements: list[Statement] = []
    unknown = 0
    for raw in raw_statements:
        statement = _statement(raw)
        if statement is None:
            unknown += 1
        else:
            statements.append(statement)
    return Document(statements=tuple(statements), unknown_statements=unknown)


def is_wildcard_resource(resource: str) -> bool:
    """``*``, or an ARN whose every part after the partition is empty or ``*``."""
    resource = resource.strip()
    if resource == "*":
        return True
    parts = resource.split(":")
    return len(parts) >= 6 and parts[0] == "arn" and all(part in ("", "*") for part in parts[2:])


def is_full_wildcard_action(action: str) -> bool:
    """``*`` or ``service:*`` (also ``service:**``)."""
    action = action.strip().lower()
    return action.strip("*") == "" or re.fullmatch(r"[a-z0-9-]+:\*+", action) is not None


_ACCOUNT_ROOT = re.compile(r"^(arn:aws[a-z-]*:iam::(\d{12}):root|(\d{12}))$")


def account_root(principal: str) -> str | None:
    """The account id if the principal is an account root (``arn:…:iam::<id>:root`` or ``<id>``)."""
    match = _ACCOUNT_ROOT.match(principal.strip())
    if match is None:
        return None
    return match.group(2) or match.group(3)


SOURCE_CONDITION_KEYS: Final = frozenset(
    {
        "aws:sourcearn",
        "aws:sourceaccount",
        "aws:sourceowner",
        "aws:sourceorgid",
        "aws:sourceorgpaths",
        "aws:sourcevpc",
        "aws:sourcevpce",
        "aws:sourceip",
        "aws:principalorgid",
        "aws:principalorgpaths",
        "aws:principalaccount",
        "aws:principalarn",
        "aws:principalservicename",
        "aws:userid",
        "aws:username",
        "aws:calledvia",
        "kms:calleraccount",
        "kms:viaservice",
        "s3:dataaccesspointaccount",
        "s3:dataaccesspointarn",
        "lambda:functionurlauthtype",
        "cognito-identity.amazonaws.com:aud",
        "sts:externalid",
    }
)
"""Condition keys that narrow *who* a ``*`` principal can be (source, account, organization,
network, caller). ``sts:ExternalId`` counts only in trust policies (see ``iam``)."""


def restricts_principal(statement: Statement, *, allow_external_id: bool = False) -> bool:
    keys = statement.condition_keys
    if not allow_external_id:
        keys = keys - {"sts:externalid"}
    return bool(keys & SOURCE_CONDITION_KEYS) or any(key.endswith((":aud", ":sub")) for key in keys)
