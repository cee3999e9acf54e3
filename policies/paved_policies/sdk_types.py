"""Facts about AWS resource types derived from the installed pulumi-aws SDK, never hand-typed.

``python -m paved_policies.sdk_types`` (run from ``policies/``) rescans the SDK and rewrites
``data/taggable_types.json``: every resource type whose constructor takes ``tags``. A test fails
when the file drifts from the installed SDK.
"""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
TAGGABLE_FILE = DATA_DIR / "taggable_types.json"

_INIT = re.compile(r"def _internal_init\(__self__,(.*?)\):", re.S)
_TOKEN = re.compile(r"super\(\w+, __self__\)\.__init__\(\s*'([^']+)'")
_TAGS_PARAM = re.compile(r"^\s+tags: ", re.M)


def scan_sdk(root: Path | None = None) -> dict[str, bool]:
    """Every resource type token in the SDK → whether its constructor takes ``tags``."""
    if root is None:
        import importlib.util

        spec = importlib.util.find_spec("pulumi_aws")
        if spec is None or spec.origin is None:
            raise RuntimeError("pulumi_aws is not installed")
        root = Path(spec.origin).parent
    found: dict[str, bool] = {}
    for path in sorted(root.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if "_internal_init" not in source:
            continue
        for init in _INIT.finditer(source):
            token = _TOKEN.search(source, init.end())
            if token is None or ":" not in token.group(1):
                continue
            found[token.group(1)] = bool(_TAGS_PARAM.search(init.group(1)))
    return found


_PARAM = re.compile(r"^\s+(\w+):", re.M)
_GETTER = re.compile(r'@pulumi\.getter\(name="(\w+)"\)\s+def (\w+)\(self\)')


def _camel(snake: str, names: dict[str, str]) -> str:
    if snake in names:
        return names[snake]
    head, *rest = snake.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def scan_inputs(root: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Every resource type token → its input property names as the engine sees them (camelCase)."""
    if root is None:
        import importlib.util

        spec = importlib.util.find_spec("pulumi_aws")
        if spec is None or spec.origin is None:
            raise RuntimeError("pulumi_aws is not installed")
        root = Path(spec.origin).parent
    found: dict[str, tuple[str, ...]] = {}
    for path in sorted(root.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if "_internal_init" not in source:
            continue
        names = {snake: camel for camel, snake in _GETTER.findall(source)}
        for init in _INIT.finditer(source):
            token = _TOKEN.search(source, init.end())
            if token is None or ":" not in token.group(1):
                continue
            params = [name for name in _PARAM.findall(init.group(1)) if name not in ("resource_name", "opts")]
            found[token.group(1)] = tuple(_camel(name, names) for name in params)
    return found


def taggable_from_sdk(root: Path | None = None) -> list[str]:
    return sorted(token for token, taggable in scan_sdk(root).items() if taggable)


@cache
def taggable_types() -> frozenset[str]:
    """The taggable resource types, from the data file (loaded once, on first use)."""
    return frozenset(json.loads(TAGGABLE_FILE.read_text(encoding="utf-8"))["types"])


def write_taggable_file() -> int:
    import importlib.metadata

    types = taggable_from_sdk()
    document = {
        "source": f"pulumi-aws {importlib.metadata.version('pulumi_aws')}: resource types whose constructor takes tags",
        "types": types,
    }
    TAGGABLE_FILE.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    return len(types)


if __name__ == "__main__":
    count = write_taggable_file()
    print(f"wrote {count} taggable types to {TAGGABLE_FILE}", file=sys.stderr)
