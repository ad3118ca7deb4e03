"""Whether a drug name is a treatment given, from the words around it: a name that is also a
body substance, an analyte or an everyday code needs a treatment cue; a name in a susceptibility
panel, an allergy, a general statement of use, a test, a tracer, a misuse, a refusal or a
procedure's fluid is dropped."""
from __future__ import annotations

import re

from pipeline import regex_cache
from pipeline.nlp.drugs.details import DetailReader
from pipeline.nlp.drugs.given_cues import CueChecks
from pipeline.nlp.drugs.given_lists import ListRegions
from pipeline.nlp.drugs.given_refusals import RefusalChecks
from pipeline.nlp.drugs.given_regions import _inside
from pipeline.nlp.drugs.names import Match


class TreatmentGate(CueChecks, RefusalChecks, ListRegions):
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
