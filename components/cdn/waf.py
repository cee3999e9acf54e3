"""The WAF web ACL in front of the distribution (scope CLOUDFRONT, so it lives in us-east-1), and
its logs: a KMS-encrypted CloudWatch log group whose name starts with ``aws-waf-logs-``, as WAF requires."""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components.account import AwsAccount
from components.config.cdn import Waf as WafSettings
from components.provider import EDGE_REGION

MANAGED_RULE_GROUPS: tuple[str, ...] = (
    "AWSManagedRulesAmazonIpReputationList",
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
)
"""AWS managed rule groups, in evaluation order after the rate limit (none needs a subscription)."""

RATE_LIMIT_RULE = "rate-limit-per-ip"
LOG_GROUP_PREFIX = "aws-waf-logs-"


@dataclass(frozen=True)
class RuleSpec:
    name: str
    priority: int


def rule_order() -> list[RuleSpec]:
    """The rate limit first (cheapest to evaluate, stops floods), then the managed rule groups."""
    names = [RATE_LIMIT_RULE, *MANAGED_RULE_GROUPS]
    return [RuleSpec(name=name, priority=index) for index, name in enumerate(names)]


def _visibility(metric: str) -> aws.wafv2.WebAclVisibilityConfigArgs:
    return aws.wafv2.WebAclVisibilityConfigArgs(
        cloudwatch_metrics_enabled=True, sampled_requests_enabled=True, metric_name=metric
    )


def _rule_visibility(metric: str) -> aws.wafv2.WebAclRuleVisibilityConfigArgs:
    return aws.wafv2.WebAclRuleVisibilityConfigArgs(
        cloudwatch_metrics_enabled=True, sampled_requests_enabled=True, metric_name=metric
    )


def _rule(spec: RuleSpec, settings: WafSettings) -> aws.wafv2.WebAclRuleArgs:
    if spec.name == RATE_LIMIT_RULE:
        return aws.wafv2.WebAclRuleArgs(
            name=spec.name,
            priority=spec.priority,
            action=aws.wafv2.WebAclRuleActionArgs(block=aws.wafv2.WebAclRuleActionBlockArgs()),
            statement=aws.wafv2.WebAclRuleStatementArgs(
                rate_based_statement=aws.wafv2.WebAclRuleStatementRateBasedStatementArgs(
                    limit=settings.rate_limit_per_5_min,
                    aggregate_key_type="IP",
                    evaluation_window_sec=300,
                )
            ),
            visibility_config=_rule_visibility(spec.name),
        )
    return aws.wafv2.WebAclRuleArgs(
        name=spec.name,
        priority=spec.priority,
        override_action=aws.wafv2.WebAclRuleOverrideActionArgs(
            none=aws.wafv2.WebAclRuleOverrideActionNoneArgs()  # type: ignore[no-untyped-call]
        ),
        statement=aws.wafv2.WebAclRuleStatementArgs(
            managed_rule_group_statement=aws.wafv2.WebAclRuleStatementManagedRuleGroupStatementArgs(
                vendor_name="AWS", name=spec.name
            )
        ),
        visibility_config=_rule_visibility(spec.name),
    )


def web_acl(
    name: str,
    *,
    settings: WafSettings,
    account: AwsAccount,
    key_arn: pulumi.Input[str],
    opts: pulumi.ResourceOptions,
) -> aws.wafv2.WebAcl:
    """The web ACL (allow by default, block what the rules match) with logging to CloudWatch Logs.

    ``opts`` must carry the us-east-1 provider; ``key_arn`` must be a key in us-east-1.
    """
    acl = aws.wafv2.WebAcl(
        name,
        description=f"paved {pulumi.get_stack()}: in front of the CloudFront distribution",
        scope="CLOUDFRONT",
        default_action=aws.wafv2.WebAclDefaultActionArgs(allow=aws.wafv2.WebAclDefaultActionAllowArgs()),
        rules=[_rule(spec, settings) for spec in rule_order()],
        visibility_config=_visibility(f"paved-{pulumi.get_stack()}-web-acl"),
        opts=opts,
    )
    log_group = aws.cloudwatch.LogGroup(
        f"{name}-logs",
        name_prefix=f"{LOG_GROUP_PREFIX}{pulumi.get_stack()}-",
        retention_in_days=settings.log_retention_days,
        kms_key_id=key_arn,
        opts=opts,
    )
    delivery_policy = aws.cloudwatch.LogResourcePolicy(
        f"{name}-log-delivery",
        policy_document=pulumi.Output.json_dumps(_log_delivery_policy(log_group.arn, account)),
        opts=opts,
    )
    aws.wafv2.WebAclLoggingConfiguration(
        f"{name}-logging",
        resource_arn=acl.arn,
        log_destination_configs=[log_group.arn],
        opts=opts.merge(pulumi.ResourceOptions(depends_on=[delivery_policy])),
    )
    return acl


def _log_delivery_policy(log_group_arn: pulumi.Input[str], account: AwsAccount) -> dict[str, object]:
    """WAF delivers its logs through CloudWatch Logs' log delivery, for this account's web ACLs only."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "WafLogDelivery",
                "Effect": "Allow",
                "Principal": {"Service": "delivery.logs.amazonaws.com"},
                "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                "Resource": pulumi.Output.concat(log_group_arn, ":log-stream:*"),
                "Condition": {
                    "StringEquals": {"aws:SourceAccount": account.account_id},
                    "ArnLike": {
                        "aws:SourceArn": pulumi.Output.concat(
                            "arn:", account.partition, f":logs:{EDGE_REGION}:", account.account_id, ":*"
                        )
                    },
                },
            }
        ],
    }
