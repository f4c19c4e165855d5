"""Server settings: where the database is, who may write, and the request limits."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..store import DEFAULT_DB
from ..store.filters import MAX_TEXT

MAX_BODY = 1_000_000          # bytes in a POST body (/api/analyze, /api/articles)
MAX_PAGE = 100                # items per page of any list
MAX_OFFSET = 100_000          # deepest page offset
MAX_QUERY = MAX_TEXT          # characters in a search query or name (500)
MAX_URL = 4096                # characters in the request target (path and query string)
MAX_POST_ARTICLES = 20        # articles in one POST /api/articles
MAX_ANALYZE_CHARS = 100_000   # characters of text in one POST /api/analyze


def analyze_body_limit(chars: int) -> int:
    """Bytes a /api/analyze body may have: 6 per character (a JSON \\uXXXX escape) and room
    for the other fields; a longer body is refused before it is read."""
    return 6 * chars + 65_536


def default_hosts(bind: str) -> list[str]:
    """Host headers accepted by default: the bind address and localhost (any, for 0.0.0.0/::)."""
    if bind in ("0.0.0.0", "::", ""):
        return ["*"]
    return sorted({bind, "localhost", "127.0.0.1", "::1"})


@dataclass
class Settings:
    """Everything the app needs; ``from_env`` fills it from ``UNSPUN_*`` variables.

    ``token`` enables ``POST /api/articles`` (sent as ``Authorization: Bearer``);
    without it the server is read-only.  ``cors_origins`` is empty (no CORS
    headers at all) unless origins are named.
    """

    db: str = DEFAULT_DB
    token: str | None = None
    cors_origins: list[str] = field(default_factory=list)
    pool_size: int = 4
    max_body: int = MAX_BODY
    max_page: int = MAX_PAGE
    max_query: int = MAX_QUERY
    max_analyze_chars: int = MAX_ANALYZE_CHARS
    analyze_workers: int = 1
    analyze_queue: int = 8
    analyze_timeout: float = 30.0
    allowed_hosts: list[str] = field(default_factory=lambda: ["*"])
    enable: list[str] = field(default_factory=list)
    models: list[str] = field(default_factory=list)

    @classmethod
    def from_env(cls) -> "Settings":
        """Settings from ``UNSPUN_DB``, ``UNSPUN_TOKEN``, ``UNSPUN_CORS`` and
        ``UNSPUN_ALLOWED_HOSTS`` (comma-separated), ``UNSPUN_POOL`` and the analysis
        limits ``UNSPUN_ANALYZE_WORKERS``, ``_QUEUE``, ``_TIMEOUT``, ``_CHARS``; what analysis
        runs: ``UNSPUN_ENABLE`` (component names, comma-separated) and ``UNSPUN_MODELS``
        (model files, separated by ``os.pathsep``)."""
        env = os.environ.get
        cors = [o.strip() for o in env("UNSPUN_CORS", "").split(",") if o.strip()]
        hosts = [h.strip() for h in env("UNSPUN_ALLOWED_HOSTS", "*").split(",") if h.strip()]
        return cls(db=env("UNSPUN_DB", DEFAULT_DB), token=env("UNSPUN_TOKEN") or None,
                   cors_origins=cors, pool_size=int(env("UNSPUN_POOL", "4")),
                   max_analyze_chars=int(env("UNSPUN_ANALYZE_CHARS", str(MAX_ANALYZE_CHARS))),
                   analyze_workers=int(env("UNSPUN_ANALYZE_WORKERS", "1")),
                   analyze_queue=int(env("UNSPUN_ANALYZE_QUEUE", "8")),
                   analyze_timeout=float(env("UNSPUN_ANALYZE_TIMEOUT", "30")),
                   allowed_hosts=hosts or ["*"],
                   enable=[n.strip() for n in env("UNSPUN_ENABLE", "").split(",") if n.strip()],
                   models=[m for m in env("UNSPUN_MODELS", "").split(os.pathsep) if m])
