"""Where a status phrase stands: the bounds of its sentence (from the sentence boundaries the
pipeline set, else from sentence ends found in the text), the numbered patient of a summary
table's row that holds it, whether it is told in the patient's course or in a section that retells
it, and whether a word before a progression stops it. :class:`OutcomeContext` is a mixin of
:class:`~pipeline.nlp.outcome.outcome.OutcomeMatcher`, whose ``__init__`` compiles the patterns
it reads with."""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline import regex_cache

# Sentence ends used when no sentence boundaries are set (the component alone on spacy.blank).
SENTENCE_END = regex_cache.compile(r"[.!?](?=\s+[A-Z0-9(\[\"“])|\n")


# Sections that retell or comment on the course rather than continue it: a worsening or an
# admission told there ("the patient deteriorated into septic shock" in the discussion, of the
# course before the discharge) does not undo a recovery the case description ends with.
RETELLING_SECTIONS = frozenset({"background", "discussion", "conclusion", "references", "back", "furniture"})


def _in_the_story(doc: Doc, position: int) -> bool:
    """Whether the character ``position`` stands where the patient's course is told, as far as
    the report's sections say (a text without sections is all story)."""
    for section in doc.spans.get("sections", ()):
        if section.start_char <= position < section.end_char:
            return section.label_ not in RETELLING_SECTIONS
    return True


class OutcomeContext:
    """Where a phrase :meth:`OutcomeMatcher.find` found stands: its sentence, a table row, a
    progression held back."""

    def _arrested(self, text: str, start: int, group: str) -> bool:
        """Whether a progression phrase is the object of a word that stops it ("the stabilization
        of disease progression", "to halt the progression of the disease": "[exclude] arrested"
        of models/outcome/outcome.toml): the progression held back, not one the patient had."""
        if self.arrested is None or self.category_of[group] != "progressive disease":
            return False
        return self.arrested.search(text[max(0, start - 60): start]) is not None

    def _table_row_patient(self, text: str, start: int) -> int | None:
        """The patient's number of a table row that holds the phrase: a tab-separated line whose
        first cell is the number ("Case 2", "P2", or "2" under a column headed "Patient", "Case"
        or "No."), as a summary table of a series gives each patient's outcome ("[table]" of
        models/outcome/outcome.toml); None elsewhere."""
        if self.row_label is None:
            return None
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line = text[line_start: line_end if line_end >= 0 else len(text)]
        if "\t" not in line:
            return None
        first = line.split("\t", 1)[0].strip()
        label = self.row_label.fullmatch(first)
        if not label or first.find("\t") >= 0 or start - line_start <= len(first):
            return None  # not a numbered row, or the phrase is the label itself
        if not label.group("number").isdigit() or not 0 < int(label.group("number")) <= 30:
            return None
        if not first.isdigit():
            return int(label.group("number"))  # "Case 2", "Patient 2", "P2": labelled in the row
        # a bare number: the rows above up to the header must be numbered too, under a column
        # that names the patients ("Patient", "Case", "No.")
        position = line_start
        for _ in range(40):
            if position == 0:
                return None
            above_start = text.rfind("\n", 0, position - 1) + 1
            above = text[above_start: position - 1]
            position = above_start
            if "\t" not in above:
                return None
            cell = above.split("\t", 1)[0].strip()
            if self.row_label.fullmatch(cell):
                continue
            return int(label.group("number")) if self.column_label and self.column_label.fullmatch(cell) else None
        return None

    @staticmethod
    def _sentence_of_tokens(doc: Doc, start: int, end: int, limit: int = 300) -> tuple[int, int]:
        """Character bounds of the sentence around tokens [start, end)."""
        first = start
        while first > 0 and start - first < limit and not doc[first].is_sent_start:
            first -= 1
        last = end
        while last < len(doc) and last - end < limit and not doc[last].is_sent_start:
            last += 1
        return doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)

    @staticmethod
    def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
        sentence_start = max(0, start - 400)
        for stop in SENTENCE_END.finditer(text, max(0, start - 400), start):
            sentence_start = stop.end()
        following = SENTENCE_END.search(text, end, end + 400)
        return sentence_start, following.end() if following else min(len(text), end + 400)
