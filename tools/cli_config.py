"""The Pulumi CLI's project and stack config rules: what ``pulumi preview`` refuses before the program runs,
and the config it hands the program when it does not.

Restated from pulumi/pulumi v3.187.0 — the minimum CLI the README names, and the release that added
``object`` config types (#20129, #20132):

- ``sdk/go/common/workspace/project.go``: ``Project.Validate`` (a declaration's ``default``/``value``,
  ``items`` and types), ``ValidateConfigValue`` and ``InferFullTypeName`` (what each type accepts),
  ``RewriteShorthandConfigValues`` (``key: value`` shorthands), ``configKeyIsNamespacedByProject``;
- ``sdk/go/common/workspace/loaders.go``: ``LoadProjectBytes`` (rewrite, then validate, messages
  prefixed ``could not unmarshal 'Pulumi.yaml'``), ``LoadProjectStackBytes`` (keys without a
  namespace get the project's; an empty value reads as ``""``);
- ``sdk/go/common/workspace/config.go``: ``mergeConfig`` (declarations in key order: a key the
  stack sets is validated, a missing one takes its ``default``/``value``, a project-namespaced one
  with neither is missing; the first validation error wins, missing keys are reported together at
  the end), ``validateStackConfigValue`` (secret before type), ``formatMissingKeys``,
  ``createConfigValue``;
- ``sdk/go/common/resource/config/key.go`` (``ParseKey``), ``object.go`` (``MarshalString``: which
  YAML values reach the program as JSON objects) and ``crypt.go`` (the ``v1:<nonce>:<ciphertext>``
  form of passphrase-encrypted values, ``symmetricCrypter.DecryptValue``'s errors).

The messages are the CLI's, word for word, except two that paved words itself because the CLI's
depend on a JSON-schema library or a backend: a malformed declaration (``#/config/<key>: …``) and a
secure value the stack's passphrase provider could not decrypt. Encrypted values cannot be decrypted
offline: the program sees ``SECRET_PLACEHOLDER``, marked secret, and their type is taken as text.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

SECRET_PLACEHOLDER = "[secret]"
"""What an encrypted config value reads as offline."""

CONFIG_TYPES = ("string", "integer", "boolean", "array", "object")
DECLARATION_ATTRIBUTES = ("type", "items", "description", "secret", "default", "value")
NONCE_BYTES = 12
"""AES-256-GCM's nonce, as the passphrase provider writes it."""

_ATOI = re.compile(r"^[+-]?\d+$")
_MISSING = object()


class CliConfigError(Exception):
    """What the Pulumi CLI would refuse; the message is the CLI's (one line)."""


@dataclass(frozen=True)
class Items:
    """An array declaration's ``items``: the element type, itself possibly an array."""

    type: str
    items: Items | None = None


@dataclass(frozen=True)
class Declaration:
    """One entry of ``Pulumi.yaml``'s ``config`` (a ``ProjectConfigType``)."""

    key: str
    type: str | None = None
    items: Items | None = None
    default: Any = _MISSING
    value: Any = _MISSING
    secret: bool = False

    @property
    def has_default(self) -> bool:
        return self.default is not _MISSING and self.default is not None

    @property
    def has_value(self) -> bool:
        return self.value is not _MISSING and self.value is not None


@dataclass(frozen=True)
class StackValue:
    """One stack config value as the CLI holds it (a ``config.Value``)."""

    text: str
    """What the program receives: the plaintext, JSON for objects and arrays."""
    secure: bool = False
    object: bool = False
    content: Any = None
    """What type checks see: the decrypted text, or the parsed JSON of an object; ``None`` when encrypted."""


@dataclass(frozen=True)
class MergedConfig:
    """The config the CLI hands the program: every value as text, and which keys are secret."""

    values: dict[str, str]
    secret_keys: frozenset[str]


# --- the project file --------------------------------------------------------------------------------


def project_declarations(project: Mapping[str, Any], *, file: str = "Pulumi.yaml") -> dict[str, Declaration]:
    """``Pulumi.yaml``'s config declarations, shorthands rewritten, each checked as ``Project.Validate`` does."""
    name = project_name(project, file=file)
    config = project.get("config") or {}
    if isinstance(config, str):  # the deprecated config-directory form: no declarations
        return {}
    if not isinstance(config, dict):
        raise CliConfigError(f"could not validate '{file}': #/config: expected object, string or null")
    declarations = {key: _declaration(name, str(key), entry, file) for key, entry in config.items()}
    for key in sorted(declarations):
        _check_declaration(name, declarations[key], file)
    return declarations


