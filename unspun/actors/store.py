"""Actors in a store: linking, the user's edits, lookups and speaker rankings.

Uses only the store's public SQL (``store.query`` / ``store.transaction``), so
it runs on SQLite and PostgreSQL alike; the tables are the ``actors``
migration set (:mod:`.schema`).

:func:`relink` derives the actors from every ``entities`` row (pure
:func:`.linking.link`), applies the recorded edits (:mod:`.edits`) and
rewrites ``actors`` and ``actor_entities`` in one transaction.  Ingest calls
it after adding articles; readers call :func:`ensure_linked`, which relinks
only when articles were added or removed since (and leaves a read-only store
as it is).  The whole corpus is read each time: seconds for thousands of
articles; it is not incremental.  Relinking also judges which speaker phrases
are groups (:mod:`.groups`, with the English tagger) for the articles not
judged yet, and stores it (``actor_groups``): rankings only read it, so a
reader never loads a model.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from . import schema  # noqa: F401  (registers the migration set)
from .edits import Edit, apply_edits
from .groups import GroupJudge, can_judge
from .linking import Actor, Variant, in_article, link
from .names import actor_key
from .speakers import Speaker, is_unresolved_word, speaker_of

__all__ = ["relink", "ensure_linked", "judge_groups", "record_edit", "undo", "history", "find",
           "actor_row", "variants", "speaker_ranking", "actor_of_entities", "who"]

PAGE = 500
RULES = "r4"  # changed with the linking rules, so that stores linked before are linked again
GROUP_RULES = "g1"  # changed with the group rules (.groups): stored judgements are made again


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _state(store: Any) -> str:
    """What the actors were derived from: the linking rules' version, the articles and edits."""
    row = store.query("SELECT count(*), coalesce(max(n), 0) FROM articles")[0]
    edits = store.query("SELECT count(*), coalesce(sum(undone), 0) FROM actor_edits")[0]
    return f"{RULES}:{row[0]}:{row[1]}:{edits[0]}:{edits[1]}"


def edits(store: Any) -> list[Edit]:
    rows = store.query("SELECT n, op, target, sources, name, at, undone FROM actor_edits ORDER BY n")
    return [Edit(op, target, json.loads(sources or "[]"), name or "", n, at or "", bool(undone))
            for n, op, target, sources, name, at, undone in rows]


def derive(store: Any) -> tuple[dict[str, Actor], dict[tuple[str, str], str]]:
    """The actors of the stored corpus with the user's edits applied (nothing written)."""
    rows = store.query("SELECT article_id, eid, type, name FROM entities "
                       "WHERE type IN ('PERSON', 'ORG') AND name IS NOT NULL")
    actors, of = link(Variant(a, e, t, n) for a, e, t, n in rows)
    apply_edits(actors, of, edits(store))
    return actors, of


def _rows_of(store: Any, sql: str, ids: Sequence[str] | None) -> list[tuple]:
    """The rows of ``sql`` (ending in a WHERE clause) for every article, or for the
    articles ``ids`` (``a.id``), a page at a time."""
    if ids is None:
        return store.query(sql)
    out: list[tuple] = []
    for i in range(0, len(ids), PAGE):
        chunk = list(ids[i:i + PAGE])
        out += store.query(f"{sql} AND a.id IN ({', '.join('?' * len(chunk))})", chunk)
    return out


