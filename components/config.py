"""The typed model of one stack's configuration.

Every ``paved:<section>`` key of a stack file maps to one model below. Defaults are the secure
values; sizes are explicit; unknown keys are errors. ``load_stack_config`` (in
``components.config_loader``) turns raw Pulumi config into a ``StackConfig`` or raises a
``ConfigError`` naming the key, the bad value and what is accepted.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic.alias_generators import to_camel

from components.catalog import (
    AWS_REGIONS,
    CACHE_NODE_TYPES,
    FARGATE_CPU_MEMORY,
    RDS_INSTANCE_CLASSES,
)

LogRetentionDays = Literal[
    1,
    3,
    5,
    7,
    14,
    30,
    60,
    90,
    120,
    150,
    180,
    365,
    400,
    545,
    731,
    1096,
    1827,
    2192,
    2557,
    2922,
    3288,
    3653,
]
"""The retention periods CloudWatch Logs accepts (never "forever": every log group expires)."""

_NAME = r"^[a-z][a-z0-9-]{0,30}[a-z0-9]$"
_TAG_VALUE = r"^[A-Za-z0-9_ .:/=+\-@]+$"
_DOMAIN = r"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"
_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

Name = Annotated[str, Field(pattern=_NAME)]
Email = Annotated[str, Field(pattern=_EMAIL)]


class Model(BaseModel):
    """Base for every config section: camelCase keys, no unknown keys, immutable."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
    )


# --- tags and protection -------------------------------------------------------------------


class Tags(Model):
    """The standard tags every taggable resource carries (plus ``project``, from Pulumi.yaml)."""

    environment: Literal["dev", "test", "staging", "prod"]
    owner: Annotated[str, Field(pattern=_TAG_VALUE, max_length=256)]
    cost_center: Annotated[str, Field(pattern=_TAG_VALUE, max_length=256)]


class Protection(Model):
    """How stateful resources survive updates: ``protect``, retain-on-delete, deletion protection."""

    enabled: bool = True


# --- network -------------------------------------------------------------------------------


class FlowLogs(Model):
    retention_days: LogRetentionDays = 90
    traffic_type: Literal["ALL", "ACCEPT", "REJECT"] = "ALL"


class Network(Model):
    cidr: str = "10.0.0.0/16"
    availability_zones: Annotated[int, Field(ge=2, le=6)] = 3
    nat_strategy: Literal["none", "single", "per-az"] = "per-az"
    subnet_prefix_length: Annotated[int, Field(ge=20, le=28)] = 24
    flow_logs: FlowLogs = FlowLogs()

    @field_validator("cidr")
    @classmethod
    def _cidr_is_private_block(cls, value: str) -> str:
        try:
            network = ipaddress.IPv4Network(value, strict=True)
        except ValueError:
            raise ValueError(f"{value!r} is not an IPv4 CIDR block such as 10.0.0.0/16") from None
        if not network.is_private or not 16 <= network.prefixlen <= 24:
            raise ValueError(f"{value!r} must be a private (RFC 1918) block with a prefix length from /16 to /24")
        return value

    @model_validator(mode="after")
    def _subnets_fit(self) -> Network:
        vpc_prefix = int(self.cidr.split("/")[1])
        needed = 3 * self.availability_zones
        if 2 ** (self.subnet_prefix_length - vpc_prefix) < needed:
            raise ValueError(
                f"subnetPrefixLength /{self.subnet_prefix_length} leaves room for fewer than the "
                f"{needed} subnets (public, private, isolated × {self.availability_zones} AZs) "
                f"in {self.cidr}; use a longer prefix or a bigger VPC"
            )
        return self


# --- compute -------------------------------------------------------------------------------


class Throttle(Model):
    rate_limit: Annotated[int, Field(ge=1, le=10000)] = 50
    burst_limit: Annotated[int, Field(ge=1, le=5000)] = 100


class Jwt(Model):
    """Issuer and audience for the API's JWT authorizer, used until the auth tier provides them."""

    issuer: Annotated[str, Field(pattern=r"^https://\S+$")]
    audience: Annotated[tuple[str, ...], Field(min_length=1)]


