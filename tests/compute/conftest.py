"""Stacks for the compute tier's specifications, each run once under mocks.

The API takes its JWT issuer and audience from the auth tier; ``compute.jwt`` (set below) is what it
uses instead when auth is off (the ``no-database-auth-off`` variant).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import pytest

from tests.conftest import run_config, stack_yaml_config
from tools.program import ProgramRun, Registration

ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example"
AUDIENCE = "example-spa-client"
Change = Callable[[dict[str, Any]], None]


def with_jwt(config: dict[str, Any]) -> None:
    config["paved:compute"]["jwt"] = {"issuer": ISSUER, "audience": [AUDIENCE]}


def stack_config(stack: str, *changes: Change) -> dict[str, Any]:
    config = stack_yaml_config(stack)
    with_jwt(config)
    for change in changes:
        change(config)
    return config


@cache
def _run(stack: str, variant: str) -> ProgramRun:
    return run_config(stack_config(stack, *VARIANTS[variant]), stack=stack)


def run_variant(stack: str, variant: str = "") -> ProgramRun:
    return _run(stack, variant)


def _containers(config: dict[str, Any]) -> None:
    """dev running containers: a certificate-less load balancer behind CloudFront, one NAT gateway."""
    config["paved:compute"]["mode"] = "container"
    config["paved:compute"]["container"] = {"cpu": 256, "memoryMb": 512, "minTasks": 1, "maxTasks": 2}
    config["paved:network"]["natStrategy"] = "single"


def _no_cdn(config: dict[str, Any]) -> None:
    config["paved:cdn"]["enabled"] = False


def _no_database(config: dict[str, Any]) -> None:
    config["paved:data"]["postgres"] = {"enabled": False}


def _image_uri(config: dict[str, Any]) -> None:
    config["paved:compute"]["container"]["imageUri"] = "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api:1.4.2"


def _single_nat(config: dict[str, Any]) -> None:
    config["paved:network"]["natStrategy"] = "single"


def _x86(config: dict[str, Any]) -> None:
    config["paved:compute"]["serverless"]["architecture"] = "x86_64"


def _serverless(config: dict[str, Any]) -> None:
    config["paved:compute"]["mode"] = "serverless"


def _compute_off(config: dict[str, Any]) -> None:
    config["paved:compute"] = {"mode": "none"}
    config["paved:budget"]["denyOnExceed"] = False  # no role left for the budget action to deny


def _auth_off(config: dict[str, Any]) -> None:
    config["paved:auth"] = {"enabled": False}


VARIANTS: dict[str, tuple[Change, ...]] = {
    "": (),
    "containers": (_containers,),
    "no-cdn-image-uri": (_no_cdn, _image_uri),
    "no-database-auth-off": (_no_database, _auth_off),
    "single-nat-x86": (_single_nat, _x86),
    "compute-off": (_compute_off,),
    "serverless": (_serverless,),
}


@pytest.fixture(scope="session")
def serverless() -> ProgramRun:
    """dev: serverless, no NAT gateway, Aurora, no cache."""
    return run_variant("dev")


@pytest.fixture(scope="session")
def container() -> ProgramRun:
    """prod: containers behind an HTTPS load balancer, three AZs, NAT per AZ, Valkey, CloudFront."""
    return run_variant("prod")


def compute_resources(run: ProgramRun, type_: str | None = None) -> list[Registration]:
    component = [r for r in run.resources if r.type == "paved:compute:Compute"]
    if not component:
        return []
    urn = component[0].urn
    inside = [r for r in run.resources if r.parent == urn]
    return [r for r in inside if type_ is None or r.type == type_]


def one(run: ProgramRun, type_: str, name: str) -> Registration:
    return run.one(type_, name)


def policy(registration: Registration, key: str = "policy") -> dict[str, Any]:
    document: dict[str, Any] = json.loads(registration.inputs[key])
    return document


def statements(run: ProgramRun, role_policy: str) -> dict[str, dict[str, Any]]:
    """A role policy's statements by Sid."""
    document = policy(run.one("aws:iam/rolePolicy:RolePolicy", role_policy))
    return {statement["Sid"]: statement for statement in document["Statement"]}


@pytest.fixture
def each_stack(request: pytest.FixtureRequest) -> Iterator[ProgramRun]:
    yield request.getfixturevalue(request.param)
