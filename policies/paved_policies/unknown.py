"""The one marker for a value that is unknown during a preview, shared by the policies and the cost model.

The engine sends such a value as a sentinel string, one per kind (pulumi's
``sdk/go/common/resource/properties.go``: ``UnknownBoolValue`` … ``UnknownObjectValue``; pulumi-policy
1.21.0 ``pulumi_policy/proxy.py`` repeats them as ``UNKNOWN_*_VALUE``, and a test keeps the two equal).
Readers (``paved_policies.props``, ``cost.resources``) turn those strings, and the SDK's
``UnknownValueError``, into ``UNKNOWN``. This module imports nothing, so the cost model can use it
without the policy SDK.
"""

from __future__ import annotations

from typing import Final


class Unknown:
    """A value the engine cannot know yet (preview)."""

    _instance: Unknown | None = None

    def __new__(cls) -> Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __bool__(self) -> bool:
        raise TypeError("an unknown value has no truth value; compare with `is UNKNOWN` first")


UNKNOWN: Final[Unknown] = Unknown()

UNKNOWN_SENTINELS: Final = frozenset(
    {
        "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",  # boolean
        "3eeb2bf0-c639-47a8-9e75-3b44932eb421",  # number
        "04da6b54-80e4-46f7-96ec-b56ff0331ba9",  # string
        "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",  # array
        "030794c1-ac77-496b-92df-f27374a8bd58",  # asset
        "e48ece36-62e2-4504-bad9-02848725956a",  # archive
        "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",  # object
    }
)
"""The engine's wire values for "unknown during preview", one per kind of value."""