class Serverless(Model):
    memory_mb: Annotated[int, Field(ge=128, le=10240)] = 512
    timeout_seconds: Annotated[int, Field(ge=1, le=29)] = 10
    reserved_concurrency: Annotated[int, Field(ge=1, le=1000)] = 10
    architecture: Literal["arm64", "x86_64"] = "arm64"
    log_retention_days: LogRetentionDays = 30
    throttle: Throttle = Throttle()


class LoadBalancerDomain(Model):
    """The host name the load balancer answers on: the certificate must cover it; paved aliases it to the ALB."""

    name: Annotated[str, Field(pattern=_DOMAIN, max_length=253)]
    hosted_zone_id: Annotated[str, Field(pattern=r"^Z[A-Z0-9]{1,31}$")]


class Container(Model):
    cpu: Literal[256, 512, 1024, 2048, 4096] = 512
    memory_mb: Annotated[int, Field(ge=512, le=30720)] = 1024
    architecture: Literal["arm64", "x86_64"] = "arm64"
    min_tasks: Annotated[int, Field(ge=1, le=100)] = 2
    max_tasks: Annotated[int, Field(ge=1, le=200)] = 6
    port: Annotated[int, Field(ge=1024, le=65535)] = 8080
    health_check_path: Annotated[str, Field(pattern=r"^/\S*$")] = "/health"
    image_uri: str | None = None
    certificate_arn: Annotated[str, Field(pattern=r"^arn:aws[\w-]*:acm:[\w-]+:\d{12}:certificate/[\w-]+$")] | None = (
        None
    )
    domain: LoadBalancerDomain | None = None
    """Required with ``certificateArn``: CloudFront and clients reach the HTTPS listener by this name."""
    cpu_target_percent: Annotated[int, Field(ge=10, le=90)] = 60
    requests_per_target: Annotated[int, Field(ge=10, le=100000)] = 1000
    log_retention_days: LogRetentionDays = 30

    @model_validator(mode="after")
    def _fargate_size_and_scaling(self) -> Container:
        allowed = FARGATE_CPU_MEMORY[self.cpu]
        if self.memory_mb not in allowed:
            raise ValueError(
                f"memoryMb {self.memory_mb} is not valid with cpu {self.cpu} on Fargate "
                f"(accepted: {', '.join(str(m) for m in allowed)})"
            )
        if self.min_tasks > self.max_tasks:
            raise ValueError(f"minTasks {self.min_tasks} is greater than maxTasks {self.max_tasks}")
        return self


class Compute(Model):
    mode: Literal["serverless", "container", "none"] = "serverless"
    serverless: Serverless = Serverless()
    container: Container = Container()
    jwt: Jwt | None = None
    items_table: Name | None = None
    """The data.tables entry the API keeps callers' items in (default: the table named ``items``, if any)."""

    def items_table_name(self) -> str:
        return self.items_table or "items"


# --- data ----------------------------------------------------------------------------------


DATABASE_MASTER_USER = "paved_admin"
"""The RDS master user; its password is RDS-managed in Secrets Manager (migrations only)."""

RESERVED_DATABASE_USERS = frozenset({DATABASE_MASTER_USER, "postgres", "rdsadmin", "rds_iam", "rdsrepladmin", "public"})
"""Names the application's IAM-authenticated user may not take."""

AURORA_AUTO_PAUSE_FROM: dict[int, int] = {13: 15, 14: 12, 15: 7, 16: 3, 17: 4}
"""Aurora PostgreSQL major → first minor version whose Serverless v2 scales to 0 ACUs (auto-pause)."""


