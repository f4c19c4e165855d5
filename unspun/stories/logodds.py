"""Distinctive terms: log-odds ratios with an informative Dirichlet prior.

Monroe, Colaresi and Quinn (2008), "Fightin' Words", Political Analysis 16(4):
the difference in log-odds of a word between two groups of texts, each count
smoothed by a prior ``alpha_w`` proportional to the word's frequency in a
background (here: the whole story), divided by its approximate standard
deviation.  The resulting z-score ranks words that one group uses more than
the other while shrinking rare words towards zero, so a word seen once does
not top the list just because the other group never used it.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

PRIOR_SCALE = 0.1  # alpha_0 = PRIOR_SCALE x background size: the prior weighs a tenth of the data


def log_odds_z(group: Mapping[str, int], rest: Mapping[str, int],
               background: Mapping[str, int] | None = None,
               prior_scale: float = PRIOR_SCALE) -> dict[str, float]:
    """z-scores of every term of ``group`` (positive: ``group`` uses it more than ``rest``).

    ``background`` (default: ``group + rest``) sets the prior; its counts are
    scaled so that the prior's total is ``prior_scale`` times the background size.
    """
    if background is None:
        background = Counter(group) + Counter(rest)
    n_bg = sum(background.values()) or 1
    a0 = prior_scale * n_bg
    n_i, n_j = sum(group.values()), sum(rest.values())
    out = {}
    for term, y_i in group.items():
        a_w = a0 * (background.get(term, 0) + 0.01) / n_bg
        y_j = rest.get(term, 0)
        d = (math.log((y_i + a_w) / (n_i + a0 - y_i - a_w))
             - math.log((y_j + a_w) / (n_j + a0 - y_j - a_w)))
        out[term] = d / math.sqrt(1.0 / (y_i + a_w) + 1.0 / (y_j + a_w))
    return out
