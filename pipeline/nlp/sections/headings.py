"""Sections of a case report from its heading lines: known headings alone on a line or followed
by a colon, labels after a sentence's end, headings glued to their first sentence or inside a
page flattened to one line, page furniture and its reach, and "Case N" markers. Used by
``sections.SectionDetector``, which then lets the content decide."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from pipeline import regex_cache
from pipeline.resources import read_patterns, read_table

# "Case 1", "Case 2:", "Patient 2 -", "CASE II", "Case report 1" at the start of a line.
# "Twin A", "Twin 2", "Sibling 1", "Case B" open a patient of a report on twins or siblings.
PATIENT_HEADING = regex_cache.compile(
    r"^\s*(?:(?i:case|patient)(?:\s+(?i:report|presentation|description|history|vignette|study))?|(?i:twin|sibling))\s*(?:(?i:no)\.?\s*)?#?\s*"
    r"(?P<number>\d{1,2}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|i{1,3}|iv|v)|[A-F])\b\s*(?:[:.)\-–—]|$)",
)
LEADING_NUMBERING = regex_cache.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|[A-H]\.)\s+")
LEADING_MARKS = regex_cache.compile(r"^[\s*†‡§#•·▪■►>\-–—]+")
LINE = regex_cache.compile(r"[^\n]+")
MAX_HEADING_WORDS = 8
# What a web page prints after a heading's words: a count of the items under it ("References
# (20)", "Cited by (12)"), a link back to the top ("Abstract▴Top", "Discussion ↑ Back to top"),
# a wiki's "[edit]", a bare "Top" link ("Case report Top"). The heading is read without it.
HEADING_DECORATION = regex_cache.compile(r"\s*(?:\(\s*\d{1,4}\s*\)|[▴▲↑⇧]\s*(?:back\s+to\s+)?top|\bback\s+to\s+top|\[\s*edit\s*\]|(?<=[a-z])\s+[Tt]op)\s*$")
# "... is rare. Patient concerns: A 48-year-old woman": a capitalised label of up to four words
# and a colon right after a sentence's end, followed by the label's text. A page whose block
# elements lost their spacing glues the label to the sentence before and to its text ("... is
# rare.Patient concerns:We report", "... decades.Case Presentation:" ending its line); only a
# label of headings.tsv opens a section, so the glued form is read too.
# Letters of the label may be accented or Cyrillic ("Presentación de caso:", "Клинический случай:").
_CAPITAL = "A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ"
_LETTERS = r"(?:[^\W\d_]|['’])"
INLINE_LABEL = regex_cache.compile(rf"(?<=[.!?])\s*(?P<label>[{_CAPITAL}]{_LETTERS}*(?:[ -]{_LETTERS}+){{0,3}})\s*:"
                                   rf"(?:\s+(?=[{_CAPITAL}0-9(\"“])|(?=[{_CAPITAL}])|\s*$)")
# After a sentence's end inside a line of ordinary length, the headings that open a section up
# to the line's end: the discussion and the references, which tell of other patients.
MID_LINE_KINDS = frozenset({"discussion", "references"})
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
MAX_BLOCK_LINES = 40
MAX_BOX_LINES = 8  # a box of lessons ("Key Clinical Message", "Take-home messages") is short
BARE_FURNITURE_WORDS = 4
# A furniture line is a line of a page's apparatus, not a paragraph of the article's text.
MAX_FURNITURE_WORDS = 80  # "Keywords", "Author information": the furniture's text is on the next line
SENTENCE_BREAK = regex_cache.compile(r"[.!?]\s")
# The indefinite article that opens the patient's first sentence right after a case heading run into
# a line ("... Clinical Case A 28-year-old male"), or the authors presenting the patient ("... Clinical
# findings Case Report We present the case of an 88-year-old patient ...").
PATIENT_ARTICLE = r"\s+(?:A|An|We\s+(?:here\s+)?(?:report|present|describe)|Here(?:in)?,?\s+we\s+(?:report|present|describe))\s"
RUN_IN_PATIENT = regex_cache.compile(PATIENT_ARTICLE)
# The numbers between the entries of a flattened page's table of contents ("1. Introduction 2.
# Case presentation", "I. ... II. ...").
MENU_NUMBERING = regex_cache.compile(r"(?<![\w.])(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.)(?![\w.])")
# What ends a flattened page's front matter right before its first heading: an e-mail address, a
# web or DOI address, a licence's or a date line's year, with its month after it in a repository's
# record ("... liuxm@example.cn Introduction In India ...", "... https://doi.org/10.1000/x
# Background The ...", "... Publication status Published - 2008 May Discussion This case ...").
# A heading after it is one, though no sentence end stands before it.
FRONT_MATTER_END = regex_cache.compile(r"(?:\S+@\S+\.[a-z]{2,}|https?://\S+|\bdoi:?\s*10\.\S+|\b(?:19|20)\d\d"
                                       r"(?:\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?)?)\s+$")


@lru_cache(maxsize=None)
def heading_sections(headings: str = "sections/headings.tsv") -> dict[str, str]:
    """{heading, lower-cased: the section it opens} of the headings file."""
    return {row["heading"]: row["section"] for row in read_table(headings)}


def heading_text(line: str) -> str:
    """A line as the headings file writes a heading: numbering, a trailing colon, full stop or
    ellipsis ("The Case Continued…") and case dropped, runs of spaces made one."""
    return re.sub(r"\s+", " ", LEADING_NUMBERING.sub("", line).strip().rstrip(":.…").strip().lower())


class HeadingReader:
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

    def classify_line(self, line: str) -> str | None:
        """The section a heading line opens, or None when the line is not a heading."""
        text = heading_text(line)
        if not text or len(text.split()) > self.max_words:
            return None
        if text in self.headings:
            return self.headings[text]
        bare = HEADING_DECORATION.sub("", text).rstrip(":.").strip()
        if bare != text and bare in self.headings:
            return self.headings[bare]
        head, colon, _ = text.partition(":")
        if colon and head.strip() in self.headings:
            return self.headings[head.strip()]
        words = text.split()
        # "INTRODUCTION CASE REPORT": several headings merged on one line (two-column PDF text)
        if 1 < len(words) <= 4 and line.strip().isupper():
            found = {self.headings[w] for w in words if w in self.headings}
            found |= {self.headings[" ".join(words[i:i + 2])] for i in range(len(words) - 1) if " ".join(words[i:i + 2]) in self.headings}
            if len(found) > 1:
                return "body"
        return None

    def furniture_reach(self, line: str) -> str | None:
        """How far the furniture on this line reaches ("line", "label", "block"), or None when
        the line is not page furniture."""
        text = LEADING_MARKS.sub("", LEADING_NUMBERING.sub("", line)).strip()
        if len(text.split()) > MAX_FURNITURE_WORDS:
            return None  # a paragraph that opens with furniture ("OPEN ACCESS *Correspondence: ... Abstract ...")
        for pattern, reach in self.furniture:
            label = pattern.match(text)
            if label:
                return None if COLUMN_PROSE.match(text[label.end():].lstrip(" :;,.")) else reach
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
            inside = [(label.start("label"), self.headings.get(re.sub(r"\s+", " ", label.group("label").lower())),
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

    def _flattened_starts(self, line: str) -> list[tuple[int, str, str | None]]:
        """Section starts inside a page flattened to one line: headings written as headings after a
        sentence's end, and furniture reaching to the next heading."""
        found = []
        run_in = None  # the case headings run in before a patient's sentence, read once when needed
        for match in self.flat_pattern.finditer(line):
            head = match.group("head")
            if not (head[0].isupper() and (head.isupper() or not head[1:2].isupper())):
                continue  # "discussion" in running text; "DIScussion" is no heading either
            kind = self.flat_kinds[re.sub(r"\s+", " ", head.lower())]
            plain_space = match.group("before") in (" ", "")
            if kind != "furniture" and plain_space and not head.isupper() and not match.group("colon") and match.start() > 0:
                if kind == "case" and run_in is None:
                    run_in = {start for start, *_ in self._case_run_in(line)}
                strong = kind == "case" and match.start("head") in run_in
                found.append((match.start("head"), match.end("head"), kind, head, not strong))  # weak: only after furniture
                continue
            found.append((match.start("head"), match.end("head"), kind, head, False))
        # a table of contents or a menu: three or more headings in a row open nothing...
        runs, run = [], []
        for entry in found:
            # a numbered menu ("1. Introduction 2. Presentation of case 3. Discussion") is a run too
            if run and MENU_NUMBERING.sub("", line[run[-1][1]:entry[0]]).strip():
                runs.append(run)
                run = []
            run.append(entry)
        if run:
            runs.append(run)
        # the last heading of a menu may be the real one, the text following it
        entries = [e for r in runs for e in r if len(r) < 3 or e[2] == "furniture" or e is r[-1]]
        starts: list[tuple[int, str, str | None]] = []
        furniture_end = -1
        furniture_head_end = -1
        for start, end, kind, head, weak in entries:
            if weak and not FRONT_MATTER_END.search(line, max(0, start - 120), start) and \
                    (start > furniture_end or not line[furniture_head_end:start].strip()):
                continue  # "Publication types Case Reports": the furniture's value, no heading
            if kind == "furniture":
                furniture_head_end = end
                starts.append((start, "furniture", head))
                following = next((e[0] for e in entries if e[0] >= end and e[2] != "furniture"), None)
                if following is not None and following - end <= self.flat_furniture_reach:
                    furniture_end = following
                else:
                    furniture_end = min(len(line), end + self.flat_furniture_reach)
                    starts.append((furniture_end, "resume", None))
                continue
            starts.append((start, kind, head))
        return starts

    def _glued_starts(self, line: str) -> list[tuple[int, str, str | None]]:
        """Section starts of headings glued to the first sentence of their section in a line of
        ordinary length ("1. Introduction Salmonella are ...", "... [1]. Case Report An
        81-year-old man ..."). A case heading counts only before a sentence presenting the
        patient: a title ("Case Report A Case of ...") or a running head ("Case Report Efficacy
        of ...") opens nothing. After a sentence's end, a discussion or reference heading holds
        to the line's end (a short page flattened to one line: "... discharged. Discussion Other
        authors used ..."), and the other headings open nothing there."""
        found = []
        bounded = False
        for match in self.glued_pattern.finditer(line):
            head = match.group("head")
            if not written_as_heading(head):
                continue  # "the discussion" in running text
            kind = self.flat_kinds[re.sub(r"\s+", " ", head.lower())]
            if kind == "case" and not self.presents_patient(line[match.end("head"):sentence_stop(line, match.end("head") + 1)]):
                continue
            if kind != "case" and line[:match.start("head")].strip(" \t0123456789.IVX"):
                if kind not in MID_LINE_KINDS:
                    continue
                bounded = True
            found.append((match.start("head"), kind, head))
        found += [entry[:3] for entry in self._case_run_in(line) if all(entry[0] != f[0] for f in found)]
        if bounded:
            # after a sentence's end a heading holds to the end of its line: "... We report a
            # case. Conclusion This ..." ends an abstract's paragraph, not its page
            found.append((len(line), "line_resume", None))
        return sorted(found, key=lambda entry: entry[0])

    def _case_run_in(self, line: str) -> list[tuple[int, str, str, int]]:
        """(start, "case", heading, end) of the case headings run in after any word right before
        the sentence that presents the patient ("... in young patients1 Clinical Case A
        28-year-old male ..."), written as headings."""
        found = []
        for match in self.case_run_in.finditer(line):
            head = match.group("head")
            if written_as_heading(head) and self.presents_patient(line[match.end("head"):sentence_stop(line, match.end("head") + 1)]):
                found.append((match.start("head"), "case", head, match.end("head")))
        return found

    def _block_end(self, lines: list, index: int, reach: str) -> int:
        """Index of the last line of the furniture that starts at line ``index``."""
        bare = reach != "line" and len(lines[index].group().split()) <= BARE_FURNITURE_WORDS
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