class Postgres(Model):
    enabled: bool = True
    engine: Literal["aurora-serverless", "instance"] = "aurora-serverless"
    engine_version: Annotated[str, Field(pattern=r"^1[3-7](\.\d+)?$")] = "16"
    """The major version alone lets RDS apply minor upgrades without drift; a minor version pins it."""
    database_name: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,62}$")] = "app"
    instance_class: str = "db.t4g.micro"
    allocated_storage_gb: Annotated[int, Field(ge=20, le=65536)] = 20
    max_allocated_storage_gb: Annotated[int, Field(ge=20, le=65536)] = 100
    min_capacity: Annotated[float, Field(ge=0, le=256)] = 0.0
    max_capacity: Annotated[float, Field(ge=1, le=256)] = 2.0
    seconds_until_auto_pause: Annotated[int, Field(ge=300, le=86400)] = 300
    multi_az: bool = False
    backup_retention_days: Annotated[int, Field(ge=1, le=35)] = 7
    performance_insights: bool = True
    iam_user: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,62}$")] = "app"
    """The database user the application connects as, with IAM authentication (no password)."""

    @field_validator("instance_class")
    @classmethod
    def _known_instance_class(cls, value: str) -> str:
        if value not in RDS_INSTANCE_CLASSES:
            raise ValueError(f"{value!r} is not a known instance class ({', '.join(RDS_INSTANCE_CLASSES)})")
        return value

    @model_validator(mode="after")
    def _capacity_and_storage(self) -> Postgres:
        if self.min_capacity > self.max_capacity:
            raise ValueError(f"minCapacity {self.min_capacity} is greater than maxCapacity {self.max_capacity}")
        if self.min_capacity * 2 != int(self.min_capacity * 2) or self.max_capacity * 2 != int(self.max_capacity * 2):
            raise ValueError("minCapacity and maxCapacity are Aurora capacity units in steps of 0.5")
        if self.max_allocated_storage_gb < self.allocated_storage_gb:
            raise ValueError(
                f"maxAllocatedStorageGb {self.max_allocated_storage_gb} is below "
                f"allocatedStorageGb {self.allocated_storage_gb}"
            )
        if self.iam_user in RESERVED_DATABASE_USERS:
            raise ValueError(
                f"iamUser {self.iam_user!r} is reserved (not accepted: {', '.join(sorted(RESERVED_DATABASE_USERS))})"
            )
        if self.engine == "aurora-serverless" and self.min_capacity == 0:
            self._check_auto_pause_version()
        return self

    def _check_auto_pause_version(self) -> None:
        major, _, minor = self.engine_version.partition(".")
        first = AURORA_AUTO_PAUSE_FROM[int(major)]
        if minor and int(minor) < first:
            raise ValueError(
                f"engineVersion {self.engine_version} cannot pause at minCapacity 0 "
                f"(accepted: {major}.{first} or later, or the major version {major} alone)"
            )


class KeyAttribute(Model):
    name: Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_.-]{0,254}$")]
    type: Literal["S", "N", "B"] = "S"


class SecondaryIndex(Model):
    name: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]{3,255}$")]
    partition_key: KeyAttribute
    sort_key: KeyAttribute | None = None
    projection: Literal["ALL", "KEYS_ONLY"] = "ALL"


class Table(Model):
    name: Name
    partition_key: KeyAttribute
    sort_key: KeyAttribute | None = None
    ttl_attribute: Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,254}$")] | None = None
    global_secondary_indexes: tuple[SecondaryIndex, ...] = ()

    @model_validator(mode="after")
    def _attribute_types_agree(self) -> Table:
        seen: dict[str, str] = {}
        keys = [self.partition_key, self.sort_key]
        for index in self.global_secondary_indexes:
            keys += [index.partition_key, index.sort_key]
        for key in keys:
            if key is None:
                continue
            if seen.setdefault(key.name, key.type) != key.type:
                raise ValueError(f"attribute {key.name!r} is declared as both {seen[key.name]} and {key.type}")
        index_names = [index.name for index in self.global_secondary_indexes]
        if len(set(index_names)) != len(index_names):
            raise ValueError(f"globalSecondaryIndexes names repeat: {index_names}")
        return self


STORAGE_CLASS_WATERFALL: tuple[str, ...] = (
    "STANDARD_IA",
    "INTELLIGENT_TIERING",
    "ONEZONE_IA",
    "GLACIER_IR",
    "GLACIER",
    "DEEP_ARCHIVE",
)
"""The order S3 lifecycle rules may move objects down, warmest first."""

INFREQUENT_ACCESS_CLASSES = frozenset({"STANDARD_IA", "ONEZONE_IA"})
"""Classes objects must reach no sooner than 30 days, and stay in for 30 days before moving on."""


