"""API errors: every failure is JSON ``{"error": {"code", "message"}}`` with a 4xx/5xx status.

Codes are short words an API client can branch on: ``bad_request``,
``not_found``, ``too_large``, ``unauthorized``, ``read_only``,
``not_acceptable``, ``bad_search`` (with the store's U504 detail), ``store_error``,
``bad_host`` (a Host header the server does not answer for), ``busy`` (503: every
analysis worker busy, with ``Retry-After``), ``timeout`` (504: an analysis ran past
its time limit and was stopped), ``analysis_failed`` and ``internal``.
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from ..errors import UnspunError
from ..store import StoreError

log = logging.getLogger("unspun.server")

STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "read_only", 404: "not_found",
                405: "method_not_allowed", 413: "too_large", 414: "too_large",
                415: "unsupported_media_type", 422: "bad_request", 431: "too_large",
                500: "internal", 503: "unavailable", 504: "timeout"}


class ApiError(Exception):
    """Raise in a route to answer with this status, code and message."""

    def __init__(self, status: int, code: str, message: str,
                 headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def error_response(status: int, code: str, message: str,
                   headers: dict[str, str] | None = None) -> Response:
    """The JSON error body every failing API call returns."""
    return JSONResponse({"error": {"code": code, "message": message, "status": status}},
                        status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_handlers(app: FastAPI) -> None:
    """Turn every exception into a JSON error (pages render their own HTML errors)."""

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(400, "bad_request", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = STATUS_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such path: {request.url.path[:200]}"
        return error_response(exc.status_code, code, message, getattr(exc, "headers", None))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> Response:
        code = getattr(exc, "code", "")
        if code == "U504":
            return error_response(400, "bad_search", str(exc))
        log.error("store error on %s: %s", request.url.path, exc)
        return error_response(503, "store_error", str(exc))

    @app.exception_handler(UnspunError)
    async def _unspun(request: Request, exc: UnspunError) -> Response:
        return error_response(400, "bad_request", str(exc))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(500, "internal", "internal server error (see the server log)")
