"""The two entry points as they run: the Lambda module's imports, and gunicorn with the container's config."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tests.app.postgres import free_port

REPO = Path(__file__).resolve().parents[2]


BLOCK_CONTAINER_ONLY = """
import sys
class ContainerOnly:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("jwt", "cryptography", "gunicorn"):
            raise ImportError(f"{name} is not in the Lambda package")
sys.meta_path.insert(0, ContainerOnly())
import app.lambda_handler
print(app.lambda_handler.handler({"version": "2.0", "rawPath": "/nowhere",
      "requestContext": {"http": {"method": "GET"}}}, None)["statusCode"])
"""


def test_the_lambda_entry_point_runs_without_pyjwt_cryptography_or_gunicorn() -> None:
    env = {**os.environ, "AWS_REGION": "us-east-1"}
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_CONTAINER_ONLY],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "404"


def test_gunicorn_serves_the_app_with_the_container_config(tmp_path: Path) -> None:
    port = free_port()
    env = {
        "PATH": os.environ["PATH"],
        "HOME": "/nonexistent",
        "PORT": str(port),
        "TMPDIR": str(tmp_path),
        "WEB_WORKERS": "1",
        "AWS_REGION": "us-east-1",
        "JWT_ISSUER": "http://127.0.0.1:9/pool",
        "JWT_AUDIENCE": "client",
        "PYTHONPATH": str(REPO),
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "--config", "python:app.gunicorn_conf", "app.wsgi:application"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        live = _get(f"http://127.0.0.1:{port}/health/live", deadline=time.monotonic() + 20)
        assert live == (200, {"status": "alive"})
        status, body = _get(f"http://127.0.0.1:{port}/api/items", deadline=time.monotonic() + 5)
        assert (status, body["error"]["code"]) == (401, "unauthorized")
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert not list(tmp_path.glob("*.ctl")), "no control socket is written"


def _get(url: str, *, deadline: float) -> tuple[int, Any]:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
