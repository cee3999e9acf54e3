"""``paved:data``: PostgreSQL, DynamoDB tables, S3 buckets and the cache."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from components.catalog import AURORA_AUTO_PAUSE_FROM, CACHE_ENGINE_VERSIONS, CACHE_NODE_TYPES, RDS_INSTANCE_CLASSES
from components.config.base import Model, Name, one_of
from components.config.buckets import Bucket

DATABASE_IDENTIFIER_PATTERN = r"^[a-z][a-z0-9_]{0,62}$"


class Postgres(Model):
    """PostgreSQL in the isolated subnets: Aurora Serverless v2 or an RDS instance."""

    enabled: bool = Field(True, description="Whether the stack has a database.")
    engine: Literal["aurora-serverless", "instance"] = Field(
        "aurora-serverless", description="Aurora Serverless v2 (can pause when idle) or an RDS instance."
    )
    engine_version: Annotated[str, Field(pattern=r"^1[3-7](\.\d+)?$")] = Field(
        "16",
        description="The major version alone lets RDS apply minor upgrades without drift; a minor version pins it.",
    )
    database_name: Annotated[str, Field(pattern=DATABASE_IDENTIFIER_PATTERN)] = Field(
        "app", description="The database created in the server."
    )
    instance_class: Annotated[str, one_of(RDS_INSTANCE_CLASSES, "instance class")] = Field(
        "db.t4g.micro",
        description="The RDS instance class (engine `instance`); its family must be allowed by the stack's "
        "policy config.",
    )
    allocated_storage_gb: Annotated[int, Field(ge=20, le=65536)] = Field(
        20, description="Initial storage of an RDS instance, in GB."
    )
    max_allocated_storage_gb: Annotated[int, Field(ge=20, le=65536)] = Field(
        100, description="Storage autoscaling limit of an RDS instance, in GB."
    )
    min_capacity: Annotated[float, Field(ge=0, le=256)] = Field(
        0.0, description="Aurora capacity units at the least, in steps of 0.5; 0 lets the database pause."
    )
    max_capacity: Annotated[float, Field(ge=1, le=256)] = Field(
        2.0, description="Aurora capacity units at the most, in steps of 0.5."
    )
    seconds_until_auto_pause: Annotated[int, Field(ge=300, le=86400)] = Field(
        300, description="Idle time before Aurora pauses (with `minCapacity` 0)."
    )
    multi_az: bool = Field(
        False, description="A standby in a second AZ (with Aurora, a reader that takes over); required in prod."
    )
    backup_retention_days: Annotated[int, Field(ge=1, le=35)] = Field(
        7,
        description="Days of automated backups; at least the stack's policy config minimum "
        "(`backup-retention-minimum.minimumDays`).",
    )
    performance_insights: bool = Field(True, description="Performance Insights, encrypted with the stack key.")
    iam_user: Annotated[str, Field(pattern=DATABASE_IDENTIFIER_PATTERN)] = Field(
        "app", description="The database user the application connects as, with IAM authentication (no password)."
    )

    @model_validator(mode="after")
    def _capacity_and_storage(self) -> Postgres:
        problems = [*self._capacity_problems(), *self._storage_problems(), *self._auto_pause_problems()]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def _capacity_problems(self) -> list[str]:
        problems: list[str] = []
        if self.min_capacity > self.max_capacity:
            problems.append(f"minCapacity {self.min_capacity} is greater than maxCapacity {self.max_capacity}")
        if self.min_capacity * 2 != int(self.min_capacity * 2) or self.max_capacity * 2 != int(self.max_capacity * 2):
            problems.append("minCapacity and maxCapacity are Aurora capacity units in steps of 0.5")
        return problems

    def _storage_problems(self) -> list[str]:
        if self.max_allocated_storage_gb >= self.allocated_storage_gb:
            return []
        return [
            f"maxAllocatedStorageGb {self.max_allocated_storage_gb} is below "
            f"allocatedStorageGb {self.allocated_storage_gb}"
        ]

    def _auto_pause_problems(self) -> list[str]:
        if self.engine != "aurora-serverless" or self.min_capacity != 0:
            return []
        major, _, minor = self.engine_version.partition(".")
        first = AURORA_AUTO_PAUSE_FROM[int(major)]
        if minor and int(minor) < first:
            return [
                f"engineVersion {self.engine_version} cannot pause at minCapacity 0 "
                f"(accepted: {major}.{first} or later, or the major version {major} alone)"
            ]
        return []


class KeyAttribute(Model):
    """A key attribute of a table or index."""

    name: Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_.-]{0,254}$")] = Field(description="Attribute name.")
    type: Literal["S", "N", "B"] = Field("S", description="String, number or binary.")


class SecondaryIndex(Model):
    """A global secondary index."""

    name: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]{3,255}$")] = Field(description="Index name.")
    partition_key: KeyAttribute = Field(description="The index's partition key.")
    sort_key: KeyAttribute | None = Field(None, description="The index's sort key.")
    projection: Literal["ALL", "KEYS_ONLY"] = Field("ALL", description="Which attributes the index copies.")


class Table(Model):
    """An on-demand DynamoDB table with point-in-time recovery, encrypted with the stack key."""

    name: Name = Field(description="The table's config name (the physical name is generated).")
    partition_key: KeyAttribute = Field(description="The partition key.")
    sort_key: KeyAttribute | None = Field(None, description="The sort key.")
    ttl_attribute: Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,254}$")] | None = Field(
        None, description="The attribute holding each item's expiry time (epoch seconds)."
    )
    global_secondary_indexes: tuple[SecondaryIndex, ...] = Field((), description="Global secondary indexes.")

    @model_validator(mode="after")
    def _attribute_types_agree(self) -> Table:
        problems: list[str] = []
        seen: dict[str, str] = {}
        keys = [self.partition_key, self.sort_key]
        for index in self.global_secondary_indexes:
            keys += [index.partition_key, index.sort_key]
        for key in keys:
            if key is not None and seen.setdefault(key.name, key.type) != key.type:
                problems.append(f"attribute {key.name!r} is declared as both {seen[key.name]} and {key.type}")
        index_names = [index.name for index in self.global_secondary_indexes]
        if len(set(index_names)) != len(index_names):
            problems.append(f"globalSecondaryIndexes names repeat: {index_names}")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class Cache(Model):
    """An ElastiCache Valkey or Redis replication group in the private subnets."""

    enabled: bool = Field(False, description="Whether the stack has a cache.")
    engine: Literal["valkey", "redis"] = Field("valkey", description="The cache engine.")
    engine_version: Annotated[str, Field(pattern=r"^\d+\.\d+$")] = Field(
        "8.0", description="The engine version; each accepted version supports TLS with an AUTH token."
    )
    node_type: Annotated[str, one_of(CACHE_NODE_TYPES, "node type")] = Field(
        "cache.t4g.micro",
        description="The node type; its family must be allowed by the stack's policy config.",
    )
    replicas: Annotated[int, Field(ge=0, le=5)] = Field(
        1, description="Read replicas; one or more gives Multi-AZ failover (required in prod)."
    )
    snapshot_retention_days: Annotated[int, Field(ge=0, le=35)] = Field(
        1,
        description="Days of automatic snapshots; at least the stack's policy config minimum "
        "(`backup-retention-minimum.minimumDays`).",
    )

    @model_validator(mode="after")
    def _known_engine_version(self) -> Cache:
        accepted = CACHE_ENGINE_VERSIONS[self.engine]
        if self.engine_version not in accepted:
            raise ValueError(
                f"engineVersion {self.engine_version!r} is not a {self.engine} version paved accepts "
                f"(accepted: {', '.join(accepted)})"
            )
        return self


class Data(Model):
    """The stack's stateful services."""

    postgres: Postgres = Field(Postgres(), description="PostgreSQL.")
    tables: tuple[Table, ...] = Field((), description="DynamoDB tables.")
    buckets: tuple[Bucket, ...] = Field(
        (), description="S3 buckets; any bucket needs one with purpose `logs` for the server access logs."
    )
    cache: Cache = Field(Cache(), description="The cache (off by default).")

    @model_validator(mode="after")
    def _names_unique_and_logs_present(self) -> Data:
        problems: list[str] = []
        for kind, names in (
            ("tables", [t.name for t in self.tables]),
            ("buckets", [b.name for b in self.buckets]),
        ):
            if len(set(names)) != len(names):
                problems.append(f"{kind} names repeat: {names}")
        log_buckets = [b.name for b in self.buckets if b.purpose == "logs"]
        if len(log_buckets) > 1:
            problems.append(f"at most one bucket may have purpose 'logs' (found {log_buckets})")
        if self.buckets and not log_buckets:
            problems.append("buckets need a bucket with purpose 'logs' to receive their server access logs")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def bucket(self, purpose: str) -> Bucket | None:
        """The first configured bucket with this purpose, if any."""
        return next((b for b in self.buckets if b.purpose == purpose), None)
