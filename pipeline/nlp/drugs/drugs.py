"""Finds drug names (generic, brand, abbreviation, regimen code, misspelling) and maps them to
lowercase INN generics ("Tienam" -> imipenem + cilastatin, "TS-1" -> tegafur + gimeracil +
oteracil, "hydroxyurea" -> hydroxycarbamide)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.nlp.base import Component, Finding
from pipeline.nlp.drugs.details import DetailReader, Mention
from pipeline.nlp.drugs.fuzzy import FuzzyMatcher
from pipeline.nlp.drugs.lexicon import FILES, FOLD, NOT_DRUGS, PIECE, SUBSTANCES, WORD, fold, load_lexicon, pieces
from pipeline.nlp.drugs.model import Drug
from pipeline.nlp.text import sentence_bounds
from pipeline.resources import read_patterns

GROUP = "drugs"
LABEL = "DRUG"
# A sentence ends at a full stop, semicolon or line break, also where reference numbers glue
# to the full stop ("in a few case reports.10,11 While our patient ...").
SENTENCE_END = regex_cache.compile(r"[.;!?]\s|\n|(?<=[a-z)\]])\.\d{1,3}(?:[,–-]\d{1,3})*(?=\s+[A-Z])")
# First words of the list cues of patterns.toml (susceptibility, allergy, example): a literal
# prefilter, several times faster than the full cue pattern over a long lowercased report.
LIST_CUE_WORDS = regex_cache.compile(r"sensitiv|susceptib|non|resistan|intermediate|antibiogram|mic|minimum|allerg|intoleran"
                            r"|such|e\.|like|for")
# A drug name of four letters or more glued to a dose: "methadone260mg", "duloxetine30mg".
GLUED = regex_cache.compile(r"([a-z]{4,}?)(\d+(?:mg|g|mcg|ug|µg|μg|iu|u|ml)?)$")
GLUED_UNITS = frozenset({"mg", "ug", "cg", "µg", "μg", "iu", "ml"})
BLANK_LINE = regex_cache.compile(r"\n[ \t]*\n")
SPLIT_NEXT = regex_cache.compile(r"[ ]([a-z]{5,})\b")  # the word after a chemical prefix written apart
# What joins two names of one combination: "Carbo/Taxol", "carbo-paclitaxel", "Carbo + Taxol".
JOINED = regex_cache.compile(r"\s*(?:[/+&-]|and|plus|with)\s*$", re.IGNORECASE)
LONG_FORM_AFTER = regex_cache.compile(r"\s*\(\s*([A-Za-z][^()]{2,60}?)\s*\)")
# A code in brackets right after drug names, which the text then uses for them: "nirmatrelvir/
# ritonavir (NMV/r)", "hydroxychloroquine (HCQ)". Two to eight letters or digits, "/" or "-".
CODE_IN_BRACKETS = regex_cache.compile(r"[ \t]*[(\[][ \t]*([A-Za-z][A-Za-z0-9/-]{1,7})[ \t]*[)\]]")
# What joins the drug names such a code abbreviates: "nirmatrelvir/ritonavir", "A and B".
DRUG_JOIN = regex_cache.compile(r"^(?:[ \t]*(?:[/+&-]|and|plus|with)[ \t]*|-)$", re.IGNORECASE)
# A regimen code followed by the drugs it stands for in this text: "TP (docetaxel and
# cisplatin)", "GP regimen (gemcitabine plus carboplatin)", "TC chemotherapy (paclitaxel 175
# mg/m2, carboplatin AUC 5)": the bracket opens here, its drugs are the code's meaning.
CODE_THEN_DRUGS = regex_cache.compile(r"[ \t]*(?:(?:-based|regimens?|chemotherapy|chemo|protocol|scheme|combination)[ \t]*){0,2}[(\[]")
# ... or written after them in brackets: "docetaxel plus cisplatin (TP)".
DRUGS_THEN_CODE = regex_cache.compile(r"[(\[][ \t]*$")
# What joins the drugs of one regimen written out: "docetaxel plus cisplatin", "A, B and C", "A/B".
REGIMEN_JOIN = regex_cache.compile(r"^(?:[\s,/+&-]|and|plus|with|combined\s+with|[\d.,]+\s*(?:mg|g|µg|mcg)(?:/(?:m2|m²|kg|day|d))?|AUC\s*=?\s*[\d.]+|on\s+days?\s+[\d,\s-]+(?:and\s+\d+)?|day\s+[\d,\s-]+|weekly|every\s+\d+\s+weeks|q\dw|i\.?v\.?|intravenous(?:ly)?|oral(?:ly)?)*$", re.IGNORECASE)


def _inside(regions: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` lies in one of ``regions`` (sorted, disjoint (start, end) pairs)."""
    index = bisect_right(regions, (position, float("inf"))) - 1
    return index >= 0 and regions[index][0] <= position < regions[index][1]


