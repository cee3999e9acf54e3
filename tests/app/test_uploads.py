"""POST /uploads: a presigned PUT under the caller's prefix, pinned to the approved type and size."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
import requests

from app import lambda_handler
from tests.app.conftest import BUCKET, TABLE
from tests.app.events import ALICE, http_event, parsed

Call = Callable[..., tuple[int, Any]]


@pytest.fixture
def call(aws: boto3.Session, monkeypatch: pytest.MonkeyPatch) -> Iterator[Call]:
    monkeypatch.setenv("ITEMS_TABLE", TABLE)
    monkeypatch.setenv("UPLOADS_BUCKET", BUCKET)
    monkeypatch.setenv("UPLOAD_MAX_BYTES", "1048576")
    lambda_handler.api.cache_clear()

    def invoke(body: Any, **kwargs: Any) -> tuple[int, Any]:
        return parsed(lambda_handler.handler(http_event("POST", "/api/uploads", body=body, **kwargs), None))

    yield invoke
    lambda_handler.api.cache_clear()


def test_upload_url_is_a_put_under_the_callers_prefix(call: Call) -> None:
    status, upload = call({"filename": "holiday photo.png", "contentType": "image/png", "size": 2048})
    assert status == 201
    assert upload["method"] == "PUT"
    assert upload["key"].startswith(f"users/{ALICE}/")
    assert upload["key"].endswith("/holiday-photo.png")
    assert upload["headers"] == {"Content-Type": "image/png", "Content-Length": "2048"}
    url = urlsplit(upload["url"])
    assert url.scheme == "https"
    assert url.netloc == f"{BUCKET}.s3.us-east-1.amazonaws.com"  # regional: reached through the S3 gateway endpoint
    assert url.path.endswith(upload["key"].replace(" ", "%20"))


def test_the_signature_covers_content_type_and_length(call: Call) -> None:
    _, upload = call({"filename": "a.pdf", "contentType": "application/pdf", "size": 10})
    query = parse_qs(urlsplit(upload["url"]).query)
    assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    assert set(query["X-Amz-SignedHeaders"][0].split(";")) >= {"content-length", "content-type", "host"}
    assert query["X-Amz-Expires"] == ["300"]


def test_the_presigned_url_stores_the_object_with_its_type(call: Call, aws: boto3.Session) -> None:
    _, upload = call({"filename": "notes.txt", "contentType": "text/plain", "size": 5})
    response = requests.put(upload["url"], data=b"hello", headers=upload["headers"], timeout=5)
    assert response.status_code == 200
    stored = aws.client("s3").head_object(Bucket=BUCKET, Key=upload["key"])
    assert (stored["ContentType"], stored["ContentLength"]) == ("text/plain", 5)


@pytest.mark.parametrize(
    "body, message",
    [
        ({"filename": "a.png", "contentType": "image/png", "size": 1048577}, "size must be between 1 and 1048576"),
        ({"filename": "a.png", "contentType": "image/png", "size": 0}, "size must be between 1 and 1048576"),
        ({"filename": "a.png", "contentType": "image/png", "size": True}, "size must be an integer"),
        ({"filename": "a.exe", "contentType": "application/x-msdownload", "size": 10}, "is not accepted"),
        ({"filename": "a.html", "contentType": "text/html", "size": 10}, "is not accepted"),
        ({"filename": "...", "contentType": "image/png", "size": 10}, "filename must contain letters or digits"),
        ({"contentType": "image/png", "size": 10}, "filename is required"),
        ({"filename": "a.png", "contentType": "image/png", "size": 10, "key": "users/x/y"}, "unknown field 'key'"),
    ],
)
def test_out_of_limit_uploads_are_refused(call: Call, body: dict[str, Any], message: str) -> None:
    status, answer = call(body)
    assert status == 400
    assert message in answer["error"]["message"]


def test_a_path_in_the_file_name_cannot_leave_the_callers_prefix(call: Call) -> None:
    _, upload = call({"filename": "../../users/someone-else/x.png", "contentType": "image/png", "size": 1})
    prefix, _, rest = upload["key"].partition(f"users/{ALICE}/")
    assert prefix == ""
    assert rest.split("/")[1] == "x.png"
    assert ".." not in upload["key"]


def test_uploads_need_a_verified_caller(call: Call) -> None:
    status, _ = call({"filename": "a.png", "contentType": "image/png", "size": 1}, subject=None)
    assert status == 401
