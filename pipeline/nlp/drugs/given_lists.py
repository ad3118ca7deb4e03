"""The stretches of a report whose drug names are no treatment given (``ListRegions``, a part of
``given.TreatmentGate``): susceptibility panels and their table rows, allergy lists, lists of
examples of a class, general statements of use and tables of general treatment options."""
from __future__ import annotations

from pipeline import regex_cache
from pipeline.nlp.drugs.given_regions import BLANK_LINES, MAX_TABLE_CHARS, SENTENCE_END, _merged, _table_end
from pipeline.nlp.drugs.names import Match

# First words of the list cues of patterns.toml (susceptibility, allergy, example): a literal
# prefilter, several times faster than the full cue pattern over a long lowercased report.
LIST_CUE_WORDS = regex_cache.compile(r"sensitiv|susceptib|non|resistan|intermediate|antibiogram|mic|minimum|allerg|intoleran"
                            r"|such|e\.|like|for")


class ListRegions:
    """The list and statement regions of ``TreatmentGate``, which compiles the patterns they read."""

    def _general_statements(self, text: str, matches: list[Match]) -> list[tuple[int, int]]:
        """(start, end) of each sentence with a drug that states how drugs are used in general
        ("Management of the poisoning consists of atropine and pralidoxime", "Rituximab has
        been used in refractory cases") and does not speak of the patient or of a drug given."""
        sentences: list[tuple[int, int]] = []
        for match in matches:
            if sentences and sentences[-1][0] <= match.start < sentences[-1][1]:
                continue
            window_start = max(0, match.start - 400)  # bounded: no scan back over a long text
            start = max((m.end() for m in SENTENCE_END.finditer(text, window_start, match.start)), default=window_start)
            end_match = SENTENCE_END.search(text, match.end, match.end + 400)
            end = end_match.start() if end_match else min(len(text), match.end + 400)
            sentences.append((start, end))
        general = [(start, end) for start, end in sentences
                   if self.general_cue.search(text, start, end)
                   and not self.patient_words.search(text, start, end) and not self.given_words.search(text, start, end)]
        merged: list[tuple[int, int]] = []  # sorted and disjoint, as _inside wants them
        for start, end in sorted(general + self._general_tables(text)):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def _general_tables(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each table of general treatment options or of drug susceptibility:
        from its caption to the blank line after its rows (at most 3,000 characters)."""
        regions = []
        position = text.find("Table")
        while position >= 0:  # str.find to the candidates: a regex scan of a long text costs more
            caption = self.general_table.match(text, position)
            if caption:
                # the rows start after the caption's line, which a blank line may follow
                line_end = text.find("\n", caption.end())
                after_caption = BLANK_LINES.match(text, line_end) if line_end >= 0 else None
                rows_start = after_caption.end() if after_caption else caption.end()
                regions.append((caption.start(), _table_end(text, rows_start, rows_start + MAX_TABLE_CHARS)))
            position = text.find("Table", position + 5)
        return regions

    def _not_given_lists(self, text: str, lowered: str) -> list[tuple[int, int]]:
        """(start, end) of each susceptibility panel, allergy list or list of examples of a
        class in a general statement: from its cue to the end of its clause."""
        regions = []
        for candidate in LIST_CUE_WORDS.finditer(lowered):
            if candidate.start() and lowered[candidate.start() - 1].isalnum():
                continue
            cue = self.list_cues.match(lowered, candidate.start())
            if cue is None:
                continue
            window_start = max(0, cue.start() - 300)  # bounded: no scan back over a long text per cue
            sentence_start = max((m.end() for m in SENTENCE_END.finditer(text, window_start, cue.start())), default=window_start)
            until = self.list_until.search(text, cue.end(), cue.end() + 300)
            end = until.start() if until else min(len(text), cue.end() + 300)
            if cue.group("susceptibility") and not self._speaks_of_microbes(text, sentence_start, end):
                continue
            if cue.group("example"):
                sentence_end = SENTENCE_END.search(text, cue.end(), cue.end() + 300)
                if self.patient_words.search(text, sentence_start, sentence_end.start() if sentence_end else cue.end() + 300):
                    continue
            if regions and cue.end() <= regions[-1][1]:  # overlapping lists merge (cues come in order)
                regions[-1] = (regions[-1][0], max(end, regions[-1][1]))
            else:
                regions.append((cue.end(), end))
        rows = self._panel_rows(text)
        return _merged(regions + rows) if rows else regions

    def _panel_rows(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each row of a susceptibility table: a tab-separated line with a cell
        reading Sensitive, Resistant, Intermediate (or S, R, I), whatever its caption."""
        if "\t" not in text:
            return []
        return [(row.start(), row.end()) for row in self.panel_row.finditer(text)]

    def _speaks_of_microbes(self, text: str, sentence_start: int, end: int) -> bool:
        """A susceptibility sentence names a microbe, or opens on a pronoun ("It demonstrated
        sensitivity to linezolid") whose antecedent, the sentence before, names one."""
        if self.microbes.search(text, sentence_start, end):
            return True
        if not self.microbe_pronoun.match(text, sentence_start):
            return False
        window_start = max(0, sentence_start - 400)
        ends = [m.end() for m in SENTENCE_END.finditer(text, window_start, max(window_start, sentence_start - 2))]
        previous_start = ends[-1] if ends else window_start
        return bool(self.microbes.search(text, previous_start, sentence_start))
