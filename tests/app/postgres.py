"""A throwaway PostgreSQL cluster for the app's tests: loopback only, TLS forced, stopped afterwards.

Like the RDS parameter group (``rds.force_ssl = 1``), ``pg_hba.conf`` admits TCP connections only
over TLS, with SCRAM passwords. The server certificate is issued by a CA made here, so the app's
certificate and host-name verification runs for real. ``initdb`` refuses to run as root, so as
root the cluster runs as the ``postgres`` user that Debian's package creates.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

ADMIN = "admin"


@dataclass(frozen=True)
class PgServer:
    host: str
    port: int
    database: str
    admin_user: str
    admin_password: str
    ca_file: Path
    """The CA that issued the server's certificate (what DB_SSL_ROOT_CERT points at)."""


def find_bin_dir() -> Path:
    """The newest installed server's bin directory (Debian keeps it off PATH)."""
    candidates = sorted(
        (path for path in Path("/usr/lib/postgresql").glob("*/bin") if path.parent.name.isdigit()),
        key=lambda path: int(path.parent.name),
    )
    if candidates:
        return candidates[-1]
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    raise RuntimeError("PostgreSQL server binaries not found: run `make test`, which installs Debian's postgresql")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    def __init__(self) -> None:
        self.bin = find_bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="paved-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.password = secrets.token_urlsafe(16)
        self.run_as = "postgres" if os.geteuid() == 0 else None

    def start(self) -> PgServer:
        ca_file = self._certificates()
        pwfile = self.root / "pw"
        pwfile.write_text(self.password)
        self._own(self.root)
        self._pg("initdb", "-D", str(self.data), "-U", ADMIN, "--pwfile", str(pwfile), "-A", "scram-sha-256",
                 "--no-sync", "-E", "UTF8", "--locale", "C")  # fmt: skip
        pwfile.unlink()
        (self.data / "pg_hba.conf").write_text(
            "local all all scram-sha-256\n"
            "hostssl all all 127.0.0.1/32 scram-sha-256\n"
            "hostnossl all all 0.0.0.0/0 reject\n"
        )
        options = " ".join(
            [
                f"-p {self.port}",
                f"-k {self.root}",
                "-c listen_addresses=127.0.0.1",
                "-c ssl=on",
                f"-c ssl_cert_file={self.root / 'server.crt'}",
                f"-c ssl_key_file={self.root / 'server.key'}",
                "-c fsync=off",
                "-c full_page_writes=off",
            ]
        )
        self._reaper = self._start_reaper()
        self._pg("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start")
        return PgServer("127.0.0.1", self.port, "postgres", ADMIN, self.password, ca_file)

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._pg("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
            reaper = getattr(self, "_reaper", None)
            if reaper is not None:
                reaper.stdin.close()
                reaper.wait(timeout=30)

    def _start_reaper(self) -> subprocess.Popen[bytes]:
        """A watchdog in its own session that stops the cluster once this process is gone, however it ends.

        It blocks reading a pipe only this process holds open; a killed test run (timeout, SIGKILL, a
        killed process group) closes the pipe, and the watchdog stops the server and removes its files.
        """
        stop = [str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"]
        if self.run_as:
            stop = ["runuser", "-u", self.run_as, "--", *stop]
        script = (
            "import os, shutil, subprocess, sys\n"
            "sys.stdin.buffer.read()\n"
            f"if os.path.exists({str(self.data / 'postmaster.pid')!r}):\n"
            f"    subprocess.run({stop!r}, capture_output=True, timeout=60)\n"
            f"shutil.rmtree({str(self.root)!r}, ignore_errors=True)\n"
        )
        return subprocess.Popen(
            [sys.executable, "-c", script],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def _pg(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        if result.returncode != 0:
            log = (self.root / "log").read_text() if (self.root / "log").exists() else ""
            raise RuntimeError(f"{program} failed: {result.stderr.strip()} {log[-2000:]}")

    def _own(self, path: Path) -> None:
        if not self.run_as:
            return
        user = pwd.getpwnam(self.run_as)
        for item in [path, *path.rglob("*")]:
            os.chown(item, user.pw_uid, user.pw_gid)

    def _certificates(self) -> Path:
        """A CA, and a server certificate for 127.0.0.1 and localhost signed by it."""
        now = datetime.datetime.now(datetime.UTC)
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "paved test CA")])
        ca = (
            x509.CertificateBuilder()
            .subject_name(ca_name)
            .issuer_name(ca_name)
            .public_key(ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256())
        )
        key = ec.generate_private_key(ec.SECP256R1())
        server = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
            .issuer_name(ca_name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(
                x509.SubjectAlternativeName(
                    [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
                ),
                critical=False,
            )
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256())
        )
        ca_file = self.root / "ca.crt"
        ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
        (self.root / "server.crt").write_bytes(server.public_bytes(serialization.Encoding.PEM))
        key_file = self.root / "server.key"
        key_file.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        key_file.chmod(0o600)
        ca_file.chmod(0o644)
        return ca_file
