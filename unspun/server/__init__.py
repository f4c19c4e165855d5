"""`unspun serve`: a REST API and server-rendered web pages over a store.

>>> from unspun.server import Settings, create_app
>>> app = create_app(Settings(db="news.db"))      # an ASGI app; run it with uvicorn

The API lives under ``/api`` (OpenAPI document at ``/openapi.json``, a
browsable page at ``/api/docs``); the pages are ``/`` (search),
``/articles/{id}``, ``/who?name=``, ``/outlets`` and ``/outlets/{name}``.
"""
from __future__ import annotations

from .config import Settings

__all__ = ["Settings", "create_app"]


def create_app(settings: Settings | None = None):  # noqa: ANN201 - FastAPI is an optional dep
    """The ASGI application for ``settings`` (defaults: read from the environment)."""
    from .app import build_app

    return build_app(settings or Settings.from_env())


def app_from_env():  # noqa: ANN201
    """The app configured by ``UNSPUN_*`` variables (the factory each worker process calls)."""
    return create_app(Settings.from_env())
