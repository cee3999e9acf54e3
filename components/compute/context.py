"""What every part of the compute tier reads: the settings and the other tiers' outputs, resolved once."""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components.account import AwsAccount
from components.compute import iam
from components.config.compute import Compute as ComputeSettings
from components.outputs import (
    BucketOutputs,
    CacheOutputs,
    DatabaseOutputs,
    DataOutputs,
    NetworkOutputs,
    TableOutputs,
)


@dataclass(frozen=True)
class JwtIssuer:
    """Whose tokens the API accepts: the auth tier's user pool, or ``compute.jwt`` when auth is off."""

    issuer: pulumi.Input[str]
    audiences: pulumi.Input[list[str]]


@dataclass(frozen=True)
class Context:
    name: str
    parent: pulumi.Resource
    settings: ComputeSettings
    account: AwsAccount
    key_arn: pulumi.Input[str]
    network: NetworkOutputs
    data: DataOutputs
    jwt: JwtIssuer
    protect: bool
    behind_cdn: bool
    provider: pulumi.ProviderResource
    """The stack's AWS provider, passed on explicitly to awsx components."""

    @property
    def child(self) -> pulumi.ResourceOptions:
        return pulumi.ResourceOptions(parent=self.parent)

    @property
    def region(self) -> str:
        return self.account.region

    @property
    def table(self) -> TableOutputs | None:
        return self.data.tables.get(self.settings.items_table_name())

    @property
    def uploads(self) -> BucketOutputs | None:
        return self.data.bucket("uploads")

    @property
    def logs(self) -> BucketOutputs | None:
        return self.data.bucket("logs")

    @property
    def database(self) -> DatabaseOutputs | None:
        return self.data.database

    @property
    def cache(self) -> CacheOutputs | None:
        return self.data.cache

    @property
    def in_vpc(self) -> bool:
        """Functions join the VPC only to reach the database or the cache."""
        return self.database is not None or self.cache is not None

    def db_user_arn(self) -> pulumi.Output[str] | None:
        """``rds-db:connect`` ARN of the app's database user (IAM authentication)."""
        database = self.database
        if database is None:
            return None
        resource = pulumi.Output.concat("dbuser:", database.resource_id, "/", database.iam_user)
        return iam.arn(self.account, "rds-db", resource)

    def app_access(self, *, read_cache_secret: bool) -> iam.AppAccess:
        return iam.AppAccess(
            account=self.account,
            key_arn=self.key_arn,
            table_arn=self.table.arn if self.table else None,
            uploads_bucket_arn=self.uploads.arn if self.uploads else None,
            db_user_arn=self.db_user_arn(),
            cache_secret_arn=self.cache.auth_secret_arn if self.cache else None,
            read_cache_secret=read_cache_secret,
        )

    def log_group(self, role: str, retention_days: int) -> aws.cloudwatch.LogGroup:
        """A log group encrypted with the stack key, expiring after ``retention_days``."""
        return aws.cloudwatch.LogGroup(
            f"{self.name}-{role}", retention_in_days=retention_days, kms_key_id=self.key_arn, opts=self.child
        )
