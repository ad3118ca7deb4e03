"""The TNM reading of the sites component (``[tnm]`` of ``models/sites/roles.toml``): N
categories above N0 (the stage component's spans when it ran before, else its own patterns) are
lymph-node metastases, and M1 with named organs forces a metastasis on the lexicon sites it names
or adds the organs of its UICC codes ("M1 (PUL)").
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span

from pipeline import regex_cache
from pipeline.nlp.base import Finding
from pipeline.nlp.sites.lexicon import LABEL
from pipeline.nlp.sites.model import Site

STAGE_GROUP = "stage"  # the stage component's FIGO and TNM spans (it runs before this one)
TNM_HINT = regex_cache.compile(r"[NM][0-3xX]")


class TnmReader:
    """The compiled ``[tnm]`` table of roles.toml (``spec``: the whole file)."""

    def __init__(self, spec: dict):
        tnm = spec["tnm"]
        self.tnm_full = regex_cache.compile(tnm["full"])
        self.tnm_lone = regex_cache.compile(tnm["lone"])
        self.tnm_bare = regex_cache.compile(tnm["bare"])
        self.tnm_near = regex_cache.compile(tnm["near"])
        self.tnm_m1 = regex_cache.compile(tnm["m1"])
        self.tnm_codes = dict(tnm["codes"])
        self.tnm_code = regex_cache.compile(r"\b(" + "|".join(map(re.escape, self.tnm_codes)) + r")\b")
        # a code written after the category without brackets is read in either case ("M1a pul")
        self.tnm_code_any_case = regex_cache.compile(r"\b(" + "|".join(map(re.escape, self.tnm_codes)) + r")\b", re.IGNORECASE)

    @staticmethod
    def _staged_nodes(doc: Doc) -> list[tuple[int, int, str]] | None:
        """(start, end, cue) of the N category above N0 of each TNM classification the stage
        component found ("pT1b2N1M0" -> "N1"); None when the stage component did not run."""
        if STAGE_GROUP not in doc.spans:
            return None
        nodes = []
        for span in doc.spans[STAGE_GROUP]:
            value = span._.value
            n = getattr(value, "n", None) if span.label_ == "TNM" else None
            if not n or not re.match(r"N[1-3]", n):
                continue  # N0 and Nx affirm no nodal disease
            offset = span.text.find(n)
            if offset >= 0:
                start = span.start_char + offset
                nodes.append((start, start + len(n), span.text))
        return nodes

    def read(self, doc: Doc, text: str, sites: list[Span]):
        """N categories above 0 and M1 organs: roles forced on lexicon sites (by start
        character) and new spans for what the lexicon does not know ("pN1", "M1 (PUL)")."""
        forced: dict[int, str] = {}
        extra: list[Finding] = []
        node_starts = set()

        def add(start: int, end: int, site: str, cue: str):
            span = doc.char_span(start, end, label=LABEL, alignment_mode="expand")
            if span is not None and len(span):  # written = the whole token ("T2N1M0")
                extra.append(Finding(start, end, LABEL, Site(site=site, role="metastasis", written=span.text, cue=cue)))

        def node_at(start: int, end: int, cue: str):
            if start not in node_starts:
                node_starts.add(start)
                add(start, end, "lymph node", cue)

        def node(match: re.Match, cue: str):
            node_at(match.start("n"), match.end("n"), cue)

        # the stage component's TNM classifications, when it ran: their N above 0
        staged = self._staged_nodes(doc)
        for start, end, cue in staged or ():
            node_at(start, end, cue)

        # TNM strings are rare: look only around an "N1" / "M1" (a fast literal scan) instead of
        # running every pattern over the whole text
        windows: list[list[int]] = []
        for hint in TNM_HINT.finditer(text):
            low, high = max(0, hint.start() - 24), min(len(text), hint.end() + 80)
            if windows and low <= windows[-1][1]:
                windows[-1][1] = high
            else:
                windows.append([low, high])
        m1_matches = []
        for low, high in windows:
            if staged is None:  # no stage component in the pipeline: read full and lone N here
                for match in self.tnm_full.finditer(text, low, high):
                    if re.search(r"N[1-3]", match.group("n")):  # N0 and Nx affirm no nodal disease
                        node(match, match.group(0))
                for match in self.tnm_lone.finditer(text, low, high):
                    node(match, match.group("n"))
            for match in self.tnm_bare.finditer(text, low, high):
                if self.tnm_near.search(text[max(0, match.start() - 40):match.end() + 40]):
                    node(match, match.group("n"))
            m1_matches.extend(self.tnm_m1.finditer(text, low, high))
        site_starts = [s.start_char for s in sites]
        for match in m1_matches:
            group = next(g for g in ("organs", "codes", "after") if match.group(g))
            low, high = match.start(group), match.end(group)
            first = bisect.bisect_left(site_starts, low)
            for span in sites[first:]:
                if span.start_char >= high:
                    break
                forced[span.start_char] = match.group("m")
            codes = self.tnm_code_any_case if group == "codes" else self.tnm_code
            for code in codes.finditer(text, low, high):
                add(code.start(), code.end(), self.tnm_codes[code.group(1).upper()], match.group("m"))
        return forced, extra
