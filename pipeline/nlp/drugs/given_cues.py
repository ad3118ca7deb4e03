"""The treatment cues of a drug name that needs one (``CueChecks``, a part of
``given.TreatmentGate``): a body substance, a short code with an everyday meaning, an analyte or a
poison counts only with a treatment, chemotherapy or administration word around it."""
from __future__ import annotations

import re

from pipeline import regex_cache
from pipeline.nlp.drugs.given_regions import SENTENCE_END
from pipeline.nlp.drugs.names import Match

# What joins two names of one combination: "Carbo/Taxol", "carbo-paclitaxel", "Carbo + Taxol".
JOINED = regex_cache.compile(r"\s*(?:[/+&-]|and|plus|with)\s*$", re.IGNORECASE)


class CueChecks:
    """The cue checks of ``TreatmentGate``, which compiles the patterns they read."""

    def check_cues(self, text: str, matches: list[Match]) -> list[Match]:
        """Names that are also body substances ("G-CSF") count only next to a treatment word or
        another drug, and never as "serum G-CSF level"; short codes with everyday meanings
        ("TC", "PTX") only next to a chemotherapy word; analytes, nutrients, enzymes and
        organisms (substances.tsv) only with an administration word in their clause, and never
        as a measurement ("alkaline phosphatase 61 U/L"); poisons the same, and never as the
        poison taken ("poisoning with sodium nitrite ... given to them by a neighbour")."""
        if not any(m.cue for m in matches):
            return matches
        plain = [m for m in matches if not m.cue]
        kept = []
        for match in matches:
            if not match.cue:
                kept.append(match)
                continue
            before_start, before, after = self._clause_window(text, match)
            if self.endogenous_after.match(after) or self.endogenous_before.search(before):
                continue
            if match.cue == "poison" and (self.poisoned_before.search(before) or self.poisoned_after.match(after)):
                continue  # "poisoning with sodium nitrite", "malathion-contaminated flour": the poison taken
            if match.cue in ("admin", "poison"):
                if not (self.measured_after.match(after) or self.measured_before.search(before)) and (
                        self.admin_cue.search(before) or self.admin_cue.search(after) or self.admin_after.match(after)
                        or self.admin_cue.search(text, match.start, match.end)  # "intravenous iron"
                        or self._dose_in(text, match.end, len(after)) or self.details.any_dose.search(before)):
                    kept.append(match)
                continue
            if match.cue == "tight":
                # a code with an everyday meaning: a regimen word right beside it ("PC regimen"), or
                # a slash to a regimen already counted ("a protocol of VAC/IE": alternating cycles)
                if self.tight_after.match(after) or self.tight_before.search(before) or any(
                        text[other.end:match.start] == "/" for other in kept if other.cue):
                    kept.append(match)
                continue
            cue = self.cues[match.cue]
            if cue.search(before) or cue.search(after):
                kept.append(match)
            elif match.cue == "chemo":
                # a short code joined to a drug name: "Carbo/Taxol", "carbo + paclitaxel"
                if any(self._joined(text, match, other) for other in plain):
                    kept.append(match)
            elif match.cue == "cue":
                after_end = match.end + len(after)
                if any(before_start <= m.start and m.end <= after_end for m in plain):
                    kept.append(match)
        return kept

    @staticmethod
    def _joined(text: str, one: Match, other: Match) -> bool:
        """Whether two names are written as one combination: "Carbo/Taxol", "TC + bevacizumab"."""
        first, second = (one, other) if one.start < other.start else (other, one)
        return bool(JOINED.match(text, first.end, second.start)) if 0 <= second.start - first.end <= 7 else False

    def _dose_in(self, text: str, start: int, length: int) -> bool:
        """Whether a dose starts within ``length`` characters after ``start``; read a little
        further so that a window cut inside "0.7 mg/dL" does not leave a dose "0.7 mg/d"."""
        dose = self.details.any_dose.search(text, start, start + length + 12)
        return dose is not None and dose.start() < start + length

    def _clause_window(self, text: str, match: Match) -> tuple[int, str, str]:
        """(start of ``before``, ``before``, ``after``): up to ``cue_window`` characters on
        each side of the match, not beyond the ends of its sentence or clause."""
        before_start = max(0, match.start - self.cue_window)
        before = text[before_start : match.start]
        ends = list(SENTENCE_END.finditer(before))
        if ends:
            before_start += ends[-1].end()
            before = before[ends[-1].end() :]
        after = text[match.end : match.end + self.cue_window]
        cut = SENTENCE_END.search(after)
        if cut:
            after = after[: cut.start()]
        return before_start, before, after
