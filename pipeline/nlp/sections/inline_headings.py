"""Headings inside a line: labels after a sentence's end ("... is rare. Patient concerns: A
48-year-old woman"), headings inside a page flattened to one line, headings glued to the first
sentence of their section, and case headings run in before the sentence that presents the patient.
:class:`InlineHeadings` is a part of ``headings.HeadingReader``."""
from __future__ import annotations

import re

from pipeline import regex_cache
from pipeline.nlp.sections.heading_lines import sentence_stop, written_as_heading

# "... is rare. Patient concerns: A 48-year-old woman": a capitalised label of up to four words
# and a colon right after a sentence's end, followed by the label's text. A page whose block
# elements lost their spacing glues the label to the sentence before and to its text ("... is
# rare.Patient concerns:We report", "... decades.Case Presentation:" ending its line); only a
# label of headings.tsv opens a section, so the glued form is read too.
# Letters of the label may be accented or Cyrillic ("Presentación de caso:", "Клинический случай:"); two
# headings may share a label ("CASE DESCRIPTION/METHODS:", read as its first heading).
_CAPITAL = "A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ"
_LETTERS = r"(?:[^\W\d_]|['’])"
INLINE_LABEL = regex_cache.compile(rf"(?<=[.!?])\s*(?P<label>[{_CAPITAL}]{_LETTERS}*(?:[ /-]{_LETTERS}+){{0,3}})\s*:"
                                   rf"(?:\s+(?=[{_CAPITAL}0-9(\"“])|(?=[{_CAPITAL}])|\s*$)")
# After a sentence's end inside a line of ordinary length, the headings that open a section up
# to the line's end: the discussion and the references, which tell of other patients.
MID_LINE_KINDS = frozenset({"discussion", "references"})
# The keyword list's label run in after a sentence's end, with its colon ("... these patients. Keywords: Uterus").
GLUED_KEYWORDS = regex_cache.compile(r"(?<=[.!?\])])\s+(?P<head>(?:Keywords|KEYWORDS|Key\s+words|Key\s+Words|KEY\s+WORDS))\s*:")
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


class InlineHeadings:
    """The section starts inside a line; a part of ``headings.HeadingReader`` (it uses the
    reader's ``flat_pattern``, ``glued_pattern``, ``case_run_in``, ``flat_kinds``,
    ``flat_furniture_reach`` and ``presents_patient``)."""

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
        keywords = GLUED_KEYWORDS.search(line)
        if keywords:
            # "... are needed for these patients. Keywords: Uterus, Serous, Metastasis": the article's
            # keyword list run into the abstract's last line is furniture to the line's end
            found.append((keywords.start("head"), "furniture", keywords.group("head")))
            bounded = True
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
