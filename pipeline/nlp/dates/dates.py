"""Finds calendar dates ("April 18, 2012", "18th April 2012", "2012-08-25", "February 1993",
"from 16 March to 22 April 1993", "in June", "in 2019") and flags publication metadata.

The patterns in ``models/patterns/dates.toml`` are tried in order over ``doc.text``; an
earlier one wins where two overlap. Three things need the whole document, so they are
settled after matching: the day/month order of numeric dates ("08/09/2012" is read only
when the document's other numeric dates show the order), the year of dates written without
one (the nearest full date before them), and whether a date is publication metadata.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.nlp.base import LATIN_WORD, Component, Finding, fill_template
from pipeline.nlp.dates.model import DateValue
from pipeline.nlp.dates.normalise import compiled_patterns, iso, month_numbers, month_of, numeric_order, parts_from_match, precision_of
from pipeline.resources import read_patterns

# How far from a range of years its sentence may reach when it is read for a count of people.
SERIES_REACH = 200

GROUP = "dates"
LABEL = "DATE"
SENTENCE_BREAK = regex_cache.compile(r"[.!?]\s+[A-Z][a-z]")
WORD = LATIN_WORD


# How far after a date without its year a full date may give it its year (characters).
YEAR_AFTER_REACH = 60


@dataclass
class Found:
    start: int
    end: int
    kind: str  # full, numeric, yearless, year
    year: int | None = None
    month: int | None = None
    day: int | None = None
    numbers: tuple[int, int] | None = None  # the two numbers of a numeric date, in order
    literature: bool = False  # a year-only date in a sentence about the literature


class DateMatcher(Component):
    """Puts dates in ``doc.spans["dates"]`` with a :class:`DateValue` in ``Span._.value``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_dates")
    >>> doc = nlp("Accepted 4 November 1996. She was treated from 16 March to 22 April 1993 and relapsed in June.")
    >>> [(s._.value.iso, s._.value.metadata, s._.value.inferred_year) for s in doc.spans["dates"]]
    [('1996-11-04', True, False), ('1993-03-16', False, False), ('1993-04-22', False, False), ('1993-06', False, True)]
    """

    group = GROUP

    def __init__(self, nlp: Language, name: str = "caselit_dates", patterns: str = "patterns/dates.toml"):
        super().__init__(nlp, name)
        spec = read_patterns(patterns)
        self.patterns_file = patterns  # month names are read from it too
        self.months = month_numbers(patterns)
        self.patterns = compiled_patterns(patterns)
        self.metadata_cue = regex_cache.compile(spec["metadata_cue"])
        self.metadata_window = int(spec["metadata_window"])
        self.biblio_line = regex_cache.compile(spec.get("biblio_line", "(?!)"))
        parts = spec.get("parts", {})  # the datelines name their weekday by its part
        self.dateline_lead = regex_cache.compile(fill_template(spec.get("dateline_lead", "(?!)"), parts))
        self.dateline_label = regex_cache.compile(spec.get("dateline_label", "(?!)"))
        self.flat_dateline_before = regex_cache.compile(fill_template(spec.get("flat_dateline_before", "(?!)"), parts))
        self.flat_dateline_after = regex_cache.compile(spec.get("flat_dateline_after", "(?!)"))
        self.biblio_line_max = int(spec.get("biblio_line_max", 0))
        self.citation_after = regex_cache.compile(spec["citation_after"])
        self.metadata_after = regex_cache.compile(spec.get("metadata_after", "(?!)"))
        self.metadata_after_window = int(spec.get("metadata_after_window", 40))
        self.citation_before = regex_cache.compile(spec["citation_before"])
        self.citation_window = int(spec["citation_window"])
        self.references_heading = regex_cache.compile(spec["references_heading"])
        self.menu_item = regex_cache.compile(spec["menu_item"])
        self.year_excluded_before = regex_cache.compile(spec["year_excluded_before"])
        self.year_excluded_after = regex_cache.compile(spec["year_excluded_after"])
        self.year_range = regex_cache.compile(spec.get("year_range", "(?!)"))
        self.year_range_series = regex_cache.compile(spec.get("year_range_series", "(?!)"))
        self.in_identifier = regex_cache.compile(spec["in_identifier"])
        self.masked_year = regex_cache.compile(spec.get("masked_year", "(?!)"))
        self.anchor = regex_cache.compile(spec["anchor"])
        self.anchor_before = int(spec["anchor_before"])
        self.anchor_after = int(spec["anchor_after"])

    def find(self, doc: Doc, text: str):
        """Each date as a :class:`Finding`: matched first, then normalised with what only the
        whole document tells (day/month order, the year of a date without one, metadata)."""
        if not text:
            return
        found = sorted(self._find(text), key=lambda f: f.start)
        day_first = self._numeric_order(found)
        references_start = self._references_start(text)
        last_year = None
        masked = [m.start() for m in self.masked_year.finditer(text)]
        findings = []
        for index, item in enumerate(found):
            while masked and masked[0] < item.start:
                masked.pop(0)
                last_year = None  # "In April 201X ... in late April": the year is not known
            metadata = item.start >= references_start or self._is_metadata(text, item.start, item.end)
            inferred = False
            if item.kind == "numeric":
                order = numeric_order(*item.numbers)
                order = day_first if order is None else order
                if order is None and "." in text[item.start:item.end]:
                    order = "dm"  # "12.03.2019": dots are the day-first countries' way (DIN 5008, GOST)
                if order is None:
                    continue
                item.day, item.month = item.numbers[::-1] if order == "md" else item.numbers
            elif item.kind == "yearless":
                following = found[index + 1] if index + 1 < len(found) else None
                year = last_year if last_year is not None else self._year_after(text, item, following)
                if year is None:
                    continue
                item.year, inferred = year, True
            elif item.kind == "year" and item.literature:
                continue
            value = iso(item.year, item.month, item.day) if item.year else None
            if value is None:
                continue
            if not metadata and not inferred:
                last_year = item.year
            date = DateValue(value, precision_of(value), text[item.start : item.end], inferred, metadata)
            findings.append(Finding(item.start, item.end, LABEL, date))
        # The publication's own day written again without its cue (a document-sharing page's
        # snippet "Feb 28, 2017 - ..." above "Publication Date: 28 February 2017") is metadata
        # too: a clinical event on the very day of publication is not a case report's.
        published = {f.value.iso for f in findings if f.value.metadata and f.value.precision == "day"}
        for finding in findings:
            date = finding.value
            if not date.metadata and date.precision == "day" and date.iso in published:
                finding = Finding(finding.start, finding.end, LABEL, replace(date, metadata=True))
            yield finding

    @staticmethod
    def _year_after(text: str, item: Found, following: Found | None) -> int | None:
        """The year of the full date ``following`` right after ``item``, a date written without one,
        in the same clause of events ("admitted on March 3 and discharged on March 10, 2019", "from 3
        to 10 March 2019"): the first year of the text may come after its first date."""
        if following is None or following.kind != "full" or following.year is None:
            return None
        if following.start - item.end > YEAR_AFTER_REACH or SENTENCE_BREAK.search(text, item.end, following.start) \
                or ";" in text[item.end:following.start]:
            return None
        return following.year

    def _find(self, text: str):
        windows = self._windows(text)
        occupied = bytearray(len(text))
        for _name, kind, pattern, needs_year, needs_month in self.patterns:
            for window_start, window_end, has_year, has_month in windows:
                if (needs_year and not has_year) or (needs_month and not has_month):
                    continue
                for match in pattern.finditer(text, window_start, window_end):
                    start, end = match.span("date") if match.groupdict().get("date") else match.span()
                    if any(occupied[start:end]) or self._in_identifier(text, start, end):
                        continue
                    occupied[start:end] = b"\x01" * (end - start)
                    yield from self._dates_of(text, match, kind, start, end)

    def _windows(self, text: str) -> list[tuple[int, int, bool, bool]]:
        """Merged stretches of text around years and month names, where dates can be, and
        whether each holds a year and a month name (a pattern needing one skips the others)."""
        windows: list[list] = []
        months = self.months
        for anchor in self.anchor.finditer(text):
            is_month = anchor.group()[0].isalpha()
            if is_month:  # a letter anchor counts only as a whole month name
                word = WORD.match(text, anchor.start())
                if word is None or word.group() not in months or (anchor.start() and text[anchor.start() - 1].isalpha()):
                    continue
            elif anchor.group()[0].isdigit() and (text[anchor.start() - 1 : anchor.start()].isdigit() or text[anchor.end() : anchor.end() + 1].isdigit()):
                continue
            start, end = max(0, anchor.start() - self.anchor_before), min(len(text), anchor.end() + self.anchor_after)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = end
            else:
                windows.append([start, end, False, False])
            windows[-1][2 + is_month] = True
        return [tuple(window) for window in windows]

    def _dates_of(self, text: str, match: re.Match, kind: str, start: int, end: int):
        groups = match.groupdict()
        if groups.get("year1"):  # "between 2015 and 2017": the first year of a range of years
            literature = self._about_literature(text, match.start(), end)
            yield Found(match.start("year1"), match.end("year1"), kind, int(groups["year1"]), literature=literature)
        if kind == "numeric":
            yield Found(start, end, kind, int(groups["year"]), numbers=(int(groups["a"]), int(groups["b"])))
            return
        year, month, day = parts_from_match(match, self.patterns_file)
        if kind == "yearless" and day is None and groups.get("day1"):
            day = int(groups["day1"])
        if groups.get("first"):
            first_month = month_of(groups.get("month1"), self.patterns_file) or month
            first_day = int(groups["day1"]) if groups.get("day1") else None
            if first_day is not None and not groups.get("month1") and day is not None and first_day >= day:
                first_day = None  # "12-5 May 2012" is not a day range
            if first_day is not None or groups.get("month1"):
                yield Found(match.start("first"), match.end("first"), kind, year, first_month, first_day)
            start, end = match.span("second")
            if groups.get("day1") and not groups.get("month1") and match.start("first") > match.start("second"):
                # "March 16-22, 1993": the second date is "22, 1993", its month written before
                start = match.start("day")
        literature = kind == "year" and self._about_literature(text, match.start(), end)
        yield Found(start, end, kind, year, month, day, literature=literature)

    # -- document-level decisions ----------------------------------------------------------

    @staticmethod
    def _numeric_order(found: list[Found]) -> str | None:
        """"dm" or "md" when the document's unambiguous numeric dates all agree."""
        orders = {numeric_order(*f.numbers) for f in found if f.kind == "numeric"} - {None, "same"}
        return orders.pop() if len(orders) == 1 else None

    def _references_start(self, text: str) -> int:
        for heading in self.references_heading.finditer(text):
            line_start = text.rfind("\n", 0, heading.start()) + 1
            if heading.group("inline") or not text[line_start : heading.start()].strip():
                if not heading.group("inline") and self.menu_item.search(text, 0, line_start):
                    continue  # "Discussion\nConclusion\nReferences" at a page's top: a menu
                return heading.start()
        return len(text) + 1

    def _is_metadata(self, text: str, start: int, end: int) -> bool:
        window_start = max(0, start - self.metadata_window)
        # searched up to the date's start, and again up to its end so that a cue's lookahead sees the
        # date ("Received May 12"); what counts is where the last cue before the date ends
        ends = [cue.end() for cue in self.metadata_cue.finditer(text, window_start, start)]
        ends += [cue.end() for cue in self.metadata_cue.finditer(text, window_start, end) if cue.end() <= start]
        if ends and not SENTENCE_BREAK.search(text, max(ends), start):
            return True
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end].strip(" \t\u00a0.,;:•")
        lead = self.dateline_lead.match(line)
        if (line[lead.end():] if lead else line).strip(" \t\u00a0.,;:•") == text[start:end]:
            return True  # a date alone on its line ("Tuesday, July 8, 2014"): a page header or a post's dateline
        if self.flat_dateline_before.search(text[max(0, start - 20):start]) and self.flat_dateline_after.match(text, end):
            return True  # the dateline of a page flattened to one line, run into the page's next words
        if line.startswith(text[start:end]) and self.dateline_label.fullmatch(line[end - start:]):
            return True  # "21 February 2022: Articles": a banner's or a listing's date
        label = self.dateline_label.match(text, end)
        if label and label.end() > end + 1 and text[label.end():label.end() + 1].isupper():
            return True  # the same banner run into the page's next words ("07 August 2023: Articles USA ...")
        if line_end - line_start <= self.biblio_line_max and self.biblio_line.search(text, line_start, line_end):
            return True  # a short line with a DOI or PMID: a citation or a page's article line
        if self.citation_after.match(text[end : end + 30]) or self.metadata_after.match(text[end : end + self.metadata_after_window]):
            return True  # a reference's volume and pages, or a page's "| Posted by" after its date
        return self.citation_before.search(text, max(line_start, start - self.citation_window), start) is not None

    def _in_identifier(self, text: str, start: int, end: int) -> bool:
        """True when the date sits in a whitespace-free run with URL or identifier marks."""
        run_start = start
        while run_start > 0 and not text[run_start - 1].isspace() and start - run_start < 80:
            run_start -= 1
        run_end = end
        while run_end < len(text) and not text[run_end].isspace() and run_end - end < 80:
            run_end += 1
        return self.in_identifier.search(text[run_start:start] + " " + text[end:run_end]) is not None

    def _about_literature(self, text: str, match_start: int, end: int) -> bool:
        before = text[max(0, match_start - 60) : match_start]
        if self.year_excluded_before.search(before) or self.year_excluded_after.match(text[end : end + 40]):
            return True
        # a range of years in a sentence that counts people: a series' period ([patterns] year_range_series)
        if self.year_range.search(text, match_start, end) is None:
            return False
        opening = max(text.rfind(". ", max(0, match_start - SERIES_REACH), match_start), text.rfind("\n", max(0, match_start - SERIES_REACH), match_start))
        closing = min((i for i in (text.find(". ", end, end + SERIES_REACH), text.find("\n", end, end + SERIES_REACH)) if i >= 0),
                      default=min(len(text), end + SERIES_REACH))
        return self.year_range_series.search(text, opening + 1, closing) is not None
