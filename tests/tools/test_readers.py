"""Reading `pulumi stack export` and `pulumi preview --json` files into the resources the pack sees.

The sample files in ``data/`` follow the formats as the Pulumi CLI writes them:

- ``storefront-dev.export.json``: ``pulumi stack export`` — an ``UntypedDeployment``
  (``{"version": 3, "deployment": DeploymentV3}``) whose ``resources`` are ``ResourceV3`` objects,
  as defined in pulumi/pulumi ``sdk/go/common/apitype/core.go``; secret values serialized as
  ``{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": …}`` by
  ``SerializePropertyValue`` in ``pkg/resource/stack/deployment.go`` (``plaintext`` instead of
  ``ciphertext`` with ``--show-secrets``).
- ``storefront-dev.preview.json``: ``pulumi preview --json --show-sames`` — a ``PreviewDigest``
  (``config``, ``steps[]`` of ``PreviewStep`` with ``op``, ``urn``, ``oldState``/``newState``
  ``ResourceV3``, ``diffReasons``, ``detailedDiff``; ``changeSummary``), as defined in
  ``pkg/display/json.go`` / ``sdk/go/common/display``; secrets blinded to ``"[secret]"`` by
  ``MassageSecrets`` and unknown values written as ``"04da6b54-80e4-46f7-96ec-b56ff0331ba9"``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tools.readers import SECRET_SIG, SIG_KEY, UNKNOWN, read_snapshot
from tools.snapshot import InputError, parse_urn

DATA = Path(__file__).parent / "data"
EXPORT = DATA / "storefront-dev.export.json"
PREVIEW = DATA / "storefront-dev.preview.json"
STACK_URN = "urn:pulumi:dev::storefront::pulumi:pulumi:Stack::storefront-dev"
INSTANCE_URN = "urn:pulumi:dev::storefront::aws:ec2/instance:Instance::worker"
BUCKET_URN = "urn:pulumi:dev::storefront::storefront:web:Site$aws:s3/bucket:Bucket::storefront-assets"


def _write(tmp_path: Path, document: Any, name: str = "stack.json") -> Path:
    path = tmp_path / name
    path.write_text(document if isinstance(document, str) else json.dumps(document))
    return path


def _export(resources: list[dict[str, Any]]) -> dict[str, Any]:
    return {"version": 3, "deployment": {"manifest": {"time": "", "magic": "", "version": ""}, "resources": resources}}


def _error(path: Path, **kwargs: Any) -> str:
    with pytest.raises(InputError) as failure:
        read_snapshot(path, **kwargs)
    message = str(failure.value)
    assert "\n" not in message
    return message


def test_urns_are_split_into_stack_project_type_chain_and_name() -> None:
    urn = parse_urn("urn:pulumi:prod::paved::paved:network:Network$awsx:ec2:Vpc::network-vpc::odd")
    assert urn is not None
    assert (urn.stack, urn.project, urn.name) == ("prod", "paved", "network-vpc::odd")
    assert (urn.qualified_type, urn.type) == ("paved:network:Network$awsx:ec2:Vpc", "awsx:ec2:Vpc")
    assert parse_urn("arn:aws:s3:::bucket") is None
    assert parse_urn("urn:pulumi:dev::paved") is None


def test_an_export_yields_every_live_resource_but_the_root_stack_and_pending_deletes() -> None:
    snapshot = read_snapshot(EXPORT)
    assert (snapshot.stack, snapshot.project, snapshot.source, snapshot.dry_run) == (
        "dev",
        "storefront",
        str(EXPORT),
        False,
    )
    urns = [r.urn for r in snapshot.resources]
    assert STACK_URN not in urns
    assert len(urns) == len(set(urns)) == 10
    worker = next(r for r in snapshot.resources if r.urn == INSTANCE_URN)
    assert worker.inputs["instanceType"] == "m7g.4xlarge"  # not the old t3.micro copy marked delete
    assert worker.id == "i-0a1b2c3d4e5f60718"


def test_an_export_keeps_parent_provider_dependencies_and_options() -> None:
    snapshot = read_snapshot(EXPORT)
    by_urn = {r.urn: r for r in snapshot.resources}
    bucket = by_urn[BUCKET_URN]
    assert bucket.parent == "urn:pulumi:dev::storefront::storefront:web:Site::web"
    assert bucket.name == "storefront-assets" and bucket.type == "aws:s3/bucket:Bucket" and bucket.custom
    assert bucket.provider_urn == "urn:pulumi:dev::storefront::pulumi:providers:aws::default_7_11_0"
    assert bucket.outputs["serverSideEncryptionConfiguration"]["rule"]["applyServerSideEncryptionByDefault"] == {
        "kmsMasterKeyId": "",
        "sseAlgorithm": "AES256",
    }
    attachment = by_urn[
        "urn:pulumi:dev::storefront::aws:iam/rolePolicyAttachment:RolePolicyAttachment::worker-everything"
    ]
    assert attachment.property_dependencies["policyArn"] == [
        "urn:pulumi:dev::storefront::aws:iam/policy:Policy::worker-everything"
    ]
    assert len(attachment.dependencies) == 2
    secret = by_urn["urn:pulumi:dev::storefront::aws:secretsmanager/secret:Secret::db-password"]
    assert secret.protect and secret.retain_on_delete
    assert not by_urn["urn:pulumi:dev::storefront::storefront:web:Site::web"].custom


def test_engine_bookkeeping_inputs_are_dropped() -> None:
    bucket = next(r for r in read_snapshot(EXPORT).resources if r.urn == BUCKET_URN)
    assert "__defaults" not in bucket.inputs and "__defaults" not in bucket.properties
    assert bucket.inputs == {"bucket": "storefront-assets-4d2c1f7", "forceDestroy": True, "tags": {"team": "web"}}


def test_encrypted_secrets_are_secret_unknowns_on_the_wire_and_none_in_plain_inputs() -> None:
    worker = next(r for r in read_snapshot(EXPORT).resources if r.urn == INSTANCE_URN)
    assert worker.inputs["userData"] is None
    assert worker.properties["userData"] == {SIG_KEY: SECRET_SIG, "value": UNKNOWN}
    assert worker.additional_secret_outputs == ["userData"]


def test_secrets_exported_with_show_secrets_are_read_from_their_plaintext(tmp_path: Path) -> None:
    password = {SIG_KEY: SECRET_SIG, "plaintext": json.dumps({"user": "app", "port": 5432})}
    path = _write(
        tmp_path,
        _export(
            [
                {
                    "urn": "urn:pulumi:staging::shop::aws:secretsmanager/secretVersion:SecretVersion::db",
                    "custom": True,
                    "type": "aws:secretsmanager/secretVersion:SecretVersion",
                    "inputs": {"secretString": password},
                }
            ]
        ),
    )
    (resource,) = read_snapshot(path).resources
    assert resource.inputs["secretString"] == {"user": "app", "port": 5432}
    assert resource.properties["secretString"] == {SIG_KEY: SECRET_SIG, "value": {"user": "app", "port": 5432}}


def test_a_preview_yields_the_new_state_of_every_step_but_deletes() -> None:
    snapshot = read_snapshot(PREVIEW)
    assert (snapshot.stack, snapshot.project, snapshot.dry_run) == ("dev", "storefront", True)
    by_urn = {r.urn: r for r in snapshot.resources}
    assert len(by_urn) == len(snapshot.resources) == 7
    assert STACK_URN not in by_urn
    assert not any("RolePolicyAttachment" in urn for urn in by_urn)  # its step is a delete
    assert by_urn[INSTANCE_URN].inputs["instanceType"] == "m7g.4xlarge"
    queue = by_urn["urn:pulumi:dev::storefront::storefront:web:Site$aws:sqs/queue:Queue::upload-events"]
    assert queue.inputs == {
        "name": "upload-events-7f3e9a1",
        "messageRetentionSeconds": 345600,
        "sqsManagedSseEnabled": True,
        "tags": {"team": "web"},
    }
    assert queue.outputs["arn"] is None  # unknown until the queue exists
    assert queue.parent == "urn:pulumi:dev::storefront::storefront:web:Site::web"


def test_preview_blinded_secrets_become_secret_unknowns() -> None:
    snapshot = read_snapshot(PREVIEW)
    version = next(r for r in snapshot.resources if r.type == "aws:secretsmanager/secretVersion:SecretVersion")
    assert version.inputs["secretString"] is None
    assert version.properties["secretString"] == {SIG_KEY: SECRET_SIG, "value": UNKNOWN}
    assert snapshot.config["aws:region"] == "us-east-1"


def test_the_last_step_for_a_urn_wins(tmp_path: Path) -> None:
    urn = "urn:pulumi:dev::shop::aws:sqs/queue:Queue::q"
    state = {"urn": urn, "custom": True, "type": "aws:sqs/queue:Queue"}
    path = _write(
        tmp_path,
        {
            "steps": [
                {"op": "create-replacement", "urn": urn, "newState": {**state, "inputs": {"name": "old"}}},
                {"op": "replace", "urn": urn, "newState": {**state, "inputs": {"name": "new"}}},
                {"op": "delete-replaced", "urn": urn, "oldState": {**state, "inputs": {"name": "older"}}},
            ]
        },
    )
    (resource,) = read_snapshot(path).resources
    assert resource.inputs == {"name": "new"}


def test_stack_option_overrides_the_stack_in_the_urns() -> None:
    assert read_snapshot(EXPORT, stack="prod").stack == "prod"


def test_resources_from_several_stacks_need_the_stack_option(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        _export(
            [
                {"urn": "urn:pulumi:dev::shop::aws:sqs/queue:Queue::a", "custom": True, "type": "aws:sqs/queue:Queue"},
                {"urn": "urn:pulumi:prod::shop::aws:sqs/queue:Queue::b", "custom": True, "type": "aws:sqs/queue:Queue"},
            ]
        ),
    )
    assert _error(path) == f"{path}: resources from more than one stack (dev, prod); pass --stack"
    assert read_snapshot(path, stack="dev").stack == "dev"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "empty file, expected a `pulumi stack export` or `pulumi preview --json` document"),
        ("  \n\t\n", "empty file, expected a `pulumi stack export` or `pulumi preview --json` document"),
        (
            '{"version": 3,\n "deployment": {',
            "not valid JSON (line 2, column 17: Expecting property name enclosed in double quotes)",
        ),
        ("[1, 2]", "expected a JSON object at the top level, found a list"),
        (
            '{"resources": []}',
            "neither a `pulumi stack export` (no 'deployment') nor a `pulumi preview --json` document (no 'steps')",
        ),
        (
            '{"version": 2, "deployment": {}}',
            "deployment version 2 is not supported (expected 3; export with a current Pulumi CLI: "
            "`pulumi stack export --file <file>`)",
        ),
        ('{"version": 3, "deployment": []}', "'deployment' must be an object, found a list"),
        ('{"version": 3, "deployment": {"resources": {}}}', "deployment.resources: expected a list, found an object"),
        (
            '{"version": 3, "deployment": {"resources": ["x"]}}',
            "deployment.resources[0]: expected an object, found a string",
        ),
        ('{"version": 3, "deployment": {"resources": []}}', "no resources to check"),
        (
            '{"version": 3, "deployment": {"resources": [{"urn": "bucket-1", "type": "aws:s3/bucket:Bucket"}]}}',
            "deployment.resources[0].urn: 'bucket-1' is not a Pulumi URN "
            "(urn:pulumi:<stack>::<project>::<type>::<name>)",
        ),
        (
            '{"version": 3, "deployment": {"resources": [{"urn": "urn:pulumi:a::b::t::n", "type": 7}]}}',
            "deployment.resources[0].type: expected a type token string, found a number",
        ),
        (
            '{"version": 3, "deployment": {"resources": '
            '[{"urn": "urn:pulumi:a::b::t::n", "type": "t", "inputs": []}]}}',
            "deployment.resources[0].inputs: expected an object, found a list",
        ),
        ('{"steps": [{"urn": "urn:pulumi:a::b::t::n"}]}', "steps[0].op: expected a step operation string, found null"),
        (
            '{"changeSummary": {"same": 4}}',
            "no resources to check (unchanged resources appear only with `pulumi preview --json --show-sames`)",
        ),
    ],
)
def test_bad_files_are_rejected_with_one_line_naming_the_file(tmp_path: Path, content: str, expected: str) -> None:
    path = _write(tmp_path, content)
    assert _error(path) == f"{path}: {expected}"


def test_a_missing_file_or_a_directory_is_rejected(tmp_path: Path) -> None:
    assert _error(tmp_path / "nope.json") == f"{tmp_path / 'nope.json'}: no such file"
    assert _error(tmp_path) == f"{tmp_path}: is a directory, expected a JSON file"


def test_a_binary_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "state.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00\xff\xfe")
    assert _error(path) == f"{path}: not UTF-8 text, expected a JSON file"
