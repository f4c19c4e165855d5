"""Terminal view of `unspun compare`: one panel per outlet."""
from __future__ import annotations

from typing import Any

from ..termsafe import markup as esc
from ..termsafe import text as safe


def _speakers(outlet: dict[str, Any]) -> str:
    rows = [f"{s['name']} ({s['quotes']} quotes, {s['share_of_quoted_words']:.0%} of quoted "
            "words)" for s in outlet["speakers"][:8]]
    return "; ".join(rows) or "nobody quoted"


def languages(outlet: dict[str, Any]) -> str:
    """The outlet's language: ``ru``, or ``ru (2 articles), en (1 article)`` when it wrote
    the story's articles in several."""
    rows = outlet["languages"]
    if len(rows) == 1:
        return rows[0]["language"]
    return ", ".join(f"{r['language']} ({r['articles']} article{'s' if r['articles'] != 1 else ''})"
                     for r in rows) or "unknown"


def _techniques(outlet: dict[str, Any]) -> str:
    parts = []
    for voice in ("author", "quoted"):
        t = outlet["techniques"][voice]
        labels = ", ".join(f"{x['label']} {x['count']}" for x in t["labels"][:4])
        parts.append(f"{voice}: {t['per_1k_words']}/1k words" + (f" ({labels})" if labels else ""))
    return "; ".join(parts)


def show(result: dict[str, Any]) -> None:
    """Print a comparison dict (from :func:`unspun.stories.compare`) with rich."""
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table

    console = Console()
    story = result["story"]
    span = story["first_published"] or "undated"
    if story["last_published"] and story["last_published"] != story["first_published"]:
        span += f" – {story['last_published']}"
    console.print(f"[bold]Story {esc(story['id'])}[/bold]: {esc(story['title'])}  "
                  f"({esc(span)}, {story['articles']} articles, {story['sources']} outlets)")
    for o in result["outlets"]:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
        grid.add_row("first published", safe(f"{o['first_published'] or 'undated'}"
                     + ("  (first)" if o["first"] else "")))
        grid.add_row("language", safe(languages(o)))
        grid.add_row("articles", safe("; ".join(a["title"] or a["article_id"]
                                                for a in o["articles"][:5])))
        grid.add_row("quoted", safe(_speakers(o)))
        if o["not_quoted"]:
            grid.add_row("not quoted", safe("; ".join(
                f"{s['name']} (by {', '.join(s['quoted_by'])})" for s in o["not_quoted"][:6])))
        for term in o["terms"][:6]:
            example = term["examples"][0]["text"] if term["examples"] else ""
            grid.add_row(safe(f"“{term['term']}”"), safe(
                f"z {term['z']}, {term['count']}x here, {term['others']}x elsewhere: "
                f"{' '.join(example.split())[:160]}"))
        grid.add_row("techniques", safe(_techniques(o)))
        if o["frames"]:
            grid.add_row("frames", safe(", ".join(f"{f['label']} ({f['articles']})"
                                                  for f in o["frames"][:5])))
        if o["tone"]:
            grid.add_row("tone", safe(", ".join(f"{v}: {t['mean']:+.2f} over {t['sentences']} "
                                                "sentences" for v, t in o["tone"].items()
                                                if t["mean"] is not None)))
        console.print(Panel(grid, title=safe(o["source"]), title_align="left"))
    for g in result["wire"]:
        agencies = ", ".join(a["name"] for a in g["agencies"]) or "no agency credited"
        console.print(safe(f"wire copy: {len(g['articles'])} articles share paragraphs "
                           f"({agencies}): " + "; ".join(f"{a['source']}: "
                                                         f"{a['title'] or a['article_id']}"
                                                         for a in g["articles"][:8])))
    if result["truncated"]:
        console.print("(only the earliest articles were read: raise --max-articles)")
