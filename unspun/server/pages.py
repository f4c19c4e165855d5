"""Server-rendered pages: search, article, speaker/entity, outlets, API docs.

Every value reaches HTML through Jinja2 autoescaping; chart data travels as
JSON in a non-executable ``<script type="application/json">`` block (Jinja's
``tojson`` escapes ``<``, ``>``, ``&`` and quotes) read by ``static/charts.js``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from ..store.filters import filter_specs
from ..termsafe import clean, clean_data
from . import corpus, markup
from .config import MAX_OFFSET, MAX_QUERY
from .errors import ApiError
from .openapi_page import describe

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.globals["marked"] = markup.marked


def _visible(value: Any) -> Any:
    """Every printed text shows control characters visibly (ESC as ␛), as on the terminal;
    already-safe HTML (Markup, e.g. ``tojson``) is left alone."""
    return clean(value) if isinstance(value, str) and not isinstance(value, Markup) else value


templates.env.finalize = _visible
templates.env.filters["visible"] = clean_data  # chart data, before tojson
router = APIRouter(include_in_schema=False)
PAGE = 20


class PageError(Exception):
    """Render the error page with this status and message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context, status_code=status)


def _arg(request: Request, key: str, limit: int = MAX_QUERY) -> str | None:
    value = request.query_params.get(key, "").strip()
    if len(value) > limit:
        raise PageError(414, f"{key} is longer than {limit} characters")
    return value or None


def _int(request: Request, key: str, default: int, top: int) -> int:
    raw = request.query_params.get(key, "")
    if not raw:
        return default
    if not raw.isdigit() or int(raw) > top:
        raise PageError(400, f"{key} must be a whole number from 0 to {top:,}")
    return int(raw)


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request) -> HTMLResponse:
    """Search box, facets, ranked hits with highlighted snippets; an empty store says how to
    ingest."""
    q = _arg(request, "q")
    kind = "quote" if request.query_params.get("kind") == "quote" else "article"
    specs = filter_specs()  # the form and the filters read, from one specification
    f = {s.name: _arg(request, s.name, s.page_max_length) for s in specs}
    for s in specs:
        if s.type == "choice" and f[s.name] not in (None, *s.choices):
            raise PageError(400, f"{s.name} must be {' or '.join(s.choices)}")
    if kind == "quote" and f.get("voice") == "author":
        f["voice"] = None
    offset = _int(request, "offset", 0, MAX_OFFSET)
    pool = request.app.state.pool
    with pool.reader() as store:
        total = store.count()
        summary = request.app.state.corpus.get(store) if total else None
        hits: list[dict[str, Any]] = []
        error = None
        if total:
            try:
                hits = store.search(q, kind=kind, limit=PAGE, offset=offset, **f)
            except Exception as exc:  # noqa: BLE001 - a bad query is shown, not raised
                if getattr(exc, "code", "") != "U504":
                    raise
                error = str(exc)
    params = {k: v for k, v in {"q": q, "kind": kind, **f}.items() if v}
    return render(request, "search.html", status=400 if error else 200, q=q or "", kind=kind,
                  f=f, specs=specs, hits=hits, total=total, error=error, offset=offset, page=PAGE,
                  facets=(summary or {}).get("facets", {}), params=params)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    """The text with quotes coloured by speaker, techniques underlined, entities marked."""
    if len(article_id) > 100:
        raise PageError(400, "article ids are at most 100 characters")
    with request.app.state.pool.reader() as store:
        rec = store.get(article_id)
    if rec is None:
        raise PageError(404, f"no article with id {article_id}")
    techs = markup.technique_rows(rec)
    parts = markup.pieces(rec)
    tips = [markup.tip(rec, p, techs) for p in parts]
    names = {e["id"]: e["name"] for e in rec.entities}
    return render(request, "article.html", rec=rec, parts=list(zip(parts, tips)),
                  speakers=markup.speakers(rec), techniques=techs, names=names,
                  entities=sorted(rec.entities, key=lambda e: -len(e.get("mentions", [])))[:40])


@router.get("/who", response_class=HTMLResponse)
def who_page(request: Request) -> HTMLResponse:
    """What a speaker said, where and when, who quoted them, and how articles named them."""
    name = _arg(request, "name")
    if not name:
        raise PageError(400, "give a name: /who?name=...")
    with request.app.state.pool.reader() as store:
        found = store.who(name, limit=100)
    return render(request, "who.html", name=name, found=found)


@router.get("/outlets", response_class=HTMLResponse)
def outlets_page(request: Request) -> HTMLResponse:
    """All outlets compared: articles over time, techniques per 1,000 words by voice, frames."""
    with request.app.state.pool.reader() as store:
        rows = store.stats(by="source")
        s = request.app.state.corpus.get(store)
    sources = [r["source"] or "(unknown)" for r in rows]
    profiles = [corpus.outlet_profile(s, src) for src in sources]
    chart = {"kind": "compare", "series": corpus.outlet_series(s, sources),
             "rows": rows, "profiles": profiles}
    return render(request, "outlets.html", rows=rows, profiles=profiles, chart=chart)


@router.get("/outlets/{source:path}", response_class=HTMLResponse)
def outlet_page(request: Request, source: str) -> HTMLResponse:
    """One outlet: articles over time, techniques by voice per month and label, speakers,
    frames."""
    with request.app.state.pool.reader() as store:
        s = request.app.state.corpus.get(store)
    if source not in s["sources"]:
        raise PageError(404, f"no articles from outlet {source[:200]}")
    profile = corpus.outlet_profile(s, source)
    chart = {"kind": "outlet", "series": corpus.outlet_series(s, [source]), "profile": profile,
             "source": source}
    return render(request, "outlet.html", profile=profile, chart=chart, source=source)


@router.get("/api/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    """The OpenAPI document as a readable page (no external assets)."""
    return render(request, "docs.html", api=describe(request.app.openapi()))


def install_page_errors(app: Any) -> None:
    """HTML error pages for page routes (the API keeps its JSON errors)."""

    @app.exception_handler(PageError)
    async def _page_error(request: Request, exc: PageError) -> HTMLResponse:
        return render(request, "error.html", status=exc.status, status_code=exc.status,
                      message=exc.message)


__all__ = ["router", "install_page_errors", "ApiError"]
