"""The terminal view of a record: highlighted text, then a compact summary."""
from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .record import Record
from .termsafe import clean
from .termsafe import text as safe
from .techniques.report import rate_line, voice_names

STYLES = {
    "dateline": "bold reverse",
    "agency": "bold magenta",
    "PERSON": "bold cyan",
    "ORG": "yellow",
    "GPE": "green",
    "LOC": "green",
    "FAC": "green",
    "NORP": "blue",
}
TECHNIQUE_STYLE = {True: "underline bold red", False: "underline"}
SPEAKER_COLOURS = ["bright_cyan", "bright_magenta", "bright_green", "bright_yellow",
                   "bright_blue", "bright_red", "cyan", "magenta"]


def highlighted_text(rec: Record) -> Text:
    """The article text with entities, agencies and dateline styled, quotes by speaker."""
    text = Text(clean(rec.text))  # one character for one: the offsets below stay valid
    speakers: dict[Any, str] = {}
    for quote in rec.quotes:
        who = (quote.get("speaker") or {}).get("entity") or (quote.get("speaker") or {}).get("text")
        colour = speakers.setdefault(who, SPEAKER_COLOURS[len(speakers) % len(SPEAKER_COLOURS)])
        for part in quote.get("parts") or [quote["content"]]:  # 'he said' between parts stays plain
            text.stylize(f"italic {colour}" if who else "italic", part["start"], part["end"])
    for entity in rec.entities:
        for m in entity["mentions"]:
            text.stylize(STYLES.get(entity["type"], ""), m["start"], m["end"])
    for agency in rec.agencies:
        s = agency["span"]
        text.stylize(STYLES["agency"] + " underline", s["start"], s["end"])
    for tech in rec.techniques:  # the author's rhetoric in bold, quoted sources' plain
        text.stylize(TECHNIQUE_STYLE[tech["voice"] == "author"], tech["start"], tech["end"])
    if rec.dateline:
        s = rec.dateline["span"]
        text.stylize(STYLES["dateline"], s["start"], s["end"])
    return text


def summary(rec: Record) -> Table:
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    meta = " · ".join(x for x in [rec.source, rec.published, rec.language] if x)
    table.add_row("article", safe(f"{rec.id}  {meta}"))
    if rec.dateline:
        d = rec.dateline
        parts = [d["place"]["text"] if d.get("place") else None,
                 f"{d['date']['text']} → {d['resolved_date'] or '?'}" if d.get("date") else None,
                 f"agency {d['agency']['text']}" if d.get("agency") else None]
        table.add_row("dateline", safe(", ".join(p for p in parts if p)))
    if rec.agencies:
        table.add_row("agencies", safe("; ".join(f"{a['name']} ({a['role']})"
                                                  for a in rec.agencies)))
    for label, types in (("people", {"PERSON"}), ("organisations", {"ORG"}),
                         ("places", {"GPE", "LOC", "FAC"}), ("groups", {"NORP"})):
        items = [e for e in rec.entities if e["type"] in types]
        if items:
            table.add_row(label, safe("; ".join(_entity_line(e) for e in items)))
    speakers = _speaker_line(rec)
    if speakers:
        table.add_row("speakers", safe(speakers))
    counts = f"{len(rec.paragraphs)} paragraphs, {len(rec.sentences)} sentences"
    if rec.quotes:
        counts += f", {len(rec.quotes)} quotes"
    if rec.techniques:
        counts += f", {len(rec.techniques)} techniques"
    table.add_row("counts", counts)
    if rec.techniques:
        table.add_row("rhetoric", safe(rate_line(rec)))
        for n, t in enumerate(rec.techniques, 1):
            table.add_row(f"[{n}]", _technique_line(t, voice_names(rec)))
    if rec.frames:
        table.add_row("frames", safe(", ".join(f"{f['label']} {f['score']:.2f}"
                                              for f in rec.frames)))
    if rec.genre:
        table.add_row("genre", safe(f"{rec.genre['label']} {rec.genre['score']:.2f}"))
    for w in rec.warnings + rec.errors:
        table.add_row("warning", safe(f"[{w['code']}] {w['message']}"))
    return table


def _technique_line(t: dict[str, Any], names: dict[str, str]) -> Text:
    who = "author" if t["voice"] == "author" else f"quote {t['voice']} ({names.get(t['voice'], '?')})"
    line = Text(clean(f"{t['label']} "), style="bold")
    line.append(clean(f"[{who}] "), style="dim")
    snippet = t["text"] if len(t["text"]) <= 60 else t["text"][:57] + "..."
    line.append(clean(f"“{snippet}”"), style=TECHNIQUE_STYLE[t["voice"] == "author"])
    line.append(clean(f" — {t['evidence']}"))
    return line


def marked_text(rec: Record, text: Text) -> Text:
    """``text`` with a dim [n] marker after each technique, n as in the summary."""
    ends = sorted((t["end"], n) for n, t in enumerate(rec.techniques, 1))
    out, pos = Text(), 0
    for end, n in ends:
        out.append_text(text[pos:end])
        out.append(f"[{n}]", style="dim")
        pos = end
    out.append_text(text[pos:])
    return out


def _entity_line(entity: dict[str, Any]) -> str:
    line = entity["name"]
    if len(entity["mentions"]) > 1:
        line += f" ×{len(entity['mentions'])}"
    if entity.get("descriptions"):
        line += f" — {entity['descriptions'][0]['text']}"
    return line


def _speaker_line(rec: Record) -> str:
    """Who gets to speak: quotes and quoted words per speaker, most words first."""
    tally: dict[str, list[int]] = {}
    for e in rec.entities:
        if e.get("quotes"):
            tally[e["name"]] = [e["quotes"], e.get("quoted_words", 0)]
    unresolved = [q for q in rec.quotes if not (q.get("speaker") or {}).get("entity")]
    items = [f"{name} {n} quote{'s' * (n != 1)}, {w} words"
             for name, (n, w) in sorted(tally.items(), key=lambda kv: -kv[1][1])]
    if unresolved:
        items.append(f"unresolved or unknown {len(unresolved)}")
    return "; ".join(items)


def legend() -> Text:
    out = Text("key: ")
    for label, style in (("dateline", "dateline"), ("agency", "agency"), ("person", "PERSON"),
                         ("organisation", "ORG"), ("place", "GPE"), ("group", "NORP")):
        out.append(label, style=STYLES[style])
        out.append("  ")
    out.append("quotes", style="italic " + SPEAKER_COLOURS[0])
    out.append(" (one colour per speaker; plain text is the author's voice)  ")
    out.append("technique", style=TECHNIQUE_STYLE[True])
    out.append(" in the author's voice, ")
    out.append("technique", style=TECHNIQUE_STYLE[False])
    out.append(" in a quote; [n] as listed below")
    return out


def print_record(rec: Record, console: Console) -> None:
    title = rec.title or rec.meta.get("input") or rec.id
    console.print(Panel(Group(marked_text(rec, highlighted_text(rec)), Text(""), legend()),
                        title=safe(title),
                        title_align="left"))
    console.print(summary(rec))
    console.print()
