"""Lesions read across sentences by the sites component (``[across]`` of
``models/sites/roles.toml``): a plain mention of where a lesion is becomes a metastasis when the
next sentence (or clause) calls the lesion metastatic, or a recurrence when its own sentence finds
it later in the tumour's course or in number.
"""
from __future__ import annotations

import bisect
import re

from pipeline import regex_cache
from pipeline.nlp.base import Finding
from pipeline.nlp.sites.model import LOCAL, OTHER
from pipeline.nlp.sites.rules import set_role

# How many sentences after a lesion's may call it metastatic: the next, or the one after it when the next
# names no site ("... reveals a pancreatic mass. Blood tests show normal amylase. ... pathology indicates
# metastatic ccRCC.").
CONFIRM_REACH = 2

ACROSS_KEYS = ("lesion_before", "lesion_after", "lesion_written", "confirm", "confirm_same", "clause",
               "together", "found_later", "found_later_benign", "found_many", "many_to_site")


class Lesions:
    """The compiled ``[across]`` table of roles.toml (``spec``: the whole file)."""

    def __init__(self, spec: dict):
        # a lesion of one sentence called metastatic by the next ([across] of roles.toml)
        across = spec.get("across", {})
        self.across = {key: regex_cache.compile(across[key]) for key in ACROSS_KEYS} if across else None

    def lesion_at(self, left: str, right: str, written: str) -> bool:
        """True when the site (or its list) is where a lesion is: "lesions in the liver",
        "a hepatic lesion", "an osteolytic lesion" (the site phrase itself)."""
        if self.across is None:
            return False
        return bool(self.across["lesion_written"].search(written) or self.across["lesion_before"].search(left)
                    or self.across["lesion_after"].match(right))

    def confirmed_next(self, text: str, bounds, starts, out: list[Finding], lesions: list[int]):
        """A lesion's site becomes a metastasis when the next sentence of its paragraph (or the one after,
        when the next names no site: ``CONFIRM_REACH``) calls the lesion metastatic ("Biopsy confirmed
        metastatic breast carcinoma.", "These were considered
        metastases.") or gives it the primary tumour's pathology ("... identical to the primary
        tumour"); when its own sentence goes on in another clause (a semicolon, ", and" before a
        biopsy: ``[across] clause``), that clause instead. When the confirming text names a site of
        its own other than a primary ("biopsy of the hepatic lesion confirmed ..."), only that same
        site is."""
        for position in lesions:
            finding = out[position]
            sentence = bisect.bisect_right(starts, finding.start) - 1
            start, end = bounds[sentence]
            together = self.across["together"].match(text[finding.end:end])
            if together:  # "a left adrenal nodule and a cerebellar lesion, both regarded as metastatic"
                set_role(out, position, "metastasis", together.group("cue"))
                continue
            clause = self.across["clause"].search(text, finding.end, end)
            if clause:  # "a focus of uptake in the right ilium; biopsy revealed metastatic ..."
                following = [(clause.end(), end)]
            else:
                following = self._next_in_paragraph(text, bounds, sentence)
            for next_start, next_end in following:
                sentence_text = text[next_start:next_end]
                match = self.across["confirm"].match(sentence_text) or self.across["confirm_same"].match(sentence_text)
                named = {f.value.site for f in out if next_start <= f.start < next_end and f.value.role != "primary"}
                if match and (not named or finding.value.site in named):
                    set_role(out, position, "metastasis", match.group("cue"))
                if match or named:
                    break  # a sentence that speaks of a site ends the lesion's story

    @staticmethod
    def _next_in_paragraph(text: str, bounds, sentence: int, reach: int = CONFIRM_REACH) -> list[tuple[int, int]]:
        """Up to ``reach`` sentences after ``sentence`` in its paragraph, as (start, end)."""
        found = []
        for index in range(sentence + 1, min(sentence + 1 + reach, len(bounds))):
            before_start, before_end = bounds[index - 1]
            written_end = before_start + len(text[before_start:before_end].rstrip())
            if "\n" in text[written_end:bounds[index][0]]:
                break  # another paragraph
            found.append(bounds[index])
        return found

    def found_later(self, text: str, bounds, starts, out: list[Finding], lesions: list[int]):
        """A lesion whose own sentence places it later in the tumour's course ("a splenic mass 40 months
        later", "re-staging revealed a small lung nodule", "three months postoperatively, a vaginal stump
        mass was detected"), or told in number ("multiple pulmonary nodules", "bilateral adrenal masses":
        ``found_many``), is the cancer's spread there, unless the sentence reads it as benign or as another
        primary (``[across] found_later`` / ``found_later_benign``); a region outside the site list is left out. Its cue keeps the lesion word,
        so it weighs as a finding, not as a metastasis named outright."""
        for position in lesions:
            finding = out[position]
            if finding.value.role != "mention" or finding.value.site in (LOCAL, OTHER):
                continue
            start, end = bounds[bisect.bisect_right(starts, finding.start) - 1]
            sentence = text[start:end]
            later = self.across["found_later"].search(sentence) or self._many_at(sentence, finding.start - start,
                                                                                 finding.end - start)
            if later is None or self.across["found_later_benign"].search(sentence):
                continue
            set_role(out, position, "recurrence", f"lesion {later.group(0)}")

    def _many_at(self, sentence: str, start: int, end: int) -> re.Match | None:
        """The lesions in number of the site at ``start``-``end`` of ``sentence``: the phrase holds the site
        ("multiple pulmonary nodules") or ends right before it ("numerous lesions in the liver")."""
        for many in self.across["found_many"].finditer(sentence):
            if many.start() <= start and end <= many.end():
                return many
            if many.end() <= start and self.across["many_to_site"].fullmatch(sentence[many.end():start]):
                return many
        return None
