"""Every identity policy of the stack, parsed: no wildcard action, and every resource an ARN of this stack.

A ``*`` resource is accepted only for actions AWS defines without any resource type (so nothing
narrower exists); a ``network-interface/*`` resource only with a condition pinning it to this VPC.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from components.compute.iam import ACTIONS_WITHOUT_RESOURCE_TYPES
from tests.compute.conftest import run_variant
from tools.program import ProgramRun

POLICY_TYPES = ("aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy")
ARN = re.compile(
    r"^arn:aws:(?P<service>[a-z0-9-]+):(?P<region>us-east-1)?:(?P<account>123456789012)?:(?P<resource>.+)$"
)
RUNS = [("dev", ""), ("prod", ""), ("dev", "no-database-auth-off"), ("dev", "single-nat-x86"), ("dev", "containers"),
        ("prod", "no-cdn-image-uri"), ("prod", "serverless")]  # fmt: skip


def documents(run: ProgramRun) -> Iterator[tuple[str, dict[str, Any]]]:
    for type_ in POLICY_TYPES:
        for registration in run.of_type(type_):
            yield registration.name, json.loads(registration.inputs["policy"])


def statements_of(document: dict[str, Any]) -> list[dict[str, Any]]:
    found = document["Statement"]
    return found if isinstance(found, list) else [found]


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


ECR_REPOSITORY = re.compile(r"\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com/(?P<repository>[a-z0-9._/-]+)")


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def known_values(run: ProgramRun) -> tuple[set[str], set[str]]:
    """ARNs the stack's resources have, and their ids and names (what a derived ARN must name).

    Image repositories the stack's task definitions name (``compute.container.imageUri``) count too:
    the configuration chose them.
    """
    arns: set[str] = set()
    tokens: set[str] = set()
    for registration in run.resources:
        for value in strings([registration.id, registration.outputs]):
            if value.startswith("arn:"):
                arns.add(value)
            elif len(value) >= 8:
                tokens.add(value)
        for value in strings(registration.inputs):
            tokens.update(f"repository/{m['repository']}" for m in ECR_REPOSITORY.finditer(value))
    return arns, tokens


def of_this_stack(resource: str, statement: dict[str, Any], run: ProgramRun, arns: set[str], tokens: set[str]) -> bool:
    match = ARN.match(resource)
    if match is None:
        return False
    if resource in arns or any(resource.startswith(arn + sep) for arn in arns for sep in ("/", ":")):
        return True
    if match["resource"] == "network-interface/*":
        vpc_arn = f"arn:aws:ec2:us-east-1:123456789012:vpc/{run.outputs['vpcId']}"
        return bool(statement.get("Condition") == {"ArnEquals": {"ec2:Vpc": vpc_arn}} or _creates_in(statement, run))
    return any(token in match["resource"] for token in tokens)


def _creates_in(statement: dict[str, Any], run: ProgramRun) -> bool:
    """CreateNetworkInterface is authorised on the ENI, subnet and group together; those must be ours."""
    resources = as_list(statement["Resource"])
    subnets = [r.rsplit("/", 1)[-1] for r in resources if ":subnet/" in r]
    return as_list(statement["Action"]) == ["ec2:CreateNetworkInterface"] and set(subnets) == set(
        run.outputs["subnetIds"]["private"]
    )


@pytest.mark.parametrize("stack, variant", RUNS, ids=[f"{s}-{v or 'stack'}" for s, v in RUNS])
def test_every_identity_policy_names_actions_and_this_stacks_resources(stack: str, variant: str) -> None:
    run = run_variant(stack, variant)
    arns, tokens = known_values(run)
    checked = 0
    for name, document in documents(run):
        for statement in statements_of(document):
            if statement["Effect"] == "Deny" and name == "observability-budget-deny-policy":
                continue  # the budget action's deny-all policy grants nothing (tests/observability)
            checked += 1
            assert statement["Effect"] == "Allow", name
            assert not {"NotAction", "NotResource", "NotPrincipal"} & set(statement), name
            actions = as_list(statement["Action"])
            assert not [a for a in actions if "*" in a], f"{name}: wildcard action in {actions}"
            for resource in as_list(statement["Resource"]):
                if resource == "*":
                    assert set(actions) <= ACTIONS_WITHOUT_RESOURCE_TYPES, f"{name}: {actions} on *"
                else:
                    assert of_this_stack(resource, statement, run, arns, tokens), f"{name}: {resource}"
    assert checked >= 5


@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_each_compute_role_has_one_document_and_trusts_one_service(stack: str) -> None:
    run = run_variant(stack)
    roles = [r for r in run.of_type("aws:iam/role:Role") if r.name.startswith("compute-")]
    expected = {"dev": {"compute-api-role", "compute-migrate-role", "compute-migrate-start-role"},
                "prod": {"compute-task-role", "compute-execution-role", "compute-migrate-execution-role"}}  # fmt: skip
    assert {r.name for r in roles} == expected[stack]
    for role in roles:
        (statement,) = json.loads(role.inputs["assumeRolePolicy"])["Statement"]
        assert set(statement["Principal"]) == {"Service"}
        assert isinstance(statement["Principal"]["Service"], str)
        assert run.one("aws:iam/rolePolicy:RolePolicy", f"{role.name}-policy").inputs["role"] == role.id


def test_the_checker_rejects_what_it_should() -> None:
    run = run_variant("dev")
    arns, tokens = known_values(run)
    statement: dict[str, Any] = {"Action": ["s3:GetObject"], "Resource": ["*"]}
    assert not of_this_stack("arn:aws:s3:::someone-elses-bucket/*", statement, run, arns, tokens)
    assert not of_this_stack("arn:aws:dynamodb:us-east-1:210987654321:table/items", statement, run, arns, tokens)
    assert not of_this_stack("arn:aws:ec2:us-east-1:123456789012:network-interface/*", statement, run, arns, tokens)
    table = run.outputs["data"]["tables"]["items"]["arn"]
    assert of_this_stack(table, statement, run, arns, tokens)
