"""Techniques of argument signalled by sentence patterns (not single words).

False dilemmas, whataboutism, causal and consequential oversimplification,
straw men, guilt by association, superlative exaggeration, rhetorical doubt
and slogans.  Each pattern carries its own evidence text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .base import Hit, Source, pattern

_PRON = r"(?:we|you|they|he|she|it|i|the\s+\w+|this\s+\w+)"


@dataclass(frozen=True)
class Pattern:
    label: str
    regex: re.Pattern[str]
    reason: str
    score: float = 0.55


PATTERNS: tuple[Pattern, ...] = (
    Pattern("False_Dilemma-No_Choice",
            pattern(rf"(?<!\w)either\s+{_PRON}\s+[^.;!?]{{3,100}}?,?\s+or\s+(?:else\s+)?"
                    rf"(?:{_PRON}\s+)?[^.;!?]{{3,80}}"),
            "two options presented as the only ones ('either ... or ...')"),
    Pattern("False_Dilemma-No_Choice",
            pattern(r"\b(?:there\s+(?:are|is)\s+)?only\s+two\s+(?:options|choices|ways|paths|"
                    r"possibilities|alternatives)\b"),
            "only two options allowed"),
    Pattern("False_Dilemma-No_Choice",
            pattern(r"\b(?:no|there\s+is\s+no|have\s+no|has\s+no)\s+(?:other\s+)?(?:choice|option|"
                    r"alternative)\s+(?:but|other\s+than|than|except)\b"),
            "alternatives ruled out ('no choice but')", 0.6),
    Pattern("False_Dilemma-No_Choice",
            pattern(r"\beither\s+with\s+us\s+or\s+against\s+us\b|\bwith\s+us\s+or\s+against\s+us\b"),
            "'with us or against us'", 0.75),
    Pattern("False_Dilemma-No_Choice",
            pattern(r"\bthe\s+only\s+(?:way|solution|option|choice|alternative|answer|hope)\b"),
            "one course presented as the only one ('the only way')", 0.45),
    Pattern("Whataboutism",
            pattern(r"(?:^|(?<=[.!?\"“]\s)|(?<=\bbut\s)|(?<=\band\s)|(?<=\bso\s))what\s+about\b"
                    r"[^.!?]{0,80}\?"),
            "'what about ...?' turns to another side's conduct"),
    Pattern("Whataboutism",
            pattern(r"\bwhere\s+(?:was|were)\s+(?:the|their|your|his|her|all\s+the)\s+(?:outrage|"
                    r"concern|protests?|criticism|condemnation)\b"),
            "asks where the outrage was over another case", 0.65),
    Pattern("Whataboutism",
            pattern(r"\b(?:no\s*one|nobody)\s+(?:complained|said\s+a\s+word|said\s+anything|"
                    r"protested|batted\s+an\s+eye)\s+when\b"),
            "points to another case that drew no complaint", 0.65),
    Pattern("Causal_Oversimplification",
            pattern(r"\bthe\s+(?:sole|only|single|real|root|true)\s+(?:cause|reason|culprit|source)"
                    r"\s+(?:of|for|behind|is)\b"),
            "one cause singled out for a complex outcome", 0.5),
    Pattern("Causal_Oversimplification",
            pattern(r"\b(?:is|are|was|were)\s+(?:solely|entirely|wholly|all|only)\s+(?:because\s+of|"
                    r"due\s+to|to\s+blame|responsible|the\s+fault)\b"),
            "the outcome put down to a single cause", 0.55),
    Pattern("Causal_Oversimplification",
            pattern(r"\ball\s+because\s+of\b|\b(?:it's|it\s+is|it\s+was)\s+all\s+(?:his|her|their|"
                    r"your|its)\s+fault\b|\bblame\s+(?:it\s+)?all\s+on\b"),
            "everything blamed on one cause", 0.6),
    Pattern("Consequential_Oversimplification",
            pattern(r"\bslippery\s+slope\b|\bthe\s+next\s+thing\s+(?:you|we)\s+know\b"),
            "a chain of consequences asserted without support", 0.6),
    Pattern("Consequential_Oversimplification",
            pattern(r"\b(?:will|would)\s+(?:inevitably|eventually|ultimately|surely|certainly)\s+"
                    r"lead\s+to\b|\b(?:is|are|was|be)\s+(?:just\s+|only\s+)?the\s+first\s+step\s+"
                    r"(?:to|towards?|on\s+the\s+road\s+to)\b|\bopens?\s+the\s+(?:door|floodgates)\s+"
                    r"(?:to|for)\b"),
            "a first step said to lead inevitably to worse", 0.55),
    Pattern("Straw_Man",
            pattern(r"\b(?:wants?|would\s+have)\s+(?:you|us|people|everyone|americans)\s+to\s+"
                    r"believe\b|\bso\s+(?:you're|you\s+are|they're|they\s+are)\s+saying\b"),
            "an opponent's position restated in a weaker form", 0.5),
    Pattern("Guilt_by_Association",
            pattern(r"\b(?:straight|right)\s+out\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}playbook\b|"
                    r"\b(?:same|old)\s+playbook\s+(?:as|of|used\s+by)\b"),
            "likened to a disreputable group's methods ('playbook')", 0.55),
    Pattern("Guilt_by_Association",
            pattern(r"\b(?:reminiscent\s+of|echoes\s+of|just\s+like|much\s+like|no\s+different\s+"
                    r"from|akin\s+to|comparable\s+to)\s+(?:the\s+)?(?:nazis?|nazi\s+germany|"
                    r"fascis\w+|hitler|stalin\w*|the\s+kkk|the\s+ku\s+klux\s+klan|dictators?)\b"),
            "compared with a reviled regime or figure", 0.7),
    Pattern("Guilt_by_Association",
            pattern(r"\b(?:ties|links|connections)\s+(?:to|with)\s+(?:known\s+)?(?:terrorist|"
                    r"extremist|radical|hate|criminal|white\s+supremacist)\s+(?:groups?|"
                    r"organi[sz]ations?|networks?|figures?)\b"),
            "tied to an extremist or criminal group", 0.55),
    Pattern("Exaggeration-Minimisation",
            pattern(r"\b(?:the\s+)?(?:biggest|worst|best|greatest|largest|most\s+\w+)\s+"
                    r"(?:[\w'’-]+\s+){0,4}?(?:ever|in\s+(?:human\s+|modern\s+)?history|"
                    r"of\s+all\s+time)\b"),
            "superlative claimed beyond any comparison", 0.55),
    Pattern("Doubt",
            pattern(r"\b(?:can|should|could)\s+(?:we|anyone|you|they)\s+(?:really\s+|even\s+)?"
                    r"(?:trust|believe)\b[^.!?]{0,80}\?|\bhow\s+can\s+(?:we|anyone|you)\s+"
                    r"(?:really\s+|even\s+)?(?:trust|believe)\b[^.!?]{0,80}\?"),
            "rhetorical question casting doubt on credibility", 0.6)
)


def patterns(src: Source) -> Iterable[Hit]:
    """Every pattern in :data:`PATTERNS` over the text."""
    for p in PATTERNS:
        for m in p.regex.finditer(src.text):
            yield Hit(p.label, m.start(), m.end(), p.reason, p.score)


_CHANT = re.compile(r"\b(?:chant(?:ed|ing|s)?|slogans?|motto|rallying\s+cry|banners?\s+(?:that\s+)?"
                    r"read(?:ing)?|signs?\s+(?:that\s+)?read(?:ing)?|placards?\s+(?:that\s+)?"
                    r"read(?:ing)?)\b[^\"“\n]{0,30}[\"“]([^\"”\n]{2,60})[\"”]", re.IGNORECASE)
_CAPS = re.compile(r"(?<![\w'])[A-Z]{2,}(?:[\s,]+[A-Z]{2,}){1,6}!+|"
                   r"(?<=[:\"“]\s)[A-Z]{2,}(?:[\s,]+[A-Z]{2,}){2,6}[.!]")


def slogans(src: Source) -> Iterable[Hit]:
    """Quoted words introduced as a chant, slogan or sign; all-capitals exclamations (or
    all-capitals phrases after a colon or quotation mark, not headings)."""
    for m in _CHANT.finditer(src.text):
        yield Hit("Slogans", m.start(1), m.end(1), "words introduced as a chant or slogan", 0.75)
    for m in _CAPS.finditer(src.text):
        what = "all-capitals exclamation" if m.group(0).endswith("!") else \
            "all-capitals phrase set off like a slogan"
        yield Hit("Slogans", m.start(), m.end(), what, 0.55)


DETECTORS = (patterns, slogans)
