"""What every section of the stack config shares: the base model, and the small types sections reuse."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

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

NAME_PATTERN = r"^[a-z][a-z0-9-]{0,30}[a-z0-9]$"
TAG_VALUE_PATTERN = r"^[A-Za-z0-9_ .:/=+\-@]+$"
DOMAIN_PATTERN = r"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
HOSTED_ZONE_PATTERN = r"^Z[A-Z0-9]{1,31}$"

PATTERN_MEANINGS: dict[str, str] = {
    NAME_PATTERN: "lowercase letters, digits and hyphens, 2 to 32 characters, starting with a letter",
    EMAIL_PATTERN: "an e-mail address",
}
"""Patterns whose error message says what they mean rather than quoting the expression."""

Name = Annotated[str, Field(pattern=NAME_PATTERN)]
Email = Annotated[str, Field(pattern=EMAIL_PATTERN)]
DomainName = Annotated[str, Field(pattern=DOMAIN_PATTERN, max_length=253)]
HostedZoneId = Annotated[str, Field(pattern=HOSTED_ZONE_PATTERN)]


def one_of(accepted: tuple[str, ...], what: str) -> AfterValidator:
    """A check that text is one of a closed list (a catalog), naming the whole list when it is not."""

    def check(value: str) -> str:
        if value not in accepted:
            raise ValueError(f"{value!r} is not a known {what} ({', '.join(accepted)})")
        return value

    return AfterValidator(check)


class Model(BaseModel):
    """Base for every config section: camelCase keys, no unknown keys, immutable."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
    )


class Domain(Model):
    """A host name in a Route 53 hosted zone of this account: paved issues or uses its certificate and
    points the name at the tier that serves it."""

    name: DomainName = Field(description="The host name, e.g. `app.example.com`.")
    hosted_zone_id: HostedZoneId = Field(description="The Route 53 hosted zone that holds the name.")
