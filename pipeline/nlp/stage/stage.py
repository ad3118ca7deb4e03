"""Finds FIGO stages ("FIGO IIA1", "stage IIIb", "clinical stage (FIGO IIA1)", "ⅢC1p") with the
FIGO edition when the sentence names it, and TNM classifications ("pT1b2N1M0", "cT3 N1 M1",
"ypT2") with their AJCC/UICC edition."""
from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.nlp.base import Component, Finding, fill_template
from pipeline.nlp.stage.model import TNM, Stage
from pipeline.nlp.text import anchor_windows, lower_text, merge_windows, sentence_bounds
from pipeline.resources import read_patterns

GROUP = "stage"
# Every stage needs "FIGO" (or the federation's name written out) or "stag(e|ed|ing)" before it, or
# "stage" or "grade" after it with FIGO later in the sentence (``trail``): the patterns run only around
# these words, and TNM patterns only around a T, N or M category (fast scans of the whole text).
ANCHORS = ("figo", "stag", "federation", "grade")
FIGO_WORDS = ("figo", "federation")
TNM_HINT = regex_cache.compile(r"[TNM](?:is|[0-4xX])")
UNICODE_ROMAN = {"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV"}
ORDINAL_STAGES = {"first": "I", "second": "II", "third": "III", "fourth": "IV"}  # "a third-stage ovarian cancer"


