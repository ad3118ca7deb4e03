"""ConText-style qualifiers for every caselit finding: section, subject, negation,
hypothetical and historical status (cues as data in ``models/context/``).

The component finds the cues and walks the sentences; whose a sentence is, is read by
``subjects.SentenceSubjects``, and how far each cue reaches by ``scope.CueScope``."""
from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline import disk_cache, regex_cache
from pipeline.nlp.context.scope import TREATMENT_GROUPS, CueScope
from pipeline.nlp.context.subjects import SentenceSubjects
from pipeline.nlp.extensions import FINDING_GROUPS
from pipeline.nlp.phrases import phrase_matcher
from pipeline.nlp.text import doc_text, sentence_starts
from pipeline.resources import read_patterns, read_table

# A "sentence" longer than this is a run of sentences the segmenter could not split (a page
# flattened to one line, citations between sentences): whose finding it is is read in a window
# of SUBJECT_WINDOW tokens either side of the finding, not from cues a paragraph away.
MAX_SENTENCE_TOKENS = 80
MAX_CHAIN = 8  # sentences a pronoun chain (`chain_pronouns` of context.toml) reaches back
SUBJECT_WINDOW = 30


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
        self.subjects = SentenceSubjects(spec)
        self.scope = CueScope(spec)
        self.given_in_past = regex_cache.compile(spec["given_in_past"], re.IGNORECASE)
        self.dyad = regex_cache.compile(spec["dyad"]) if spec.get("dyad") else None
        self.advice = regex_cache.compile(spec["advice"]) if spec.get("advice") else None
        self.own_cases = regex_cache.compile(spec["own_cases"]) if spec.get("own_cases") else None
        self.literature_person = regex_cache.compile(spec["literature_person"], re.IGNORECASE) \
            if spec.get("literature_person") else None
        self.literature_sections = frozenset(spec.get("literature_sections", ()))

    def __call__(self, doc: Doc) -> Doc:
        groups = [g for g in FINDING_GROUPS if g in doc.spans and len(doc.spans[g])]
        if not groups:
            return doc
        text = doc_text(doc)
        sections = list(doc.spans["sections"]) if "sections" in doc.spans else []
        # Token.sent walks the doc each time: look sentences up in one list instead.
        starts = sentence_starts(doc)
        walk = SentenceWalk(doc, text, starts, sections, self._cues_by_sentence(doc, text, starts), self.subjects,
                            self.literature_sections, self.literature_person)
        for group in groups:
            for span in doc.spans[group]:
                self._qualify_span(walk, span, group)
        return doc

    def _cues_by_sentence(self, doc: Doc, text: str, starts: list[int]) -> dict[int, list]:
        """{sentence start: its cues as (start token, end token, category, direction)}."""
        cues_by_sentence: dict[int, list] = {}
        dyads = self._dyads(doc, text)
        for match_id, start, end in self.matcher(doc):
            category, direction = self.cues[doc.vocab.strings[match_id]]
            sentence_start = starts[bisect.bisect_right(starts, start) - 1]
            if category in ("family", "person") and doc[start].text[:1].isupper() and (
                    start != sentence_start or end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha):
                continue  # an eponym or a name, not a relative: "Sister Mary Joseph nodule", at a sentence's start too
            if category in ("family", "person") and any(s <= start < e for s, e in dyads):
                continue  # "Mother and baby were discharged": the mother is the patient
            cues_by_sentence.setdefault(sentence_start, []).append((start, end, category, direction))
        # the cues read as patterns of the text: a mother and her baby; "Two cases of IE were observed in 2019", the
        # report's own cases, not a count of the literature's; advice
        for ranges, category, direction in ((dyads, "patient", "weak"),
                                            (self._token_ranges(doc, text, self.own_cases), "patient", "strong"),
                                            (self._token_ranges(doc, text, self.advice), "hypothetical", "forward")):
            for start, end in ranges:
                sentence_start = starts[bisect.bisect_right(starts, start) - 1]
                cues_by_sentence.setdefault(sentence_start, []).append((start, end, category, direction))
        return cues_by_sentence

    def _qualify_span(self, walk: SentenceWalk, span: Span, group: str) -> None:
        """Set the section, subject and qualifiers of one finding."""
        doc, text = walk.doc, walk.text
        index = bisect.bisect_right(walk.starts, span.start) - 1
        sentence_start, sentence_end = walk.sentence_range(index)
        cues = walk.cues.get(sentence_start, [])
        span._.subject = walk.subject_of(index)
        section = walk.section_at(span.start)
        part = self.subjects.glued_part(doc, text, sentence_start, sentence_end, span.start)
        if part is not None:
            near = [c for c in cues if c[0] >= part[0] and c[1] <= part[1]]
            span._.subject = self.subjects.subject(doc[part[0]:part[1]], near, text, section)
        elif sentence_end - sentence_start > MAX_SENTENCE_TOKENS:
            window_start = max(sentence_start, span.start - SUBJECT_WINDOW)
            window_end = min(sentence_end, span.end + SUBJECT_WINDOW)
            near = [c for c in cues if c[0] >= window_start and c[1] <= window_end]
            span._.subject = self.subjects.subject(doc[window_start:window_end], near, text, section)
        if span._.subject == "generic" and group in TREATMENT_GROUPS \
                and self.given_in_past.search(text, doc[sentence_start].idx, doc[sentence_end - 1].idx + 1):
            # "Ceftriaxone, which is commonly used for meningitis, was started": a general
            # remark beside a treatment given in the past does not make it background
            span._.subject = "probable"
        if self.subjects.group is not None:
            if part is not None:  # a group of published patients ends with its glued sentence
                ranges = self.subjects.groups(text, doc[part[0]].idx, doc[part[1] - 1].idx + len(doc[part[1] - 1]))
            else:
                ranges = walk.groups_of(sentence_start, sentence_end)
            if self.subjects.in_group_clause(text, ranges, span.start_char):
                span._.subject = "other"
        if walk.sections:
            span._.section = section
        self.scope.qualify(doc, span, cues, group)
        if self.subjects.other_persons(doc, span, cues, sentence_start) \
                and not self.subjects.counted_then_listed(text, doc[sentence_start].idx):
            span._.subject = "family"

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


