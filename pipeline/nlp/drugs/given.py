"""Whether a drug name is a treatment given, from the words around it: a name that is also a
body substance, an analyte or an everyday code needs a treatment cue; a name in a susceptibility
panel, an allergy, a general statement of use, a test, a tracer, a misuse, a refusal or a
procedure's fluid is dropped."""
from __future__ import annotations

import re
from bisect import bisect_right

from pipeline import regex_cache
from pipeline.nlp.drugs.details import DetailReader
from pipeline.nlp.drugs.names import Match
from pipeline.nlp.text import rows_of_one_table

# A sentence ends at a full stop, semicolon or line break, also where reference numbers glue
# to the full stop ("in a few case reports.10,11 While our patient ...").
SENTENCE_END = regex_cache.compile(r"[.;!?]\s|\n|(?<=[a-z)\]])\.\d{1,3}(?:[,–-]\d{1,3})*(?=\s+[A-Z])")
# First words of the list cues of patterns.toml (susceptibility, allergy, example): a literal
# prefilter, several times faster than the full cue pattern over a long lowercased report.
LIST_CUE_WORDS = regex_cache.compile(r"sensitiv|susceptib|non|resistan|intermediate|antibiogram|mic|minimum|allerg|intoleran"
                            r"|such|e\.|like|for")
BLANK_LINES = regex_cache.compile(r"\n(?:[ \t]*\n)+")
MAX_TABLE_CHARS = 3000
# A line of running prose, which no table row is: no cell break, at least twelve words, and a full stop
# that ends a sentence in it or at its end.
PROSE_LINE = regex_cache.compile(r"(?m)^(?=[^\t\n]*\.(?:\s|$))(?:[^\t\n\s]+[ ]+){11,}[^\t\n]*$")


def _table_end(text: str, rows_start: int, limit: int) -> int:
    """Where a table whose rows start at ``rows_start`` ends: at the first blank line that has no
    row (a line with tab-separated cells) both before and after it (a table copied from a web page
    may have a blank line between its rows), at the first line of running prose (a page that kept
    the caption but not the cells goes on with the case: "Table 2 Susceptibility results ...\nShe was
    treated with ... cephalexin ..."), or at ``limit``."""
    limit = min(len(text), limit)
    prose = PROSE_LINE.search(text, rows_start, limit)
    if prose is not None:
        limit = prose.start()
    position = rows_start
    while True:
        blank = BLANK_LINES.search(text, position, limit)
        if blank is None:
            return limit
        before = text[text.rfind("\n", 0, blank.start()) + 1:blank.start()]
        next_end = text.find("\n", blank.end(), limit)
        after = text[blank.end():next_end if next_end >= 0 else limit]
        if "\t" not in before or "\t" not in after or not rows_of_one_table(blank.group()):
            return blank.start()
        position = blank.end()  # a row on both sides: the same table goes on


# What joins two names of one combination: "Carbo/Taxol", "carbo-paclitaxel", "Carbo + Taxol".
JOINED = regex_cache.compile(r"\s*(?:[/+&-]|and|plus|with)\s*$", re.IGNORECASE)


