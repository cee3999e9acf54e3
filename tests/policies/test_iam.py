"""iam-least-privilege: identity policies name their actions and resources; trust, key and resource
policies never open to everyone without a condition naming who."""

from __future__ import annotations

import pytest
from paved_policies.testing import UNKNOWN, Baseline

from tests.policies.baselines import (
    ACCOUNT,
    BACKUP_VAULT_POLICY,
    DENY_WITHOUT_TLS,
    ECR_REPOSITORY_POLICY,
    EFS_FILE_SYSTEM_POLICY,
    IAM_GROUP_POLICY,
    IAM_GROUP_POLICY_ATTACHMENT,
    IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE,
    IAM_POLICY,
    IAM_POLICY_ATTACHMENT,
    IAM_ROLE,
    IAM_ROLE_POLICY,
    IAM_ROLE_POLICY_ATTACHMENT,
    IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE,
    KMS_KEY,
    KMS_KEY_POLICY,
    LAMBDA_PERMISSION,
    LOGS_USE_KEY,
    ROOT_ADMINISTERS_KEY,
    S3_BUCKET,
    S3_BUCKET_POLICY,
    S3_BUCKET_V2,
    SECRET,
    SECRET_POLICY,
    SNS_TOPIC,
    SNS_TOPIC_POLICY,
    SQS_QUEUE,
    SQS_QUEUE_POLICY,
    document,
)

IDENTITY_POLICIES = [IAM_POLICY, IAM_ROLE_POLICY, IAM_GROUP_POLICY]
IDENTITY_IDS = ["policy", "role-policy", "group-policy"]


def allow(action: object, resource: object = "*", **extra: object) -> str:
    return document({"Sid": "Grant", "Effect": "Allow", "Action": action, "Resource": resource, **extra})


# --- identity policies ------------------------------------------------------------------------


@pytest.mark.parametrize("baseline", IDENTITY_POLICIES, ids=IDENTITY_IDS)
def test_identity_policy_allowing_every_action_is_reported(baseline: Baseline) -> None:
    assert baseline.violations({"policy": allow("*")}) == [
        ("iam-no-wildcard-actions", "policy statement 'Grant' allows *: every action of the service.")
    ]


def test_service_wide_wildcard_in_any_case_is_reported() -> None:
    table = f"arn:aws:dynamodb:us-east-1:{ACCOUNT}:table/items"
    assert IAM_POLICY.violations({"policy": allow(["DynamoDB:*"], table)}) == [
        ("iam-no-wildcard-actions", "policy statement 'Grant' allows dynamodb:*: every action of the service.")
    ]


def test_deny_statement_with_a_wildcard_action_is_fine() -> None:
    deny = document({"Effect": "Deny", "Action": "*", "Resource": "*"})
    assert IAM_POLICY.violations({"policy": deny}) == []


def test_role_inline_policy_with_a_wildcard_is_reported_by_its_name() -> None:
    inline = [{"name": "everything-s3", "policy": document({"Effect": "Allow", "Action": "s3:*", "Resource": "*"})}]
    assert IAM_ROLE.violations({"inlinePolicies": inline}) == [
        ("iam-no-wildcard-actions", "inline policy everything-s3 statement allows s3:*: every action of the service.")
    ]


def test_write_action_on_every_resource_is_reported() -> None:
    assert IAM_ROLE_POLICY.violations({"policy": allow("dynamodb:PutItem")}) == [
        (
            "iam-no-wildcard-resource-writes",
            "policy statement 'Grant' allows dynamodb:PutItem on Resource \"*\"; these actions accept resource "
            "ARNs, so name the resources.",
        )
    ]


def test_write_prefix_on_every_resource_lists_the_actions_it_expands_to() -> None:
    assert IAM_POLICY.violations({"policy": allow("ssm:PutParam*")}) == [
        (
            "iam-no-wildcard-resource-writes",
            "policy statement 'Grant' allows ssm:PutParameter on Resource \"*\"; these actions accept resource "
            "ARNs, so name the resources.",
        )
    ]


def test_write_action_that_only_accepts_star_is_reported_when_it_names_a_resource_type() -> None:
    assert IAM_POLICY.violations({"policy": allow("s3:CreateBucket")}) == [
        (
            "iam-no-wildcard-resource-writes",
            "policy statement 'Grant' allows s3:CreateBucket on Resource \"*\"; these actions accept resource "
            "ARNs, so name the resources.",
        )
    ]


def test_read_action_on_every_resource_is_not_a_write() -> None:
    assert IAM_POLICY.violations({"policy": allow("ec2:DescribeInstances")}) == []


