"""The routes, independent of how a request arrived (Lambda event or WSGI environ).

Every route but ``/health`` and ``/health/live`` needs a verified caller. Any bad input is a 4xx JSON error; an
unexpected failure is logged and answered with a bare 500 JSON body, never a trace.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from botocore.exceptions import BotoCoreError, ClientError

from app import health
from app.auth import Authenticator, Caller
from app.catalog import Catalog
from app.http import HttpError, Request, Response, error_response, int_query, json_body
from app.items import ItemStore
from app.uploads import Uploads

log = logging.getLogger(__name__)

Handler = Callable[[Request, Caller | None, Mapping[str, str]], Response]


@dataclass(frozen=True)
class Services:
    """What the routes use; a part that is not configured answers 503 on its routes."""

    authenticate: Authenticator
    items: ItemStore | None = None
    uploads: Uploads | None = None
    catalog: Catalog | None = None
    health_checks: Mapping[str, health.Check] = field(default_factory=dict)


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    handler: Handler
    authenticated: bool = True


class Api:
    def __init__(self, services: Services, *, base_path: str = "/api") -> None:
        self.services = services
        self.base_path = base_path.rstrip("/")
        self.routes = self._routes()

    def handle(self, request: Request) -> Response:
        try:
            return self._dispatch(request)
        except HttpError as refusal:
            return refusal.response()
        except (ClientError, BotoCoreError) as error:
            log.exception("AWS call failed: %s", type(error).__name__)
            return error_response(503, "dependency_unavailable", "a dependency of the API is unavailable; retry later")
        except Exception:
            log.exception("unhandled error")
            return error_response(500, "internal", "internal error")

    # --- dispatch ---------------------------------------------------------------------------

    def _dispatch(self, request: Request) -> Response:
        path = self._strip_base(request.path)
        allowed: list[str] = []
        for route in self.routes:
            match = route.pattern.fullmatch(path)
            if match is None:
                continue
            if route.method != request.method.upper():
                allowed.append(route.method)
                continue
            caller = self.services.authenticate(request) if route.authenticated else None
            return route.handler(request, caller, match.groupdict())
        if allowed:
            raise HttpError(405, "method_not_allowed", f"use {', '.join(allowed)}", {"allow": ", ".join(allowed)})
        raise HttpError(404, "not_found", "no such route")

    def _strip_base(self, path: str) -> str:
        if self.base_path and (path == self.base_path or path.startswith(self.base_path + "/")):
            path = path[len(self.base_path) :]
        return path.rstrip("/") or "/"

    def _routes(self) -> list[Route]:
        item = re.compile(r"/items/(?P<item_id>[^/]+)")
        return [
            Route("GET", re.compile(r"/health"), self._health, authenticated=False),
            Route("GET", re.compile(r"/health/live"), self._live, authenticated=False),
            Route("GET", re.compile(r"/items"), self._list_items),
            Route("POST", re.compile(r"/items"), self._create_item),
            Route("GET", item, self._get_item),
            Route("PUT", item, self._update_item),
            Route("DELETE", item, self._delete_item),
            Route("POST", re.compile(r"/uploads"), self._create_upload),
            Route("GET", re.compile(r"/catalog"), self._catalog),
        ]

    # --- routes -----------------------------------------------------------------------------

    def _health(self, request: Request, caller: Caller | None, params: Mapping[str, str]) -> Response:
        status, body = health.report(self.services.health_checks)
        return Response(status, body)

    def _live(self, request: Request, caller: Caller | None, params: Mapping[str, str]) -> Response:
        """Liveness only (the container's own health check): the process answers; no dependency is called."""
        return Response(200, {"status": "alive"})

    def _list_items(self, request: Request, caller: Caller | None, params: Mapping[str, str]) -> Response:
        limit = int_query(request, "limit", default=25, minimum=1, maximum=100)
        return Response(200, self._items().list(_caller(caller), limit=limit, cursor=request.query.get("cursor")))

    def _create_item(self, request: Request, caller: Caller | None, params: Mapping[str, str]) -> Response:
        return Response(201, self._items().create(_caller(caller), json_body(request)))

    def _get_item(self, request: Request, caller: Caller | None, params: Mapping[str, str]) -> Response:
        return Response(200, self._items().get(_caller(caller), params["item_id"]))

    def _update_item(self, request: Request, caller: Caller | None, params: Mapping[str, str]) -> Response:
        return Response(200, self._items().update(_caller(caller), params["item_id"], json_body(request)))

    def _delete_item(self, request: Request, caller: Caller | None, params: Mapping[str, str]) -> Response:
        self._items().delete(_caller(caller), params["item_id"])
        return Response(204)

    def _create_upload(self, request: Request, caller: Caller | None, params: Mapping[str, str]) -> Response:
        if self.services.uploads is None:
            raise _not_configured("uploads")
        return Response(201, self.services.uploads.create(_caller(caller), json_body(request)))

    def _catalog(self, request: Request, caller: Caller | None, params: Mapping[str, str]) -> Response:
        if self.services.catalog is None:
            raise _not_configured("catalog")
        limit = int_query(request, "limit", default=50, minimum=1, maximum=100)
        offset = int_query(request, "offset", default=0, minimum=0, maximum=100_000)
        return Response(200, self.services.catalog.products(limit=limit, offset=offset))

    def _items(self) -> ItemStore:
        if self.services.items is None:
            raise _not_configured("items")
        return self.services.items


def _caller(caller: Caller | None) -> Caller:
    if caller is None:  # only unauthenticated routes get None, and they never call this
        raise HttpError(401, "unauthorized", "a valid access token is required")
    return caller


def _not_configured(part: str) -> HttpError:
    return HttpError(503, "not_configured", f"this deployment has no {part}")
