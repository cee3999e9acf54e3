"""The mail tier: inbound mail for a domain, kept in a bucket and forwarded by a function.

SES receives mail for ``mail.domain`` (MX record in the configured Route 53 zone), scans it, stores the
raw message in the configured bucket under ``inbound/`` and then invokes the forwarder
(``app/mail_forwarder``), which re-sends it from ``forwarder@<domain>`` to ``mail.forwardTo``. The
domain is an SES identity verified through Easy DKIM records, so forwarded mail is signed; each
forwarding address is an identity too, as SES's sandbox only delivers to verified addresses.

SES allows one active receipt rule set per account and region: this tier activates its own, which
replaces any other set active in that region.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pulumi
import pulumi_aws as aws

from components import iam
from components.account import AwsAccount
from components.bucket_policy import bucket_policy_document
from components.config.mail import Mail as MailSettings
from components.outputs import BucketOutputs

FORWARDER_DIR = Path(__file__).resolve().parent.parent / "app" / "mail_forwarder"
FORWARDER_HANDLER = "mail_forwarder.handler.handler"
FORWARDER_RUNTIME = "python3.12"
INBOUND_PREFIX = "inbound/"
DKIM_RECORDS = 3
"""Easy DKIM always issues three tokens, each published as a CNAME record."""


@dataclass(frozen=True)
class ReceiptNames:
    """The SES names this tier creates, chosen up front: the stack key's policy names the rule set too."""

    rule_set: str
    rule: str


@dataclass(frozen=True, kw_only=True)
class MailArgs:
    settings: MailSettings
    account: AwsAccount
    names: ReceiptNames
    key_arn: pulumi.Input[str]
    bucket: BucketOutputs
    """Where SES stores received mail; this tier writes its policy (TLS-only plus the SES grant)."""
    log_retention_days: int