class StageMatcher(Component):
    """Puts FIGO stage mentions (label ``FIGO_STAGE``, a :class:`Stage`) and TNM mentions
    (label ``TNM``, a :class:`TNM`) in ``doc.spans["stage"]``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_stage")
    >>> doc = nlp("A FIGO stage Ib2 cervical cancer.")
    >>> [s._.value.stage for s in doc.spans["stage"]]
    ['IB2']
    >>> doc = nlp("Stage IIIC1p according to the 2018 FIGO staging (pT1b2N1M0).")
    >>> [(s.label_, s.text) for s in doc.spans["stage"]]
    [('FIGO_STAGE', 'IIIC1p'), ('TNM', 'pT1b2N1M0')]
    >>> doc.spans["stage"][0]._.value.version, doc.spans["stage"][1]._.value.n
    ('2018', 'N1')
    """

    group = GROUP

    def __init__(self, nlp: Language, name: str = "caselit_stage", patterns: str = "patterns/stage.toml"):
        super().__init__(nlp, name)
        spec = read_patterns(patterns)
        self.roman = regex_cache.compile(spec["lead"] + spec["stage"], re.IGNORECASE)
        self.arabic = regex_cache.compile(spec["lead"] + spec["arabic_stage"], re.IGNORECASE)
        # "a IIB FIGO stage cervical cancer": the stage before the word FIGO
        self.trailing = (regex_cache.compile(r"(?<![A-Za-z0-9])" + spec["stage"].rstrip() + spec["trail"], re.IGNORECASE)
                         if spec.get("trail") else None)
        self.arabic_context = regex_cache.compile(spec["arabic_context"], re.IGNORECASE)
        self.ordinal = regex_cache.compile(spec["ordinal_stage"], re.IGNORECASE) if spec.get("ordinal_stage") else None
        self.exclude_before = regex_cache.compile(spec["exclude_before"], re.IGNORECASE)
        self.exclude_after = regex_cache.compile(spec.get("exclude_after", "(?!)"), re.IGNORECASE)
        self.version = regex_cache.compile(fill_template(spec["version"], {"year": spec["year"]}), re.IGNORECASE)
        self.version_reach = int(spec.get("version_reach", 150))
        tnm = spec["tnm"]
        self.tnm_full = regex_cache.compile(tnm["full"])  # case matters: "pT1" not "PT1", "N1" not "n1"
        self.tnm_lone = regex_cache.compile(tnm["lone"])
        self.edition = regex_cache.compile(tnm["edition"])
        self.edition_reach = int(tnm.get("edition_reach", 150))
        self.ordinals = dict(tnm.get("ordinals", {}))

    def find(self, doc: Doc, text: str):
        """("stage", match, Roman numeral of an Arabic stage or None, sentence bounds) of each FIGO
        stage, then ("tnm", (start, end, t, n, m, prefix), bounds) of each TNM classification.
        Sentence bounds are computed only when there is something to place."""
        bounds = None
        found = []
        for low, high in anchor_windows(lower_text(text), ANCHORS, 20, 80):
            found += [(m, None) for m in self.roman.finditer(text, low, high)]
            if self.trailing is not None:
                taken = [(m.start("stage"), m.end()) for m, _ in found]
                found += [(m, None) for m in self.trailing.finditer(text, low, high)
                          if not any(s < m.end("stage") and m.start("stage") < e for s, e in taken)]
            for match in self.arabic.finditer(text, low, high):
                window = text[max(0, match.start() - 40) : match.end() + 40]
                if _says_figo(match) or self.arabic_context.search(window):
                    found.append((match, ("I", "II", "III", "IV")[int(match.group("stage")) - 1]))
            for match in self.ordinal.finditer(text, low, high) if self.ordinal else ():
                after = re.split(r"[.;]", text[match.end() : match.end() + 40], maxsplit=1)[0]
                if self.arabic_context.search(after):  # "third-stage ovarian cancer", not "third stage of labour"
                    found.append((match, ORDINAL_STAGES[match.group("stage").lower()]))
        for match, roman in found:
            bounds = bounds or sentence_bounds(doc, text)
            yield "stage", match, roman, bounds
        tnm = list(self._tnm(text))
        if tnm:
            bounds = bounds or sentence_bounds(doc, text)
            for found_tnm in tnm:
                yield "tnm", found_tnm, None, bounds

    def normalise(self, doc: Doc, text: str, candidate) -> Finding | None:
        kind, match, roman, bounds = candidate
        if kind == "stage":
            return self._stage(text, match, roman, bounds)
        start, end, t, n, m, prefix = match
        edition = self._near(self.edition, text, start, end, bounds, self.edition_reach)
        edition = self.ordinals.get(edition.lower(), edition) if edition else None
        return Finding(start, end, "TNM", TNM(t, n, m, prefix, text[start:end], edition))

    def _stage(self, text: str, match: re.Match, stage: str | None, bounds) -> Finding | None:
        if self.exclude_before.search(text[max(0, match.start() - 40) : match.start()]):
            return None
        if self.exclude_after.match(text[match.end() : match.end() + 24]):
            return None  # "stage I and II": a list of stages, not the patient's
        sub = re.sub(r"[\s\-‐]", "", match.group("sub") or "").upper()  # "III C" -> "C", "B-2" -> "B2"
        stage = UNICODE_ROMAN.get(stage or match.group("stage"), stage or match.group("stage")).upper() + sub
        figo = _says_figo(match)
        version = match.group("version") or self._near(self.version, text, match.start(), match.end(), bounds, self.version_reach)
        value = Stage(stage=stage, figo=figo, version=version)
        return Finding(match.start("stage"), match.end("sub") if match.group("sub") else match.end("stage"), "FIGO_STAGE", value)

    def _tnm(self, text: str):
        """(start, end, t, n, m, prefix) of each TNM classification."""
        hits = [(h.start(), h.end()) for h in TNM_HINT.finditer(text)]
        for low, high in merge_windows(hits, 3, 40, len(text)):
            taken = []
            for match in self.tnm_full.finditer(text, low, high):
                if not (match.group("tp") or match.group("n")):
                    continue  # a bare "T2" is an MRI weighting or a vertebra
                taken.append((match.start(), match.end()))
                yield (match.start(), match.end(), match.group("t"), match.group("n"), match.group("m"),
                       match.group("tp") or match.group("np") or match.group("mp"))
            for match in self.tnm_lone.finditer(text, low, high):
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue  # the N of a full classification
                if match.group("n"):
                    yield match.start(), match.end(), None, match.group("n"), match.group("m"), match.group("np")
                else:
                    yield match.start(), match.end(), None, None, match.group("lone_m"), match.group("lone_mp")

    @staticmethod
    def _near(pattern: re.Pattern, text: str, start: int, end: int, bounds, reach: int) -> str | None:
        """The value written nearest to [start, end) within its sentence (groups "before"/"after")."""
        index = max(0, bisect.bisect_right([b[0] for b in bounds], start) - 1)
        low, high = bounds[index] if bounds else (0, len(text))
        low, high = max(low, start - reach), min(max(high, end), end + reach)
        best = None
        for match in pattern.finditer(text, low, high):
            distance = abs(match.start() - start)
            value = match.group("before") or match.group("after")
            if value and (best is None or distance < best[0]):
                best = (distance, value)
        return best[1] if best else None


def _says_figo(match: re.Match) -> bool:
    """Whether the words before a stage name FIGO ("FIGO stage", "International Federation of
    Gynecology and Obstetrics stage")."""
    lead = (match.group("figo") or "").lower()
    return any(word in lead for word in FIGO_WORDS)
