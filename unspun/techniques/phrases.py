"""Techniques signalled by set phrases: one lexicon per technique, one evidence line each.

These are the detectors for appeals (nation, values, fear, popularity, time),
thought-terminating phrases, hypocrisy, attacks on reputation, doubt markers,
exaggeration and loaded words.  Each lexicon lives in
``unspun/lang/<code>/lexicons/<name>.txt`` and was written for this project.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .base import Hit, Source, find_lexicon


@dataclass(frozen=True)
class PhraseDetector:
    """Report ``label`` wherever an entry of lexicon ``name`` occurs."""

    name: str
    label: str
    reason: str
    score: float

    def __call__(self, src: Source) -> Iterable[Hit]:
        for m in find_lexicon(self.name, src.text, src.lang):
            if src.entities and src.in_name(m.start(), m.end()):
                continue
            yield Hit(self.label, m.start(), m.end(), self.reason.format(m.group(0)), self.score)


loaded_language = PhraseDetector("loaded", "Loaded_Language",
                                 "emotionally loaded word '{}'", 0.6)
flag_waving = PhraseDetector("flag_waving", "Flag_Waving",
                             "appeal to national or group identity: '{}'", 0.6)
appeal_to_values = PhraseDetector("values", "Appeal_to_Values",
                                  "appeal to shared values: '{}'", 0.55)
appeal_to_fear = PhraseDetector("fear", "Appeal_to_Fear-Prejudice",
                                "alarm about a threat to the audience: '{}'", 0.55)
appeal_to_popularity = PhraseDetector("popularity", "Appeal_to_Popularity",
                                      "claims everyone (or no one) agrees: '{}'", 0.6)
appeal_to_time = PhraseDetector("time", "Appeal_to_Time",
                                "urgency that leaves no time to think: '{}'", 0.6)
conversation_killer = PhraseDetector("conversation_killers", "Conversation_Killer",
                                     "thought-terminating phrase '{}'", 0.65)
appeal_to_hypocrisy = PhraseDetector("hypocrisy", "Appeal_to_Hypocrisy",
                                     "charge of hypocrisy: '{}'", 0.65)
questioning_reputation = PhraseDetector("reputation", "Questioning_the_Reputation",
                                        "attack on character or record: '{}'", 0.55)
doubt_markers = PhraseDetector("doubt", "Doubt", "questions the truth of a claim: '{}'", 0.55)
exaggeration = PhraseDetector("intensifiers", "Exaggeration-Minimisation",
                              "absolute or hyperbolic wording '{}'", 0.5)
authority_cues = PhraseDetector("authority_cues", "Appeal_to_Authority",
                                "unnamed experts or studies offered as proof: '{}'", 0.5)

DETECTORS = (loaded_language, flag_waving, appeal_to_values, appeal_to_fear,
             appeal_to_popularity, appeal_to_time, conversation_killer, appeal_to_hypocrisy,
             questioning_reputation, doubt_markers, exaggeration, authority_cues)
