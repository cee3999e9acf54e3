"""The whole stack's settings: one ``paved:<section>`` object per tier, the region, and which secrets are set."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from components.catalog import AWS_REGIONS
from components.config.auth import SOCIAL_SECRETS, Auth
from components.config.base import TAG_VALUE_PATTERN, Model, one_of
from components.config.buckets import Bucket
from components.config.cdn import Cdn
from components.config.compute import Compute
from components.config.data import Data
from components.config.mail import Mail
from components.config.network import Network
from components.config.observability import Budget, Observability

TagValue = Annotated[str, Field(pattern=TAG_VALUE_PATTERN, max_length=256)]


class Tags(Model):
    """The standard tags every taggable resource carries (plus ``project``, from Pulumi.yaml)."""

    environment: Literal["dev", "test", "staging", "prod"] = Field(
        description="The environment; `prod` turns on the production rules."
    )
    owner: TagValue = Field(description="The team that owns the stack.")
    cost_center: TagValue = Field(description="Where the stack's cost is booked (tag `cost-center`).")


class Protection(Model):
    """How stateful resources survive updates."""

    enabled: bool = Field(
        True,
        description="Pulumi `protect`, retain-on-delete and deletion protection on stateful resources, "
        "versioning on every bucket; required in prod.",
    )


class StackConfig(Model):
    """One stack's settings: what ``__main__.py`` builds the tiers from."""

    stack: str
    project: str = "paved"
    region: Annotated[str, one_of(AWS_REGIONS, "AWS region")]
    tags: Tags = Field(
        description="The standard tags: `environment` (dev, test, staging, prod), `owner`, `costCenter`; with "
        "`project`, the four tags every resource carries."
    )
    protection: Protection = Field(
        Protection(), description="`enabled`: protect stateful resources (required in prod)."
    )
    network: Network = Field(Network(), description="The VPC: CIDR, availability zones, NAT strategy, flow logs.")
    compute: Compute = Field(
        Compute(),
        description="The API: `mode` (serverless, container, none), its sizes, `itemsTable`, and `jwt` when "
        "there is no auth tier.",
    )
    data: Data = Field(Data(), description="PostgreSQL, DynamoDB tables, S3 buckets and the cache.")
    cdn: Cdn = Field(Cdn(), description="CloudFront in front of the assets and the API; custom domain and WAF.")
    auth: Auth = Field(Auth(), description="The Cognito user pool, MFA, groups, the app client and social sign-in.")
    mail: Mail = Field(Mail(), description="Inbound mail for a domain, forwarded by a function (off by default).")
    observability: Observability = Field(
        Observability(), description="Alarm e-mails, alarm thresholds, default log retention, the dashboard."
    )
    budget: Budget = Field(
        description="The monthly AWS budget: `monthlyUsd` (at most the policy config's cap), alert e-mails, "
        "`denyOnExceed` (dev only)."
    )
    secrets_set: frozenset[str] = frozenset()
    """The ``paved:<key>`` secrets the stack sets (encrypted); their values are read by ``__main__.py`` only."""

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
        return self.data.bucket(purpose)


SECTIONS: tuple[str, ...] = tuple(
    field.alias or name
    for name, field in StackConfig.model_fields.items()
    if isinstance(field.annotation, type) and issubclass(field.annotation, Model)
)
"""The ``paved:<section>`` keys a stack file may set (each an object), in the model's order."""

REQUIRED_SECTIONS: tuple[str, ...] = tuple(
    section for section in SECTIONS if StackConfig.model_fields[section].is_required()
)
"""Sections every stack sets; the others default to ``{}`` (every key at its default)."""

SECRET_KEYS: tuple[str, ...] = tuple(secret.key for secret in SOCIAL_SECRETS)
"""The ``paved:<key>`` secrets; they are only read when set with ``pulumi config set --secret``."""