class Transition(Model):
    days: Annotated[int, Field(ge=1, le=3650)]
    storage_class: Literal["STANDARD_IA", "INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"]


class Bucket(Model):
    name: Name
    purpose: Literal["assets", "uploads", "logs", "data"]
    versioning: bool | None = None
    transitions: tuple[Transition, ...] = ()
    temporary_prefixes: tuple[Annotated[str, Field(pattern=r"^[\w!\-.*'()/]+/$")], ...] = ()
    temporary_expiration_days: Annotated[int, Field(ge=1, le=365)] = 1
    noncurrent_version_expiration_days: Annotated[int, Field(ge=1, le=3650)] = 90
    expiration_days: Annotated[int, Field(ge=1, le=3650)] | None = None

    @model_validator(mode="after")
    def _user_data_is_versioned(self) -> Bucket:
        if self.purpose in ("uploads", "data") and self.versioning is False:
            raise ValueError(f"bucket {self.name!r} holds user data ({self.purpose}); versioning cannot be false")
        if len(set(self.temporary_prefixes)) != len(self.temporary_prefixes):
            raise ValueError(f"bucket {self.name!r}: temporaryPrefixes repeat: {list(self.temporary_prefixes)}")
        for problem in _transition_problems(self.transitions, self.expiration_days):
            raise ValueError(f"bucket {self.name!r}: {problem}")
        return self


def _transition_problems(transitions: tuple[Transition, ...], expiration_days: int | None) -> list[str]:
    """Lifecycle transitions S3 would reject, each as a sentence."""
    problems: list[str] = []
    previous: Transition | None = None
    for transition in transitions:
        where = f"transition to {transition.storage_class} after {transition.days} days"
        if transition.storage_class in INFREQUENT_ACCESS_CLASSES and transition.days < 30:
            problems.append(f"{where} is too early (accepted: 30 days or more)")
        if previous is not None:
            rank = STORAGE_CLASS_WATERFALL.index
            if rank(transition.storage_class) <= rank(previous.storage_class):
                problems.append(
                    f"{where} does not move down from {previous.storage_class} "
                    f"(order: {' → '.join(STORAGE_CLASS_WATERFALL)})"
                )
            gap = 30 if previous.storage_class in INFREQUENT_ACCESS_CLASSES else 1
            if transition.days < previous.days + gap:
                problems.append(
                    f"{where} must come at least {gap} days after the transition to {previous.storage_class}"
                )
        previous = transition
    if previous is not None and expiration_days is not None and expiration_days <= previous.days:
        problems.append(
            f"expirationDays {expiration_days} must be later than the last transition ({previous.days} days)"
        )
    return problems


CACHE_ENGINE_VERSIONS: dict[str, tuple[str, ...]] = {
    "valkey": ("7.2", "8.0", "8.1"),
    "redis": ("6.2", "7.0", "7.1"),
}
"""ElastiCache engine versions paved accepts: each supports in-transit encryption with an AUTH token."""


class Cache(Model):
    enabled: bool = False
    engine: Literal["valkey", "redis"] = "valkey"
    engine_version: Annotated[str, Field(pattern=r"^\d+\.\d+$")] = "8.0"
    node_type: str = "cache.t4g.micro"
    replicas: Annotated[int, Field(ge=0, le=5)] = 1
    snapshot_retention_days: Annotated[int, Field(ge=0, le=35)] = 1

    @field_validator("node_type")
    @classmethod
    def _known_node_type(cls, value: str) -> str:
        if value not in CACHE_NODE_TYPES:
            raise ValueError(f"{value!r} is not a known node type ({', '.join(CACHE_NODE_TYPES)})")
        return value

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
    postgres: Postgres = Postgres()
    tables: tuple[Table, ...] = ()
    buckets: tuple[Bucket, ...] = ()
    cache: Cache = Cache()

    @model_validator(mode="after")
    def _names_unique_and_logs_present(self) -> Data:
        for kind, names in (
            ("tables", [t.name for t in self.tables]),
            ("buckets", [b.name for b in self.buckets]),
        ):
            if len(set(names)) != len(names):
                raise ValueError(f"{kind} names repeat: {names}")
        log_buckets = [b.name for b in self.buckets if b.purpose == "logs"]
        if len(log_buckets) > 1:
            raise ValueError(f"at most one bucket may have purpose 'logs' (found {log_buckets})")
        if self.buckets and not log_buckets:
            raise ValueError("buckets need a bucket with purpose 'logs' to receive their server access logs")
        return self


