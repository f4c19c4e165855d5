"""The REST API under ``/api``: articles, search, speakers and entities, outlets, trends.

Every list takes ``limit`` (1..100) and ``offset``; search queries and names
are capped in length; errors are JSON (see :mod:`unspun.server.errors`).
The same filters as ``unspun search`` (``source`` (repeatable), ``since``,
``until``, ``speaker``, ``entity``, ``technique``, ``voice``, ``frame`` and any
registered one) on ``/api/articles`` and ``/api/search``: see
:mod:`unspun.server.filterparams`.
"""
from __future__ import annotations

import json
from dataclasses import fields
from typing import Annotated, Any, Literal

from fastapi import APIRouter, BackgroundTasks, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from . import corpus
from ..record import Record
from .analysis import RETRY_AFTER, Busy, TimedOut, WorkerFailed
from .config import MAX_OFFSET, MAX_PAGE, MAX_QUERY
from .errors import ApiError
from .models import ArticleIn, ArticlesIn
from .security import require_token

router = APIRouter(prefix="/api")

Text = Annotated[str | None, Query(max_length=MAX_QUERY, description=
                                   'Search words: "phrases", OR, -word, prefix*')]


def writer_token(request: Request) -> None:
    """Checked before the body is read: no token, no write."""
    require_token(request, request.app.state.settings.token)


def pool(request: Request) -> Any:
    return request.app.state.pool


def fast_json(data: Any) -> Response:
    """Plain JSON data serialised directly (skips FastAPI's slower generic encoder)."""
    return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                    media_type="application/json")


def record_json(rec: Record) -> Response:
    """A record as JSON, field by field (its values are JSON data already: no deep copy)."""
    data = {f.name: getattr(rec, f.name) for f in fields(rec)}
    if not data["skipped"]:  # as Record.to_dict: an empty skipped list is left out
        del data["skipped"]
    return fast_json(data)


def _summary(request: Request) -> dict[str, Any]:
    with request.app.state.pool.reader() as store:
        return request.app.state.corpus.get(store)


@router.get("/health", summary="Server status", tags=["server"])
def health(request: Request) -> dict[str, Any]:
    """Backend, stored article count, and whether writing is enabled."""
    with pool(request).reader() as store:
        count = store.count()
    return {"status": "ok", "backend": pool(request).backend, "articles": count,
            "writable": bool(request.app.state.settings.token)}


@router.get("/articles/{article_id}", summary="One article's full record", tags=["articles"])
def get_article(request: Request, article_id: str) -> Response:
    """The stored record exactly as analysed (see the record JSON Schema)."""
    if len(article_id) > 100:
        raise ApiError(400, "bad_request", "article ids are at most 100 characters")
    with pool(request).reader() as store:
        rec = store.get(article_id)
    if rec is None:
        raise ApiError(404, "not_found", f"no article with id {article_id!r}")
    return record_json(rec)


@router.get("/speakers", summary="Speakers by number of quotes", tags=["people"])
def speakers(request: Request, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
             offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
             unresolved: bool = False) -> dict[str, Any]:
    """Each speaker's quotes, articles, outlets quoting them, first and last date: one row
    per actor (``actor`` id, ``variants`` it is written as); speakers left as pronouns
    ("unresolved (he)") and groups ("group (officials)") only with ``unresolved=true``."""
    with pool(request).reader() as store:
        rows = store.stats(by="speaker", unresolved=unresolved)
    return {"items": rows[offset:offset + limit], "limit": limit, "offset": offset,
            "total": len(rows)}


@router.get("/speakers/{name:path}", summary="What a speaker said, where and when",
            tags=["people"])
@router.get("/entities/{name:path}", summary="A person, organisation or place: quotes and mentions",
            tags=["people"])