def _asked(store: Any, ids: Sequence[str] | None = None) -> dict[tuple[int, str, str], str]:
    """Every speaker phrase a reader may ask about (:meth:`_Speakers._phrase`), as
    ``(article n, phrase, entity type or '') -> article id``: the speaker entity's name
    with its type, the quote's speaker as written with that type (pages pass it as the
    entity's name) or, without an entity or its name, with none.  Only phrases that can
    be groups: no entity type but a nationality or such (NORP), no lone pronoun."""
    rows = _rows_of(store, "SELECT a.n, q.article_id, q.speaker, e.eid, e.name, e.type "
                    "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e "
                    "ON e.article_id = q.article_id AND e.eid = q.speaker_entity "
                    "WHERE q.speaker IS NOT NULL", ids)
    out: dict[tuple[int, str, str], str] = {}
    for n, art, text, eid, ename, etype in rows:
        if eid is None:
            asked = [(text, None)]
        else:
            asked = [(ename, etype), (text, etype)] if ename else [(text, etype), (text, None)]
        for phrase, type_ in asked:
            phrase = " ".join((phrase or "").split())
            if not phrase or type_ not in (None, "NORP") or (
                    type_ is None and is_unresolved_word(phrase)):
                continue
            out[(n, phrase, type_ or "")] = art
    return out


GroupRows = tuple[bool, list[tuple[int, str, str]], list[tuple[int, str, str, str, int]]]


def _group_rows(store: Any, ids: Sequence[str] | None = None) -> GroupRows:
    """What linking changes in ``actor_groups`` (for every article, or those ``ids``):
    whether to empty it first (judged by other group rules), the keys of judgements out
    of date (a phrase no longer asked about; an article replaced, whose names differ) and
    the rows of the phrases not judged yet, 1 for a group; none without an English model
    that tags (a later linking judges them)."""
    meta = store.query("SELECT value FROM actor_meta WHERE key = 'groups'")
    fresh = not meta or meta[0][0] != GROUP_RULES
    asked = _asked(store, ids)
    judge = GroupJudge(store, PAGE)
    sigs = judge.signatures(asked.values())
    want = {(n, p, t, sigs[a]): a for (n, p, t), a in asked.items()}
    have = set() if fresh else {tuple(r) for r in _rows_of(
        store, "SELECT g.n, g.phrase, g.etype, g.sig FROM actor_groups g "
        "LEFT JOIN articles a ON a.n = g.n WHERE 1 = 1", ids)}
    stale = sorted(k[:3] for k in have - want.keys())
    todo = {k: a for k, a in want.items() if k not in have}
    if not todo or not can_judge():
        return fresh, stale, []
    found = judge.judge((a, p, t or None) for (_, p, t, _), a in todo.items())
    return fresh, stale, [(n, p, t, sig, int((a, p, t or None) in found))
                          for (n, p, t, sig), a in sorted(todo.items())]


def _write_groups(tx: Any, groups: GroupRows, whole: bool = True) -> None:
    """Write what :func:`_group_rows` found; only a ``whole`` store's judgement replaces
    those of other group rules (some articles' do not: the next linking judges all)."""
    fresh, stale, rows = groups
    if fresh and whole:
        tx.execute("DELETE FROM actor_groups")
    tx.executemany("DELETE FROM actor_groups WHERE n = ? AND phrase = ? AND etype = ?", stale)
    tx.executemany("INSERT INTO actor_groups (n, phrase, etype, sig, grp) VALUES (?, ?, ?, ?, ?) "
                   "ON CONFLICT DO NOTHING", rows)  # another linking may have judged them
    if fresh and whole:
        tx.execute("DELETE FROM actor_meta WHERE key = 'groups'")
        tx.execute("INSERT INTO actor_meta (key, value) VALUES ('groups', ?)", (GROUP_RULES,))


def judge_groups(store: Any, ids: Sequence[str] | None = None) -> int:
    """Judge which speaker phrases are groups, for the articles ``ids`` (all: None), without
    linking the actors again; returns the number of phrases judged."""
    groups = _group_rows(store, ids)
    with store.transaction() as tx:
        _write_groups(tx, groups, whole=ids is None)
    return len(groups[2])


