"""What the installed pulumi-aws SDK says about a resource type's inputs, read from its source.

The engine sees a resource's inputs under the names and shapes of the Pulumi schema: camelCase
names, a Terraform block with ``MaxItems: 1`` as an object, any other block as a list whose
name the bridge pluralises (``cors_rule`` → ``corsRules``). The Python SDK is generated from
that schema, so its source carries every one of these facts:

- ``pulumi_aws/__init__.py`` registers every resource token and the module that holds it;
- a resource's ``_internal_init`` parameters are its inputs (snake_case), and the ``Args``
  classes in the module's ``_inputs.py`` are its nested types;
- an annotation with ``Sequence[...]`` is a list, ``Mapping[...]`` a map, a lone ``'…Args'``
  class an object (a ``MaxItems: 1`` block);
- ``@pulumi.getter(name="camelName")`` gives a camel name that is not the plain conversion.

Read from pulumi-aws 7.x (``pulumi_aws`` as installed by ``requirements.txt``). Files are read
lazily, one module directory at a time, and cached.
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final, Literal

Kind = Literal["scalar", "list", "map", "object"]

_REGISTER: Final = re.compile(r'resource_modules="""(.*?)"""', re.S)
_INTERNAL_INIT: Final = re.compile(r"def _internal_init\(__self__,(.*?)\):", re.S)
_ARGS_INIT: Final = re.compile(r"\nclass (\w+Args):\n    def __init__\(__self__(?:, \*,(.*?))?\):", re.S)
_PARAM: Final = re.compile(r"^\s+(\w+): (.*?)(?: = None)?,?$", re.M)
_GETTER: Final = re.compile(r'@pulumi\.getter\(name="(\w+)"\)\s+def (\w+)\(self\)')
_CLASS_NAME: Final = re.compile(r"'(?:_?[\w.]+\.)?(\w+Args)'")
_DEPRECATED_CLASS: Final = re.compile(r'warnings\.warn\("""([^"]*has been deprecated in favor of[^"]*)"""')
_SCALAR: Final = re.compile(r"_builtins\.(str|int|float|bool)")
PROVIDER_TOKEN: Final = "pulumi:providers:aws"
_SKIPPED_PARAMS: Final = frozenset({"resource_name", "opts", "__props__"})


@dataclass(frozen=True)
class Field:
    """One input: its SDK (snake_case) name, its engine (camelCase) name, its shape."""

    name: str
    camel: str
    kind: Kind
    nested: str | None = None
    """The ``Args`` class of an object or of a list's items, if it is a nested type."""
    scalar: str | None = None
    """The Python type of a scalar (or of a list's or map's items): ``str``, ``int``, ``float``, ``bool``."""


@dataclass(frozen=True)
class Shape:
    """The inputs of a resource or of a nested type, by SDK name."""

    owner: str
    fields: dict[str, Field]
    module: str


def sdk_root() -> Path:
    spec = importlib.util.find_spec("pulumi_aws")
    if spec is None or spec.origin is None:
        raise RuntimeError("pulumi_aws is not installed")
    return Path(spec.origin).parent


def sdk_version() -> str:
    import importlib.metadata

    return importlib.metadata.version("pulumi_aws")


@cache
def resource_classes() -> dict[str, tuple[str, str]]:
    """Every resource token → (module directory, class name), from the SDK's registration table."""
    source = (sdk_root() / "__init__.py").read_text(encoding="utf-8")
    match = _REGISTER.search(source)
    if match is None:
        raise RuntimeError("pulumi_aws/__init__.py has no resource_modules table")
    found: dict[str, tuple[str, str]] = {}
    for entry in json.loads(match.group(1)):
        directory = entry["fqn"].removeprefix("pulumi_aws").lstrip(".").replace(".", "/")
        for token, class_name in entry["classes"].items():
            found[token] = (directory, class_name)
    found[PROVIDER_TOKEN] = ("", "Provider")
    return found


