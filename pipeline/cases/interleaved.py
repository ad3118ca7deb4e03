"""Which patient each sentence of a report speaks of, when its later patients are introduced
in the running text ("Her sister, aged 12, was admitted ...", "The older brother ... The younger
brother ..."): the narrative goes back and forth between the patients, and each sentence is given
to the person it names (by an ordinal, a kin or birth-order word, a sex word when the patients
differ in sex), to all of them ("Both children ..."), or to the patient of the sentence before.
Used by :func:`pipeline.cases.patient_parts.split_by_patient`."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from pipeline.cases.mentions import Mention, PatientStart
from pipeline.nlp.sections.patient_announcements import announced_patients
from pipeline.nlp.sections.patient_common import patient_number
from pipeline.resources import read_patterns


def as_the_patients(mentions: list[Mention]) -> list[Mention]:
    """Mentions of a sentence that names the report's patients ("Two patients were diagnosed
    with ...", "Both children were treated with ..."), as theirs: a subject the context
    component left undecided is the patients' (not in advice: "All infants should receive ...")."""
    return [replace(m, subject="patient") if m.subject in UNDECIDED and not m.hypothetical else m for m in mentions]


# Subjects the context component gives a sentence whose person it cannot tell.
UNDECIDED = frozenset({"unknown", "probable"})
# Sections where the patients are described one after the other.
DESCRIBING = frozenset({"case", "abstract", "front", "body", None})



def interleaved_parts(mentions: list[Mention], opening: list[PatientStart],
                 references: tuple[re.Pattern, re.Pattern], patients: str = "sections/patients.toml") -> list[list[Mention]]:
    """Parts of a report whose later patients are introduced in the running text. Before the
    first introduction, the parts are blocks as for headings. From it on, sentence by sentence:
    the sentence that introduces a patient is that patient's; a sentence about all of them
    ("Both children were transferred", "the siblings") is everyone's; one that names a patient
    ("the first patient", "the sister", or a pronoun or sex word when the patients differ in
    sex: "He was kept on ventilation") is that patient's; any other goes on with the patient
    of the sentence before."""
    boundaries = [s.start for s in opening]
    first_intro = next(i for i, s in enumerate(opening) if s.kind == "introduced")
    sexes = [_sex_of(mentions, opening, index) for index in range(len(opening))]
    by_sex = {}
    if None not in sexes and len(set(sexes)) == len(sexes):
        by_sex = {sex: index for index, sex in enumerate(sexes)}
    parts: list[list[Mention]] = [[] for _ in opening]
    current = 0
    for _, sentence in by_sentence(mentions):
        first = min(m.start for m in sentence)
        block = bisect.bisect_right(boundaries, first) - 1
        end = sentence[0].sentence_start + len(sentence[0].sentence)
        introduced = [i for i, s in enumerate(opening) if s.kind == "introduced" and sentence[0].sentence_start <= s.start < end]
        if block < 0 and not introduced:
            continue  # before patient 1: the preamble
        if introduced:
            previous, current = current, introduced[-1]
            head = opening[current].start
            if previous != current and any(m.group == "demographics" and m.label == "AGE" and m.end <= head
                                           and _own_person(m, sentence) for m in sentence):
                # "a 13-month-old boy and his 5-year-old sister", "A female patient aged 25 years and
                # her younger sister aged 23 years": the sentence presents the patient before too (an
                # age with its person word), whose age and sex words stand before the new one's ("At
                # 15 years of age, the elder sister" has none)
                earlier = [m for m in sentence if m.group == "demographics" and m.end <= head
                           and (m.label == "SEX" or _own_person(m, sentence))]
                parts[previous].extend(earlier)
                sentence = [m for m in sentence if m not in earlier]
            if previous != current and _all_then_one(sentence, head, references):
                # "Both patients were started on co-trimoxazole and in the second case, linezolid was
                # added": what the sentence says of them all before the one it opens is every patient's
                for index in range(current):
                    parts[index].extend(_for_patient(as_the_patients([m for m in sentence if m.end <= head]),
                                                     opening[index]))
            parts[current].extend(_told_of(as_introduced(sentence, opening[current])))
            continue
        if block < first_intro:
            current = block
            parts[block].extend(_told_of(_named_as_kin(sentence, opening[first_intro:])))
            if announced_patients(sentence[0].sentence, None, patients) == len(opening):
                # "We present three adolescents with mucinous adenocarcinoma. The first patient ... The
                # second patient ...": the disease the authors announce of them all is each patient's
                for index in range(1, len(opening)):
                    parts[index].extend(as_the_patients(_disease(sentence)))
            continue
        known = max(block, current)  # patients introduced so far
        who = _named(sentence, by_sex, known, references)
        if who is None:
            who = _named_by_birth_order(sentence[0].sentence, opening, known)
        if who is None:
            who = _named_by_kin(sentence[0].sentence, opening, known)
        if who == "all":  # "Both children were treated with ceftriaxone": the patients' own
            for index in range(known + 1):
                parts[index].extend(_for_patient(as_the_patients(sentence), opening[index]))
            continue
        split = _split_by_persons(sentence, by_sex, known, opening)
        if split:  # "The boy was treated with penicillamine and the girl with zinc": each its own
            for index, own in split:
                parts[index].extend(_for_patient(as_the_patients(own), opening[index]))
            current = split[-1][0]
            continue
        if who is not None:
            current = who
            sentence = as_the_patients(sentence)  # the sentence names the patient it tells of
        parts[current].extend(_for_patient(_told_of(sentence), opening[current]))
    return parts


