"""The container mode's Application Load Balancer, built from plain pulumi-aws resources so policies see
every listener.

* With a certificate: an HTTPS listener (``ELBSecurityPolicy-TLS13-1-2-2021-06``, HSTS, no ``Server``
  header) and an HTTP listener that only redirects to it; an alias record points the certificate's
  host name at the load balancer, and that name is CloudFront's origin.
* Without one (dev behind CloudFront only — the config model allows nothing else): HTTP only, and
  CloudFront connects over HTTP (``api_origin_protocol = http-only``).
* Who may connect: with the CDN on, only CloudFront's origin-facing addresses (its managed prefix
  list), so the WAF in front of CloudFront cannot be bypassed; with the CDN off, the internet on 443
  and on 80 for the redirect. The prefix list counts as 55 rules, so it admits one port.
* Access logs go to the logs bucket under the prefix the data tier's bucket policy opens to ELB;
  invalid header fields are dropped; deletion protection follows ``protection.enabled``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components.compute import security
from components.compute.context import Context
from components.data.log_delivery import ALB_LOG_PREFIX

TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06"
HSTS = "max-age=31536000; includeSubDomains"
HTTP, HTTPS = 80, 443


@dataclass(frozen=True)
class LoadBalancer:
    alb: aws.lb.LoadBalancer
    target_group: aws.lb.TargetGroup
    listeners: list[aws.lb.Listener]
    origin_domain: pulumi.Output[str]
    origin_protocol: str
    url: pulumi.Output[str]


def build(ctx: Context) -> LoadBalancer:
    settings = ctx.settings.container
    logs = ctx.logs
    if logs is None:  # the config model requires a logs bucket in container mode
        raise pulumi.RunError("compute: container mode needs the logs bucket for the load balancer's access logs")
    group = _security_groups(ctx)
    alb = aws.lb.LoadBalancer(
        f"{ctx.name}-alb",
        load_balancer_type="application",
        internal=False,
        ip_address_type="ipv4",
        subnets=ctx.network.public_subnet_ids,
        security_groups=[group.id],
        drop_invalid_header_fields=True,
        enable_deletion_protection=ctx.protect,
        enable_http2=True,
        idle_timeout=60,
        access_logs=aws.lb.LoadBalancerAccessLogsArgs(bucket=logs.name, prefix=ALB_LOG_PREFIX, enabled=True),
        opts=ctx.child,
    )
    target_group = aws.lb.TargetGroup(
        f"{ctx.name}-targets",
        target_type="ip",
        protocol="HTTP",
        protocol_version="HTTP1",
        port=settings.port,
        vpc_id=ctx.network.vpc_id,
        deregistration_delay=30,
        health_check=aws.lb.TargetGroupHealthCheckArgs(
            enabled=True,
            path=settings.health_check_path,
            protocol="HTTP",
            port="traffic-port",
            matcher="200",
            interval=15,
            timeout=5,
            healthy_threshold=2,
            unhealthy_threshold=3,
        ),
        opts=ctx.child,
    )
    forward = [aws.lb.ListenerDefaultActionArgs(type="forward", target_group_arn=target_group.arn)]
    if settings.certificate_arn is None or settings.domain is None:
        listener = aws.lb.Listener(
            f"{ctx.name}-http", load_balancer_arn=alb.arn, port=HTTP, protocol="HTTP", default_actions=forward,
            opts=ctx.child,
        )  # fmt: skip
        return LoadBalancer(
            alb,
            target_group,
            [listener],
            alb.dns_name,
            "http-only",
            pulumi.Output.concat("http://", alb.dns_name, "/api"),
        )
    https = aws.lb.Listener(
        f"{ctx.name}-https",
        load_balancer_arn=alb.arn,
        port=HTTPS,
        protocol="HTTPS",
        ssl_policy=TLS_POLICY,
        certificate_arn=settings.certificate_arn,
        default_actions=forward,
        routing_http_response_strict_transport_security_header_value=HSTS,
        routing_http_response_server_enabled=False,
        opts=ctx.child,
    )
    redirect = aws.lb.Listener(
        f"{ctx.name}-http-redirect",
        load_balancer_arn=alb.arn,
        port=HTTP,
        protocol="HTTP",
        default_actions=[
            aws.lb.ListenerDefaultActionArgs(
                type="redirect",
                redirect=aws.lb.ListenerDefaultActionRedirectArgs(
                    protocol="HTTPS", port=str(HTTPS), status_code="HTTP_301"
                ),
            )
        ],
        opts=ctx.child,
    )
    domain = settings.domain
    aws.route53.Record(
        f"{ctx.name}-alb-alias",
        zone_id=domain.hosted_zone_id,
        name=domain.name,
        type="A",
        aliases=[aws.route53.RecordAliasArgs(name=alb.dns_name, zone_id=alb.zone_id, evaluate_target_health=True)],
        opts=ctx.child,
    )
    return LoadBalancer(
        alb,
        target_group,
        [https, redirect],
        pulumi.Output.from_input(domain.name),
        "https-only",
        pulumi.Output.from_input(f"https://{domain.name}/api"),
    )


def _security_groups(ctx: Context) -> aws.ec2.SecurityGroup:
    """The load balancer's group, its ingress, and the only ingress the workload group gets: from it."""
    settings = ctx.settings.container
    child = ctx.child
    group = aws.ec2.SecurityGroup(
        f"{ctx.name}-alb-sg",
        vpc_id=ctx.network.vpc_id,
        description="paved compute tier: the API load balancer",
        revoke_rules_on_delete=True,
        opts=child,
    )
    secure = settings.certificate_arn is not None
    if ctx.behind_cdn:
        port = HTTPS if secure else HTTP
        aws.vpc.SecurityGroupIngressRule(
            f"{ctx.name}-alb-from-cloudfront",
            security_group_id=group.id,
            prefix_list_id=security.prefix_list_id(security.CLOUDFRONT_ORIGIN_FACING, ctx.parent),
            ip_protocol="tcp",
            from_port=port,
            to_port=port,
            description=f"{'HTTPS' if secure else 'HTTP'} from CloudFront origin-facing addresses only",
            opts=child,
        )
    else:
        for port, what in ((HTTPS, "HTTPS"), (HTTP, "HTTP, redirected to HTTPS")):
            aws.vpc.SecurityGroupIngressRule(
                f"{ctx.name}-alb-from-internet-{port}",
                security_group_id=group.id,
                cidr_ipv4="0.0.0.0/0",
                ip_protocol="tcp",
                from_port=port,
                to_port=port,
                description=f"{what} from the internet",
                opts=child,
            )
    aws.vpc.SecurityGroupEgressRule(
        f"{ctx.name}-alb-to-tasks",
        security_group_id=group.id,
        referenced_security_group_id=ctx.network.workload_security_group_id,
        ip_protocol="tcp",
        from_port=settings.port,
        to_port=settings.port,
        description="To the API tasks on their container port",
        opts=child,
    )
    aws.vpc.SecurityGroupIngressRule(
        f"{ctx.name}-tasks-from-alb",
        security_group_id=ctx.network.workload_security_group_id,
        referenced_security_group_id=group.id,
        ip_protocol="tcp",
        from_port=settings.port,
        to_port=settings.port,
        description="API tasks admit only the load balancer",
        opts=child,
    )
    return group
