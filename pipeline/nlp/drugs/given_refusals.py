"""The refusals of a treatment offered (``RefusalChecks``, a part of ``given.TreatmentGate``): a
drug recommended or planned that the patient then refused is no treatment given."""
from __future__ import annotations

from pipeline.nlp.drugs.given_regions import SENTENCE_END
from pipeline.nlp.drugs.names import Match


class RefusalChecks:
    """The refusal checks of ``TreatmentGate``, which compiles the patterns they read."""

    def _refused(self, text: str, matches: list[Match]) -> set[int]:
        """The starts of the drugs of a treatment offered (recommended, planned) that the patient
        then refused in the same sentence or at the start of the next one, with no verb of
        giving between the offer, the drug and the refusal."""
        refused = set()
        for match in matches:
            window_start = max(0, match.start - 300)
            start = max((m.end() for m in SENTENCE_END.finditer(text, window_start, match.start)), default=window_start)
            end_match = SENTENCE_END.search(text, match.end, match.end + 300)
            end = end_match.start() if end_match else min(len(text), match.end + 300)
            offers = list(self.offer_words.finditer(text, start, end))
            if not offers:
                continue
            before = [o for o in offers if o.end() <= match.start]
            if before and self.refusal_given.search(text, before[-1].end(), match.start):
                continue
            if self._refusal_in(text, match.end, end) or (
                    end_match and self._refusal_in(text, end_match.end(), min(len(text), end_match.end() + 60), opening=True)):
                refused.add(match.start)
            elif before and self._refusal_told_first(text, start, match.start):
                refused.add(match.start)
        return refused

    def _refusal_told_first(self, text: str, sentence_start: int, drug_start: int) -> bool:
        """Whether the sentence just before the offer's sentence tells the patient's refusal and
        nothing up to the drug says it was given ("... but the patient refused. We had offered
        him capecitabine")."""
        if sentence_start <= 0:
            return False
        window_start = max(0, sentence_start - 300)
        previous = max((m.end() for m in SENTENCE_END.finditer(text, window_start, max(window_start, sentence_start - 1))),
                       default=window_start)
        refusals = [r for r in self.refusal_words.finditer(text, previous, sentence_start)
                    if self.refusal_who.search(text[max(previous, r.start() - 40):r.start()])]
        return bool(refusals) and not self.refusal_given.search(text, refusals[-1].end(), drug_start)

    def _refusal_in(self, text: str, start: int, end: int, opening: bool = False) -> bool:
        """Whether the patient refuses between ``start`` and ``end`` with no verb of giving
        before the refusal (``opening``: the refusal opens that stretch of text, a sentence)."""
        for refusal in self.refusal_words.finditer(text, start, end):
            if not self.refusal_who.search(text[max(start, refusal.start() - 40):refusal.start()]):
                continue
            if opening and len(text[start:refusal.start()].split()) > 4:
                return False
            return not self.refusal_given.search(text, start, refusal.start())
        return False
