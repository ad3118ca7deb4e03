"""ConText-style qualifiers for every caselit finding: section, subject, negation,
hypothetical and historical status (cues as data in ``models/context/``)."""
from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline import disk_cache, regex_cache
from pipeline.nlp.extensions import FINDING_GROUPS
from pipeline.nlp.phrases import phrase_matcher
from pipeline.nlp.text import doc_text, sentence_starts
from pipeline.resources import read_patterns, read_table

FORWARD_WINDOW = 10  # tokens a forward cue reaches (NegEx uses 5 words; lists need more)
BACKWARD_WINDOW = 6
# A negation reaches further along a list of findings ("no evidence of hydronephrosis, para-aortic
# lymphadenopathy, or liver metastases"; "no other abnormal findings, such as ascites or lung
# metastasis") as long as no word between opens another clause (`list_breaks` and
# `clause_openers` of context.toml).
LIST_WINDOW = 24
MAX_REFERENCE_LINE = 500  # characters
TREATMENT_GROUPS = ("drugs", "procedures")
# A "sentence" longer than this is a run of sentences the segmenter could not split (a page
# flattened to one line, citations between sentences): whose finding it is is read in a window
# of SUBJECT_WINDOW tokens either side of the finding, not from cues a paragraph away.
MAX_SENTENCE_TOKENS = 80
MAX_CHAIN = 8  # sentences a pronoun chain (`chain_pronouns` of context.toml) reaches back
SUBJECT_WINDOW = 30
# How far the clause of another person as subject reaches ("The donor, a 30-year-old man who
# had been in the intensive care unit for a week, had received meropenem"), and how many
# modifier words may stand before that person word ("the patient's younger brother").
PERSON_WINDOW = 40
MAX_PERSON_MODIFIERS = 6


