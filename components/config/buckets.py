"""``paved:data.buckets``: S3 buckets and the lifecycle rules S3 accepts for them."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from components.config.base import Model, Name

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

StorageClass = Literal["STANDARD_IA", "INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"]


class Transition(Model):
    """A lifecycle transition of current objects to a colder storage class."""

    days: Annotated[int, Field(ge=1, le=3650)] = Field(description="Days after creation.")
    storage_class: StorageClass = Field(description="The class objects move to.")


class Bucket(Model):
    """An S3 bucket: public access blocked, TLS only, encrypted, with lifecycle rules."""

    name: Name = Field(description="The bucket's config name (the physical name is generated).")
    purpose: Literal["assets", "uploads", "logs", "data"] = Field(
        description="What it holds: `assets` (served by the CDN), `uploads` (browser uploads), `logs` "
        "(every log delivery; SSE-S3) or `data`."
    )
    versioning: bool | None = Field(
        None,
        description="Object versioning; on for user data (`uploads`, `data`) and for every bucket of a "
        "protected stack.",
    )
    transitions: tuple[Transition, ...] = Field((), description="Lifecycle transitions, warmest first.")
    temporary_prefixes: tuple[Annotated[str, Field(pattern=r"^[\w!\-.*'()/]+/$")], ...] = Field(
        (), description="Key prefixes (ending in `/`) whose objects expire after `temporaryExpirationDays`."
    )
    temporary_expiration_days: Annotated[int, Field(ge=1, le=365)] = Field(
        1, description="Days before objects under `temporaryPrefixes` expire."
    )
    noncurrent_version_expiration_days: Annotated[int, Field(ge=1, le=3650)] = Field(
        90, description="Days before old object versions expire."
    )
    expiration_days: Annotated[int, Field(ge=1, le=3650)] | None = Field(
        None, description="Days before current objects expire (never, by default)."
    )

    @model_validator(mode="after")
    def _user_data_is_versioned(self) -> Bucket:
        problems: list[str] = []
        if self.purpose in ("uploads", "data") and self.versioning is False:
            problems.append(f"bucket {self.name!r} holds user data ({self.purpose}); versioning cannot be false")
        if len(set(self.temporary_prefixes)) != len(self.temporary_prefixes):
            problems.append(f"bucket {self.name!r}: temporaryPrefixes repeat: {list(self.temporary_prefixes)}")
        problems += (
            f"bucket {self.name!r}: {problem}"
            for problem in transition_problems(self.transitions, self.expiration_days)
        )
        if problems:
            raise ValueError("; ".join(problems))
        return self


def transition_problems(transitions: tuple[Transition, ...], expiration_days: int | None) -> list[str]:
    """Lifecycle transitions S3 would reject, each as a sentence."""
    problems: list[str] = []
    previous: Transition | None = None
    for transition in transitions:
        where = f"transition to {transition.storage_class} after {transition.days} days"
        if transition.storage_class in INFREQUENT_ACCESS_CLASSES and transition.days < 30:
            problems.append(f"{where} is too early (accepted: 30 days or more)")
        if previous is not None:
            problems += _step_problems(where, previous, transition)
        previous = transition
    if previous is not None and expiration_days is not None and expiration_days <= previous.days:
        problems.append(
            f"expirationDays {expiration_days} must be later than the last transition ({previous.days} days)"
        )
    return problems


def _step_problems(where: str, previous: Transition, transition: Transition) -> list[str]:
    problems: list[str] = []
    rank = STORAGE_CLASS_WATERFALL.index
    if rank(transition.storage_class) <= rank(previous.storage_class):
        problems.append(
            f"{where} does not move down from {previous.storage_class} (order: {' → '.join(STORAGE_CLASS_WATERFALL)})"
        )
    gap = 30 if previous.storage_class in INFREQUENT_ACCESS_CLASSES else 1
    if transition.days < previous.days + gap:
        problems.append(f"{where} must come at least {gap} days after the transition to {previous.storage_class}")
    return problems
