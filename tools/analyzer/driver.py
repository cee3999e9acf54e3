"""``Analyzer``: the pack in a child process, driven over gRPC as the CLI drives it, always stopped."""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
import weakref
from collections import deque
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Final

import grpc
from google.protobuf import empty_pb2, json_format, struct_pb2
from pulumi.runtime.proto import analyzer_pb2, analyzer_pb2_grpc

from tools import POLICY_PACK_DIR
from tools.analyzer.model import (
    ADVISORY,
    MANDATORY,
    UNCATEGORIZED,
    AnalyzerError,
    AnalyzerInfo,
    AnalyzerResource,
    PolicyInfo,
    ProviderRef,
    Violation,
)
from tools.policy_config import ENFORCEMENT_LEVELS, PolicySetting

_LEVEL_TO_PROTO: Final = {level: analyzer_pb2.EnforcementLevel.Value(level.upper()) for level in ENFORCEMENT_LEVELS}
_PROTO_TO_LEVEL: Final = {value: key for key, value in _LEVEL_TO_PROTO.items()}
_PROTO_TO_SEVERITY: Final = {
    analyzer_pb2.POLICY_SEVERITY_UNSPECIFIED: "",
    analyzer_pb2.POLICY_SEVERITY_LOW: "low",
    analyzer_pb2.POLICY_SEVERITY_MEDIUM: "medium",
    analyzer_pb2.POLICY_SEVERITY_HIGH: "high",
    analyzer_pb2.POLICY_SEVERITY_CRITICAL: "critical",
}
_MAX_MESSAGE: Final = 400 * 1024 * 1024
IN_FLIGHT: Final = 32
"""``Analyze`` calls kept in flight: this process encodes the next requests while the pack answers."""
PROJECT_FILE = "PulumiPolicy.yaml"
ENFORCEMENT_LEVEL_SCHEMA: Final = {"type": "string", "enum": list(ENFORCEMENT_LEVELS)}
"""What ``GetAnalyzerInfo`` adds to every policy's config schema as ``enforcementLevel``."""


