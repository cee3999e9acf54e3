"""One marker for "unknown during preview", shared by the policies and the cost model."""

from __future__ import annotations

import pytest
from cost import resources
from paved_policies import props
from paved_policies.unknown import UNKNOWN, UNKNOWN_SENTINELS, Unknown
from pulumi_policy import proxy


def test_the_sentinels_are_the_engine_values_the_sdk_knows() -> None:
    """pulumi-policy 1.21.0 ``proxy.py`` repeats the engine's ``Unknown*Value`` strings."""
    sdk = {getattr(proxy, name) for name in dir(proxy) if name.startswith("UNKNOWN_") and name.endswith("_VALUE")}
    assert frozenset(sdk) == UNKNOWN_SENTINELS


def test_policies_and_cost_model_read_a_sentinel_as_the_same_marker() -> None:
    sentinel = next(iter(UNKNOWN_SENTINELS))
    assert props.plain({"a": sentinel})["a"] is UNKNOWN
    assert resources.plain({"a": sentinel})["a"] is UNKNOWN
    assert Unknown() is UNKNOWN


def test_the_marker_has_no_truth_value() -> None:
    with pytest.raises(TypeError, match="an unknown value has no truth value; compare with `is UNKNOWN` first"):
        bool(UNKNOWN)
