"""``data "aws_iam_policy_document"`` rendered to the JSON a resource's policy input receives.

A Pulumi program calls ``aws.iam.get_policy_document`` and passes its ``json`` to the resource,
so the engine only ever sees the rendered document. The rendering follows terraform-provider-aws
``internal/service/iam/policy_document_data_source.go``: ``Version`` 2012-10-17; each
``statement`` block becomes a statement with ``Effect`` (default ``Allow``), ``Action`` /
``NotAction``, ``Resource`` / ``NotResource``, ``Principal`` / ``NotPrincipal`` (a principal of
type ``*`` with identifier ``*`` is the bare string ``"*"``) and ``Condition``
(``{test: {variable: values}}``); ``source_policy_documents`` statements come first and
``override_policy_documents`` statements replace those with the same ``Sid``. A single value is
written as a string, several as a list, as the provider does.
"""

from __future__ import annotations

import json
from typing import Any

from tools.corpus.hcl_values import UNKNOWN, Evaluator, is_block_list

_LIST_KEYS = (
    ("actions", "Action"),
    ("not_actions", "NotAction"),
    ("resources", "Resource"),
    ("not_resources", "NotResource"),
)


def render(kind: str, body: dict[str, Any], evaluator: Evaluator) -> Any:
    """The ``json`` attribute of a data source the converter can render, else ``UNKNOWN``."""
    if kind != "aws_iam_policy_document":
        return UNKNOWN
    statements: list[dict[str, Any]] = []
    for source in _documents(body.get("source_policy_documents"), evaluator):
        statements.extend(source)
    for block in body.get("statement", []) if is_block_list(body.get("statement")) else []:
        statements.append(_statement(block, evaluator))
    for override in _documents(body.get("override_policy_documents"), evaluator):
        for statement in override:
            sid = statement.get("Sid")
            statements = [s for s in statements if sid is None or s.get("Sid") != sid] + [statement]
    document: dict[str, Any] = {"Version": evaluator.value(body.get("version", '"2012-10-17"'))}
    policy_id = evaluator.value(body.get("policy_id"))
    if isinstance(policy_id, str):
        document["Id"] = policy_id
    document["Statement"] = statements
    return json.dumps(document)


def _documents(raw: Any, evaluator: Evaluator) -> list[list[dict[str, Any]]]:
    values = evaluator.value(raw) if raw is not None else []
    documents: list[list[dict[str, Any]]] = []
    for value in values if isinstance(values, list) else [values]:
        try:
            parsed = json.loads(value) if isinstance(value, str) else None
        except json.JSONDecodeError:
            parsed = None
        if isinstance(parsed, dict):
            statement = parsed.get("Statement", [])
            documents.append(statement if isinstance(statement, list) else [statement])
    return documents


def _one_or_many(values: Any) -> Any:
    if isinstance(values, list) and len(values) == 1:
        return values[0]
    return values


def _statement(block: dict[str, Any], evaluator: Evaluator) -> dict[str, Any]:
    statement: dict[str, Any] = {}
    sid = evaluator.value(block.get("sid"))
    if isinstance(sid, str) and sid:
        statement["Sid"] = sid
    effect = evaluator.value(block.get("effect"))
    statement["Effect"] = effect if isinstance(effect, str) else "Allow"
    for key, name in _LIST_KEYS:
        if key in block:
            statement[name] = _one_or_many(evaluator.value(block[key]))
    for key, name in (("principals", "Principal"), ("not_principals", "NotPrincipal")):
        if is_block_list(block.get(key)):
            statement[name] = _principals(block[key], evaluator)
    if is_block_list(block.get("condition")):
        statement["Condition"] = _conditions(block["condition"], evaluator)
    return statement


def _principals(blocks: list[dict[str, Any]], evaluator: Evaluator) -> Any:
    principals: dict[str, Any] = {}
    for block in blocks:
        kind = evaluator.value(block.get("type"))
        identifiers = evaluator.value(block.get("identifiers"))
        if kind == "*" and identifiers in (["*"], "*"):
            return "*"
        if isinstance(kind, str):
            existing = principals.get(kind)
            merged = (existing if isinstance(existing, list) else [existing] if existing else []) + (
                identifiers if isinstance(identifiers, list) else [identifiers]
            )
            principals[kind] = _one_or_many(merged)
    return principals


def _conditions(blocks: list[dict[str, Any]], evaluator: Evaluator) -> dict[str, Any]:
    conditions: dict[str, dict[str, Any]] = {}
    for block in blocks:
        test = evaluator.value(block.get("test"))
        variable = evaluator.value(block.get("variable"))
        values = evaluator.value(block.get("values"))
        if isinstance(test, str) and isinstance(variable, str):
            conditions.setdefault(test, {})[variable] = _one_or_many(values)
    return conditions
