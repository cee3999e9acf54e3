"""Scenarios from Checkov's own tests of its AWS Terraform checks.

- ``tests/terraform/checks/resource/aws/test_<Check>.py``: a test that runs the check on
  ``example_<Check>/`` lists the addresses it expects to pass (``passing_resources``) and to
  fail (``failing_resources``); the other tests hand the check one resource's configuration
  (``hcl2.loads`` of a string, or a python-hcl2 dict) and assert ``CheckResult.PASSED``/``FAILED``.
  A dict is written back as HCL for the converter, blocks and map attributes told apart by the
  pulumi-aws schema of the check's resource type.
- ``tests/terraform/graph/checks/resources/<Check>/``: ``main.tf`` and ``expected.yaml``
  (``pass``/``fail`` addresses) for the graph checks.

The check a test is about is found from the module it imports (or the graph check's file name)
through ``source`` in the Checkov inventory.
"""

from __future__ import annotations

import ast
import json
import re
from typing import Any, Final

import yaml

from tools.corpus.sdk_schema import resource_shape
from tools.corpus.sources import GitTree, SourceScenario
from tools.corpus.tokens import token_for

RESOURCE_TESTS: Final = "tests/terraform/checks/resource/aws"
GRAPH_TESTS: Final = "tests/terraform/graph/checks/resources"
_ADDRESS: Final = re.compile(r"^aws_[a-z0-9_]+\.[\w-]+$")
_CHECK_MODULE: Final = "checkov.terraform.checks.resource.aws."


def scenarios(
    tree: GitTree, sources: dict[str, str], types: dict[str, list[str]]
) -> tuple[list[SourceScenario], list[str]]:
    """Every scenario of the suite, and a line per test that yielded none (with why).

    ``sources``: check source path → id; ``types``: id → its Terraform types."""
    found: list[SourceScenario] = []
    skipped: list[str] = []
    for path in tree.files(RESOURCE_TESTS):
        name = path.rsplit("/", 1)[-1]
        if not (name.startswith("test_") and name.endswith(".py")):
            continue
        rule = _rule_of(tree.read(path), sources)
        if rule is None:
            skipped.append(f"{path}: imports no AWS check of the inventory")
            continue
        produced = _resource_test(tree, path, rule, types.get(rule, []))
        found.extend(produced)
        if not produced:
            skipped.append(f"{path}: no example directory with expected addresses, and no inline configuration")
    graph_dirs = sorted(
        {p.split("/")[len(GRAPH_TESTS.split("/"))] for p in tree.files(GRAPH_TESTS) if p.count("/") > 4}
    )
    graph_ids = {
        source.rsplit("/", 1)[-1].rsplit(".", 1)[0]: rule
        for source, rule in sources.items()
        if "graph_checks" in source
    }
    for check_name in graph_dirs:
        if check_name in graph_ids:
            found.extend(_graph_test(tree, check_name, graph_ids[check_name]))
    return found, skipped


def _rule_of(source: str, sources: dict[str, str]) -> str | None:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(_CHECK_MODULE):
            path = node.module.replace(".", "/") + ".py"
            if path in sources:
                return sources[path]
    return None


def _resource_test(tree: GitTree, path: str, rule: str, terraform_types: list[str]) -> list[SourceScenario]:
    module = ast.parse(tree.read(path))
    group = path.rsplit("/", 1)[-1].removeprefix("test_").removesuffix(".py")
    found: list[SourceScenario] = []
    for function in [node for node in ast.walk(module) if isinstance(node, ast.FunctionDef)]:
        directory = _example_directory(function) or _example_directory(module)
        verdicts = _expected_addresses(function)
        if directory and verdicts:
            scenario = _example(tree, path, group, rule, directory=directory, verdicts=verdicts)
            if scenario is not None and all(s.name != scenario.name for s in found):
                found.append(scenario)
        elif function.name.startswith("test"):
            found.extend(_inline(path, group, rule, function, terraform_types))
    return found


def _example_directory(node: ast.AST) -> str | None:
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            match = re.search(r"(example_[\w-]+)", child.value)
            if match:
                return match.group(1)
    return None


def _expected_addresses(function: ast.FunctionDef) -> dict[str, str]:
    verdicts: dict[str, str] = {}
    for node in ast.walk(function):
        if not isinstance(node, ast.Assign) or not isinstance(node.value, ast.Set | ast.List | ast.Tuple):
            continue
        targets = [target.id for target in node.targets if isinstance(target, ast.Name)]
        verdict = "pass" if any("pass" in t for t in targets) else "fail" if any("fail" in t for t in targets) else None
        if verdict is None:
            continue
        for element in node.value.elts:
            if isinstance(element, ast.Constant) and isinstance(element.value, str) and _ADDRESS.match(element.value):
                verdicts[element.value] = verdict
    return verdicts


