"""Server settings: where the database is, who may write, and the request limits."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..store import DEFAULT_DB

MAX_BODY = 1_000_000          # bytes in a POST body (/api/analyze, /api/articles)
MAX_PAGE = 100                # items per page of any list
MAX_OFFSET = 100_000          # deepest page offset
MAX_QUERY = 500               # characters in a search query or name
MAX_URL = 4096                # characters in the request target (path and query string)
MAX_POST_ARTICLES = 20        # articles in one POST /api/articles


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

    @classmethod
    def from_env(cls) -> "Settings":
        """Settings from ``UNSPUN_DB``, ``UNSPUN_TOKEN``, ``UNSPUN_CORS`` (comma-separated)."""
        cors = [o.strip() for o in os.environ.get("UNSPUN_CORS", "").split(",") if o.strip()]
        return cls(db=os.environ.get("UNSPUN_DB", DEFAULT_DB),
                   token=os.environ.get("UNSPUN_TOKEN") or None, cors_origins=cors,
                   pool_size=int(os.environ.get("UNSPUN_POOL", "4")))
