"""``paved:mail``: inbound mail for a domain, forwarded by a function (SES receipt rule → S3 → Lambda)."""

from __future__ import annotations

from pydantic import Field, model_validator

from components.config.base import DomainName, Email, HostedZoneId, Model, Name


class Mail(Model):
    """Inbound mail for a domain, kept in a bucket and forwarded by a function."""

    enabled: bool = Field(False, description="Whether the stack receives mail.")
    domain: DomainName | None = Field(None, description="The domain mail is received for (its MX record).")
    hosted_zone_id: HostedZoneId | None = Field(None, description="The Route 53 zone of the domain.")
    forward_to: tuple[Email, ...] = Field((), description="Where received mail is forwarded.")
    bucket: Name | None = Field(
        None,
        description="The `data.buckets` entry (purpose `data` or `uploads`) received mail is kept in; the mail "
        "tier writes its policy.",
    )

    @model_validator(mode="after")
    def _complete_when_enabled(self) -> Mail:
        if self.enabled and not (self.domain and self.hosted_zone_id and self.forward_to and self.bucket):
            raise ValueError("enabled mail needs domain, hostedZoneId, bucket and at least one forwardTo")
        return self
