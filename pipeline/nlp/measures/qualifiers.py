"""What a value found by the measure matcher is: a patient's result or a threshold, a cut-off
or a group's statistic ("a WBC above 50 × 10^9/L defines ...", "median WBC"), with its
comparator ("over 140,000/µL"), and whether it is a blood count or another fluid's (a CSF,
pleural or synovial count in the clause, or in a table column headed by that fluid). The
patterns are those of ``models/patterns/measures.toml``."""
from __future__ import annotations

import re

from pipeline import regex_cache
from pipeline.nlp.measures import table_rows
from pipeline.nlp.measures.matches import Item, Keyword


class ValueQualifiers:
    """The qualifiers of a value: ``qualifiers`` (comparator, threshold), ``in_other_fluid``
    and ``in_other_fluid_column``."""

    def __init__(self, spec: dict):
        self.comparators = [
            (regex_cache.compile(r"(?<![A-Za-z])" + row["pattern"] + r"\s*(?:of\s+|than\s+)?$", re.IGNORECASE), row["symbol"], row["threshold"])
            for row in spec["comparator"]
        ]
        self.comparators_after = [
            (regex_cache.compile(row["pattern"], re.IGNORECASE), row["symbol"], row["threshold"]) for row in spec.get("comparator_after", [])
        ]
        self.definition = regex_cache.compile(spec["definition"], re.IGNORECASE | re.VERBOSE)
        self.group_statistic = regex_cache.compile(spec.get("group_statistic", "(?!)"))
        self.normal_status = regex_cache.compile(spec.get("normal_status", "(?!)"))
        self.reference_label_after = regex_cache.compile(spec.get("reference_label_after", "(?!)"))
        self.group_statistic_before = regex_cache.compile(spec.get("group_statistic_before", "(?!)"))
        self.result_link = regex_cache.compile(spec["result_link"])
        self.result_owner = regex_cache.compile(spec["result_owner"])
        self.result_verb = regex_cache.compile(spec.get("result_verb", "(?!)"))
        self.general_statement = regex_cache.compile(spec.get("general_statement", "(?!)"))
        self.fluid = regex_cache.compile(spec["fluid"], re.IGNORECASE | re.VERBOSE)
        self.fluid_after = regex_cache.compile(spec["fluid_after"], re.IGNORECASE | re.VERBOSE)
        self.fluid_sampling = regex_cache.compile(spec["fluid_sampling"], re.IGNORECASE | re.VERBOSE)
        self.blood_qualifier = regex_cache.compile(spec.get("blood_qualifier", "(?!)"), re.IGNORECASE | re.VERBOSE)

    def qualifiers(self, text: str, keyword: Keyword, item: Item, sentence) -> tuple[str | None, bool]:
        between = text[keyword.end : item.start]
        after = text[item.unit_end : item.unit_end + 30]
        comparator, threshold = None, False
        for pattern, symbol, is_threshold in self.comparators:
            found = pattern.search(between[-40:])
            if found:
                # "rose to over 140,000/µL": a result with its comparator, not a cut-off
                result = (
                    self.result_link.search(between[-40:][: found.start()])
                    or self.result_owner.search(text, max(sentence[0], keyword.start - 40), keyword.start)
                    or (keyword.family != "-" and self._told_as_result(text, item, sentence))
                )
                comparator, threshold = symbol, bool(is_threshold) and not result
                break
        else:
            for pattern, symbol, is_threshold in self.comparators_after:
                if pattern.match(after):
                    comparator, threshold = symbol, bool(is_threshold)
                    break
        # a closed bracket between the keyword and the value qualifies its own numbers
        outside = self.normal_status.sub(" ", re.sub(r"[(\[][^()\[\]]*[)\]]", " ", between))
        lead_in = self._lead_in(text, keyword, sentence)
        if self.definition.search(lead_in) or self.definition.search(outside) or self.reference_label_after.search(outside):
            threshold = True
        elif keyword.family != "-" and (self.group_statistic_before.search(lead_in) or self.group_statistic.search(outside)):
            threshold = True
        return comparator, threshold

    def _told_as_result(self, text: str, item: Item, sentence) -> bool:
        """True when the sentence tells the value as a finding of the patient: a past-tense verb
        of finding or course, and no word of a general statement."""
        start, end = sentence
        return self.result_verb.search(text, start, end) is not None and self.general_statement.search(text, start, end) is None

    def in_other_fluid(self, text: str, keyword: Keyword, item: Item, sentence) -> bool:
        """True when the clause of the value names another fluid than blood before it (or an
        "in the pleural fluid" after it). The name of the cells may stand before the value ("the
        pleural fluid WBC was 2,300/µL") or after it ("the synovial fluid showed 10 thousand
        WBCs"): the words are read back from whichever comes first."""
        anchor = min(keyword.start, item.start)
        # "his blood leukocyte count": the words before the keyword then name no other fluid
        blood = self.blood_qualifier.search(text, max(sentence[0], anchor - 30), anchor) is not None
        row = row_start(text, anchor)
        before = anchor if blood else max(sentence[0], anchor - 40, row)
        return (
            self.fluid.search(text, before, item.start) is not None
            or (not blood and self.fluid_sampling.search(text, max(sentence[0], row), anchor) is not None)
            or self.fluid_after.search(text, item.end, sentence[1]) is not None
        )

    def in_other_fluid_column(self, text: str, position: int) -> bool:
        """True when ``position`` lies in a table cell whose column heading names another fluid
        than blood ("Parameter | Blood | CSF" over "WBC (/µL) | 14,200 | 560": 560 is the CSF's)."""
        line_start, line_end = table_rows.line_bounds(text, position)
        row = text[line_start:line_end]
        separator = "|" if "|" in row else "\t" if "\t" in row else None
        if separator is None:
            return False
        heading = table_heading(text, line_start, separator)
        if heading is None:
            return False
        cells = heading.split(separator)
        column = text.count(separator, line_start, position)
        return column < len(cells) and self.fluid.search(cells[column]) is not None

    def _lead_in(self, text: str, keyword: Keyword, sentence) -> str:
        """The few words before the keyword ("defined as", "typically"), cut at a number or
        bracket so that another value's "(normal range ...)" does not leak in."""
        start = max(sentence[0], keyword.start - 60, row_start(text, keyword.start))
        lead = text[start : keyword.start]
        cut = max(lead.rfind(c) for c in "0123456789;)")
        return lead[cut + 1 :]


def row_start(text: str, position: int) -> int:
    """The start of the line of ``position`` when the line above is a table row (it holds a
    cell border "|" or a tab), else 0: a table's header row ("| Parameter | Patient |
    Reference range |", "| Analyte | Ascitic fluid | Blood |") qualifies the columns below it,
    not the words of the next row, and is read cell by cell (_in_other_fluid_column)."""
    line_start = text.rfind("\n", 0, position) + 1
    if line_start == 0:
        return 0
    above = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
    return line_start if "|" in above or "\t" in above else 0


def table_heading(text: str, line_start: int, separator: str, most_lines: int = 40) -> str | None:
    """The first line of the table the line at ``line_start`` belongs to (the lines above it
    that hold the same cell separator; a markdown rule "|---|---|" is skipped), or None when
    the line is the table's first."""
    heading, end = None, line_start - 1
    for _ in range(most_lines):
        if end < 0:
            break
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if separator not in line:
            break
        if not re.fullmatch(r"[\s|:\-–]*", line):
            heading = line
        end = start - 1
    return heading
