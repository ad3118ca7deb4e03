"""Sections of a case report from its heading lines: known headings alone on a line or followed
by a colon, labels after a sentence's end, headings glued to their first sentence or inside a
page flattened to one line, page furniture and its reach, and "Case N" markers. Used by
``sections.SectionDetector``, which then lets the content decide.

The lines' own words are ``heading_lines``'s, the furniture's reach ``page_furniture``'s, the
headings inside a line ``inline_headings``'s, and the list of starts with its menus taken out
``heading_menus``'s."""
from __future__ import annotations

import re
from collections.abc import Callable

from pipeline import regex_cache
from pipeline.nlp.sections.heading_lines import (HEADING_DECORATION, LINE, MAX_HEADING_WORDS, PATIENT_HEADING,
                                                 heading_sections, heading_text)
from pipeline.nlp.sections.heading_menus import _without_menus, push
from pipeline.nlp.sections.inline_headings import INLINE_LABEL, PATIENT_ARTICLE, InlineHeadings
from pipeline.nlp.sections.page_furniture import PageFurniture
from pipeline.resources import read_patterns, read_table


class HeadingReader(PageFurniture, InlineHeadings):
    """Section starts (offset, section, heading) and "Case N" markers from a report's lines.
    ``presents_patient`` tells a sentence that introduces the reported patient (a case heading
    counts only before one; a furniture block ends at one)."""

    def __init__(self, presents_patient: Callable[[str], bool], headings: str = "sections/headings.tsv",
                 furniture: str = "sections/furniture.tsv", flattened: str = "sections/flattened.toml"):
        self.presents_patient = presents_patient
        self.headings = heading_sections(headings)
        longest = max(len(h.split()) for h in self.headings)
        self.max_words = max(MAX_HEADING_WORDS, longest)
        self.furniture = [(regex_cache.compile(row["pattern"], re.IGNORECASE), row["reach"]) for row in read_table(furniture)]
        flat = read_patterns(flattened)
        self.flat_min_line = int(flat["min_line"])
        self.flat_furniture_reach = int(flat["furniture_reach"])
        # longest first; ties by name, so that the pattern (its regex_cache key) is the same in
        # every process: a set's order changes with string hashing
        names = sorted(set(flat["headings"]) | set(flat["furniture"]), key=lambda name: (-len(name), name))
        self.flat_kinds = {name: "furniture" if name in flat["furniture"] else self.headings[name] for name in names}
        self.flat_pattern = regex_cache.compile(
            r"(?P<before>^|[.!?\])]\s+(?:\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\.?\s+|[IVX]{1,4}\.\s+)?|\s{2,}|\s)(?P<head>(?i:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
            + r"))(?=(?P<colon>\s*:)?(?:…|\.\.\.)?\s+[A-Z0-9\[(])")  # "The Case Continued… The patient"
        # The same headings glued to their first sentence in a line of ordinary length (PDF
        # text reflowed into paragraphs: "1. Introduction Salmonella are ...", "CASE PRESENTATION
        # A 52-year-old man ...", "... reported [1]. Case Report An 81-year-old man ..."): only at
        # the line's start (numbering allowed) or after a sentence's end, never after a colon,
        # and followed by a capitalised word.
        self.glued_pattern = regex_cache.compile(
            r"(?:^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+|[IVX]{1,4}\.\s+)?|(?<=[.!?\])])\s+(?:\d{1,2}\.\s+|[IVX]{1,4}\.\s+)?)(?P<head>(?i:"
            + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names if n not in flat["furniture"])
            + r"))(?=(?:…|\.\.\.)?\s+[A-Z])(?!\s*:)")
        # A case heading after any word, right before an indefinite article that opens the sentence
        # presenting the patient ("... in young patients1 Clinical Case A 28-year-old male ...")
        self.case_run_in = regex_cache.compile(
            r"(?<=[\w\])])\s+(?P<head>(?i:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names
                                                   if self.flat_kinds[n] == "case")
            + r"))(?=" + PATIENT_ARTICLE + ")")

    def heading_section(self, name: str) -> str | None:
        """The section a heading's name opens; of two headings joined by a slash ("case
        description/methods"), the first one's."""
        if name in self.headings:
            return self.headings[name]
        parts = [part.strip() for part in name.split("/")] if "/" in name else []
        return next((self.headings[part] for part in parts if part in self.headings), None)

    def classify_line(self, line: str) -> str | None:
        """The section a heading line opens, or None when the line is not a heading."""
        text = heading_text(line)
        if not text or len(text.split()) > self.max_words:
            return None
        if text in self.headings:
            return self.headings[text]
        bare = HEADING_DECORATION.sub("", text).rstrip(":.").strip()
        if bare != text and (section := self.heading_section(bare)):
            return section
        head, colon, _ = text.partition(":")
        if colon and (section := self.heading_section(head.strip())):
            return section
        words = text.split()
        # "INTRODUCTION CASE REPORT": several headings merged on one line (two-column PDF text)
        if 1 < len(words) <= 4 and line.strip().isupper():
            found = {self.headings[w] for w in words if w in self.headings}
            found |= {self.headings[" ".join(words[i:i + 2])] for i in range(len(words) - 1) if " ".join(words[i:i + 2]) in self.headings}
            if len(found) > 1:
                return "body"
        return None

    def starts(self, text: str) -> tuple[list[tuple[int, str, str | None]], list]:
        """Section starts (offset, section, heading) from heading and furniture lines, and the
        (start, end, line) of "Case N" markers."""
        starts: list[tuple[int, str, str | None]] = [(0, "front", None)]
        markers = []
        lines = list(LINE.finditer(text))
        furniture_until = -1  # index of the last line of the current furniture block
        resume: tuple[str, str | None] = ("front", None)
        flat_resume: tuple[str, str | None] = ("front", None)
        bare_headings: list[tuple[int, tuple]] = []  # (line index, start) of lines that are only a heading
        for index, match in enumerate(lines):
            line = match.group()
            if index <= furniture_until:
                continue
            begin = match.start() + len(line) - len(line.lstrip())
            if index == furniture_until + 1 and furniture_until >= 0 and starts[-1][1] == "furniture":
                push(starts, (begin, *resume))
            reach = self.furniture_reach(line)
            if reach:
                if starts[-1][1] != "furniture":
                    resume = starts[-1][1:]
                    push(starts, (begin, "furniture", line.strip()[:80]))
                furniture_until = self._block_end(lines, index, reach)
                continue
            inline = line.split(":", 1)[0] if ":" in line[:40] else line
            section = self.classify_line(line) or (self.classify_line(inline + ":") if inline is not line else None)
            if section:
                push(starts, (begin, section, line.strip()[:80]))
                if inline is line:
                    bare_headings.append((index, starts[-1]))
            inside = [(label.start("label"), self.heading_section(re.sub(r"\s+", " ", label.group("label").lower())),
                       line[label.start("label"):label.end()].strip()) for label in INLINE_LABEL.finditer(line)]
            inside = [entry for entry in inside if entry[1]]
            if len(line) >= self.flat_min_line:
                inside += self._flattened_starts(line)
            elif not section:
                inside += self._glued_starts(line)
            else:  # a line opened by its own heading ("Abstract Background ... patients1 Clinical Case A 28-year-old")
                inside += [entry[:3] for entry in self._case_run_in(line)]
            taken = set()
            line_open = starts[-1][1:]
            for position, section, heading in sorted(inside, key=lambda s: s[0]):
                if position in taken:
                    continue  # "Introduction:" found both as a label and as a flattened heading
                taken.add(position)
                if section == "furniture" and starts[-1][1] != "furniture":
                    flat_resume = starts[-1][1:]
                if section == "resume":
                    section, heading = flat_resume
                if section == "line_resume":
                    section, heading = line_open
                push(starts, (match.start() + position, section, heading))
            patient = PATIENT_HEADING.match(line)
            if patient and len(line.split()) <= 12 or patient and ":" in line[:20]:
                markers.append((match.start(), match.start() + len(patient.group().rstrip()), line.strip()[:80], patient.group("number")))
                if starts[-1][1] not in ("case", "abstract"):
                    push(starts, (begin, "case", line.strip()[:80]))
        return _without_menus(starts, bare_headings, text), markers
