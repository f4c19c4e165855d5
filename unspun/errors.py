"""Coded errors and warnings, all in one place so users can search for them.

Errors (``U1xx``) mean an input could not be analysed; warnings (``W2xx``)
mean it was analysed with a caveat.  Each entry is a message template.
"""
from __future__ import annotations

from dataclasses import dataclass

CODES: dict[str, str] = {
    # input errors: nothing was analysed for this input
    "U101": "path not found",
    "U102": "empty input: no article text",
    "U103": "binary file, not text",
    "U104": "broken JSON: {detail}",
    "U105": "no text column: expected one of {columns}; found {found}",
    "U106": "record has no text field (text, body or content)",
    "U107": "article too large: {size:,} characters (limit {limit:,}; raise it with --max-chars)",
    "U108": "no main text could be extracted from the HTML page",
    "U109": "cannot read input: {detail}",
    "U110": "analysis failed: {detail}",
    "U111": "unsupported file type {suffix!r}; expected .txt, .jsonl, .json, .csv, .html or "
            ".parquet",
    "U112": "cannot read {what} input: {module} cannot be imported ({detail}); fix the "
            "install: {install}",
    "U113": "not a regular file ({kind}): only regular files and - (standard input) are read",
    "U114": "JSON nested more than {limit} levels deep",
    "U115": "{what} too large: {size} bytes, over the {limit:,}-byte limit that follows "
            "--max-chars; {rest}",
    "U119": "bad date {value!r} for {name}: {detail}; expected YYYY, YYYY-MM or YYYY-MM-DD",
    # store errors (unspun.store): the database cannot be used as asked
    "U501": "not an unspun database ({detail}); the file was left untouched",
    "U502": "cannot write to the database ({detail}); searching it still works",
    "U503": "database is busy: another process held the write lock for over {seconds}s",
    "U504": "bad search: {detail}",
    "U505": "cannot connect to PostgreSQL: {detail}",
    "U506": "database was written by a newer unspun ({found} migrations; this version knows "
            "{supported}): upgrade unspun",
    "U507": "database not found: nothing has been ingested there yet (run `unspun ingest`)",
    "U508": "export format parquet needs pyarrow: pip install 'unspun[parquet]'",
    "U509": "database error: {detail}",
    # training and model errors (unspun train, analyze --model)
    "U601": "cannot read training data: {detail}",
    "U602": "{detail}",
    "U603": "cannot train: {detail}",
    "U604": "cannot use model: {detail}",
    # notebooks (store.frame, unspun.frame, unspun.plot, unspun.render.html)
    "U520": "{package} is needed for notebook tables and charts: pip install 'unspun[notebook]'",
    "U521": "unknown table {table!r}; tables: {tables}",
    "U522": "the {table} table comes from a store: store the records first (store.frame)",
    "U605": "refused model file {detail}; only unspun's safe model format is loaded (never a "
            "pickle, which could run code)",
    # stories (unspun stories, unspun compare)
    "U701": "story {story} not found (run `unspun stories` to list them)",
    # actors (unspun actors)
    "U721": "no actor named {name!r} (run `unspun actors list` to see them)",
    "U722": "{name!r} names several actors ({found}): give an actor id",
    "U723": "cannot split {name!r} out of {actor}: {detail}",
    "U724": "nothing to undo: no actor edit is in force",
    # Ray engine (unspun ingest/analyze --engine ray)
    "U801": "the Ray engine needs Ray: pip install 'unspun[ray]'",
    "U802": "cannot connect to the Ray cluster at {address}: {detail}",
    "U803": "--engine ray reads files and URIs, not standard input",
    # fetching (unspun.fetch, unspun sources, unspun watch)
    "U901": "cannot fetch: {detail}",
    "U902": "refused: {host} resolves to {kind} address {address}; allow it with "
            "--allow-private {host}",
    "U903": "the server answered HTTP {status}",
    "U904": "over the {limit:,}-byte size limit",
    "U905": "more than {limit} redirects (or a redirect loop)",
    "U906": "timed out after {seconds:g}s",
    "U907": "disallowed by the site's robots.txt",
    "U908": "cannot be read as {what}: {detail}",
    "U909": "unsupported or malformed URL: only http:// and https:// addresses are fetched",
    "U910": "bad interval {value!r}: expected a number and a unit s, m, h or d (15m, 1h, 1d), "
            "at least 10s",
    "U911": "no source {source!r} (see `unspun sources list`)",
    "U912": "no feed found: the page is not a feed or sitemap and links no feed",
    # alerts (unspun alerts)
    "U920": "no alert {alert!r} (see `unspun alerts list`)",
    "U921": "bad alert: {detail}",
    "U922": "alert delivery failed: {detail}",
    # pipeline set-up errors (unspun.pipeline): the components asked for cannot run
    "E001": "unknown component(s) {names}; known: {known}",
    "E002": "component {name!r} requires {missing}, which no component in the pipeline assigns",
    "E003": "component {name!r} declares unknown field(s) {fields} in {which}; a component "
            "may name the record's fields ({known}) or ext.NAME for its own data",
    "E004": "plug-in {name!r} ({value}) in entry-point group unspun.components cannot be "
            "loaded: {detail}; the other components still run",
    "E005": "components {names} require each other's fields: no order can run them",
    # warnings: analysed, with a caveat
    "W201": "language {language!r} is not English: analysed as far as its language data goes "
            "(see `skipped`)",
    "W202": "invalid UTF-8 at byte {pos}: undecodable bytes were replaced with U+FFFD",
    "W203": "no sentence-ending punctuation: sentence boundaries are the parser's guesses",
    "W204": "unreadable date {value!r}: published left empty",
    "W205": "language could not be detected reliably; assuming English",
    "W231": "quote extraction failed: {detail}",
}


def message(code: str, **kwargs: object) -> str:
    return CODES[code].format(**kwargs)


@dataclass(frozen=True)
class Problem:
    """A coded error or warning tied to one input (file and, where known, line)."""

    code: str
    message: str
    origin: str = ""

    @classmethod
    def make(cls, code: str, origin: str = "", **kwargs: object) -> "Problem":
        return cls(code, message(code, **kwargs), origin)

    @property
    def is_error(self) -> bool:
        return self.code.startswith("U")

    def to_dict(self) -> dict:
        out = {"code": self.code, "message": self.message}
        if self.origin:
            out["input"] = self.origin
        return out

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        return f"[{self.code}] {where}{self.message}"


class ComponentError(ValueError):
    """A pipeline that cannot be set up (codes E001-E005): raised at once, never per article."""

    def __init__(self, code: str, **kwargs: object):
        super().__init__(f"[{code}] {message(code, **kwargs)}")
        self.code = code


class UnspunError(Exception):
    """An error with a code, raised by the Python API for bad input."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem
        self.code = problem.code
