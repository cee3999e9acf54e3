"""Presigned S3 uploads under the caller's own prefix, with the size and content type pinned.

Why a presigned PUT and not a presigned POST: the PUT URL is signed over the ``Content-Type`` and
``Content-Length`` headers, so S3 refuses (``SignatureDoesNotMatch``) any upload whose type or
exact size differs from what the API approved — a limit as strict as a POST policy's
``content-length-range``, without the multipart form the browser must build for a POST. The
client declares the file's size and type, the API checks them against its limits and signs only
those, for a key it chooses: ``users/<subject>/<uuid>/<file name>``.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from typing import Any

from app.auth import Caller
from app.http import HttpError, int_field, only_fields, text_field

FIELDS = {"filename", "contentType", "size"}
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class Uploads:
    def __init__(
        self,
        s3: Any,
        bucket: str,
        *,
        max_bytes: int,
        content_types: tuple[str, ...],
        expires_seconds: int = 300,
    ) -> None:
        """``s3``: a boto3 S3 client configured for SigV4."""
        self.s3 = s3
        self.bucket = bucket
        self.max_bytes = max_bytes
        self.content_types = content_types
        self.expires_seconds = expires_seconds

    def create(self, caller: Caller, document: Mapping[str, Any]) -> dict[str, Any]:
        only_fields(document, FIELDS)
        filename = safe_filename(text_field(document, "filename", max_length=255) or "")
        content_type = (text_field(document, "contentType", max_length=100) or "").lower()
        if content_type not in self.content_types:
            raise HttpError(
                400, "invalid_field", f"contentType {content_type!r} is not accepted ({', '.join(self.content_types)})"
            )
        size = int_field(document, "size", minimum=1, maximum=self.max_bytes)
        key = f"users/{caller.subject}/{uuid.uuid4()}/{filename}"
        url = self.s3.generate_presigned_url(
            "put_object",
            Params={"Bucket": self.bucket, "Key": key, "ContentType": content_type, "ContentLength": size},
            ExpiresIn=self.expires_seconds,
            HttpMethod="PUT",
        )
        return {
            "method": "PUT",
            "url": url,
            "key": key,
            "headers": {"Content-Type": content_type, "Content-Length": str(size)},
            "expiresIn": self.expires_seconds,
            "maxBytes": self.max_bytes,
        }

    def ping(self) -> None:
        """Health: the bucket answers (GetBucketLocation reads no object and no key name)."""
        self.s3.get_bucket_location(Bucket=self.bucket)


def safe_filename(name: str) -> str:
    """The last path part of ``name`` with anything but letters, digits, ``.``, ``_`` and ``-`` replaced."""
    base = re.split(r"[\\/]", name)[-1]
    cleaned = SAFE_NAME.sub("-", base).strip(".-")[:100]
    if not cleaned:
        raise HttpError(400, "invalid_field", "filename must contain letters or digits")
    return cleaned
