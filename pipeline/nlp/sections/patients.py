"""Starts of the patients' parts of a multi-patient report written as running text.

``caselit_sections`` finds "Case 2" headings on lines of their own. Pages flattened to one line
and abstracts run them into the text ("... was discharged. Case #2 – Post-infectious IBS A 37 year
old female was referred ...", "In case two, a 56-year-old woman presented ..."). A candidate
from ``models/sections/patients.toml`` counts only when an age follows it closely: a case number
cited later in the discussion ("as with case #3") is not followed by a patient's description.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline import regex_cache
from pipeline.nlp.sections.group_count import group_count, named_group
from pipeline.nlp.sections.headings import after_discussion_heading
from pipeline.resources import read_patterns

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12,
                "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6,
                "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}


def patient_number(word: str) -> int:
    """``"2"`` → 2, ``"two"``/``"second"``/``"II"`` → 2, a letter (``"B"``, "Twin B") → 2; 0 when unknown."""
    if len(word) == 1 and "A" <= word <= "F":
        return ord(word) - ord("A") + 1
    word = "".join(word.lower().split())  # "1 st" (a numeric ordinal split by its typesetting) is "1st"
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 0)


@dataclass(frozen=True)
class InlineStart:
    start: int
    end: int
    number: int  # 0: the next patient (introduced without a number)
    heading: str
    kind: str = "inline"  # "inline" ("Case 2" run into the text) or "introduced" ("Her sister, aged 12")


@lru_cache(maxsize=None)
def _patterns(path: str) -> tuple[tuple[tuple[re.Pattern, int, bool], ...], re.Pattern, re.Pattern]:
    data = read_patterns(path)
    starts = tuple((re.compile(entry["pattern"], re.MULTILINE), int(entry["reach"]), bool(entry.get("described", False)))
                   for entry in data["starts"])
    return starts, re.compile(data["age"]), re.compile(data.get("subject_after", "(?!)"))


def inline_patient_starts(text: str, path: str = "sections/patients.toml") -> list[InlineStart]:
    """Every place where the text opens the part about patient N, in text order.

    >>> starts = inline_patient_starts("Two cases. Case 1 A 9 year-old girl was seen. "
    ...     "Case 2 A 32 year-old woman was seen. As in case 2, CK was high.")
    >>> [(s.number, s.heading) for s in starts]
    [(1, 'Case 1'), (2, 'Case 2')]
    """
    candidates, age, subject = _patterns(path)
    found, last = [], []
    for pattern, reach, self_described in candidates:
        for match in pattern.finditer(text):
            number = patient_number(match.group("number"))
            # a patient is described after the label: an age, or the label made the subject
            # of a patient ("Case 2 is a girl born at term"), or of the patient's care (a
            # pattern marked ``described``: "The second case received surgery")
            described = self_described or age.search(text, match.end(), match.end() + reach) or subject.match(text, match.end())
            if not described:
                continue
            start = InlineStart(_person_before_label(text, match.start(), age), match.end(), number, match.group().strip())
            if number:
                found.append(start)
            elif match.group("number").lower() in LAST_WORDS:
                last.append(start)
    found += _numbered_last(last, found)
    found += labelled_series(text, found, path)
    # two patterns may find the same heading: one start per place
    unique = {}
    for start in sorted(found, key=lambda s: (s.start, -s.end)):
        unique.setdefault(start.start, start)
    return list(unique.values())


def _person_before_label(text: str, label: int, age: re.Pattern) -> int:
    """Where a patient's part opens when its label follows the patient in brackets: at the person
    the label names ("NPC was found in a 57-year-old female (Case 1) ... and in her 36-year-old son
    (Case 2)": the first part opens on "a 57-year-old female", whose age is that patient's); else at
    the label (``label``).

    >>> text = "NPC was found in a 57-year-old female (Case 1) and in her 36-year-old son (Case 2)."
    >>> text[_person_before_label(text, text.index("Case 1"), _patterns("sections/patients.toml")[1]):][:21]
    'a 57-year-old female '
    """
    opening = BRACKET_BEFORE.search(text, max(0, label - LABEL_PERSON_REACH), label)
    if opening is None:
        return label
    person = None
    for person in age.finditer(text, max(0, opening.start() - LABEL_PERSON_REACH), opening.start()):
        pass
    if person is None or text[person.end():opening.start()].strip(" ,-") and not PERSON_TAIL.fullmatch(text[person.end():opening.start()]):
        return label
    article = ARTICLE_BEFORE.search(text, max(0, person.start() - 8), person.start())
    return article.start() if article else person.start()


# A label in brackets right after the person it names: "... female (Case 1)", "... son (patient 2)".
BRACKET_BEFORE = regex_cache.compile(r"\(\s*$")
# Words that may stand between the age and the bracket: the person word the age pattern left out.
PERSON_TAIL = regex_cache.compile(r"(?i)\s*(?:[\w-]+\s*){0,2}")
ARTICLE_BEFORE = regex_cache.compile(r"(?i)\b(?:an?|her|his|their|the)\s+$")
# How far before its label the person may be told.
LABEL_PERSON_REACH = 40


# "The last case was ...", "the final patient, a ...", "The other case is ..." (of two): the patient
# after those numbered before it.
LAST_WORDS = frozenset({"last", "final", "other"})


def _numbered_last(last: list[InlineStart], found: list[InlineStart]) -> list[InlineStart]:
    """The "last" patients given the number after the highest one numbered before them; one
    with no numbered patient before it (a last case of the literature, a series told without
    numbers) opens none.

    >>> first = InlineStart(0, 15, 1, "The first case")
    >>> [s.number for s in _numbered_last([InlineStart(90, 103, 0, "The last case")], [first])]
    [2]
    >>> _numbered_last([InlineStart(90, 103, 0, "The last case")], [])
    []
    """
    out = []
    for start in last:
        before = [s.number for s in found if s.start < start.start]
        if before:
            out.append(replace(start, number=max(before) + 1))
    return out


def labelled_series(text: str, found: list[InlineStart], path: str = "sections/patients.toml") -> list[InlineStart]:
    """The labels of a series of patients each made the subject of its own sentence ("Patient 1
    is a 12-year-old male ... Patient 2 is a 4-month-old female", "Patient A displayed ...
    Patient B presented with ..."), which ``found`` (the starts described by an age) lacks.

    A label with no age after it opens a patient's part only as a member of a series: the
    first label of each number, together with ``found``, runs 1, 2, ... (or A, B, ...) in text
    order without a gap, and has two members or more. A case cited alone in a discussion ("Case
    3 had a similar course") is no series.

    >>> [(s.number, s.heading) for s in labelled_series("Methods Patient 1 is a boy. Patient 2 is a girl.", [])]
    [(1, 'Patient 1'), (2, 'Patient 2')]
    >>> labelled_series("The findings differed from those of our earlier series, where Patient 2 had fever.", [])
    []
    """
    pattern = _series_label(path)
    matches = list(pattern.finditer(text))
    initials = _initials_in_order(matches)
    labels = [InlineStart(m.start(), m.end(), initials[m.group("initial")], m.group().strip().rstrip("."))
              if m.groupdict().get("initial") else
              InlineStart(m.start(), m.end(), patient_number(m.group("number")), m.group().strip())
              for m in matches]
    taken = {s.start for s in found}
    for family in sorted({_label_family(s) for s in labels}):
        first: dict[int, InlineStart] = {}
        for start in sorted((s for s in found + labels if _label_family(s) == family), key=lambda s: s.start):
            first.setdefault(start.number, start)
        series = []
        while len(series) + 1 in first:
            series.append(first[len(series) + 1])
        if len(series) > 1 and all(a.start < b.start for a, b in zip(series, series[1:])):
            return [s for s in series if s.start not in taken]
    return []


def _initials_in_order(matches: list[re.Match]) -> dict[str, int]:
    """Patients named by an initial ("Patient M.", "Patient A."), numbered in the order their
    initials first appear: an initial is a name, not a place in the alphabet."""
    order: dict[str, int] = {}
    for match in matches:
        initial = match.groupdict().get("initial")
        if initial:
            order.setdefault(initial, len(order) + 1)
    return order


def _label_family(start: InlineStart) -> tuple[str, bool]:
    """How a label names its patient: the word ("case", "patient") and whether by a letter. A
    series is labelled one way throughout ("Patient A ... Patient B"); "Case 1 ... Patient 2"
    is none."""
    words = start.heading.lower().split()
    word = next((w for w in words if w in ("case", "patient")), "")
    return word, words[-1].isalpha() and len(words[-1]) == 1


@lru_cache(maxsize=None)
def _series_label(path: str) -> re.Pattern:
    return re.compile(read_patterns(path).get("series_label", "(?!)"))


@lru_cache(maxsize=None)
def _introductions(path: str) -> dict[str, re.Pattern]:
    data = read_patterns(path)
    names = ("introduced_ordinal", "introduced_another", "introduced_kin", "presenting", "kin_history", "several",
             "literature", "familial", "kin_affected")
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
    _, opening = _announcements(path)
    announced = announced_patients(text, title if title is not None else _first_line(text), path)
    familial = any(patterns["familial"].search(piece) for piece in (title or "", text[:opening]))
    several = (any(patterns["several"].search(piece) for piece in (title or "", text[:opening])) or announced > 1
               or group_count(text, title, path) > 1 or familial)  # a group named without the authors' verb
    found = []
    for name in ("introduced_ordinal", "introduced_another", "introduced_kin"):
        for match in patterns[name].finditer(text):
            sentence_end = _sentence_end(text, match.end())
            following = text[match.end():min(sentence_end, match.end() + reach)]
            sentence = text[_sentence_start(text, match.start()):sentence_end]
            if patterns["literature"].search(sentence):
                continue
            if several and len(patterns["listed_person_age"].findall(sentence)) > 1:
                continue  # "the third sister, aged 57, and the eldest brother, aged 65": a list (cases/series.py)
            if several and len(patterns["listed_aged_person"].findall(sentence)) > 2:
                continue  # "a 57-year-old man, his 60-year-old sister, and 81-year-old mother": a list too
            aged = patterns["age"].search(match.group()) or patterns["age"].search(following)
            presented = patterns["presenting"].search(following)
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
                if not presented and not affected and not joined and not ordered and not about and not _described_relative(
                        match, following, own_age, text[_sentence_start(text, match.start()):match.start()], patterns):
                    continue
            elif not aged and not (presented and several and "twin" in match.group().lower()
                                   and not patterns["kin_history"].search(following)) and not (
                    name == "introduced_ordinal" and 2 <= patient_number(match.group("number")) <= announced):
                # "The other twin developed NEC" of a report on twins; not "... developed normally";
                # "Our second patient, a young never-smoker, ..." of a report that announces two
                continue
            number = patient_number(match.group("number")) if "number" in match.groupdict() else 0
            found.append(InlineStart(match.start(), match.end(), number, match.group().strip(), "introduced"))
    if patterns["introduced_presented"] is not None:
        found += _presented_again(text, patterns, several)
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
# A sibling named by its birth order ("the older sibling", "The younger sister").
BIRTH_ORDER_NAMED = regex_cache.compile(r"(?i)the\s+(?:younger|elder|older|eldest|youngest)\b")
# A sentence opening on the relative it tells of: "In his sister, ...", "In her brother, ...".
IN_RELATIVE = regex_cache.compile(r"(?:^|[.!?]\s)In\s+$")
# A pronoun that makes the age after it another person's.
OTHER_PERSON = regex_cache.compile(r"(?i)\b(?:he|she|his|her|they|their)\b")


def _presented_again(text: str, patterns: dict, several: bool = True) -> list[InlineStart]:
    """Sentences after the first that present a person of another age or sex ("A 55-year-old
    man presented ... A 75-year-old woman presented ..."), in a report about several patients;
    in a report that does not say so, only a presentation that opens a paragraph under a heading
    of its own ("Severe Hemolytic Anemia\nA 2.5-year-old boy ... presented to the ER"), as the
    first one does, since a report's patients told under headings of their diagnoses need no count.

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
        following = text[match.end():min(_sentence_end(text, match.end()), match.end() + patterns["reach"])]
        if not patterns["presenting"].search(following) and not (several and HAD_FINDING.match(following)):
            continue
        sentence = text[_sentence_start(text, match.start()):_sentence_end(text, match.end())]
        if patterns["literature"].search(sentence):
            continue
        if not several and not UNDER_HEADING.search(text, max(0, match.start() - HEADING_REACH), match.start()):
            continue
        who = (" ".join(re.findall(r"\d+(?:\.\d)?|[a-z]+", match.group("age").lower())[:2]), match.group("person").lower())
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


SENTENCE_END = regex_cache.compile(r"[.!?](?=\s+[A-Z(\[]|\s*$)|\n")


def _sentence_end(text: str, position: int) -> int:
    found = SENTENCE_END.search(text, position)
    return found.end() if found else len(text)


def _sentence_start(text: str, position: int) -> int:
    start = max(0, position - 600)
    for found in SENTENCE_END.finditer(text, start, position):
        start = found.end()
    return start


def with_persons(pattern: str, data: dict) -> str:
    """``pattern`` with the patterns file's shared pieces put in: ``{counted_subject}`` (a
    sentence whose subject is a counted group of patients), ``{persons}`` (the plural words
    for the patients), ``{authors}`` (the authors as the subject of their report) and
    ``{cancer_nouns}``/``{cancer_codes}`` (the cancers a familial report names), so that every
    pattern reads a group of patients, the authors reporting it and their cancers with one vocabulary."""
    return (pattern.replace("{counted_subject}", data.get("counted_subject", "(?!)"))
            .replace("{persons}", data.get("persons_plural", "(?:patients|cases)"))
            .replace("{authors}", data.get("authors_subject", "(?:we)"))
            .replace("{cancer_nouns}", data.get("cancer_nouns", "(?!)"))
            .replace("{cancer_codes}", data.get("cancer_codes", "(?!)")))


@lru_cache(maxsize=None)
def _announcements(path: str) -> tuple[tuple[re.Pattern, ...], int]:
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
    """
    match = _announcement(text, title, path)
    if match is None:
        return 1
    if match.groupdict().get("pair"):
        return 2
    if match.groupdict().get("agelist"):  # "25-year-old and 22-year-old women": one patient per age
        return min(6, len(re.findall(r"\d{1,3}", match.group("agelist"))))
    # "a mother to her two daughters": the parent besides the children counted
    return patient_number(match.group("count")) + (1 if match.groupdict().get("parent") else 0)


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
    return found if found is not None else _newborns_announced(text[:_announcements(path)[1]], title, path)


def _every_announcement(text: str, title: str | None, path: str):
    """The announcements of several patients in the title, then in the opening of the text, in
    order (see :func:`_announcement`)."""
    patterns, reach = _announcements(path)
    citation = _citation(path)
    age = _patterns(path)[1]
    for in_text, piece in ((False, title or _untitled_opening(text)), (True, text[:reach])):
        for pattern in patterns if in_text else patterns + _title_announcements(path):
            for match in pattern.finditer(piece):
                sentence = piece[_sentence_start(piece, match.start()):_sentence_end(piece, match.end()) + 40]
                if (in_text or not title) and citation.search(sentence):
                    continue
                if not in_text and not title and age.search(piece, 0, match.start()):
                    continue  # a flattened page's opening that presents a patient first is no title
                # a counted group after a patient was already presented with an age ("A 45-year-old
                # man presented ... Five patients received cyclophosphamide") or under a heading of
                # the discussion or the literature is the literature's, not the report's own patients
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
                                          r"|\bmale\s+(?:cases|patients|children|infants|adults|subjects)\b", re.IGNORECASE)))


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
# Merkel cell carcinoma in older men", "three cases in young women"), a few words on.
GROUP_AFTER = regex_cache.compile(r"\bin\s+(?:(?:older|elderly|young|younger|adult|middle-aged|two|three|four|[A-Z][a-z]+)\s+){0,2}"
                                  r"(?:men|women|males|females|boys|girls|brothers|sisters)\b")
GROUP_AFTER_REACH = 120


# The sex a person or kinship word gives ("a mother–daughter pair", "a boy and his mother").
PERSON_SEX = {"boy": "male", "man": "male", "male": "male", "son": "male", "brother": "male", "father": "male",
              "husband": "male",
              "girl": "female", "woman": "female", "female": "female", "daughter": "female", "sister": "female",
              "mother": "female", "wife": "female"}