def _inside(regions: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` lies in one of ``regions`` (sorted, disjoint (start, end) pairs)."""
    index = bisect_right(regions, (position, float("inf"))) - 1
    return index >= 0 and regions[index][0] <= position < regions[index][1]


def _merged(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The regions sorted and overlapping ones joined, as _inside wants them."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(regions):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class TreatmentGate:
    """Keeps the names that the words around them leave a treatment given (see
    ``DrugMatcher``): names that need a cue have one, names shown not given are dropped."""

    def __init__(self, spec: dict, details: DetailReader):
        flags = re.IGNORECASE
        self.details = details
        self.cues = {"cue": regex_cache.compile(spec["cue"], flags), "chemo": regex_cache.compile(spec["chemo_cue"], flags)}
        self.cue_window = int(spec.get("cue_window", 80))
        self.tight_after = regex_cache.compile(spec["tight_after"], flags)
        self.tight_before = regex_cache.compile(spec["tight_before"], flags)
        self.endogenous_after = regex_cache.compile(spec["endogenous_after"], flags)
        self.endogenous_before = regex_cache.compile(spec["endogenous_before"], flags)
        self.admin_cue = regex_cache.compile(spec["admin_cue"], flags)
        self.admin_after = regex_cache.compile(spec["admin_after"], flags)
        self.measured_after = regex_cache.compile(spec["measured_after"], flags)
        self.measured_before = regex_cache.compile(spec["measured_before"], flags)
        self.poisoned_before = regex_cache.compile(spec.get("poisoned_before", "(?!)"), flags)
        self.poisoned_after = regex_cache.compile(spec.get("poisoned_after", "(?!)"), flags)
        self.not_given_after = regex_cache.compile(spec["not_given_after"], flags)
        self.not_given_before = regex_cache.compile(spec["not_given_before"], flags)
        self.misuse_before = regex_cache.compile(spec["misuse_before"], flags)
        self.misuse_gap = regex_cache.compile(spec["misuse_gap"], flags)
        self.misuse_after = regex_cache.compile(spec["misuse_after"], flags)
        self.not_usable_after = regex_cache.compile(spec["not_usable_after"], flags)
        self.offer_words = regex_cache.compile(spec["offer_words"], flags)
        self.refusal_words = regex_cache.compile(spec["refusal_words"], flags)
        self.refusal_who = regex_cache.compile(spec["refusal_who"], flags)
        self.refusal_given = regex_cache.compile(spec["refusal_given"], flags)
        # matched on the lowercased text, case-sensitively: several times faster over a long report
        self.list_cues = regex_cache.compile(f"(?P<susceptibility>{spec['susceptibility_cue']})|(?P<allergy>{spec['allergy_cue']})"
                                            f"|(?P<example>{spec['example_cue']})")
        self.patient_words = regex_cache.compile(spec["patient_words"], flags)
        self.general_cue = regex_cache.compile(spec["general_cue"], flags)
        self.procedure_fluids = frozenset(spec["procedure_fluids"])
        self.fluid_use_before = regex_cache.compile(spec["fluid_use_before"], flags)
        self.fluid_use_after = regex_cache.compile(spec["fluid_use_after"], flags)
        self.given_words = regex_cache.compile(spec["given_words"], flags)
        self.general_table = regex_cache.compile(spec["general_table"], flags)
        self.microbes = regex_cache.compile(spec["microbes"], flags)
        self.microbe_pronoun = regex_cache.compile(spec["microbe_pronoun"], flags)
        self.panel_row = regex_cache.compile(spec["panel_row"], re.MULTILINE)  # "S"/"R" cells: case matters
        self.list_until = regex_cache.compile(spec["list_until"], flags)

    def check_cues(self, text: str, matches: list[Match]) -> list[Match]:
        """Names that are also body substances ("G-CSF") count only next to a treatment word or
        another drug, and never as "serum G-CSF level"; short codes with everyday meanings
        ("TC", "PTX") only next to a chemotherapy word; analytes, nutrients, enzymes and
        organisms (substances.tsv) only with an administration word in their clause, and never
        as a measurement ("alkaline phosphatase 61 U/L"); poisons the same, and never as the
        poison taken ("poisoning with sodium nitrite ... given to them by a neighbour")."""
        if not any(m.cue for m in matches):
            return matches
        plain = [m for m in matches if not m.cue]
        kept = []
        for match in matches:
            if not match.cue:
                kept.append(match)
                continue
            before_start, before, after = self._clause_window(text, match)
            if self.endogenous_after.match(after) or self.endogenous_before.search(before):
                continue
            if match.cue == "poison" and (self.poisoned_before.search(before) or self.poisoned_after.match(after)):
                continue  # "poisoning with sodium nitrite", "malathion-contaminated flour": the poison taken
            if match.cue in ("admin", "poison"):
                if not (self.measured_after.match(after) or self.measured_before.search(before)) and (
                        self.admin_cue.search(before) or self.admin_cue.search(after) or self.admin_after.match(after)
                        or self.admin_cue.search(text, match.start, match.end)  # "intravenous iron"
                        or self._dose_in(text, match.end, len(after)) or self.details.any_dose.search(before)):
                    kept.append(match)
                continue
            if match.cue == "tight":
                # a code with an everyday meaning: a regimen word right beside it ("PC regimen"), or
                # a slash to a regimen already counted ("a protocol of VAC/IE": alternating cycles)
                if self.tight_after.match(after) or self.tight_before.search(before) or any(
                        text[other.end:match.start] == "/" for other in kept if other.cue):
                    kept.append(match)
                continue
            cue = self.cues[match.cue]
            if cue.search(before) or cue.search(after):
                kept.append(match)
            elif match.cue == "chemo":
                # a short code joined to a drug name: "Carbo/Taxol", "carbo + paclitaxel"
                if any(self._joined(text, match, other) for other in plain):
                    kept.append(match)
            elif match.cue == "cue":
                after_end = match.end + len(after)
                if any(before_start <= m.start and m.end <= after_end for m in plain):
                    kept.append(match)
        return kept

    @staticmethod
    def _joined(text: str, one: Match, other: Match) -> bool:
        """Whether two names are written as one combination: "Carbo/Taxol", "TC + bevacizumab"."""
        first, second = (one, other) if one.start < other.start else (other, one)
        return bool(JOINED.match(text, first.end, second.start)) if 0 <= second.start - first.end <= 7 else False

    def _dose_in(self, text: str, start: int, length: int) -> bool:
        """Whether a dose starts within ``length`` characters after ``start``; read a little
        further so that a window cut inside "0.7 mg/dL" does not leave a dose "0.7 mg/d"."""
        dose = self.details.any_dose.search(text, start, start + length + 12)
        return dose is not None and dose.start() < start + length

    def _clause_window(self, text: str, match: Match) -> tuple[int, str, str]:
        """(start of ``before``, ``before``, ``after``): up to ``cue_window`` characters on
        each side of the match, not beyond the ends of its sentence or clause."""
        before_start = max(0, match.start - self.cue_window)
        before = text[before_start : match.start]
        ends = list(SENTENCE_END.finditer(before))
        if ends:
            before_start += ends[-1].end()
            before = before[ends[-1].end() :]
        after = text[match.end : match.end + self.cue_window]
        cut = SENTENCE_END.search(after)
        if cut:
            after = after[: cut.start()]
        return before_start, before, after


    def not_given(self, text: str, lowered: str, matches: list[Match]) -> list[Match]:
        """Drops the names that the words around them show were not given: an enzyme or
        receptor named after its substrate, a diagnostic test, an imaging tracer, an allergy,
        the antibiotics of a susceptibility panel, a code that is part of a gene or protein
        name ("SOX-11", "NP_000209"), a drug "contraindicated" or "not an option", a general
        statement of use, a fluid of a procedure, a vaccination."""
        if not matches:
            return matches
        regions = self._not_given_lists(text, lowered)
        general = self._general_statements(text, matches)
        refused = self._refused(text, matches) if self.refusal_words.search(text) else set()
        kept = []
        for match in matches:
            after = text[match.end : match.end + 60]
            before = text[max(0, match.start - 30) : match.start]
            if self.not_given_after.match(after) or self.not_given_before.search(before):
                continue
            if self.not_usable_after.match(text, match.end, match.end + 120):
                continue
            if self._misused(text, match):
                continue
            if self._part_of_code(text, match) or self._procedure_fluid(text, match):
                continue
            if regions and _inside(regions, match.start):
                continue
            if general and _inside(general, match.start):
                continue
            if match.start in refused:
                continue
            kept.append(match)
        return kept

    def _misused(self, text: str, match: Match) -> bool:
        """Whether the drug is named as a substance of misuse in its clause ("intravenous drug use
        (IVDU), up to 2 g/d of fentanyl", "fentanyl abuse"), with no verb of giving between the
        misuse word and the drug ("a history of drug use, treated with methadone" is given)."""
        if self.misuse_after.match(text, match.end, match.end + 40):
            return True
        before = self.misuse_before.search(text[max(0, match.start - 90):match.start])
        return before is not None and not self.misuse_gap.search(before.group("gap"))

    def _refused(self, text: str, matches: list[Match]) -> set[int]:
        """The starts of the drugs of a treatment offered (recommended, planned) that the patient
        then refused in the same sentence or at the start of the next one, with no verb of
        giving between the offer, the drug and the refusal."""
        refused = set()
        for match in matches:
            window_start = max(0, match.start - 300)
            start = max((m.end() for m in SENTENCE_END.finditer(text, window_start, match.start)), default=window_start)
            end_match = SENTENCE_END.search(text, match.end, match.end + 300)
            end = end_match.start() if end_match else min(len(text), match.end + 300)
            offers = list(self.offer_words.finditer(text, start, end))
            if not offers:
                continue
            before = [o for o in offers if o.end() <= match.start]
            if before and self.refusal_given.search(text, before[-1].end(), match.start):
                continue
            if self._refusal_in(text, match.end, end) or (
                    end_match and self._refusal_in(text, end_match.end(), min(len(text), end_match.end() + 60), opening=True)):
                refused.add(match.start)
            elif before and self._refusal_told_first(text, start, match.start):
                refused.add(match.start)
        return refused

    def _refusal_told_first(self, text: str, sentence_start: int, drug_start: int) -> bool:
        """Whether the sentence just before the offer's sentence tells the patient's refusal and
        nothing up to the drug says it was given ("... but the patient refused. We had offered
        him capecitabine")."""
        if sentence_start <= 0:
            return False
        window_start = max(0, sentence_start - 300)
        previous = max((m.end() for m in SENTENCE_END.finditer(text, window_start, max(window_start, sentence_start - 1))),
                       default=window_start)
        refusals = [r for r in self.refusal_words.finditer(text, previous, sentence_start)
                    if self.refusal_who.search(text[max(previous, r.start() - 40):r.start()])]
        return bool(refusals) and not self.refusal_given.search(text, refusals[-1].end(), drug_start)

    def _refusal_in(self, text: str, start: int, end: int, opening: bool = False) -> bool:
        """Whether the patient refuses between ``start`` and ``end`` with no verb of giving
        before the refusal (``opening``: the refusal opens that stretch of text, a sentence)."""
        for refusal in self.refusal_words.finditer(text, start, end):
            if not self.refusal_who.search(text[max(start, refusal.start() - 40):refusal.start()]):
                continue
            if opening and len(text[start:refusal.start()].split()) > 4:
                return False
            return not self.refusal_given.search(text, start, refusal.start())
        return False

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

    def _procedure_fluid(self, text: str, match: Match) -> bool:
        """A fluid that a procedure uses (a flush, an irrigation, a lavage, a distension
        medium, a soaked gauze) is no treatment given: "flushed with 10 mL of normal saline"."""
        if not set(match.generics) <= self.procedure_fluids:
            return False
        return bool(self.fluid_use_before.search(text, max(0, match.start - 60), match.start)
                    or self.fluid_use_after.match(text, match.end))

    @staticmethod
    def _part_of_code(text: str, match: Match) -> bool:
        """A short code glued to an underscore or followed by "-digits" names a gene, protein
        or accession ("SOX-11", "NP_000209.2"), not a regimen."""
        written = text[match.start : match.end]
        if len(written) > 4 or not written.isupper():
            return False
        after = text[match.end : match.end + 2]
        return after[:1] == "_" or text[match.start - 1 : match.start] == "_" or bool(re.match(r"-?\d", after))
