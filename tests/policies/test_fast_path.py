"""The fast path memoizes the SDK's per-policy decoding without changing what policies see."""

from __future__ import annotations

import os
from typing import Any

import pytest
from paved_policies import fast_path
from paved_policies.testing import wire
from pulumi_policy import policy

sdk: Any = policy


def test_install_is_idempotent_and_wraps_the_sdk_steps() -> None:
    assert fast_path.install() is True
    assert fast_path.install() is True
    assert sdk._paved_fast_path is True
    assert hasattr(sdk.deserialize_properties, "__wrapped__")
    assert hasattr(sdk._PolicyAnalyzerServicer._get_provider_resource, "__wrapped__")


def test_memoized_steps_return_the_same_values_as_the_sdk() -> None:
    from google.protobuf import json_format, struct_pb2
    from pulumi_policy.deserialize import deserialize_properties

    fast_path.install()
    struct = struct_pb2.Struct()
    struct.update({"a": 1, "b": {"c": ["x", None, True]}})
    first = sdk.json_format.MessageToDict(struct)
    assert first == json_format.MessageToDict(struct) == wire({"a": 1, "b": {"c": ["x", None, True]}})
    assert sdk.json_format.MessageToDict(struct) is first
    assert sdk.deserialize_properties(first) == deserialize_properties(first)
    fast_path.clear()
    assert sdk.json_format.MessageToDict(struct) is not first


def test_the_fast_path_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(os.environ, "PAVED_POLICY_FAST_PATH", "0")
    assert fast_path.install() is False