class SentenceWalk:
    """One doc's sentences as the context pipe walks them: their cues, their sections, and
    their subjects, each read once (``subject_of``), a pronoun or "this patient" taking the
    subject of the sentences before it in its paragraph."""

    def __init__(self, doc: Doc, text: str, starts: list[int], sections: list[Span], cues: dict[int, list],
                 subjects: SentenceSubjects, literature_sections: frozenset, literature_person):
        self.doc, self.text, self.starts, self.sections, self.cues = doc, text, starts, sections, cues
        self.reader = subjects
        self.literature_sections = literature_sections
        self.literature_person = literature_person
        self._section_starts = [s.start for s in sections]
        self._subjects: dict[int, str] = {}
        self._groups: dict[int, list[tuple[int, int]]] = {}
        self._stories: set[int] = set()  # sentences that go on with a published patient's story

    def sentence_range(self, index: int) -> tuple[int, int]:
        """The token range of sentence ``index``."""
        starts = self.starts
        return starts[index], starts[index + 1] if index + 1 < len(starts) else len(self.doc)

    def section_at(self, token: int) -> str | None:
        """The label of the section token ``token`` stands in (the first one before any)."""
        if not self.sections:
            return None
        return self.sections[max(bisect.bisect_right(self._section_starts, token) - 1, 0)].label_

    def groups_of(self, sentence_start: int, sentence_end: int) -> list[tuple[int, int]]:
        """The character ranges of a sentence that speak of a group of published patients."""
        if sentence_start not in self._groups:
            doc = self.doc
            self._groups[sentence_start] = self.reader.groups(
                self.text, doc[sentence_start].idx, doc[sentence_end - 1].idx + len(doc[sentence_end - 1]))
        return self._groups[sentence_start]

    def subject_of(self, index: int, depth: int = 0) -> str:
        """The subject of sentence ``index``; ``depth``: sentences already gone back through."""
        doc, text, starts, reader = self.doc, self.text, self.starts, self.reader
        sentence_start = starts[index]
        if sentence_start not in self._subjects:
            _, sentence_end = self.sentence_range(index)
            sentence = doc[sentence_start:sentence_end]
            cues = self.cues.get(sentence_start, [])
            subject = reader.subject(sentence, cues, text, self.section_at(sentence_start),
                                     lambda: depth < MAX_CHAIN and reader.same_paragraph(doc, text, starts, index)
                                     and self.subject_of(index - 1, depth + 1) in ("patient", "probable"))
            if subject == "probable" and depth < MAX_CHAIN and reader.continues(doc, text, starts, index):
                # "Our patient was a 60-year-old woman. She had taken tamoxifen": a pronoun
                # that opens the next sentence of the paragraph still speaks of the patient
                subject = "patient" if self.subject_of(index - 1, depth + 1) == "patient" else subject
            if subject in ("probable", "patient") and depth < MAX_CHAIN \
                    and self.section_at(sentence_start) in self.literature_sections \
                    and reader.points_back(doc, cues, subject) \
                    and self._after_published_person(index, depth):
                # "Ahmad reported a man with pyelonephritis [5]. This patient was managed with
                # flucytosine": the story of the published patient goes on
                subject = "other"
                self._stories.add(index)
            self._subjects[sentence_start] = subject
        return self._subjects[sentence_start]

    def _after_published_person(self, index: int, depth: int) -> bool:
        """True when, going back through the paragraph past sentences that name no one, the
        first sentence with a subject is the literature's and introduces a person there
        (``literature_person``), or goes on with such a story."""
        if self.literature_person is None:
            return False
        doc, starts = self.doc, self.starts
        for before in range(index - 1, max(index - 1 - MAX_CHAIN, -1), -1):
            if not self.reader.same_paragraph(doc, self.text, starts, before + 1):
                return False
            subject = self.subject_of(before, depth + 1)
            if before in self._stories:
                return True
            if subject == "other":
                end = starts[before + 1]
                return bool(self.literature_person.search(self.text, doc[starts[before]].idx,
                                                          doc[end - 1].idx + len(doc[end - 1])))
            if subject == "patient":
                return False
        return False
