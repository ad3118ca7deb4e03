"""How many patients a report announces in its title or opening ("Two cases of leukemoid
reaction ...", "We report the first 3 cases of ...", "identical twins", "a mother to her two
daughters"), their sex when its words say one, the size of a counted group a sentence opens on
("Two inpatients of one ward died"), and whether a report is about its newborns. An
announcement in a citation, or one of the literature's patients, counts for none; a group named
without the authors' verb is ``group_count``'s.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

from pipeline import regex_cache
from pipeline.nlp.sections.group_count import named_group, one_of_group_told
from pipeline.nlp.sections.heading_lines import after_discussion_heading
from pipeline.nlp.sections.patient_common import PERSON_SEX, age_pattern, optional_entry, patient_number, with_persons
from pipeline.nlp.sentences.bounds import sentence_end_after, sentence_start_before
from pipeline.resources import read_patterns


@lru_cache(maxsize=None)
def announcement_patterns(path: str) -> tuple[tuple[re.Pattern, ...], int]:
    """The patterns of an announcement in the text, and how far into the text one is read."""
    data = read_patterns(path)
    return tuple(re.compile(with_persons(p, data), re.MULTILINE) for p in data["announced"]), int(data["announced_reach"])


@lru_cache(maxsize=None)
def _title_announcements(path: str) -> tuple[re.Pattern, ...]:
    data = read_patterns(path)
    return tuple(re.compile(with_persons(p, data)) for p in data.get("announced_title", ()))


@lru_cache(maxsize=None)
def _counted_subject(path: str) -> re.Pattern:
    data = read_patterns(path)
    return re.compile(with_persons(data.get("counted_subject", "(?!)"), data))


def counted_subject(sentence: str, path: str = "sections/patients.toml") -> int:
    """The size of the group of patients a sentence opens on as its subject, told with a verb of
    their illness or care ("Two inpatients of one hospital ward died" → 2), else 0: such a
    sentence tells every one of them what it says.

    >>> counted_subject("Two inpatients of one hospital ward died.")
    2
    >>> counted_subject("A cluster of 5 family members, a mother and 4 children, were hospitalized for pneumonia.")
    5
    >>> counted_subject("Two cases of this tumour were reported in 1990.")
    0
    >>> counted_subject("Only two cases have been described.")
    0
    """
    match = _counted_subject(path).match(sentence.lstrip())
    return patient_number(match.group("count")) if match else 0


def announced_patients(text: str, title: str | None = None, path: str = "sections/patients.toml") -> int:
    """How many patients the title or the opening of the text says the report describes
    (2-6), else 1.

    >>> announced_patients("", title="Two cases of leukemoid reaction in cervical cancer")
    2
    >>> announced_patients("Background. We report the first 3 cases of X. Only two cases were reported before.")
    3
    >>> announced_patients("Only two cases have been reported. We report a 40-year-old woman.")
    1
    >>> announced_patients("", title="Simultaneous acute appendicitis in identical twins")
    2
    >>> announced_patients("", title="Osteopetrosis in two siblings: two case reports")
    2
    >>> announced_patients("Osteopetrosis is rare; it was reported in two siblings before.")
    1
    >>> announced_patients("A woman of 30 delivered twins at 34 weeks. She was treated with labetalol.")
    1
    >>> announced_patients("A 40-year-old woman had X. Similar articles Y in adults: report of two cases. "
    ...                    "Smith J, Lee K. J Clin Oncol. 2004;22:101-5.")
    1
    >>> announced_patients("A 45-year-old man had rectal cancer. Discussion. Five patients received "
    ...                    "cyclophosphamide; four died.")
    1
    >>> announced_patients("We report a case of X.\\nDISCUSSION\\nFive patients received cyclophosphamide.")
    1
    >>> announced_patients("Two inpatients of one ward died of pneumonia. A 70-year-old man was admitted first.")
    2
    >>> announced_patients("We report transmission of deletion 18p from a mother to her two daughters.")
    3
    >>> announced_patients("We present two cases of male twins and two cases of male first cousins with X.")
    4
    >>> announced_patients("Herein, we present a case of two sisters with their mother.")
    3
    """
    announcements = _every_announcement(text, title, path)
    first = next(announcements, None)
    match = first or _newborns_announced(text[:announcement_patterns(path)[1]], title, path)
    if match is None:
        return 1
    count = _count(match)
    if match.groupdict().get("count") and CHILDREN.search(match.group()) \
            and optional_entry(path, "announced_parent_after").match(match.string, match.end()):
        count += 1  # "two sisters with their mother"
    # "two cases of dizygotic male twins and two cases of male first cousins" (after a title's "in twins"): an
    # announcement that counts a second group right after its first counts both (the first announcement, then
    # the ones after it)
    more = optional_entry(path, "announced_more")
    for found in chain([first] if first else [], announcements):
        second = more.match(found.string, found.end()) if found.groupdict().get("count") else None
        if second:
            return max(count, min(6, _count(found) + patient_number(second.group("count"))))
    return count


def _count(match: re.Match) -> int:
    """The patients one announcement counts."""
    if match.groupdict().get("pair"):
        return 2
    if match.groupdict().get("agelist"):  # "25-year-old and 22-year-old women": one patient per age
        return min(6, len(re.findall(r"\d{1,3}", match.group("agelist"))))
    # "a mother to her two daughters": the parent besides the children counted
    return patient_number(match.group("count")) + (1 if match.groupdict().get("parent") else 0)


# The words of children that a parent named after them may join ("two sisters with their mother").
CHILDREN = re.compile(r"(?i)\b(?:sisters|brothers|siblings|daughters|sons|children)$")


# A report with no title whose first line runs on for this long is a page flattened to one line:
# its title is somewhere in the first FLAT_TITLE_REACH characters, run into the authors or the
# abstract ("Leukaemia in identical twins: clinical cases Affiliation: 1. Research Institute ...").
FLAT_FIRST_LINE = 300
FLAT_TITLE_REACH = 200


def _untitled_opening(text: str) -> str:
    """The opening of a flattened page, read as its title would be (see FLAT_FIRST_LINE); "" for
    any other text.

    >>> _untitled_opening("Leukaemia in identical twins: clinical cases Affiliation: 1. Institute " * 6)[:47]
    'Leukaemia in identical twins: clinical cases Af'
    >>> _untitled_opening("Leukaemia in identical twins\\n" + "Two boys. " * 40)
    ''
    """
    line_end = text.find("\n", 0, FLAT_FIRST_LINE)  # (the first line only, and no copy of the text)
    return text[:FLAT_TITLE_REACH] if line_end < 0 and len(text) >= FLAT_FIRST_LINE else ""


def _announcement(text: str, title: str | None, path: str) -> re.Match | None:
    """The first announcement of several patients in the title or the opening of the text, not
    counting one in a citation ("... : report of two cases. J Clin Oncol 2004;22:1-5", a list of
    similar articles on an abstract page)."""
    found = next(_every_announcement(text, title, path), None)
    return found if found is not None else _newborns_announced(text[:announcement_patterns(path)[1]], title, path)


def _every_announcement(text: str, title: str | None, path: str):
    """The announcements of several patients in the title, then in the opening of the text, in
    order (see :func:`_announcement`)."""
    patterns, reach = announcement_patterns(path)
    citation = _citation(path)
    age = age_pattern(path)
    for in_text, piece in ((False, title or _untitled_opening(text)), (True, text[:reach])):
        for pattern in patterns if in_text else patterns + _title_announcements(path):
            for match in pattern.finditer(piece):
                sentence = piece[sentence_start_before(piece, match.start()):sentence_end_after(piece, match.end()) + 40]
                if (in_text or not title) and citation.search(sentence):
                    continue
                if not in_text and not title and age.search(piece, 0, match.start()):
                    continue  # a flattened page's opening that presents a patient first is no title
                # a counted group after a patient was already presented with an age ("A 45-year-old
                # man presented ... Five patients received cyclophosphamide") or under a heading of
                # the discussion or the literature is the literature's, not the report's own patients
                if in_text and one_of_group_told(piece, match.end(), path):
                    continue  # "3 cases were diagnosed in our center. We present here the latest case."
                if in_text and counted_subject(sentence.lstrip(), path) and (
                        age.search(piece, 0, match.start()) or after_discussion_heading(piece, match.start())):
                    continue
                yield match


def _newborns_announced(opening: str, title: str | None, path: str) -> re.Match | None:
    """Two newborns named together in the opening ("Both infants developed bloody stool"), in a
    report about them (see :func:`newborn_report`: a mother's report tells "Both newborns were
    admitted to the neonatal unit" of a patient's babies)."""
    match = re.search(read_patterns(path).get("announced_newborns", "(?!)"), opening)
    return match if match is not None and newborn_report(opening, title, match, path) else None


def newborn_report(opening: str, title: str | None, newborn: re.Match | None, path: str = "sections/patients.toml") -> bool:
    """Whether a report is about its newborn(s): its title names newborns, or its opening names
    one (``newborn``, a match in ``opening``) with no adult's age before it (a report of the
    mother gives her own age first: "A 30-year-old primigravida ... delivered a boy")."""
    spec = read_patterns(path)
    # (a baby the title has delivered is the mother's outcome: "... Spontaneous Vertex Delivery of a Live Baby")
    title = re.sub(spec.get("delivered_title", "(?!)"), " ", title, flags=re.IGNORECASE) if title else title
    if title and re.search(spec.get("newborn_title", "(?!)"), title, re.IGNORECASE):
        return True
    if newborn is None:
        return False
    adult = re.search(spec.get("adult_age", "(?!)"), opening, re.IGNORECASE)
    return adult is None or adult.start() > newborn.start()


@lru_cache(maxsize=None)
def _citation(path: str) -> re.Pattern:
    return re.compile(read_patterns(path)["citation"])


# The sex of the patients an announcement names all at once ("two young women", "twin sisters").
# ("three male cases of ...": the sex as the adjective of the counted patients)
GROUP_SEX = (("female", regex_cache.compile(r"\b(?:women|ladies|girls|sisters|daughters|mothers|females)\b"
                                            r"|\bfemale\s+(?:cases|patients|children|infants|adults|subjects)\b", re.IGNORECASE)),
             ("male", regex_cache.compile(r"\b(?:men|boys|brothers|sons|fathers|males)\b"
                                          r"|\bmale\s+(?:cases|patients|children|infants|adults|subjects)\b"
                                          # "two cases of male breast cancer": the cancer of men only
                                          r"|\bmale\s+breast\b", re.IGNORECASE)))


def announced_sex(text: str, title: str | None = None, path: str = "sections/patients.toml") -> str | None:
    """The sex of all the patients the title or opening announces, when its words say one
    ("Two young women with ...", "report of three sisters"), else None.

    >>> announced_sex("", title="Two young women with ovarian torsion")
    'female'
    >>> announced_sex("We report two patients, a man and a woman, with X.") is None
    True
    >>> announced_sex("This case report describes a mother–daughter pair diagnosed with X.")
    'female'
    >>> announced_sex("Benign macrocephaly in a mother-son pair.") is None
    True
    >>> announced_sex("We report two cases of Merkel cell carcinoma in older men with atypical presentations.")
    'male'
    """
    first = _announcement(text, title, path)
    if first is None:  # a group named without the authors' verb ("in monozygotic twin brothers")
        group = named_group(text, title, path)
        return _group_sex_of(group) if group is not None else None
    if first.groupdict().get("pair"):  # "a mother–daughter pair", "twin sisters": the person words say the sex
        words = re.split(r"[\s–—-]+", first.group("pair").lower())
        said = {PERSON_SEX.get(word) or PERSON_SEX.get(word.removesuffix("s")) for word in words} - {None}
        return said.pop() if len(said) == 1 else None
    # the first announcement that says a sex ("Spontaneous haemopneumothorax: report of three cases" says
    # none; the abstract's "we reported three male cases" does); ``first`` is the first of them
    return next((said for match in _every_announcement(text, title, path) if (said := _group_sex_of(match))), None)


def _group_sex_of(match: re.Match) -> str | None:
    """The one sex an announcement's group words say, or None."""
    said = {sex for sex, words in GROUP_SEX if words.search(match.group())}
    if not said:  # "We report two cases of MCC in older men": the group named after the disease
        rest = match.string[match.end():match.end() + GROUP_AFTER_REACH].split(". ")[0]
        found = GROUP_AFTER.search(rest)
        said = {sex for sex, words in GROUP_SEX if found and words.search(found.group())}
    return said.pop() if len(said) == 1 else None


# The announced patients' group named after the disease in the announcement's sentence ("two cases of
# Merkel cell carcinoma in older men", "three cases in young women", "a series of three cases in which
# young males presented ..."), a few words on.
GROUP_AFTER = regex_cache.compile(r"\bin\s+(?:which\s+)?(?:(?:older|elderly|young|younger|adult|middle-aged|two|three|four|[A-Z][a-z]+)\s+){0,2}"
                                  r"(?:men|women|males|females|boys|girls|brothers|sisters)\b"
                                  r"(?:\s+(?:and|or)\s+(?:men|women|males|females|boys|girls|brothers|sisters)\b)?|\bof\s+(?i:male)\s+breast\b")
GROUP_AFTER_REACH = 120
