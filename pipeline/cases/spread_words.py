"""The words of a spread: a spread or relapse a sentence affirms and does not deny, and a site's
cue that names a metastasis outright or lymph nodes read as diseased from a finding only."""
from __future__ import annotations

import re


# A cancer's spread or relapse affirmed in a sentence ("metastases", "relapsed", "recurrence of"), not denied
# ("no signs of recurrent disease", "without relapse", "free of metastasis": ``SPREAD_DENIED`` just before).
SPREAD_WORD = re.compile(r"(?i)(?<![\w-])(?:relaps\w*|recurr\w*|metasta\w*)(?![\w-])")


SPREAD_DENIED = re.compile(r"(?i)(?<![\w-])(?:no|not|without|free\s+of|absence\s+of|neither|nor)(?![\w-])[^.;,]{0,30}$")


def spread_affirmed(sentence: str) -> bool:
    """True when the sentence says a spread or relapse that it does not deny."""
    return any(not SPREAD_DENIED.search(sentence, 0, m.start()) for m in SPREAD_WORD.finditer(sentence))


# Cue words that name a metastasis in a report about a cancer but something else in one about no
# cancer ("recurrent dislocation", "spread of the infection", "amyloid deposits", "implants").
# Cue words of lymph nodes read as diseased from a finding, not named as metastases.
NODE_FINDING_WORDS = ("enlarg", "swollen", "swelling", "bulky", "palpable", "hypermetabolic", "avid", "matted",
                      "lymphadenopath", "adenopath", "lymphadenectas")


WEAK_SPREAD_WORDS = ("recurr", "relaps", "spread", "disseminat", "seed", "implant", "deposit", "involv", "infiltr",
                     "progress", "positive", "nodul", "invad", "lesion", "tumo", "mass") + NODE_FINDING_WORDS


def node_finding(cue: str | None) -> bool:
    low = (cue or "").lower()
    return any(word in low for word in NODE_FINDING_WORDS)


def metastasis_word(cue: str | None) -> bool:
    """True when a site's cue says metastasis outright ("metastases to", "pN1", "Sister Mary
    Joseph nodule"), not only "spread", "recurrence" or "deposits"."""
    low = (cue or "").lower()
    return "metasta" in low or "carcinomatosis" in low or "mets" in low or "secondar" in low or any(
        c.isdigit() for c in low) or (bool(low) and not any(w in low for w in WEAK_SPREAD_WORDS))
