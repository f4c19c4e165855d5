"""The web UI's charts from Python, as Plotly figures (they show inline in a notebook).

>>> unspun.plot.articles_over_time(store)        # articles per month, one line per outlet
>>> unspun.plot.techniques_by_voice(store)       # techniques per 1,000 words, author vs quoted
>>> unspun.plot.frames_heatmap(store)            # share of each outlet's articles per frame
>>> unspun.plot.story_comparison(store, 1)       # how the outlets covered story 1

Each function takes a store or a list of records (stored in a temporary
SQLite file first).  The figures are computed by the same code as the web
UI's outlet pages (:mod:`unspun.server.corpus`, ``store.stats``) and
:func:`unspun.stories.compare`, so the numbers match the pages.  Plotly reads
a few HTML tags in labels; outlet, label and speaker names are escaped so
that they show as typed.  Needs plotly (``pip install 'unspun[notebook]'``;
U520 without it).
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from .extras import notebook_module
from .record import Record
from .store import Store, open_store

T = TypeVar("T")
AUTHOR, QUOTED = "author's voice", "quoted voices"
LAYOUT = {"margin": {"l": 60, "r": 20, "t": 50, "b": 60}, "paper_bgcolor": "#fff",
          "plot_bgcolor": "#fff", "font": {"size": 13}, "legend": {"orientation": "h", "y": -0.2}}

__all__ = ["articles_over_time", "techniques_by_voice", "frames_heatmap", "story_comparison"]


def _go() -> Any:
    return notebook_module("plotly.graph_objects", "plotly")


def esc(value: Any) -> str:
    """A name as Plotly shows it literally (it reads ``<b>``, ``<a href>`` and entities)."""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _using(data: Store | Iterable[Record], fn: Callable[[Store], T]) -> T:
    if isinstance(data, Store):
        return fn(data)
    with tempfile.TemporaryDirectory(prefix="unspun-plot-") as tmp:
        with open_store(Path(tmp) / "plot.db") as store:
            store.add(list(data))
            return fn(store)


def _figure(traces: list[Any], title: str, **layout: Any) -> Any:
    go = _go()
    fig = go.Figure(traces)
    fig.update_layout(**{**LAYOUT, "title": {"text": esc(title)}, **layout})
    return fig


def articles_over_time(data: Store | Iterable[Record]) -> Any:
    """Articles per month, one line per outlet (the outlets page's first chart)."""
    from .server import corpus

    def build(store: Store) -> Any:
        s = corpus.summarise(store)
        series = corpus.outlet_series(s, s["sources"])
        go = _go()
        traces = [go.Scatter(x=series["months"], y=row["articles"], name=esc(src),
                             mode="lines+markers") for src, row in series["outlets"].items()]
        return _figure(traces, "Articles per month", xaxis={"type": "category"},
                       yaxis={"title": {"text": "articles"}})

    return _using(data, build)


def techniques_by_voice(data: Store | Iterable[Record]) -> Any:
    """Techniques per 1,000 words in the author's voice and in quoted voices, per outlet."""
    def build(store: Store) -> Any:
        rows = store.stats(by="source")
        names = [esc(r["source"] or "(unknown)") for r in rows]
        go = _go()
        traces = [go.Bar(x=names, y=[r["author_per_1k_words"] for r in rows], name=AUTHOR),
                  go.Bar(x=names, y=[r["quoted_per_1k_words"] for r in rows], name=QUOTED)]
        return _figure(traces, "Techniques per 1,000 words, by voice", barmode="group",
                       xaxis={"type": "category"},
                       yaxis={"title": {"text": "per 1,000 words"}})

    return _using(data, build)


def frames_heatmap(data: Store | Iterable[Record]) -> Any:
    """Per outlet, the share of its articles that carry each frame (percent)."""
    from .server import corpus

    def build(store: Store) -> Any:
        s = corpus.summarise(store)
        profiles = [corpus.outlet_profile(s, src) for src in s["sources"]]
        labels: list[str] = []
        for p in profiles:
            labels += [f["label"] for f in p["frames"] if f["label"] not in labels]
        z = [[round(100.0 * next((f["articles"] for f in p["frames"] if f["label"] == lab), 0)
                    / (p["articles"] or 1), 1) for lab in labels] for p in profiles]
        go = _go()
        trace = go.Heatmap(x=[esc(lab) for lab in labels], y=[esc(p["source"]) for p in profiles],
                           z=z, colorscale="Blues", colorbar={"title": {"text": "% of articles"}})
        return _figure([trace], "Frames by outlet (% of its articles)",
                       xaxis={"type": "category"}, yaxis={"type": "category"},
                       margin={"l": 140, "r": 20, "t": 50, "b": 100})

    return _using(data, build)


def _tone(tone: dict[str, Any] | None) -> str:
    if not tone:
        return ""
    return "; tone " + ", ".join(f"{voice} {row['mean']:+.2f}" for voice, row in tone.items()
                                 if row.get("mean") is not None)


def story_comparison(data: Store | Iterable[Record], story_id: int) -> Any:
    """How each outlet covered one story: techniques per 1,000 words by voice, with the
    outlet's article count and tone (mean VADER score) in the hover text."""
    from . import stories

    def build(store: Store) -> Any:
        cmp = stories.compare(store, story_id)
        outlets = cmp["outlets"]
        names = [esc(o["source"]) for o in outlets]
        hover = [f"{len(o['articles'])} article(s), {o['words']} words" + _tone(o.get("tone"))
                 for o in outlets]
        go = _go()
        traces = [go.Bar(x=names, y=[o["techniques"][v]["per_1k_words"] for o in outlets],
                         name=label, hovertext=[esc(h) for h in hover])
                  for v, label in (("author", AUTHOR), ("quoted", QUOTED))]
        title = f"Story {cmp['story']['id']}: {cmp['story'].get('title') or ''}"
        return _figure(traces, title, barmode="group", xaxis={"type": "category"},
                       yaxis={"title": {"text": "techniques per 1,000 words"}})

    return _using(data, build)
