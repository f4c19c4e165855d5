"""unspun's own HTTP client: one GET with hard limits, built on http.client.

Why not urllib or requests: a watcher fetches URLs that strangers wrote (feeds name article
URLs, pages redirect), so every fetch needs limits a default client does not enforce: a
total deadline (a server that sends one byte a second never finishes), a size cap on the
bytes read and on gzip output, a redirect limit, and an address check on every hop, made
on the very address the socket connects to (see ``addresses``). Conditional GET
(``If-None-Match`` / ``If-Modified-Since``) lets an unchanged feed answer 304 with no body.
"""
from __future__ import annotations

import email.utils
import http.client
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Collection
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin, urlsplit

from .. import __version__
from .addresses import resolve
from .failure import FetchError

USER_AGENT = f"unspun/{__version__} (news monitor; reads robots.txt; python http.client)"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10_000_000
MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
_TRANSIENT_STATUS = {408, 425, 429, 500, 502, 503, 504}
_CHUNK = 65536


@dataclass
class Response:
    """A final answer: status, headers (lower-case names), body bytes and the URL it came from."""

    url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


class _Connection(http.client.HTTPConnection):
    """Connects to a given (already checked) address while sending the URL's host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _TLSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


@dataclass(frozen=True)
class _Target:
    url: str
    https: bool
    host: str
    port: int
    path: str


def _target(url: str) -> _Target:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise FetchError("U909", url) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("U909", url)
    try:
        host = parts.hostname.encode("idna").decode("ascii") if not parts.hostname.isascii() \
            else parts.hostname
    except UnicodeError:
        raise FetchError("U909", url) from None
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        path += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    https = parts.scheme == "https"
    return _Target(url, https, host, port or (443 if https else 80), path)


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), or None."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class HttpClient:
    """GET with a deadline, a size cap, a redirect limit and the private-address check.

    ``allow_private`` names hosts (as written in URLs) that may resolve to private or
    loopback addresses: an intranet server, or a test server on 127.0.0.1.
    """

    def __init__(self, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
                 max_redirects: int = MAX_REDIRECTS, user_agent: str = USER_AGENT,
                 allow_private: Collection[str] = ()):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.user_agent = user_agent
        self.allow_private = frozenset(allow_private)

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str = "*/*", max_bytes: int | None = None) -> Response:
        """The final 2xx or 304 response for ``url``; FetchError for anything else."""
        response = self.request(url, etag=etag, last_modified=last_modified, accept=accept,
                                max_bytes=max_bytes)
        if response.status >= 400 or (response.status >= 300 and not response.not_modified):
            status = response.status
            raise FetchError("U903", response.url, status=status,
                             transient=status in _TRANSIENT_STATUS,
                             retry_after=retry_after(response.headers.get("retry-after")))
        return response

    def request(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
                accept: str = "*/*", max_bytes: int | None = None) -> Response:
        """The final response for ``url`` after redirects, whatever its status."""
        deadline = time.monotonic() + self.timeout
        headers = {"User-Agent": self.user_agent, "Accept": accept,
                   "Accept-Encoding": "gzip"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(self.max_redirects + 1):
            response = self._once(_target(current), headers, deadline,
                                  max_bytes or self.max_bytes)
            location = response.headers.get("location")
            if response.status not in _REDIRECTS or not location:
                return response
            current = urljoin(current, location.strip())
        raise FetchError("U905", url, limit=self.max_redirects)

    def post(self, url: str, body: bytes, content_type: str = "application/json") -> Response:
        """POST ``body`` (a webhook); redirects are not followed. FetchError unless 2xx."""
        headers = {"User-Agent": self.user_agent, "Content-Type": content_type,
                   "Accept": "*/*"}
        response = self._once(_target(url), headers, time.monotonic() + self.timeout,
                              self.max_bytes, "POST", body)
        if not 200 <= response.status < 300:
            raise FetchError("U903", url, status=response.status,
                             transient=response.status in _TRANSIENT_STATUS)
        return response

    def _once(self, target: _Target, headers: dict[str, str], deadline: float,
              max_bytes: int, method: str = "GET", body: bytes | None = None) -> Response:
        address = resolve(target.url, target.host, target.port, self.allow_private)[0]
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError("U906", target.url, seconds=self.timeout, transient=True)
        kind = _TLSConnection if target.https else _Connection
        conn = kind(target.host, target.port, address, remaining)
        expired = threading.Event()

        def cut() -> None:  # the deadline passed: end whatever read is blocking
            expired.set()
            if conn.sock is not None:
                try:
                    conn.sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

        timer = threading.Timer(remaining, cut)
        timer.daemon = True
        timer.start()
        try:
            conn.request(method, target.path, body=body, headers=headers)
            raw = conn.getresponse()
            out_headers = {k.lower(): v for k, v in raw.getheaders()}
            if raw.status in _REDIRECTS or raw.status == 304 or raw.status >= 400:
                body = b""  # never needed: do not spend the deadline reading it
            else:
                body = _read_body(raw, out_headers, target.url, max_bytes, deadline)
            if expired.is_set():
                raise FetchError("U906", target.url, seconds=self.timeout, transient=True)
            return Response(target.url, raw.status, out_headers, body)
        except FetchError:
            raise
        except (TimeoutError, socket.timeout):
            raise FetchError("U906", target.url, seconds=self.timeout, transient=True) from None
        except (OSError, http.client.HTTPException, zlib.error) as exc:
            if expired.is_set():
                raise FetchError("U906", target.url, seconds=self.timeout,
                                 transient=True) from None
            raise FetchError("U901", target.url, detail=type(exc).__name__ + _detail(exc),
                             transient=True) from None
        finally:
            timer.cancel()
            conn.close()


def _detail(exc: BaseException) -> str:
    text = str(exc)
    return f": {text[:200]}" if text else ""


def _read_body(raw: http.client.HTTPResponse, headers: dict[str, str], url: str,
               max_bytes: int, deadline: float) -> bytes:
    length = headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes and "content-encoding" not in headers:
        raise FetchError("U904", url, limit=max_bytes)
    gzip = headers.get("content-encoding", "").strip().lower() in ("gzip", "x-gzip")
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzip else None
    parts: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError
        chunk = raw.read1(_CHUNK) if hasattr(raw, "read1") else raw.read(_CHUNK)
        if not chunk:
            break
        if inflate is not None:
            chunk = inflate.decompress(chunk, max_bytes + 1 - size)
            if inflate.unconsumed_tail:  # more output than the cap allows
                raise FetchError("U904", url, limit=max_bytes)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError("U904", url, limit=max_bytes)
        parts.append(chunk)
    return b"".join(parts)