def relink(store: Any) -> int:
    """Link every stored entity to its actor again and judge the speaker phrases not
    judged yet (:func:`judge_groups`); returns the number of actors."""
    actors, of = derive(store)
    groups = _group_rows(store)  # the tagger runs before the transaction opens
    state = _state(store)
    with store.transaction() as tx:
        if getattr(store, "dialect", "") == "postgres":  # two ingests may relink at once
            tx.execute("LOCK TABLE actors, actor_entities, actor_meta, actor_groups "
                       "IN EXCLUSIVE MODE")
        _write_groups(tx, groups)
        tx.execute("DELETE FROM actor_entities")
        tx.execute("DELETE FROM actors")
        rows = []
        for a in actors.values():
            rows.append((a.id, a.key, a.name, a.type, len(a.variants),
                         len({v.article for v in a.variants})))
        tx.executemany("INSERT INTO actors (id, key, name, type, entities, articles) "
                       "VALUES (?, ?, ?, ?, ?, ?)", rows)
        tx.executemany("INSERT INTO actor_entities (article_id, eid, actor_id) VALUES (?, ?, ?)",
                       [(a, e, aid) for (a, e), aid in sorted(of.items())])
        aliases = {k: a.id for a in actors.values() for k in a.aliases}
        tx.execute("DELETE FROM actor_meta WHERE key IN ('linked', 'aliases')")
        tx.execute("INSERT INTO actor_meta (key, value) VALUES ('linked', ?)", (state,))
        tx.execute("INSERT INTO actor_meta (key, value) VALUES ('aliases', ?)",
                   (json.dumps(aliases, sort_keys=True),))
    return len(actors)


def ensure_linked(store: Any) -> bool:
    """Relink when the articles or edits changed since the last linking; False when the
    store cannot be written (its actors stay as they were)."""
    rows = store.query("SELECT value FROM actor_meta WHERE key = 'linked'")
    if rows and rows[0][0] == _state(store):
        return True
    if getattr(store, "readonly", False):  # a server's readers: nothing derived, no model
        return False
    try:
        relink(store)
    except Exception as exc:  # noqa: BLE001 - a read-only store keeps the actors it has
        if getattr(exc, "code", "") == "U502":
            return False
        raise
    return True


def record_edit(store: Any, edit: Edit) -> int:
    """Record a merge or split, relink, and return the edit's number."""
    edit.at = edit.at or _now()
    with store.transaction() as tx:
        tx.execute("INSERT INTO actor_edits (op, target, sources, name, at, undone) "
                   "VALUES (?, ?, ?, ?, ?, 0)",
                   (edit.op, edit.target, json.dumps(edit.sources), edit.name, edit.at))
        n = tx.one("SELECT max(n) FROM actor_edits")[0]
    relink(store)
    return int(n)


def undo(store: Any) -> Edit | None:
    """Undo the latest edit not yet undone (it stays in the history); None if none."""
    live = [e for e in edits(store) if not e.undone]
    if not live:
        return None
    last = live[-1]
    with store.transaction() as tx:
        tx.execute("UPDATE actor_edits SET undone = 1 WHERE n = ?", (last.n,))
    relink(store)
    last.undone = True
    return last


def history(store: Any) -> list[Edit]:
    return edits(store)


def actor_row(store: Any, actor_id: str) -> dict[str, Any] | None:
    rows = store.query("SELECT id, key, name, type, entities, articles FROM actors WHERE id = ?",
                       (actor_id,))
    if not rows:
        return None
    aid, key, name, type_, ents, arts = rows[0]
    return {"id": aid, "key": key, "name": name, "type": type_, "entities": ents, "articles": arts}


def find(store: Any, text: str) -> list[dict[str, Any]]:
    """Actors whose id is ``text``, or whose name or a variant's name is ``text`` (any case)."""
    found = actor_row(store, text)
    if found:
        return [found]
    folded = " ".join(text.casefold().split())
    ids = [r[0] for r in store.query("SELECT id FROM actors WHERE lower(name) = ?", (folded,))]
    if not ids:
        ids = [r[0] for r in store.query(
            "SELECT DISTINCT ae.actor_id FROM entities e JOIN actor_entities ae "
            "ON ae.article_id = e.article_id AND ae.eid = e.eid WHERE e.name_key = ?", (folded,))]
    return [r for r in (actor_row(store, i) for i in sorted(set(ids))) if r]