def _example(
    tree: GitTree, test: str, group: str, rule: str, *, directory: str, verdicts: dict[str, str]
) -> SourceScenario | None:
    base = f"{RESOURCE_TESTS}/{directory}"
    files = [p for p in tree.files(base) if p.endswith(".tf") and p.count("/") == base.count("/") + 1]
    if not files:
        return None
    text = "\n".join(tree.read(p) for p in files)
    return SourceScenario("checkov", group, rule, directory, [*files, test], text, verdicts)


def _inline(path: str, group: str, rule: str, function: ast.FunctionDef, types: list[str]) -> list[SourceScenario]:
    verdict = _asserted_result(function)
    if verdict is None:
        return []
    texts = [text for text in (_hcl_string(node) for node in ast.walk(function)) if text]
    if not texts:
        conf = _literal_conf(function)
        text = _render_resource(conf, types) if conf is not None else None
        texts = [text] if text else []
    found = []
    for index, text in enumerate(texts):
        name = f"{function.name}" if len(texts) == 1 else f"{function.name}-{index}"
        addresses = re.findall(r'resource\s+"?(aws_[a-z0-9_]+)"?\s+"([\w-]+)"', text)
        verdicts = {f"{kind}.{resource}": verdict for kind, resource in addresses if kind in types}
        if verdicts:
            found.append(SourceScenario("checkov", group, rule, name, [path], text, verdicts))
    return found


def _asserted_result(function: ast.FunctionDef) -> str | None:
    for node in ast.walk(function):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "CheckResult":
            if node.attr == "PASSED":
                return "pass"
            if node.attr == "FAILED":
                return "fail"
    return None


def _hcl_string(node: ast.AST) -> str | None:
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "loads"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
        and "resource" in node.args[0].value
    ):
        return node.args[0].value
    return None


def _literal_conf(function: ast.FunctionDef) -> dict[str, Any] | None:
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                continue
            if isinstance(value, dict):
                return value
    return None


def _render_resource(conf: dict[str, Any], types: list[str]) -> str | None:
    """A python-hcl2 (pre-8) resource dict written back as a Terraform resource block."""
    kind = _best_type(conf, types)
    if kind is None:
        return None
    token = token_for(kind)
    maps = {f.name for f in resource_shape(token).fields.values() if f.kind == "map"} if token else set()
    return f'resource "{kind}" "conf" {{\n{_render_body(conf, maps, 1)}}}\n'


def _best_type(conf: dict[str, Any], types: list[str]) -> str | None:
    scored = []
    for kind in types:
        token = token_for(kind)
        if token is None:
            continue
        fields = resource_shape(token).fields
        names = set(fields) | {name.rstrip("s") for name in fields}
        scored.append((sum(1 for key in conf if key in names), kind))
    return max(scored)[1] if scored else None


def _render_body(conf: dict[str, Any], maps: set[str], depth: int) -> str:
    pad = "  " * depth
    lines: list[str] = []
    for key, value in conf.items():
        items = value if isinstance(value, list) else [value]
        if key not in maps and items and all(isinstance(item, dict) for item in items):
            for item in items:
                lines.append(f"{pad}{key} {{\n{_render_body(item, set(), depth + 1)}{pad}}}\n")
        else:
            single = items[0] if isinstance(value, list) and len(value) == 1 else value
            lines.append(f"{pad}{key} = {_literal(single)}\n")
    return "".join(lines)


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))} = {_literal(v)}" for k, v in value.items()) + "}"
    text = str(value)
    if text.startswith("${") and text.endswith("}") and text.count("${") == 1:
        return text[2:-1]
    return json.dumps(text)


def _graph_test(tree: GitTree, check_name: str, rule: str) -> list[SourceScenario]:
    base = f"{GRAPH_TESTS}/{check_name}"
    files = tree.files(base)
    expected_path = f"{base}/expected.yaml"
    if expected_path not in files:
        return []
    expected = yaml.safe_load(tree.read(expected_path)) or {}
    verdicts = {address: "pass" for address in expected.get("pass") or [] if _ADDRESS.match(str(address))}
    verdicts.update({address: "fail" for address in expected.get("fail") or [] if _ADDRESS.match(str(address))})
    tf_files = [p for p in files if p.endswith(".tf") and p.count("/") == base.count("/") + 1]
    if not verdicts or not tf_files:
        return []
    text = "\n".join(tree.read(p) for p in tf_files)
    return [SourceScenario("checkov", check_name, rule, check_name, [*tf_files, expected_path], text, verdicts)]
