"""Story pages: the stories list and one story's outlet comparison, with charts.

The story page shows what `unspun compare` shows (each outlet's language, who it quoted
and did not,
distinctive terms with example sentences, techniques per 1,000 words by voice, frames,
tone, first publication, wire-copy groups), and every quote, example sentence and
technique links to its span in the article (``/articles/ID#span=START-END``). Only the
story's own rows are read, so a page costs the same in a corpus of any size.
"""
from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..watch.db import query
from .pages import PageError, _arg, _int, render

router = APIRouter(include_in_schema=False)
PAGE = 30
MAX_ARTICLES = 100  # articles of one story read for its page (the earliest): tone alone
# takes about 5 ms an article, and the page must render in under a second (bench/story_page.py)
CACHE = 64  # story pages kept, each until its story changes (``stories.seq``)
MAX_SPANS = 60  # quotes and techniques listed per outlet
SORTS = {"newest": "s.last_published DESC{nulls}, s.seq DESC",  # indexed (stories_0002)
         "biggest": "s.sources DESC, s.articles DESC, s.last_published DESC{nulls}"}
STORY_COLS = ("id", "title", "first_published", "last_published", "articles", "sources")


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def story_list(store: Any, *, sort: str = "newest", since: str | None = None,
               until: str | None = None, outlet: str | None = None, min_articles: int = 1,
               limit: int = PAGE, offset: int = 0) -> list[dict[str, Any]]:
    """Stories (newest activity or most outlets first), narrowed by dates and an outlet."""
    where, params = ["s.articles >= ?"], [min_articles]
    if since:
        where.append("s.last_published >= ?")
        params.append(since)
    if until:
        where.append("s.first_published <= ?")
        params.append(until + "\uffff")
    if outlet:
        where.append("s.id IN (SELECT story_id FROM story_articles WHERE source = ?)")
        params.append(outlet)
    cols = ", ".join(f"s.{c}" for c in STORY_COLS)
    # undated stories last: SQLite sorts NULL last in DESC order, PostgreSQL must be told
    order = SORTS[sort].format(nulls="" if store.dialect == "sqlite" else " NULLS LAST")
    rows = [dict(zip(STORY_COLS, r)) for r in query(
        store, f"SELECT {cols} FROM stories s WHERE {' AND '.join(where)} "
               f"ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset])]
    if rows:
        ids = [r["id"] for r in rows]
        found: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for sid, source, n in query(
                store, "SELECT story_id, source, count(*) FROM story_articles WHERE story_id IN "
                       f"({_marks(len(ids))}) GROUP BY story_id, source ORDER BY story_id, "
                       "count(*) DESC, source", ids):
            found[sid].append({"source": source, "articles": n})
        for r in rows:
            r["outlets"] = found.get(r["id"], [])
    return rows


def outlet_names(store: Any, limit: int = 500) -> list[str]:
    return [r[0] for r in query(store, "SELECT source FROM story_articles WHERE source IS NOT "
                                       "NULL GROUP BY source ORDER BY source LIMIT ?", (limit,))]


def spans(store: Any, ids: list[str]) -> tuple[dict[str, list], dict[str, list]]:
    """Quotes and techniques of the given articles, by article, with their offsets."""
    quotes: dict[str, list] = defaultdict(list)
    techniques: dict[str, list] = defaultdict(list)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for aid, speaker, content, start, end in query(
                store, "SELECT article_id, speaker, content, start_char, end_char FROM quotes "
                       f"WHERE article_id IN ({_marks(len(chunk))}) ORDER BY article_id, "
                       "start_char", chunk):
            quotes[aid].append({"speaker": speaker, "text": content, "start": start, "end": end})
        for aid, label, text, voice, start, end in query(
                store, "SELECT article_id, label, text, voice, start_char, end_char FROM "
                       f"techniques WHERE article_id IN ({_marks(len(chunk))}) ORDER BY "
                       "article_id, start_char", chunk):
            techniques[aid].append({"label": label, "text": text, "start": start, "end": end,
                                    "voice": "author" if voice == "author" else "quoted"})
    return quotes, techniques


def article_context(store: Any, article_id: str) -> dict[str, Any]:
    """An article's story (id, title, counts) and its wire copies (with outlet and title),
    for the article page."""
    from ..stories import wire_copies

    rows = query(store, "SELECT s.id, s.title, s.articles, s.sources FROM story_articles sa "
                        "JOIN stories s ON s.id = sa.story_id WHERE sa.article_id = ?",
                 (article_id,))
    story = dict(zip(("id", "title", "articles", "sources"), rows[0])) if rows else None
    wire = wire_copies(store, article_id)[:20]
    if wire:
        ids = [w["article_id"] for w in wire]
        meta = {r[0]: r[1:] for r in query(store, "SELECT id, source, title, published FROM "
                                                  f"articles WHERE id IN ({_marks(len(ids))})",
                                           ids)}
        for w in wire:
            w["source"], w["title"], w["published"] = meta.get(w["article_id"], (None,) * 3)
    return {"story": story, "wire": wire}


def story_view(store: Any, story_id: int) -> dict[str, Any]:
    """The comparison of ``unspun compare`` plus each outlet's quotes and techniques as
    spans, and chart data; StoreError U701 when there is no such story."""
    from ..stories import compare

    result = compare(store, story_id, max_articles=MAX_ARTICLES)
    ids = [a["article_id"] for o in result["outlets"] for a in o["articles"]]
    quotes, techniques = spans(store, ids)
    for outlet in result["outlets"]:
        own = [a["article_id"] for a in outlet["articles"]]
        outlet["quote_spans"] = [{**q, "article_id": a} for a in own for q in quotes[a]]
        outlet["technique_spans"] = [{**t, "article_id": a} for a in own for t in techniques[a]]
    result["chart"] = _chart(result)
    return result


def _chart(result: dict[str, Any]) -> dict[str, Any]:
    outlets = result["outlets"]
    return {
        "outlets": [o["source"] for o in outlets],
        "author_per_1k": [o["techniques"]["author"]["per_1k_words"] for o in outlets],
        "quoted_per_1k": [o["techniques"]["quoted"]["per_1k_words"] for o in outlets],
        "tone_author": [((o["tone"] or {}).get("author") or {}).get("mean") for o in outlets],
        "tone_quoted": [((o["tone"] or {}).get("quoted") or {}).get("mean") for o in outlets],
        "published": [[a["published"] for a in o["articles"]] for o in outlets],
        "speakers": [[{"name": s["name"], "share": s["share_of_quoted_words"]}
                      for s in o["speakers"][:8]] for o in outlets],
        "frames": [[{"label": f["label"], "articles": f["articles"]} for f in o["frames"]]
                   for o in outlets],
        "articles": [len(o["articles"]) for o in outlets],
    }


class ViewCache:
    """The last few story views, each valid while its story's ``seq`` is unchanged."""

    def __init__(self, size: int = CACHE):
        self.size = size
        self.views: OrderedDict[tuple, dict[str, Any]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, store: Any, story_id: int) -> dict[str, Any]:
        rows = query(store, "SELECT seq, articles FROM stories WHERE id = ?", (story_id,))
        key = (story_id, *rows[0]) if rows else None
        with self.lock:
            if key in self.views:
                self.views.move_to_end(key)
                return self.views[key]
        view = story_view(store, story_id)  # U701 when the story does not exist
        with self.lock:
            self.views[key] = view
            while len(self.views) > self.size:
                self.views.popitem(last=False)
        return view


def _cache(request: Request) -> ViewCache:
    state = request.app.state
    if not hasattr(state, "story_views"):
        state.story_views = ViewCache()
    return state.story_views


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request) -> HTMLResponse:
    """Newest or biggest stories, narrowed by dates and outlet."""
    sort = request.query_params.get("sort", "newest")
    if sort not in SORTS:
        raise PageError(400, "sort must be newest or biggest")
    f = {"since": _arg(request, "since", 10), "until": _arg(request, "until", 10),
         "outlet": _arg(request, "outlet", 300)}
    for key in ("since", "until"):
        if f[key] and not _iso_day(f[key]):
            raise PageError(400, f"{key} must be a date YYYY[-MM[-DD]]")
    min_articles = _int(request, "min", 1, 10_000)
    offset = _int(request, "offset", 0, 100_000)
    with request.app.state.pool.reader() as store:
        rows = story_list(store, sort=sort, min_articles=min_articles, offset=offset, **f)
        outlets = outlet_names(store)
    params = {k: v for k, v in {"sort": sort, "min": min_articles if min_articles > 1 else None,
                                **f}.items() if v}
    return render(request, "stories.html", rows=rows, sort=sort, f=f, outlets=outlets,
                  min_articles=min_articles, offset=offset, page=PAGE, params=params)


def _iso_day(value: str) -> bool:
    import re

    return bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    """One story: its outlets compared, with charts and links to every span."""
    if not story_id.isdigit() or len(story_id) > 18:
        raise PageError(404, "story ids are numbers")
    with request.app.state.pool.reader() as store:
        try:
            view = _cache(request).get(store, int(story_id))
        except Exception as exc:  # noqa: BLE001 - U701 is a 404, anything else is raised
            if getattr(exc, "code", "") == "U701":
                raise PageError(404, f"no story {story_id}") from None
            raise
    return render(request, "story.html", view=view, story=view["story"],
                  outlets=view["outlets"], chart=view["chart"], spans_cap=MAX_SPANS,
                  max_articles=MAX_ARTICLES)
