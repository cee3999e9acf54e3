"""Drive paved's policy pack through the Pulumi analyzer gRPC interface, exactly as the CLI does.

The CLI starts ``policies/__main__.py`` with ``policies/`` as its working directory, reads the port
the pack prints, then calls ``GetAnalyzerInfo``, ``Configure`` (the policy config, reconciled with
each policy's defaults and validated against its schema), ``ConfigureStack``, ``Analyze`` once per
resource and ``AnalyzeStack`` once. ``Analyzer`` does the same in one process for any number of
resources, and always stops the pack — on success, on error, on timeout and on Ctrl-C::

    with Analyzer() as pack:
        pack.configure(load_policy_config(POLICIES_DIR / "config" / "dev.json"))
        pack.configure_stack(stack="dev", project="paved")
        violations = pack.analyze_all(resources_from_registrations(run.resources))

``tools.plan``/``tools.check`` build on this module; tests feed the repo's stacks through it.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
import weakref
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final

import grpc
from google.protobuf import empty_pb2, json_format, struct_pb2
from pulumi.runtime.proto import analyzer_pb2, analyzer_pb2_grpc

if TYPE_CHECKING:
    from tools.program import Registration

REPO_ROOT: Final = Path(__file__).resolve().parent.parent
POLICIES_DIR: Final = REPO_ROOT / "policies"

ENFORCEMENT_LEVELS: Final = ("advisory", "mandatory", "remediate", "disabled")
CATEGORIES: Final = (
    "encryption-at-rest",
    "encryption-in-transit",
    "iam-least-privilege",
    "public-exposure",
    "data-protection",
    "logging",
    "tagging",
    "cost",
)
_LEVEL_TO_PROTO: Final = {
    "advisory": analyzer_pb2.ADVISORY,
    "mandatory": analyzer_pb2.MANDATORY,
    "remediate": analyzer_pb2.REMEDIATE,
    "disabled": analyzer_pb2.DISABLED,
}
_PROTO_TO_LEVEL: Final = {value: key for key, value in _LEVEL_TO_PROTO.items()}
_PROTO_TO_SEVERITY: Final = {
    analyzer_pb2.POLICY_SEVERITY_UNSPECIFIED: "",
    analyzer_pb2.POLICY_SEVERITY_LOW: "low",
    analyzer_pb2.POLICY_SEVERITY_MEDIUM: "medium",
    analyzer_pb2.POLICY_SEVERITY_HIGH: "high",
    analyzer_pb2.POLICY_SEVERITY_CRITICAL: "critical",
}
_MAX_MESSAGE: Final = 400 * 1024 * 1024


class AnalyzerError(RuntimeError):
    """The pack could not be started, answered with an error, or timed out."""


class PolicyConfigError(ValueError):
    """The policy config is malformed or does not match the pack's config schemas (as the CLI rejects it)."""


# --- the data model ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProviderRef:
    """The provider a resource is created with, as the analyzer sees it."""

    type: str
    name: str
    urn: str
    properties: Mapping[str, Any] = field(default_factory=dict)
    """The provider's inputs on the wire: non-string values are JSON strings (``defaultTags``)."""


@dataclass
class AnalyzerResource:
    """One resource as the engine hands it to analyzers."""

    urn: str
    type: str
    name: str
    properties: Mapping[str, Any]
    """The engine's camelCase properties; wire forms (unknown sentinels, secret objects) are kept."""
    parent: str = ""
    dependencies: Sequence[str] = ()
    property_dependencies: Mapping[str, Sequence[str]] = field(default_factory=dict)
    provider: ProviderRef | None = None
    protect: bool = False
    retain_on_delete: bool = False
    delete_before_replace: bool | None = None
    ignore_changes: Sequence[str] = ()
    additional_secret_outputs: Sequence[str] = ()
    aliases: Sequence[str] = ()
    custom: bool = True


@dataclass(frozen=True)
class Violation:
    """One diagnostic from the pack."""

    policy: str
    enforcement: str
    """``mandatory``, ``advisory``, ``remediate`` or ``disabled``."""
    urn: str
    """The resource's URN ('' for a stack-level violation)."""
    resource_type: str
    message: str
    """What is wrong here (the policy's description is kept apart in ``description``)."""
    severity: str
    category: str
    description: str = ""

    @property
    def mandatory(self) -> bool:
        return self.enforcement == "mandatory"

    def as_json(self) -> dict[str, str]:
        return {
            "policy": self.policy,
            "enforcement": self.enforcement,
            "urn": self.urn,
            "resource_type": self.resource_type,
            "message": self.message,
            "severity": self.severity,
            "category": self.category,
        }


