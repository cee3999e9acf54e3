"""The stack's one explicit AWS provider: region and the standard tags for every resource."""

from __future__ import annotations

import pulumi
import pulumi_aws as aws

from components.config import StackConfig


def stack_provider(config: StackConfig) -> aws.Provider:
    """An AWS provider whose default tags put the standard tags on every taggable resource.

    Provider default tags are the one tagging mechanism: they reach every resource created with
    this provider, including awsx's children (passed to awsx through ``providers``), and tag
    values never need repeating by hand. ``pulumi:disable-default-providers`` in Pulumi.yaml
    makes any resource that misses this provider fail instead of going untagged.
    """
    return aws.Provider(
        "aws",
        region=config.region,
        default_tags=aws.ProviderDefaultTagsArgs(tags=config.standard_tags),
    )


def tier_options(provider: aws.Provider) -> pulumi.ResourceOptions:
    """Options for a tier component: every child inherits the stack provider."""
    return pulumi.ResourceOptions(providers={"aws": provider})
