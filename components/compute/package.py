"""The Lambda function's code: app/ and its pure-Python dependencies, assembled by the program itself.

No build step to forget: at ``pulumi up`` the program archives the app's modules, its migrations
(and the RDS CA bundle when ``make rds-ca-bundle`` has put it in ``app/certs/``), plus every
distribution ``app/requirements.txt`` needs on Lambda, taken from the environment the program runs
in. ``requirements.txt`` includes ``app/requirements.txt``, so Pulumi's own ``pip install`` brings
them. Only pure-Python distributions (``Root-Is-Purelib: true``) are accepted: the same files run
on arm64 and x86_64 Lambda, and nothing native needs building. Requirements are resolved with the
Lambda runtime's environment markers (Python 3.12, Linux), not the deploying machine's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path, PurePosixPath

import pulumi
from packaging.markers import default_environment
from packaging.requirements import Requirement

LAMBDA_RUNTIME = "python3.12"
LAMBDA_PYTHON = "3.12"
APP_DIR = Path("app")
"""Relative to the project directory, where Pulumi runs the program (and the tests run from)."""
API_HANDLER = "app.lambda_handler.handler"
MIGRATION_HANDLER = "app.migrate.handler"
MIGRATION_STARTER = "app.migrate.start_handler"
RDS_CA_BUNDLE = "certs/rds-global-bundle.pem"
"""Where ``make rds-ca-bundle`` puts the RDS CA bundle, relative to app/ (and to the package in Lambda)."""

SKIPPED_METADATA = {"RECORD", "INSTALLER", "direct_url.json", "REQUESTED"}
MAX_UNZIPPED_BYTES = 250 * 1024 * 1024
"""Lambda's limit on a function's unzipped code."""


class PackagingError(pulumi.RunError):
    """The function's archive cannot be built; the message names the distribution or file and the fix."""


@dataclass(frozen=True)
class LambdaPackage:
    files: Mapping[str, Path]
    """Archive path → source file, sorted."""
    distributions: tuple[str, ...]
    """``name==version`` of each vendored distribution."""
    has_rds_ca_bundle: bool

    def archive(self) -> pulumi.AssetArchive:
        return pulumi.AssetArchive({path: pulumi.FileAsset(str(source)) for path, source in self.files.items()})

    def unzipped_bytes(self) -> int:
        return sum(source.stat().st_size for source in self.files.values())


def lambda_package(architecture: str, app_dir: Path = APP_DIR) -> LambdaPackage:
    """The app's files and its Lambda dependencies' files, checked to fit in a function."""
    files = dict(app_files(app_dir))
    distributions = resolve(read_requirements(app_dir / "requirements.txt"), lambda_markers(architecture))
    for distribution in distributions:
        for path, source in distribution_files(distribution).items():
            if path in files:
                raise PackagingError(f"compute: {path} is provided twice (by app/ and by {distribution.name})")
            files[path] = source
    package = LambdaPackage(
        files=dict(sorted(files.items())),
        distributions=tuple(sorted(f"{d.name}=={d.version}" for d in distributions)),
        has_rds_ca_bundle=(app_dir / RDS_CA_BUNDLE).is_file(),
    )
    if package.unzipped_bytes() > MAX_UNZIPPED_BYTES:
        raise PackagingError(f"compute: the function's code would be {package.unzipped_bytes()} bytes unzipped")
    return package


CONTAINER_ONLY = frozenset({"wsgi.py", "jwt_verifier.py", "gunicorn_conf.py"})
"""Modules only the container runs; the function's archive leaves them (and PyJWT, gunicorn) out."""


def app_files(app_dir: Path) -> dict[str, Path]:
    """The API's modules (not other functions' packages such as app/mail_forwarder), migrations, CA bundle."""
    chosen = [
        *(path for path in app_dir.glob("*.py") if path.name not in CONTAINER_ONLY),
        *(app_dir / "migrations").glob("*.sql"),
        *(app_dir / "certs").glob("*.pem"),
    ]
    if not (app_dir / "lambda_handler.py").is_file():
        raise PackagingError(f"compute: {app_dir / 'lambda_handler.py'} not found (run the program from the project)")
    return {str(PurePosixPath("app", *path.relative_to(app_dir).parts)): path for path in sorted(chosen)}


def read_requirements(path: Path) -> list[Requirement]:
    requirements = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].strip()
        if text:
            requirements.append(Requirement(text))
    return requirements


def lambda_markers(architecture: str) -> dict[str, str]:
    """The environment markers of the Lambda Python runtime, for resolving conditional requirements."""
    environment: dict[str, str] = {key: str(value) for key, value in default_environment().items()}
    environment.update(
        python_version=LAMBDA_PYTHON,
        python_full_version=f"{LAMBDA_PYTHON}.0",
        implementation_name="cpython",
        platform_python_implementation="CPython",
        sys_platform="linux",
        os_name="posix",
        platform_system="Linux",
        platform_machine="aarch64" if architecture == "arm64" else "x86_64",
    )
    return environment


def resolve(requirements: Iterable[Requirement], markers: Mapping[str, str]) -> list[metadata.Distribution]:
    """The installed distributions ``requirements`` need on Lambda, transitively; each must be pure Python."""
    found: dict[str, metadata.Distribution] = {}
    pending = [(requirement, "") for requirement in requirements]
    while pending:
        requirement, extra = pending.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({**markers, "extra": extra}):
            continue
        key = _normalise(requirement.name)
        if key in found:
            continue
        distribution = found[key] = _installed(requirement)
        for text in distribution.requires or []:
            for wanted_extra in ("", *sorted(requirement.extras)):
                pending.append((Requirement(text), wanted_extra))
    return sorted(found.values(), key=lambda d: _normalise(d.name))


def _installed(requirement: Requirement) -> metadata.Distribution:
    try:
        distribution = metadata.distribution(requirement.name)
    except metadata.PackageNotFoundError:
        raise PackagingError(
            f"compute: {requirement.name} (needed by the Lambda package) is not installed where the program "
            "runs; `pip install -r requirements.txt` installs it"
        ) from None
    if requirement.specifier and not requirement.specifier.contains(distribution.version, prereleases=True):
        raise PackagingError(
            f"compute: {distribution.name} {distribution.version} is installed but the app needs "
            f"{requirement.name}{requirement.specifier}; `pip install -r requirements.txt` fixes it"
        )
    wheel = distribution.read_text("WHEEL") or ""
    if "Root-Is-Purelib: true" not in wheel:
        raise PackagingError(
            f"compute: {distribution.name} is not a pure-Python distribution; the Lambda package takes only "
            "those (remove it from app/requirements.txt or build the function from a container image)"
        )
    return distribution


def distribution_files(distribution: metadata.Distribution) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for file in distribution.files or []:
        parts = PurePosixPath(str(file)).parts
        if not parts or parts[0] == ".." or "__pycache__" in parts or file.suffix == ".pyc":
            continue
        if parts[0].endswith(".dist-info") and parts[-1] in SKIPPED_METADATA:
            continue
        source = Path(str(distribution.locate_file(file)))
        if source.is_file():
            files[str(PurePosixPath(*parts))] = source
    return files


def source_digest(directory: Path) -> str:
    """A digest of every file of a build context (paths and contents), skipping byte-code."""
    digest = hashlib.sha256()
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        relative = path.relative_to(directory)
        if "__pycache__" in relative.parts or path.suffix == ".pyc":
            continue
        digest.update(str(PurePosixPath(*relative.parts)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _normalise(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")