# --- cdn, auth, mail ------------------------------------------------------------------------


class CustomDomain(Model):
    name: Annotated[str, Field(pattern=_DOMAIN, max_length=253)]
    hosted_zone_id: Annotated[str, Field(pattern=r"^Z[A-Z0-9]{1,31}$")]


class Waf(Model):
    enabled: bool = True
    rate_limit_per_5_min: Annotated[int, Field(ge=10, le=2_000_000_000)] = 2000
    log_retention_days: LogRetentionDays = 90


class Cdn(Model):
    enabled: bool = True
    price_class: Literal["PriceClass_100", "PriceClass_200", "PriceClass_All"] = "PriceClass_100"
    default_root_object: Annotated[str, Field(pattern=r"^[\w.-]+$")] = "index.html"
    spa_fallback: bool = True
    domain: CustomDomain | None = None
    waf: Waf = Waf()


class TokenValidity(Model):
    access_minutes: Annotated[int, Field(ge=5, le=1440)] = 60
    id_minutes: Annotated[int, Field(ge=5, le=1440)] = 60
    refresh_days: Annotated[int, Field(ge=1, le=3650)] = 30


class SocialProvider(Model):
    client_id: Annotated[str, Field(min_length=1, max_length=512)]


class AppleProvider(Model):
    client_id: Annotated[str, Field(min_length=1, max_length=512)]
    team_id: Annotated[str, Field(pattern=r"^[A-Z0-9]{10}$")]
    key_id: Annotated[str, Field(pattern=r"^[A-Z0-9]{10}$")]


class MicrosoftProvider(Model):
    """Microsoft Entra ID sign-in (OIDC). One tenant: Cognito checks the token issuer, and the
    multi-tenant ``common`` endpoint has no single issuer to check."""

    client_id: Annotated[str, Field(min_length=1, max_length=512)]
    tenant_id: Annotated[str, Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]


class SocialProviders(Model):
    google: SocialProvider | None = None
    microsoft: MicrosoftProvider | None = None
    apple: AppleProvider | None = None


_URL = r"^(https://[^\s]+|http://localhost(:\d+)?(/[^\s]*)?)$"