# A clause joined after one about all the patients that opens on one of them ("... and in the second case, ...").
JOINED_ONE = re.compile(r"\b(?:and|but|while|whereas),?\s+(?:in|for)\s+$", re.IGNORECASE)


def _all_then_one(sentence: list[Mention], head: int, references: tuple[re.Pattern, re.Pattern]) -> bool:
    """Whether a sentence speaks of all the patients before the patient it introduces at ``head``,
    in a clause of its own joined before that patient's ("Both patients were started on X and in
    the second case, Y was added")."""
    before = sentence[0].sentence[: max(0, head - sentence[0].sentence_start)]
    return bool(references[0].search(before)) and JOINED_ONE.search(before) is not None


def _own_person(age: Mention, sentence: list[Mention]) -> bool:
    """An age told with its person word: before it ("a 13-month-old boy") or, "aged", after one
    ("a female patient aged 25 years"); not a relative's."""
    if age.value.relative:
        return False
    if age.value.noun:
        return True
    return age.value.form == "aged" and any(
        m.group == "demographics" and m.label == "SEX" and not m.value.pronoun and not m.value.relative
        and m.end <= age.start and age.start - m.end < 30 for m in sentence)


# The kin words of the patient a relative is introduced after ("his son": the father or the
# mother; "her sister": a sibling), by the kin word of the introduction.
PARENTS = frozenset({"mother", "father", "parent"})
SIBLINGS = frozenset({"sister", "brother", "sibling"})
SPOUSES = frozenset({"wife", "husband", "spouse"})
CONVERSE_KIN = {"son": PARENTS, "daughter": PARENTS, "child": PARENTS, "infant": PARENTS, "baby": PARENTS,
                "sister": SIBLINGS, "brother": SIBLINGS, "sibling": SIBLINGS, "twin": frozenset({"twin"}),
                "cousin": frozenset({"cousin"}), "husband": SPOUSES, "wife": SPOUSES, "spouse": SPOUSES}
