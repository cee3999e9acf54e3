"""Read a ``pulumi stack export`` or ``pulumi preview --json`` file into a ``Snapshot``.

Formats, as the Pulumi CLI writes them (pulumi/pulumi, ``sdk/go/common/apitype/core.go`` and
``pkg/display/json.go``):

- ``pulumi stack export``: an ``UntypedDeployment`` ``{"version": 3, "deployment": DeploymentV3}``;
  ``deployment.resources[]`` are ``ResourceV3`` objects (``urn``, ``custom``, ``delete``, ``id``,
  ``type``, ``inputs``, ``outputs``, ``parent``, ``protect``, ``dependencies``, ``provider``,
  ``propertyDependencies``, ``retainOnDelete``, ``ignoreChanges``, ``additionalSecretOutputs``…).
  Secrets are ``{"4dabf1…": "1b4706…", "ciphertext": …}`` (or ``"plaintext"`` with
  ``--show-secrets``), values unknown at the time ``"04da6b54-80e4-46f7-96ec-b56ff0331ba9"``.
- ``pulumi preview --json``: a ``PreviewDigest`` ``{"config", "steps": [PreviewStep], "diagnostics",
  "changeSummary"}``; each step has ``op``, ``urn`` and, unless the resource goes away, a ``newState``
  ``ResourceV3``, in which secrets are blinded to the string ``"[secret]"``. Unchanged resources
  appear only with ``--show-sames``.

Every resource becomes a ``Registration``: ``properties`` in the wire form the analyzer receives
(secrets wrapped, unknowns as the unknown sentinel), ``inputs``/``outputs`` as plain values
(secrets unwrapped where readable, unknowns as None).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tools.errors import read_json_text
from tools.snapshot import InputError, Snapshot, Urn, parse_urn

if TYPE_CHECKING:  # imported when a resource is built: tools.check starts the pack first
    from tools.program import Registration

SIG_KEY = "4dabf18193072939515e22adb298388d"
SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
PREVIEW_SECRET = "[secret]"
"""What ``pulumi preview --json`` writes in place of a secret value."""

STACK_TYPE = "pulumi:pulumi:Stack"
SUPPORTED_VERSION = 3
GONE_OPS = frozenset({"delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace"})
"""Preview step ops after which the resource no longer exists."""


def read_snapshot(path: Path, *, stack: str | None = None) -> Snapshot:
    """The resources in an export or preview file; ``InputError`` (one line) when it is not one."""
    return snapshot_from_document(path, load_document(path), stack=stack)


def stack_of_document(document: dict[str, Any]) -> Urn | None:
    """The first resource's URN parts, read without building anything: which stack to start the pack for."""
    candidates: Any = document.get("steps")
    if isinstance(document.get("deployment"), dict):
        candidates = document["deployment"].get("resources")
    for item in candidates if isinstance(candidates, list) else []:
        urn = parse_urn(item.get("urn", "")) if isinstance(item, dict) and isinstance(item.get("urn"), str) else None
        if urn is not None:
            return urn
    return None


def snapshot_from_document(path: Path, document: dict[str, Any], *, stack: str | None = None) -> Snapshot:
    """The resources in a parsed export or preview document read from ``path``."""
    if "deployment" in document:
        resources, config, dry_run = _export_resources(path, document), {}, False
    elif "steps" in document or "changeSummary" in document:
        resources, config, dry_run = _preview_resources(path, document), preview_config(document), True
    else:
        raise InputError(
            f"{path}: neither a `pulumi stack export` (no 'deployment') nor a `pulumi preview --json` "
            "document (no 'steps')"
        )
    if not resources:
        hint = " (unchanged resources appear only with `pulumi preview --json --show-sames`)" if dry_run else ""
        raise InputError(f"{path}: no resources to check{hint}")
    urns = [_urn(path, r.urn, f"resource {r.urn!r}") for r in resources]
    return Snapshot(
        stack=stack or _one(path, "stack", {u.stack for u in urns}, hint="; pass --stack"),
        project=_one(path, "project", {u.project for u in urns}),
        source=str(path),
        resources=resources,
        config=config,
        dry_run=dry_run,
    )


def load_document(path: Path) -> dict[str, Any]:
    """The file's JSON object; ``InputError`` naming the file when it is missing, empty or not JSON."""
    text = read_json_text(path, str(path))
    if not text.strip():
        raise InputError(f"{path}: empty file, expected a `pulumi stack export` or `pulumi preview --json` document")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    if not isinstance(document, dict):
        raise InputError(f"{path}: expected a JSON object at the top level, found {_kind(document)}")
    return document


def _export_resources(path: Path, document: dict[str, Any]) -> list[Registration]:
    version = document.get("version")
    if version != SUPPORTED_VERSION:
        raise InputError(
            f"{path}: deployment version {version!r} is not supported (expected {SUPPORTED_VERSION}; "
            "export with a current Pulumi CLI: `pulumi stack export --file <file>`)"
        )
    deployment = document["deployment"]
    if not isinstance(deployment, dict):
        raise InputError(f"{path}: 'deployment' must be an object, found {_kind(deployment)}")
    items = _list(path, deployment.get("resources"), "deployment.resources")
    resources: list[Registration] = []
    for index, item in enumerate(items):
        where = f"deployment.resources[{index}]"
        state = _object(path, item, where)
        if state.get("delete") is True:
            continue  # an old copy waiting to be deleted: not part of the stack
        resource = _registration(path, state, where, preview=False)
        if resource is not None:
            resources.append(resource)
    return resources


