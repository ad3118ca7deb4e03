"""Whose a sentence is: the patient's, another person's, a relative's, the literature's or
nobody's in particular (``_.subject`` of every finding), from the cues around it (``models/
context/cues.tsv``) and the patterns of ``models/patterns/context.toml``."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from pipeline import regex_cache

MAX_REFERENCE_LINE = 500  # characters
# The number of a patient's label after a person word ("Sibling 1:", "Brother II -").
PATIENT_LABEL = regex_cache.compile(r"[1-6]|I{1,3}|IV")
# How far the clause of another person as subject reaches ("The donor, a 30-year-old man who
# had been in the intensive care unit for a week, had received meropenem"), and how many
# modifier words may stand before that person word ("the patient's younger brother").
PERSON_WINDOW = 40
MAX_PERSON_MODIFIERS = 6


def _patient_subject_at(sentence: Span, index: int) -> bool:
    """Whether the patient stands as a subject at token ``index`` of ``sentence``: "she", "he", "the
    patient", "our patient", "this patient"."""
    word = sentence.doc[index].lower_
    return word in ("she", "he") or (word in ("the", "our", "this") and index + 1 < sentence.end
                                     and sentence.doc[index + 1].lower_ == "patient")


class SentenceSubjects:
    """Reads the subject of a sentence, or of a part of one, for ``ContextQualifier``: cues are
    (start token, end token, category, direction) tuples of the sentence."""

    def __init__(self, spec: dict):
        self.age_anchor = regex_cache.compile(spec["age_anchor"], re.IGNORECASE)
        self.anaphoric_patient_cues = frozenset(spec.get("anaphoric_patient_cues", ()))
        self.chain_pronouns = frozenset(spec["chain_pronouns"])
        self.chain_openers = tuple(spec.get("chain_openers", ()))
        self.citation = regex_cache.compile(spec["citation"])
        self.given_after_treatment = regex_cache.compile(spec["given_after_treatment"], re.IGNORECASE)
        self.given_in_past = regex_cache.compile(spec["given_in_past"], re.IGNORECASE)
        self.glued_citation = regex_cache.compile(spec["glued_citation"]) if spec.get("glued_citation") else None
        self.group = regex_cache.compile(spec["group"]) if spec.get("group") else None
        self.group_end = regex_cache.compile(spec["group_end"]) if spec.get("group_end") else None
        self.group_partitive = regex_cache.compile(spec["group_partitive"]) if spec.get("group_partitive") else None
        self.leading_clause_openers = frozenset(spec.get("leading_clause_openers", ()))
        self.trailing_comment_openers = frozenset(spec.get("trailing_comment_openers", ()))
        self.literature_word = regex_cache.compile(spec["literature_word"], re.IGNORECASE)
        self.own_group = regex_cache.compile(spec["own_group"]) if spec.get("own_group") else None
        self.counted_persons = regex_cache.compile(spec["counted_persons"]) if spec.get("counted_persons") else None
        self.patient_nominative = regex_cache.compile(spec["patient_nominative"], re.IGNORECASE)
        self.person_clause_openers = regex_cache.compile(spec["person_clause_openers"], re.IGNORECASE)
        self.person_compounds = regex_cache.compile(spec["person_compounds"], re.IGNORECASE)
        self.person_modifiers = regex_cache.compile(spec["person_modifiers"], re.IGNORECASE)
        self.reference_entry = regex_cache.compile(spec["reference_entry"])
        self.reference_not = regex_cache.compile(spec.get("reference_not", "(?!)"))
        self.relative_pronouns = frozenset(spec["relative_pronouns"])
        self.relatives_presented_before = regex_cache.compile(spec.get("relatives_presented_before", "(?!)"),
                                                              re.IGNORECASE)

    def subject(self, sentence: Span, cues: list, text: str, section: str | None, narrative=None) -> str:
        """The subject of a sentence from its cues; ``narrative`` (called only when needed) tells
        whether the sentence goes on from one of the patient's in its paragraph."""
        leading = self._leading_clause_end(sentence, text, section)
        if leading is not None:
            # "Because most patients respond to steroids, she was given prednisolone": the
            # others are the leading clause's, the sentence is the patient's
            cues = [c for c in cues if not (c[2] in ("other", "generic") and c[3] == "sentence" and c[1] <= leading)]
        trailing = self._trailing_comment_start(sentence)
        if trailing is not None:
            # "The patient was managed with aspirin, ..., highlighting that stable patients ...": the others
            # are the comment's, the sentence the patient's
            cues = [c for c in cues if not (c[2] in ("other", "generic") and c[3] == "sentence" and c[0] >= trailing)]
        plural = [c for c in cues if c[2:] == ("patient", "plural")]
        # "both of these patients": the reported patients, not the "these patients" of the
        # literature; "laboratory studies revealed": the patient's tests, not "studies"
        patient = [c for c in cues if c[2] == "patient"]
        cues = [c for c in cues if not (c[2] == "other" and any(p[0] <= c[0] and c[1] <= p[1] for p in patient))]
        categories = {(c[2], c[3]) for c in cues}
        sentence_text = text[sentence.start_char:sentence.end_char]  # Span.text walks every token
        if leading is not None:
            # a citation or a publishing verb of the leading clause is that clause's
            sentence_text = text[sentence.doc[leading].idx + 1:sentence.end_char]
        if trailing is not None:
            sentence_text = sentence_text[:sentence.doc[trailing].idx - sentence.start_char]
        strong = ("patient", "strong") in categories
        weak = ("patient", "weak") in categories or bool(self.age_anchor.search(sentence_text))
        family = ("family", "forward") in categories and not strong
        line = self._line(text, sentence)
        # a reference entry is one line; a page flattened to one long line is not
        if len(line) <= MAX_REFERENCE_LINE and self.reference_entry.search(line) and not self.reference_not.search(line):
            return "other"
        if ("other", "sentence") in categories or self.citation.search(sentence_text):
            # "Our patient received cisplatin [4]"
            if strong:
                return "patient"
            if not self._cited_in_case(categories, section, weak, sentence_text, narrative):
                return "other"
            # in the case description, "He commenced gemcitabine and cisplatin [4]", "Bosentan was
            # initiated [4]": a marker alone supports a statement (a regimen, a method, a known
            # fact); the sentence is read as it would be without it
        if ("generic", "sentence") in categories and not (strong or weak or plural):
            return "generic"  # not "The prognosis for the two children was favorable": the report's patients
        if strong or plural:
            return "patient"
        if family and not weak:
            return "family"
        return "probable" if weak else "unknown"

    def _leading_clause_end(self, sentence: Span, text: str, section: str | None) -> int | None:
        """The token index of the comma that ends a leading clause (``leading_clause_openers``)
        when the patient ("she", "he", "the patient", "our patient") is the subject right after it,
        or, in the case description, a treatment given in the past ("As recommended for patients
        with NMS, dantrolene was given")."""
        if not self.leading_clause_openers or not len(sentence) or sentence[0].lower_ not in self.leading_clause_openers:
            return None
        comma = next((t.i for t in sentence if t.text == ","), None)
        if comma is None or comma + 1 >= sentence.end:
            return None
        if _patient_subject_at(sentence, comma + 1):
            return comma
        if section in ("case", "body") and self.given_after_treatment.match(text, sentence.doc[comma].idx + 1, sentence.end_char):
            return comma
        return None

    def _trailing_comment_start(self, sentence: Span) -> int | None:
        """The token index of the comma that opens a comment after the patient's clause
        (``trailing_comment_openers``: ", highlighting that ...") in a sentence that opens with the
        patient as its subject, or None."""
        if not self.trailing_comment_openers or len(sentence) < 3 or not _patient_subject_at(sentence, sentence.start):
            return None
        return next((t.i for t in sentence[2:-1] if t.text == "," and t.nbor().lower_ in self.trailing_comment_openers),
                    None)

    def points_back(self, doc: Doc, cues: list, subject: str) -> bool:
        """True when the sentence names its person only in words that point back to the person
        last spoken of: a pronoun or "the patient" (a probable subject), or "this patient"
        (``anaphoric_patient_cues``) as its only strong cue; not "our patient", "both patients"."""
        if subject == "probable":
            return True
        strong = [doc[start:end].text.lower() for start, end, category, direction in cues
                  if category == "patient" and direction in ("strong", "plural")]
        return bool(strong) and all(cue in self.anaphoric_patient_cues for cue in strong)

    def _cited_in_case(self, categories: set, section: str | None, weak: bool, sentence_text: str,
                       narrative=None) -> bool:
        """True when a sentence with a citation marker is still the patient's: it stands in the
        case description (or, on a page without headings or in an abstract, has a patient cue,
        tells a treatment given in the past or goes on from a sentence of the patient's in its
        paragraph), has no
        cue of the literature and speaks of no published patients or reports."""
        if ("other", "sentence") in categories or self.literature_word.search(sentence_text):
            return False
        if section in ("case", "body"):
            return True
        # on a page without headings or in an abstract (where markers are rare), "Hypotension
        # developed and norepinephrine was infused [3]", "She was febrile. Blood cultures grew
        # E. coli (4).": the narrative's, as a pronoun or an age would make it
        return section in ("front", "abstract") and (weak or bool(self.given_in_past.search(sentence_text))
                                       or narrative is not None and narrative())

    def _line(self, text: str, sentence: Span) -> str:
        start = text.rfind("\n", 0, sentence.start_char) + 1
        end = text.find("\n", sentence.end_char - 1)
        return text[start:end if end >= 0 else len(text)]

    @staticmethod
    def same_paragraph(doc: Doc, text: str, starts: list[int], index: int) -> bool:
        """True when sentence ``index`` follows the sentence before it in the same paragraph."""
        return index > 0 and "\n\n" not in text[doc[starts[index - 1]].idx:doc[starts[index]].idx]

    def continues(self, doc: Doc, text: str, starts: list[int], index: int) -> bool:
        """True when sentence ``index`` opens on a personal pronoun, or on "the patient" (``chain_openers``),
        and follows the sentence before it in the same paragraph, within the reach of a pronoun chain."""
        if index == 0:
            return False
        first = doc[starts[index]]
        if first.text[:1].islower():
            return False
        opening = " ".join(token.lower_ for token in doc[starts[index]:starts[index] + 2])
        if first.lower_ not in self.chain_pronouns and opening not in self.chain_openers:
            return False
        previous = doc[starts[index - 1]]
        return "\n" not in text[previous.idx:first.idx]

    def glued_part(self, doc: Doc, text: str, sentence_start: int, sentence_end: int,
                    token: int) -> tuple[int, int] | None:
        """The token range of the part of a sentence that ``token`` stands in, when reference
        markers glued to full stops (``glued_citation`` of context.toml: "findings.[1] He
        received") join several sentences into it; None when the sentence is one."""
        if self.glued_citation is None:
            return None
        first, last = doc[sentence_start], doc[sentence_end - 1]
        begin, end = first.idx, last.idx + len(last)
        # each part ends at its full stop and the next begins after the marker: the marker is
        # neither's cue (a citation beside the patient's own treatment, "... paclitaxel five
        # years ago.[4] The patient died", does not make either sentence the literature's)
        cuts = [(m.start() + 1, m.end()) for m in self.glued_citation.finditer(text, begin, end)]
        if not cuts:
            return None
        position = doc[token].idx
        lower = max([after for stop, after in cuts if after <= position], default=begin)
        upper = min([stop for stop, after in cuts if stop > position], default=end)
        part = doc.char_span(lower, upper, alignment_mode="expand")
        if part is None or (part.start == sentence_start and part.end == sentence_end):
            return None
        return part.start, part.end

    def groups(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Character ranges of a sentence (``start``..``end``) that speak of a group of published
        patients: from a group phrase ("the adults described by Okafor", "of whom") to the
        sentence's end or to where the patient speaks again ("whereas our patient", ";")."""
        sentence = text[start:end]
        openings = [m.end() for m in self.group.finditer(sentence)]
        if self.group_partitive is not None and not (self.own_group and self.own_group.search(sentence)):
            openings += [m.end() for m in self.group_partitive.finditer(sentence)]
        ranges = []
        for opening in sorted(openings):
            close = self.group_end.search(sentence, opening) if self.group_end is not None else None
            ranges.append((start + opening, start + (close.start() if close else len(sentence))))
        return ranges

    @staticmethod
    def in_group_clause(text: str, ranges: list[tuple[int, int]], position: int) -> bool:
        return any(start <= position < end for start, end in ranges)

    def other_persons(self, doc: Doc, span: Span, cues: list, sentence_start: int) -> bool:
        """True when ``span`` stands in a clause whose subject is another person than the patient
        ("The donor had received meropenem", "a donor who died of a haemorrhage"): after a
        `person` cue in subject position, or in the relative clause ("who ...") of one, with no
        word between that makes the patient the subject again ("..., and she was given")."""
        for start, end, category, _ in cues:
            if category != "person" or end > span.start or span.start - end > PERSON_WINDOW:
                continue
            if self._a_label(doc, end):
                continue  # "Sibling 1: A 14-year-old male child ...": the report's patient, labelled
            if self.relatives_presented_before.search(doc.text[doc[sentence_start].idx:doc[start].idx]):
                continue  # "This report concerns a brother and sister who developed CLL": the patients
            between = doc[end:span.start]
            if any(self.patient_nominative.match(t.text) for t in between) or self._a_things_name(doc, end):
                continue
            if self._bracket_closed(doc, sentence_start, start, between):
                continue  # "with family history (..., the father died of liver cancer), was followed since 2007"
            if self._relative_clause(doc, end, span.start):
                return True
            if self._subject_position(doc, start, sentence_start) \
                    and not any(a.text == "," and b.lower_ == "and" for a, b in zip(between, between[1:])):
                return True
        return False

    def counted_then_listed(self, text: str, sentence_start_char: int) -> bool:
        """True when the sentence opens on a count of persons that it then lists ("Three patients, a
        57-year-old man, his 60-year-old sister, and 81-year-old mother, developed ..."): the
        relatives it names are the counted patients (``counted_persons`` of context.toml)."""
        return self.counted_persons is not None and self.counted_persons.match(text, sentence_start_char) is not None

    @staticmethod
    def _a_label(doc: Doc, end: int) -> bool:
        """True when the person word ending at ``end`` is a patient's label: a number or a roman
        numeral, then a colon or a dash ("Sibling 1:", "Brother II -")."""
        return end + 1 < len(doc) and bool(PATIENT_LABEL.fullmatch(doc[end].text)) and doc[end + 1].text in (":", "-", "–")

    @staticmethod
    def _bracket_closed(doc: Doc, sentence_start: int, start: int, between: Span) -> bool:
        """True when the person word at ``start`` stands inside brackets that close before the finding:
        a relative named in an aside is no subject of the sentence's own clause."""
        opened = max((i for i in range(sentence_start, start) if doc[i].text == "("), default=None)
        if opened is None or any(doc[i].text == ")" for i in range(opened, start)):
            return False
        return any(t.text == ")" for t in between)

    def _a_things_name(self, doc: Doc, end: int) -> bool:
        """True when the person word ending at ``end`` modifies the noun after it ("donor kidney",
        "the donor's liver"): the subject is that thing."""
        if end < len(doc) and doc[end].lower_ in ("'s", "’s"):
            end += 1
        return end < len(doc) and bool(self.person_compounds.match(doc[end].text))

    def _subject_position(self, doc: Doc, start: int, sentence_start: int) -> bool:
        """True when only modifiers ("the organ", "her younger", "the patient's") stand between
        the start of the sentence or of a clause and the person word at ``start``."""
        index = start - 1
        while index >= sentence_start and start - index <= MAX_PERSON_MODIFIERS and self.person_modifiers.match(doc[index].text):
            index -= 1
        return index < sentence_start or bool(self.person_clause_openers.match(doc[index].text))

    def _relative_clause(self, doc: Doc, end: int, finding: int) -> bool:
        """True when the finding stands in the relative clause after the person word ending at
        ``end`` ("a donor who had died of ...", "her brother, who received ..."), before the
        clause's next comma."""
        index = end + 1 if end < finding and doc[end].text == "," else end
        if index >= finding or doc[index].lower_ not in self.relative_pronouns:
            return False
        return not any(t.text in (",", ";") for t in doc[index:finding])