def project_name(project: Mapping[str, Any], *, file: str = "Pulumi.yaml") -> str:
    name = project.get("name")
    if name is None:
        raise CliConfigError(f"could not validate '{file}': project is missing a 'name' attribute")
    if not isinstance(name, str) or not name:
        raise CliConfigError(f"could not validate '{file}': project is missing a non-empty string 'name' attribute")
    if "runtime" not in project:
        raise CliConfigError(f"could not validate '{file}': project is missing a 'runtime' attribute")
    return name


def _declaration(project: str, key: str, entry: Any, file: str) -> Declaration:
    if _is_primitive(entry) or isinstance(entry, list):  # RewriteShorthandConfigValues
        if namespaced_by_project(project, key):
            return Declaration(key=key, default=entry)
        return Declaration(key=key, value=entry)
    if not isinstance(entry, dict):
        raise CliConfigError(f"could not validate '{file}': #/config/{key}: expected a value or a declaration")
    unknown = sorted(set(entry) - set(DECLARATION_ATTRIBUTES))
    if unknown:
        raise CliConfigError(
            f"could not validate '{file}': #/config/{key}: '{unknown[0]}' not allowed "
            f"(allowed: {', '.join(DECLARATION_ATTRIBUTES)})"
        )
    type_ = entry.get("type")
    if type_ is not None and type_ not in CONFIG_TYPES:
        raise CliConfigError(
            f"could not validate '{file}': #/config/{key}/type: {type_!r} is not one of {', '.join(CONFIG_TYPES)}"
        )
    if not isinstance(entry.get("secret", False), bool) or not isinstance(entry.get("description", ""), str):
        raise CliConfigError(f"could not validate '{file}': #/config/{key}: secret is a boolean, description text")
    return Declaration(
        key=key,
        type=type_,
        items=_items(entry.get("items"), key, file),
        default=entry.get("default", _MISSING),
        value=entry.get("value", _MISSING),
        secret=bool(entry.get("secret", False)),
    )


def _items(items: Any, key: str, file: str) -> Items | None:
    if items is None:
        return None
    if not isinstance(items, dict) or items.get("type") not in CONFIG_TYPES:
        raise CliConfigError(f"could not validate '{file}': #/config/{key}/items: needs a 'type' of a config type")
    return Items(type=items["type"], items=_items(items.get("items"), key, file))


def _check_declaration(project: str, declaration: Declaration, file: str) -> None:
    """``Project.Validate`` for one key."""
    key = declaration.key
    prefix = f"could not unmarshal '{file}': "
    if declaration.has_default and declaration.has_value:
        raise CliConfigError(f"{prefix}project config '{key}' cannot have both a 'default' and 'value' attribute")
    if namespaced_by_project(project, key):
        if declaration.type == "array" and declaration.items is None:
            raise CliConfigError(
                f"{prefix}The configuration key '{key}' declares an array but does not specify the underlying "
                "type via the 'items' attribute"
            )
        if (
            declaration.type is not None
            and declaration.has_default
            and not value_has_type(declaration.type, declaration.items, declaration.default)
        ):
            raise CliConfigError(
                f"{prefix}The default value specified for configuration key '{key}' is not of the expected "
                f"type '{full_type_name(declaration.type, declaration.items)}'"
            )
        return
    if declaration.type is not None:
        raise CliConfigError(
            f"{prefix}Configuration key '{key}' is not namespaced by the project and should not define a type"
        )
    if declaration.has_default:
        raise CliConfigError(
            f"{prefix}Configuration key '{key}' is not namespaced by the project and should not define a default "
            "value. Did you mean to use the 'value' attribute instead of 'default'?"
        )
    if not declaration.has_value:
        raise CliConfigError(f"{prefix}Configuration key '{key}' is namespaced and must provide an attribute 'value'")


def namespaced_by_project(project: str, key: str) -> bool:
    return ":" not in key or key.startswith(f"{project}:")


# --- types -------------------------------------------------------------------------------------------


