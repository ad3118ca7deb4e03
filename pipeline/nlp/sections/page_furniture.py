"""Page furniture (``models/sections/furniture.tsv``: author blocks, keywords, citation boxes,
boxes of lessons): how far the furniture on a line reaches and the last line of its block.
:class:`PageFurniture` is a part of ``headings.HeadingReader``."""
from __future__ import annotations

import re

from pipeline import regex_cache
from pipeline.nlp.sections.heading_lines import LEADING_NUMBERING, PATIENT_HEADING

LEADING_MARKS = regex_cache.compile(r"^[\s*†‡§#•·▪■►>\-–—]+")
# A furniture block goes on over lines that are not prose: names, affiliations, e-mail
# addresses, bullet points. Prose: a line of some length with a verb of a sentence.
PROSE_VERB = regex_cache.compile(r"\b(?:is|are|was|were|has|have|had|been|be|presented|showed|revealed|underwent|received|"
                        r"developed|complained|admitted|referred|diagnosed|report|present|describe)\b", re.IGNORECASE)
PROSE_WORDS = 8
# A two-column PDF page read line by line runs a furniture label of one column into the case of
# the other ("Correspondence to He was treated with intravenous flucloxacillin and his"): the
# patient's sentence after the label makes the line the case's, not furniture.
COLUMN_PROSE = regex_cache.compile(
    r"^(?:\S+\s+){0,2}?(?:He|She|They|The\s+patient|Our\s+patient|His|Her|Their)\b(?:\s+[\w-]+){0,3}?\s+"
    r"(?:was|were|is|are|had|has|have|received|underwent|presented|developed|showed|complained|remained|"
    r"recovered|improved|died|denied|reported)\b")
# A label's text set after a colon on its own line ("Correspondence Author: Ming-Chu Tai").
LABEL_TEXT_AFTER = regex_cache.compile(r":\s*\S")
MAX_BLOCK_LINES = 40
MAX_BOX_LINES = 8  # a box of lessons ("Key Clinical Message", "Take-home messages") is short
BARE_FURNITURE_WORDS = 4
# A furniture line is a line of a page's apparatus, not a paragraph of the article's text.
MAX_FURNITURE_WORDS = 80  # "Keywords", "Author information": the furniture's text is on the next line


class PageFurniture:
    """The furniture's reach; a part of ``headings.HeadingReader`` (it uses the reader's
    ``furniture``, ``presents_patient`` and ``classify_line``)."""

    def furniture_reach(self, line: str) -> str | None:
        """How far the furniture on this line reaches ("line", "label", "block"), or None when
        the line is not page furniture."""
        found = self._furniture_label(line)
        return found[0] if found else None

    def _furniture_label(self, line: str) -> tuple[str, str] | None:
        """(reach, the line's text after the furniture's label), or None when the line is not furniture."""
        text = LEADING_MARKS.sub("", LEADING_NUMBERING.sub("", line)).strip()
        if len(text.split()) > MAX_FURNITURE_WORDS:
            return None  # a paragraph that opens with furniture ("OPEN ACCESS *Correspondence: ... Abstract ...")
        for pattern, reach in self.furniture:
            label = pattern.match(text)
            if label:
                rest = text[label.end():].lstrip(" :;,.")
                return None if COLUMN_PROSE.match(rest) else (reach, rest)
        return None

    def _block_end(self, lines: list, index: int, reach: str) -> int:
        """Index of the last line of the furniture that starts at line ``index``."""
        # a label alone on its line ("Keywords", "Conflict of interest"), not one with its text after it
        # ("Correspondence Author: Ming-Chu Tai", whose next line may be the article's first paragraph)
        label = self._furniture_label(lines[index].group())
        bare = reach != "line" and len(lines[index].group().split()) <= BARE_FURNITURE_WORDS \
            and not (label and LABEL_TEXT_AFTER.search(lines[index].group()) and label[1])
        end = index
        following = lines[index + 1].group() if index + 1 < len(lines) else ""
        if bare and following and not self.presents_patient(following) and not self.classify_line(following):
            end = index + 1  # "Keywords" / "Conflict of interest" alone: its text is the next line
        if reach == "box":
            # a box of lessons: its lines of prose up to a blank line or a heading
            while end + 1 < len(lines) and end - index < MAX_BOX_LINES:
                following = lines[end + 1]
                if "\n\n" in following.string[lines[end].end():following.start()].replace(" ", "").replace("\t", ""):
                    break
                if self.classify_line(following.group()) or self.furniture_reach(following.group()) \
                        or PATIENT_HEADING.match(following.group()) or self.presents_patient(following.group()):
                    break
                end += 1
        if reach == "block":
            while end + 1 < len(lines) and end - index < MAX_BLOCK_LINES:
                following = lines[end + 1].group()
                if self.is_prose(following) or self.classify_line(following):
                    break
                end += 1
        return end

    def is_prose(self, line: str) -> bool:
        return len(line.split()) >= PROSE_WORDS and bool(PROSE_VERB.search(line)) or self.presents_patient(line)
