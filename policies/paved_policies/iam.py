"""iam-least-privilege: identity policies grant named actions on named resources; resource,
trust and key policies never open to everyone without a condition naming who."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pulumi_policy import ResourceValidationArgs, Severity

from paved_policies import types as t
from paved_policies.documents import (
    Document,
    Statement,
    account_root,
    is_full_wildcard_action,
    is_wildcard_resource,
    parse_document,
    restricts_principal,
)
from paved_policies.iam_actions import expand, scoped_write_actions
from paved_policies.policy import IAM_LEAST_PRIVILEGE, Equivalents, Report, define_policy
from paved_policies.props import get, items, text
from paved_policies.unknown import UNKNOWN

IDENTITY_POLICY_TYPES = (t.IAM_POLICY, t.IAM_ROLE_POLICY, t.IAM_USER_POLICY, t.IAM_GROUP_POLICY, t.IAM_ROLE)


def identity_documents(args: ResourceValidationArgs) -> Iterator[tuple[str, Document]]:
    """Each identity policy document of the resource, with a label for messages."""
    props = args.props
    if args.resource_type == t.IAM_ROLE:
        for inline in items(get(props, "inlinePolicies")):
            document = parse_document(get(inline, "policy"))
            if document is not None:
                name = text(get(inline, "name"))
                yield (f"inline policy {name}" if isinstance(name, str) else "inline policy"), document
        return
    document = parse_document(get(props, "policy"))
    if document is not None:
        yield "policy", document


def _label(statement: Statement, where: str) -> str:
    return f"{where} statement {statement.sid!r}" if statement.sid else f"{where} statement"


def _no_wildcard_actions(args: ResourceValidationArgs, report: Report) -> None:
    for where, document in identity_documents(args):
        for statement in document.statements:
            if not statement.allows:
                continue
            wild = [action for action in statement.actions if is_full_wildcard_action(action)]
            if wild:
                report(f"{_label(statement, where)} allows {', '.join(wild)}: every action of the service.")


iam_no_wildcard_actions = define_policy(
    name="iam-no-wildcard-actions",
    description='Checks that identity policies never allow "*" or "service:*" actions.',
    validate=_no_wildcard_actions,
    resource_types=IDENTITY_POLICY_TYPES,
    category=IAM_LEAST_PRIVILEGE,
    severity=Severity.CRITICAL,
    remediation_steps=(
        "List the actions the workload calls (paved's roles name each one, e.g. dynamodb:GetItem on the "
        "table's ARN); use the access analyzer's generated policy as a start."
    ),
    equivalents=Equivalents(cdk_nag=("AwsSolutions-IAM5",), checkov=("CKV_AWS_62", "CKV_AWS_63")),
)


def scoping_condition(statement: Statement) -> bool:
    """Whether the statement's condition narrows the resources it applies to: a resource tag,
    account or organization key, a source key, or any service-specific key."""
    for key in statement.condition_keys:
        if not key.startswith("aws:"):
            return True
        if key.startswith(("aws:resource", "aws:requesttag", "aws:sourcearn", "aws:sourceaccount")):
            return True
    return False


def _no_wildcard_resource_writes(args: ResourceValidationArgs, report: Report) -> None:
    for where, document in identity_documents(args):
        for statement in document.statements:
            if not statement.allows or not any(is_wildcard_resource(r) for r in statement.resources):
                continue
            if scoping_condition(statement):
                continue
            scoped = sorted(
                {
                    action.qualified
                    for entry in statement.actions
                    if not is_full_wildcard_action(entry)
                    for action in scoped_write_actions(entry)
                }
            )
            if scoped:
                shown = ", ".join(scoped[:6]) + (f" and {len(scoped) - 6} more" if len(scoped) > 6 else "")
                report(
                    f'{_label(statement, where)} allows {shown} on Resource "*"; these actions accept '
                    "resource ARNs, so name the resources."
                )


iam_no_wildcard_resource_writes = define_policy(
    name="iam-no-wildcard-resource-writes",
    description=(
        'Checks that identity policies do not allow write, permissions-management or tagging actions on Resource "*" '
        "when the action supports resource-level ARNs."
    ),
    validate=_no_wildcard_resource_writes,
    resource_types=IDENTITY_POLICY_TYPES,
    category=IAM_LEAST_PRIVILEGE,
    severity=Severity.HIGH,
    remediation_steps=(
        'Replace "*" with the ARNs of the resources the workload writes (paved\'s tiers pass ARNs from '
        "their outputs), or add a condition on aws:ResourceTag / a service key that scopes them."
    ),
    equivalents=Equivalents(cdk_nag=("AwsSolutions-IAM5",), checkov=("CKV_AWS_289", "CKV_AWS_290")),
)


def _no_passrole_wildcard(args: ResourceValidationArgs, report: Report) -> None:
    for where, document in identity_documents(args):
        for statement in document.statements:
            if not statement.allows or not any(is_wildcard_resource(r) for r in statement.resources):
                continue
            grants = [
                entry
                for entry in statement.actions
                if not is_full_wildcard_action(entry)
                and any(action.qualified.lower() == "iam:passrole" for action in expand(entry))
            ]
            if grants:
                label = _label(statement, where)
                report(f'{label} allows iam:PassRole on Resource "*": it can hand any role to a service.')


iam_no_passrole_on_wildcard = define_policy(
    name="iam-no-passrole-on-wildcard",
    description='Checks that identity policies never allow iam:PassRole on Resource "*".',
    validate=_no_passrole_wildcard,
    resource_types=IDENTITY_POLICY_TYPES,
    category=IAM_LEAST_PRIVILEGE,
    severity=Severity.CRITICAL,
    remediation_steps="Name the role ARNs that may be passed and add an iam:PassedToService condition.",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-IAM5",)),
)


def _no_not_action(args: ResourceValidationArgs, report: Report) -> None:
    for where, document in identity_documents(args):
        for statement in document.statements:
            if statement.allows and (statement.not_actions or statement.not_resources):
                used = "NotAction" if statement.not_actions else "NotResource"
                report(f"{_label(statement, where)} uses {used} with Allow: it grants everything not listed.")


iam_no_allow_with_not_action = define_policy(
    name="iam-no-allow-with-not-action",
    description="Checks that identity policies never combine Allow with NotAction or NotResource.",
    validate=_no_not_action,
    resource_types=IDENTITY_POLICY_TYPES,
    category=IAM_LEAST_PRIVILEGE,
    severity=Severity.HIGH,
    remediation_steps="Allow the listed actions and resources explicitly; keep NotAction for Deny statements.",
)

_ADMIN_POLICY = re.compile(
    r"^arn:aws[a-z-]*:iam::aws:policy/(?:[\w+=,.@-]+/)*(AdministratorAccess|PowerUserAccess|IAMFullAccess|[\w+=,.@-]*FullAccess)$"
)

ATTACHMENT_TYPES = (
    t.IAM_ROLE_POLICY_ATTACHMENT,
    t.IAM_USER_POLICY_ATTACHMENT,
    t.IAM_GROUP_POLICY_ATTACHMENT,
    t.IAM_POLICY_ATTACHMENT,
    t.IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE,
    t.IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE,
    t.IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE,
    t.IAM_ROLE,
)


def admin_policy(arn: object) -> str | None:
    """The AWS-managed admin or ``*FullAccess`` policy an ARN names, if it names one."""
    if not isinstance(arn, str):
        return None
    match = _ADMIN_POLICY.match(arn.strip())
    return match.group(1) if match else None


def _no_admin_policies(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    arns = [get(props, "policyArn"), *items(get(props, "policyArns")), *items(get(props, "managedPolicyArns"))]
    for arn in arns:
        name = admin_policy(arn)
        if name is not None:
            report(f"Attaches the AWS-managed {name} policy.")


iam_no_admin_managed_policies = define_policy(
    name="iam-no-admin-managed-policies",
    description=(
        "Checks that no AdministratorAccess, PowerUserAccess, IAMFullAccess or other *FullAccess managed policy "
        "is attached."
    ),
    validate=_no_admin_policies,
    resource_types=ATTACHMENT_TYPES,
    category=IAM_LEAST_PRIVILEGE,
    severity=Severity.CRITICAL,
    remediation_steps="Attach a customer-managed policy naming the actions and resources the principal needs.",
    equivalents=Equivalents(cdk_nag=("AwsSolutions-IAM4",), checkov=("CKV_AWS_274",)),
)


def _no_user_policies(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if args.resource_type == t.IAM_POLICY_ATTACHMENT:
        users = get(props, "users")
        if users is not UNKNOWN and items(users):
            report("Attaches a policy directly to IAM users.")
        return
    report("Gives an IAM user its own policy.")


iam_user_no_policies = define_policy(
    name="iam-user-no-policies",
    description=(
        "Checks that IAM users get permissions only through groups or roles, never inline or attached policies."
    ),
    validate=_no_user_policies,
    resource_types=[
        t.IAM_USER_POLICY,
        t.IAM_USER_POLICY_ATTACHMENT,
        t.IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE,
        t.IAM_POLICY_ATTACHMENT,
    ],
    category=IAM_LEAST_PRIVILEGE,
    severity=Severity.MEDIUM,
    remediation_steps="Put the user in a group (or let it assume a role) and attach the policy there.",
    equivalents=Equivalents(checkov=("CKV_AWS_40",)),
)


def _public_statements(document: Document, *, allow_external_id: bool = False) -> list[Statement]:
    return [
        statement
        for statement in document.statements
        if statement.allows
        and statement.is_public
        and not restricts_principal(statement, allow_external_id=allow_external_id)
    ]


def _trust_policy(args: ResourceValidationArgs, report: Report) -> None:
    document = parse_document(get(args.props, "assumeRolePolicy"))
    if document is None:
        return
    for statement in _public_statements(document, allow_external_id=True):
        report(f"{_label(statement, 'trust policy')} lets any principal assume the role without a condition.")


iam_trust_policy_no_public_principal = define_policy(
    name="iam-trust-policy-no-public-principal",
    description='Checks that role trust policies never let "*" assume the role without a condition naming who.',
    validate=_trust_policy,
    resource_types=[t.IAM_ROLE],
    category=IAM_LEAST_PRIVILEGE,
    severity=Severity.CRITICAL,
    remediation_steps=(
        "Name the service or account principal; for a * principal add aws:PrincipalOrgID, "
        "aws:SourceAccount or sts:ExternalId (paved's roles trust one service with aws:SourceAccount)."
    ),
    equivalents=Equivalents(checkov=("CKV_AWS_60",)),
)


def _key_policy(args: ResourceValidationArgs, report: Report) -> None:
    document = parse_document(get(args.props, "policy"))
    if document is None:
        return
    trusted = {str(account) for account in args.get_config().get("trustedAccountIds") or []}
    for statement in document.statements:
        if not statement.allows:
            continue
        if statement.is_public and not restricts_principal(statement):
            report(f"{_label(statement, 'key policy')} grants the key to any principal without a condition.")
            continue
        everything = any(
            is_full_wildcard_action(action) and action.startswith(("kms:", "*")) for action in statement.actions
        )
        for principal in statement.aws_principals():
            account = account_root(principal)
            if account is not None:
                if trusted and account not in trusted:
                    label = _label(statement, "key policy")
                    report(f"{label} grants account {account}, which is not in trustedAccountIds.")
                continue
            if everything and principal != "*":
                report(f"{_label(statement, 'key policy')} grants kms:* to {principal}; grant it the actions it uses.")
        if everything and any(kind == "service" for kind, _ in statement.principals):
            report(f"{_label(statement, 'key policy')} grants kms:* to a service; grant it the actions it uses.")


kms_key_policy_least_privilege = define_policy(
    name="kms-key-policy-least-privilege",
    description=(
        "Checks that KMS key policies keep kms:* for the account root (the AWS default statement) and never "
        "grant the key to * without a condition."
    ),
    validate=_key_policy,
    resource_types=[t.KMS_KEY, t.KMS_KEY_POLICY],
    category=IAM_LEAST_PRIVILEGE,
    severity=Severity.CRITICAL,
    remediation_steps=(
        "Keep the account-root administration statement and give services and roles named actions with "
        "conditions (see components/encryption.py key_policy_statements)."
    ),
    config={
        "trustedAccountIds": {
            "type": "array",
            "items": {"type": "string", "pattern": "^[0-9]{12}$"},
            "description": "Accounts whose root may administer keys; empty accepts any account root.",
        }
    },
    equivalents=Equivalents(checkov=("CKV_AWS_33",)),
)

RESOURCE_POLICY_PROPS = {
    t.S3_BUCKET_POLICY: "policy",
    t.SNS_TOPIC: "policy",
    t.SNS_TOPIC_POLICY: "policy",
    t.SQS_QUEUE: "policy",
    t.SQS_QUEUE_POLICY: "policy",
    t.SECRET: "policy",
    t.SECRET_POLICY: "policy",
    t.ECR_REPOSITORY_POLICY: "policy",
    t.EFS_FILE_SYSTEM_POLICY: "policy",
    t.BACKUP_VAULT_POLICY: "policy",
    **dict.fromkeys(t.S3_BUCKETS, "policy"),
}


def _resource_policy_public(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    if args.resource_type == t.LAMBDA_PERMISSION:
        _lambda_permission_public(args, report)
        return
    document = parse_document(get(props, RESOURCE_POLICY_PROPS[args.resource_type]))
    if document is None:
        return
    for statement in _public_statements(document):
        report(f"{_label(statement, 'resource policy')} grants access to any principal without a source condition.")


def _lambda_permission_public(args: ResourceValidationArgs, report: Report) -> None:
    props = args.props
    principal = get(props, "principal")
    if principal is UNKNOWN or principal != "*":
        return
    if get(props, "functionUrlAuthType") is not None:
        return  # function URLs: lambda-function-url-requires-auth judges the auth type
    for key in ("sourceArn", "sourceAccount", "principalOrgId"):
        if get(props, key) is not None:
            return
    report("Lambda permission lets any principal invoke the function without a source condition.")


resource_policy_no_public_principal = define_policy(
    name="resource-policy-no-public-principal",
    description=(
        'Checks that S3, SNS, SQS, Secrets Manager, ECR, EFS, Backup and Lambda resource policies never allow "*" '
        "without a condition naming the source or organization."
    ),
    validate=_resource_policy_public,
    resource_types=[*RESOURCE_POLICY_PROPS, t.LAMBDA_PERMISSION],
    category=IAM_LEAST_PRIVILEGE,
    severity=Severity.CRITICAL,
    remediation_steps=(
        "Name the principal (a service or account), or add aws:SourceArn / aws:SourceAccount / "
        "aws:PrincipalOrgID; serve public content through CloudFront with Origin Access Control instead."
    ),
    equivalents=Equivalents(
        cdk_nag=("AwsSolutions-ECR1",),
        checkov=("CKV_AWS_70", "CKV_AWS_168", "CKV_AWS_169", "CKV_AWS_32", "CKV_AWS_301"),
    ),
)