class Mail(pulumi.ComponentResource):
    """Domain identity with DKIM, MX record, receipt rule (scan, store, forward) and the forwarder."""

    function_name: pulumi.Output[str]
    rule_set: str

    def __init__(self, name: str, args: MailArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("paved:mail:Mail", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        settings = args.settings
        if not (settings.domain and settings.hosted_zone_id and settings.forward_to):
            raise ValueError("Mail needs mail.domain, mail.hostedZoneId and mail.forwardTo (the config model checks)")
        domain, zone = settings.domain, settings.hosted_zone_id
        self.rule_set = args.names.rule_set
        rule_name = args.names.rule
        rule_arn = args.account.arn("ses", f"receipt-rule-set/{self.rule_set}:receipt-rule/{rule_name}")

        identity = self._domain_identity(name, domain, zone, child)
        recipients = [
            aws.sesv2.EmailIdentity(f"{name}-recipient-{index}", email_identity=address, opts=child)
            for index, address in enumerate(settings.forward_to, start=1)
        ]
        aws.route53.Record(
            f"{name}-mx",
            zone_id=zone,
            name=domain,
            type="MX",
            ttl=300,
            records=[f"10 inbound-smtp.{args.account.region}.amazonaws.com"],
            opts=child,
        )
        bucket_policy = aws.s3.BucketPolicy(
            f"{name}-bucket-policy",
            bucket=args.bucket.name,
            policy=bucket_policy_document(args.bucket.arn, _ses_store_grant(args, rule_arn)),
            opts=child,
        )
        function = self._forwarder(name, args, identity, recipients, child)
        permission = aws.lambda_.Permission(
            f"{name}-ses-invokes-forwarder",
            function=function.name,
            action="lambda:InvokeFunction",
            principal="ses.amazonaws.com",
            source_account=args.account.account_id,
            source_arn=rule_arn,
            opts=child,
        )
        rules = aws.ses.ReceiptRuleSet(f"{name}-rule-set", rule_set_name=self.rule_set, opts=child)
        aws.ses.ReceiptRule(
            f"{name}-forward",
            name=rule_name,
            rule_set_name=rules.rule_set_name,
            recipients=[domain],
            enabled=True,
            scan_enabled=True,
            tls_policy="Require",
            s3_actions=[
                aws.ses.ReceiptRuleS3ActionArgs(
                    bucket_name=args.bucket.name, object_key_prefix=INBOUND_PREFIX, position=1
                )
            ],
            lambda_actions=[
                aws.ses.ReceiptRuleLambdaActionArgs(function_arn=function.arn, invocation_type="Event", position=2)
            ],
            opts=child.merge(pulumi.ResourceOptions(depends_on=[bucket_policy, permission])),
        )
        aws.ses.ActiveReceiptRuleSet(f"{name}-active-rule-set", rule_set_name=rules.rule_set_name, opts=child)

        self.function_name = function.name
        self.register_outputs({"functionName": self.function_name, "ruleSet": self.rule_set})

    def _domain_identity(
        self, name: str, domain: str, zone: str, child: pulumi.ResourceOptions
    ) -> aws.sesv2.EmailIdentity:
        """The domain as an SES identity, verified and signed through its three Easy DKIM records."""
        identity = aws.sesv2.EmailIdentity(f"{name}-domain", email_identity=domain, opts=child)
        tokens = identity.dkim_signing_attributes.apply(lambda attributes: list(attributes.tokens or []))
        for index in range(DKIM_RECORDS):
            token = tokens.apply(functools.partial(_nth, index))
            aws.route53.Record(
                f"{name}-dkim-{index + 1}",
                zone_id=zone,
                name=pulumi.Output.concat(token, f"._domainkey.{domain}"),
                type="CNAME",
                ttl=1800,
                records=[pulumi.Output.concat(token, ".dkim.amazonses.com")],
                opts=child,
            )
        return identity

    def _forwarder(
        self,
        name: str,
        args: MailArgs,
        identity: aws.sesv2.EmailIdentity,
        recipients: list[aws.sesv2.EmailIdentity],
        child: pulumi.ResourceOptions,
    ) -> aws.lambda_.Function:
        settings = args.settings
        log_group = aws.cloudwatch.LogGroup(
            f"{name}-forwarder-logs",
            retention_in_days=args.log_retention_days,
            kms_key_id=args.key_arn,
            opts=child,
        )
        objects = pulumi.Output.concat(args.bucket.arn, "/", INBOUND_PREFIX, "*")
        role = iam.create_role(
            f"{name}-forwarder-role",
            iam.RoleSpec(
                description="paved mail tier: reads received mail and re-sends it through SES",
                trust=iam.lambda_trust(),
                statements=[
                    iam.allow("ReadReceivedMail", ["s3:GetObject"], [objects]),
                    iam.allow(
                        "DecryptReceivedMail",
                        ["kms:Decrypt"],
                        [args.key_arn],
                        StringEquals={"kms:ViaService": f"s3.{args.account.region}.amazonaws.com"},
                    ),
                    iam.allow(
                        "SendFromTheDomainToTheRecipients",
                        ["ses:SendRawEmail"],
                        [identity.arn, *(recipient.arn for recipient in recipients)],
                    ),
                    *iam.log_statements(log_group.arn),
                ],
            ),
            child,
        )
        return aws.lambda_.Function(
            f"{name}-forwarder",
            description="paved mail tier: forwards mail received for the domain",
            runtime=FORWARDER_RUNTIME,
            architectures=["arm64"],
            handler=FORWARDER_HANDLER,
            code=forwarder_archive(),
            role=role.arn,
            memory_size=256,
            timeout=30,
            reserved_concurrent_executions=5,
            kms_key_arn=args.key_arn,
            environment=aws.lambda_.FunctionEnvironmentArgs(
                variables={
                    "MAIL_BUCKET": args.bucket.name,
                    "MAIL_PREFIX": INBOUND_PREFIX,
                    "FORWARD_TO": ",".join(settings.forward_to),
                    "FORWARD_FROM": f"forwarder@{settings.domain}",
                }
            ),
            logging_config=aws.lambda_.FunctionLoggingConfigArgs(
                log_format="JSON", log_group=log_group.name, application_log_level="INFO", system_log_level="WARN"
            ),
            opts=child.merge(pulumi.ResourceOptions(depends_on=role.ready())),
        )


def _nth(index: int, values: list[str]) -> str:
    return values[index]


def forwarder_archive() -> pulumi.AssetArchive:
    """The forwarder's own files; boto3 comes with the Lambda runtime."""
    return pulumi.AssetArchive(
        {f"mail_forwarder/{path.name}": pulumi.FileAsset(str(path)) for path in sorted(FORWARDER_DIR.glob("*.py"))}
    )


def _ses_store_grant(args: MailArgs, rule_arn: pulumi.Output[str]) -> dict[str, object]:
    """SES may store mail under ``inbound/``, only for this account's forwarding rule."""
    return {
        "Sid": "SesStoresReceivedMail",
        "Effect": "Allow",
        "Principal": {"Service": "ses.amazonaws.com"},
        "Action": "s3:PutObject",
        "Resource": pulumi.Output.concat(args.bucket.arn, "/", INBOUND_PREFIX, "*"),
        "Condition": {
            "StringEquals": {"aws:SourceAccount": args.account.account_id},
            "ArnLike": {"aws:SourceArn": rule_arn},
        },
    }
