"""Hand-written articles for the story tests: three events, several outlets each.

Import from here (``from stories_corpus import ...``); it holds no tests itself.
Entities are marked by hand (every occurrence of the listed names), so the
tests do not need the spaCy model.  :func:`gold_article` gives, instead, a real
article of the multilingual gold analysed by the pipeline, for stories across languages.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from unspun.record import Record

QUAKE = """A magnitude 7.1 earthquake struck off the coast of Hokkaido on Tuesday, shaking
buildings in Sapporo and cutting power to thousands of homes, the Japan Meteorological Agency
said.

The agency issued a tsunami advisory for the Pacific coast and warned residents to stay away
from the shore while aftershocks continue through the night.

Rescue teams searched collapsed houses in the port town of Tomakomai, where a landslide buried
a road and several fishing boats were thrown onto the quay by the surge."""

FOOTBALL = """Arsenal beat Chelsea 3-1 at the Emirates Stadium on Saturday to move top of the
Premier League table, with Bukayo Saka scoring twice in the second half.

Chelsea had taken the lead through a penalty before Arsenal equalised from a corner, and the
home crowd celebrated a third win in a row over their London rivals.

Mikel Arteta praised his defenders after the match and said the title race would go to the
final weekend of the season."""

BANK = """The European Central Bank raised its main interest rate by a quarter point on
Thursday to fight inflation that remains above its target across the eurozone.

Christine Lagarde told reporters in Frankfurt that further increases in borrowing costs could
follow if wages and energy prices keep pushing consumer prices up.

Markets had expected the move; the euro rose against the dollar and bond yields in Germany
and Italy edged higher after the decision."""

EVENTS = {
    "quake": (QUAKE, ["Hokkaido", "Sapporo", "Japan Meteorological Agency", "Tomakomai"],
              "2023-10-03"),
    "football": (FOOTBALL, ["Arsenal", "Chelsea", "Bukayo Saka", "Mikel Arteta",
                            "Premier League"], "2023-10-07"),
    "bank": (BANK, ["European Central Bank", "Christine Lagarde", "Frankfurt"], "2023-10-05"),
}

# each outlet retells the event in its own words: a lead of its own, then the shared facts
LEADS = {
    "Daily Planet": "Our correspondent reports on the latest developments.",
    "Morning Star": "Here is what we know so far, updated as the news came in.",
    "Evening Post": "Readers sent us questions and we have answers below.",
}


def marked(text: str, names: list[str], **meta) -> Record:
    """A record whose entities are every occurrence of ``names`` in ``text``."""
    rec = Record(text=text, **meta)
    for i, name in enumerate(names, 1):
        mentions, pos = [], text.find(name)
        while pos >= 0:
            mentions.append(rec.span(pos, pos + len(name)))
            pos = text.find(name, pos + 1)
        if mentions:
            kind = "PERSON" if " " in name and name.split()[0][0].isupper() and name not in (
                "Premier League", "European Central Bank", "Japan Meteorological Agency") \
                else "ORG"
            rec.entities.append({"id": f"E{i}", "name": name, "type": kind, "descriptions": [],
                                 "mentions": mentions})
    return rec


def article(event: str, outlet: str, *, published: str | None = "", shift: int = 0,
            extra: str = "") -> Record:
    """The ``event`` as told by ``outlet`` (``published`` overrides the event's date)."""
    text, names, day = EVENTS[event]
    paras = text.split("\n\n")
    paras = paras[shift % len(paras):] + paras[:shift % len(paras)]
    body = LEADS[outlet] + "\n\n" + "\n\n".join(paras) + (("\n\n" + extra) if extra else "")
    return marked(body, names, published=day if published == "" else published, source=outlet,
                  title=f"{outlet}: {event} " + paras[0].split(".")[0][:60])


def corpus() -> list[Record]:
    """Nine articles: three events, each told by three outlets."""
    return [article(e, o, shift=i) for e in EVENTS for i, o in enumerate(LEADS)]


GOLD_MULTI = Path(__file__).resolve().parent / "gold" / "multi"


@lru_cache(maxsize=None)
def _analysed(article_id: str) -> dict:
    import unspun

    lang = article_id.split("-")[0]
    for line in (GOLD_MULTI / f"{lang}.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == article_id:
            return unspun.analyze(row["text"]).to_dict()
    raise KeyError(article_id)


def gold_article(article_id: str, source: str, published: str | None = None) -> Record:
    """An article of the multilingual gold (``tests/gold/multi``, e.g. ``ru-01``), analysed
    (once per test run) and published by ``source``."""
    rec = Record.from_dict(_analysed(article_id))
    rec.source, rec.published = source, published
    return rec
