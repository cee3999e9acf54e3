"""The caller's items in DynamoDB: partition key ``ownerId`` (the verified subject), sort key ``itemId``.

Every read and write is keyed by the caller, so no request can reach another caller's items: the
owner never comes from the request, and a pagination cursor carries only the item id.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import time
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from botocore.exceptions import ClientError

from app.auth import Caller
from app.http import HttpError, int_field, only_fields, text_field

PARTITION_KEY = "ownerId"
SORT_KEY = "itemId"
"""The table's key schema (both strings); the platform checks the configured items table against it."""

ITEM_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
FIELDS = {"name", "description", "expiresAt"}
MAX_TTL_SECONDS = 366 * 24 * 3600


class ItemStore:
    def __init__(self, table: Any) -> None:
        """``table``: a boto3 DynamoDB ``Table`` resource."""
        self.table = table

    def list(self, caller: Caller, *, limit: int, cursor: str | None) -> dict[str, Any]:
        query: dict[str, Any] = {
            "KeyConditionExpression": "ownerId = :owner",
            "ExpressionAttributeValues": {":owner": caller.subject},
            "Limit": limit,
        }
        if cursor:
            query["ExclusiveStartKey"] = {"ownerId": caller.subject, "itemId": _item_id_from_cursor(cursor)}
        page = self.table.query(**query)
        result: dict[str, Any] = {"items": [_public(item) for item in page.get("Items", [])]}
        last = page.get("LastEvaluatedKey")
        if last:
            result["cursor"] = _cursor(str(last["itemId"]))
        return result

    def create(self, caller: Caller, document: Mapping[str, Any]) -> dict[str, Any]:
        only_fields(document, FIELDS)
        now = _now()
        item: dict[str, Any] = {
            "ownerId": caller.subject,
            "itemId": str(uuid.uuid4()),
            "name": text_field(document, "name", max_length=200),
            "createdAt": now,
            "updatedAt": now,
        }
        description = text_field(document, "description", max_length=2000, required=False)
        if description is not None:
            item["description"] = description
        expires_at = _expires_at(document)
        if expires_at is not None:
            item["expiresAt"] = expires_at
        self.table.put_item(Item=item, ConditionExpression="attribute_not_exists(itemId)")
        return _public(item)

    def get(self, caller: Caller, item_id: str) -> dict[str, Any]:
        found = self.table.get_item(Key=_key(caller, item_id)).get("Item")
        if found is None:
            raise _not_found(item_id)
        return _public(found)

    def update(self, caller: Caller, item_id: str, document: Mapping[str, Any]) -> dict[str, Any]:
        only_fields(document, FIELDS)
        if not document:
            raise HttpError(400, "invalid_field", f"send at least one of {', '.join(sorted(FIELDS))}")
        values: dict[str, Any] = {":now": _now()}
        sets = ["updatedAt = :now"]
        if "name" in document:
            values[":name"] = text_field(document, "name", max_length=200)
            sets.append("#name = :name")
        if "description" in document:
            values[":description"] = text_field(document, "description", max_length=2000)
            sets.append("description = :description")
        if "expiresAt" in document:
            values[":expiresAt"] = _expires_at(document)
            sets.append("expiresAt = :expiresAt")
        update: dict[str, Any] = {
            "Key": _key(caller, item_id),
            "UpdateExpression": "SET " + ", ".join(sets),
            "ConditionExpression": "attribute_exists(itemId)",
            "ExpressionAttributeValues": values,
            "ReturnValues": "ALL_NEW",
        }
        if "name" in document:
            update["ExpressionAttributeNames"] = {"#name": "name"}
        try:
            return _public(self.table.update_item(**update)["Attributes"])
        except ClientError as error:
            if _condition_failed(error):
                raise _not_found(item_id) from None
            raise

    def delete(self, caller: Caller, item_id: str) -> None:
        try:
            self.table.delete_item(Key=_key(caller, item_id), ConditionExpression="attribute_exists(itemId)")
        except ClientError as error:
            if _condition_failed(error):
                raise _not_found(item_id) from None
            raise

    def ping(self) -> None:
        """Health: one consistent-cost read of a key no caller can own (subjects never start with ``#``)."""
        self.table.get_item(Key={"ownerId": "#health", "itemId": "#health"})


def _key(caller: Caller, item_id: str) -> dict[str, str]:
    if not ITEM_ID.match(item_id):
        raise HttpError(400, "invalid_item_id", "itemId must be a lowercase UUID (version 4)")
    return {PARTITION_KEY: caller.subject, SORT_KEY: item_id}


def _expires_at(document: Mapping[str, Any]) -> int | None:
    now = int(time.time())
    return int_field(document, "expiresAt", minimum=now + 60, maximum=now + MAX_TTL_SECONDS, required=False)


def _public(item: Mapping[str, Any]) -> dict[str, Any]:
    """What a caller sees of an item: everything but the owner key, numbers as plain ints."""
    return {key: int(value) if isinstance(value, Decimal) else value for key, value in item.items() if key != "ownerId"}


def _cursor(item_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps({"itemId": item_id}).encode()).decode().rstrip("=")


def _item_id_from_cursor(cursor: str) -> str:
    try:
        decoded = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        decoded = None
    item_id = decoded.get("itemId") if isinstance(decoded, dict) else None
    if not isinstance(item_id, str) or not ITEM_ID.match(item_id):
        raise HttpError(400, "invalid_query", "cursor is not one this API returned")
    return item_id


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _not_found(item_id: str) -> HttpError:
    return HttpError(404, "not_found", f"no item {item_id}")


def _condition_failed(error: ClientError) -> bool:
    return bool(error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException")