@dataclass(frozen=True)
class PolicyInfo:
    name: str
    description: str
    enforcement: str
    severity: str
    tags: tuple[str, ...]
    remediation_steps: str
    config_schema: Mapping[str, Any]
    """``{"properties": {...}, "required": [...]}`` as the pack declares it."""
    kind: str
    """``resource`` or ``stack``."""

    @property
    def category(self) -> str:
        return next((tag for tag in self.tags if tag in CATEGORIES), "")


@dataclass(frozen=True)
class AnalyzerInfo:
    name: str
    version: str
    policies: Mapping[str, PolicyInfo]


# --- policy config, as the CLI reads and reconciles it --------------------------------------------


def load_policy_config(path: Path) -> dict[str, Any]:
    """A policy-config file (``{"all": ..., "<policy>": "<level>" | {...}}``); ``PolicyConfigError``
    names the file and key on any problem."""
    try:
        document = json.loads(path.read_text(encoding="utf-8")) if path.read_text(encoding="utf-8").strip() else {}
    except OSError as error:
        raise PolicyConfigError(f"{path}: cannot read ({error.strerror})") from None
    except json.JSONDecodeError as error:
        raise PolicyConfigError(f"{path}: not valid JSON ({error.msg} at line {error.lineno})") from None
    if not isinstance(document, dict):
        raise PolicyConfigError(f"{path}: must be a JSON object of policy names")
    try:
        parse_policy_config(document)
    except PolicyConfigError as error:
        raise PolicyConfigError(f"{path}: {error}") from None
    return document


def parse_policy_config(config: Mapping[str, Any]) -> dict[str, tuple[str | None, dict[str, Any]]]:
    """Each key → (enforcement level or None, properties), as the CLI parses a config file."""
    parsed: dict[str, tuple[str | None, dict[str, Any]]] = {}
    for key, value in config.items():
        if isinstance(value, str):
            parsed[key] = (_level(key, value), {})
        elif isinstance(value, Mapping):
            properties = dict(value)
            level = properties.pop("enforcementLevel", None)
            parsed[key] = (_level(key, level) if level is not None else None, properties)
        else:
            raise PolicyConfigError(f"{key}: {value!r} is not valid; must be an enforcement level or an object")
    return parsed


def _level(key: str, value: Any) -> str:
    if not isinstance(value, str) or value not in ENFORCEMENT_LEVELS:
        raise PolicyConfigError(
            f"{key}.enforcementLevel: {value!r} is not an enforcement level ({', '.join(ENFORCEMENT_LEVELS)})"
        )
    return value