class ContextQualifier:
    """Sets ``_.section``, ``_.subject``, ``_.negated``, ``_.hypothetical`` and ``_.historical``
    on the spans of every caselit span group.

    >>> import spacy
    >>> from pipeline.nlp.spans import char_span
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_context")
    >>> doc = nlp.make_doc("There was no lymph node metastasis.")
    >>> doc.spans["sites"] = [char_span(doc, 13, 23, "SITE")]
    >>> doc = nlp(doc)
    >>> doc.spans["sites"][0]._.negated
    True
    """

    def __init__(self, nlp: Language, name: str = "caselit_context", cues: str = "context/cues.tsv",
                 patterns: str = "patterns/context.toml"):
        self.name = name
        self.cues: dict[str, tuple[str, str]] = {}
        calls = []
        for row in read_table(cues):
            key = f"{row['category']}|{row['direction']}|{row['cue']}"
            self.cues[key] = (row["category"], row["direction"])
            calls.append((key, [row["cue"]]))
        # the tokenised cues are kept in the build cache, keyed by the cue file and this code
        self.matcher = phrase_matcher(nlp, "LOWER", lambda: calls, disk_cache.data_key([cues], __file__))
        spec = read_patterns(patterns)
        self.citation = regex_cache.compile(spec["citation"])
        self.reference_entry = regex_cache.compile(spec["reference_entry"])
        self.age_anchor = regex_cache.compile(spec["age_anchor"], re.IGNORECASE)
        self.terminators = regex_cache.compile(spec["terminators"], re.IGNORECASE)
        self.conclusion = regex_cache.compile(spec["conclusion"], re.IGNORECASE) if spec.get("conclusion") else None
        self.list_breaks = regex_cache.compile(spec["list_breaks"], re.IGNORECASE) if spec.get("list_breaks") else None
        self.treatment_verbs = regex_cache.compile(spec["treatment_verbs"], re.IGNORECASE)
        self.negation_glue = regex_cache.compile(spec["negation_glue"], re.IGNORECASE)
        self.treatment_done = regex_cache.compile(spec["treatment_done"], re.IGNORECASE)
        self.given_after_treatment = regex_cache.compile(spec["given_after_treatment"], re.IGNORECASE)
        self.given_in_past = regex_cache.compile(spec["given_in_past"], re.IGNORECASE)
        self.person_modifiers = regex_cache.compile(spec["person_modifiers"], re.IGNORECASE)
        self.person_clause_openers = regex_cache.compile(spec["person_clause_openers"], re.IGNORECASE)
        self.patient_nominative = regex_cache.compile(spec["patient_nominative"], re.IGNORECASE)
        self.person_compounds = regex_cache.compile(spec["person_compounds"], re.IGNORECASE)
        self.relative_pronouns = frozenset(spec["relative_pronouns"])
        self.chain_pronouns = frozenset(spec["chain_pronouns"])
        self.clause_openers = frozenset(spec["clause_openers"])
        self.modals = regex_cache.compile(spec["modals"], re.IGNORECASE)
        self.literature_word = regex_cache.compile(spec["literature_word"], re.IGNORECASE)
        self.group = regex_cache.compile(spec["group"]) if spec.get("group") else None
        self.group_partitive = regex_cache.compile(spec["group_partitive"]) if spec.get("group_partitive") else None
        self.own_group = regex_cache.compile(spec["own_group"]) if spec.get("own_group") else None
        self.group_end = regex_cache.compile(spec["group_end"]) if spec.get("group_end") else None
        self.dyad = regex_cache.compile(spec["dyad"]) if spec.get("dyad") else None
        self.advice = regex_cache.compile(spec["advice"]) if spec.get("advice") else None
        self.glued_citation = regex_cache.compile(spec["glued_citation"]) if spec.get("glued_citation") else None
        self.literature_person = regex_cache.compile(spec["literature_person"], re.IGNORECASE) \
            if spec.get("literature_person") else None
        self.anaphoric_patient_cues = frozenset(spec.get("anaphoric_patient_cues", ()))
        self.literature_sections = frozenset(spec.get("literature_sections", ()))
        self.leading_clause_openers = frozenset(spec.get("leading_clause_openers", ()))

    def __call__(self, doc: Doc) -> Doc:
        groups = [g for g in FINDING_GROUPS if g in doc.spans and len(doc.spans[g])]
        if not groups:
            return doc
        text = doc_text(doc)
        sections = list(doc.spans["sections"]) if "sections" in doc.spans else []
        section_starts = [s.start for s in sections]

        def section_at(token: int) -> str | None:
            """The label of the section token ``token`` stands in (the first one before any)."""
            return sections[max(bisect.bisect_right(section_starts, token) - 1, 0)].label_ if sections else None

        # Token.sent walks the doc each time: look sentences up in one list instead.
        starts = sentence_starts(doc)
        cues_by_sentence: dict[int, list] = {}
        dyads = self._dyads(doc, text)
        for match_id, start, end in self.matcher(doc):
            category, direction = self.cues[doc.vocab.strings[match_id]]
            sentence_start = starts[bisect.bisect_right(starts, start) - 1]
            if category in ("family", "person") and start != sentence_start and doc[start].text[:1].isupper():
                continue  # an eponym or a name, not a relative: "Sister Mary Joseph nodule"
            if category in ("family", "person") and any(s <= start < e for s, e in dyads):
                continue  # "Mother and baby were discharged": the mother is the patient
            cues_by_sentence.setdefault(sentence_start, []).append((start, end, category, direction))
        for start, end in dyads:
            sentence_start = starts[bisect.bisect_right(starts, start) - 1]
            cues_by_sentence.setdefault(sentence_start, []).append((start, end, "patient", "weak"))
        for start, end in self._token_ranges(doc, text, self.advice):
            sentence_start = starts[bisect.bisect_right(starts, start) - 1]
            cues_by_sentence.setdefault(sentence_start, []).append((start, end, "hypothetical", "forward"))
        groups_by_sentence: dict[int, list[tuple[int, int]]] = {}
        subjects: dict[int, str] = {}

        def subject_of(index: int, depth: int = 0) -> str:
            sentence_start = starts[index]
            if sentence_start not in subjects:
                sentence_end = starts[index + 1] if index + 1 < len(starts) else len(doc)
                sentence = doc[sentence_start:sentence_end]
                subject = self._subject(sentence, cues_by_sentence.get(sentence_start, []), text, section_at(sentence_start),
                                        lambda: depth < MAX_CHAIN and self._same_paragraph(doc, text, starts, index)
                                        and subject_of(index - 1, depth + 1) in ("patient", "probable"))
                if subject == "probable" and depth < MAX_CHAIN and self._continues(doc, text, starts, index):
                    # "Our patient was a 60-year-old woman. She had taken tamoxifen": a pronoun
                    # that opens the next sentence of the paragraph still speaks of the patient
                    subject = "patient" if subject_of(index - 1, depth + 1) == "patient" else subject
                if subject in ("probable", "patient") and depth < MAX_CHAIN \
                        and section_at(sentence_start) in self.literature_sections \
                        and self._points_back(doc, cues_by_sentence.get(sentence_start, []), subject) \
                        and after_published_person(index, depth):
                    # "Ahmad reported a man with pyelonephritis [5]. This patient was managed with
                    # flucytosine": the story of the published patient goes on
                    subject = "other"
                    stories.add(index)
                subjects[sentence_start] = subject
            return subjects[sentence_start]

        stories: set[int] = set()  # sentences that go on with a published patient's story

        def after_published_person(index: int, depth: int) -> bool:
            """True when, going back through the paragraph past sentences that name no one, the
            first sentence with a subject is the literature's and introduces a person there
            (``literature_person``), or goes on with such a story."""
            if self.literature_person is None:
                return False
            for before in range(index - 1, max(index - 1 - MAX_CHAIN, -1), -1):
                if not self._same_paragraph(doc, text, starts, before + 1):
                    return False
                subject = subject_of(before, depth + 1)
                if before in stories:
                    return True
                if subject == "other":
                    end = starts[before + 1]
                    return bool(self.literature_person.search(text, doc[starts[before]].idx, doc[end - 1].idx + len(doc[end - 1])))
                if subject == "patient":
                    return False
            return False

        for group in groups:
            for span in doc.spans[group]:
                index = bisect.bisect_right(starts, span.start) - 1
                sentence_start = starts[index]
                sentence_end = starts[index + 1] if index + 1 < len(starts) else len(doc)
                span._.subject = subject_of(index)
                section = section_at(span.start)
                part = self._glued_part(doc, text, sentence_start, sentence_end, span.start)
                if part is not None:
                    near = [c for c in cues_by_sentence.get(sentence_start, []) if c[0] >= part[0] and c[1] <= part[1]]
                    span._.subject = self._subject(doc[part[0]:part[1]], near, text, section)
                elif sentence_end - sentence_start > MAX_SENTENCE_TOKENS:
                    window_start = max(sentence_start, span.start - SUBJECT_WINDOW)
                    window_end = min(sentence_end, span.end + SUBJECT_WINDOW)
                    near = [c for c in cues_by_sentence.get(sentence_start, []) if c[0] >= window_start and c[1] <= window_end]
                    span._.subject = self._subject(doc[window_start:window_end], near, text, section)
                if span._.subject == "generic" and group in TREATMENT_GROUPS \
                        and self.given_in_past.search(text, doc[sentence_start].idx, doc[sentence_end - 1].idx + 1):
                    # "Ceftriaxone, which is commonly used for meningitis, was started": a general
                    # remark beside a treatment given in the past does not make it background
                    span._.subject = "probable"
                if self.group is not None:
                    if part is not None:  # a group of published patients ends with its glued sentence
                        ranges = self._groups(text, doc[part[0]].idx, doc[part[1] - 1].idx + len(doc[part[1] - 1]))
                    else:
                        if sentence_start not in groups_by_sentence:
                            groups_by_sentence[sentence_start] = self._groups(text, doc[sentence_start].idx, doc[sentence_end - 1].idx + len(doc[sentence_end - 1]))
                        ranges = groups_by_sentence[sentence_start]
                    if self._in_group_clause(text, ranges, span.start_char):
                        span._.subject = "other"
                if sections:
                    span._.section = section
                self._qualify(doc, span, cues_by_sentence.get(sentence_start, []), group)
                if self._other_persons(doc, span, cues_by_sentence.get(sentence_start, []), sentence_start):
                    span._.subject = "family"
        return doc

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
        after = sentence.doc[comma + 1]
        if after.lower_ in ("she", "he"):
            return comma
        if after.lower_ in ("the", "our", "this") and comma + 2 < sentence.end and sentence.doc[comma + 2].lower_ == "patient":
            return comma
        if section in ("case", "body") and self.given_after_treatment.match(text, sentence.doc[comma].idx + 1, sentence.end_char):
            return comma
        return None

    def _points_back(self, doc: Doc, cues: list, subject: str) -> bool:
        """True when the sentence names its person only in words that point back to the person
        last spoken of: a pronoun or "the patient" (a probable subject), or "this patient"
        (``anaphoric_patient_cues``) as its only strong cue; not "our patient", "both patients"."""
        if subject == "probable":
            return True
        strong = [doc[start:end].text.lower() for start, end, category, direction in cues
                  if category == "patient" and direction in ("strong", "plural")]
        return bool(strong) and all(cue in self.anaphoric_patient_cues for cue in strong)

    def _dyads(self, doc: Doc, text: str) -> list[tuple[int, int]]:
        """Token ranges of "mother and baby" (``dyad`` of context.toml): an obstetric report's
        patients together, not a relative."""
        if self.dyad is None:
            return []
        found = []
        for match in self.dyad.finditer(text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                found.append((span.start, span.end))
        return found

    @staticmethod
    def _token_ranges(doc: Doc, text: str, pattern) -> list[tuple[int, int]]:
        """Token ranges of the matches of ``pattern`` in the text (none when it is not set)."""
        if pattern is None:
            return []
        found = []
        for match in pattern.finditer(text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                found.append((span.start, span.end))
        return found

    def _glued_part(self, doc: Doc, text: str, sentence_start: int, sentence_end: int,
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

    def _groups(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
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
    def _in_group_clause(text: str, ranges: list[tuple[int, int]], position: int) -> bool:
        return any(start <= position < end for start, end in ranges)

    def _other_persons(self, doc: Doc, span: Span, cues: list, sentence_start: int) -> bool:
        """True when ``span`` stands in a clause whose subject is another person than the patient
        ("The donor had received meropenem", "a donor who died of a haemorrhage"): after a
        `person` cue in subject position, or in the relative clause ("who ...") of one, with no
        word between that makes the patient the subject again ("..., and she was given")."""
        for start, end, category, _ in cues:
            if category != "person" or end > span.start or span.start - end > PERSON_WINDOW:
                continue
            between = doc[end:span.start]
            if any(self.patient_nominative.match(t.text) for t in between) or self._a_things_name(doc, end):
                continue
            if self._relative_clause(doc, end, span.start):
                return True
            if self._subject_position(doc, start, sentence_start) \
                    and not any(a.text == "," and b.lower_ == "and" for a, b in zip(between, between[1:])):
                return True
        return False

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

    @staticmethod
    def _same_paragraph(doc: Doc, text: str, starts: list[int], index: int) -> bool:
        """True when sentence ``index`` follows the sentence before it in the same paragraph."""
        return index > 0 and "\n\n" not in text[doc[starts[index - 1]].idx:doc[starts[index]].idx]

    def _continues(self, doc: Doc, text: str, starts: list[int], index: int) -> bool:
        """True when sentence ``index`` opens on a personal pronoun and follows the sentence before
        it in the same paragraph, within the reach of a pronoun chain."""
        if index == 0:
            return False
        first = doc[starts[index]]
        if first.lower_ not in self.chain_pronouns or first.text[:1].islower():
            return False
        previous = doc[starts[index - 1]]
        return "\n" not in text[previous.idx:first.idx]

    def _line(self, text: str, sentence: Span) -> str:
        start = text.rfind("\n", 0, sentence.start_char) + 1
        end = text.find("\n", sentence.end_char - 1)
        return text[start:end if end >= 0 else len(text)]

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

    def _subject(self, sentence: Span, cues: list, text: str, section: str | None, narrative=None) -> str:
        """The subject of a sentence from its cues; ``narrative`` (called only when needed) tells
        whether the sentence goes on from one of the patient's in its paragraph."""
        leading = self._leading_clause_end(sentence, text, section)
        if leading is not None:
            # "Because most patients respond to steroids, she was given prednisolone": the
            # others are the leading clause's, the sentence is the patient's
            cues = [c for c in cues if not (c[2] in ("other", "generic") and c[3] == "sentence" and c[1] <= leading)]
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
        strong = ("patient", "strong") in categories
        weak = ("patient", "weak") in categories or bool(self.age_anchor.search(sentence_text))
        family = ("family", "forward") in categories and not strong
        line = self._line(text, sentence)
        # a reference entry is one line; a page flattened to one long line is not
        if len(line) <= MAX_REFERENCE_LINE and self.reference_entry.search(line):
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
        if ("generic", "sentence") in categories and not (strong or weak):
            return "generic"
        if strong or plural:
            return "patient"
        if family and not weak:
            return "family"
        return "probable" if weak else "unknown"

    @staticmethod
    def _new_person_after_clause(between: Span) -> bool:
        """A leading clause's family cue ("Because of her family history of breast cancer,") ends
        at its comma: the indefinite article right after it opens the sentence's own subject ("a
        41-year-old woman was referred"), a person the family cue does not describe."""
        words = [t.text for t in between]
        return len(words) >= 2 and words[-2] == "," and words[-1].lower() in ("a", "an")

    def _carried_out(self, span: Span) -> bool:
        """Whether the sentence of a treatment says it was carried out ("completed", "tolerated",
        "ceftriaxone was started")."""
        text = span.doc.text
        if self.given_after_treatment.match(text, span.end_char, span.end_char + 120):
            return True
        sentence = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
        return any(self.treatment_done.match(token.text) for token in sentence)

    def _given_after(self, between: Span) -> bool:
        """Whether a verb of giving stands between a negation and a treatment with other words
        before it: "No complications occurred, and he was discharged on aspirin" (given), not
        "was not given cisplatin" (the verb is what is negated)."""
        for index, token in enumerate(between):
            if self.treatment_verbs.match(token.text):
                before = index - 1  # the word before the verb's auxiliaries: "will (be) started" is a plan
                while before >= 0 and self.negation_glue.match(between[before].text):
                    before -= 1
                if before < 0 or self.modals.match(between[before].text):
                    return False
                return True
        return False

    def _concluded(self, between) -> bool:
        """True when a comma and a concluding participle stand between a cue and a finding
        ("negative for E-cadherin, indicating gastric metastasis"): the conclusion is another clause."""
        if self.conclusion is None:
            return False
        tokens = list(between)
        return any(tokens[i].text == "," and self.conclusion.match(tokens[i + 1].text) for i in range(len(tokens) - 1))

    def _next_clause(self, between) -> bool:
        """True when ", and" / ", but" opens another clause between a negation and a finding:
        a determiner or possessive after it, or a verb before the finding ("no distant
        metastasis, and FIGO stage was IB": the stage is not negated; "no fever, chills, and
        night sweats" stays one list)."""
        if self.list_breaks is None:
            return False
        tokens = list(between)
        for i in range(len(tokens) - 2):
            if tokens[i].text == "," and tokens[i + 1].lower_ in ("and", "but"):
                rest = tokens[i + 2:]
                if rest[0].lower_ in self.clause_openers or any(self.list_breaks.match(t.text) for t in rest):
                    return True
        return False

    def _a_list(self, between: Span) -> bool:
        """True when the words between a negation and a finding are a list of findings: commas
        or "or"/"nor" between them and no word that opens another clause ("was", "she", ...)."""
        if self.list_breaks is None or not any(t.text in (",", "or", "nor") for t in between):
            return False
        if any(self.list_breaks.match(t.text) for t in between):
            return False
        # "..., and a biopsy of the bone showed": "and" before a determiner starts a clause
        return not any(a.lower_ == "and" and b.lower_ in self.clause_openers for a, b in zip(between, between[1:]))

    def _conditional(self, doc: Doc, span: Span, cues: list) -> bool:
        """True when a condition follows the finding in its clause ("metronidazole if the
        diarrhoea persists", "rituximab in case of relapse"; `conditional` cues of cues.tsv): a
        plan, unless a verb of giving in the past stands before it in its sentence ("She was
        given paracetamol if febrile") or a comma or conjunction opens another clause between."""
        for start, end, category, _ in cues:
            if category != "conditional" or start < span.end or start - span.end >= BACKWARD_WINDOW:
                continue
            between = doc[span.end:start]
            if any(t.text in (",", ";", ":") or t.lower_ in ("and", "but", "or", "then") for t in between):
                continue
            if any(self.terminators.match(t.text) for t in between):
                continue
            sentence = span.sent if doc.has_annotation("SENT_START") else doc[:]
            if self.given_in_past.search(doc.text, sentence.start_char, span.start_char):
                continue
            return True
        return False

    def _qualify(self, doc: Doc, span: Span, cues: list, group: str = "") -> None:
        flags = {"negated": False, "hypothetical": False, "historical": False, "family": False, "refused": False}
        # a treatment that failed was given: the "not" of "did not respond to", the "no" of "no
        # improvement despite" negate no drug or procedure (NegEx's pseudo-negations)
        failed = [(c[0], c[1]) for c in cues if c[2] == "pseudo"] if group in TREATMENT_GROUPS else []
        # "denied taking any medications other than ibuprofen": the exception is affirmed
        exceptions = [(c[0], c[1]) for c in cues if c[2] == "exception"]
        for start, end, category, direction in cues:
            if category not in flags or start < span.end and end > span.start:
                continue
            if failed and category == "negated" and any(s <= start and end <= e for s, e in failed):
                continue
            if category == "negated" and direction == "forward" \
                    and any(end <= s and e <= span.start for s, e in exceptions):
                continue
            if direction == "forward" and end <= span.start and span.start - end < FORWARD_WINDOW:
                between = doc[end:span.start]
            elif direction == "forward" and end <= span.start and span.start - end < LIST_WINDOW \
                    and category == "negated" and group not in TREATMENT_GROUPS and self._a_list(doc[end:span.start]):
                between = doc[end:span.start]
            elif direction == "backward" and start >= span.end and start - span.end < BACKWARD_WINDOW:
                between = doc[span.end:start]
            else:
                continue
            if any(self.terminators.match(token.text) for token in between):
                continue
            if self._concluded(between):
                continue
            if category == "negated" and direction == "forward" and self._next_clause(between):
                continue
            # a verb of giving after other words gives the treatment to the patient: "he received a
            # kidney from his brother and was started on tacrolimus" (a relative as the subject of
            # the giving is read by _other_persons); "The family refused surgery, and the patient
            # was treated with ciprofloxacin": the refusal is of the surgery
            if category in ("negated", "hypothetical", "family", "refused") and group in TREATMENT_GROUPS \
                    and direction == "forward" \
                    and self._given_after(between):
                continue
            if category == "family" and any(self.patient_nominative.match(t.text) for t in between):
                continue  # "her mother gave her paracetamol", "his father had diabetes and he ..."
            if category == "family" and self._new_person_after_clause(between):
                continue  # "Because of her family history of X, a 41-year-old woman was referred"
            flags[category] = True
        if not flags["hypothetical"] and self._conditional(doc, span, cues):
            flags["hypothetical"] = True
        # a refusal negates the treatment refused, not what is said next ("and died")
        span._.negated = flags["negated"] or flags["refused"] and group in TREATMENT_GROUPS
        # "She completed the planned six cycles of carboplatin": a plan carried out
        span._.hypothetical = flags["hypothetical"] and not (group in TREATMENT_GROUPS and self._carried_out(span))
        span._.historical = flags["historical"]
        if flags["family"]:
            span._.subject = "family"