def value_has_type(type_: str, items: Items | None, value: Any) -> bool:
    """``ValidateConfigValue``: whether ``value`` (as YAML or JSON decoded it) is of the declared type."""
    if type_ == "string":
        return isinstance(value, str)
    if type_ == "integer":
        if isinstance(value, bool):
            return False
        if isinstance(value, int):
            return True
        if isinstance(value, float):
            return math.isfinite(value) and value == math.trunc(value)
        return isinstance(value, str) and _ATOI.match(value) is not None
    if type_ == "boolean":
        return isinstance(value, bool) or value in ("true", "false")
    if type_ == "object":
        return isinstance(value, dict)
    if not isinstance(value, list) or items is None:
        return False
    return all(value_has_type(items.type, items.items, item) for item in value)


def full_type_name(type_: str, items: Items | None) -> str:
    """``InferFullTypeName``: ``array<string>`` for an array of strings."""
    if items is not None:
        return f"array<{full_type_name(items.type, items.items)}>"
    return type_


# --- the stack file ----------------------------------------------------------------------------------


def stack_values(project: str, config: Mapping[str, Any], *, secure_keys: Iterable[str] = ()) -> dict[str, StackValue]:
    """A stack file's ``config`` as the CLI reads it: keys namespaced, values as ``config.Value``s.

    ``secure_keys`` marks plain values as encrypted (tests write secrets as plain values).
    """
    secure = set(secure_keys)
    values: dict[str, StackValue] = {}
    for raw_key, raw_value in config.items():
        key = _parse_key(str(raw_key) if ":" in str(raw_key) else f"{project}:{raw_key}")
        value = stack_value(raw_value)
        if key in secure and not value.secure:
            value = StackValue(text=value.text, secure=True, object=value.object, content=None)
        values[key] = value
    return values


def stack_value(value: Any) -> StackValue:
    """One value (``MarshalString``): text as is, scalars as JSON text, objects and arrays as JSON objects.

    An empty value (YAML null) is a JSON ``null`` object, of no declared type; the CLI warns that the
    program reads it as ``""``.
    """
    if value is None:
        return StackValue(text="", object=True, content=None)
    if _is_secure(value):
        return StackValue(text=SECRET_PLACEHOLDER, secure=True)
    if isinstance(value, str):
        return StackValue(text=value, content=value)
    if isinstance(value, bool | int | float):
        text = _json(value)
        return StackValue(text=text, content=text)
    if _contains_secure(value):
        return StackValue(text=_json(_blind(value)), secure=True, object=True, content=_blind(value))
    text = _json(value)
    return StackValue(text=text, object=True, content=json.loads(text))


def _parse_key(key: str) -> str:
    """``config.ParseKey``: ``<namespace>:<name>``, or the old ``<namespace>:config:<name>`` (read as the first)."""
    parts = key.split(":")
    if len(parts) == 2:
        return key
    if len(parts) == 3 and parts[1] == "config" and all(parts):
        return f"{parts[0]}:{parts[2]}"
    raise CliConfigError(
        f"could not parse {key} as a configuration key (configuration keys should be of the form `<namespace>:<name>`)"
    )


def _is_secure(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"secure"} and isinstance(value["secure"], str)


def _contains_secure(value: Any) -> bool:
    if _is_secure(value):
        return True
    if isinstance(value, dict):
        return any(_contains_secure(item) for item in value.values())
    if isinstance(value, list):
        return any(_contains_secure(item) for item in value)
    return False


