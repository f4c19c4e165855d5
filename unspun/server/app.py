"""The application factory: API and page routes, static files, errors, security."""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from . import api, pages
from .filterparams import search_router
from .analysis import AnalysisPool
from .config import MAX_URL, Settings, analyze_body_limit
from .corpus import CorpusCache
from .errors import ApiError, install_handlers
from .pool import StorePool, prepare
from .security import SecurityMiddleware

HERE = Path(__file__).resolve().parent

DESCRIPTION = """The unspun REST API: stored articles, their evidence-linked records, quotes by
speaker, outlet statistics, persuasion techniques and frames over time.

Errors are JSON: `{"error": {"code": "...", "message": "...", "status": 4xx}}`.
Lists take `limit` (1-100) and `offset`. `POST /api/articles` needs
`Authorization: Bearer <UNSPUN_TOKEN>`; without `UNSPUN_TOKEN` the server is read-only."""


def plotly_js() -> Path | None:
    """The chart library's JavaScript, shipped inside the installed ``plotly`` package."""
    try:
        import plotly
    except ImportError:
        return None
    path = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
    return path if path.is_file() else None


def build_app(settings: Settings) -> FastAPI:
    """A FastAPI app serving ``settings.db`` (created and migrated if missing)."""
    prepare(settings.db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        app.state.analysis.start()  # worker processes load the pipeline in the background
        yield
        app.state.analysis.close()
        app.state.pool.close()

    app = FastAPI(title="unspun", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.settings = settings
    app.state.pool = StorePool(settings.db, settings.pool_size)
    app.state.corpus = CorpusCache()
    app.state.analysis = AnalysisPool(settings.analyze_workers, settings.analyze_queue,
                                      settings.analyze_timeout, enable=settings.enable,
                                      models=settings.models)
    install_handlers(app)
    pages.install_page_errors(app)
    app.include_router(search_router())  # the filters registered when the app is built
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    chart_js = plotly_js()

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def _plotly() -> FileResponse:
        if chart_js is None:
            raise ApiError(404, "not_found", "the plotly package is not installed")
        return FileResponse(chart_js, media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/favicon.ico", include_in_schema=False)
    def _favicon() -> Response:
        return Response(status_code=204)

    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    limits = {"/api/analyze": min(settings.max_body,
                                  analyze_body_limit(settings.max_analyze_chars))}
    app.add_middleware(SecurityMiddleware, max_body=settings.max_body, max_url=MAX_URL,
                       path_limits=limits, allowed_hosts=settings.allowed_hosts)
    return app
