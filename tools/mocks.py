"""Pulumi mocks that answer like AWS would: realistic ids, ARNs and outputs, and data-source calls.

Used by the test harness and by ``tools.plan``: the program runs unchanged, and every value a tier
reads back (ARNs, subnet ids, endpoints) looks like what AWS returns, so policies and assertions
see real shapes. Each tier keeps the outputs of the types it reads back in its own module of
``tools/mock_outputs``; ``OUTPUTS`` and ``CALLS`` below merge them.
"""

from __future__ import annotations

from typing import Any

import pulumi

from tools.mock_outputs import base, compute, data, edge, mail, network
from tools.mock_outputs.base import ACCOUNT_ID, MockContext, default_outputs, resource_id

OUTPUTS = {**network.OUTPUTS, **data.OUTPUTS, **compute.OUTPUTS, **edge.OUTPUTS, **mail.OUTPUTS}
"""Resource type → outputs beyond the echoed inputs."""

CALLS = {**base.CALLS, **data.CALLS, **compute.CALLS}
"""Invoke token → result."""

__all__ = ["ACCOUNT_ID", "CALLS", "OUTPUTS", "AwsMocks"]


class AwsMocks(pulumi.runtime.Mocks):
    """Mocks for a paved program: inputs echoed, realistic outputs added, data sources answered."""

    def __init__(self, region: str) -> None:
        self.context = MockContext(region)
        self.provider_contexts: dict[str, MockContext] = {}
        """Provider id → the context of its region (a us-east-1 provider beside the stack's)."""

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str | None, dict[str, Any]]:
        inputs = dict(args.inputs)
        builder = OUTPUTS.get(args.typ)
        if args.typ.startswith("pulumi:providers:"):
            provider_id = f"{args.name}-provider-id"
            self.provider_contexts[provider_id] = MockContext(str(inputs.get("region") or self.context.region))
            return provider_id, inputs
        ctx = self.provider_contexts.get((args.provider or "").rsplit("::", 1)[-1], self.context)
        if not args.custom:
            # Components: a remote one (awsx) returns its own output shape, never its inputs.
            return None, builder(ctx, args.name, inputs) if builder else {}
        outputs = {**default_outputs(ctx, args.typ, args.name, inputs), **inputs}
        if builder is not None:
            outputs.update(builder(ctx, args.name, inputs))
        return outputs.pop("id", None) or resource_id(args.typ, args.name, ctx), outputs

    def call(self, args: pulumi.runtime.MockCallArgs) -> dict[str, Any]:  # type: ignore[override]
        handler = CALLS.get(args.token)
        if handler is None:
            raise NotImplementedError(f"no mock for data source {args.token}; add it to tools/mocks.py CALLS")
        return handler(self.context, dict(args.args))
