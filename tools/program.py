"""Run paved's ``__main__.py`` under Pulumi mocks and record every registration as the engine sees it.

The SDK's ``MockResourceArgs`` carries only type, name and inputs. The registration request the
mock monitor receives carries the rest — parent, provider, dependencies, property dependencies,
``protect``, ``retainOnDelete``, remote — so this module records the request itself. Each run
happens on its own thread, whose fresh context gives it a clean Pulumi runtime: many stacks can
be run in one process (tests, plan) without leaking state between them.
"""

from __future__ import annotations

import asyncio
import runpy
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pulumi
from google.protobuf import json_format, struct_pb2
from pulumi.runtime import mocks as pulumi_mocks
from pulumi.runtime import rpc
from pulumi.runtime.sync_await import _sync_await

from tools import REPO_ROOT
from tools.mocks import AwsMocks

if TYPE_CHECKING:  # only a type here: tools.check builds Registrations without loading the config model
    from components.config.loader import RawConfig

__all__ = ["REPO_ROOT", "STACK_TYPE", "ProgramError", "ProgramRun", "RecordingMonitor", "Registration", "run_program"]

STACK_TYPE = "pulumi:pulumi:Stack"


@dataclass
class Registration:
    """One resource as the engine would see it at registration."""

    urn: str
    type: str
    name: str
    parent: str
    custom: bool
    remote: bool
    inputs: dict[str, Any]
    provider: str
    providers: dict[str, str]
    dependencies: list[str]
    property_dependencies: dict[str, list[str]]
    protect: bool
    retain_on_delete: bool
    delete_before_replace: bool
    ignore_changes: list[str]
    additional_secret_outputs: list[str]
    properties: dict[str, Any]
    """The inputs as serialized on the wire (secrets and unknowns keep their special shape)."""
    id: str = ""
    outputs: dict[str, Any] = field(default_factory=dict)

    @property
    def is_provider(self) -> bool:
        return self.type.startswith("pulumi:providers:")

    @property
    def provider_urn(self) -> str:
        """The URN part of the provider reference (``<urn>::<id>``)."""
        return self.provider.rsplit("::", 1)[0] if self.provider else ""


@dataclass
class ProgramRun:
    """What a program registered, and the stack outputs it exported."""

    stack: str
    project: str
    resources: list[Registration]
    outputs: dict[str, Any]

    def of_type(self, type_: str) -> list[Registration]:
        return [r for r in self.resources if r.type == type_]

    def one(self, type_: str, name: str | None = None) -> Registration:
        found = [r for r in self.of_type(type_) if name is None or r.name == name]
        if len(found) != 1:
            names = [r.name for r in self.of_type(type_)]
            raise AssertionError(f"expected one {type_} named {name!r}, found {names}")
        return found[0]

    def by_urn(self, urn: str) -> Registration:
        for resource in self.resources:
            if resource.urn == urn:
                return resource
        raise KeyError(urn)

    def children_of(self, urn: str) -> list[Registration]:
        return [r for r in self.resources if r.parent == urn]

    def ancestors(self, resource: Registration) -> list[Registration]:
        """The parent chain, nearest first, up to (not including) the stack."""
        chain: list[Registration] = []
        index = {r.urn: r for r in self.resources}
        parent = index.get(resource.parent)
        while parent is not None and parent.type != STACK_TYPE:
            chain.append(parent)
            parent = index.get(parent.parent)
        return chain


