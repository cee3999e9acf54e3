"""The stack's one explicit AWS provider: region and the standard tags for every resource."""

from __future__ import annotations

from collections.abc import Mapping

import pulumi
import pulumi_aws as aws


def stack_provider(region: str, tags: Mapping[str, str]) -> aws.Provider:
    """An AWS provider whose default tags put the standard tags on every taggable resource.

    Provider default tags are the one tagging mechanism: they reach every resource created with
    this provider, including awsx's children (passed to awsx through ``providers``), and tag
    values never need repeating by hand. ``pulumi:disable-default-providers`` in Pulumi.yaml
    makes any resource that misses this provider fail instead of going untagged.
    """
    return aws.Provider("aws", region=region, default_tags=aws.ProviderDefaultTagsArgs(tags=dict(tags)))


def tier_options(provider: aws.Provider) -> pulumi.ResourceOptions:
    """Options for a tier component: every child inherits the stack provider."""
    return pulumi.ResourceOptions(providers={"aws": provider})


EDGE_REGION = "us-east-1"
"""Where CloudFront's regional pieces live: ACM certificates, WAF web ACLs, log delivery, metrics."""


def edge_provider(region: str, tags: Mapping[str, str], stack: aws.Provider) -> aws.Provider:
    """The provider for CloudFront's us-east-1 resources, with the stack provider's default tags.

    A stack in us-east-1 already has one: the stack provider itself. Anywhere else, a second
    explicit provider for us-east-1 carries the same standard tags.
    """
    if region == EDGE_REGION:
        return stack
    return aws.Provider("aws-us-east-1", region=EDGE_REGION, default_tags=aws.ProviderDefaultTagsArgs(tags=dict(tags)))