def after_discussion_heading(text: str, end: int) -> bool:
    """True when a line before ``end`` is a heading of the discussion or of a literature review
    (``sections/headings.tsv``): what follows it speaks of published patients."""
    sections = heading_sections()
    return any(sections.get(heading_text(line)) == "discussion" for line in text[:end].splitlines())


def written_as_heading(head: str) -> bool:
    """"Case report", "Case Report", "CASE REPORT"; not "case report" nor "DIScussion"."""
    return head[0].isupper() and (head.isupper() or not head[1:2].isupper())


def sentence_stop(text: str, position: int) -> int:
    found = SENTENCE_BREAK.search(text, position)
    return found.start() + 1 if found else len(text)


def _without_menus(starts: list, bare_headings: list[tuple[int, tuple]], text: str) -> list:
    """``starts`` without the headings of a table of contents or a menu: three or more heading
    lines in a row, with nothing but blank lines between them."""
    menu, run = set(), []
    for index, start in bare_headings:
        if run and index != run[-1][0] + 1:
            if len(run) >= 3:
                menu.update(id(s) for _, s in run)
            run = []
        run.append((index, start))
    if len(run) >= 3:
        menu.update(id(s) for _, s in run)
    if not menu:
        return starts
    # a section resumed after page furniture that stood below the menu resumes what was open
    # before the menu, not the menu's last heading ("... Conclusion\nReferences\nDOI ...\nA 48-year-old")
    kept, before_menu, menu_heads = [], ("front", None), set()
    for start in starts:
        if id(start) in menu:
            menu_heads.add(start[1:])
            continue
        if start[1:] in menu_heads and not (start[2] and text.startswith(start[2], start[0])):
            start = (start[0], *before_menu)  # a resumed section, not the heading written again
        else:
            before_menu = start[1:] if start[1] != "furniture" else before_menu
        kept.append(start)
    if not kept or kept[0][0] != 0:
        # a menu at the very top took the start of the text with it: what stands before the
        # first heading kept is the front matter, as in a text without a menu
        kept.insert(0, (0, "front", None))
    return kept


def push(starts: list, entry: tuple[int, str, str | None]) -> None:
    """Append a section start; one at the very position of the last one replaces it."""
    if starts and starts[-1][0] == entry[0]:
        starts[-1] = entry
    else:
        starts.append(entry)
