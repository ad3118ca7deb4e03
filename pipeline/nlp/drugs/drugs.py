"""Finds drug names (generic, brand, abbreviation, regimen code, misspelling) and maps them to
lowercase INN generics ("Tienam" -> imipenem + cilastatin, "TS-1" -> tegafur + gimeracil +
oteracil, "hydroxyurea" -> hydroxycarbamide): the names of the lexicon (names.py), kept when
the words around them make them a treatment given (given.py), with the codes the text defines
(codes.py) and each mention's dose, route and schedule (details.py)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.nlp.base import Component, Finding
from pipeline.nlp.drugs.codes import defined_codes, not_abbreviations, text_defined_codes
from pipeline.nlp.drugs.details import DetailReader, Mention
from pipeline.nlp.drugs.fuzzy import FuzzyMatcher
from pipeline.nlp.drugs.given import TreatmentGate
from pipeline.nlp.drugs.lexicon import FILES, NOT_DRUGS, SUBSTANCES, fold, load_lexicon
from pipeline.nlp.drugs.model import Drug
from pipeline.nlp.drugs.names import Match, NameScanner
from pipeline.nlp.text import sentence_bounds
from pipeline.resources import read_patterns

GROUP = "drugs"
LABEL = "DRUG"


class DrugMatcher(Component):
    """Puts drug mentions in ``doc.spans["drugs"]`` with a :class:`Drug` in ``Span._.value``.

    Drug classes ("platinum-based chemotherapy", "antibiotics"), contrast agents and oxygen are
    not drugs here. A name is a drug only in a treatment context: analytes, nutrients,
    hormones, enzymes, organisms and reagents of ``substances.tsv`` need an administration
    word and no measurement ("alkaline phosphatase 61 U/L" is none); the antibiotics of a
    susceptibility panel, an allergy, an enzyme or receptor named after a drug, a diagnostic
    test, an imaging tracer, a gene code, a code that the text defines otherwise ("CVP
    (central venous pressure)"), a general statement of use ("Rituximab has been used in
    refractory cases", a table of treatment options), a fluid of a procedure ("flushed with
    normal saline"), a vaccination of the history, a drug "contraindicated" or "not an option"
    and the counter-ion of a salt ("sildenafil citrate") are dropped. Other mentions are kept whatever their context
    (negation, other patients): the context component qualifies them.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_drugs")
    >>> doc = nlp("She received Tienam and cisplatin 75 mg/m2 intravenously.")
    >>> [(s.text, s._.value.generics) for s in doc.spans["drugs"]]
    [('Tienam', ('imipenem', 'cilastatin')), ('cisplatin', ('cisplatin',))]
    >>> doc.spans["drugs"][1]._.value.dose, doc.spans["drugs"][1]._.value.route
    ('75 mg/m2', 'intravenous')
    >>> doc = nlp("She received six cycles of TC chemotherapy every 3 weeks.")
    >>> value = doc.spans["drugs"][0]._.value
    >>> value.generics, value.regimen, value.cycles, value.schedule
    (('paclitaxel', 'carboplatin'), 'TC', 6, 'every 3 weeks')
    """

    group = GROUP

    def __init__(self, nlp: Language, name: str = "caselit_drugs", patterns: str = "drugs/patterns.toml", fuzzy: bool = True,
                 lexicon: list[str] | tuple[str, ...] = FILES, not_drugs: str = NOT_DRUGS, substances: str = SUBSTANCES):
        super().__init__(nlp, name)
        spec = read_patterns(patterns)
        self.lexicon = load_lexicon(tuple(lexicon), not_drugs, substances)
        self.details = DetailReader(spec)
        self.salts = {generic: (rule["salt"], regex_cache.compile(rule["dose"]), tuple(rule["routes"]))
                      for generic, rule in spec.get("given_as_salt", {}).items()}
        self.treatment_long_form = regex_cache.compile(spec["treatment_long_form"], re.IGNORECASE)
        settings = spec["fuzzy"]
        misspellings = (
            FuzzyMatcher(
                self.lexicon.generics,
                self.lexicon.known_words,
                settings["suffixes"],
                settings["min_length"],
                settings["max_distance"],
                settings["ending_length"],
                tuple(settings.get("glued_salts", ())),
                settings.get("prefix_length", 4),
            )
            if fuzzy
            else None
        )
        self.names = NameScanner(self.lexicon, misspellings, spec)  # the scanner alone reads misspellings
        self.gate = TreatmentGate(spec, self.details)

    def find(self, doc: Doc, text: str):
        """Each drug mention as a :class:`Finding` (a name and its dose, route, schedule...)."""
        matches = not_abbreviations(doc, text, self.matches(text), self._names_in, self.treatment_long_form)
        return self._findings(doc, text, matches)

    def matches(self, text: str) -> list[Match]:
        """The drug matches of ``text`` (character offsets), without a Doc."""
        lowered = fold(text)
        matches = text_defined_codes(text, self.names.names(text, lowered))
        return defined_codes(text, self.gate.not_given(text, lowered, self.gate.check_cues(text, matches)))

    def _names_in(self, text: str) -> list[Match]:
        """The lexicon's names in a short text (a long form), before any other reading."""
        return self.names.scan(text, fold(text))

    def _findings(self, doc: Doc, text: str, matches: list[Match]) -> list[Finding]:
        """One finding per mention, over whole tokens; matches inside one token
        ("piperacillin-tazobactam" is one scispaCy token) are merged into one listing all
        generics."""
        token_starts = doc.to_array("IDX").tolist()
        groups: list[list] = []  # [first token, end token, matches]
        for match in matches:
            # The tokens covering the match, widened to token boundaries (as char_span's
            # "expand" mode, without its scan over the whole doc).
            first = bisect_right(token_starts, match.start) - 1
            end = bisect_left(token_starts, match.end)
            if first < 0 or end <= first:
                continue
            if groups and first < groups[-1][1]:
                groups[-1][1] = max(groups[-1][1], end)
                groups[-1][2].append(match)
            else:
                groups.append([first, end, [match]])
        mentions = [
            Mention(group[0].start, group[-1].end, tuple(dict.fromkeys(g for m in group for g in m.generics)),
                    next((m.regimen for m in group if m.regimen), ""))
            for _, _, group in groups
        ]
        details = self.details.read(text, mentions, sentence_bounds(doc, text)) if mentions else []
        findings = []
        for (first, end_token, group), mention, detail in zip(groups, mentions, details):
            last = doc[end_token - 1]
            generics = self._as_salt(mention.generics, detail)
            value = Drug(generics, text[mention.start : mention.end], any(m.fuzzy for m in group), *detail)
            findings.append(Finding(doc[first].idx, last.idx + len(last.text), LABEL, value))
        return findings

    def _as_salt(self, generics: tuple[str, ...], detail) -> tuple[str, ...]:
        """An element named alone but given as its one salt (``given_as_salt``): "magnesium 4 gram
        bolus", "magnesium 2 g IV" are magnesium sulfate."""
        if len(generics) != 1 or generics[0] not in self.salts:
            return generics
        salt, dose, routes = self.salts[generics[0]]
        if (detail.dose and dose.match(detail.dose)) or detail.route in routes:
            return (salt,)
        return generics
