"""``paved:cdn``: the CloudFront distribution in front of the assets bucket and the API."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from components.config.base import Domain, LogRetentionDays, Model


class Waf(Model):
    """A WAFv2 web ACL on the distribution: AWS managed rule groups and a rate limit."""

    enabled: bool = Field(True, description="Whether the distribution has a web ACL.")
    rate_limit_per_5_min: Annotated[int, Field(ge=10, le=2_000_000_000)] = Field(
        2000, description="Requests per client IP in 5 minutes before it is blocked."
    )
    log_retention_days: LogRetentionDays = Field(90, description="Retention of the web ACL's logs.")


class Cdn(Model):
    """CloudFront: the assets bucket through Origin Access Control, the API on `/api/*`."""

    enabled: bool = Field(True, description="Whether the stack has a distribution.")
    price_class: Literal["PriceClass_100", "PriceClass_200", "PriceClass_All"] = Field(
        "PriceClass_100", description="Which edge locations serve the distribution."
    )
    default_root_object: Annotated[str, Field(pattern=r"^[\w.-]+$")] = Field(
        "index.html", description="The object served for `/`."
    )
    spa_fallback: bool = Field(True, description="Serve the root object for unknown paths (single-page apps).")
    domain: Domain | None = Field(
        None, description="A custom domain: paved issues its certificate in us-east-1 and aliases the name."
    )
    waf: Waf = Field(Waf(), description="The web ACL.")
