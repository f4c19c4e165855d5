"""Symmetry: swapping the sides' names must not change which techniques are found.

Each test swaps pairs of names in an article (both directions at once), analyses
both versions and maps the swapped version's spans back to the original's
offsets: labels, spans and voices must be identical, scores within 0.01, and the
frames and genre the same.  The default pipeline includes the learned layer
(``rhetoric``, the shipped model), so these tests cover it too.
"""
import re

import pytest

import unspun

SEED_PAIRS = [("Azerbaijani", "Armenian"), ("Azerbaijan", "Armenia"), ("Baku", "Yerevan"),
              ("BAKU", "YEREVAN"), ("Stepanakert", "Khankendi")]


def swap(text, pairs):
    """The text with each pair's names exchanged, and a function mapping new offsets back."""
    table = {}
    for a, b in pairs:
        table[a], table[b] = b, a
    rx = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, sorted(table, key=len, reverse=True)))
                    + r")(?!\w)")
    out, segs, pos, shift = [], [], 0, 0
    for m in rx.finditer(text):
        out.append(text[pos:m.start()])
        new = table[m.group(1)]
        new_start = m.start() + shift
        segs.append((new_start, new_start + len(new), m.start(), m.end()))
        out.append(new)
        shift += len(new) - len(m.group(1))
        pos = m.end()
    out.append(text[pos:])

    def back(offset, is_end=False):
        delta = 0
        for ns, ne, os_, oe in segs:
            if offset < ns or (is_end and offset == ns):
                break
            if offset < ne or (is_end and offset == ne):
                return oe if is_end else os_
            delta = oe - ne
        return offset + delta

    return "".join(out), back


def signature(rec, back=None):
    """(label, start, end, voice, score) per technique, in the original's offsets.  A quote's
    voice is given by the quote's content span, so that quote numbering does not matter."""
    back = back or (lambda offset, is_end=False: offset)
    quotes = {q["id"]: q["content"] for q in rec.quotes}
    out = []
    for t in rec.techniques:
        voice = t["voice"]
        if voice in quotes:
            voice = ("quote", back(quotes[voice]["start"]), back(quotes[voice]["end"], True))
        out.append((t["label"], back(t["start"]), back(t["end"], True), voice, t["score"]))
    return sorted(out, key=str)


def same_scores(a, b, tolerance=0.01):
    """Signatures equal but for scores, which may differ by ``tolerance``."""
    return [x[:-1] for x in a] == [y[:-1] for y in b] and \
        all(abs(x[-1] - y[-1]) <= tolerance for x, y in zip(a, b))


def article_level(rec):
    return (sorted((f["label"], round(f["score"], 2)) for f in rec.frames),
            (rec.genre or {}).get("label"))


def check_symmetric(text, pairs):
    swapped, back = swap(text, pairs)
    assert swapped != text
    original = unspun.analyze(text)
    mirrored = unspun.analyze(swapped)
    assert original.techniques, "the test text should show some techniques"
    a, b = signature(original), signature(mirrored, back)
    assert same_scores(a, b), (a, b)
    fa, fb = article_level(original), article_level(mirrored)
    assert fa[1] == fb[1] and [f[0] for f in fa[0]] == [f[0] for f in fb[0]], (fa, fb)
    assert all(abs(x[1] - y[1]) <= 0.01 for x, y in zip(fa[0], fb[0])), (fa, fb)
    return original


def test_learned_layer_is_on():
    """The side-swap tests below run with the shipped learned model in the pipeline."""
    from unspun.learn.rhetoric import default_model
    from unspun.pipeline.runner import default_components

    assert "rhetoric" in default_components()
    assert default_model() is not None


def test_swap_helper_maps_offsets():
    text = "Baku and Yerevan met; Azerbaijan spoke."
    swapped, back = swap(text, SEED_PAIRS)
    assert swapped == "Yerevan and Baku met; Armenia spoke."
    assert back(swapped.index("spoke")) == text.index("spoke")
    assert back(0) == 0 and back(len("Yerevan"), True) == len("Baku")


def test_seed_article_is_symmetric(seed_path):
    from unspun.readers import read_inputs

    text = next(read_inputs([str(seed_path)])).text
    rec = check_symmetric(text, SEED_PAIRS)
    assert {"Name_Calling-Labeling", "Doubt", "Repetition"} <= {t["label"] for t in rec.techniques}


OWN_TEXTS = {
    "russia-ukraine": (
        "KYIV, March 3. The Ukrainian army said on Monday that the so-called \"referendum\" in "
        "the occupied districts was a sham staged by the puppet regime.\n\n"
        "\"Our soldiers will defend our homeland. We have no choice but to fight,\" a Ukrainian "
        "commander said. Moscow dismissed the claims as false statements and accused Kyiv of "
        "provocations.\n\n"
        "Dr. Olena Marchenko, a professor of international law at Kyiv University, said: \"The "
        "vote has no legal force and was unrecognized by anyone in the region.\"\n\n"
        "Russian officials described illegal armed formations near the border. Russia, as "
        "always, blamed Ukraine.",
        [("Ukrainian", "Russian"), ("Ukraine", "Russia"), ("Kyiv", "Moscow"), ("KYIV", "MOSCOW")]),
    "us-parties": (
        "Democrats said the Republican plan was a disgrace and a gross violation of the law. "
        "\"Everyone knows this bill will fail,\" said Senator Ann Cole, a Democrat.\n\n"
        "Republicans called the Democratic proposal the worst deal ever and said time is "
        "running out. Either we pass it now or families will be lost, one Republican aide "
        "said.\n\n"
        "The so-called reform, critics said, would inevitably lead to higher taxes.",
        [("Democrats", "Republicans"), ("Democrat", "Republican"), ("Democratic", "Republican")]),
    "india-pakistan": (
        "NEW DELHI, May 8. India's government called the attack a heinous act by terrorists "
        "backed by Pakistan, and said the \"peace process\" had been a fiasco.\n\n"
        "Islamabad rejected the charge. \"What about their own crimes in the valley?\" a "
        "Pakistani minister asked, calling the Indian statement propaganda and hypocrisy.",
        [("India", "Pakistan"), ("Indian", "Pakistani"), ("NEW DELHI", "ISLAMABAD"),
         ("New Delhi", "Islamabad")]),
}


@pytest.mark.parametrize("name", sorted(OWN_TEXTS))
def test_own_texts_are_symmetric(name):
    text, pairs = OWN_TEXTS[name]
    check_symmetric(text, pairs)


@pytest.mark.slow
def test_polnear_candidates_swapped(shared_data):
    """Two US campaign articles with the candidates' names exchanged."""
    files = sorted((shared_data / "polnear" / "dev" / "text").glob("*trump*"))[:2]
    if not files:
        pytest.skip("no PolNeAR dev articles about the candidates")
    pairs = [("Trump", "Clinton"), ("Donald", "Hillary"), ("Republican", "Democratic"),
             ("Republicans", "Democrats"), ("GOP", "DNC"), ("Pence", "Kaine")]
    for f in files:
        check_symmetric(f.read_text("utf-8"), pairs)
