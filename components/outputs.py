"""What each tier hands the tiers built after it: one typed object per tier.

These are the contracts between tiers. ``__main__.py`` builds the tiers in dependency order
(encryption → network → auth → data → compute → cdn → mail → observability) and passes these
objects along; a tier never reaches into another tier's resources.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pulumi


@dataclass(frozen=True)
class NetworkOutputs:
    vpc_id: pulumi.Output[str]
    public_subnet_ids: pulumi.Output[Sequence[str]]
    private_subnet_ids: pulumi.Output[Sequence[str]]
    isolated_subnet_ids: pulumi.Output[Sequence[str]]
    workload_security_group_id: pulumi.Output[str]
    """The security group compute functions and tasks run in; data tiers admit it."""
    vpc_cidr: str
    availability_zones: Sequence[str]
    nat_strategy: str


@dataclass(frozen=True)
class AuthOutputs:
    user_pool_id: pulumi.Output[str]
    user_pool_arn: pulumi.Output[str]
    issuer_url: pulumi.Output[str]
    """``https://cognito-idp.<region>.amazonaws.com/<pool id>``: the JWT authorizer's issuer."""
    client_id: pulumi.Output[str]
    """The SPA app client: the JWT authorizer's audience."""
    domain: pulumi.Output[str]
    """The hosted UI domain (``<prefix>.auth.<region>.amazoncognito.com``)."""


@dataclass(frozen=True)
class DatabaseOutputs:
    engine: str
    """``aurora-serverless`` or ``instance``."""
    host: pulumi.Output[str]
    port: pulumi.Output[int]
    database_name: str
    iam_user: str
    """The database user the app connects as with IAM authentication."""
    resource_id: pulumi.Output[str]
    """DbiResourceId (instance) or cluster resource id: the ``rds-db:connect`` ARN needs it."""
    master_secret_arn: pulumi.Output[str]
    """The RDS-managed master password's secret (for migrations, never for the app)."""
    security_group_id: pulumi.Output[str]
    identifier: pulumi.Output[str]
    """Instance or cluster identifier, for alarms."""


@dataclass(frozen=True)
class TableOutputs:
    name: pulumi.Output[str]
    arn: pulumi.Output[str]


@dataclass(frozen=True)
class BucketOutputs:
    purpose: str
    name: pulumi.Output[str]
    arn: pulumi.Output[str]
    regional_domain_name: pulumi.Output[str]


@dataclass(frozen=True)
class CacheOutputs:
    host: pulumi.Output[str]
    port: pulumi.Output[int]
    auth_secret_arn: pulumi.Output[str]
    security_group_id: pulumi.Output[str]
    replication_group_id: pulumi.Output[str]


@dataclass(frozen=True)
class DataOutputs:
    key_arn: pulumi.Output[str]
    database: DatabaseOutputs | None
    tables: Mapping[str, TableOutputs] = field(default_factory=dict)
    """By the table's config name."""
    buckets: Mapping[str, BucketOutputs] = field(default_factory=dict)
    """By the bucket's config name."""
    cache: CacheOutputs | None = None

    def bucket(self, purpose: str) -> BucketOutputs | None:
        return next((b for b in self.buckets.values() if b.purpose == purpose), None)


@dataclass(frozen=True)
class ComputeOutputs:
    mode: str
    """``serverless`` or ``container``."""
    api_origin_domain: pulumi.Output[str]
    """Host name CloudFront forwards ``/api/*`` to (HTTP API endpoint host or ALB DNS name)."""
    api_origin_protocol: str
    """``https-only``, or ``http-only`` for a certificate-less ALB behind CloudFront (dev only)."""
    api_url: pulumi.Output[str]
    role_arns: Sequence[pulumi.Output[str]]
    """Every role the tier's functions and tasks run as (the budget action can deny them)."""
    log_group_names: Sequence[pulumi.Output[str]]
    function_names: Sequence[pulumi.Output[str]] = ()
    http_api_id: pulumi.Output[str] | None = None
    http_api_stage: str | None = None
    load_balancer_arn_suffix: pulumi.Output[str] | None = None
    target_group_arn_suffix: pulumi.Output[str] | None = None
    cluster_name: pulumi.Output[str] | None = None
    service_name: pulumi.Output[str] | None = None


@dataclass(frozen=True)
class CdnOutputs:
    distribution_id: pulumi.Output[str]
    distribution_arn: pulumi.Output[str]
    domain_name: pulumi.Output[str]
    """The distribution's own ``*.cloudfront.net`` host name."""
    hosted_zone_id: pulumi.Output[str]
    """CloudFront's Route 53 zone id, for alias records."""
    url: pulumi.Output[str]
    """``https://`` and the custom domain when one is configured, else the CloudFront host name."""
    web_acl_arn: pulumi.Output[str] | None = None
    """The WAF web ACL in front of the distribution (prod), if any."""
    edge_key_arn: pulumi.Output[str] | None = None
    """A KMS key in us-east-1, made for a stack in another region (CloudFront's WAF logs and alarm topic)."""