class RecordingMonitor(pulumi_mocks.MockMonitor):
    """A mock monitor that keeps the full registration request of every resource."""

    def __init__(
        self, mocks: pulumi.runtime.Mocks, on_registration: Callable[[Registration], None] | None = None
    ) -> None:
        super().__init__(mocks)
        self.registrations: list[Registration] = []
        self.stack_outputs: dict[str, Any] = {}
        self.stack_urn = ""
        self._on_registration = on_registration
        self._recording = threading.Lock()
        """The SDK registers from its executor's threads: one registration recorded (and reported) at a time."""

    def RegisterResource(self, request: Any) -> Any:  # noqa: N802 - gRPC method name
        response = super().RegisterResource(request)  # type: ignore[no-untyped-call]
        if request.type == STACK_TYPE:
            self.stack_urn = response.urn
            return response
        properties = json_format.MessageToDict(request.object)
        inputs = _plain(rpc.deserialize_properties(request.object, keep_unknowns=True))
        registered = self.resources.get(response.urn)
        self._record(
            Registration(
                urn=response.urn,
                type=request.type,
                name=request.name,
                parent=request.parent,
                custom=bool(request.custom),
                remote=bool(request.remote),
                inputs=inputs,
                provider=request.provider,
                providers=dict(request.providers),
                dependencies=list(request.dependencies),
                property_dependencies={key: list(deps.urns) for key, deps in request.propertyDependencies.items()},
                protect=bool(request.protect),
                retain_on_delete=bool(request.retainOnDelete),
                delete_before_replace=bool(request.deleteBeforeReplace),
                ignore_changes=list(request.ignoreChanges),
                additional_secret_outputs=list(request.additionalSecretOutputs),
                properties=properties,
                id=registered.id if registered is not None else "",
                outputs=_plain(dict(registered.state)) if registered is not None else {},
            )
        )
        return response

    def _record(self, registration: Registration) -> None:
        with self._recording:
            self.registrations.append(registration)
            if self._on_registration is not None:
                self._on_registration(registration)

    def RegisterResourceOutputs(self, request: Any) -> Any:  # noqa: N802 - gRPC method name
        if request.urn == self.stack_urn and request.HasField("outputs"):
            self.stack_outputs = _plain(rpc.deserialize_properties(request.outputs))
        return super().RegisterResourceOutputs(request)  # type: ignore[no-untyped-call]


def _plain(value: Any) -> Any:
    """Deserialized values with secrets unwrapped and unknowns as None, for assertions."""
    if rpc.is_rpc_secret(value):
        return _plain(rpc.unwrap_rpc_secret(value))
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items() if not key.startswith("__")}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, struct_pb2.Struct):
        return _plain(json_format.MessageToDict(value))
    if type(value).__name__ == "Unknown":
        return None
    return value


class ProgramError(Exception):
    """The program raised: ``cause`` is the original exception, ``resources`` what was registered."""

    def __init__(self, cause: BaseException, resources: list[Registration]) -> None:
        super().__init__(str(cause))
        self.cause = cause
        self.resources = resources


def run_program(
    raw: RawConfig,
    *,
    stack: str,
    project: str = "paved",
    program: Path = REPO_ROOT / "__main__.py",
    preview: bool = False,
    on_registration: Callable[[Registration], None] | None = None,
) -> ProgramRun:
    """Run ``program`` for one stack's config under mocks; raise ``ProgramError`` if it fails.

    ``on_registration`` is called with each registration as it is recorded, in order, one at a time."""
    region = str(raw.values.get("aws:region") or "us-east-1")
    monitor = RecordingMonitor(AwsMocks(region), on_registration)
    result: dict[str, Any] = {}

    def run() -> None:
        asyncio.set_event_loop(asyncio.new_event_loop())
        try:
            pulumi.runtime.set_mocks(monitor.mocks, project=project, stack=stack, preview=preview, monitor=monitor)
            pulumi.runtime.set_all_config(dict(raw.values), sorted(raw.secret_keys))
            pulumi.runtime.settings.ROOT.set(None)
            _sync_await(pulumi.runtime.stack.run_in_stack(lambda: _exec(program)))
        except BaseException as error:
            result["error"] = error
        finally:
            _close_loop()

    worker = threading.Thread(target=run, name=f"pulumi-{stack}", daemon=True)
    worker.start()
    worker.join()
    if "error" in result:
        raise ProgramError(result["error"], monitor.registrations)
    return ProgramRun(
        stack=stack,
        project=project,
        resources=monitor.registrations,
        outputs=monitor.stack_outputs,
    )


def _exec(program: Path) -> None:
    root = str(program.parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    runpy.run_path(str(program), run_name="__main__")


def _close_loop() -> None:
    loop = asyncio.get_event_loop()
    loop.close()
    asyncio.set_event_loop(None)
