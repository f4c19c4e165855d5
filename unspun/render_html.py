"""A record as self-contained HTML: what a notebook shows for ``rec`` (``Record._repr_html_``).

>>> unspun.render.html(rec)          # one record: an HTML fragment with inline styles
>>> unspun.render.html(records)      # several: a whole page

The article reads as on the web UI's article page: the dateline, agencies,
genre and frames on top; quotes tinted by speaker, the author's words plain;
techniques underlined, with label, voice and evidence on hover (the ``title``
attribute, so no script is needed); entity mentions in bold.  The text is cut
into the same pieces as the web page (:func:`unspun.server.markup.pieces`),
and each piece carries the page's ``class`` names and ``data-s``/``data-e``
offsets, so the two can be compared span for span.

Everything from the record is untrusted: every text is HTML-escaped (quotes
included, so it cannot leave an attribute), control characters become U+FFFD,
and the only attributes written are ``class``, ``style``, ``title``, ``data-*``
and ``id``-free anchors; no URL from the record is ever made a link.
"""
from __future__ import annotations

import html as _html
import re
from collections.abc import Iterable
from typing import Any

from .record import Record
from .server.markup import PALETTE, Piece, pieces, speakers, technique_rows, tip

# the web UI's stylesheet (server/static/app.css), inlined
COLOURS = ["#dbeafe", "#fde2c8", "#d5f2dc", "#f3dcf5", "#fff2b3", "#d4f1f4", "#f7d6d6",
           "#e2e2f8"]
assert len(COLOURS) == PALETTE
TECH = "text-decoration:underline wavy #b3261e;text-decoration-thickness:1.5px;" \
       "text-underline-offset:3px;cursor:help"
ENTITY = "font-weight:600"
BOX = ("font:15px/1.6 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1b1b;"
       "background:#fff;border:1px solid #d0d0d0;border-radius:6px;padding:.8em 1em;"
       "max-width:60em;margin:.5em 0")
MUTED = "color:#505050"
BODY = "white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.7;margin:.6em 0"
MAX_FRAMES = 4
# C0 and C1 controls except tab, newline and carriage return
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def esc(value: Any) -> str:
    """Untrusted text, safe as HTML element content and inside quoted attributes."""
    return _html.escape(_CONTROL.sub("\ufffd", "" if value is None else str(value)), quote=True)


def _facts(rec: Record) -> str:
    rows = []
    dl = rec.dateline if isinstance(rec.dateline, dict) else None
    if dl:
        span = (dl.get("span") or {}).get("text")
        bits = [f"place: {esc(dl['place'].get('text'))}" if dl.get("place") else "",
                f"date: {esc(dl['resolved_date'])}" if dl.get("resolved_date") else "",
                f"agency: {esc(dl['agency'].get('text'))}" if dl.get("agency") else ""]
        small = " · ".join(b for b in bits if b)
        rows.append(("Dateline", f"<b>{esc(span)}</b> <small style=\"{MUTED}\">{small}</small>"))
    agencies = ", ".join(f"{esc(a.get('name'))} <small style=\"{MUTED}\">"
                         f"({esc(a.get('role') or a.get('kind'))})</small>"
                         for a in rec.agencies or [])
    rows.append(("Agencies", agencies or "none named"))
    if isinstance(rec.genre, dict):
        rows.append(("Genre", esc(rec.genre.get("label"))))
    if rec.frames:
        rows.append(("Frames", ", ".join(esc(f.get("label")) for f in rec.frames[:MAX_FRAMES])))
    return "".join(f'<div><b>{k}</b>: {v}</div>' for k, v in rows)


def _piece(p: Piece, tip_text: str) -> str:
    classes, style = [], []
    if p.quote:
        classes.append(f"q c{p.colour}")
        style.append(f"background:{COLOURS[(p.colour or 0) % PALETTE]};border-radius:2px")
    if p.techniques:
        classes.append("t")
        style.append(TECH)
    if p.entity:
        classes.append("ent")
        style.append(ENTITY)
    attrs = f' data-s="{p.start}" data-e="{p.end}"'
    if classes:
        attrs = f' class="{" ".join(classes)}" style="{";".join(style)}"' + attrs
    if p.quote:
        attrs += f' data-q="{esc(p.quote)}"'
    if p.techniques:
        attrs += f' title="{esc(tip_text)}"'
    return f"<span{attrs}>{esc(p.text)}</span>"


def _side(rec: Record, techs: list[dict[str, Any]]) -> str:
    out = []
    who = speakers(rec)
    if who:
        items = "".join(
            f'<li><span style="display:inline-block;width:.9em;height:.9em;border:1px solid '
            f'#888;vertical-align:middle;background:{COLOURS[s["colour"]]}"></span> '
            f'{esc(s["name"])} <small style="{MUTED}">{len(s["quotes"])} quote'
            f'{"s" if len(s["quotes"]) != 1 else ""}</small></li>' for s in who)
        out.append(f'<div><b>Speakers</b><ul style="margin:.2em 0">{items}</ul></div>')
    if techs:
        items = "".join(
            f'<li><b>{esc(t["label"])}</b> <small style="{MUTED}">{esc(t["who"])}</small>: '
            f'<q>{esc(t["text"])}</q> <small style="{MUTED}">{esc(t["evidence"])}</small></li>'
            for t in techs)
        out.append(f'<div><b>Techniques</b><ol style="margin:.2em 0">{items}</ol></div>')
    return f'<div style="font-size:.93em">{"".join(out)}</div>' if out else ""


def record_html(rec: Record) -> str:
    """One record as an HTML fragment (a ``<div>`` with inline styles)."""
    techs = technique_rows(rec)
    parts = pieces(rec)
    text = "".join(_piece(p, tip(rec, p, techs)) for p in parts)
    meta = " · ".join(x for x in (esc(rec.source) if rec.source else "unknown outlet",
                                  esc(rec.published) if rec.published else "undated",
                                  esc(rec.url) if rec.url else "") if x)
    legend = ("Quoted words are tinted by speaker; the author's own words are plain. "
              f'<span style="{TECH}">Underlined</span> words use a persuasion technique (hover '
              f'for label, voice and evidence). <span style="{ENTITY}">Bold</span> names are '
              "entities.")
    return (f'<div class="unspun-record" data-id="{esc(rec.id)}" style="{BOX}">'
            f'<div style="font-size:1.25em;font-weight:700;line-height:1.3">'
            f'{esc(rec.title) if rec.title else "(untitled)"}</div>'
            f'<div style="{MUTED}">{meta}</div>'
            f'<div style="margin:.4em 0">{_facts(rec)}</div>'
            f'<div style="{MUTED};font-size:.88em">{legend}</div>'
            f'<div class="body" style="{BODY}">{text}</div>'
            f"{_side(rec, techs)}</div>")


def html(records: Record | Iterable[Record], page: bool | None = None) -> str:
    """``records`` as HTML: one record gives a fragment, several a whole page.

    ``page`` forces one or the other (a page is a complete UTF-8 HTML document).
    """
    single = isinstance(records, Record)
    recs = [records] if single else list(records)
    body = "\n".join(record_html(r) for r in recs)
    if page is None:
        page = not single
    if not page:
        return body
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>unspun: {len(recs)} record{'s' if len(recs) != 1 else ''}</title></head>"
            f'<body style="margin:1em">\n{body}\n</body></html>\n')
