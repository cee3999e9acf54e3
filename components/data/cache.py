"""Valkey or Redis: an ElastiCache replication group, encrypted at rest and in transit, behind an AUTH token.

The AUTH token never appears in config, code or a plain input:

1. Secrets Manager generates it (``GetRandomPassword``, an AWS-side CSPRNG) on each run.
2. It is written once into the auth secret through the *write-only* ``secretStringWo`` input: the
   provider never reads it back into state outputs, Pulumi keeps the input only as an encrypted
   secret, and later runs' fresh values are ignored until ``AUTH_TOKEN_VERSION`` is raised —
   that is how the token is rotated.
3. The replication group reads the token back from the secret (``GetSecretValue`` on the version
   just written), so the secret is the single source of truth: if the replication group is ever
   replaced, it is created with the token the app already reads. Its ``authToken`` input is a
   Pulumi secret, encrypted in state.
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components.config.data import Cache as CacheSettings
from components.data.access import server_security_group
from components.data.naming import stack_final_snapshot
from components.outputs import CacheOutputs, NetworkOutputs

PORT = 6379
AUTH_TOKEN_LENGTH = 64
"""ElastiCache accepts 16 to 128 printable characters."""
AUTH_TOKEN_VERSION = 1
"""Raise to rotate the token: a new one is written to the secret, then to the replication group."""
SNAPSHOT_WINDOW = "03:00-04:00"
MAINTENANCE_WINDOW = "sun:05:00-sun:06:00"


@dataclass(frozen=True, kw_only=True)
class CacheInputs:
    """What the cache part needs from the tier."""

    settings: CacheSettings
    network: NetworkOutputs
    key_arn: pulumi.Input[str]
    protect: bool


def build_cache(name: str, inputs: CacheInputs, child: pulumi.ResourceOptions) -> CacheOutputs:
    """The auth secret, subnet group, security group and replication group; what compute needs."""
    invoke = pulumi.InvokeOutputOptions(parent=child.parent)
    settings = inputs.settings
    secret = aws.secretsmanager.Secret(
        f"{name}-cache-auth",
        description="paved data tier: AUTH token of the cache (generated, never in config)",
        kms_key_id=inputs.key_arn,
        recovery_window_in_days=30 if inputs.protect else 7,
        opts=child,
    )
    generated = aws.secretsmanager.get_random_password_output(
        password_length=AUTH_TOKEN_LENGTH,
        exclude_punctuation=True,
        opts=invoke,
    )
    version = aws.secretsmanager.SecretVersion(
        f"{name}-cache-auth-value",
        secret_id=secret.id,
        secret_string_wo=pulumi.Output.secret(generated.random_password),
        secret_string_wo_version=AUTH_TOKEN_VERSION,
        opts=child,
    )
    stored = aws.secretsmanager.get_secret_version_output(
        secret_id=secret.id,
        version_id=version.version_id,
        opts=invoke,
    )
    subnets = aws.elasticache.SubnetGroup(
        f"{name}-cache-subnets",
        description="paved data tier: cache in the private subnets",
        subnet_ids=inputs.network.private_subnet_ids,
        opts=child,
    )
    group = server_security_group(
        f"{name}-cache-sg",
        description=f"paved data tier: {settings.engine} cache",
        port=PORT,
        network=inputs.network,
        opts=child,
    )
    failover = settings.replicas >= 1
    replication_group = aws.elasticache.ReplicationGroup(
        f"{name}-cache",
        description=f"paved data tier: {settings.engine} cache",
        engine=settings.engine,
        engine_version=settings.engine_version,
        node_type=settings.node_type,
        num_cache_clusters=1 + settings.replicas,
        automatic_failover_enabled=failover,
        multi_az_enabled=failover,
        port=PORT,
        subnet_group_name=subnets.name,
        security_group_ids=[group.id],
        at_rest_encryption_enabled=True,
        kms_key_id=inputs.key_arn,
        transit_encryption_enabled=True,
        transit_encryption_mode="required",
        auth_token=pulumi.Output.secret(stored.secret_string),
        auth_token_update_strategy="ROTATE",
        auto_minor_version_upgrade=True,
        snapshot_retention_limit=settings.snapshot_retention_days,
        snapshot_window=SNAPSHOT_WINDOW,
        maintenance_window=MAINTENANCE_WINDOW,
        apply_immediately=not inputs.protect,
        final_snapshot_identifier=stack_final_snapshot(f"{name}-cache") if inputs.protect else None,
        opts=child.merge(pulumi.ResourceOptions(protect=inputs.protect)),
    )
    return CacheOutputs(
        host=replication_group.primary_endpoint_address,
        port=replication_group.port.apply(lambda port: port or PORT),
        auth_secret_arn=secret.arn,
        security_group_id=group.id,
        replication_group_id=replication_group.id,
    )
