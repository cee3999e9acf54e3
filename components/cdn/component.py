"""The cdn tier: a CloudFront distribution serving the assets bucket through Origin Access Control
and the API on ``/api/*``, with security headers, access logs, an optional custom domain and (prod)
a WAF web ACL."""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components.account import AwsAccount
from components.bucket_policy import Statement, bucket_policy_document, objects_arn
from components.cdn.access_logs import access_logs
from components.cdn.behaviors import (
    ALL_METHODS,
    ALL_VIEWER_EXCEPT_HOST_HEADER,
    API_ORIGIN,
    API_PATH,
    ASSETS_ORIGIN,
    CACHED_METHODS,
    CACHING_DISABLED,
    CACHING_OPTIMIZED,
    READ_METHODS,
    security_headers_policy,
    spa_fallback_function,
)
from components.cdn.domain import alias_records, validated_certificate, viewer_certificate
from components.cdn.edge_key import edge_key
from components.cdn.waf import web_acl
from components.config.cdn import Cdn as CdnSettings
from components.outputs import BucketOutputs, CdnOutputs, ComputeOutputs, DataOutputs
from components.provider import EDGE_REGION


@dataclass(frozen=True, kw_only=True)
class CdnArgs:
    settings: CdnSettings
    account: AwsAccount
    data: DataOutputs
    """The data tier: the assets bucket is served at ``/`` (this tier writes its bucket policy) and
    standard logging v2 writes to the logs bucket, under ``cloudfront/``."""
    api: ComputeOutputs | None
    """The compute tier, served at ``/api/*``; ``None`` for a static site."""
    edge_provider: pulumi.ProviderResource
    """A us-east-1 provider with the stack's default tags (the stack provider in a us-east-1 stack)."""
    key_arn: pulumi.Input[str]
    """The stack key; in a us-east-1 stack it also encrypts the WAF logs."""
    protect: bool = True
    """Prod: the assets bucket's policy stays with the retained bucket, and the us-east-1 key a stack
    in another region gets is protected."""
    key_deletion_window_days: int = 30
    """The deletion window of that us-east-1 key, as the stack key's."""

    def __post_init__(self) -> None:
        for purpose in ("assets", "logs"):
            if self.data.bucket(purpose) is None:
                raise ValueError(f"CdnArgs.data: the data tier has no bucket with purpose {purpose!r}")
        if self.api is not None and self.api.api_origin_protocol not in ("https-only", "http-only"):
            raise ValueError(
                f"CdnArgs.api: origin protocol {self.api.api_origin_protocol!r} is not accepted "
                "(accepted: https-only, http-only)"
            )