def reconcile_policy_config(info: AnalyzerInfo, config: Mapping[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    """The config the CLI sends to ``Configure``: each policy's default level and schema defaults,
    then ``all``'s level, then each given key; validated against each policy's config schema."""
    given = parse_policy_config(config)
    result: dict[str, tuple[str, dict[str, Any]]] = {}
    for policy in info.policies.values():
        defaults = {
            key: schema["default"]
            for key, schema in (policy.config_schema.get("properties") or {}).items()
            if isinstance(schema, Mapping) and "default" in schema
        }
        result[policy.name] = (policy.enforcement, defaults)
    all_level = given.get("all", (None, {}))[0]
    if all_level is not None:
        result = {name: (all_level, properties) for name, (_, properties) in result.items()}
    for key, (level, properties) in given.items():
        current_level, current = result.get(key, (all_level or "advisory", {}))
        result[key] = (level or current_level, {**current, **properties})
    _validate(info, result)
    return result


def _validate(info: AnalyzerInfo, config: Mapping[str, tuple[str, dict[str, Any]]]) -> None:
    import jsonschema

    problems: list[str] = []
    for policy in info.policies.values():
        schema = policy.config_schema
        if not schema.get("properties") and not schema.get("required"):
            continue
        document: dict[str, Any] = {"type": "object", "properties": dict(schema.get("properties") or {})}
        if schema.get("required"):
            document["required"] = list(schema["required"])
        validator = jsonschema.Draft7Validator(document, format_checker=jsonschema.FormatChecker())
        for error in sorted(validator.iter_errors(config.get(policy.name, ("", {}))[1]), key=str):
            where = ".".join(str(part) for part in error.absolute_path)
            problems.append(f"{policy.name}{'.' + where if where else ''}: {error.message}")
    if problems:
        raise PolicyConfigError("invalid policy config: " + "; ".join(problems))


# --- the driver ------------------------------------------------------------------------------------


class Analyzer:
    """The policy pack in a child process, driven over gRPC. Use it as a context manager."""

    def __init__(
        self,
        pack_dir: Path = POLICIES_DIR,
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
            grpc.channel_ready_future(self._channel).result(timeout=self.startup_timeout)
            self._stub = analyzer_pb2_grpc.AnalyzerStub(self._channel)
        except BaseException:
            self.close()
            raise

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
        """``GetAnalyzerInfo``: the pack's name, version and policies (cached)."""
        if self._info is None:
            response = self._call("GetAnalyzerInfo", empty_pb2.Empty())
            policies = {}
            for policy in response.policies:
                schema = json_format.MessageToDict(policy.configSchema) if policy.HasField("configSchema") else {}
                policies[policy.name] = PolicyInfo(
                    name=policy.name,
                    description=policy.description,
                    enforcement=_PROTO_TO_LEVEL.get(policy.enforcementLevel, "advisory"),
                    severity=_PROTO_TO_SEVERITY.get(policy.severity, ""),
                    tags=tuple(policy.tags),
                    remediation_steps=policy.remediation_steps,
                    config_schema={"properties": schema.get("properties", {}), "required": schema.get("required", [])},
                    kind="stack" if policy.policy_type == analyzer_pb2.POLICY_TYPE_STACK else "resource",
                )
            self._info = AnalyzerInfo(name=response.name, version=response.version, policies=policies)
        return self._info

    def configure(self, policy_config: Mapping[str, Any] | None = None) -> dict[str, tuple[str, dict[str, Any]]]:
        """``Configure`` with the config reconciled and validated as the CLI does; returns what was sent.

        Raises ``PolicyConfigError`` (before anything is sent) when the config does not match the
        pack's schemas — an exemption without a reason or with a bad date, for example.
        """
        reconciled = reconcile_policy_config(self.info(), policy_config or {})
        request = analyzer_pb2.ConfigureAnalyzerRequest()
        for name, (level, properties) in reconciled.items():
            entry = request.policyConfig[name]
            entry.enforcementLevel = _LEVEL_TO_PROTO[level]
            entry.properties.update(properties)
        self._call("Configure", request)
        return reconciled

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

    def analyze_each(self, resources: Sequence[AnalyzerResource], *, in_flight: int = 8) -> list[Violation]:
        """``Analyze`` every resource, in order, keeping a few calls in flight so that this process
        encodes the next requests while the pack evaluates the current one."""
        if self._stub is None:
            raise AnalyzerError("the analyzer is not started")
        violations: list[Violation] = []
        pending: deque[tuple[AnalyzerResource, Any]] = deque()

        def collect() -> None:
            resource, future = pending.popleft()
            try:
                response = future.result()
            except grpc.RpcError as error:
                for _, other in pending:
                    other.cancel()
                details = error.details() if isinstance(error, grpc.Call) else str(error)
                raise AnalyzerError(f"Analyze failed for {resource.urn}: {details}{self._stderr_tail()}") from None
            violations.extend(self._violations(response, default_urn=resource.urn, types={resource.urn: resource.type}))

        for resource in resources:
            pending.append((resource, self._stub.Analyze.future(_analyze_request(resource), timeout=self.call_timeout)))
            if len(pending) >= in_flight:
                collect()
        while pending:
            collect()
        return violations

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
                    enforcement=_PROTO_TO_LEVEL.get(diagnostic.enforcementLevel, "advisory"),
                    urn=urn,
                    resource_type=types.get(urn, _type_from_urn(urn)),
                    message=message or description,
                    severity=_PROTO_TO_SEVERITY.get(diagnostic.severity, "") or (policy.severity if policy else ""),
                    category=policy.category if policy else "",
                    description=description,
                )
            )
        return found


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


def _type_from_urn(urn: str) -> str:
    parts = urn.split("::")
    return parts[2].split("$")[-1] if len(parts) >= 4 else ""


def name_from_urn(urn: str) -> str:
    return urn.rsplit("::", 1)[-1]


# --- from a program run ----------------------------------------------------------------------------


def resources_from_registrations(registrations: Iterable[Registration]) -> list[AnalyzerResource]:
    """What the engine would hand analyzers for a ``tools.program`` run: every registration (custom
    resources, components, providers) with its wire properties, options, parent, dependencies and
    provider — the provider's properties taken from the provider's own registration."""
    registered = list(registrations)
    providers = {r.urn: r for r in registered if r.is_provider}
    resources: list[AnalyzerResource] = []
    for registration in registered:
        resources.append(
            AnalyzerResource(
                urn=registration.urn,
                type=registration.type,
                name=registration.name,
                properties=registration.properties,
                parent=registration.parent,
                dependencies=list(registration.dependencies),
                property_dependencies={key: list(urns) for key, urns in registration.property_dependencies.items()},
                provider=_provider_ref(registration.provider_urn, providers),
                protect=registration.protect,
                retain_on_delete=registration.retain_on_delete,
                delete_before_replace=registration.delete_before_replace or None,
                ignore_changes=list(registration.ignore_changes),
                additional_secret_outputs=list(registration.additional_secret_outputs),
                custom=registration.custom,
            )
        )
    return resources


def _provider_ref(urn: str, providers: Mapping[str, Registration]) -> ProviderRef | None:
    if not urn:
        return None
    provider = providers.get(urn)
    return ProviderRef(
        type=_type_from_urn(urn),
        name=name_from_urn(urn),
        urn=urn,
        properties=dict(provider.properties) if provider is not None else {},
    )


# --- one call for a whole run ------------------------------------------------------------------------


@dataclass(frozen=True)
class Analysis:
    """Everything one analysis produced."""

    stack: str
    resources: int
    violations: list[Violation]
    startup_seconds: float
    seconds: float

    @property
    def mandatory(self) -> list[Violation]:
        return [violation for violation in self.violations if violation.mandatory]

    @property
    def passed(self) -> bool:
        return not self.mandatory


def analyze_resources(
    resources: Sequence[AnalyzerResource],
    *,
    stack: str,
    project: str,
    policy_config: Mapping[str, Any] | None = None,
    organization: str = "organization",
    dry_run: bool = True,
    pack_dir: Path = POLICIES_DIR,
    python: str | None = None,
) -> Analysis:
    """Start the pack, configure it, analyze every resource and the stack, stop the pack."""
    started = time.perf_counter()
    env = {"PULUMI_PROJECT": project, "PULUMI_STACK": stack, "PULUMI_DRY_RUN": "true" if dry_run else "false"}
    with Analyzer(pack_dir, python=python, env={**env, "PULUMI_ORGANIZATION": organization}) as pack:
        pack.configure(policy_config)
        pack.configure_stack(stack=stack, project=project, organization=organization, dry_run=dry_run)
        violations = pack.analyze_all(resources)
        startup = pack.startup_seconds
    return Analysis(
        stack=stack,
        resources=len(resources),
        violations=violations,
        startup_seconds=startup,
        seconds=time.perf_counter() - started,
    )


def default_policy_config(stack: str, pack_dir: Path = POLICIES_DIR) -> dict[str, Any]:
    """``policies/config/<stack>.json`` when it exists, else no config (every policy's default)."""
    path = pack_dir / "config" / f"{stack}.json"
    return load_policy_config(path) if path.exists() else {}


__all__ = [
    "POLICIES_DIR",
    "Analysis",
    "Analyzer",
    "AnalyzerError",
    "AnalyzerInfo",
    "AnalyzerResource",
    "PolicyConfigError",
    "PolicyInfo",
    "ProviderRef",
    "Violation",
    "analyze_resources",
    "default_policy_config",
    "load_policy_config",
    "parse_policy_config",
    "reconcile_policy_config",
    "resources_from_registrations",
]


# --- measuring -------------------------------------------------------------------------------------


def synthetic_resources(count: int, *, stack: str = "bench", project: str = "paved") -> list[AnalyzerResource]:
    """``count`` resources in a realistic mix (buckets with their attachments, databases, roles with
    policy documents, security groups, log groups, queues, functions), each on a tagged provider."""
    tags = json.dumps({"tags": {"environment": "dev", "project": project, "owner": "o", "cost-center": "c"}})
    provider = ProviderRef(
        type="pulumi:providers:aws",
        name="aws",
        urn=f"urn:pulumi:{stack}::{project}::pulumi:providers:aws::aws",
        properties={"region": "us-east-1", "defaultTags": tags},
    )
    document = json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": ["dynamodb:GetItem", "dynamodb:PutItem"],
                    "Resource": "arn:aws:dynamodb:::table/t",
                },
                {"Effect": "Allow", "Action": "logs:CreateLogStream", "Resource": "*"},
            ],
        }
    )
    templates: list[tuple[str, dict[str, Any], str]] = [
        ("aws:s3/bucket:Bucket", {"forceDestroy": False}, ""),
        (
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            {"rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms", "kmsMasterKeyId": "k"}}]},
            "bucket",
        ),
        ("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", dict.fromkeys(
            ("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"), True), "bucket"),
        (
            "aws:rds/instance:Instance",
            {"engine": "postgres", "engineVersion": "16.6", "instanceClass": "db.t4g.micro", "storageEncrypted": True,
             "backupRetentionPeriod": 7, "deletionProtection": True, "publiclyAccessible": False},
            "",
        ),
        ("aws:iam/role:Role", {"assumeRolePolicy": document.replace("dynamodb", "sts"), "inlinePolicies": []}, ""),
        ("aws:iam/rolePolicy:RolePolicy", {"policy": document}, "role"),
        ("aws:ec2/securityGroup:SecurityGroup", {"ingress": [{"protocol": "tcp", "fromPort": 443, "toPort": 443,
                                                              "cidrBlocks": ["10.0.0.0/16"]}], "egress": []}, ""),
        ("aws:cloudwatch/logGroup:LogGroup", {"retentionInDays": 30, "kmsKeyId": "k"}, ""),
        ("aws:sqs/queue:Queue", {"kmsMasterKeyId": "k", "visibilityTimeoutSeconds": 30}, ""),
        ("aws:lambda/function:Function", {"runtime": "python3.12", "handler": "app.handler", "memorySize": 512}, ""),
    ]  # fmt: skip
    resources: list[AnalyzerResource] = []
    last: dict[str, str] = {}
    for index in range(count):
        type_, props, points_at = templates[index % len(templates)]
        name = f"r{index}"
        urn = f"urn:pulumi:{stack}::{project}::{type_}::{name}"
        dependencies = [last[points_at]] if points_at in last else []
        resources.append(
            AnalyzerResource(
                urn=urn,
                type=type_,
                name=name,
                properties={**props, **({points_at: "04da6b54-80e4-46f7-96ec-b56ff0331ba9"} if dependencies else {})},
                dependencies=dependencies,
                property_dependencies={points_at: dependencies} if dependencies else {},
                provider=provider,
            )
        )
        kind = type_.rsplit(":", 1)[-1].lower()
        if kind in ("bucket", "role"):
            last[kind] = urn
    return resources


