"""The function's archive: the API's code and its pure-Python dependencies, and nothing it does not run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from components.compute.package import (
    PackagingError,
    lambda_markers,
    lambda_package,
    read_requirements,
    resolve,
    source_digest,
)
from tools.program import REPO_ROOT

RUNTIME_PROVIDED = ("boto3", "botocore", "s3transfer", "jmespath", "urllib3")
"""What the Lambda Python runtime brings itself."""


@pytest.fixture(scope="module")
def package_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive's files laid out as Lambda unpacks them in /var/task."""
    root = tmp_path_factory.mktemp("task")
    for path, source in lambda_package("arm64", REPO_ROOT / "app").files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return root


def test_package_holds_the_api_its_migrations_and_the_app_requirements() -> None:
    package = lambda_package("arm64", REPO_ROOT / "app")
    names = {d.split("==")[0] for d in package.distributions}
    assert names == {"pg8000", "scramp", "asn1crypto", "python-dateutil", "six", "redis"}
    assert {"app/lambda_handler.py", "app/migrate.py", "app/migrations/0001_catalog.sql"} <= set(package.files)
    assert "pg8000/native.py" in package.files


def test_package_leaves_out_container_code_other_functions_and_byte_code() -> None:
    files = set(lambda_package("arm64", REPO_ROOT / "app").files)
    assert not {"app/wsgi.py", "app/jwt_verifier.py", "app/gunicorn_conf.py"} & files
    assert not [f for f in files if f.startswith("app/mail_forwarder/")]
    assert not [f for f in files if f.endswith((".pyc", ".so")) or "__pycache__" in f]
    assert not [f for f in files if f.split("/")[0] in (*RUNTIME_PROVIDED, "jwt", "cryptography", "gunicorn")]


def test_package_fits_a_function_many_times_over() -> None:
    assert lambda_package("arm64", REPO_ROOT / "app").unzipped_bytes() < 20 * 1024 * 1024


def test_the_unpacked_package_runs_the_handler_with_only_the_runtime_beside_it(package_dir: Path) -> None:
    probe = f"""
import importlib.machinery, sys
TASK = {str(package_dir)!r}
ALLOWED = set(sys.stdlib_module_names) | {set(RUNTIME_PROVIDED)!r} | {{"_distutils_hack"}}
class OnlyTheArchive:
    def find_spec(self, name, path=None, target=None):
        top = name.split(".")[0]
        if top in ALLOWED or path is not None:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, [TASK])
        if spec is None:
            raise ImportError(name + " is not in the function's archive")
        return spec
sys.meta_path.insert(0, OnlyTheArchive())
sys.path.insert(0, TASK)
import app.lambda_handler, app.migrate, app.catalog, pg8000.native, redis
assert app.lambda_handler.__file__.startswith(TASK), app.lambda_handler.__file__
event = {{"version": "2.0", "rawPath": "/api/items", "requestContext": {{"http": {{"method": "GET"}}}}}}
print(app.lambda_handler.handler(event, None)["statusCode"])
"""
    env = {**os.environ, "AWS_REGION": "us-east-1", "ITEMS_TABLE": "items-table"}
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=package_dir, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "401"


def test_requirements_resolve_with_lambdas_markers_not_this_machines() -> None:
    markers = lambda_markers("arm64")
    assert (markers["python_version"], markers["platform_machine"], markers["sys_platform"]) == (
        "3.12",
        "aarch64",
        "linux",
    )
    assert lambda_markers("x86_64")["platform_machine"] == "x86_64"
    only_old_pythons = Requirement('definitely-not-installed-dist>=1; python_version < "3.10"')
    assert resolve([only_old_pythons], markers) == []


def test_a_missing_or_wrong_version_dependency_is_a_clear_error() -> None:
    with pytest.raises(PackagingError, match=r"definitely-not-installed-dist .* is not installed"):
        resolve([Requirement("definitely-not-installed-dist")], lambda_markers("arm64"))
    with pytest.raises(PackagingError, match=r"pg8000 .* is installed but the app needs pg8000<1"):
        resolve([Requirement("pg8000<1")], lambda_markers("arm64"))


def test_native_distributions_are_refused(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("pydantic-core  # has a compiled extension\n")
    with pytest.raises(PackagingError, match="pydantic_core is not a pure-Python distribution"):
        resolve(read_requirements(tmp_path / "requirements.txt"), lambda_markers("arm64"))


def test_the_image_tag_digest_follows_the_build_context(tmp_path: Path) -> None:
    (tmp_path / "api.py").write_text("print(1)\n")
    first = source_digest(tmp_path)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "api.cpython-312.pyc").write_bytes(b"\0")
    assert source_digest(tmp_path) == first
    (tmp_path / "api.py").write_text("print(2)\n")
    assert source_digest(tmp_path) != first


def test_the_rds_ca_bundle_is_packaged_when_make_put_it_in_app_certs(tmp_path: Path) -> None:
    app = tmp_path / "app"
    shutil.copytree(REPO_ROOT / "app", app, ignore=shutil.ignore_patterns("__pycache__", "mail_forwarder"))
    assert lambda_package("arm64", app).has_rds_ca_bundle is False
    (app / "certs").mkdir(exist_ok=True)
    (app / "certs" / "rds-global-bundle.pem").write_text("-----BEGIN CERTIFICATE-----\n")
    package = lambda_package("arm64", app)
    assert package.has_rds_ca_bundle is True
    assert package.files["app/certs/rds-global-bundle.pem"] == app / "certs" / "rds-global-bundle.pem"