def test_write_on_every_resource_scoped_by_a_resource_tag_passes() -> None:
    scoped = allow("ec2:StopInstances", Condition={"StringEquals": {"aws:ResourceTag/project": "paved"}})
    assert IAM_POLICY.violations({"policy": scoped}) == []


def test_passrole_on_every_role_is_reported_as_a_passrole_and_as_a_write_on_every_resource() -> None:
    assert IAM_GROUP_POLICY.violations({"policy": allow("iam:PassRole")}) == [
        (
            "iam-no-passrole-on-wildcard",
            "policy statement 'Grant' allows iam:PassRole on Resource \"*\": it can hand any role to a service.",
        ),
        (
            "iam-no-wildcard-resource-writes",
            "policy statement 'Grant' allows iam:PassRole on Resource \"*\"; these actions accept resource ARNs, "
            "so name the resources.",
        ),
    ]


def test_passrole_on_a_named_role_passes() -> None:
    assert IAM_POLICY.violations({"policy": allow("iam:PassRole", f"arn:aws:iam::{ACCOUNT}:role/app")}) == []


def test_allow_with_not_action_is_reported() -> None:
    assert IAM_POLICY.violations({"policy": document({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})}) == [
        ("iam-no-allow-with-not-action", "policy statement uses NotAction with Allow: it grants everything not listed.")
    ]


def test_allow_with_not_resource_is_reported() -> None:
    grant = document({"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secret/*"})
    assert IAM_POLICY.violations({"policy": grant}) == [
        (
            "iam-no-allow-with-not-action",
            "policy statement uses NotResource with Allow: it grants everything not listed.",
        )
    ]


def test_deny_with_not_action_is_fine() -> None:
    assert IAM_POLICY.violations({"policy": document({"Effect": "Deny", "NotAction": "iam:*", "Resource": "*"})}) == []


def test_identity_document_unknown_during_preview_is_not_reported() -> None:
    assert IAM_ROLE_POLICY.violations({"policy": UNKNOWN}) == []


# --- attachments ------------------------------------------------------------------------------

ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"


@pytest.mark.parametrize(
    "baseline",
    [IAM_ROLE_POLICY_ATTACHMENT, IAM_GROUP_POLICY_ATTACHMENT, IAM_POLICY_ATTACHMENT],
    ids=["role", "group", "any"],
)
def test_attaching_administrator_access_is_reported(baseline: Baseline) -> None:
    assert baseline.violations({"policyArn": ADMIN}) == [
        ("iam-no-admin-managed-policies", "Attaches the AWS-managed AdministratorAccess policy.")
    ]


def test_attaching_a_full_access_policy_is_reported() -> None:
    assert IAM_ROLE_POLICY_ATTACHMENT.violations({"policyArn": "arn:aws:iam::aws:policy/AmazonS3FullAccess"}) == [
        ("iam-no-admin-managed-policies", "Attaches the AWS-managed AmazonS3FullAccess policy.")
    ]


@pytest.mark.parametrize(
    "baseline", [IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE, IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE], ids=["role", "group"]
)
def test_exclusive_attachments_with_poweruser_access_are_reported(baseline: Baseline) -> None:
    assert baseline.violations({"policyArns": ["arn:aws:iam::aws:policy/PowerUserAccess"]}) == [
        ("iam-no-admin-managed-policies", "Attaches the AWS-managed PowerUserAccess policy.")
    ]


def test_role_with_an_admin_managed_policy_is_reported() -> None:
    assert IAM_ROLE.violations({"managedPolicyArns": ["arn:aws:iam::aws:policy/IAMFullAccess"]}) == [
        ("iam-no-admin-managed-policies", "Attaches the AWS-managed IAMFullAccess policy.")
    ]


def test_policy_attachment_to_users_is_reported() -> None:
    assert IAM_POLICY_ATTACHMENT.violations({"users": ["alice"]}) == [
        ("iam-user-no-policies", "Attaches a policy directly to IAM users.")
    ]


# --- trust policies ---------------------------------------------------------------------------


