"""PostgreSQL: an RDS instance or an Aurora Serverless v2 cluster, private, encrypted, IAM-authenticated.

Both engines share the same guarantees: isolated subnets only, never publicly accessible, a
security group admitting 5432 only from the workload group, storage and Performance Insights
encrypted with the stack key, SSL forced by the parameter group, an RDS-managed master password
in Secrets Manager (encrypted with the stack key), IAM database authentication for the app,
automated backups, automatic minor version upgrades, tags copied to snapshots. Protected stacks
add deletion protection, a final snapshot, retained automated backups and Pulumi ``protect``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import pulumi
import pulumi_aws as aws

from components.config.data import Postgres as PostgresSettings
from components.data.access import server_security_group
from components.data.naming import stack_final_snapshot
from components.outputs import DatabaseOutputs, NetworkOutputs

DATABASE_MASTER_USER = "paved_admin"
"""The RDS master user; its password is RDS-managed in Secrets Manager (migrations only)."""
PORT = 5432
BACKUP_WINDOW = "03:00-04:00"
"""UTC; before the maintenance window, never overlapping it."""
MAINTENANCE_WINDOW = "sun:04:30-sun:05:30"
PERFORMANCE_INSIGHTS_RETENTION_DAYS = 7
"""The free retention period."""
SERVERLESS_INSTANCE_CLASS = "db.serverless"
FORCE_SSL = {"name": "rds.force_ssl", "value": "1"}


@dataclass(frozen=True, kw_only=True)
class PostgresInputs:
    """What the PostgreSQL part needs from the tier."""

    settings: PostgresSettings
    network: NetworkOutputs
    key_arn: pulumi.Input[str]
    protect: bool


def parameter_group_family(engine: str, engine_version: str) -> str:
    """``postgres16`` for an RDS instance, ``aurora-postgresql16`` for Aurora, from any 16.x version."""
    major = engine_version.partition(".")[0]
    return f"aurora-postgresql{major}" if engine == "aurora-serverless" else f"postgres{major}"


class _ManagedSecret(Protocol):
    @property
    def secret_arn(self) -> str | None: ...


def master_secret_arn(secrets: Sequence[_ManagedSecret]) -> str:
    """The ARN of the RDS-managed master password's secret (RDS returns exactly one)."""
    arn = secrets[0].secret_arn if secrets else None
    if not arn:
        raise pulumi.RunError("RDS returned no managed master user secret; manage_master_user_password must be true")
    return arn


def build_postgres(name: str, inputs: PostgresInputs, child: pulumi.ResourceOptions) -> DatabaseOutputs:
    """The database, its subnet group, parameter group and security group; what compute needs."""
    settings = inputs.settings
    subnets = aws.rds.SubnetGroup(
        f"{name}-db-subnets",
        description="paved data tier: PostgreSQL in the isolated subnets",
        subnet_ids=inputs.network.isolated_subnet_ids,
        opts=child,
    )
    group = server_security_group(
        f"{name}-db-sg",
        description="paved data tier: PostgreSQL",
        port=PORT,
        network=inputs.network,
        opts=child,
    )
    family = parameter_group_family(settings.engine, settings.engine_version)
    if settings.engine == "aurora-serverless":
        return _aurora(name, inputs, family=family, subnets=subnets, group=group, child=child)
    return _instance(name, inputs, family=family, subnets=subnets, group=group, child=child)


@dataclass(frozen=True)
class Retention:
    """What happens to a database's data when the database is deleted."""

    deletion_protection: bool
    skip_final_snapshot: bool
    final_snapshot_identifier: str | None
    delete_automated_backups: bool

    @staticmethod
    def for_database(name: str, protect: bool) -> Retention:
        """Protected: deletion protection, a final snapshot, automated backups kept. Otherwise none."""
        if not protect:
            return Retention(False, True, None, True)
        identifier = stack_final_snapshot(name)
        return Retention(True, False, identifier, False)


