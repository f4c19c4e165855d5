"""Summaries of a record's techniques for people: rates per voice, numbered markers."""
from __future__ import annotations

import re
from typing import Any

AUTHOR = "author"
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def voice_names(rec: Any) -> dict[str, str]:
    """Quote id -> the speaker's name (entity name where resolved, else the speaker text)."""
    names = {e["id"]: e["name"] for e in rec.entities}
    out = {}
    for q in rec.quotes:
        speaker = q.get("speaker") or {}
        out[q["id"]] = names.get(speaker.get("entity") or "") or speaker.get("text") or "unknown"
    return out


def words_by_voice(rec: Any) -> dict[str, int]:
    """Words in each voice: 'author' and each speaker's name (all text is the author's when
    the record has no voice segments)."""
    if not rec.voice:
        return {AUTHOR: len(_WORD.findall(rec.text))}
    names = voice_names(rec)
    out: dict[str, int] = {AUTHOR: len(_WORD.findall(rec.text))}
    for seg in rec.voice:  # text outside any quote is the author's
        if seg["voice"] != AUTHOR:
            who = names.get(seg["voice"], seg["voice"])
            n = len(_WORD.findall(seg["text"]))
            out[who] = out.get(who, 0) + n
            out[AUTHOR] -= n
    return out


def rates_by_voice(rec: Any) -> list[tuple[str, int, int, float]]:
    """(voice, techniques, words, techniques per 1,000 words), the author first."""
    names = voice_names(rec)
    words = words_by_voice(rec)
    counts: dict[str, int] = {}
    for t in rec.techniques:
        who = AUTHOR if t["voice"] == AUTHOR else names.get(t["voice"], t["voice"])
        counts[who] = counts.get(who, 0) + 1
        words.setdefault(who, 0)
    rows = [(who, counts.get(who, 0), n, 1000 * counts.get(who, 0) / n if n else 0.0)
            for who, n in words.items() if n or counts.get(who)]
    return sorted(rows, key=lambda r: (r[0] != AUTHOR, -r[2]))


def rate_line(rec: Any) -> str:
    """'author 4.6 per 1,000 words (9 in 1,950); Saken Mukan 16.1 (8 in 497)'."""
    parts = []
    for i, (who, n, words, rate) in enumerate(rates_by_voice(rec)):
        unit = " per 1,000 words" if i == 0 else ""
        parts.append(f"{who} {rate:.1f}{unit} ({n} in {words:,} words)")
    return "; ".join(parts)
