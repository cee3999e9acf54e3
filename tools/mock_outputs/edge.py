"""Mock outputs for the types the auth, cdn and observability tiers read back."""

from __future__ import annotations

import string
from typing import Any

from tools.mock_outputs.base import ACCOUNT_ID, MockContext, OutputsFor


def _alphanumeric(ctx: MockContext, seed: str, length: int, alphabet: str) -> str:
    digest = ctx.suffix(seed, 64)
    return "".join(alphabet[int(digest[i : i + 2], 16) % len(alphabet)] for i in range(0, 2 * length, 2))


# --- auth -----------------------------------------------------------------------------------


def _user_pool_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    pool_id = f"{ctx.region}_{_alphanumeric(ctx, name, 9, string.ascii_letters + string.digits)}"
    return {
        "id": pool_id,
        "arn": ctx.arn("cognito-idp", f"userpool/{pool_id}"),
        "endpoint": f"cognito-idp.{ctx.region}.amazonaws.com/{pool_id}",
        "name": ctx.physical_name(name, inputs),
        "estimatedNumberOfUsers": 0,
    }


def _user_pool_client_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": _alphanumeric(ctx, name, 26, string.ascii_lowercase + string.digits),
        "name": ctx.physical_name(name, inputs),
        "clientSecret": "",
    }


def _user_pool_domain_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": inputs.get("domain") or name,
        "awsAccountId": ACCOUNT_ID,
        "cloudfrontDistribution": f"d{ctx.suffix(name, 13)}.cloudfront.net",
        "cloudfrontDistributionArn": f"d{ctx.suffix(name, 13)}.cloudfront.net",
        "cloudfrontDistributionZoneId": "Z2FDTNDATAQYW2",
        "version": "1",
    }


# --- observability --------------------------------------------------------------------------


def _topic_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    topic = ctx.physical_name(name, inputs)
    arn = ctx.arn("sns", topic)
    return {"id": arn, "arn": arn, "name": topic, "owner": ACCOUNT_ID}


def _subscription_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    arn = f"{inputs.get('topic')}:{ctx.suffix(name, 8)}-0000-4000-8000-{ctx.suffix(name + 's', 12)}"
    return {"id": arn, "arn": arn, "pendingConfirmation": inputs.get("protocol") == "email", "ownerId": ACCOUNT_ID}


def _metric_alarm_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    alarm = ctx.physical_name(name, inputs)
    return {"id": alarm, "arn": f"arn:aws:cloudwatch:{ctx.region}:{ACCOUNT_ID}:alarm:{alarm}", "name": alarm}


def _dashboard_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    dashboard = ctx.physical_name(name, inputs, "dashboardName")
    return {"id": dashboard, "dashboardArn": f"arn:aws:cloudwatch::{ACCOUNT_ID}:dashboard/{dashboard}"}


def _budget_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    budget = ctx.physical_name(name, inputs)
    return {
        "id": f"{ACCOUNT_ID}:{budget}",
        "name": budget,
        "accountId": ACCOUNT_ID,
        "arn": f"arn:aws:budgets::{ACCOUNT_ID}:budget/{budget}",
    }


def _budget_action_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    action_id = f"{ctx.suffix(name, 8)}-0000-4000-8000-{ctx.suffix(name + 'a', 12)}"
    budget = inputs.get("budgetName", "")
    return {
        "id": f"{ACCOUNT_ID}:{action_id}:{budget}",
        "actionId": action_id,
        "arn": f"arn:aws:budgets::{ACCOUNT_ID}:budget/{budget}/action/{action_id}",
        "status": "STANDBY",
    }


def _iam_policy_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    policy = ctx.physical_name(name, inputs)
    arn = ctx.arn("iam", f"policy/{policy}", regional=False)
    return {"id": arn, "arn": arn, "name": policy, "policyId": "ANPA" + ctx.suffix(name, 17).upper()}


# --- cdn ------------------------------------------------------------------------------------

CLOUDFRONT_ZONE_ID = "Z2FDTNDATAQYW2"
"""The Route 53 zone id of every CloudFront distribution."""


def _uuid(ctx: MockContext, seed: str) -> str:
    digest = ctx.suffix(seed, 32)
    return f"{digest[:8]}-{digest[8:12]}-4{digest[13:16]}-8{digest[17:20]}-{digest[20:32]}"


def _distribution_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    distribution_id = "E" + _alphanumeric(ctx, name, 13, string.ascii_uppercase + string.digits)
    return {
        "id": distribution_id,
        "arn": f"arn:aws:cloudfront::{ACCOUNT_ID}:distribution/{distribution_id}",
        "domainName": f"d{ctx.suffix(name, 13)}.cloudfront.net",
        "hostedZoneId": CLOUDFRONT_ZONE_ID,
        "status": "Deployed",
        "etag": "E" + ctx.suffix(name + "etag", 13).upper(),
        "callerReference": f"terraform-{ctx.suffix(name, 20)}",
    }


