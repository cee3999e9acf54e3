"""tagging: every taggable resource carries the required tags — its own plus its provider's
default tags (paved tags through the stack provider's ``defaultTags``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_policy import PolicyProviderResource, ResourceValidationArgs, Severity

from paved_policies.policy import ANY_TYPE, TAGGING, Report, define_policy
from paved_policies.props import get, json_object, plain
from paved_policies.sdk_types import taggable_types
from paved_policies.unknown import UNKNOWN

DEFAULT_REQUIRED_TAGS = ["environment", "project", "owner", "cost-center"]


def provider_default_tags(provider: PolicyProviderResource | None) -> Any:
    """The provider's ``defaultTags.tags`` keys and values: a dict, ``UNKNOWN``, or ``{}``.

    Provider inputs reach the engine JSON-encoded (``defaultTags`` is a JSON string on the wire);
    both that and an object are accepted.
    """
    if provider is None:
        return {}
    default_tags = json_object(get(provider.props, "defaultTags"))
    if default_tags is UNKNOWN:
        return UNKNOWN
    if not isinstance(default_tags, Mapping):
        return {}
    tags = default_tags.get("tags")
    if tags is UNKNOWN:
        return UNKNOWN
    return tags if isinstance(tags, Mapping) else {}


def _own_tags(props: Any) -> Any:
    tags: dict[str, Any] = {}
    for key in ("tags", "tagsAll"):
        value = plain(get(props, key))
        if value is UNKNOWN:
            return UNKNOWN
        if isinstance(value, Mapping):
            tags.update(value)
    return tags


def _required_tags(args: ResourceValidationArgs, report: Report) -> None:
    if args.resource_type not in taggable_types():
        return
    own = _own_tags(args.props)
    inherited = provider_default_tags(args.provider)
    if own is UNKNOWN or inherited is UNKNOWN:
        return
    tags = {**inherited, **own}
    required = [str(key) for key in args.get_config().get("requiredTags", DEFAULT_REQUIRED_TAGS)]
    missing = [key for key in required if key not in tags]
    empty = [key for key in required if key in tags and tags[key] is not UNKNOWN and not str(tags[key]).strip()]
    if missing:
        report(f"Missing required tag(s): {', '.join(missing)}.")
    if empty:
        report(f"Required tag(s) with an empty value: {', '.join(empty)}.")


required_tags = define_policy(
    name="required-tags",
    description=(
        "Checks that every taggable resource carries the required tags, its own or its provider's default tags."
    ),
    validate=_required_tags,
    resource_types=[ANY_TYPE],
    types_label="every taggable type (data/taggable_types.json)",
    category=TAGGING,
    severity=Severity.LOW,
    remediation_steps=(
        "Create resources through the stack provider (components/provider.py), whose defaultTags carry "
        "environment, project, owner and cost-center from paved:tags."
    ),
    config={
        "requiredTags": {
            "type": "array",
            "items": {"type": "string", "minLength": 1},
            "default": DEFAULT_REQUIRED_TAGS,
            "description": "Tag keys every taggable resource must carry.",
        }
    },
)