def _preview_resources(path: Path, document: dict[str, Any]) -> list[Registration]:
    latest: dict[str, Registration] = {}
    for index, item in enumerate(_list(path, document.get("steps"), "steps")):
        where = f"steps[{index}]"
        step = _object(path, item, where)
        op = step.get("op")
        if not isinstance(op, str):
            raise InputError(f"{path}: {where}.op: expected a step operation string, found {_kind(op)}")
        if op in GONE_OPS or step.get("newState") is None:
            continue
        state = _object(path, step["newState"], f"{where}.newState")
        resource = _registration(path, state, f"{where}.newState", preview=True)
        if resource is not None:
            latest[resource.urn] = resource  # a replacement's later step carries the final state
    return list(latest.values())


def preview_config(document: dict[str, Any]) -> dict[str, str]:
    """The stack config a ``pulumi preview --json`` document carries, as the CLI hands it to the pack
    (strings; objects and lists as JSON). A stack export carries none."""
    if "deployment" in document:
        return {}
    config = document.get("config") or {}
    if not isinstance(config, dict):
        return {}
    return {str(key): value if isinstance(value, str) else json.dumps(value) for key, value in config.items()}


def _registration(path: Path, state: dict[str, Any], where: str, *, preview: bool) -> Registration | None:
    urn_text = state.get("urn")
    type_ = state.get("type")
    if not isinstance(urn_text, str):
        raise InputError(f"{path}: {where}.urn: expected a URN string, found {_kind(urn_text)}")
    urn = _urn(path, urn_text, f"{where}.urn")
    if not isinstance(type_, str) or not type_:
        raise InputError(f"{path}: {where}.type: expected a type token string, found {_kind(type_)}")
    if type_ == STACK_TYPE:
        return None
    from tools.program import Registration

    inputs = _object(path, _or_empty(state.get("inputs")), f"{where}.inputs")
    outputs = _object(path, _or_empty(state.get("outputs")), f"{where}.outputs")
    property_dependencies = _object(path, _or_empty(state.get("propertyDependencies")), f"{where}.propertyDependencies")
    return Registration(
        urn=urn_text,
        type=type_,
        name=urn.name,
        parent=_string(state.get("parent")),
        custom=state.get("custom") is True,
        remote=False,
        inputs=_plain(inputs, preview=preview),
        provider=_string(state.get("provider")),
        providers={},
        dependencies=_strings(state.get("dependencies")),
        property_dependencies={key: _strings(urns) for key, urns in property_dependencies.items()},
        protect=state.get("protect") is True,
        retain_on_delete=state.get("retainOnDelete") is True,
        delete_before_replace=False,
        ignore_changes=_strings(state.get("ignoreChanges")),
        additional_secret_outputs=_strings(state.get("additionalSecretOutputs")),
        properties=_wire(inputs, preview=preview),
        id=_string(state.get("id")),
        outputs=_plain(outputs, preview=preview),
    )


def _wire(value: Any, *, preview: bool) -> Any:
    """A state value in the form the analyzer receives over gRPC."""
    if isinstance(value, dict):
        if value.get(SIG_KEY) == SECRET_SIG:
            return {SIG_KEY: SECRET_SIG, "value": _wire(_secret_element(value), preview=preview)}
        return {key: _wire(item, preview=preview) for key, item in value.items() if not key.startswith("__")}
    if isinstance(value, list):
        return [_wire(item, preview=preview) for item in value]
    if preview and value == PREVIEW_SECRET:
        return {SIG_KEY: SECRET_SIG, "value": UNKNOWN}
    return value


def _plain(value: Any, *, preview: bool) -> Any:
    """A state value as plain data: secrets unwrapped where readable, unknowns as None."""
    if isinstance(value, dict):
        if value.get(SIG_KEY) == SECRET_SIG:
            return _plain(_secret_element(value), preview=preview)
        return {key: _plain(item, preview=preview) for key, item in value.items() if not key.startswith("__")}
    if isinstance(value, list):
        return [_plain(item, preview=preview) for item in value]
    if value == UNKNOWN or (preview and value == PREVIEW_SECRET):
        return None
    return value


def _secret_element(secret: dict[str, Any]) -> Any:
    """A secret's value: its JSON ``plaintext`` (``--show-secrets``), else unknown (encrypted offline)."""
    plaintext = secret.get("plaintext")
    if isinstance(plaintext, str):
        try:
            return json.loads(plaintext)
        except json.JSONDecodeError:
            return plaintext
    return UNKNOWN


def _urn(path: Path, text: str, where: str) -> Urn:
    urn = parse_urn(text)
    if urn is None:
        raise InputError(
            f"{path}: {where}: {text!r} is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>)"
        )
    return urn


def _one(path: Path, what: str, values: set[str], hint: str = "") -> str:
    if len(values) != 1:
        raise InputError(f"{path}: resources from more than one {what} ({', '.join(sorted(values))}){hint}")
    return next(iter(values))


def _object(path: Path, value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(f"{path}: {where}: expected an object, found {_kind(value)}")
    return value


def _list(path: Path, value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(f"{path}: {where}: expected a list, found {_kind(value)}")
    return value


def _or_empty(value: Any) -> Any:
    return {} if value is None else value


def _string(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _strings(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
