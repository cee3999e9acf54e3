"""IAM documents in every shape the engine may hand them over."""

from __future__ import annotations

import json
from typing import Any

import pytest
from paved_policies.documents import account_root, is_full_wildcard_action, is_wildcard_resource, parse_document
from paved_policies.registry import all_policies
from paved_policies.testing import UNKNOWN, resource_args, violations

POLICY = {policy.name: policy for policy in all_policies()}
STAR = {"Effect": "Allow", "Action": "*", "Resource": "*"}


@pytest.mark.parametrize(
    "document",
    [
        json.dumps({"Version": "2012-10-17", "Statement": [STAR]}),
        json.dumps({"Version": "2012-10-17", "Statement": STAR}),
        {"Version": "2012-10-17", "Statement": [STAR]},
        {"Version": "2012-10-17", "Statement": STAR},
        {"statement": [{"effect": "allow", "action": ["*"], "resource": ["*"]}]},
    ],
    ids=["json-list", "json-object", "object-list", "object-single", "lower-case-keys"],
)
def test_wildcard_action_found_in_string_or_object_documents_and_single_or_list_statements(document: Any) -> None:
    args = resource_args("aws:iam/policy:Policy", {"policy": document})
    assert violations(POLICY["iam-no-wildcard-actions"], args) == [
        "policy statement allows *: every action of the service."
    ]


def test_actions_are_matched_in_any_case() -> None:
    doc = {"Statement": [{"Effect": "ALLOW", "Action": ["IAM:passrole"], "Resource": ["*"]}]}
    args = resource_args("aws:iam/policy:Policy", {"policy": doc})
    assert violations(POLICY["iam-no-passrole-on-wildcard"], args) == [
        'policy statement allows iam:PassRole on Resource "*": it can hand any role to a service.'
    ]


def test_principal_as_string_or_list_and_any_case_service_key() -> None:
    public = {
        "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::1:root", "*"]}, "Action": "sts:AssumeRole"}
        ]
    }
    args = resource_args("aws:iam/role:Role", {"assumeRolePolicy": public})
    assert violations(POLICY["iam-trust-policy-no-public-principal"], args) == [
        "trust policy statement lets any principal assume the role without a condition."
    ]


def test_unknown_statement_parts_are_skipped_not_guessed() -> None:
    document = {
        "Statement": [
            {"Effect": "Allow", "Action": UNKNOWN, "Resource": "*"},
            {"Effect": "Allow", "Action": "s3:GetObject", "Resource": UNKNOWN},
        ]
    }
    args = resource_args("aws:iam/policy:Policy", {"policy": document})
    for name in ("iam-no-wildcard-actions", "iam-no-wildcard-resource-writes", "iam-no-passrole-on-wildcard"):
        assert violations(POLICY[name], args) == []


def test_whole_document_unknown_is_skipped() -> None:
    args = resource_args("aws:iam/rolePolicy:RolePolicy", {"role": "r", "policy": UNKNOWN})
    assert violations(POLICY["iam-no-wildcard-actions"], args) == []


def test_malformed_documents_are_ignored_not_crashed_on() -> None:
    for bad in ("not json", "[]", "{}", {"Statement": 3}, {"Statement": [1, "x", None]}):
        assert parse_document(bad) is None or parse_document(bad).statements == ()  # type: ignore[union-attr]


def test_paved_kms_key_policy_root_administration_pattern_is_accepted() -> None:
    document = {
        "Version": "2012-10-17",
        "Statement": {
            "Sid": "AccountRootAdministers",
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
            "Action": "kms:*",
            "Resource": "*",
        },
    }
    args = resource_args("aws:kms/key:Key", {"policy": json.dumps(document)})
    assert violations(POLICY["kms-key-policy-least-privilege"], args) == []


def test_key_policy_root_of_an_untrusted_account_is_reported_when_accounts_are_configured() -> None:
    document = {
        "Statement": [{"Effect": "Allow", "Principal": {"AWS": "999999999999"}, "Action": "kms:*", "Resource": "*"}]
    }
    args = resource_args("aws:kms/key:Key", {"policy": document}, config={"trustedAccountIds": ["123456789012"]})
    assert violations(POLICY["kms-key-policy-least-privilege"], args) == [
        "key policy statement grants account 999999999999, which is not in trustedAccountIds."
    ]


@pytest.mark.parametrize(
    ("resource", "wild"),
    [("*", True), ("arn:aws:*:*:*:*", True), ("arn:aws:s3:::*", False), ("arn:aws:s3:::b/*", False)],
)
def test_wildcard_resources(resource: str, wild: bool) -> None:
    assert is_wildcard_resource(resource) is wild


@pytest.mark.parametrize(
    ("action", "wild"), [("*", True), ("s3:*", True), ("S3:*", True), ("s3:Get*", False), ("s3:GetObject", False)]
)
def test_full_wildcard_actions(action: str, wild: bool) -> None:
    assert is_full_wildcard_action(action) is wild


def test_account_roots() -> None:
    assert account_root("arn:aws:iam::123456789012:root") == "123456789012"
    assert account_root("arn:aws-us-gov:iam::123456789012:root") == "123456789012"
    assert account_root("123456789012") == "123456789012"
    assert account_root("arn:aws:iam::123456789012:role/x") is None
    assert account_root("*") is None
