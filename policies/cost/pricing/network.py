"""Network and edge: NAT gateways, public IPv4, VPC endpoints, load balancers, CloudFront, WAF, Route 53."""

from __future__ import annotations

import json
from decimal import Decimal

from cost.pricebook import GLOBAL
from cost.pricing.base import Context, Pricer, Props, Unpriceable, no_charge
from cost.report import Charge
from cost.resources import UNKNOWN, Resource

NAT_GATEWAY = "aws:ec2/natGateway:NatGateway"
EIP = "aws:ec2/eip:Eip"
VPC_ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint"
LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer"
ALB_LOAD_BALANCER = "aws:alb/loadBalancer:LoadBalancer"
DISTRIBUTION = "aws:cloudfront/distribution:Distribution"
CLOUDFRONT_FUNCTION = "aws:cloudfront/function:Function"
WEB_ACL = "aws:wafv2/webAcl:WebAcl"
HOSTED_ZONE = "aws:route53/zone:Zone"
HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck"

WAF_GLOBAL_REGION = "us-east-1"
"""Web ACLs of scope CLOUDFRONT live in us-east-1."""

PAID_MANAGED_RULE_GROUPS = (
    "AWSManagedRulesBotControlRuleSet",
    "AWSManagedRulesATPRuleSet",
    "AWSManagedRulesACFPRuleSet",
    "AWSManagedRulesAntiDDoSRuleSet",
)
"""AWS managed rule groups with a subscription and request fee of their own (not in the price file)."""

MIN_LOAD_BALANCER_ZONES = 2


def nat_gateway(resource: Resource, ctx: Context) -> list[Charge]:
    return nat_charges(ctx, ctx.region_of(resource), 1, resource)


def nat_charges(ctx: Context, region: str, count: int, resource: Resource) -> list[Charge]:
    data = ctx.use("nat", "dataGbPerMonth", resource)
    return [
        ctx.hourly(region, "vpc.nat.hours", "NAT gateway", count=count),
        ctx.charge(region, "vpc.nat.data", data, "NAT data processed", count=count),
    ]


def elastic_ip(resource: Resource, ctx: Context) -> list[Charge]:
    return [ctx.hourly(ctx.region_of(resource), "vpc.public-ipv4", "public IPv4 address")]


def vpc_endpoint(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    kind = props.text("vpcEndpointType", default="Gateway")
    if kind == "Gateway":
        return no_charge("no charge (gateway endpoint)")
    if kind != "Interface":
        raise Unpriceable(f"{kind} endpoints are not in the price file")
    zones = _count(props, "subnetIds", minimum=1)
    return interface_endpoint_charges(ctx, ctx.region_of(resource), zones, resource, str(props.text("serviceName")))


def interface_endpoint_charges(ctx: Context, region: str, zones: int, resource: Resource, service: str) -> list[Charge]:
    data = ctx.use("vpcEndpoint", "dataGbPerMonth", resource)
    return [
        ctx.hourly(region, "vpc.endpoint.interface.hours", f"interface endpoint {service} in {zones} AZ", count=zones),
        ctx.charge(region, "vpc.endpoint.interface.data", data, "endpoint data processed"),
    ]


def _count(props: Props, key: str, *, minimum: int) -> int:
    """The length of a list property, at least ``minimum``; an unknown list counts as ``minimum``."""
    try:
        items = props.entries(key)
    except Unpriceable:
        return minimum
    return max(len(items), minimum)


def load_balancer(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    region = ctx.region_of(resource)
    kind = props.text("loadBalancerType", default="application")
    if kind not in ("application", "network"):
        raise Unpriceable(f"{kind} load balancers are not in the price file")
    lcu = ctx.use("loadBalancer", "averageLcu", resource)
    label = "ALB" if kind == "application" else "NLB"
    charges = [
        ctx.hourly(region, f"elb.{kind}.hours", label),
        ctx.hourly(region, f"elb.{kind}.lcu", f"{label} capacity units", count=lcu),
    ]
    if not props.flag("internal"):
        zones = max(_count(props, "subnets", minimum=0), _count(props, "subnetMappings", minimum=0))
        zones = max(zones, MIN_LOAD_BALANCER_ZONES)
        charges.append(ctx.hourly(region, "vpc.public-ipv4", "internet-facing: public IPv4 per AZ", count=zones))
    return charges


def distribution(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    price_class = props.text("priceClass", default="PriceClass_All")
    scope = "US/Europe rates"
    if price_class != "PriceClass_100":
        scope = f"{price_class} at US/Europe rates (a lower bound)"
    requests = ctx.use("cloudfront", "requestsPerMonth", resource)
    transfer = ctx.use("cloudfront", "transferGbPerMonth", resource)
    return [
        ctx.charge(GLOBAL, "cloudfront.requests.https.us-eu", requests, f"HTTPS requests, {scope}"),
        ctx.charge(GLOBAL, "cloudfront.transfer.us-eu", transfer, "data transfer out"),
    ]


def cloudfront_function(resource: Resource, ctx: Context) -> list[Charge]:
    invocations = ctx.use("cloudfront", "requestsPerMonth", resource)
    return [ctx.charge(GLOBAL, "cloudfront.function", invocations, "function invocations (one per request)")]


def web_acl(resource: Resource, ctx: Context) -> list[Charge]:
    props = Props(resource.props)
    scope = props.text("scope", default="REGIONAL")
    region = WAF_GLOBAL_REGION if scope == "CLOUDFRONT" else ctx.region_of(resource)
    rules = _rules(props)
    paid = [name for name in PAID_MANAGED_RULE_GROUPS if name in json.dumps(rules, default=str)]
    if paid:
        raise Unpriceable(f"managed rule groups with their own fees are not in the price file: {', '.join(paid)}")
    requests = ctx.use("waf", "requestsPerMonth", resource)
    return [
        ctx.charge(region, "waf.web-acl", Decimal(1), "web ACL"),
        ctx.charge(region, "waf.rule", Decimal(len(rules)), "rules"),
        ctx.charge(region, "waf.requests", requests, "requests"),
    ]


def _rules(props: Props) -> list[object]:
    rules = props.entries("rules")
    if any(rule is UNKNOWN for rule in rules):
        raise Unpriceable("rules are unknown until the update runs (preview)")
    text = props.text("ruleJson")
    if not rules and text:
        try:
            parsed = json.loads(text)
        except ValueError:
            raise Unpriceable("ruleJson is not JSON") from None
        rules = parsed if isinstance(parsed, list) else []
    return rules


def hosted_zone(resource: Resource, ctx: Context) -> list[Charge]:
    queries = ctx.use("route53", "queriesPerMonth", resource)
    return [
        ctx.charge(GLOBAL, "route53.hosted-zone", Decimal(1), "hosted zone"),
        ctx.charge(GLOBAL, "route53.queries", queries, "standard queries"),
    ]


def health_check(resource: Resource, ctx: Context) -> list[Charge]:
    return [ctx.charge(GLOBAL, "route53.health-check.other", Decimal(1), "health check (non-AWS endpoint rate)")]


PRICERS: dict[str, Pricer] = {
    NAT_GATEWAY: nat_gateway,
    EIP: elastic_ip,
    VPC_ENDPOINT: vpc_endpoint,
    LOAD_BALANCER: load_balancer,
    ALB_LOAD_BALANCER: load_balancer,
    DISTRIBUTION: distribution,
    CLOUDFRONT_FUNCTION: cloudfront_function,
    WEB_ACL: web_acl,
    HOSTED_ZONE: hosted_zone,
    HEALTH_CHECK: health_check,
}
