"""Authenticated CRUD on the caller's items, through the Lambda entry point against moto's DynamoDB."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest

from app import lambda_handler
from tests.app.conftest import BUCKET, TABLE
from tests.app.events import ALICE, BOB, http_event, parsed

Call = Callable[..., tuple[int, Any]]


@pytest.fixture
def call(aws: boto3.Session, monkeypatch: pytest.MonkeyPatch) -> Iterator[Call]:
    monkeypatch.setenv("ITEMS_TABLE", TABLE)
    monkeypatch.setenv("UPLOADS_BUCKET", BUCKET)
    lambda_handler.api.cache_clear()

    def invoke(method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
        return parsed(lambda_handler.handler(http_event(method, path, **kwargs), None))

    yield invoke
    lambda_handler.api.cache_clear()


def test_created_item_is_stored_under_the_verified_caller(call: Call, aws: boto3.Session) -> None:
    status, item = call("POST", "/api/items", body={"name": "Notebook", "description": "A5, dotted"})
    assert status == 201
    assert item["name"] == "Notebook"
    assert "ownerId" not in item
    stored = aws.resource("dynamodb").Table(TABLE).get_item(Key={"ownerId": ALICE, "itemId": item["itemId"]})
    assert stored["Item"]["description"] == "A5, dotted"


def test_a_client_sent_owner_id_is_refused_not_trusted(call: Call, aws: boto3.Session) -> None:
    status, body = call("POST", "/api/items", body={"name": "x", "ownerId": BOB})
    assert status == 400
    assert body["error"]["code"] == "unknown_field"
    assert aws.resource("dynamodb").Table(TABLE).scan()["Items"] == []


def test_callers_never_see_each_others_items(call: Call) -> None:
    _, alices = call("POST", "/api/items", body={"name": "alice's"})
    status, listing = call("GET", "/api/items", subject=BOB)
    assert status == 200
    assert listing["items"] == []
    assert call("GET", f"/api/items/{alices['itemId']}", subject=BOB)[0] == 404
    assert call("PUT", f"/api/items/{alices['itemId']}", subject=BOB, body={"name": "mine now"})[0] == 404
    assert call("DELETE", f"/api/items/{alices['itemId']}", subject=BOB)[0] == 404
    assert call("GET", f"/api/items/{alices['itemId']}")[1]["name"] == "alice's"


def test_item_lifecycle_read_update_delete(call: Call) -> None:
    _, item = call("POST", "/api/items", body={"name": "draft"})
    path = f"/api/items/{item['itemId']}"
    assert call("GET", path) == (200, item)
    status, updated = call("PUT", path, body={"name": "final", "description": "done"})
    assert status == 200
    assert (updated["name"], updated["description"]) == ("final", "done")
    assert updated["updatedAt"] >= item["updatedAt"]
    assert call("DELETE", path) == (204, None)
    assert call("GET", path)[0] == 404
    assert call("DELETE", path)[0] == 404


def test_listing_pages_with_an_opaque_cursor(call: Call) -> None:
    created = {call("POST", "/api/items", body={"name": f"item {n}"})[1]["itemId"] for n in range(5)}
    status, first = call("GET", "/api/items", query={"limit": "3"})
    assert status == 200
    assert len(first["items"]) == 3
    _, second = call("GET", "/api/items", query={"limit": "3", "cursor": first["cursor"]})
    assert {i["itemId"] for i in first["items"] + second["items"]} == created
    assert "cursor" not in second


def test_a_forged_cursor_is_a_400(call: Call) -> None:
    status, body = call("GET", "/api/items", query={"cursor": "not-a-cursor"})
    assert (status, body["error"]["code"]) == (400, "invalid_query")


def test_expiry_must_be_in_the_future_and_within_a_year(call: Call) -> None:
    assert call("POST", "/api/items", body={"name": "x", "expiresAt": 1})[0] == 400
    assert call("POST", "/api/items", body={"name": "x", "expiresAt": "soon"})[0] == 400


@pytest.mark.parametrize(
    "kwargs, status, code",
    [
        ({"subject": None}, 401, "unauthorized"),
        ({"subject": ""}, 401, "unauthorized"),
        ({"subject": "../other-user"}, 401, "unauthorized"),
        ({"claims": {"email": "a@example.com"}}, 401, "unauthorized"),
        ({"body": "{not json", "headers": {"content-type": "application/json"}}, 400, "invalid_json"),
        ({"body": "[1, 2]"}, 400, "invalid_json"),
        ({"body": {"name": "x"}, "headers": {"content-type": "text/plain"}}, 415, "unsupported_media_type"),
        ({"body": {"name": ""}}, 400, "invalid_field"),
        ({"body": {"name": 42}}, 400, "invalid_field"),
        ({"body": {"name": "x" * 201}}, 400, "invalid_field"),
        ({"body": {"description": "no name"}}, 400, "invalid_field"),
        ({"body": {"name": "x" * 70_000}}, 413, "body_too_large"),
    ],
)
def test_bad_requests_get_4xx_json_errors(call: Call, kwargs: dict[str, Any], status: int, code: str) -> None:
    kwargs.setdefault("body", {"name": "ok"})
    got_status, body = call("POST", "/api/items", **kwargs)
    assert (got_status, body["error"]["code"]) == (status, code)
    assert set(body) == {"error"}


def test_malformed_item_ids_unknown_routes_and_methods_are_4xx(call: Call) -> None:
    assert call("GET", "/api/items/not-a-uuid")[1]["error"]["code"] == "invalid_item_id"
    assert call("GET", "/api/nothing-here")[0] == 404
    status, body = call("PATCH", "/api/items")
    assert (status, body["error"]["code"]) == (405, "method_not_allowed")


def test_routes_answer_with_or_without_the_api_prefix(call: Call) -> None:
    assert call("GET", "/items")[0] == 200
    assert call("GET", "/api/items/")[0] == 200


def test_a_non_http_api_event_is_a_400_not_a_crash(call: Call) -> None:
    result = lambda_handler.handler({"Records": []}, None)
    assert result["statusCode"] == 400
    assert result["headers"]["content-type"] == "application/json"


def test_responses_are_json_and_never_cached(call: Call) -> None:
    result = lambda_handler.handler(http_event("GET", "/api/items"), None)
    assert result["headers"]["content-type"] == "application/json"
    assert result["headers"]["cache-control"] == "no-store"
    assert result["headers"]["x-content-type-options"] == "nosniff"


def test_a_dynamodb_failure_is_a_503_without_details(call: Call, aws: boto3.Session) -> None:
    aws.client("dynamodb").delete_table(TableName=TABLE)
    status, body = call("GET", "/api/items")
    assert status == 503
    assert body == {
        "error": {"code": "dependency_unavailable", "message": "a dependency of the API is unavailable; retry later"}
    }


def test_non_ascii_digits_in_a_query_are_a_400(call: Call) -> None:
    status, body = call("GET", "/api/items", query={"limit": "²"})
    assert (status, body["error"]["code"]) == (400, "invalid_query")
