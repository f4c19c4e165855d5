"""Text from articles, files, queries or the store, made safe for a terminal.

Untrusted text must never steer the terminal (``ESC [2J`` clears the screen,
``ESC ]0;...BEL`` sets the window title, OSC 8 makes links, a C1 ``CSI``
does the same in one byte) nor break rich's markup (a title ``[/oops]``
raises ``MarkupError``).  Everything human-readable goes through here:

* :func:`clean` shows control characters visibly, one character for one, so
  character offsets into the text stay valid: C0 controls and DEL become
  their Unicode control pictures (ESC is ``␛``, CR ``␍``, BEL ``␇``); C1
  controls and the bidirectional overrides/isolates become ``�``.  Newlines
  and tabs are kept.
* :func:`text` is a rich :class:`~rich.text.Text` of cleaned text (never parsed
  as markup): use it for table cells, panel titles and anything printed.
* :func:`markup` cleans and escapes text for a rich markup string.
* :func:`line` cleans text for ``click.echo`` (one line: newlines shown too).

JSON, JSON Lines and CSV output keep the exact text: never pass them through here.
"""
from __future__ import annotations

from typing import Any

_KEEP = {"\n", "\t"}
_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
TABLE: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20) if chr(c) not in _KEEP}
TABLE[0x7F] = "\u2421"  # ␡
TABLE.update({c: "\ufffd" for c in range(0x80, 0xA0)})
TABLE.update({c: "\ufffd" for c in _BIDI})
_LINE = {**TABLE, 0x0A: "\u2424", 0x09: " "}  # ␤ for a newline inside a one-line message


def clean(value: Any) -> str:
    """``value`` as a string with every terminal control character shown visibly."""
    return ("" if value is None else str(value)).translate(TABLE)


def line(value: Any) -> str:
    """Like :func:`clean`, and newlines shown as ``␤`` (a message that must stay one line)."""
    return ("" if value is None else str(value)).translate(_LINE)


def markup(value: Any) -> str:
    """Cleaned text escaped for embedding in a rich markup string."""
    from rich.markup import escape

    return escape(clean(value))


def text(value: Any, style: str | None = None) -> Any:
    """A rich ``Text`` of the cleaned value (rich never parses it as markup)."""
    from rich.text import Text

    return Text(clean(value), style=style or "")


def clean_data(value: Any) -> Any:
    """:func:`clean` applied to every string (keys included) in nested dicts and lists: for
    data a page shows through JavaScript (chart labels), never for JSON output."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean_data(k): clean_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_data(v) for v in value]
    return value


def has_control(value: str) -> bool:
    """Whether ``value`` holds any character :func:`clean` would replace."""
    return any(ord(ch) in TABLE for ch in value)
