"""How each outlet covered one story: a JSON-ready comparison, outlet by outlet.

For each outlet (the records' ``source``; ``"(unknown)"`` when missing):

- ``articles`` (each with its ``language``) and ``first_published`` (and whether it was
  among the first to publish);
- ``languages``: the languages of its articles in the story, most articles first, with
  their counts, and ``language``: the first of them (None when no article has one);
  a story joins languages with the ``multilingual`` extra, and an agency may publish
  one story in several;
- ``speakers``: who it quoted, how many quotes, and their share of its quoted words;
  ``not_quoted``: speakers other outlets quoted in this story but this one did not;
- ``terms``: the words and two-word phrases it uses more than the other outlets,
  by log-odds with an informative Dirichlet prior (:mod:`.logodds`; ``z`` and
  ``significant`` = z >= 1.96; short stories rarely reach it), each with
  example sentences (article id and offsets, so the wording can be checked);
- ``techniques``: persuasion techniques per 1,000 words, in the author's voice
  and in quoted voices, with counts per label;
- ``frames``: how many of its articles carry each frame, and the mean score;
- ``tone``: mean VADER compound score of its sentences, by voice (:mod:`.tone`).

Plus the story's wire-copy groups (articles sharing agency text).  Every figure
comes from the stored records; the same rules apply to every outlet.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from . import store as tables
from .logodds import log_odds_z
from .text import stop_words, words
from .tone import available as tone_available
from .tone import sentence_tones

UNKNOWN = "(unknown)"
MAX_ARTICLES = 500
TOP_TERMS = 12
MIN_Z = 1.0  # a floor against noise; "significant" marks z >= 1.96
MIN_COUNT = 2
EXAMPLES = 2


def _source(rec: Any) -> str:
    return rec.source or UNKNOWN


def _languages(recs: list[Any]) -> list[dict[str, Any]]:
    """The records' languages, most records first (ties by code), with their counts."""
    counts = Counter(r.language for r in recs if r.language)
    return [{"language": code, "articles": n}
            for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _grams(text: str) -> list[str]:
    """Content words and two-word phrases of content words (adjacent in the text)."""
    stop = stop_words()
    toks = words(text)
    keep = [len(t) > 1 and t not in stop and not t.isdigit() for t in toks]
    out = [t for t, k in zip(toks, keep) if k]
    out += [f"{a} {b}" for a, b, ka, kb in zip(toks, toks[1:], keep, keep[1:]) if ka and kb]
    return out


def _speaker(rec: Any, quote: dict[str, Any], namer: Any = None) -> str | None:
    """The speaker's actor name (None for a pronoun left unresolved); without a store's
    ``namer``, the entity's name."""
    sp = quote.get("speaker") or {}
    ent = rec.entity(sp["entity"]) if sp.get("entity") else None
    if namer is not None:
        name = namer.name(rec.id, sp.get("entity"), sp.get("name") or sp.get("text"),
                          (ent or {}).get("name"))
    else:
        name = (ent or {}).get("name") or sp.get("name")
    return " ".join(name.split()) if name else None


def _speakers(recs: list[Any], namer: Any = None) -> tuple[dict[str, dict[str, Any]], int]:
    stats: dict[str, dict[str, Any]] = {}
    total = 0
    for rec in recs:
        for q in rec.quotes or []:
            name = _speaker(rec, q, namer)
            if not name:
                continue
            n = len(words((q.get("content") or {}).get("text", "")))
            row = stats.setdefault(name.casefold(), {"name": name, "quotes": 0,
                                                     "quoted_words": 0})
            row["quotes"] += 1
            row["quoted_words"] += n
            total += n
    return stats, total


def _techniques(recs: list[Any], n_words: int) -> dict[str, Any]:
    by_voice: dict[str, Counter] = {"author": Counter(), "quoted": Counter()}
    for rec in recs:
        for t in rec.techniques or []:
            by_voice["author" if t.get("voice") == "author" else "quoted"][t["label"]] += 1
    per_k = 1000.0 / n_words if n_words else 0.0
    return {voice: {"count": sum(c.values()), "per_1k_words": round(sum(c.values()) * per_k, 2),
                    "labels": [{"label": k, "count": v, "per_1k_words": round(v * per_k, 2)}
                               for k, v in c.most_common()]}
            for voice, c in by_voice.items()}


def _frames(recs: list[Any]) -> list[dict[str, Any]]:
    scores: dict[str, list[float]] = defaultdict(list)
    for rec in recs:
        for f in rec.frames or []:
            scores[f["label"]].append(float(f.get("score") or 0.0))
    return [{"label": k, "articles": len(v), "mean_score": round(sum(v) / len(v), 3)}
            for k, v in sorted(scores.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


def _tone(recs: list[Any]) -> dict[str, Any] | None:
    if not tone_available():
        return None
    scores: dict[str, list[float]] = {"author": [], "quoted": []}
    for rec in recs:
        for voice, score, _ in sentence_tones(rec):
            scores[voice].append(score)
    return {voice: {"sentences": len(v), "mean": round(sum(v) / len(v), 3) if v else None}
            for voice, v in scores.items()}


def _examples(recs: Iterable[Any], term: str, limit: int = EXAMPLES) -> list[dict[str, Any]]:
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, term.split())) + r"(?!\w)",
                         re.IGNORECASE)
    out = []
    for rec in recs:
        spans = rec.sentences or [{"start": 0, "end": len(rec.text), "text": rec.text}]
        for s in spans:
            if pattern.search(s["text"].replace("’", "'")):
                out.append({"article_id": rec.id, "start": s["start"], "end": s["end"],
                            "text": s["text"]})
                break
        if len(out) >= limit:
            break
    return out