def variants(store: Any, actor_id: str) -> list[tuple[str, int]]:
    """The names an actor is written with in the corpus and how many entities use each."""
    rows = store.query("SELECT e.name, count(*) FROM actor_entities ae JOIN entities e "
                       "ON e.article_id = ae.article_id AND e.eid = ae.eid "
                       "WHERE ae.actor_id = ? GROUP BY e.name", (actor_id,))
    return sorted(((n, c) for n, c in rows), key=lambda r: (-r[1], r[0]))


def actor_of_entities(store: Any, pairs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """``(article_id, eid)`` -> ``{"id", "name"}`` of its actor, for the pairs that have one."""
    out: dict[tuple[str, str], dict] = {}
    by_article: dict[str, list[str]] = defaultdict(list)
    for a, e in pairs:
        by_article[a].append(e)
    articles = sorted(by_article)
    for i in range(0, len(articles), PAGE):
        chunk = articles[i:i + PAGE]
        marks = ", ".join("?" * len(chunk))
        for a, e, aid, name in store.query(
                "SELECT ae.article_id, ae.eid, ae.actor_id, x.name FROM actor_entities ae "
                f"JOIN actors x ON x.id = ae.actor_id WHERE ae.article_id IN ({marks})", chunk):
            out[(a, e)] = {"id": aid, "name": name}
    return out


def _name_like(text: str | None) -> bool:
    """A speaker phrase written like a name: one to four capitalised words."""
    words = (text or "").split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() for w in words)