class Cdn(pulumi.ComponentResource):
    """CloudFront in front of the app: static assets, the API, TLS, headers, logs, WAF."""

    outputs: CdnOutputs

    def __init__(self, name: str, args: CdnArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("paved:cdn:Cdn", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        edge = child.merge(pulumi.ResourceOptions(provider=args.edge_provider))
        settings = args.settings
        assets, logs = _bucket(args.data, "assets"), _bucket(args.data, "logs")

        edge_key_arn: pulumi.Output[str] | None = None
        if args.account.region != EDGE_REGION:
            edge_key_arn = edge_key(
                f"{name}-edge-key",
                account=args.account,
                deletion_window_days=args.key_deletion_window_days,
                protect=args.protect,
                opts=edge,
            ).arn
        acl = (
            web_acl(
                f"{name}-waf",
                settings=settings.waf,
                account=args.account,
                key_arn=edge_key_arn or args.key_arn,
                opts=edge,
            )
            if settings.waf.enabled
            else None
        )
        certificate_arn = (
            validated_certificate(name, settings.domain, edge_opts=edge, dns_opts=child)
            if settings.domain is not None
            else None
        )
        distribution = self._distribution(
            name, args=args, assets=assets, acl=acl, certificate_arn=certificate_arn, child=child
        )
        aws.s3.BucketPolicy(
            f"{name}-assets-policy",
            bucket=assets.name,
            policy=bucket_policy_document(assets.arn, read_through_oac(assets.arn, distribution.arn)),
            opts=child.merge(pulumi.ResourceOptions(retain_on_delete=args.protect)),
        )
        if settings.domain is not None:
            alias_records(
                name,
                settings.domain,
                target_domain=distribution.domain_name,
                target_zone_id=distribution.hosted_zone_id,
                opts=child,
            )
        access_logs(f"{name}-access-logs", distribution_arn=distribution.arn, logs_bucket_arn=logs.arn, opts=edge)

        host = settings.domain.name if settings.domain is not None else distribution.domain_name
        self.outputs = CdnOutputs(
            distribution_id=distribution.id,
            distribution_arn=distribution.arn,
            domain_name=distribution.domain_name,
            hosted_zone_id=distribution.hosted_zone_id,
            url=pulumi.Output.concat("https://", host),
            web_acl_arn=acl.arn if acl is not None else None,
            edge_key_arn=edge_key_arn,
        )
        self.register_outputs(
            {
                "distributionId": self.outputs.distribution_id,
                "domainName": self.outputs.domain_name,
                "url": self.outputs.url,
            }
        )

    def _distribution(
        self,
        name: str,
        *,
        args: CdnArgs,
        assets: BucketOutputs,
        acl: aws.wafv2.WebAcl | None,
        certificate_arn: pulumi.Output[str] | None,
        child: pulumi.ResourceOptions,
    ) -> aws.cloudfront.Distribution:
        settings = args.settings
        oac = aws.cloudfront.OriginAccessControl(
            f"{name}-oac",
            description=f"paved {pulumi.get_stack()}: CloudFront signs its requests to the assets bucket",
            origin_access_control_origin_type="s3",
            signing_behavior="always",
            signing_protocol="sigv4",
            opts=child,
        )
        headers = security_headers_policy(f"{name}-security-headers", child)
        functions = []
        if settings.spa_fallback:
            fallback = spa_fallback_function(f"{name}-spa-fallback", settings.default_root_object, child)
            functions = [
                aws.cloudfront.DistributionDefaultCacheBehaviorFunctionAssociationArgs(
                    event_type="viewer-request", function_arn=fallback.arn
                )
            ]
        origins = [
            aws.cloudfront.DistributionOriginArgs(
                origin_id=ASSETS_ORIGIN,
                domain_name=assets.regional_domain_name,
                origin_access_control_id=oac.id,
            )
        ]
        api_behaviors = []
        if args.api is not None:
            origins.append(api_origin(args.api))
            api_behaviors.append(
                aws.cloudfront.DistributionOrderedCacheBehaviorArgs(
                    path_pattern=API_PATH,
                    target_origin_id=API_ORIGIN,
                    viewer_protocol_policy="https-only",
                    allowed_methods=ALL_METHODS,
                    cached_methods=CACHED_METHODS,
                    cache_policy_id=CACHING_DISABLED,
                    origin_request_policy_id=ALL_VIEWER_EXCEPT_HOST_HEADER,
                    response_headers_policy_id=headers.id,
                    compress=True,
                )
            )
        return aws.cloudfront.Distribution(
            f"{name}-distribution",
            comment=f"paved {pulumi.get_stack()}",
            enabled=True,
            is_ipv6_enabled=True,
            http_version="http2and3",
            price_class=settings.price_class,
            default_root_object=settings.default_root_object,
            aliases=[settings.domain.name] if settings.domain is not None else None,
            origins=origins,
            default_cache_behavior=aws.cloudfront.DistributionDefaultCacheBehaviorArgs(
                target_origin_id=ASSETS_ORIGIN,
                viewer_protocol_policy="redirect-to-https",
                allowed_methods=READ_METHODS,
                cached_methods=CACHED_METHODS,
                cache_policy_id=CACHING_OPTIMIZED,
                response_headers_policy_id=headers.id,
                compress=True,
                function_associations=functions or None,
            ),
            ordered_cache_behaviors=api_behaviors or None,
            restrictions=aws.cloudfront.DistributionRestrictionsArgs(
                geo_restriction=aws.cloudfront.DistributionRestrictionsGeoRestrictionArgs(restriction_type="none")
            ),
            viewer_certificate=viewer_certificate(certificate_arn),
            web_acl_id=acl.arn if acl is not None else None,
            opts=child,
        )


def api_origin(api: ComputeOutputs) -> aws.cloudfront.DistributionOriginArgs:
    """The HTTP API or load balancer, over TLS 1.2 unless the compute tier serves plain HTTP (dev)."""
    return aws.cloudfront.DistributionOriginArgs(
        origin_id=API_ORIGIN,
        domain_name=api.api_origin_domain,
        custom_origin_config=aws.cloudfront.DistributionOriginCustomOriginConfigArgs(
            origin_protocol_policy=api.api_origin_protocol,
            origin_ssl_protocols=["TLSv1.2"],
            http_port=80,
            https_port=443,
        ),
    )


def read_through_oac(bucket_arn: pulumi.Input[str], distribution_arn: pulumi.Input[str]) -> Statement:
    """The assets bucket's one grant: objects may be read by this distribution, through OAC, only."""
    return {
        "Sid": "CloudFrontReadsThroughOriginAccessControl",
        "Effect": "Allow",
        "Principal": {"Service": "cloudfront.amazonaws.com"},
        "Action": "s3:GetObject",
        "Resource": objects_arn(bucket_arn),
        "Condition": {"StringEquals": {"aws:SourceArn": distribution_arn}},
    }


def _bucket(data: DataOutputs, purpose: str) -> BucketOutputs:
    bucket = data.bucket(purpose)
    if bucket is None:  # CdnArgs checks this; kept for the type checker
        raise ValueError(f"the data tier has no bucket with purpose {purpose!r}")
    return bucket