class Analyzer:
    """The policy pack in a child process, driven over gRPC. Use it as a context manager."""

    def __init__(
        self,
        pack_dir: Path = POLICY_PACK_DIR,
        *,
        python: str | None = None,
        startup_timeout: float = 30.0,
        call_timeout: float = 120.0,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.pack_dir = Path(pack_dir)
        self.python = python or sys.executable
        self.startup_timeout = startup_timeout
        self.call_timeout = call_timeout
        self._extra_env = dict(env or {})
        self._process: subprocess.Popen[bytes] | None = None
        self._channel: grpc.Channel | None = None
        self._stub: analyzer_pb2_grpc.AnalyzerStub | None = None
        self._stderr: list[bytes] = []
        self._drains: list[threading.Thread] = []
        self._info: AnalyzerInfo | None = None
        self.port = 0
        self.startup_seconds = 0.0
        """Seconds from launch until the pack printed its port."""

    # lifecycle

    def __enter__(self) -> Analyzer:
        self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def start(self) -> None:
        if self._process is not None:
            raise AnalyzerError("the analyzer is already started")
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "PAVED_POLICY_EXIT_WITH_PARENT": "1", **self._extra_env}
        started = time.perf_counter()
        try:
            self._process = subprocess.Popen(
                [self.python, "-u", "__main__.py"],
                cwd=self.pack_dir,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                start_new_session=True,
            )
        except OSError as error:
            raise AnalyzerError(f"cannot start the policy pack with {self.python}: {error}") from None
        _RUNNING.add(self)
        try:
            self.port = self._read_port(started)
            self.startup_seconds = time.perf_counter() - started
            self._channel = grpc.insecure_channel(
                f"127.0.0.1:{self.port}",
                options=[
                    ("grpc.max_receive_message_length", _MAX_MESSAGE),
                    ("grpc.max_send_message_length", _MAX_MESSAGE),
                ],
            )
            self._wait_until_serving(self._channel, started)
            self._stub = analyzer_pb2_grpc.AnalyzerStub(self._channel)
        except BaseException:
            self.close()
            raise

    def _wait_until_serving(self, channel: grpc.Channel, started: float) -> None:
        """Wait for the pack to accept connections, but not for a pack that has exited (or been stopped
        by the caller meanwhile): that would only end at the start-up timeout."""
        ready = grpc.channel_ready_future(channel)
        deadline = started + self.startup_timeout
        while True:
            try:
                ready.result(timeout=0.05)
                return
            except grpc.FutureTimeoutError:
                process = self._process
                if process is None or process.poll() is not None:
                    ready.cancel()
                    raise AnalyzerError(f"the policy pack exited before serving{self._stderr_tail()}") from None
                if time.perf_counter() > deadline:
                    ready.cancel()
                    raise AnalyzerError(
                        f"the policy pack accepted no connection within {self.startup_timeout:g} s"
                    ) from None

    def _read_port(self, started: float) -> int:
        process = self._process
        assert process is not None and process.stdout is not None and process.stderr is not None
        line: list[bytes] = []
        reader = threading.Thread(target=lambda: line.append(process.stdout.readline()), daemon=True)  # type: ignore[union-attr]
        reader.start()
        self._drain(process.stderr, self._stderr)
        reader.join(timeout=max(0.0, self.startup_timeout - (time.perf_counter() - started)))
        if not line:
            raise AnalyzerError(
                f"the policy pack printed no port within {self.startup_timeout:g} s{self._stderr_tail()}"
            )
        text = line[0].decode(errors="replace").strip()
        if not text.isdigit():
            process.wait(timeout=5) if process.poll() is None else None
            raise AnalyzerError(f"the policy pack did not start (printed {text!r}){self._stderr_tail()}")
        self._drain(process.stdout, [])
        return int(text)

    def _drain(self, stream: Any, sink: list[bytes]) -> None:
        def run() -> None:
            with contextlib.suppress(ValueError, OSError):
                for chunk in iter(lambda: stream.read1(65536), b""):
                    sink.append(chunk)
                    if len(sink) > 256:
                        del sink[:128]

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        self._drains.append(thread)

    def _stderr_tail(self) -> str:
        time.sleep(0.05)
        tail = b"".join(self._stderr).decode(errors="replace").strip()
        return f":\n{tail[-4000:]}" if tail else ""

    def close(self) -> None:
        """Stop the pack and everything it started; safe to call more than once."""
        if self._channel is not None:
            with contextlib.suppress(Exception):
                self._channel.close()
            self._channel = None
            self._stub = None
        process, self._process = self._process, None
        _RUNNING.discard(self)
        if process is None:
            return
        if process.poll() is None:
            for sig, wait in ((signal.SIGTERM, 3.0), (signal.SIGKILL, 5.0)):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, sig)
                try:
                    process.wait(timeout=wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        for thread in self._drains:
            thread.join(timeout=1.0)
        self._drains.clear()

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def _call(self, method: str, request: Any) -> Any:
        if self._stub is None:
            raise AnalyzerError("the analyzer is not started")
        try:
            return getattr(self._stub, method)(request, timeout=self.call_timeout)
        except grpc.RpcError as error:
            code = error.code() if isinstance(error, grpc.Call) else None
            details = error.details() if isinstance(error, grpc.Call) else str(error)
            raise AnalyzerError(f"{method} failed ({code}): {details}{self._stderr_tail()}") from None

    # the analyzer calls

    def info(self) -> AnalyzerInfo:
        """``GetAnalyzerInfo``, as the CLI's plugin reads it (``analyzer_plugin.go``, pkg/v3.187.0): when the
        pack supports config each policy's schema gains an ``enforcementLevel`` property, and the version
        in ``PulumiPolicy.yaml`` wins over the pack's own (cached)."""
        if self._info is None:
            response = self._call("GetAnalyzerInfo", empty_pb2.Empty())
            categories = _categories()
            policies = {}
            for policy in response.policies:
                tags = tuple(policy.tags)
                policies[policy.name] = PolicyInfo(
                    name=policy.name,
                    description=policy.description,
                    enforcement=_PROTO_TO_LEVEL.get(policy.enforcementLevel, ADVISORY),
                    severity=_PROTO_TO_SEVERITY.get(policy.severity, ""),
                    tags=tags,
                    remediation_steps=policy.remediation_steps,
                    config_schema=_config_schema(policy) if response.supportsConfig else None,
                    kind="stack" if policy.policy_type == analyzer_pb2.POLICY_TYPE_STACK else "resource",
                    category=next((tag for tag in tags if tag in categories), UNCATEGORIZED),
                )
            self._info = AnalyzerInfo(
                name=response.name,
                version=self._project_version() or response.version,
                policies=policies,
                supports_config=response.supportsConfig,
                initial_config={
                    name: PolicySetting(
                        _PROTO_TO_LEVEL.get(entry.enforcementLevel, ""), json_format.MessageToDict(entry.properties)
                    )
                    for name, entry in response.initialConfig.items()
                },
            )
        return self._info

    def _project_version(self) -> str:
        """``version`` in the pack's ``PulumiPolicy.yaml``, or ''."""
        import yaml

        try:
            project = yaml.safe_load((self.pack_dir / PROJECT_FILE).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            return ""
        version = project.get("version") if isinstance(project, dict) else None
        return str(version) if version is not None else ""

    def configure(self, settings: Mapping[str, PolicySetting]) -> None:
        """``Configure`` with ``settings`` as they are: reconciling and validating them is the caller's
        (``tools.policy_reconcile``), as it is the CLI's and not its plugin's."""
        request = analyzer_pb2.ConfigureAnalyzerRequest()
        for name, setting in settings.items():
            entry = request.policyConfig[name]
            entry.enforcementLevel = _LEVEL_TO_PROTO[setting.level]
            entry.properties.update(_jsonable(setting.properties))
        self._call("Configure", request)

    def configure_stack(
        self,
        *,
        stack: str,
        project: str,
        organization: str = "organization",
        dry_run: bool = True,
        tags: Mapping[str, str] | None = None,
        config: Mapping[str, str] | None = None,
    ) -> None:
        """``ConfigureStack``: the stack the following resources belong to."""
        self._call(
            "ConfigureStack",
            analyzer_pb2.AnalyzerStackConfigureRequest(
                stack=stack,
                project=project,
                organization=organization,
                dry_run=dry_run,
                tags=dict(tags or {}),
                config=dict(config or {}),
            ),
        )

    def analyze(self, resource: AnalyzerResource) -> list[Violation]:
        """``Analyze`` one resource (resource policies)."""
        response = self._call("Analyze", _analyze_request(resource))
        return self._violations(response, default_urn=resource.urn, types={resource.urn: resource.type})

    def analyze_each(self, resources: Sequence[AnalyzerResource], *, in_flight: int = IN_FLIGHT) -> list[Violation]:
        """``Analyze`` every resource, in order, keeping a few calls in flight so that this process
        encodes the next requests while the pack evaluates the current one."""
        calls = self.calls(in_flight=in_flight)
        for resource in resources:
            calls.send(resource)
        return calls.finish()

    def calls(self, *, in_flight: int = IN_FLIGHT) -> AnalyzeCalls:
        """A queue of ``Analyze`` calls to feed one resource at a time."""
        if self._stub is None:
            raise AnalyzerError("the analyzer is not started")
        return AnalyzeCalls(self, self._stub, in_flight)

    def _failed(self, what: str, error: grpc.RpcError) -> AnalyzerError:
        details = error.details() if isinstance(error, grpc.Call) else str(error)
        return AnalyzerError(f"{what}: {details}{self._stderr_tail()}")

    def analyze_stack(self, resources: Sequence[AnalyzerResource]) -> list[Violation]:
        """``AnalyzeStack`` once over every resource (stack policies)."""
        request = analyzer_pb2.AnalyzeStackRequest()
        for resource in resources:
            entry = request.resources.add()
            entry.type = resource.type
            entry.urn = resource.urn
            entry.name = resource.name
            entry.properties.CopyFrom(_struct(resource.properties))
            entry.options.CopyFrom(_options(resource))
            if resource.provider is not None:
                entry.provider.CopyFrom(_provider(resource.provider))
            entry.parent = resource.parent
            entry.dependencies.extend(resource.dependencies)
            for key, urns in resource.property_dependencies.items():
                entry.propertyDependencies[key].urns.extend(urns)
        response = self._call("AnalyzeStack", request)
        return self._violations(response, default_urn="", types={r.urn: r.type for r in resources})

    def analyze_all(self, resources: Sequence[AnalyzerResource]) -> list[Violation]:
        """``Analyze`` per resource, then ``AnalyzeStack`` once — a whole preview's analysis."""
        violations = self.analyze_each(resources)
        violations.extend(self.analyze_stack(resources))
        return violations

    def plugin_version(self) -> str:
        return str(self._call("GetPluginInfo", empty_pb2.Empty()).version)

    def _violations(self, response: Any, *, default_urn: str, types: Mapping[str, str]) -> list[Violation]:
        policies = self.info().policies
        found: list[Violation] = []
        for diagnostic in response.diagnostics:
            urn = diagnostic.urn or default_urn
            description = diagnostic.description
            message = diagnostic.message
            if description and message.startswith(description):
                message = message[len(description) :].lstrip("\n")
            policy = policies.get(diagnostic.policyName)
            found.append(
                Violation(
                    policy=diagnostic.policyName,
                    enforcement=MANDATORY if diagnostic.enforcementLevel == analyzer_pb2.MANDATORY else ADVISORY,
                    urn=urn,
                    resource_type=types.get(urn, type_from_urn(urn)),
                    message=message or description,
                    category=policy.category if policy else UNCATEGORIZED,
                    severity=_PROTO_TO_SEVERITY.get(diagnostic.severity, "") or (policy.severity if policy else ""),
                )
            )
        return found


class AnalyzeCalls:
    """``Analyze`` calls sent and not yet answered: at most ``in_flight`` at once, answered in the order
    they were sent. ``finish`` waits for the rest and returns every violation, in resource order."""

    def __init__(self, analyzer: Analyzer, stub: Any, in_flight: int) -> None:
        self._analyzer, self._stub, self._in_flight = analyzer, stub, in_flight
        self._pending: deque[tuple[AnalyzerResource, Any]] = deque()
        self._violations: list[Violation] = []

    def send(self, resource: AnalyzerResource) -> None:
        if len(self._pending) >= self._in_flight:
            self._collect()
        request = _analyze_request(resource)
        try:
            future = self._stub.Analyze.future(request, timeout=self._analyzer.call_timeout)
        except ValueError as error:  # the channel was closed: the pack is being stopped
            raise AnalyzerError(f"Analyze failed for {resource.urn}: {error}") from None
        self._pending.append((resource, future))

    def finish(self) -> list[Violation]:
        while self._pending:
            self._collect()
        return self._violations

    def _collect(self) -> None:
        resource, future = self._pending.popleft()
        try:
            response = future.result()
        except grpc.RpcError as error:
            for _, other in self._pending:
                other.cancel()
            self._pending.clear()
            raise self._analyzer._failed(f"Analyze failed for {resource.urn}", error) from None
        types = {resource.urn: resource.type}
        self._violations.extend(self._analyzer._violations(response, default_urn=resource.urn, types=types))


_RUNNING: weakref.WeakSet[Analyzer] = weakref.WeakSet()
"""Packs started and not yet stopped; stopped at interpreter exit if a caller forgot."""


@atexit.register
def _stop_all() -> None:
    for analyzer in list(_RUNNING):
        analyzer.close()


def _analyze_request(resource: AnalyzerResource) -> analyzer_pb2.AnalyzeRequest:
    request = analyzer_pb2.AnalyzeRequest(
        type=resource.type,
        urn=resource.urn,
        name=resource.name,
        properties=_struct(resource.properties),
        options=_options(resource),
    )
    if resource.provider is not None:
        request.provider.CopyFrom(_provider(resource.provider))
    return request


def _struct(properties: Mapping[str, Any]) -> struct_pb2.Struct:
    struct = struct_pb2.Struct()
    struct.update(_jsonable(properties))
    return struct


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _options(resource: AnalyzerResource) -> analyzer_pb2.AnalyzerResourceOptions:
    return analyzer_pb2.AnalyzerResourceOptions(
        protect=resource.protect,
        ignoreChanges=list(resource.ignore_changes),
        deleteBeforeReplace=bool(resource.delete_before_replace),
        deleteBeforeReplaceDefined=resource.delete_before_replace is not None,
        additionalSecretOutputs=list(resource.additional_secret_outputs),
        aliases=list(resource.aliases),
        parent=resource.parent,
    )


def _provider(provider: ProviderRef) -> analyzer_pb2.AnalyzerProviderResource:
    return analyzer_pb2.AnalyzerProviderResource(
        type=provider.type, name=provider.name, urn=provider.urn, properties=_struct(provider.properties)
    )


def _config_schema(policy: Any) -> dict[str, Any]:
    """``convertConfigSchema`` plus the ``enforcementLevel`` property ``GetAnalyzerInfo`` injects."""
    schema = json_format.MessageToDict(policy.configSchema) if policy.HasField("configSchema") else {}
    properties = {**(schema.get("properties") or {}), "enforcementLevel": ENFORCEMENT_LEVEL_SCHEMA}
    return {"properties": properties, "required": list(schema.get("required") or [])}


def _categories() -> tuple[str, ...]:
    """The pack's category tags, from the pack itself (``policies/`` is on the path: ``tools/__init__``)."""
    from paved_policies.policy import CATEGORIES

    return tuple(CATEGORIES)


def type_from_urn(urn: str) -> str:
    parts = urn.split("::")
    return parts[2].split("$")[-1] if len(parts) >= 4 else ""


def name_from_urn(urn: str) -> str:
    return urn.rsplit("::", 1)[-1]