class _Speakers:
    """Who stored quotes are by, the way rankings count them (:func:`speaker_ranking` and
    :class:`SpeakerNamer`): the speaker's actor; for a speaker the tagger left without an
    entity but written like a name, the actor with that key ("MARIA LOPEZ") or, for one
    word, the one person of the article with that first or last name ("Hillary" where the
    article names Hillary Clinton; several: it stays as written); else the phrase, an
    unresolved pronoun or a group (as judged when the actors were linked and stored in
    ``actor_groups``: no model is loaded here).

    :meth:`prepare` with every quote to come reads what they need in a few queries;
    :meth:`speaker` works without it, a query or two at a time.
    """

    def __init__(self, store: Any):
        self.store = store
        rows = store.query("SELECT id, key, name FROM actors")
        self.by_key = {key: (aid, name) for aid, key, name in rows}
        self.key_of = {aid: key for aid, key, _ in rows}
        self.by_id = {aid: (aid, name) for aid, _, name in rows}
        # short-form keys taken in by another actor ("person:joe biden" -> Joseph Biden's id)
        meta = store.query("SELECT value FROM actor_meta WHERE key = 'aliases'")
        self.aliases: dict[str, str] = json.loads(meta[0][0]) if meta and meta[0][0] else {}
        self._people: dict[str, dict[str, tuple[str, str]]] = {}
        self._groups: dict[str, set[tuple[str, str | None]]] = {}

    @staticmethod
    def _one_word(text: str | None) -> str | None:
        key = actor_key("PERSON", text or "") if _name_like(text) else None
        words = key.split(":", 1)[1].split() if key else []
        return words[0] if len(words) == 1 else None

    def _load_people(self, articles: Sequence[str]) -> None:
        """The full-name people each article names: full key -> (actor id, actor name)."""
        todo = sorted({a for a in articles if a not in self._people})
        for a in todo:
            self._people[a] = {}
        for i in range(0, len(todo), PAGE):
            chunk = todo[i:i + PAGE]
            for art, name, aid, aname in self.store.query(
                    "SELECT ae.article_id, e.name, x.id, x.name FROM actor_entities ae "
                    "JOIN entities e ON e.article_id = ae.article_id AND e.eid = ae.eid "
                    "JOIN actors x ON x.id = ae.actor_id WHERE e.type = 'PERSON' "
                    f"AND ae.article_id IN ({', '.join('?' * len(chunk))})", chunk):
                key = actor_key("PERSON", name)
                if self.aliases.get(key) == aid:  # "Joe Biden" beside "Joseph Biden": one
                    key = self.key_of[aid]
                if key and len(key.split()) == 2:
                    self._people[art].setdefault(key, (aid, aname))

    def _load_groups(self, articles: Sequence[str]) -> None:
        """The phrases of each article judged groups: ``(phrase, entity type or None)``."""
        todo = sorted({a for a in articles if a not in self._groups})
        for a in todo:
            self._groups[a] = set()
        for i in range(0, len(todo), PAGE):
            chunk = todo[i:i + PAGE]
            for art, phrase, etype in self.store.query(
                    "SELECT a.id, g.phrase, g.etype FROM actor_groups g JOIN articles a "
                    f"ON a.n = g.n WHERE g.grp = 1 AND a.id IN ({', '.join('?' * len(chunk))})",
                    chunk):
                self._groups[art].add((phrase, etype or None))

    def _is_group(self, item: tuple[str, str, str | None] | None) -> bool:
        if item is None:
            return False
        self._load_groups([item[0]])
        return item[1:] in self._groups[item[0]]

    def actor(self, article: str, text: str | None, aid: str | None, aname: str | None,
              entity: Any) -> tuple[str | None, str | None]:
        """The actor of a quote's speaker: its entity's, else one its text names."""
        if aid or entity or not _name_like(text) or is_unresolved_word(text):
            return aid, aname  # "He" is no first name, even beside He Yafei
        word = self._one_word(text)
        if word:
            self._load_people([article])
            key, ambiguous = in_article(word, self._people[article])
            if key or ambiguous:
                return self._people[article][key] if key else (None, None)
        return next((self._by_key(k) for k in (actor_key("PERSON", text or ""),
                                                actor_key("ORG", text or "")) if self._by_key(k)),
                    (None, None))

    def _by_key(self, key: str | None) -> tuple[str, str] | None:
        """The actor with the key ``key``, or the one that took it in as a given-name variant."""
        if key in self.by_key:
            return self.by_key[key]
        return self.by_id.get(self.aliases.get(key or "", ""))

    def prepare(self, quotes: Sequence[tuple[str, str | None, str | None, str | None,
                                             Any, str | None, str | None]]) -> None:
        """Read ahead for ``(article, text, actor id, actor name, entity, entity name,
        entity type)`` quotes: the people of the articles and which phrases are groups."""
        self._load_people([q[0] for q in quotes if not q[2] and not q[4] and self._one_word(q[1])])
        self._load_groups([q[0] for q in quotes if not q[2]])

    @staticmethod
    def _phrase(article: str, text: str | None, aid: str | None, aname: str | None,
                ename: str | None, etype: str | None) -> tuple[str, str, str | None] | None:
        """What is looked up in the stored judgements about a speaker that is no actor
        (:func:`_asked` lists each such phrase for linking to judge)."""
        if aid:
            return None
        if ename:
            return (article, " ".join(ename.split()), etype)
        if not text or not text.strip() or is_unresolved_word(text):
            return None
        return (article, " ".join(text.split()), None)

    def speaker(self, article: str, text: str | None, aid: str | None, aname: str | None,
                entity: Any, ename: str | None, etype: str | None) -> Speaker | None:
        aid, aname = self.actor(article, text, aid, aname, entity)
        ename = ename if ename and not aid else None
        item = self._phrase(article, text, aid, aname, ename, etype)
        return speaker_of(text, aid, aname, ename, group=self._is_group(item))