def _cloudfront_policy_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    return {"id": _uuid(ctx, name), "etag": "E" + ctx.suffix(name + "etag", 13).upper()}


def _origin_access_control_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "E" + _alphanumeric(ctx, name, 13, string.ascii_uppercase + string.digits),
        "etag": "E" + ctx.suffix(name + "etag", 13).upper(),
        "name": ctx.physical_name(name, inputs),
    }


def _cloudfront_function_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    function = ctx.physical_name(name, inputs)
    return {
        "id": function,
        "name": function,
        "arn": f"arn:aws:cloudfront::{ACCOUNT_ID}:function/{function}",
        "etag": "E" + ctx.suffix(name + "etag", 13).upper(),
        "liveStageEtag": "E" + ctx.suffix(name + "live", 13).upper(),
        "status": "DEPLOYED",
    }


def _web_acl_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    acl = ctx.physical_name(name, inputs)
    acl_id = _uuid(ctx, name)
    scope = "global" if inputs.get("scope") == "CLOUDFRONT" else "regional"
    return {
        "id": acl_id,
        "name": acl,
        "arn": ctx.arn("wafv2", f"{scope}/webacl/{acl}/{acl_id}"),
        "capacity": 1000,
        "lockToken": _uuid(ctx, name + "lock"),
    }


def _certificate_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    domain = str(inputs.get("domainName") or "example.com")
    names = [domain, *(inputs.get("subjectAlternativeNames") or [])]
    return {
        "arn": ctx.arn("acm", f"certificate/{_uuid(ctx, name)}"),
        "status": "PENDING_VALIDATION",
        "domainValidationOptions": [
            {
                "domainName": entry,
                "resourceRecordName": f"_{ctx.suffix(entry, 32)}.{entry}.",
                "resourceRecordType": "CNAME",
                "resourceRecordValue": f"_{ctx.suffix(entry + 'v', 32)}.mhbtsbpdnt.acm-validations.aws.",
            }
            for entry in names
        ],
    }


def _certificate_validation_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    return {"id": inputs.get("certificateArn") or name}


def _record_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    record = str(inputs.get("name") or name).rstrip(".")
    return {"id": f"{inputs.get('zoneId')}_{record}_{inputs.get('type')}", "fqdn": record}


def _log_delivery_source_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    source = ctx.physical_name(name, inputs)
    return {"id": source, "name": source, "arn": ctx.arn("logs", f"delivery-source:{source}"), "service": "cloudfront"}


def _log_delivery_destination_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    destination = ctx.physical_name(name, inputs)
    return {
        "id": destination,
        "name": destination,
        "arn": ctx.arn("logs", f"delivery-destination:{destination}"),
        "deliveryDestinationType": "S3",
    }


def _log_delivery_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    delivery_id = ctx.suffix(name, 16)
    return {"id": delivery_id, "arn": ctx.arn("logs", f"delivery:{delivery_id}")}


def _log_resource_policy_outputs(ctx: MockContext, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
    policy = ctx.physical_name(name, inputs, "policyName")
    return {"id": policy, "policyName": policy}


OUTPUTS: dict[str, OutputsFor] = {
    "aws:cognito/userPool:UserPool": _user_pool_outputs,
    "aws:cognito/userPoolClient:UserPoolClient": _user_pool_client_outputs,
    "aws:cognito/userPoolDomain:UserPoolDomain": _user_pool_domain_outputs,
    "aws:sns/topic:Topic": _topic_outputs,
    "aws:sns/topicSubscription:TopicSubscription": _subscription_outputs,
    "aws:cloudwatch/metricAlarm:MetricAlarm": _metric_alarm_outputs,
    "aws:cloudwatch/dashboard:Dashboard": _dashboard_outputs,
    "aws:budgets/budget:Budget": _budget_outputs,
    "aws:budgets/budgetAction:BudgetAction": _budget_action_outputs,
    "aws:iam/policy:Policy": _iam_policy_outputs,
    "aws:cloudfront/distribution:Distribution": _distribution_outputs,
    "aws:cloudfront/originAccessControl:OriginAccessControl": _origin_access_control_outputs,
    "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy": _cloudfront_policy_outputs,
    "aws:cloudfront/function:Function": _cloudfront_function_outputs,
    "aws:wafv2/webAcl:WebAcl": _web_acl_outputs,
    "aws:acm/certificate:Certificate": _certificate_outputs,
    "aws:acm/certificateValidation:CertificateValidation": _certificate_validation_outputs,
    "aws:route53/record:Record": _record_outputs,
    "aws:cloudwatch/logDeliverySource:LogDeliverySource": _log_delivery_source_outputs,
    "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": _log_delivery_destination_outputs,
    "aws:cloudwatch/logDelivery:LogDelivery": _log_delivery_outputs,
    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": _log_resource_policy_outputs,
}
"""Resource type → extra outputs beyond the inputs."""