def _blind(value: Any) -> Any:
    if _is_secure(value):
        return SECRET_PLACEHOLDER
    if isinstance(value, dict):
        return {key: _blind(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_blind(item) for item in value]
    return value


def _is_primitive(value: Any) -> bool:
    """``isPrimitiveValue``: string, integer or boolean (not a float)."""
    return isinstance(value, str | bool | int) and not isinstance(value, float)


def _json(value: Any) -> str:
    """Go's ``json.Marshal`` of a YAML value: whole floats without a fraction, keys sorted, no spaces."""
    return json.dumps(_go_numbers(value), separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def _go_numbers(value: Any) -> Any:
    if isinstance(value, float) and math.isfinite(value) and value == math.trunc(value):
        return int(value)
    if isinstance(value, dict):
        return {str(key): _go_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_go_numbers(item) for item in value]
    return value


# --- encrypted values --------------------------------------------------------------------------------


def check_passphrase_ciphertexts(stack: Mapping[str, Any], config: Mapping[str, Any], *, file: str) -> None:
    """With a passphrase provider (``encryptionsalt``), every ``secure`` value must be its ``v1:`` ciphertext.

    The salt holds ``v1:<salt>:<ciphertext of "pulumi">``; each value ``v1:<nonce>:<ciphertext>``, both
    base64, the nonce 12 bytes (``symmetricCrypter.DecryptValue``'s checks, with its reasons). Whether
    they decrypt needs the passphrase, which the offline tools never ask for.
    """
    salt = stack.get("encryptionsalt")
    if salt is None or stack.get("secretsprovider") not in (None, "passphrase", "default"):
        return
    salt_parts = str(salt).split(":", 2)
    if len(salt_parts) != 3 or salt_parts[0] != "v1" or _base64(salt_parts[1]) is None:
        raise CliConfigError(f"{file}: encryptionsalt: bad value (expected v1:<salt>:<ciphertext>)")
    problem = ciphertext_problem(salt_parts[2])
    if problem:
        raise CliConfigError(f"{file}: encryptionsalt: {problem}")
    for key, value in config.items():
        if _is_secure(value):
            problem = ciphertext_problem(value["secure"])
            if problem:
                raise CliConfigError(f"{file}: {key}: cannot be decrypted by the passphrase provider ({problem})")


def ciphertext_problem(ciphertext: str) -> str | None:
    """Why the passphrase provider would reject ``ciphertext`` before decrypting, or ``None``."""
    parts = ciphertext.split(":")
    if len(parts) != 3:
        return "bad value"
    if parts[0] != "v1":
        return "unknown value version"
    nonce = _base64(parts[1])
    if nonce is None or _base64(parts[2]) is None:
        return "bad value: illegal base64 data"
    if len(nonce) != NONCE_BYTES:
        return "bad value: nonce size is incorrect"
    return None


def _base64(text: str) -> bytes | None:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


# --- merging ---------------------------------------------------------------------------------------


def merge_config(
    stack: str, project: str, declarations: Mapping[str, Declaration], values: Mapping[str, StackValue]
) -> MergedConfig:
    """``mergeConfig`` with validation, as ``pulumi preview`` runs it: the program's config, or the CLI's error."""
    merged = dict(values)
    missing: list[str] = []
    for declared in sorted(declarations):
        declaration = declarations[declared]
        key = _parse_key(declared if ":" in declared else f"{project}:{declared}")
        found = merged.get(key)
        if found is None and not declaration.has_value and not declaration.has_default:
            if key.split(":", 1)[0] == project:
                missing.append(declared)
            continue
        if found is None:
            merged[key] = _config_value(declaration.default if declaration.has_default else declaration.value)
            continue
        if declaration.type is not None:
            _validate(stack, declaration, found)
    if missing:
        raise CliConfigError(missing_keys_message(stack, missing))
    return MergedConfig(
        values={key: value.text for key, value in merged.items()},
        secret_keys=frozenset(key for key, value in merged.items() if value.secure),
    )


def _validate(stack: str, declaration: Declaration, value: StackValue) -> None:
    """``validateStackConfigValue``: a secret must be encrypted, then the value must be of its type."""
    if declaration.secret and not value.secure:
        raise CliConfigError(
            f"Stack '{stack}' with configuration key '{declaration.key}' must be encrypted as it's secret"
        )
    if value.secure and not value.object:
        return  # the plaintext is unknown offline; a secret is text
    assert declaration.type is not None  # callers validate typed declarations only
    if not value_has_type(declaration.type, declaration.items, value.content):
        raise CliConfigError(
            f"Stack '{stack}' with configuration key '{declaration.key}' must be of type "
            f"'{full_type_name(declaration.type, declaration.items)}'"
        )


def missing_keys_message(stack: str, keys: list[str]) -> str:
    """``missingStackConfigurationKeysError`` with ``formatMissingKeys``."""
    if len(keys) == 1:
        return f"Stack '{stack}' is missing configuration value '{keys[0]}'"
    ordered = sorted(keys)
    listed = " ".join(f"'{key}'," for key in ordered[:-2])
    listed = f"{listed} '{ordered[-2]}' and '{ordered[-1]}'".lstrip()
    return f"Stack '{stack}' is missing configuration values {listed}"


def _config_value(value: Any) -> StackValue:
    """``createConfigValue``: primitives as their text, anything else as a JSON object."""
    if _is_primitive(value):
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        return StackValue(text=text, content=text)
    text = _json(value)
    return StackValue(text=text, object=True, content=json.loads(text))