def speaker_ranking(store: Any, limit: int = 50, unresolved: bool = False,
                    article_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Speakers by number of quotes: actors and other named speakers; only with
    ``unresolved``, also the speakers that name no person or organisation: pronouns
    that stayed unresolved, as ``unresolved (he)``, and groups, as ``group (officials)``.

    Each row: ``speaker`` (display name), ``quotes``, ``articles``, ``sources``,
    ``first``, ``last``, ``actor`` (id or None), ``variants`` (up to five names it was
    written with, commonest first, joined by "; ").  ``article_ids`` limits it to
    those articles.
    """
    ensure_linked(store)
    sql = ("SELECT q.article_id, q.speaker, ae.actor_id, x.name, e.name, e.type, a.source, "
           "a.published FROM quotes q JOIN articles a ON a.id = q.article_id "
           "LEFT JOIN entities e ON e.article_id = q.article_id AND e.eid = q.speaker_entity "
           "LEFT JOIN actor_entities ae ON ae.article_id = q.article_id "
           "AND ae.eid = q.speaker_entity LEFT JOIN actors x ON x.id = ae.actor_id "
           "WHERE q.speaker IS NOT NULL")
    params: list[Any] = []
    if article_ids is not None:
        if not article_ids:
            return []
        sql += f" AND q.article_id IN ({', '.join('?' * len(article_ids))})"
        params = list(article_ids)
    quotes = store.query(sql, params)
    who = _Speakers(store)
    # an entity without a name is as good as none: its text may name an actor
    who.prepare([(q[0], q[1], q[2], q[3], q[4], q[4], q[5]) for q in quotes])
    rows: dict[str, dict[str, Any]] = {}
    for art, text, aid, aname, ename, etype, source, published in quotes:
        sp = who.speaker(art, text, aid, aname, ename, ename, etype)
        if sp is None or (sp.hidden and not unresolved):
            continue
        row = rows.setdefault(sp.key, {"speaker": sp.name, "actor": sp.actor, "quotes": 0,
                                       "articles": set(), "sources": set(), "first": None,
                                       "last": None, "variants": Counter()})
        row["quotes"] += 1
        row["articles"].add(art)
        if source:
            row["sources"].add(source)
        if published:
            row["first"] = min(filter(None, [row["first"], published]))
            row["last"] = max(filter(None, [row["last"], published]))
        row["variants"][ename or text] += 1
    out = sorted(rows.values(), key=lambda r: (-r["quotes"], r["speaker"]))[:limit]
    return [{"speaker": r["speaker"], "quotes": r["quotes"], "articles": len(r["articles"]),
             "sources": len(r["sources"]), "first": r["first"], "last": r["last"],
             "actor": r["actor"],
             "variants": "; ".join(n for n, _ in r["variants"].most_common(5))} for r in out]


def _named_like(store: Any, pat: str) -> list[str]:
    """The ids of the actors whose name, or the name of an entity linked to them, matches the
    LIKE pattern ``pat`` (lower case)."""
    return [r[0] for r in store.query(
        "SELECT id FROM actors WHERE lower(name) LIKE ? ESCAPE '\\' "
        "UNION SELECT ae.actor_id FROM entities e JOIN actor_entities ae "
        "ON ae.article_id = e.article_id AND ae.eid = e.eid "
        "WHERE e.name_key LIKE ? ESCAPE '\\'", (pat, pat))]


def who(store: Any, name: str, limit: int = 50) -> dict[str, Any] | None:
    """``unspun who NAME`` through actors: the actors whose name or any variant contains
    ``name`` (case-insensitive), their quotes (by outlet, and by date) and their mentions
    in context; None when no actor matches (the caller falls back to names)."""
    from ..store.query import like_pattern
    from ..store.sql import MENTION_CONTEXT, who_result

    ensure_linked(store)
    pat = like_pattern(name[:200])
    ids = _named_like(store, pat)
    if not ids:
        return None
    rows = [r for r in (actor_row(store, i) for i in ids) if r]
    rows.sort(key=lambda r: (-r["entities"], r["name"]))
    rows = rows[:20]
    ids = [r["id"] for r in rows]
    marks = ", ".join("?" * len(ids))
    # an actor's quotes and mentions, and those of names no actor covers (a place, a
    # speaker phrase the tagger did not mark) that contain ``name``, as before actors
    spoke = ("FROM quotes q LEFT JOIN actor_entities ae ON ae.article_id = q.article_id "
             "AND ae.eid = q.speaker_entity LEFT JOIN actors x ON x.id = ae.actor_id "
             f"JOIN articles a ON a.id = q.article_id WHERE (ae.actor_id IN ({marks}) OR "
             "(ae.actor_id IS NULL AND q.speaker_key LIKE ? ESCAPE '\\'))")
    args = [*ids, pat]
    by_source = store.query("SELECT a.source, COUNT(*), MIN(a.published), MAX(a.published) "
                            f"{spoke} GROUP BY a.source ORDER BY COUNT(*) DESC, a.source", args)
    quotes = store.query("SELECT a.id, a.published, a.source, a.title, q.qid, "
                         "coalesce(x.name, q.speaker), q.kind, "
                         f"q.content {spoke} ORDER BY a.published, a.n, q.n LIMIT ?",
                         [*args, limit])
    named = ("FROM entities e LEFT JOIN actor_entities ae ON ae.article_id = e.article_id "
             "AND ae.eid = e.eid JOIN articles a ON a.id = e.article_id")
    which = (f"(ae.actor_id IN ({marks}) OR (ae.actor_id IS NULL AND e.name_key LIKE ? "
             "ESCAPE '\\'))")
    mentioned = store.query(f"SELECT a.source, COUNT(DISTINCT a.id) {named} WHERE {which} "
                            "GROUP BY a.source ORDER BY COUNT(DISTINCT a.id) DESC, a.source", args)
    about = store.query(
        f"SELECT {MENTION_CONTEXT} {named} "
        "JOIN mentions m ON m.article_id = e.article_id AND m.eid = e.eid "
        f"JOIN records r ON r.n = a.n WHERE {which} "
        "ORDER BY a.published, a.n, m.start_char LIMIT ?", [*args, limit])
    actors = [{**r, "variants": [n for n, _ in variants(store, r["id"])]} for r in rows]
    keys = sorted({" ".join(v.casefold().split()) for a in actors for v in a["variants"]},
                  key=lambda k: (len(k), k))
    # matched_names: the stored names, as before actors
    return who_result(name, keys[:20], by_source, quotes, mentioned, about, actors=actors)


# -- the user's edits, checked (what `unspun actors` calls) ---------------------------------
def one_actor(store: Any, name: str) -> dict[str, Any]:
    """The one actor ``name`` is the id, name or a variant of; U721 / U722 otherwise."""
    from ..store.errors import StoreError

    ensure_linked(store)
    found = find(store, name)
    if not found:
        raise StoreError.make("U721", "", name=name[:200])
    if len(found) > 1:
        raise StoreError.make("U722", "", name=name[:200],
                              found=", ".join(f"{a['name']} {a['id']}" for a in found[:10]))
    return found[0]


def merge(store: Any, target: str, sources: Sequence[str]) -> Edit:
    """Merge the actors ``sources`` into ``target`` (ids or names), recorded and undoable."""
    into = one_actor(store, target)
    ids = [a["id"] for a in (one_actor(store, s) for s in sources) if a["id"] != into["id"]]
    edit = Edit("merge", into["id"], ids)
    edit.n = record_edit(store, edit)
    return edit


def split(store: Any, actor: str, name: str) -> Edit:
    """Split the variants of ``actor`` written as ``name`` (by its key) into an actor of
    their own, recorded and undoable; U723 when that would move none or all of them."""
    from ..store.errors import StoreError

    found = one_actor(store, actor)
    forms = variants(store, found["id"])
    key = actor_key(found["type"], name)
    moving = [f for f, _ in forms if actor_key(found["type"], f) == key]
    if not key or not moving or len(moving) == len(forms):
        detail = ("no variant is written so" if not moving else "every variant is written so")
        raise StoreError.make("U723", "", name=name[:200], actor=found["name"], detail=detail)
    edit = Edit("split", found["id"], name=name)
    edit.n = record_edit(store, edit)
    return edit


def undo_last(store: Any) -> Edit:
    from ..store.errors import StoreError

    edit = undo(store)
    if edit is None:
        raise StoreError.make("U724", "")
    return edit


def listing(store: Any, name: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Actors (with the entity rows and articles they cover and their commonest variants),
    most widely named first; ``name`` keeps those whose name or a variant contains it."""
    ensure_linked(store)
    if name:
        from ..store.query import like_pattern

        ids = _named_like(store, like_pattern(name[:200]))
        rows = [r for r in (actor_row(store, i) for i in ids) if r]
        rows.sort(key=lambda r: (-r["articles"], r["name"]))
        rows = rows[:limit]
    else:
        rows = [dict(zip(("id", "key", "name", "type", "entities", "articles"), r))
                for r in store.query("SELECT id, key, name, type, entities, articles FROM actors "
                                     "ORDER BY articles DESC, name LIMIT ?", (limit,))]
    for r in rows:
        r["variants"] = [n for n, _ in variants(store, r["id"])][:8]
    return rows


class SpeakerNamer:
    """Names quotes' speakers the way rankings do (actor names; None for pronouns left
    unresolved), for code that reads stored quotes or records one by one.  :meth:`prepare`
    with the quotes to come saves queries."""

    def __init__(self, store: Any, article_ids: Sequence[str] | None = None):
        ensure_linked(store)
        self.who = _Speakers(store)
        if article_ids is None:
            rows = store.query("SELECT ae.article_id, ae.eid, x.id, x.name FROM actor_entities ae "
                               "JOIN actors x ON x.id = ae.actor_id")
            self.of = {(a, e): (i, n) for a, e, i, n in rows}
            self.types = {(a, e): t for a, e, t in store.query(
                "SELECT DISTINCT e.article_id, e.eid, e.type FROM entities e JOIN quotes q "
                "ON q.article_id = e.article_id AND q.speaker_entity = e.eid")}
        else:
            self.types = {(a, e): t for a in article_ids for e, t in self._entities(store, a)}
            self.of = {k: (v["id"], v["name"])
                       for k, v in actor_of_entities(store, list(self.types)).items()}

    @staticmethod
    def _entities(store: Any, article_id: str) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in store.query(
            "SELECT eid, type FROM entities WHERE article_id = ?", (article_id,))]

    def _quote(self, article_id: str, entity: str | None, text: str | None,
               entity_name: str | None) -> tuple:
        aid, aname = self.of.get((article_id, entity), (None, None)) if entity else (None, None)
        return (article_id, text, aid, aname, entity, entity_name,
                self.types.get((article_id, entity)) if entity else None)

    def prepare(self, quotes: Iterable[tuple[str, str | None, str | None, str | None]]) -> None:
        """Read ahead for ``(article_id, entity, text, entity_name)`` quotes."""
        self.who.prepare([self._quote(*q) for q in quotes])

    def speaker(self, article_id: str, entity: str | None, text: str | None,
                entity_name: str | None = None) -> Speaker | None:
        """The :class:`.speakers.Speaker` of one quote, or None (no speaker)."""
        return self.who.speaker(*self._quote(article_id, entity, text, entity_name))

    def name(self, article_id: str, entity: str | None, text: str | None,
             entity_name: str | None = None, groups: bool = True) -> str | None:
        """The display name, or None for no speaker or a pronoun left unresolved; a group
        by its phrase as written ("officials", a name `who` finds), or None unless
        ``groups`` (rankings of people and organisations)."""
        sp = self.speaker(article_id, entity, text, entity_name)
        if sp is None or sp.unresolved or (sp.group and not groups):
            return None
        return sp.phrase if sp.group else sp.name
