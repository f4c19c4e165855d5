"""Security for a server that shows untrusted article text.

* every response carries a strict Content-Security-Policy (scripts and styles
  only from this server, never inline scripts), ``nosniff``, no framing and no
  referrer leaks;
* request bodies over the limit (a lower one for some paths, such as
  ``/api/analyze``) are refused with 413 before they are read in full, and
  over-long URLs with 414;
* a request whose Host header is not an allowed host (default: the bind
  address and localhost) is refused with 400 ``bad_host``: a web page on
  another site cannot reach a local server through DNS rebinding;
* write endpoints compare the bearer token in constant time.
"""
from __future__ import annotations

import hmac
import json
import time
from typing import Any

from fastapi import Request

from .errors import ApiError

# Plotly sets element styles at run time, hence style-src 'unsafe-inline' (styles only;
# scripts stay 'self': no inline script, no eval).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()),
           (b"x-content-type-options", b"nosniff"),
           (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"no-referrer"),
           (b"cross-origin-opener-policy", b"same-origin")]


def _error(status: int, code: str, message: str) -> tuple[dict, bytes]:
    body = json.dumps({"error": {"code": code, "message": message, "status": status}}).encode()
    start = {"type": "http.response.start", "status": status,
             "headers": [(b"content-type", b"application/json"),
                         (b"content-length", str(len(body)).encode()), *HEADERS]}
    return start, body


class SecurityMiddleware:
    """Pure ASGI middleware: security headers on every response, URL and body size caps."""

    def __init__(self, app: Any, max_body: int, max_url: int,
                 path_limits: dict[str, int] | None = None,
                 allowed_hosts: list[str] | None = None):
        self.app, self.max_body, self.max_url = app, max_body, max_url
        self.path_limits = path_limits or {}
        hosts = allowed_hosts or ["*"]
        self.any_host = "*" in hosts
        self.hosts = {h.lower().strip("[]") for h in hosts}

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope.setdefault("state", {})["arrived"] = time.monotonic()  # time limits count from here
        target = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        if target > self.max_url:
            await self._refuse(send, 414, "too_large",
                               f"the URL is {target:,} bytes long; the limit is {self.max_url:,}")
            return
        headers = dict(scope.get("headers") or [])
        if not self.any_host and _host(headers.get(b"host", b"")) not in self.hosts:
            await self._refuse(send, 400, "bad_host", "the Host header names a host this "
                               "server does not answer for (see unspun serve --allowed-host)")
            return
        max_body = self.path_limits.get(scope.get("path", ""), self.max_body)
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > max_body):
            await self._refuse(send, 413, "too_large", f"the request body is over the limit of "
                               f"{max_body:,} bytes")
            return
        seen = 0
        refused = False

        async def limited_receive() -> dict:
            # over the limit: answer 413 now, and tell the app the client has gone
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > max_body:
                    refused = True
                    await self._refuse(send, 413, "too_large", f"the request body is over the "
                                       f"limit of {max_body:,} bytes")
                    return {"type": "http.disconnect"}
            return message

        async def send_with_headers(message: dict) -> None:
            if refused:
                return  # the 413 answer has been sent already
            if message["type"] == "http.response.start":
                names = {h[0].lower() for h in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    h for h in HEADERS if h[0] not in names]
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except Exception:
            if not refused:
                raise

    @staticmethod
    async def _refuse(send: Any, status: int, code: str, message: str) -> None:
        start, body = _error(status, code, message)
        await send(start)
        await send({"type": "http.response.body", "body": body})


def _host(value: bytes) -> str:
    """The host part of a Host header, lower-case, without the port or IPv6 brackets."""
    host = value.decode("latin-1").strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    return host.rpartition(":")[0] if host.count(":") == 1 else host


def require_token(request: Request, token: str | None) -> None:
    """Refuse a write unless the server has a token and the request's bearer token equals it."""
    if not token:
        raise ApiError(403, "read_only", "this server is read-only: start it with UNSPUN_TOKEN "
                       "set to enable POST /api/articles")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    ok = hmac.compare_digest(given.strip().encode("utf-8", "replace"),
                             token.encode("utf-8")) and scheme.lower() == "bearer"
    if not ok:
        raise ApiError(401, "unauthorized", "a valid bearer token is required "
                       "(Authorization: Bearer <UNSPUN_TOKEN>)",
                       headers={"WWW-Authenticate": 'Bearer realm="unspun"'})