# A pronoun that makes a kin word another person's relative ("his father").
OWNER = re.compile(r"\b(?:his|her|their|its)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _named_as_kin(sentence: list[Mention], introduced: list[PatientStart]) -> list[Mention]:
    """A sentence of the first patient of a report whose later patients are introduced as its
    relatives, that names it by the kin word those relatives make it ("A father and son ...
    The father, aged 63, ... his son, then aged 44"): the word and the age are the patient's
    own, not a relative's. A kin word with an owner ("his father") stays a relative's."""
    kins = {word for start in introduced if start.kind == "introduced"
            for word in CONVERSE_KIN.get(((start.heading or "").lower().split() or [""])[-1], ())}
    words = sorted((m for m in sentence if m.group == "demographics" and m.label == "SEX" and not m.value.plural
                    and not m.value.pronoun), key=lambda m: m.start)
    if not words or words[0].text.lower() not in kins or OWNER.search(words[0].sentence[:words[0].start - words[0].sentence_start]):
        return sentence
    head = words[0]
    own = [replace(head, value=replace(head.value, evidence="word"), subject="patient")]
    return own + _for_patient([m for m in sentence if m is not head], PatientStart(1, head.start, "introduced", head.end))


def _disease(sentence: list[Mention]) -> list[Mention]:
    """The type and the primary site a sentence names, not denied: the disease of the patients it announces."""
    return [m for m in sentence if not m.negated and (m.group == "histology" or (
        m.group == "sites" and getattr(m.value, "role", None) == "primary"))]


def _told_of(sentence: list[Mention]) -> list[Mention]:
    """A sentence of the narrative that goes back and forth between the patients, where it
    tells their course (not the discussion): the patient it was given to is its subject, though
    the context component left it undecided ("A 4-month-old girl was admitted ... and treated
    with etoposide")."""
    if sentence[0].section not in DESCRIBING:
        return sentence
    return as_the_patients(sentence)


def _split_by_persons(sentence: list[Mention], by_sex: dict[str, int], known: int,
                      opening: list[PatientStart]) -> list[tuple[int, list[Mention]]]:
    """A sentence that names two patients of different sex by their person words ("The boy was
    treated with penicillamine and the girl with zinc", "the brother received X, while his sister
    received Y"), split at each person word: a mention goes with the person named last before it
    (the first one for those before any). Empty when it names fewer than two patients that way. A
    parent's word names no patient unless a patient was introduced by it ("The boy's mother gave
    him X" is the boy's sentence)."""
    heads = {(start.heading or "").lower().split()[-1:][0] for start in opening if start.heading}
    words = sorted((m for m in sentence if m.group == "demographics" and m.label == "SEX" and not m.value.plural
                    and not m.value.pronoun and m.value.sex in by_sex and by_sex[m.value.sex] <= known
                    and (m.text.lower() not in PARENT_WORDS or m.text.lower() in heads)),
                   key=lambda m: m.start)
    if len({by_sex[w.value.sex] for w in words}) < 2:
        return []
    owners: dict[int, list[Mention]] = {}
    order: list[int] = []
    for mention in sorted(sentence, key=lambda m: m.start):
        before = [w for w in words if w.start <= mention.start]
        index = by_sex[(before[-1] if before else words[0]).value.sex]
        if index not in owners:
            owners[index] = []
            order.append(index)
        owners[index].append(mention)
    return [(index, owners[index]) for index in order]


# Words of a patient's parent or spouse (see _split_by_persons).
PARENT_WORDS = frozenset({"mother", "father", "parent", "grandmother", "grandfather", "wife", "husband", "aunt", "uncle"})


def by_sentence(mentions: list[Mention]) -> list[tuple[int, list[Mention]]]:
    grouped: dict[int, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.sentence_start, []).append(mention)
    return sorted(grouped.items())


def _sex_of(mentions: list[Mention], opening: list[PatientStart], index: int) -> str | None:
    """The sex of patient ``index``: the person word that introduces it ("sister"), else the
    first sex word of its part (a pronoun only when no word says it)."""
    start = opening[index]
    stop = opening[index + 1].start if index + 1 < len(opening) else None
    words = [m for m in mentions if m.group == "demographics" and m.label == "SEX" and not m.value.plural
             and m.start >= start.start and (stop is None or m.start < stop)]
    if start.kind == "introduced":
        head = [m for m in words if m.end <= start.end]
        if head:
            return head[-1].value.sex
    said = [m for m in words if m.value.evidence in ("word", "title")] or [m for m in words if m.value.pronoun]
    return said[0].value.sex if said else None


@lru_cache(maxsize=None)
def reference_patterns(path: str) -> tuple[re.Pattern, re.Pattern]:
    """(all the patients at once, one patient named) of ``models/sections/patients.toml``."""
    data = read_patterns(path)
    return re.compile(data["all_patients"]), re.compile(data["named_patient"])


def named_index(name: re.Match) -> int:
    """The index of the patient a match of ``named_patient`` names by its ordinal or number
    ("the second case" -> 1, "patient 3" -> 2); not for its "proband" group."""
    return patient_number(name.group("ordinal") or name.group("number")) - 1


def _named(sentence: list[Mention], by_sex: dict[str, int], known: int,
           references: tuple[re.Pattern, re.Pattern]) -> int | str | None:
    """Which patient a sentence names: an index, "all", or None when it names none."""
    text = sentence[0].sentence
    everyone, named = references
    if everyone.search(text):
        return "all"
    name = named.search(text)
    if name:
        if name.group("proband"):
            return 0
        index = named_index(name)
        if 0 <= index <= known:
            return index
    # a person word before a pronoun: "His 10-year-old sister also had ..." names the sister
    words = sorted((m for m in sentence if m.group == "demographics" and m.label == "SEX" and not m.value.plural),
                   key=lambda m: (m.value.pronoun, m.start))
    for word in words:
        if word.value.sex in by_sex and by_sex[word.value.sex] <= known:
            return by_sex[word.value.sex]
    return None


# Words that tell siblings apart by birth order ("the younger brother", "the elder sister").
BIRTH_ORDER = re.compile(r"\b(?:the\s+)?(?P<order>younger|elder|older|eldest|youngest)\s+(?P<kin>sister|brother|sibling|twin|son|daughter|girl|boy)\b",
                         re.IGNORECASE)


def _named_by_birth_order(text: str, opening: list[PatientStart], known: int) -> int | None:
    """The patient a sentence names by the birth order it was introduced with ("The stenosis in
    the younger brother did not respond": the patient introduced as "the younger brother"),
    else None; None too when it names several."""
    said = {(m.group("order").lower(), m.group("kin").lower()) for m in BIRTH_ORDER.finditer(text)}
    found = set()
    for index, start in enumerate(opening[:known + 1]):
        head = BIRTH_ORDER.search(start.heading or "")
        if head and (head.group("order").lower(), head.group("kin").lower()) in said:
            found.add(index)
    return found.pop() if len(found) == 1 else None


# A sentence whose subject is a relative ("His 10-year-old sister also had ...", "The sister
# was treated with ..."): the kin word in its first few words.
KIN_SUBJECT = re.compile(r"^\W*(?:(?:his|her|their|the)\s+)?(?:[\w-]+\s+){0,3}?(?P<kin>sister|brother|sibling|twin|son|daughter|cousin)\b",
                         re.IGNORECASE)


def _named_by_kin(text: str, opening: list[PatientStart], known: int) -> int | None:
    """The patient introduced by the kin word that is the sentence's subject ("His 10-year-old
    sister also manifested ...": the patient introduced as "his younger sister"), else None;
    None too when several patients were introduced by that word."""
    subject = KIN_SUBJECT.match(text)
    if subject is None:
        return None
    kin = subject.group("kin").lower()
    found = [index for index, start in enumerate(opening[:known + 1])
             if start.kind == "introduced" and (start.heading or "").lower().split()[-1:] == [kin]]
    return found[0] if len(found) == 1 else None


def as_introduced(sentence: list[Mention], start: PatientStart) -> list[Mention]:
    """The mentions of the sentence that introduces a patient, as that patient's: the person
    word that introduces it ("sister") and its age are its own, not a relative's; the sex words
    before that word ("the boy's", "her") speak of another patient."""
    head = [m for m in sentence if m.group == "demographics" and m.label == "SEX" and start.start <= m.start and m.end <= start.end]
    head_start = head[-1].start if head else None
    out = []
    for mention in sentence:
        if mention.group == "demographics" and mention.label == "SEX":
            if mention.start == head_start:
                mention = replace(mention, value=replace(mention.value, evidence="word"))
            elif mention.start < start.end:
                continue
        out.append(mention)
    return _for_patient(out, start)


def _for_patient(sentence: list[Mention], start: PatientStart) -> list[Mention]:
    """A patient introduced as a relative ("her sister") is a patient: its sentences speak of
    the reported patient, not of family history, and its age is the patient's age."""
    if start.kind != "introduced":
        return sentence
    out = []
    for mention in sentence:
        if mention.subject == "family":
            mention = replace(mention, subject="patient")
        if mention.group == "demographics" and mention.label == "AGE" and mention.value.relative:
            mention = replace(mention, value=replace(mention.value, relative=False))
        out.append(mention)
    return out
