"""The document-level readings of the sites component: whether a report is about a tumour at all
(``[document]`` of ``models/sites/roles.toml``), a lymph-node phrase that is itself a finding, the
involvement of a distant organ in a sentence staged distant or beside metastases
(``[distant_involvement]``), a sampled organ whose cancer has another organ's origin
(``[origin_elsewhere]``), and a cancer's short form that names its long form's primary
(``[abbreviated_primary]``).
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span

from pipeline import regex_cache
from pipeline.nlp.base import Finding, fill_template
from pipeline.nlp.sites.lexicon import LABEL
from pipeline.nlp.sites.model import OTHER, Site
from pipeline.nlp.sites.rules import REACH, RoleRules, set_role
from pipeline.nlp.text import lower_text

ORIGIN_KEYS = ("subject_left", "subject_right", "finding", "origin", "origin_cancer", "origin_end",
               "finding_typed", "cancer_then_sample")


class DocumentReadings:
    """The compiled ``[document]``, ``[nodes]``, ``[distant_involvement]``, ``[origin_elsewhere]`` and
    ``[abbreviated_primary]`` tables of roles.toml (``spec``: the whole file); ``rules`` reads a
    short form's own words."""

    def __init__(self, spec: dict, rules: RoleRules):
        self.rules = rules
        parts = spec.get("parts", {})
        # its parts ({not_tumour}): "metastatic calcification" is no tumour word
        self.tumour = regex_cache.compile(fill_template(spec["document"]["tumour"], parts), re.IGNORECASE)
        needs = spec["document"].get("tumour_needs", ())
        self.tumour_needs = tuple(n for n in needs if not n.startswith("|"))
        self.tumour_needs_exact = tuple(n[1:] for n in needs if n.startswith("|"))
        # "inguinal lymphadenopathy" in a report about a tumour: read as nodal disease (clinician reading)
        nodes = spec.get("nodes", {})
        self.node_finding = regex_cache.compile(nodes["finding"], re.IGNORECASE) if nodes.get("finding") else None
        # "involvement" of a distant organ in a sentence that stages the cancer IV/IVB/M1
        distant = spec.get("distant_involvement", {})
        self.distant_cue = regex_cache.compile(distant["cue"]) if distant.get("cue") else None
        self.distant_stage = regex_cache.compile(distant["stage"]) if distant.get("stage") else None
        self.distant_sites = frozenset(distant.get("sites", ()))
        self.distant_beside = ((regex_cache.compile(fill_template(distant["beside_after"], parts)),
                                regex_cache.compile(fill_template(distant["beside_before"], parts)))
                               if distant.get("beside_after") else None)
        # a sampled organ whose cancer has another organ's origin ([origin_elsewhere] of roles.toml)
        origin = spec.get("origin_elsewhere", {})
        self.origin = ({key: regex_cache.compile(fill_template(origin[key], parts)) for key in ORIGIN_KEYS}
                       if origin else None)
        # a short form defined before its organ ([abbreviated_primary] of roles.toml)
        abbreviated = spec.get("abbreviated_primary", {})
        self.abbreviated = ((regex_cache.compile(fill_template(abbreviated["long"], parts)),
                             regex_cache.compile(abbreviated["after"])) if abbreviated else None)

    def about_tumour(self, text: str) -> bool:
        if not self.tumour_needs and not self.tumour_needs_exact:
            return self.tumour.search(text) is not None
        lower = lower_text(text)
        hits = [lower.find(n) for n in self.tumour_needs] + [text.find(n) for n in self.tumour_needs_exact]
        hits = [h for h in hits if h >= 0]
        if not hits:
            return False
        start = min(hits)
        while start and (text[start - 1].isalnum() or text[start - 1] == "_"):  # back to the word's start (\w)
            start -= 1
        return self.tumour.search(text, start) is not None

    def is_node_finding(self, site: str, written: str) -> bool:
        """True for a lymph-node phrase that is itself a finding ("para-aortic lymphadenopathy")."""
        return site == "lymph node" and self.node_finding is not None and self.node_finding.search(written) is not None

    def distant(self, site: str, cue: str | None, sentence_start: int, sentence_end: int, text: str) -> bool:
        """True for the "involvement" of a distant organ in a sentence that stages the cancer as
        distant ("stage IVB ... splenic involvement"; [distant_involvement] of roles.toml)."""
        if self.distant_stage is None or site not in self.distant_sites or not cue:
            return False
        return bool(self.distant_cue.match(cue.strip())
                    and self.distant_stage.search(text, sentence_start, sentence_end))

    def beside_metastases(self, site: str, cue: str | None, left: str, right: str) -> bool:
        """True for the "involvement" of a distant organ joined to metastases of other sites in one
        phrase ("bilateral lung involvement and widespread soft tissue and rib metastases", "liver
        metastases and splenic involvement"; [distant_involvement] beside_after / beside_before)."""
        if self.distant_beside is None or site not in self.distant_sites or not cue:
            return False
        if cue.strip().lower() != "involvement":  # the noun: "the tumor involved the muscle layer" is extension
            return False
        return bool(self.distant_beside[0].match(right) or self.distant_beside[1].search(left))

    def abbreviated_primaries(self, doc: Doc, text: str, bounds, starts, out: list[Finding]) -> list[Finding]:
        """The short form of a cancer defined in the text ("Ovarian carcinoma (OC)", "pancreatic ductal
        adenocarcinoma (PDAC)"), where it stands alone later ("a patient with high-grade serous OC"), names the
        long form's primary site (the abbreviation detector's long forms, ``doc._.abbreviations``), unless its
        own words weigh it ("an initial suspicion of PC"): the cue rules read it as "<site> cancer"."""
        if not Doc.has_extension("abbreviations") or not doc._.abbreviations:
            return []
        taken = [(f.start, f.end) for f in out]
        added = []
        for short in doc._.abbreviations:
            long = short._.long_form
            if long is None or 0 <= short.start_char - long.end_char <= 3:
                continue  # the definition itself: its long form is read already
            primaries = {f.value.site for f in out if f.value.role == "primary"
                         and long.start_char <= f.start and f.end <= long.end_char} or self._organ_after(long, text, out)
            if len(primaries) != 1 or any(s < short.end_char and short.start_char < e for s, e in taken):
                continue
            site = primaries.pop()
            sentence_start, sentence_end = bounds[max(0, bisect.bisect_right(starts, short.start_char) - 1)]
            left = text[max(sentence_start, short.start_char - REACH):short.start_char]
            right = " cancer" + text[short.end_char:min(sentence_end, short.end_char + REACH)]
            role, cue = self.rules.role(site, left, right, {}, short.text)
            if role != "primary":
                continue
            added.append(Finding(short.start_char, short.end_char, LABEL,
                                 Site(site=site, role="primary", written=short.text, cue=short.text)))
            taken.append((short.start_char, short.end_char))
        return added

    def _organ_after(self, long: Span, text: str, out: list[Finding]) -> set[str]:
        """The organ a cancer's definition names right after its short form ("clear cell carcinoma (CCC) of
        the ovary"), whatever role its own sentence gives it: the long form's primary."""
        if self.abbreviated is None or not self.abbreviated[0].search(long.text):
            return set()
        return {f.value.site for f in out if long.end_char < f.start <= long.end_char + REACH
                and self.abbreviated[1].match(text[long.end_char:f.start])}

    def origin_elsewhere(self, text: str, bounds, starts, out: list[Finding]):
        """An organ sampled (its biopsy, mass, lesion or aspirate) whose cancer the same sentence gives
        another organ's origin ("the liver biopsy showed adenocarcinoma consistent with a gastric
        primary", "biopsy of the vertebral lesion confirmed adenocarcinoma of pulmonary origin") is a
        metastasis, and the other organ the primary."""
        if self.origin is None:
            return
        for index, here in enumerate(out[:-1]):
            if here.value.role not in ("primary", "mention"):
                continue
            sentence_start, sentence_end = bounds[bisect.bisect_right(starts, here.start) - 1]
            after = next((i for i in range(index + 1, len(out)) if out[i].start >= here.end), None)
            if after is None or out[after].start >= sentence_end or out[after].value.site == here.value.site:
                continue
            between = text[here.end:out[after].start]
            left = text[max(sentence_start, here.start - REACH):here.start]
            rest = text[out[after].end:sentence_end]
            if self._sampled_after_its_cancer(here, out[after], between, rest):
                # "papillary thyroid cancer on a cervical lymph node biopsy": the node holds the thyroid's cancer
                set_role(out, after, "metastasis", text[here.start:out[after].end])
                continue
            if not (self.origin["subject_left"].search(left) or self.origin["subject_right"].match(between)):
                continue
            typed = self._typed_origin(here, out[after], between, rest)
            if typed is not None:
                # "a scalp lesion found to have poorly differentiated thyroid carcinoma"
                set_role(out, index, "metastasis", typed)
                continue
            found = self.origin["finding"].match(between)
            if not found:
                continue
            joined = found.group("cue").lower()
            origin = self.origin["origin"].match(rest) or (
                joined != "of" and self.origin["origin_cancer"].match(rest)) or (
                joined == "from" and self.origin["origin_end"].match(rest))
            if not origin:
                continue
            cue = text[here.end + found.start("cue"):out[after].end + origin.end()]
            set_role(out, index, "metastasis", cue)
            if out[after].value.role != "primary":
                set_role(out, after, "primary", cue)

    def _typed_origin(self, sampled: Finding, other: Finding, between: str, rest: str) -> str | None:
        """The cue ("found to have poorly differentiated thyroid carcinoma") when a sampled organ, not a region
        outside the site list, holds a cancer written with another organ's adjective; else None."""
        if sampled.value.site == OTHER or other.value.role != "primary":
            return None
        found = self.origin["finding_typed"].match(between)
        cancer = self.origin["origin_cancer"].match(rest) if found else None
        return (between[found.start():] + other.value.written + rest[:cancer.end()]).strip() if cancer else None

    def _sampled_after_its_cancer(self, organ: Finding, sampled: Finding, between: str, rest: str) -> bool:
        """An organ's cancer named first and the sample that held it after ("papillary thyroid cancer on a
        cervical lymph node biopsy"): the sampled site, not a region outside the site list, is a metastasis."""
        return (organ.value.role == "primary" and sampled.value.role == "mention" and sampled.value.site != OTHER
                and self.origin["cancer_then_sample"].match(between) is not None
                and self.origin["subject_right"].match(rest) is not None)