def test_trust_policy_open_to_any_principal_is_reported() -> None:
    open_trust = document({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"})
    assert IAM_ROLE.violations({"assumeRolePolicy": open_trust}) == [
        (
            "iam-trust-policy-no-public-principal",
            "trust policy statement lets any principal assume the role without a condition.",
        )
    ]


def test_trust_policy_open_to_any_principal_of_the_organization_passes() -> None:
    org_only = document(
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "sts:AssumeRole",
            "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}},
        }
    )
    assert IAM_ROLE.violations({"assumeRolePolicy": org_only}) == []


def test_trust_policy_open_to_any_principal_with_an_external_id_passes() -> None:
    external = document(
        {
            "Effect": "Allow",
            "Principal": {"AWS": "*"},
            "Action": "sts:AssumeRole",
            "Condition": {"StringEquals": {"sts:ExternalId": "partner-42"}},
        }
    )
    assert IAM_ROLE.violations({"assumeRolePolicy": external}) == []


# --- key policies -----------------------------------------------------------------------------


def test_key_policy_granting_any_principal_is_reported() -> None:
    public = {"Sid": "Anyone", "Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*"}
    assert KMS_KEY.violations({"policy": document(ROOT_ADMINISTERS_KEY, public)}) == [
        (
            "kms-key-policy-least-privilege",
            "key policy statement 'Anyone' grants the key to any principal without a condition.",
        )
    ]


def test_key_policy_granting_kms_star_to_a_role_is_reported() -> None:
    role = {
        "Effect": "Allow",
        "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:role/app"},
        "Action": "kms:*",
        "Resource": "*",
    }
    assert KMS_KEY_POLICY.violations({"policy": document(role)}) == [
        (
            "kms-key-policy-least-privilege",
            f"key policy statement grants kms:* to arn:aws:iam::{ACCOUNT}:role/app; grant it the actions it uses.",
        )
    ]


def test_key_policy_granting_kms_star_to_a_service_is_reported() -> None:
    service = {**LOGS_USE_KEY, "Action": "kms:*"}
    assert KMS_KEY.violations({"policy": document(ROOT_ADMINISTERS_KEY, service)}) == [
        (
            "kms-key-policy-least-privilege",
            "key policy statement 'LogsUseKey' grants kms:* to a service; grant it the actions it uses.",
        )
    ]


def test_key_policy_administered_by_an_untrusted_account_root_is_reported_when_accounts_are_configured() -> None:
    config = {"kms-key-policy-least-privilege": {"trustedAccountIds": ["999999999999"]}}
    assert KMS_KEY.violations(config=config) == [
        (
            "kms-key-policy-least-privilege",
            f"key policy statement 'AccountAdministers' grants account {ACCOUNT}, which is not in trustedAccountIds.",
        )
    ]


def test_key_policy_administered_by_a_trusted_account_root_passes() -> None:
    assert KMS_KEY.violations(config={"kms-key-policy-least-privilege": {"trustedAccountIds": [ACCOUNT]}}) == []


# --- resource policies ------------------------------------------------------------------------

OPEN_TO_ANYONE = document(
    {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}
)
PUBLIC_GRANT = (
    "resource-policy-no-public-principal",
    "resource policy statement grants access to any principal without a source condition.",
)


@pytest.mark.parametrize(
    "baseline",
    [
        S3_BUCKET_POLICY,
        SNS_TOPIC_POLICY,
        SQS_QUEUE_POLICY,
        SECRET_POLICY,
        ECR_REPOSITORY_POLICY,
        EFS_FILE_SYSTEM_POLICY,
        BACKUP_VAULT_POLICY,
        S3_BUCKET,
        S3_BUCKET_V2,
        SNS_TOPIC,
        SQS_QUEUE,
        SECRET,
    ],
    ids=lambda baseline: baseline.type,
)
def test_resource_policy_open_to_anyone_is_reported(baseline: Baseline) -> None:
    assert baseline.violations({"policy": OPEN_TO_ANYONE}) == [PUBLIC_GRANT]


def test_aws_star_principal_counts_as_anyone() -> None:
    grant = document({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sqs:SendMessage", "Resource": "*"})
    assert SQS_QUEUE_POLICY.violations({"policy": grant}) == [PUBLIC_GRANT]


def test_tls_only_deny_for_anyone_is_not_a_grant() -> None:
    assert S3_BUCKET_POLICY.violations({"policy": document(DENY_WITHOUT_TLS)}) == []


def test_any_principal_limited_by_a_source_arn_passes() -> None:
    from_bucket = document(
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "sns:Publish",
            "Resource": "*",
            "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:s3:::paved-data"}},
        }
    )
    assert SNS_TOPIC_POLICY.violations({"policy": from_bucket}) == []


def test_lambda_permission_for_any_principal_without_a_source_is_reported() -> None:
    assert LAMBDA_PERMISSION.violations({"principal": "*"}, without=["sourceArn"]) == [
        (
            "resource-policy-no-public-principal",
            "Lambda permission lets any principal invoke the function without a source condition.",
        )
    ]


def test_lambda_permission_for_any_principal_of_one_account_passes() -> None:
    assert LAMBDA_PERMISSION.violations({"principal": "*", "sourceAccount": ACCOUNT}, without=["sourceArn"]) == []


def test_lambda_permission_for_a_function_url_is_judged_by_the_url_policy() -> None:
    changes = {"principal": "*", "functionUrlAuthType": "NONE"}
    assert LAMBDA_PERMISSION.violations(changes, without=["sourceArn"]) == []