def snake(camel: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", camel).lower()


def lower_camel(snake_name: str) -> str:
    head, *rest = snake_name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


@cache
def _module_files(directory: str) -> dict[str, str]:
    """The source of every file of an SDK module directory, by file name."""
    root = sdk_root() / directory
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(root.glob("*.py"))}


def _class_source(directory: str, class_name: str) -> str:
    for source in _module_files(directory).values():
        for base in ("CustomResource", "ProviderResource"):
            header = f"\nclass {class_name}(pulumi.{base}):"
            start = source.find(header)
            if start >= 0:
                end = source.find("\nclass ", start + len(header))
                return source[start : end if end >= 0 else len(source)]
    raise KeyError(f"{directory}: no resource class {class_name}")


def _kind(annotation: str, nested: str | None) -> Kind:
    if "Sequence[" in annotation:
        return "list"
    if "Mapping[" in annotation:
        return "map"
    if nested is not None and "_builtins.str" not in annotation:
        return "object"
    return "scalar"


def _fields(params: str, camel_names: dict[str, str]) -> dict[str, Field]:
    fields: dict[str, Field] = {}
    for name, annotation in _PARAM.findall(params):
        if name in _SKIPPED_PARAMS:
            continue
        nested_match = _CLASS_NAME.search(annotation)
        nested = nested_match.group(1) if nested_match else None
        kind = _kind(annotation, nested)
        scalar = _SCALAR.search(annotation)
        fields[name] = Field(
            name,
            camel_names.get(name, lower_camel(name)),
            kind,
            nested if kind != "scalar" else None,
            scalar.group(1) if scalar and (nested is None or kind == "scalar") else None,
        )
    return fields


@cache
def resource_shape(token: str) -> Shape:
    """The inputs of resource type ``token`` (raises ``KeyError`` for a type the SDK lacks)."""
    directory, class_name = resource_classes()[token]
    source = _class_source(directory, class_name)
    init = _INTERNAL_INIT.search(source)
    if init is None:
        raise KeyError(f"{token}: no _internal_init in {class_name}")
    camel_names = {snake_name: camel for camel, snake_name in _GETTER.findall(source)}
    camel_names.update(_args_getters(directory, f"{class_name}Args"))
    return Shape(token, _fields(init.group(1), camel_names), directory)


def _args_getters(directory: str, args_class: str) -> dict[str, str]:
    for source in _module_files(directory).values():
        start = source.find(f"\nclass {args_class}:")
        if start >= 0:
            end = source.find("\nclass ", start + 1)
            body = source[start : end if end >= 0 else len(source)]
            return {snake_name: camel for camel, snake_name in _GETTER.findall(body)}
    return {}


@cache
def _input_classes(directory: str) -> dict[str, tuple[str, dict[str, str]]]:
    """Every ``…Args`` input class of a module's ``_inputs.py``: its parameters and camel names."""
    path = sdk_root() / directory / "_inputs.py" if directory else sdk_root() / "_inputs.py"
    if not path.exists():
        return {}
    source = path.read_text(encoding="utf-8")
    classes: dict[str, tuple[str, dict[str, str]]] = {}
    for match in _ARGS_INIT.finditer(source):
        end = source.find("\nclass ", match.end())
        body = source[match.end() : end if end >= 0 else len(source)]
        classes[match.group(1)] = (match.group(2) or "", {s: c for c, s in _GETTER.findall(body)})
    return classes


@cache
def nested_shape(directory: str, args_class: str) -> Shape:
    """The fields of nested type ``args_class`` (looked up in the module, then the package root)."""
    for place in (directory, ""):
        found = _input_classes(place).get(args_class)
        if found is not None:
            params, camel_names = found
            return Shape(args_class, _fields(params, camel_names), place)
    raise KeyError(f"{directory}: no input type {args_class}")


@cache
def deprecated_message(token: str) -> str | None:
    """The SDK's "deprecated in favor of" warning for a resource class, if it has one."""
    directory, class_name = resource_classes()[token]
    match = _DEPRECATED_CLASS.search(_class_source(directory, class_name))
    return match.group(1) if match else None