def _instance(
    name: str,
    inputs: PostgresInputs,
    *,
    family: str,
    subnets: aws.rds.SubnetGroup,
    group: aws.ec2.SecurityGroup,
    child: pulumi.ResourceOptions,
) -> DatabaseOutputs:
    settings = inputs.settings
    parameters = aws.rds.ParameterGroup(
        f"{name}-db-params",
        family=family,
        description="paved data tier: PostgreSQL with SSL forced",
        parameters=[aws.rds.ParameterGroupParameterArgs(**FORCE_SSL)],
        opts=child,
    )
    insights = settings.performance_insights
    retention = Retention.for_database(f"{name}-db", inputs.protect)
    db = aws.rds.Instance(
        f"{name}-db",
        engine="postgres",
        engine_version=settings.engine_version,
        instance_class=settings.instance_class,
        allocated_storage=settings.allocated_storage_gb,
        max_allocated_storage=settings.max_allocated_storage_gb,
        storage_type="gp3",
        storage_encrypted=True,
        kms_key_id=inputs.key_arn,
        db_name=settings.database_name,
        username=DATABASE_MASTER_USER,
        manage_master_user_password=True,
        master_user_secret_kms_key_id=inputs.key_arn,
        iam_database_authentication_enabled=True,
        db_subnet_group_name=subnets.name,
        vpc_security_group_ids=[group.id],
        publicly_accessible=False,
        port=PORT,
        parameter_group_name=parameters.name,
        multi_az=settings.multi_az,
        backup_retention_period=settings.backup_retention_days,
        backup_window=BACKUP_WINDOW,
        maintenance_window=MAINTENANCE_WINDOW,
        copy_tags_to_snapshot=True,
        auto_minor_version_upgrade=True,
        allow_major_version_upgrade=False,
        apply_immediately=not inputs.protect,
        performance_insights_enabled=insights,
        performance_insights_kms_key_id=inputs.key_arn if insights else None,
        performance_insights_retention_period=PERFORMANCE_INSIGHTS_RETENTION_DAYS if insights else None,
        deletion_protection=retention.deletion_protection,
        skip_final_snapshot=retention.skip_final_snapshot,
        final_snapshot_identifier=retention.final_snapshot_identifier,
        delete_automated_backups=retention.delete_automated_backups,
        opts=child.merge(pulumi.ResourceOptions(protect=inputs.protect)),
    )
    return DatabaseOutputs(
        engine=settings.engine,
        host=db.address,
        port=db.port,
        database_name=settings.database_name,
        iam_user=settings.iam_user,
        resource_id=db.resource_id,
        master_secret_arn=db.master_user_secrets.apply(master_secret_arn),
        security_group_id=group.id,
        identifier=db.identifier,
    )


def _aurora(
    name: str,
    inputs: PostgresInputs,
    *,
    family: str,
    subnets: aws.rds.SubnetGroup,
    group: aws.ec2.SecurityGroup,
    child: pulumi.ResourceOptions,
) -> DatabaseOutputs:
    settings = inputs.settings
    parameters = aws.rds.ClusterParameterGroup(
        f"{name}-db-params",
        family=family,
        description="paved data tier: Aurora PostgreSQL with SSL forced",
        parameters=[aws.rds.ClusterParameterGroupParameterArgs(**FORCE_SSL)],
        opts=child,
    )
    pauses = settings.min_capacity == 0
    retention = Retention.for_database(f"{name}-db", inputs.protect)
    cluster = aws.rds.Cluster(
        f"{name}-db",
        engine=aws.rds.EngineType.AURORA_POSTGRESQL,
        engine_mode=aws.rds.EngineMode.PROVISIONED,
        engine_version=settings.engine_version,
        database_name=settings.database_name,
        master_username=DATABASE_MASTER_USER,
        manage_master_user_password=True,
        master_user_secret_kms_key_id=inputs.key_arn,
        storage_encrypted=True,
        kms_key_id=inputs.key_arn,
        iam_database_authentication_enabled=True,
        db_subnet_group_name=subnets.name,
        vpc_security_group_ids=[group.id],
        port=PORT,
        db_cluster_parameter_group_name=parameters.name,
        serverlessv2_scaling_configuration=aws.rds.ClusterServerlessv2ScalingConfigurationArgs(
            min_capacity=settings.min_capacity,
            max_capacity=settings.max_capacity,
            seconds_until_auto_pause=settings.seconds_until_auto_pause if pauses else None,
        ),
        backup_retention_period=settings.backup_retention_days,
        preferred_backup_window=BACKUP_WINDOW,
        preferred_maintenance_window=MAINTENANCE_WINDOW,
        copy_tags_to_snapshot=True,
        auto_minor_version_upgrade=True,
        allow_major_version_upgrade=False,
        apply_immediately=not inputs.protect,
        deletion_protection=retention.deletion_protection,
        skip_final_snapshot=retention.skip_final_snapshot,
        final_snapshot_identifier=retention.final_snapshot_identifier,
        delete_automated_backups=retention.delete_automated_backups,
        opts=child.merge(pulumi.ResourceOptions(protect=inputs.protect)),
    )
    insights = settings.performance_insights
    roles = ("writer", "reader") if settings.multi_az else ("writer",)
    zones = inputs.network.availability_zones
    for tier, role in enumerate(roles):
        aws.rds.ClusterInstance(
            f"{name}-db-{role}",
            cluster_identifier=cluster.id,
            availability_zone=zones[tier] if settings.multi_az else None,
            engine=aws.rds.EngineType.AURORA_POSTGRESQL,
            instance_class=SERVERLESS_INSTANCE_CLASS,
            db_subnet_group_name=subnets.name,
            publicly_accessible=False,
            promotion_tier=tier,
            copy_tags_to_snapshot=True,
            auto_minor_version_upgrade=True,
            performance_insights_enabled=insights,
            performance_insights_kms_key_id=inputs.key_arn if insights else None,
            performance_insights_retention_period=PERFORMANCE_INSIGHTS_RETENTION_DAYS if insights else None,
            opts=child,
        )
    return DatabaseOutputs(
        engine=settings.engine,
        host=cluster.endpoint,
        port=cluster.port,
        database_name=settings.database_name,
        iam_user=settings.iam_user,
        resource_id=cluster.cluster_resource_id,
        master_secret_arn=cluster.master_user_secrets.apply(master_secret_arn),
        security_group_id=group.id,
        identifier=cluster.cluster_identifier,
    )
