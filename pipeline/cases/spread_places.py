"""Where a spread mention places its site beside the case's primary: the site of a local recurrence
that names no organ, a spread in the primary's own organ that is a site of its own (a recurrence said to
be local, the other one of a paired organ, another part of a body system, an intrahepatic metastasis),
two organs outside the site list, the digestive tract named as a whole, and "cervical" read as the neck."""
from __future__ import annotations

import re

from pipeline.cases.mentions import Mention
from pipeline.cases.organs import OTHER_SITE, organ_stem
from pipeline.nlp.sites.model import LOCAL as LOCAL_SITE


# A sentence that speaks of local recurrence as a risk, a rate or something to prevent, not as an event
# of the patient ("wide margins are needed to prevent local recurrence", "local recurrence-free survival").
LOCAL_GENERIC = re.compile(r"(?i)(?<![\w-])(?:prevent\w*|reduc\w*|lower\w*|minimi[sz]\w*|avoid\w*|risks?|rates?|"
                           r"incidence|probability|likelihood|chances?|predict\w*|(?:is|are)\s+(?:\w+\s+)?(?:common|rare|frequent|"
                           r"uncommon|higher|lower|reported)|recurrence-free|relapse-free|free\s+survival)(?![\w-])")


# The digestive tract named as a whole ("gastrointestinal metastases"): no site of its own beside a
# metastasis in one of its organs.
GI_ORGANS = frozenset({"stomach", "small intestine", "colon", "rectum"})


BROAD_GI = re.compile(r"(?i)^(?:gastro-?intestinal|gi|digestive|bowel|intestinal)(?:\s+tract)?$")


# Organ systems spread through the body: a metastasis elsewhere in the primary's system is a site of its own.
BODY_SYSTEMS = frozenset({"bone", "skin", "soft tissue", "muscle"})
# An organ whose own cancer spreads within it, a metastasis there named as such being a site reviewers
# record ("a new metastasis in the 6th liver segment" of a hepatocellular carcinoma: intrahepatic spread).
SPREAD_WITHIN = frozenset({"liver"})


# Paired organs: a metastasis to the other one is a site of its own (``is_contralateral``).
PAIRED_ORGANS = frozenset({"kidney", "lung", "breast", "ovary", "adrenal gland", "fallopian tube"})


CONTRALATERAL = re.compile(r"(?i)(?<![\w-])(?:contralateral|opposite|other|remaining)\s+(?:[\w-]+\s+)?$")


# Words that place a recurrence where the primary was.
LOCAL = re.compile(r"(?i)(?<![\w-])(?:local(?:ly)?|loco-?regional(?:ly)?|ipsilateral|in-breast)(?![\w-])")


def local_site(mention: Mention, primary_site: str | None, spread: list[Mention]) -> str | None:
    """The site of a local recurrence that names no organ: the case's primary site, unless its
    sentence names where it recurred ("a local recurrence in the vaginal cuff" is the vagina's)."""
    if primary_site is None or LOCAL_GENERIC.search(mention.sentence):
        return None
    if any(m.sentence_start == mention.sentence_start and m.value.site != LOCAL_SITE
           and m.value.role == "recurrence" for m in spread):
        return None
    return primary_site


def another_organ_outside_the_list(mention: Mention, site: str, primary_site: str | None,
                                    primary_written: str | None) -> bool:
    """True for a metastasis in an organ outside the site list of a primary outside it too ("a testicular
    metastasis" of a prostate cancer: both "other"): the words name two organs, not one (their first
    letters differ: "testicular" / "prostate", not "pelvis" / "pelvic")."""
    if site != OTHER_SITE or primary_site != OTHER_SITE or not primary_written:
        return False
    return organ_stem(mention.value.written) != organ_stem(primary_written)


# A recurrence placed in an organ by its own words ("tumour recurrence in the bladder", "the
# cancer recurred at the thyroid bed"): where it came back, even in the primary's organ.
RECURRED_IN = re.compile(r"(?i)(?:recurr\w*|relaps\w*)(?:\s+\w+){0,3}?\s+(?:in|at|within|involving)$")


def local_recurrence(mention: Mention) -> bool:
    """A recurrence in the primary's own organ said to be local ("a local relapse in the breast",
    "ipsilateral breast recurrence") or placed there by its cue ("recurrence in the bladder"); not
    "recurrence of endometrial cancer", which names the cancer, not a place."""
    low = (mention.value.cue or "").lower()
    if not ("recurr" in low or "relaps" in low):
        return False
    return LOCAL.search(mention.sentence) is not None or RECURRED_IN.search(low.strip()) is not None


def is_contralateral(mention: Mention) -> bool:
    """True for a metastasis in the other one of a paired organ ("metastases ... to the other kidney",
    "contralateral lung nodules" of a lung cancer: M1a), which is a site even though it is the primary's organ."""
    if mention.value.role != "metastasis" or mention.value.site not in PAIRED_ORGANS:
        return False
    return CONTRALATERAL.search(mention.sentence, 0, max(0, mention.start - mention.sentence_start)) is not None


def elsewhere_in_system(mention: Mention) -> bool:
    """True for a metastasis named as such in an organ system spread through the body whose primary
    arose in it ("bone metastases" of a femoral osteosarcoma, "skin metastases" of a cutaneous melanoma):
    another part of that system, a distant site; so is an intrahepatic metastasis (``SPREAD_WITHIN``)."""
    cue = (mention.value.cue or "").lower()
    return mention.value.role == "metastasis" and (
        (mention.value.site in BODY_SYSTEMS and "metasta" in cue) or (mention.value.site in SPREAD_WITHIN and "metastas" in cue))


# "cervical" alone: the neck's adjective as often as the cervix's ("a cervical recurrence" of a tongue
# cancer is in the neck).
BARE_CERVICAL = re.compile(r"(?i)^cervical$")
NECK = re.compile(r"(?i)(?<![\w-])neck(?![\w-])")


def neck_sense(mention: Mention, case, sites: list[Mention]) -> bool:
    """True for a spread read as the cervix from the bare adjective "cervical" where the case is a man's
    or, not being a cancer of the cervix, names the neck in another site mention ("a recurrence was
    observed in the left neck ... after the cervical recurrence"): the neck's, not the cervix's."""
    if mention.value.site != "cervix" or not BARE_CERVICAL.match(mention.text.strip()):
        return False
    if case.sex == "male":
        return True
    return case.primary_site != "cervix" and any(NECK.search(m.text) for m in sites if m is not mention)