class Auth(Model):
    enabled: bool = True
    mfa: Literal["off", "optional", "required"] = "optional"
    groups: tuple[Name, ...] = ()
    callback_urls: Annotated[tuple[Annotated[str, Field(pattern=_URL)], ...], Field(min_length=1)] = (
        "http://localhost:3000/callback",
    )
    logout_urls: tuple[Annotated[str, Field(pattern=_URL)], ...] = ("http://localhost:3000/",)
    domain_prefix: Annotated[str, Field(pattern=r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")] | None = None
    token_validity: TokenValidity = TokenValidity()
    threat_protection: Literal["off", "audit", "enforced"] = "off"
    self_sign_up: bool = False
    """Whether anyone may create an account through the hosted UI (off: administrators invite users)."""
    social_providers: SocialProviders = SocialProviders()

    @field_validator("mfa", "threat_protection", mode="before")
    @classmethod
    def _yaml_off_is_off(cls, value: object) -> object:
        """YAML 1.1 readers turn an unquoted ``off`` into false; both mean "off" here."""
        return "off" if value is False else value

    @field_validator("domain_prefix")
    @classmethod
    def _no_reserved_words(cls, value: str | None) -> str | None:
        if value is not None and re.search(r"aws|amazon|cognito", value):
            raise ValueError(f"{value!r} may not contain aws, amazon or cognito")
        return value


class Mail(Model):
    """Inbound mail for a domain, forwarded by a Lambda function (SES receipt rule → S3 → Lambda)."""

    enabled: bool = False
    domain: Annotated[str, Field(pattern=_DOMAIN, max_length=253)] | None = None
    hosted_zone_id: Annotated[str, Field(pattern=r"^Z[A-Z0-9]{1,31}$")] | None = None
    forward_to: tuple[Email, ...] = ()
    bucket: Name | None = None
    """The data.buckets entry inbound mail is stored in (its policy is then written by the mail tier)."""

    @model_validator(mode="after")
    def _complete_when_enabled(self) -> Mail:
        if self.enabled and not (self.domain and self.hosted_zone_id and self.forward_to and self.bucket):
            raise ValueError("enabled mail needs domain, hostedZoneId, bucket and at least one forwardTo")
        return self


# --- observability and budget ---------------------------------------------------------------


class AlarmThresholds(Model):
    """When the stack's CloudWatch alarms fire; each alarm looks at 5-minute periods."""

    cpu_percent: Annotated[int, Field(ge=10, le=100)] = 80
    """ECS service and database CPU, average over the period."""
    memory_percent: Annotated[int, Field(ge=10, le=100)] = 80
    """ECS service memory, average over the period."""
    server_errors: Annotated[int, Field(ge=1, le=1_000_000)] = 5
    """HTTP API, load balancer and target 5xx responses per period."""
    api_latency_p99_ms: Annotated[int, Field(ge=10, le=60_000)] = 3000
    """HTTP API p99 latency."""
    database_connections: Annotated[int, Field(ge=1, le=100_000)] = 80
    """Open database connections (t4g.micro allows about 110)."""
    database_free_storage_gb: Annotated[float, Field(gt=0, le=65_536)] = 2.0
    """Free storage of an RDS instance; free local (temporary) storage of an Aurora instance."""
    cdn_error_rate_percent: Annotated[float, Field(gt=0, le=100)] = 5.0
    """CloudFront responses with a 5xx status, percent of requests."""


class Observability(Model):
    alarm_emails: Annotated[tuple[Email, ...], Field(max_length=20)] = ()
    log_retention_days: LogRetentionDays = 30
    dashboard: bool = True
    alarms: AlarmThresholds = AlarmThresholds()


class Budget(Model):
    monthly_usd: Annotated[float, Field(gt=0, le=1_000_000)]
    alert_emails: tuple[Email, ...] = ()
    """Budget notifications reach at most 10 e-mail addresses (plus the alarm topic)."""
    deny_on_exceed: bool = False

    @field_validator("alert_emails")
    @classmethod
    def _at_most_ten(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if len(value) > 10:
            raise ValueError(
                f"{len(value)} addresses, but AWS Budgets notifies at most 10 (use alarm e-mails for more)"
            )
        return value


# --- the whole stack ------------------------------------------------------------------------

SECTIONS: tuple[str, ...] = (
    "tags",
    "protection",
    "network",
    "compute",
    "data",
    "cdn",
    "auth",
    "mail",
    "observability",
    "budget",
)
"""The ``paved:<section>`` keys a stack file may set (each an object)."""

SECRET_KEYS: tuple[str, ...] = (
    "googleClientSecret",
    "microsoftClientSecret",
    "applePrivateKey",
)
"""The ``paved:<key>`` secrets; they are only read when set with ``pulumi config set --secret``."""


class StackConfig(Model):
    """One stack's settings: what ``__main__.py`` builds the tiers from."""

    stack: str
    project: str = "paved"
    region: str
    tags: Tags
    protection: Protection = Protection()
    network: Network = Network()
    compute: Compute = Compute()
    data: Data = Data()
    cdn: Cdn = Cdn()
    auth: Auth = Auth()
    mail: Mail = Mail()
    observability: Observability = Observability()
    budget: Budget
    secrets_set: frozenset[str] = frozenset()

    @field_validator("region")
    @classmethod
    def _known_region(cls, value: str) -> str:
        if value not in AWS_REGIONS:
            raise ValueError(f"{value!r} is not a known AWS region ({', '.join(AWS_REGIONS)})")
        return value

    @model_validator(mode="after")
    def _tiers_fit_together(self) -> StackConfig:
        for problem in _cross_tier_problems(self):
            raise ValueError(problem)
        return self

    @property
    def is_prod(self) -> bool:
        return self.tags.environment == "prod"

    @property
    def standard_tags(self) -> dict[str, str]:
        """The four standard tags, keyed as they appear on AWS resources."""
        return {
            "environment": self.tags.environment,
            "project": self.project,
            "owner": self.tags.owner,
            "cost-center": self.tags.cost_center,
        }

    def bucket(self, purpose: str) -> Bucket | None:
        """The first configured bucket with this purpose, if any."""
        return next((b for b in self.data.buckets if b.purpose == purpose), None)


def _cross_tier_problems(config: StackConfig) -> list[str]:
    """Combinations that cannot deploy or would break a guarantee, each as ``key: sentence``."""
    problems: list[str] = []
    compute, data, cdn = config.compute, config.data, config.cdn
    prod = config.is_prod
    if prod and not config.protection.enabled:
        problems.append(
            "protection.enabled: must be true when tags.environment is 'prod' "
            "(production data is never left unprotected)"
        )
    if prod and data.postgres.enabled and not data.postgres.multi_az:
        problems.append(
            "data.postgres.multiAz: must be true when tags.environment is 'prod' (a standby in a second AZ; "
            "with Aurora, a reader that takes over)"
        )
    if prod and data.postgres.enabled and data.postgres.backup_retention_days < 14:
        problems.append(
            f"data.postgres.backupRetentionDays: {data.postgres.backup_retention_days} is too short "
            "for prod (accepted: 14 to 35)"
        )
    if prod and compute.mode == "container" and compute.container.min_tasks < 2:
        problems.append(
            f"compute.container.minTasks: {compute.container.min_tasks} is too few for prod "
            "(accepted: 2 or more, one task per AZ)"
        )
    if compute.mode == "container" and compute.container.certificate_arn is None and not cdn.enabled:
        problems.append(
            "compute.container.certificateArn: required unless cdn.enabled is true (without a "
            "certificate the load balancer serves HTTP only, which is allowed only behind CloudFront)"
        )
    if compute.mode != "none" and not config.auth.enabled and compute.jwt is None:
        problems.append(
            "compute.jwt: required when auth.enabled is false (the API always checks JWTs; give issuer and audience)"
        )
    if cdn.enabled and config.bucket("assets") is None:
        problems.append("data.buckets: cdn.enabled needs a bucket with purpose 'assets' to serve")
    if cdn.enabled and config.bucket("logs") is None:
        problems.append("data.buckets: cdn.enabled needs a bucket with purpose 'logs' for access logs")
    if prod and data.cache.enabled and data.cache.replicas < 1:
        problems.append("data.cache.replicas: 0 is too few for prod (accepted: 1 to 5, for Multi-AZ failover)")
    problems.extend(_data_problems(config))
    mail_bucket = next((b for b in data.buckets if b.name == config.mail.bucket), None)
    if config.mail.enabled and (mail_bucket is None or mail_bucket.purpose not in ("data", "uploads")):
        names = [b.name for b in data.buckets if b.purpose in ("data", "uploads")]
        problems.append(
            f"mail.bucket: {config.mail.bucket!r} is not a data.buckets entry with purpose 'data' or "
            f"'uploads' (accepted: {', '.join(names) or 'none configured'})"
        )
    if config.budget.deny_on_exceed and compute.mode == "none":
        problems.append(
            "budget.denyOnExceed: needs compute.mode 'serverless' or 'container' (it denies the compute "
            "tier's roles; with compute.mode 'none' there is no role to deny)"
        )
    if prod and config.budget.deny_on_exceed:
        problems.append(
            "budget.denyOnExceed: not allowed when tags.environment is 'prod' (it stops every role "
            "of the stack at the cap; it is a dev option)"
        )
    problems.extend(_auth_problems(config))
    problems.extend(_compute_problems(config))
    problems.extend(_missing_secrets(config))
    return problems


def _auth_problems(config: StackConfig) -> list[str]:
    auth = config.auth
    if not auth.enabled:
        return []
    problems: list[str] = []
    derived = f"{config.project}-{config.stack}".lower()
    if auth.domain_prefix is None and re.search(r"aws|amazon|cognito", derived):
        problems.append(
            f"auth.domainPrefix: required because the prefix derived from project and stack ({derived!r}) "
            "contains aws, amazon or cognito, which Cognito refuses"
        )
    if not config.is_prod:
        return problems
    if auth.mfa == "off":
        problems.append("auth.mfa: 'off' is not allowed in prod (accepted: 'optional' or 'required')")
    for key, urls in (("callbackUrls", auth.callback_urls), ("logoutUrls", auth.logout_urls)):
        local = [url for url in urls if url.startswith("http://")]
        if local:
            problems.append(
                f"auth.{key}: {local[0]!r} is not allowed in prod (accepted: https:// URLs of the deployed app)"
            )
    return problems


ITEM_KEYS = (KeyAttribute(name="ownerId", type="S"), KeyAttribute(name="itemId", type="S"))
"""The partition and sort key of the table the API keeps items in (app/items.py)."""


def _compute_problems(config: StackConfig) -> list[str]:
    """What the compute tier needs from the other tiers' settings."""
    compute = config.compute
    if compute.mode == "none":
        return []
    problems: list[str] = []
    if compute.mode == "container":
        container = compute.container
        if config.network.nat_strategy == "none":
            problems.append(
                "network.natStrategy: 'none' cannot serve compute.mode 'container' (accepted: single, per-az): "
                "tasks fetch the identity provider's signing keys from the internet, which no VPC endpoint "
                "serves, and one NAT gateway costs less than the ECR, logs and Secrets Manager endpoints "
                "tasks would need instead"
            )
        if config.is_prod and container.certificate_arn is None:
            problems.append(
                "compute.container.certificateArn: required when tags.environment is 'prod' (without one the "
                "load balancer serves plain HTTP, which only a dev stack behind CloudFront may do)"
            )
        if container.certificate_arn is not None and container.domain is None:
            problems.append(
                "compute.container.domain: required with certificateArn (name and hostedZoneId of the host "
                "name the certificate covers; paved points it at the load balancer)"
            )
        if container.domain is not None and container.certificate_arn is None:
            problems.append("compute.container.certificateArn: required with domain (the certificate for that name)")
        if config.bucket("logs") is None:
            problems.append(
                "data.buckets: compute.mode 'container' needs a bucket with purpose 'logs' for the load "
                "balancer's access logs"
            )
    table = next((t for t in config.data.tables if t.name == compute.items_table_name()), None)
    if compute.items_table is not None and table is None:
        names = ", ".join(t.name for t in config.data.tables) or "none configured"
        problems.append(f"compute.itemsTable: {compute.items_table!r} is not a data.tables entry (accepted: {names})")
    if table is not None and (table.partition_key, table.sort_key) != ITEM_KEYS:
        problems.append(
            f"compute.itemsTable: table {table.name!r} must have partitionKey ownerId (S) and sortKey "
            "itemId (S), the keys the API stores items under"
        )
    return problems


def _data_problems(config: StackConfig) -> list[str]:
    """Data-tier settings that conflict with protection or with the network."""
    problems: list[str] = []
    data = config.data
    if config.protection.enabled:
        problems.extend(
            f"data.buckets: bucket {bucket.name!r} sets versioning false, but protection.enabled is true "
            "(a protected stack versions every bucket; remove the key or set it true)"
            for bucket in data.buckets
            if bucket.versioning is False
        )
    if data.cache.enabled and config.compute.mode != "none" and config.network.nat_strategy == "none":
        problems.append(
            "data.cache.enabled: needs network.natStrategy 'single' or 'per-az' (the app reads the cache's "
            "auth token from Secrets Manager, which a VPC without a NAT gateway cannot reach)"
        )
    return problems


def _missing_secrets(config: StackConfig) -> list[str]:
    social = config.auth.social_providers
    wanted = {
        "googleClientSecret": social.google is not None,
        "microsoftClientSecret": social.microsoft is not None,
        "applePrivateKey": social.apple is not None,
    }
    return [
        f"{key}: required because auth.socialProviders configures that provider; set it with "
        f"`pulumi config set --secret {config.project}:{key}`"
        for key, needed in wanted.items()
        if needed and config.auth.enabled and key not in config.secrets_set
    ]