def benchmark(counts: Sequence[int] = (1000, 10000)) -> list[dict[str, float]]:
    """Start-up time and throughput (resources per second, Analyze per resource plus AnalyzeStack)."""
    figures: list[dict[str, float]] = []
    for count in counts:
        resources = synthetic_resources(count)
        with Analyzer(env={"PULUMI_PROJECT": "paved", "PULUMI_STACK": "bench", "PULUMI_DRY_RUN": "true"}) as pack:
            startup = pack.startup_seconds
            pack.configure({})
            pack.configure_stack(stack="bench", project="paved")
            started = time.perf_counter()
            pack.analyze_each(resources)
            analyzed = time.perf_counter()
            pack.analyze_stack(resources)
            finished = time.perf_counter()
        figures.append(
            {
                "resources": float(count),
                "startup_s": round(startup, 3),
                "analyze_s": round(analyzed - started, 2),
                "analyze_stack_s": round(finished - analyzed, 2),
                "resources_per_s": round(count / (finished - started), 1),
            }
        )
    return figures


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tools.analyzer", description="Measure the policy pack.")
    parser.add_argument("counts", nargs="*", type=int, default=[1000, 10000], help="synthetic resource counts")
    for row in benchmark(parser.parse_args().counts):
        print(json.dumps(row))