def _merged(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The regions sorted and overlapping ones joined, as _inside wants them."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(regions):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _abbreviates(code: str, written: str) -> bool:
    """Whether ``code`` can abbreviate the drug names ``written`` (one word is enough): its first
    letter starts them and its other letters and digits follow in order.

    >>> _abbreviates("NMV/r", "nirmatrelvir ritonavir"), _abbreviates("HCQ", "hydroxychloroquine")
    (True, True)
    >>> _abbreviates("AUC5", "carboplatin")
    False
    """
    return sum(c.isalnum() for c in code) >= 2 and _letters_follow(code, written)


def spells(code: str, long_form: str) -> bool:
    """Whether ``long_form`` can be what ``code`` abbreviates (as Schwartz & Hearst match them):
    the code's first letter starts it and the code's other letters and digits follow in order.

    >>> spells("CVP", "central venous pressure"), spells("ECF", "enterocutaneous fistula")
    (True, True)
    >>> spells("TC", "paclitaxel and carboplatin")
    False
    """
    return len(long_form.split()) >= 2 and _letters_follow(code, long_form)


def _letters_follow(code: str, written: str) -> bool:
    """Whether ``written`` starts with the code's first letter and holds its other letters and
    digits in order (case-insensitive)."""
    letters = [c.lower() for c in code if c.isalnum()]
    written = written.lower()
    if not letters or not written.startswith(letters[0]):
        return False
    position = 1
    for letter in letters[1:]:
        position = written.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


class _Piece(NamedTuple):
    """A piece of text as ``PIECE`` finds it, or two joined across a broken word's hyphen."""
    text: str
    stop: int

    def group(self) -> str:
        return self.text

    def end(self) -> int:
        return self.stop


class Match(NamedTuple):
    start: int
    end: int
    generics: tuple[str, ...]
    fuzzy: bool = False
    cue: str = ""  # "", "cue" or "chemo": see lexicon.Entry
    regimen: str = ""  # the regimen code's spelling, when the name is one


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
        flags = re.IGNORECASE
        self.details = DetailReader(spec)
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
        self.not_given_after = regex_cache.compile(spec["not_given_after"], flags)
        self.not_given_before = regex_cache.compile(spec["not_given_before"], flags)
        self.misuse_before = regex_cache.compile(spec["misuse_before"], flags)
        self.misuse_gap = regex_cache.compile(spec["misuse_gap"], flags)
        self.misuse_after = regex_cache.compile(spec["misuse_after"], flags)
        self.not_usable_after = regex_cache.compile(spec["not_usable_after"], flags)
        self.salt_words = frozenset(spec["salt_words"])
        self.umbrella_end = regex_cache.compile(f"(?:{spec['umbrella_names']})$", flags)
        self.umbrella_gap = regex_cache.compile(spec["umbrella_gap"], flags)
        self.offer_words = regex_cache.compile(spec["offer_words"], flags)
        self.refusal_words = regex_cache.compile(spec["refusal_words"], flags)
        self.refusal_who = regex_cache.compile(spec["refusal_who"], flags)
        self.refusal_given = regex_cache.compile(spec["refusal_given"], flags)
        self.treatment_long_form = regex_cache.compile(spec["treatment_long_form"], flags)
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
        self.vitamin_list = regex_cache.compile(spec["vitamin_list"])  # case matters: the letters are capitals
        settings = spec["fuzzy"]
        self.split_prefixes = frozenset(settings["split_prefixes"])
        self.fuzzy = (
            FuzzyMatcher(
                self.lexicon.generics,
                self.lexicon.known_words,
                settings["suffixes"],
                settings["min_length"],
                settings["max_distance"],
                settings["ending_length"],
                tuple(settings.get("glued_salts", ())),
            )
            if fuzzy
            else None
        )

    def find(self, doc: Doc, text: str):
        """Each drug mention as a :class:`Finding` (a name and its dose, route, schedule...)."""
        return self._findings(doc, text, self._not_abbreviations(doc, text, self.matches(text)))

    def matches(self, text: str) -> list[Match]:
        """The drug matches of ``text`` (character offsets), without a Doc."""
        lowered = fold(text)
        matches = self._umbrellas(text, self._salts(lowered, self._scan(text, lowered)))
        matches = self._vitamin_lists(text, lowered, matches)
        matches = self._text_defined_codes(text, matches)
        return self._defined_codes(text, self._not_given(text, lowered, self._check_cues(text, matches)))

    def _scan(self, text: str, lowered: str) -> list[Match]:
        """One pass over the words: a word that starts a lexicon name is matched to the longest
        name there; a long unknown word may be a misspelt drug."""
        first_pieces = self.lexicon.first_pieces
        fuzzy_length = self.fuzzy.min_length if self.fuzzy is not None else 1 << 30
        matches: list[Match] = []
        misspelt: list[Match] = []
        last_end = -1
        for word in WORD.finditer(lowered):
            if word.start() < last_end:
                continue
            piece = word.group()
            if piece in self.split_prefixes:
                joined = self._joined_name(lowered, word)
                if joined is not None:
                    (misspelt if joined.fuzzy else matches).append(joined)
                    last_end = joined.end
                    continue
            if piece in first_pieces:
                match = self._longest(text, lowered, word.start(), piece)
                if match is not None:
                    if match.generics:  # a name without generics only blocks the drugs inside it
                        matches.append(match)
                    last_end = match.end
                elif len(piece) >= fuzzy_length and (spelt := self.fuzzy.spelling(piece)):
                    # a national spelling that only starts longer names of the lexicon
                    # ("insulina" of "insulina glargina"): the generic it spells
                    misspelt.append(Match(word.start(), word.end(), (spelt,), True, self._cue_of(spelt)))
            elif piece[-1].isdigit() or piece[-2:] in GLUED_UNITS:
                # a name glued to its dose in a scraped table ("Methadone260mg", "Duloxetine30mg")
                glued = GLUED.match(piece)
                if glued and glued.group(1) in first_pieces:
                    match = self._longest(text, lowered, word.start(), glued.group(1), word.start() + glued.end(1))
                    if match is not None and match.generics:
                        matches.append(match)
            elif (broken := self._broken_word(text, lowered, word)) is not None:
                # a name broken at a line end, its hyphen kept ("labe-talol", "sul- fate")
                matches.append(broken)
                last_end = broken.end
            elif len(piece) >= fuzzy_length:
                generic = self.fuzzy.match(piece)
                if generic:
                    # a misspelt analyte or hormone ("albumine") needs what its name needs
                    cue = "" if self.fuzzy.salted(piece) else self._cue_of(generic)
                    misspelt.append(Match(word.start(), word.end(), (generic,), True, cue))
        return sorted(matches + misspelt) if misspelt else matches

    def _cue_of(self, generic: str) -> str:
        """The cue the lexicon's one-word name ``generic`` needs ("cue" for a body substance that
        is also a drug), or ""."""
        entries = self.lexicon.by_first.get(generic, ((), {}))[1].get((generic,), ())
        return next((e.cue for e in entries if e.cue), "")

    def _joined_name(self, lowered: str, word) -> Match | None:
        """A drug name written as two words at a chemical prefix ("methyl prednisolone", "hydroxy
        chloroquine", "methyl prednisone"): the joined word, if it is a generic or a misspelt one."""
        following = SPLIT_NEXT.match(lowered, word.end())
        if following is None:
            return None
        joined = word.group() + following.group(1)
        entries = [e for e in self.lexicon.by_first.get(joined, ((), {}))[1].get((joined,), ()) if not e.case]
        if entries:
            entry = entries[0]
            if entry.cue or not entry.generics:
                return None  # a name that needs a cue, or no drug: too rare written apart to be worth it
            return Match(word.start(), following.end(1), entry.generics, False, "")
        generic = self.fuzzy.match(joined) if self.fuzzy is not None else None
        if generic is None:
            return None
        return Match(word.start(), following.end(1), (generic,), True, "")

    def _salts(self, lowered: str, matches: list[Match]) -> list[Match]:
        """Drops a counter-ion written right after a drug as part of its salt's name ("sildenafil
        citrate", "losartan potassium", "atorvastatin calcium"): no citric acid or potassium given."""
        if len(matches) < 2:
            return matches
        kept = [matches[0]]
        for previous, match in zip(matches, matches[1:]):
            if lowered[match.start:match.end] in self.salt_words and lowered[previous.end:match.start].isspace():
                continue
            kept.append(match)
        return kept

    def _umbrellas(self, text: str, matches: list[Match]) -> list[Match]:
        """Drops a class name written just before the drug of that class it introduces ("the
        low-molecular-weight heparin enoxaparin", "LMWH (0.6 ml of enoxaparin)"): one drug given."""
        if len(matches) < 2:
            return matches
        kept = []
        for match, following in zip(matches, matches[1:]):
            if (following.generics != match.generics
                    and self.umbrella_end.search(text, max(0, match.start - 30), match.end)
                    and following.start - match.end <= 30
                    and self.umbrella_gap.match(text[match.end:following.start])):
                continue
            kept.append(match)
        kept.append(matches[-1])
        return kept

    def _longest(self, text: str, lowered: str, start: int, first: str, end: int | None = None) -> Match | None:
        """The longest lexicon name starting at ``start``. A hyphen between two words may
        also stand for a space ("epoetin-beta" is "epoetin beta"): the longer reading wins."""
        lengths, names = self.lexicon.by_first[first]
        following = []
        for piece in PIECE.finditer(lowered, start, len(lowered) if end is None else end):
            following.append(piece)
            if len(following) >= lengths[0]:
                break
        best = self._longest_in(text, start, following, lengths, names)
        if end is not None:
            return best
        if len(following) > 2 and lowered.find("-", start, following[-2].end()) >= 0:
            for piece in PIECE.finditer(lowered, following[-1].end()):  # room for the hyphens dropped
                following.append(piece)
                if len(following) >= 2 * lengths[0]:
                    break
            joined = [p for i, p in enumerate(following)
                      if not (p.group() == "-" and 0 < i < len(following) - 1
                              and following[i - 1].group()[-1].isalnum() and following[i + 1].group()[0].isalnum()
                              and following[i - 1].end() == p.start() and p.end() == following[i + 1].start())]
            other = self._longest_in(text, start, joined[: lengths[0]], lengths, names)
            if other is not None and (best is None or other.end > best.end):
                best = other
        if lengths[0] > 1 and lowered.find("-", start, start + 80) >= 0:
            # "magnesium sul-fate": a later word of the name broken at a line end
            other = self._longest_in(text, start, self._unbroken(lowered, start, lengths[0]), lengths, names)
            if other is not None and other.generics and (best is None or other.end > best.end):
                best = other
        return best

    def _unbroken(self, lowered: str, start: int, size: int) -> list:
        """The first ``size`` pieces from ``start``, a word broken by a hyphen at a line end
        ("sul-fate", "sul- fate", "sul-" at a line end) read whole when the whole word is a word of the lexicon's names
        and neither part alone is."""
        found = list(PIECE.finditer(lowered, start, min(len(lowered), start + 40 * size)))
        out: list = []
        index = 0
        while index < len(found) and len(out) < size:
            piece = found[index]
            if index + 2 < len(found):
                hyphen, rest = found[index + 1], found[index + 2]
                whole = piece.group() + rest.group()
                if (hyphen.group() == "-" and piece.end() == hyphen.start()
                        and lowered[hyphen.end():rest.start()] in ("", " ", "\n")
                        and piece.group().isalpha() and rest.group().isalpha()
                        and whole in self.lexicon.known_words
                        and piece.group() not in self.lexicon.known_words and rest.group() not in self.lexicon.known_words):
                    out.append(_Piece(whole, rest.end()))
                    index += 3
                    continue
            out.append(piece)
            index += 1
        return out

    def _broken_word(self, text: str, lowered: str, word) -> Match | None:
        """A drug name whose first word a line end broke, its hyphen kept ("labe-talol", "cef- triaxone")."""
        if lowered[word.end():word.end() + 1] != "-":
            return None
        pieces_ = self._unbroken(lowered, word.start(), 1)
        whole = pieces_[0].group() if pieces_ else ""
        if whole == word.group() or whole not in self.lexicon.first_pieces:
            return None
        lengths, names = self.lexicon.by_first[whole]
        match = self._longest_in(text, word.start(), self._unbroken(lowered, word.start(), lengths[0]), lengths, names)
        return match if match is not None and match.generics and not match.cue else None

    def _longest_in(self, text: str, start: int, following: list, lengths: list[int], names: dict) -> Match | None:
        sequence = tuple(p.group() for p in following)
        for size in lengths:
            for entry in names.get(sequence[:size], ()) if size <= len(sequence) else ():
                end = following[size - 1].end()
                if entry.case and PIECE.findall(text[start:end].translate(FOLD)) != PIECE.findall(entry.written):
                    continue
                return Match(start, end, entry.generics, False, entry.cue, entry.regimen)
        return None

    def _check_cues(self, text: str, matches: list[Match]) -> list[Match]:
        """Names that are also body substances ("G-CSF") count only next to a treatment word or
        another drug, and never as "serum G-CSF level"; short codes with everyday meanings
        ("TC", "PTX") only next to a chemotherapy word; analytes, nutrients, enzymes and
        organisms (substances.tsv) only with an administration word in their clause, and never
        as a measurement ("alkaline phosphatase 61 U/L")."""
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
            if match.cue == "admin":
                if not (self.measured_after.match(after) or self.measured_before.search(before)) and (
                        self.admin_cue.search(before) or self.admin_cue.search(after) or self.admin_after.match(after)
                        or self.admin_cue.search(text, match.start, match.end)  # "intravenous iron"
                        or self._dose_in(text, match.end, len(after)) or self.details.any_dose.search(before)):
                    kept.append(match)
                continue
            if match.cue == "tight":
                # a code with an everyday meaning: a regimen word right beside it ("PC regimen")
                if self.tight_after.match(after) or self.tight_before.search(before):
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

    def _not_given(self, text: str, lowered: str, matches: list[Match]) -> list[Match]:
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

    def _general_statements(self, text: str, matches: list[Match]) -> list[tuple[int, int]]:
        """(start, end) of each sentence with a drug that states how drugs are used in general
        ("Management of the poisoning consists of atropine and pralidoxime", "Rituximab has
        been used in refractory cases") and does not speak of the patient or of a drug given."""
        sentences: list[tuple[int, int]] = []
        for match in matches:
            if sentences and sentences[-1][0] <= match.start < sentences[-1][1]:
                continue
            window_start = max(0, match.start - 400)  # bounded: no scan back over a long text
            start = max((m.end() for m in SENTENCE_END.finditer(text, window_start, match.start)), default=window_start)
            end_match = SENTENCE_END.search(text, match.end, match.end + 400)
            end = end_match.start() if end_match else min(len(text), match.end + 400)
            sentences.append((start, end))
        general = [(start, end) for start, end in sentences
                   if self.general_cue.search(text, start, end)
                   and not self.patient_words.search(text, start, end) and not self.given_words.search(text, start, end)]
        merged: list[tuple[int, int]] = []  # sorted and disjoint, as _inside wants them
        for start, end in sorted(general + self._general_tables(text)):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def _general_tables(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each table of general treatment options or of drug susceptibility:
        from its caption to the blank line after its rows (at most 3,000 characters)."""
        regions = []
        position = text.find("Table")
        while position >= 0:  # str.find to the candidates: a regex scan of a long text costs more
            caption = self.general_table.match(text, position)
            if caption:
                # the rows start after the caption's line, which a blank line may follow
                line_end = text.find("\n", caption.end())
                after_caption = BLANK_LINE.match(text, line_end) if line_end >= 0 else None
                rows_start = after_caption.end() if after_caption else caption.end()
                blank = BLANK_LINE.search(text, rows_start, rows_start + 3000)
                regions.append((caption.start(), blank.start() if blank else min(len(text), rows_start + 3000)))
            position = text.find("Table", position + 5)
        return regions

    def _not_given_lists(self, text: str, lowered: str) -> list[tuple[int, int]]:
        """(start, end) of each susceptibility panel, allergy list or list of examples of a
        class in a general statement: from its cue to the end of its clause."""
        regions = []
        for candidate in LIST_CUE_WORDS.finditer(lowered):
            if candidate.start() and lowered[candidate.start() - 1].isalnum():
                continue
            cue = self.list_cues.match(lowered, candidate.start())
            if cue is None:
                continue
            window_start = max(0, cue.start() - 300)  # bounded: no scan back over a long text per cue
            sentence_start = max((m.end() for m in SENTENCE_END.finditer(text, window_start, cue.start())), default=window_start)
            until = self.list_until.search(text, cue.end(), cue.end() + 300)
            end = until.start() if until else min(len(text), cue.end() + 300)
            if cue.group("susceptibility") and not self._speaks_of_microbes(text, sentence_start, end):
                continue
            if cue.group("example"):
                sentence_end = SENTENCE_END.search(text, cue.end(), cue.end() + 300)
                if self.patient_words.search(text, sentence_start, sentence_end.start() if sentence_end else cue.end() + 300):
                    continue
            if regions and cue.end() <= regions[-1][1]:  # overlapping lists merge (cues come in order)
                regions[-1] = (regions[-1][0], max(end, regions[-1][1]))
            else:
                regions.append((cue.end(), end))
        rows = self._panel_rows(text)
        return _merged(regions + rows) if rows else regions

    def _panel_rows(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each row of a susceptibility table: a tab-separated line with a cell
        reading Sensitive, Resistant, Intermediate (or S, R, I), whatever its caption."""
        if "\t" not in text:
            return []
        return [(row.start(), row.end()) for row in self.panel_row.finditer(text)]

    def _speaks_of_microbes(self, text: str, sentence_start: int, end: int) -> bool:
        """A susceptibility sentence names a microbe, or opens on a pronoun ("It demonstrated
        sensitivity to linezolid") whose antecedent, the sentence before, names one."""
        if self.microbes.search(text, sentence_start, end):
            return True
        if not self.microbe_pronoun.match(text, sentence_start):
            return False
        window_start = max(0, sentence_start - 400)
        ends = [m.end() for m in SENTENCE_END.finditer(text, window_start, max(window_start, sentence_start - 2))]
        previous_start = ends[-1] if ends else window_start
        return bool(self.microbes.search(text, previous_start, sentence_start))

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

    def _vitamin_lists(self, text: str, lowered: str, matches: list[Match]) -> list[Match]:
        """Adds each vitamin of "vitamins E and A", "vitamins A, D, E and K"."""
        found = []
        listings = []
        position = lowered.find("vitamin")
        while position >= 0:  # str.find to the candidates: a regex scan of the whole text costs more
            listing = self.vitamin_list.match(text, position)
            if listing:
                listings.append(listing)
            position = lowered.find("vitamin", position + 7)
        for listing in listings:
            for letter in re.finditer(r"[A-K](?:\s?\d{1,2})?", listing.group("letters")):
                start = listing.start("letters") + letter.start()
                end = start + len(letter.group())
                if any(m.start < end and start < m.end for m in matches):
                    continue
                key = ("vitamin", *pieces(letter.group()))
                entries = self.lexicon.by_first.get("vitamin", ((), {}))[1].get(key, ())
                entry = next((e for e in entries if e.generics), None)
                if entry is not None:
                    found.append(Match(start, end, entry.generics, False, entry.cue or "admin"))
        return sorted(matches + found) if found else matches

    @staticmethod
    def _text_defined_codes(text: str, matches: list[Match]) -> list[Match]:
        """A code that the text defines for the drugs written just before it, "nirmatrelvir/
        ritonavir (NMV/r)", "hydroxychloroquine (HCQ)", stands for those drugs wherever the text
        writes it again ("She was started on dexamethasone and NMV/r"). The code's letters must
        follow in order in the drug names, from their first letter, as an abbreviation's do."""
        if not matches:
            return matches
        codes: dict[str, tuple[str, ...]] = {}
        for index, match in enumerate(matches):
            defined = CODE_IN_BRACKETS.match(text, match.end)
            if not defined or (index + 1 < len(matches) and matches[index + 1].start < defined.end()):
                continue
            code = defined.group(1)
            if code in codes or sum(c.isupper() for c in code) < 2:
                continue
            run = [match]
            for before in reversed(matches[:index]):
                if not DRUG_JOIN.match(text[before.end:run[0].start]):
                    break
                run.insert(0, before)
            written = " ".join(text[m.start:m.end] for m in run)
            # Only for names that are drugs wherever written: the code of an analyte, reagent or
            # body substance ("dimethyl sulfoxide (DMSO)", "G-CSF") is mostly its laboratory or
            # procedural sense.
            if _abbreviates(code, written) and not any(m.cue for m in run):
                codes[code] = tuple(dict.fromkeys(g for m in run for g in m.generics))
        if not codes:
            return matches
        taken = [(m.start, m.end) for m in matches]
        found = []
        for code, generics in codes.items():
            for use in regex_cache.compile(rf"(?<![\w/.-]){re.escape(code)}(?![\w/-])").finditer(text):
                if text[use.start() - 1:use.start()] in ("(", "[") and text[use.end():use.end() + 1] in (")", "]"):
                    continue  # the definition itself
                if any(start < use.end() and use.start() < end for start, end in taken):
                    continue
                found.append(Match(use.start(), use.end(), generics))
        return sorted(matches + found) if found else matches

    def _not_abbreviations(self, doc: Doc, text: str, matches: list[Match]) -> list[Match]:
        """Drops a code that the text itself defines as something other than a drug: "CVP
        (central venous pressure)" is no cyclophosphamide, vincristine and prednisone. Long
        forms come from the abbreviation detector (``doc._.abbreviations``) when it ran, and
        from a code followed by its long form in brackets, which the detector leaves to
        brackets of more than three words. A long form that names a chemotherapy ("responded well
        to cytotoxic chemotherapy (R-CHOP)", which the detector spells from "responded") is the
        regimen's own description: the code stays a drug."""
        if not matches:
            return matches
        not_drugs = set()
        if Doc.has_extension("abbreviations"):
            for short in doc._.abbreviations or ():
                long = short._.long_form
                if long is not None and short.text not in not_drugs and not self._scan(long.text, fold(long.text)) \
                        and not self.treatment_long_form.search(long.text):
                    not_drugs.add(short.text)
        for match in matches:
            code = text[match.start : match.end]
            if code in not_drugs or not (code.isupper() and len(code) <= 6):
                continue
            defined = LONG_FORM_AFTER.match(text, match.end)
            if defined and spells(code, defined.group(1)) and not self._scan(defined.group(1), fold(defined.group(1))):
                not_drugs.add(code)
        if not not_drugs:
            return matches
        return [m for m in matches if text[m.start : m.end] not in not_drugs]

    def _defined_codes(self, text: str, matches: list[Match]) -> list[Match]:
        """A regimen code that the text defines by the drugs it stands for ("TP (docetaxel and
        cisplatin)", "docetaxel plus cisplatin (TP)") means those drugs wherever the text writes
        it, not the lexicon's reading (TP: paclitaxel and cisplatin). Kept as the lexicon reads
        it when the drugs written are part of that reading ("TC (paclitaxel 175 mg/m2)")."""
        if not any(m.regimen for m in matches):
            return matches
        defined: dict[str, tuple[str, ...]] = {}
        for index, match in enumerate(matches):
            if not match.regimen or match.regimen in defined:
                continue
            drugs = self._drugs_after_code(text, matches, index) or self._drugs_before_code(text, matches, index)
            if drugs and not set(drugs) <= set(match.generics):
                defined[match.regimen] = drugs
        if not defined:
            return matches
        return [m._replace(generics=defined[m.regimen]) if m.regimen in defined else m for m in matches]

    @staticmethod
    def _drugs_after_code(text: str, matches: list[Match], index: int) -> tuple[str, ...]:
        """The generics of the drugs in the bracket right after the code at ``index``."""
        code = matches[index]
        opening = CODE_THEN_DRUGS.match(text, code.end)
        if not opening:
            return ()
        closing = text.find(")" if text[opening.end() - 1] == "(" else "]", opening.end(), opening.end() + 160)
        if closing < 0:
            return ()
        inner = [m for m in matches[index + 1:] if m.start < closing]
        if not inner or inner[0].start < opening.end() or any(m.regimen for m in inner):
            return ()
        return tuple(dict.fromkeys(g for m in inner for g in m.generics))

    @staticmethod
    def _drugs_before_code(text: str, matches: list[Match], index: int) -> tuple[str, ...]:
        """The generics of the drugs written out just before "(code)": "docetaxel plus cisplatin (TP)"."""
        code = matches[index]
        opening = DRUGS_THEN_CODE.search(text, max(0, code.start - 4), code.start)
        if not opening or not re.match(r"[ \t]*[)\]]", text[code.end:code.end + 3]):
            return ()
        drugs: list[Match] = []
        end = opening.start()
        for match in reversed(matches[:index]):
            if match.regimen or not REGIMEN_JOIN.match(text[match.end:end].strip()):
                break
            drugs.insert(0, match)
            end = match.start
        if len(drugs) < 2:
            return ()
        return tuple(dict.fromkeys(g for m in drugs for g in m.generics))

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
            value = Drug(mention.generics, text[mention.start : mention.end], any(m.fuzzy for m in group), *detail)
            findings.append(Finding(doc[first].idx, last.idx + len(last.text), LABEL, value))
        return findings
