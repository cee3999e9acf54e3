"""The mail tier, as the site-with-mail reference stack builds it."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import run_config, stack_yaml_config
from tools.program import ProgramRun, Registration

STACK = "example-site-mail"
RULE_SET_ARN = "arn:aws:ses:us-east-1:123456789012:receipt-rule-set/paved-example-site-mail-inbound"
RULE_ARN = f"{RULE_SET_ARN}:receipt-rule/paved-example-site-mail-forward"


@pytest.fixture(scope="module")
def site(run_stack: Callable[[str], ProgramRun]) -> ProgramRun:
    return run_stack(STACK)


def mail_resources(run: ProgramRun, type_: str) -> list[Registration]:
    return [r for r in run.of_type(type_) if "paved:mail:Mail" in r.urn]


def policy(resource: Registration, key: str = "policy") -> dict[str, Any]:
    return dict(json.loads(resource.inputs[key]))


def test_the_domain_receives_mail_through_ses_in_the_stack_region(site: ProgramRun) -> None:
    mx = site.one("aws:route53/record:Record", "mail-mx")
    assert mx.inputs["zoneId"] == "Z0123456789EXAMPLE"
    assert (mx.inputs["name"], mx.inputs["type"]) == ("example.com", "MX")
    assert mx.inputs["records"] == ["10 inbound-smtp.us-east-1.amazonaws.com"]


def test_the_domain_is_verified_and_signed_with_three_easy_dkim_records(site: ProgramRun) -> None:
    identity = site.one("aws:sesv2/emailIdentity:EmailIdentity", "mail-domain")
    assert identity.inputs["emailIdentity"] == "example.com"
    tokens = identity.outputs["dkimSigningAttributes"]["tokens"]
    records = sorted(
        (r for r in mail_resources(site, "aws:route53/record:Record") if r.inputs["type"] == "CNAME"),
        key=lambda r: r.name,
    )
    assert [r.name for r in records] == ["mail-dkim-1", "mail-dkim-2", "mail-dkim-3"]
    assert [r.inputs["name"] for r in records] == [f"{t}._domainkey.example.com" for t in tokens]
    assert [r.inputs["records"] for r in records] == [[f"{t}.dkim.amazonses.com"] for t in tokens]


def test_every_forwarding_address_is_an_identity_so_the_sandbox_delivers(site: ProgramRun) -> None:
    recipients = [r.inputs["emailIdentity"] for r in mail_resources(site, "aws:sesv2/emailIdentity:EmailIdentity")]
    assert sorted(recipients) == ["example.com", "owner@example.com"]


def test_the_rule_scans_requires_tls_stores_then_forwards(site: ProgramRun) -> None:
    rule = site.one("aws:ses/receiptRule:ReceiptRule", "mail-forward")
    inputs = rule.inputs
    assert inputs["recipients"] == ["example.com"]
    assert (inputs["enabled"], inputs["scanEnabled"], inputs["tlsPolicy"]) == (True, True, "Require")
    (store,) = inputs["s3Actions"]
    (forward,) = inputs["lambdaActions"]
    mail_bucket = site.one("aws:s3/bucket:Bucket", "data-mail")
    assert (store["bucketName"], store["objectKeyPrefix"], store["position"]) == (
        mail_bucket.outputs["bucket"],
        "inbound/",
        1,
    )
    forwarder = site.one("aws:lambda/function:Function", "mail-forwarder")
    assert (forward["functionArn"], forward["invocationType"], forward["position"]) == (
        forwarder.outputs["arn"],
        "Event",
        2,
    )


def test_the_rule_set_is_the_stacks_and_is_made_active(site: ProgramRun) -> None:
    rule_set = site.one("aws:ses/receiptRuleSet:ReceiptRuleSet", "mail-rule-set")
    active = site.one("aws:ses/activeReceiptRuleSet:ActiveReceiptRuleSet", "mail-active-rule-set")
    assert rule_set.inputs["ruleSetName"] == "paved-example-site-mail-inbound"
    assert active.inputs["ruleSetName"] == "paved-example-site-mail-inbound"
    assert site.one("aws:ses/receiptRule:ReceiptRule").inputs["ruleSetName"] == "paved-example-site-mail-inbound"


def test_the_mail_bucket_stays_tls_only_and_lets_only_this_rule_store_mail(site: ProgramRun) -> None:
    mail_bucket = site.one("aws:s3/bucket:Bucket", "data-mail")
    (bucket_policy,) = [
        r
        for r in site.of_type("aws:s3/bucketPolicy:BucketPolicy")
        if r.inputs["bucket"] == mail_bucket.outputs["bucket"]
    ]
    assert bucket_policy.name == "mail-bucket-policy", "the mail tier writes the mail bucket's only policy"
    statements = {s["Sid"]: s for s in policy(bucket_policy)["Statement"]}
    assert set(statements) == {"DenyInsecureTransport", "DenyOutdatedTls", "SesStoresReceivedMail"}
    grant = statements["SesStoresReceivedMail"]
    assert grant["Principal"] == {"Service": "ses.amazonaws.com"}
    assert grant["Action"] == "s3:PutObject"
    assert grant["Resource"] == f"{mail_bucket.outputs['arn']}/inbound/*"
    assert grant["Condition"] == {
        "StringEquals": {"aws:SourceAccount": "123456789012"},
        "ArnLike": {"aws:SourceArn": RULE_ARN},
    }


def test_only_this_rule_may_invoke_the_forwarder(site: ProgramRun) -> None:
    permission = site.one("aws:lambda/permission:Permission", "mail-ses-invokes-forwarder")
    assert permission.inputs["principal"] == "ses.amazonaws.com"
    assert permission.inputs["action"] == "lambda:InvokeFunction"
    assert permission.inputs["sourceAccount"] == "123456789012"
    assert permission.inputs["sourceArn"] == RULE_ARN


def test_the_forwarder_is_an_arm64_function_configured_without_secrets(site: ProgramRun) -> None:
    forwarder = site.one("aws:lambda/function:Function", "mail-forwarder")
    inputs = forwarder.inputs
    assert (inputs["runtime"], inputs["architectures"], inputs["handler"]) == (
        "python3.12",
        ["arm64"],
        "mail_forwarder.handler.handler",
    )
    assert inputs["environment"]["variables"] == {
        "MAIL_BUCKET": site.one("aws:s3/bucket:Bucket", "data-mail").outputs["bucket"],
        "MAIL_PREFIX": "inbound/",
        "FORWARD_TO": "owner@example.com",
        "FORWARD_FROM": "forwarder@example.com",
    }
    assert inputs["kmsKeyArn"] == site.one("aws:kms/key:Key").outputs["arn"]
    assert inputs["reservedConcurrentExecutions"] == 5
    log_group = site.one("aws:cloudwatch/logGroup:LogGroup", "mail-forwarder-logs")
    assert inputs["loggingConfig"]["logGroup"] == log_group.outputs["name"]
    assert log_group.inputs["kmsKeyId"] == site.one("aws:kms/key:Key").outputs["arn"]
    assert log_group.inputs["retentionInDays"] == 30


def test_the_forwarder_archive_holds_only_the_forwarder_code(site: ProgramRun) -> None:
    archive = site.one("aws:lambda/function:Function", "mail-forwarder").properties["code"]
    assets = (
        archive["structValue"]["fields"]["assets"]["structValue"]["fields"]
        if "structValue" in archive
        else archive["assets"]
    )
    assert sorted(assets) == ["mail_forwarder/__init__.py", "mail_forwarder/handler.py"]


def test_the_forwarder_may_read_received_mail_and_send_only_as_the_stacks_identities(site: ProgramRun) -> None:
    statements = {
        s["Sid"]: s
        for s in policy(site.one("aws:iam/rolePolicy:RolePolicy", "mail-forwarder-role-policy"))["Statement"]
    }
    bucket_arn = site.one("aws:s3/bucket:Bucket", "data-mail").outputs["arn"]
    assert statements["ReadReceivedMail"]["Action"] == ["s3:GetObject"]
    assert statements["ReadReceivedMail"]["Resource"] == [f"{bucket_arn}/inbound/*"]
    identities = sorted(r.outputs["arn"] for r in mail_resources(site, "aws:sesv2/emailIdentity:EmailIdentity"))
    assert statements["SendFromTheDomainToTheRecipients"]["Action"] == ["ses:SendRawEmail"]
    assert sorted(statements["SendFromTheDomainToTheRecipients"]["Resource"]) == identities
    assert statements["DecryptReceivedMail"]["Condition"] == {
        "StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}
    }
    for statement in statements.values():
        assert all("*" not in action for action in statement["Action"])


def test_the_stack_key_lets_ses_encrypt_mail_for_this_rule_set_only(site: ProgramRun) -> None:
    statements = {s["Sid"]: s for s in policy(site.one("aws:kms/key:Key"))["Statement"]}
    grant = statements["SesEncryptsStoredMail"]
    assert grant["Principal"] == {"Service": "ses.amazonaws.com"}
    assert grant["Condition"]["ArnLike"] == {"aws:SourceArn": f"{RULE_SET_ARN}:receipt-rule/*"}


def test_the_data_tier_leaves_the_mail_bucket_policy_to_the_mail_tier(site: ProgramRun) -> None:
    assert [r.name for r in site.of_type("aws:s3/bucketPolicy:BucketPolicy") if r.name.startswith("data-mail")] == []


def test_mail_switched_off_creates_nothing_of_the_tier(dev: ProgramRun) -> None:
    assert [r for r in dev.resources if "paved:mail:Mail" in r.urn] == []
    assert all(r.type.split(":")[1].split("/")[0] not in ("ses", "sesv2") for r in dev.resources)
    assert "SesEncryptsStoredMail" not in dev.one("aws:kms/key:Key").inputs["policy"]


def test_mail_on_a_dev_stack_uses_the_named_uploads_bucket() -> None:
    config = stack_yaml_config("dev")
    config["paved:mail"] = {
        "enabled": True,
        "domain": "dev.example.com",
        "hostedZoneId": "Z0123456789DEV",
        "forwardTo": ["a@example.org", "b@example.org"],
        "bucket": "uploads",
    }
    run = run_config(config)
    store = run.one("aws:ses/receiptRule:ReceiptRule").inputs["s3Actions"][0]
    assert store["bucketName"] == run.one("aws:s3/bucket:Bucket", "data-uploads").outputs["bucket"]
    assert len(mail_resources(run, "aws:sesv2/emailIdentity:EmailIdentity")) == 3
    assert run.one("aws:lambda/function:Function", "mail-forwarder").inputs["environment"]["variables"][
        "FORWARD_TO"
    ] == ("a@example.org,b@example.org")