def _terms(groups: dict[str, list[Any]], counts: dict[str, Counter]) -> dict[str, list]:
    total: Counter = Counter()
    for c in counts.values():
        total.update(c)
    out: dict[str, list] = {}
    for source, c in counts.items():
        if len(counts) < 2:
            out[source] = []
            continue
        z = log_odds_z(c, total - c, total)
        top = sorted(((t, v) for t, v in z.items() if v >= MIN_Z and c[t] >= MIN_COUNT),
                     key=lambda kv: -kv[1])[:TOP_TERMS]
        out[source] = [{"term": t, "z": round(v, 2), "significant": v >= 1.96, "count": c[t],
                        "others": total[t] - c[t], "examples": _examples(groups[source], t)}
                       for t, v in top]
    return out


def compare(store: Any, story_id: int, max_articles: int = MAX_ARTICLES) -> dict[str, Any]:
    """Compare the outlets that covered story ``story_id``; see the module docstring.

    At most ``max_articles`` articles (the earliest) are read; ``truncated`` says so.
    Raises :class:`~unspun.store.StoreError` U701 when the story does not exist.
    """
    head = tables.story(store, story_id)
    listed = head.pop("article_list")
    ids = [a["article_id"] for a in listed[:max_articles]]
    recs = list(store.records(ids))
    groups: dict[str, list[Any]] = defaultdict(list)
    for rec in recs:
        groups[_source(rec)].append(rec)
    firsts = {s: min((r.published for r in g if r.published), default=None)
              for s, g in groups.items()}
    earliest = min((d for d in firsts.values() if d), default=None)
    counts = {s: Counter(g for r in recs_ for g in _grams(r.text)) for s, recs_ in groups.items()}
    terms = _terms(groups, counts)
    from ..actors.store import SpeakerNamer

    namer = SpeakerNamer(store, [r.id for r in recs])
    speakers = {s: _speakers(g, namer) for s, g in groups.items()}
    everyone: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for s, (stats, _) in speakers.items():
        for key, row in stats.items():
            everyone[key].add(s)
            names.setdefault(key, row["name"])
    outlets = []
    for source in sorted(groups, key=lambda s: (firsts[s] or "9999", s)):
        g = groups[source]
        n_words = sum(len(words(r.text)) for r in g)
        stats, quoted = speakers[source]
        languages = _languages(g)
        outlets.append({
            "source": source,
            "language": languages[0]["language"] if languages else None,
            "languages": languages,
            "articles": [{"article_id": r.id, "title": r.title, "published": r.published,
                          "language": r.language}
                         for r in sorted(g, key=lambda r: (r.published or "", r.id))],
            "first_published": firsts[source],
            "first": bool(earliest and firsts[source] == earliest),
            "words": n_words,
            "speakers": [{**row, "share_of_quoted_words": round(row["quoted_words"] / quoted, 3)
                          if quoted else 0.0}
                         for row in sorted(stats.values(),
                                           key=lambda r: (-r["quoted_words"], r["name"]))],
            "not_quoted": [{"name": names[k], "quoted_by": sorted(srcs)}
                           for k, srcs in sorted(everyone.items(), key=lambda kv: -len(kv[1]))
                           if source not in srcs],
            "terms": terms[source],
            "techniques": _techniques(g, n_words),
            "frames": _frames(g),
            "tone": _tone(g),
        })
    by_id = {r.id: r for r in recs}
    wire = head.pop("wire")
    for group in wire:
        group["articles"] = [{"article_id": a, "source": _source(by_id[a]) if a in by_id else None,
                              "title": by_id[a].title if a in by_id else None}
                             for a in group["articles"]]
    return {"story": head, "outlets": outlets, "wire": wire,
            "truncated": len(listed) > len(ids),
            "method": {"terms": "log-odds ratio with informative Dirichlet prior (Monroe et al. "
                                "2008), prior = a tenth of the story's word counts; z >= 1.0 and count >= 2 "
                                "listed, z >= 1.96 marked significant",
                       "tone": "VADER compound score, mean over sentences" if tone_available()
                               else "vaderSentiment not installed",
                       "techniques": "per 1,000 words of the outlet's articles, by voice"}}