def who(request: Request, name: str,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> dict[str, Any]:
    """Quotes by the name (by outlet and date, with the quoting article) and what articles
    said about them (mentions in context, marked with ``**``)."""
    if len(name) > MAX_QUERY:
        raise ApiError(414, "too_large", f"names are limited to {MAX_QUERY} characters")
    with pool(request).reader() as store:
        return store.who(name, limit=limit)


@router.get("/entities", summary="Entities named in articles, by search", tags=["people"])
def entities(request: Request, name: Annotated[str, Query(min_length=1, max_length=MAX_QUERY)],
             limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20) -> dict[str, Any]:
    """Stored names containing ``name`` and the outlets that quote or mention them."""
    with pool(request).reader() as store:
        found = store.who(name, limit=1)
    return {"name": name, "matched_names": found["matched_names"][:limit],
            "quotes_by_source": found["quotes_by_source"],
            "mentioned_by_source": found["mentioned_by_source"]}


@router.get("/outlets", summary="Statistics per outlet", tags=["outlets"])
def outlets(request: Request) -> dict[str, Any]:
    """Articles, words, quotes, speakers, techniques per 1,000 words by voice, top frames."""
    with pool(request).reader() as store:
        return {"items": store.stats(by="source")}


@router.get("/outlets/{source:path}", summary="One outlet over time", tags=["outlets"])
def outlet(request: Request, source: str) -> dict[str, Any]:
    """Articles and techniques per 1,000 words by voice per month, techniques by label,
    frames and top speakers for one outlet."""
    s = _summary(request)
    if source not in s["sources"]:
        raise ApiError(404, "not_found", f"no articles from outlet {source[:200]!r}")
    series = corpus.outlet_series(s, [source])
    return {**corpus.outlet_profile(s, source), "months": series["months"],
            "series": series["outlets"][source]}


@router.get("/stats", summary="Corpus statistics", tags=["outlets"])
def stats(request: Request,
          by: Literal["source", "month", "speaker", "technique"] | None = None,
          unresolved: bool = False) -> dict[str, Any]:
    """The same table as ``unspun stats --by`` (``unresolved``: as ``--unresolved``)."""
    with pool(request).reader() as store:
        return {"by": by, "items": store.stats(by=by, unresolved=unresolved and by == "speaker")}


@router.get("/techniques", summary="Techniques: uses by voice and over time", tags=["trends"])
def techniques(request: Request, source: Annotated[str | None, Query(max_length=MAX_QUERY)]
               = None) -> dict[str, Any]:
    """Each technique's uses (author / quoted, per 1,000 words) and, per month, techniques per
    1,000 words in the author's and in quoted voices (optionally for one outlet)."""
    with pool(request).reader() as store:
        items = store.stats(by="technique")
    line = corpus.timeline(_summary(request), source)
    return {"items": items, "months": line["months"], "per_month": line["techniques"],
            "source": source}


@router.get("/frames", summary="Frames over time", tags=["trends"])
def frames(request: Request) -> dict[str, Any]:
    """Articles per frame per month, across the corpus."""
    line = corpus.timeline(_summary(request))
    return {"months": line["months"], "per_month": line["frames"]}


@router.get("/facets", summary="Values for the search filters", tags=["articles"])
def facets(request: Request) -> dict[str, Any]:
    """Outlets, techniques, frames and the most quoted speakers in the store."""
    return _summary(request)["facets"]


async def analysed(request: Request, articles: list[ArticleIn]) -> list[Record]:
    """Records from the server's analysis pool (worker processes, a time limit per request);
    the route awaits them without holding a thread that read endpoints need."""
    settings = request.app.state.settings
    try:
        return await request.app.state.analysis.analyze(
            [a.model_dump() for a in articles], getattr(request.state, "arrived", None))
    except Busy:
        raise ApiError(503, "busy", "every analysis worker is busy and the queue is full; "
                       f"try again in {RETRY_AFTER} s",
                       headers={"Retry-After": str(RETRY_AFTER)}) from None
    except TimedOut:
        raise ApiError(504, "timeout", "the analysis did not finish within the limit of "
                       f"{settings.analyze_timeout:g} s and was stopped; send a shorter text "
                       "or try again later") from None
    except WorkerFailed as exc:
        raise ApiError(500, "analysis_failed", f"the analysis failed: {exc}") from None


@router.post("/analyze", summary="Analyse text without storing it", tags=["write"],
             responses={413: {"description": "the text is over the character limit"},
                        503: {"description": "all analysis workers busy (see Retry-After)"},
                        504: {"description": "the analysis ran past the time limit"}})
async def analyze(request: Request, article: ArticleIn) -> Response:
    """The record for the posted article (nothing is stored). The text is capped in
    characters (100,000 by default; `unspun serve --max-analyze-chars`) and the analysis in
    time (30 s by default: 504 when exceeded)."""
    limit = request.app.state.settings.max_analyze_chars
    if len(article.text) > limit:
        raise ApiError(413, "too_large", f"the text has {len(article.text):,} characters; "
                       f"the limit is {limit:,}")
    record = (await analysed(request, [article]))[0]
    return await run_in_threadpool(record_json, record)


@router.post("/articles", summary="Analyse and store articles (needs the token)",
             tags=["write"], status_code=201, dependencies=[Depends(writer_token)],
             responses={401: {"description": "missing or wrong bearer token"},
                        403: {"description": "the server has no UNSPUN_TOKEN: read-only"}})
async def post_articles(request: Request, body: ArticlesIn,
                        background: BackgroundTasks) -> dict[str, Any]:
    """Each article is analysed and stored; an id already stored is skipped unless
    ``replace``. Send ``Authorization: Bearer <UNSPUN_TOKEN>``. The analysis has the same
    time limit as ``/api/analyze`` (504 when exceeded; nothing is stored then). Each stored
    article is assigned to its story and matched against the saved alerts in the same
    transaction (unless the server runs with ``--no-stories``)."""
    records = await analysed(request, body.articles)

    def store_them() -> Any:
        from ..stories.live import live_adder

        with pool(request).writer() as store:  # each article with its story and alert matches
            adder = live_adder(store, stories=request.app.state.settings.stories)
            return adder.add(records, replace=body.replace)

    def deliver() -> None:
        from ..alerts import deliver_pending

        with pool(request).writer() as store:
            deliver_pending(store)

    def judge(ids: list[str]) -> None:
        from ..actors.store import judge_groups

        with pool(request).writer() as store:  # which new speakers are groups ("officials"),
            judge_groups(store, ids)           # stored so that reads never tag

    result = await run_in_threadpool(store_them)
    if result.added and request.app.state.settings.stories:
        background.add_task(deliver)  # after the response: a slow webhook never delays it
    if result.added:
        background.add_task(judge, result.added)
    return {"added": result.added, "skipped": result.skipped,
            "ids": [r.id for r in records]}
