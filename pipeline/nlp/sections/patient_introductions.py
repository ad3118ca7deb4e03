"""Patients the running text of a report introduces without a label ("A second patient, a
10-year-old girl, ...", "Her sister, aged 12, was admitted ...", "A 55-year-old man presented ...
A 75-year-old woman presented ..."): each opens the next patient's part, an ``InlineStart`` of
the kind "introduced". A relative opens one only in a report about several patients, which its
announcement (``patient_announcements``) or a group it names (``group_count``) says.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline import regex_cache
from pipeline.nlp.sections.group_count import group_count
from pipeline.nlp.sections.patient_announcements import announced_patients, announcement_patterns
from pipeline.nlp.sections.patient_common import LAST_OF_SEVERAL, InlineStart, patient_number, with_persons
from pipeline.nlp.sentences.bounds import sentence_end_after, sentence_start_before
from pipeline.resources import read_patterns


@lru_cache(maxsize=None)
def _introductions(path: str) -> dict[str, re.Pattern]:
    data = read_patterns(path)
    names = ("introduced_ordinal", "introduced_another", "introduced_kin", "presenting", "kin_history", "several",
             "literature", "familial", "kin_affected", "cancer_syndrome")
    found = {name: re.compile(with_persons(data[name], data) if name in ("familial", "kin_affected") else data[name])
             for name in names}
    presented = data.get("introduced_presented")
    # one pattern or several (each with the groups ``age`` and ``person``, in either order)
    found["introduced_presented"] = None if presented is None else tuple(
        re.compile(p) for p in ([presented] if isinstance(presented, str) else presented))
    found["age"] = re.compile(data["age"])
    found["reach"] = int(data["introduced_reach"])
    found["listed_person_age"] = re.compile(data.get("listed_person_age", "(?!)"))
    found["listed_aged_person"] = re.compile(data.get("listed_aged_person", "(?!)"))
    found["several_title"] = re.compile(data.get("several_title", "(?!)"))
    return found


def introduced_patients(text: str, title: str | None = None, path: str = "sections/patients.toml") -> list[InlineStart]:
    """Places where the running text introduces another patient without a heading ("A second
    patient, a 10-year-old girl, ...", "Her sister, aged 12, was admitted ..."), in text order.
    An introduction needs a patient's age or a presentation verb after it; one by kinship needs
    besides a report about several patients (siblings, twins, "two patients" in the title or
    opening), and none may speak of the literature.

    >>> text = "We report two siblings. A 7-year-old boy was admitted. His sister, aged 10, was admitted too."
    >>> [(s.number, s.heading) for s in introduced_patients(text)]
    [(0, 'His sister')]
    >>> introduced_patients("A 7-year-old boy was admitted. His sister, aged 10, was admitted too.")
    []
    >>> [(s.number, s.heading) for s in introduced_patients("We report X in siblings: a 13-month-old boy and "
    ...     "his five-and-a-half-year-old sister. Neither parent is affected.")]
    [(0, 'his five-and-a-half-year-old sister')]
    >>> [(s.number, s.heading) for s in introduced_patients("A 40-year-old man had a rash. "
    ...     "A second patient, a 52-year-old woman, had fever.")]
    [(2, 'A second patient')]
    """
    patterns = _introductions(path)
    reach = patterns["reach"]
    _, opening = announcement_patterns(path)
    title = title if title is not None else _first_line(text)
    announced = announced_patients(text, title, path)
    familial = any(patterns["familial"].search(piece) for piece in (title or "", text[:opening]))
    several = (any(patterns["several"].search(piece) for piece in (title or "", text[:opening])) or announced > 1
               or group_count(text, title, path) > 1 or familial  # a group named without the authors' verb
               or bool(title and patterns["several_title"].search(title)))
    # a report of several patients about a cancer predisposition syndrome is a familial cancer's
    familial = familial or (several and any(patterns["cancer_syndrome"].search(piece) for piece in (title or "", text[:opening])))
    found = []
    for name in ("introduced_ordinal", "introduced_another", "introduced_kin"):
        for match in patterns[name].finditer(text):
            sentence_end = sentence_end_after(text, match.end())
            following = text[match.end():min(sentence_end, match.end() + reach)]
            sentence = text[sentence_start_before(text, match.start()):sentence_end]
            if patterns["literature"].search(sentence):
                continue
            if several and len(patterns["listed_person_age"].findall(sentence)) > 1:
                continue  # "the third sister, aged 57, and the eldest brother, aged 65": a list (cases/series.py)
            if several and len(patterns["listed_aged_person"].findall(sentence)) > 2:
                continue  # "a 57-year-old man, his 60-year-old sister, and 81-year-old mother": a list too
            aged = patterns["age"].search(match.group()) or patterns["age"].search(following)
            presented = patterns["presenting"].search(following)
            # an ordinal's patient number, or a twin's label's ("Twin B"); 0: the next patient
            number = patient_number(match.group("number") or match.groupdict().get("twin")) \
                if "number" in match.groupdict() else 0
            if name == "introduced_kin":
                history = patterns["kin_history"].search(following)
                affected = familial and patterns["kin_affected"].match(following)  # a familial cancer's relative
                if not several or (history and not affected and not _diagnosed_with_own_age(match, following, history, patterns)):
                    continue
                # "siblings: a 13-month-old boy and his five-and-a-half-year-old sister": a
                # second patient presented with her age beside the first needs no verb of her own
                joined = aged and re.search(r"\band\s+$", text[max(0, match.start() - 8):match.start()])
                # "The older sibling, who was 18 years old at the first visit, had ...": a sibling
                # named by birth order with an age of its own is described, verb or none
                # (its own age: "the older brother, when she was 11 years old" is the sister's)
                own_age = patterns["age"].search(following)
                ordered = (own_age and BIRTH_ORDER_NAMED.match(match.group())
                           and not OTHER_PERSON.search(following, 0, own_age.start()))
                # "In his sister, the first symptoms appeared at the age of 15": the relative
                # the sentence is about, with an age of its own
                about = own_age and IN_RELATIVE.search(text, max(0, match.start() - 6), match.start())
                if ELDER_KIN.search(match.group()) and not presented:
                    continue  # "The 30-year-old mother had an uneventful pregnancy": a newborn's parent
                if not presented and not affected and not joined and not ordered and not about and not _described_relative(
                        match, following, own_age, text[sentence_start_before(text, match.start()):match.start()], patterns):
                    continue
            elif not aged and not (presented and several and "twin" in match.group().lower()
                                   and not patterns["kin_history"].search(following)) and not (
                    name == "introduced_ordinal" and 2 <= number <= announced) and not (
                    LAST_OF_SEVERAL.match(match.group()) and announced > 1):
                # "The other twin developed NEC" of a report on twins; not "... developed normally";
                # "Our second patient, a young never-smoker, ..." of a report that announces two;
                # "The final case is a woman with ..." of a report that announces three
                continue
            found.append(InlineStart(match.start(), match.end(), number, match.group().strip(), "introduced"))
    if patterns["introduced_presented"] is not None:
        found += _presented_again(text, patterns, several, announced)
    unique = {}
    for start in sorted(found, key=lambda s: (s.start, -s.end)):
        unique.setdefault(start.start, start)
    return list(unique.values())


def _first_line(text: str) -> str | None:
    """The text's first line when it may be a title (short, no sentence break): the sections
    component reads the text alone, and a text file opens on its title ("Hydatid cysts: four
    unusual case reports")."""
    line = text.lstrip().split("\n", 1)[0].strip()
    return line if 0 < len(line) <= FIRST_LINE_TITLE and not re.search(r"[.!?]\s+[A-Z]", line) else None


# The longest first line read as a possible title.
FIRST_LINE_TITLE = 250


def _described_relative(match: re.Match, following: str, own_age: re.Match | None, before: str, patterns: dict) -> bool:
    """In a report about several patients, a relative introduced with an age of its own is a
    patient described, whatever verb follows: the age in the words that name it ("her
    2-year-old sister began to have fevers", "this patient's three-year-old child") or set
    beside them ("his son, then aged 44, ...", "The elder, currently 7 years and 9 months old,
    walked alone") or as the person its age makes it ("her husband was a 73-year-old man"); so is a
    sibling named by birth order as the subject of its own sentence
    ("The older brother achieved remission ... The younger brother developed ...")."""
    if patterns["age"].search(match.group()):
        return True
    if own_age is not None and APPOSED.match(following[:own_age.start()]) and not OTHER_PERSON.search(following, 0, own_age.start()):
        return True
    if own_age is not None and DESCRIBED_AS.match(following[:own_age.start()]):
        return True  # "Her husband was a 73-year-old man who ...": the relative presented as a person
    return bool(BIRTH_ORDER_NAMED.match(match.group())) and not before.strip()


def _diagnosed_with_own_age(match: re.Match, following: str, history: re.Match, patterns: dict) -> bool:
    """True when the relative's history is only a diagnosis and the relative has an age of its own set
    beside its name ("His maternal uncle, now age 20 years, had been diagnosed with XP"): in a report
    about several patients that is a patient told from the start, not a line of family history."""
    own_age = patterns["age"].search(following, 0, history.start())
    return (own_age is not None and "diagnos" in history.group().lower()
            and bool(APPOSED.match(following[:own_age.start()])))


# Words between a relative's name and an age set beside it: ", then ", " (", ", currently 7 years and ".
APPOSED = regex_cache.compile(r"(?i)\s*[,(]\s*(?:(?:then|now|currently|at\s+present|who\s+(?:was|is))\s+)?(?:\d{1,3}\s+years?\s+and\s+)?$")
# A relative described by the person its age makes it: "Her husband was a 73 y.o. man", "his
# brother, a 10-year-old boy," (the age then stands right after the article), or by the age itself
# as the predicate: "Her sister is 9 years old and also has short stature".
DESCRIBED_AS = regex_cache.compile(r"(?i)\s*(?:,\s*an?\s+|(?:was|is)\s+(?:an?\s+)?)$")
# An elder relative named with the article and an age ("The 59 year old father"): a patient only
# when a presenting verb follows.
ELDER_KIN = regex_cache.compile(r"(?i)^the\s+\d{1,3}[-‐\s]years?[-‐\s]old\s+(?:father|mother|husband|wife|grandfather|grandmother|uncle|aunt)$")
# A sibling named by its birth order ("the older sibling", "The younger sister").
BIRTH_ORDER_NAMED = regex_cache.compile(r"(?i)the\s+(?:younger|elder|older|eldest|youngest)\b")
# A sentence opening on the relative it tells of: "In his sister, ...", "In her brother, ...".
IN_RELATIVE = regex_cache.compile(r"(?:^|[.!?]\s)In\s+$")
# A pronoun that makes the age after it another person's.
OTHER_PERSON = regex_cache.compile(r"(?i)\b(?:he|she|his|her|they|their)\b")


def _presented_again(text: str, patterns: dict, several: bool = True, announced: int = 0) -> list[InlineStart]:
    """Sentences after the first that present a person of another age or sex ("A 55-year-old
    man presented ... A 75-year-old woman presented ..."), in a report about several patients;
    in a report that does not say so, only a presentation that opens a paragraph under a heading
    of its own ("Severe Hemolytic Anemia\nA 2.5-year-old boy ... presented to the ER"), as the
    first one does, since a report's patients told under headings of their diagnoses need no count.
    A report that announces how many patients it tells of ("We report two cases of ...") needs no
    verb for those it has not yet presented: "A 79-year-old male patient with similar history;
    lesions in the left frontal scalp ..." is its second patient (``announced``).

    >>> patterns = _introductions("sections/patients.toml")
    >>> [s.heading for s in _presented_again("A 55-year-old man presented with dyspnoea. "
    ...     "A 75-year-old woman presented with syncope.", patterns)]
    ['A 75-year-old woman']
    >>> _presented_again("A 55-year-old man presented with dyspnoea. A 55-year-old man was admitted again.", patterns)
    []
    """
    seen: set[tuple[str, str]] = set()
    found = []
    matches = sorted((m for pattern in patterns["introduced_presented"] for m in pattern.finditer(text)),
                     key=lambda m: m.start())
    for match in matches:
        following = text[match.end():min(sentence_end_after(text, match.end()), match.end() + patterns["reach"])]
        who = (" ".join(re.findall(r"\d+(?:\.\d)?|[a-z]+", match.group("age").lower())[:2]), match.group("person").lower())
        awaited = who not in seen and len(seen) < announced
        if not patterns["presenting"].search(following) and not (several and HAD_FINDING.match(following)) and not awaited:
            continue
        sentence = text[sentence_start_before(text, match.start()):sentence_end_after(text, match.end())]
        if patterns["literature"].search(sentence):
            continue
        if not several and not UNDER_HEADING.search(text, max(0, match.start() - HEADING_REACH), match.start()):
            continue
        if seen and who not in seen:
            found.append(InlineStart(match.start(), match.end(), 0, match.group().strip(), "introduced"))
        seen.add(who)
    return found


# In a report about several patients, a person of another age who "had ..." right after the words
# that present them is the next patient ("A 32-year-old female patient had an adrenal cyst", "A
# 32-year-old asymptomatic man had elevated serum amylase"; not "had no ...").
HAD_FINDING = regex_cache.compile(r"\s*(?:patient\s+)?(?:had|has)\s+(?!no\b|not\b|never\b)\w", re.IGNORECASE)

# A short line without a full stop right before a paragraph: a heading ("Severe Hemolytic Anemia\n").
UNDER_HEADING = regex_cache.compile(r"(?:^|\n)[ \t]*[A-Z][^\n.!?:;]{2,60}[ \t]*\n[ \t]*$")
HEADING_REACH = 80
