"""Finds histological types ("cervical squamous carcinoma", "transitional-cell carcinoma",
"NSCLC") and normalises them to the names of the annotation contract.

One regex built from the lexicon (``models/histology/histology.tsv``), longest names first, with
room for organ words before the last word of a name ("squamous cell cervical carcinoma",
"undifferentiated endometrial sarcoma"). A bare "carcinoma" or "tumour" is never a type. A short
form the text defines for a type ("microinvasive adenocarcinoma (MIAC)") is that type where it is
used later (the abbreviation detector's ``doc._.abbreviations``, when it ran before this component).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline import regex_cache
from pipeline.nlp.base import LATIN_WORD, PRINTED_APOSTROPHES, Component, Finding
from pipeline.nlp.histology.model import Histology
from pipeline.nlp.text import sentence_bounds
from pipeline.resources import read_patterns, read_table

GROUP = "histology"
LABEL = "HISTOLOGY"
ROMAN = {"I": "1", "II": "2", "III": "3"}
NOT_A_TYPE = "-"  # a benign lesion with a tumour word in its name ("mature cystic teratoma")
WORD = LATIN_WORD
# "Ewing's sarcoma (ES)": a bracketed abbreviation right after a name (two to six letters, the
# first a capital), and the possessive dropped before its initials are read
ABBREVIATION_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z]{1,5})\s*[),;]")
# A short form in capitals with a plural "s" ("GCTs", "GISTs").
PLURAL_SHORT_FORM = re.compile(r"([A-Z]{2,5})s")
POSSESSIVE = re.compile(r"['\u2019]s(?![A-Za-z])")
# The apostrophes of a written name (the printed ones, and the prime), and the one the lexicon writes them as.
APOSTROPHES = "['" + PRINTED_APOSTROPHES + "\u2032]"
TYPOGRAPHIC_APOSTROPHE = str.maketrans(dict.fromkeys(PRINTED_APOSTROPHES + "\u2032", "'"))
TUMOUR_WORD = re.compile(r"(?i)^tumou?r(?=s?$)")
# A word of capitals only ("ALL RIGHTS RESERVED": a heading's, beside a leukaemia's abbreviation).
CAPITAL_WORD = re.compile(r"[A-Z]{2,}")


class HistologyMatcher(Component):
    """Puts histology mentions in ``doc.spans["histology"]`` with a :class:`Histology` in
    ``Span._.value``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_histology")
    >>> doc = nlp("A moderately differentiated squamous cell cervical carcinoma; SCC antigen was 3.1.")
    >>> [(s._.value.histology, s._.value.grade) for s in doc.spans["histology"]]
    [('squamous cell carcinoma', 'moderately differentiated')]
    """

    group = GROUP

    def __init__(self, nlp: Language, name: str = "caselit_histology", lexicon: str = "histology/histology.tsv",
                 patterns: str = "histology/histology.toml", parents: str = "histology/parents.tsv",
                 organs: str = "histology/organs.tsv"):
        super().__init__(nlp, name)
        self.parents, self.organs = parents, organs  # read by case assembly, from the pipe's config
        spec = read_patterns(patterns)
        heads = set(spec["heads"])
        # the slot before a name's last word: organ words, and the qualifiers the contract drops from a
        # type ("undifferentiated nonkeratinizing carcinoma", "squamous keratinizing cancer")
        slot_words = f"(?:{spec['organ']}|{spec['dropped']})" if spec.get("dropped") else spec["organ"]
        organ_slot = f"(?:{slot_words}[\\s-]+){{0,2}}"
        self.names: dict[str, str] = {}  # lower-case or exact written form -> histology
        self.abbreviations: set[str] = set()  # the exact-case forms ("SCC", "RCC")
        self.blood_abbreviations: set[str] = set()  # read only in a report of blood cancer ("AML")
        alternatives = []
        for row in read_table(lexicon):
            written, exact = row["written"].strip(), row.get("case") in ("exact", "blood")
            if not written or not row.get("histology"):
                continue
            self.names[written if exact else written.lower()] = row["histology"]
            if exact:
                self.abbreviations.add(written)
            if row.get("case") == "blood":
                self.blood_abbreviations.add(written)
            words = written.split()
            # an apostrophe as pages print it: straight, curly or prime ("Wilms’ tumour", "Hodgkin’s")
            # and "tumour" in either spelling ("Wilms’ tumour" of "wilms' tumor")
            parts = [TUMOUR_WORD.sub("tumou?r", re.escape(w).replace("'", APOSTROPHES)) for w in words]
            if len(words) > 1 and words[-1].lower() in heads:
                body = r"[\s,-]+".join(parts[:-1]) + r"[\s-]+" + organ_slot + parts[-1]
            else:
                body = r"[\s,-]+".join(parts)
            if not exact and written[-1].isalpha():
                body += "s?"
            alternatives.append((written[0].lower(), len(written), f"(?-i:{body})" if exact else body))
        # longest first: at one position the longest name wins; names are grouped by their first
        # letter behind a lookahead so that each position tries only the names that can start there
        by_letter: dict[str, list[tuple[int, str]]] = {}
        for letter, length, body in alternatives:
            by_letter.setdefault(letter, []).append((length, body))
        groups = [
            f"(?={re.escape(letter)})(?:" + "|".join(b for _, b in sorted(bodies, key=lambda i: -i[0])) + ")"
            for letter, bodies in sorted(by_letter.items())
        ]
        self.pattern = regex_cache.compile(
            r"(?<![\w-])(?:" + "|".join(groups) + r")(?![\w-])" + f"(?!{spec['exclude_after']})",
            re.IGNORECASE,
        )
        self.separators = regex_cache.compile(r"[\s,-]+")
        self.organ_word = regex_cache.compile(rf"(?<![\w-]){spec['organ']}(?![\w-])", re.IGNORECASE)
        self.dropped_word = (regex_cache.compile(rf"(?<![\w-]){spec['dropped']}(?![\w-])", re.IGNORECASE)
                             if spec.get("dropped") else None)
        self.keys = {self._key(k): v for k, v in self.names.items()}
        self.grade = regex_cache.compile(spec["grade"], re.IGNORECASE)
        self.grade_reach = int(spec.get("grade_reach", 60))
        self.hedge = regex_cache.compile(spec["hedge"], re.IGNORECASE)
        self.hedge_reach = int(spec.get("hedge_reach", 80))
        # the same, written after the name ("lymphoma and thymoma were considered in the differential")
        self.hedge_after = regex_cache.compile(spec["hedge_after"], re.IGNORECASE) if spec.get("hedge_after") else None
        self.final = regex_cache.compile(spec["final"], re.IGNORECASE) if spec.get("final") else None
        # "a benign pheochromocytoma", "non-malignant paraganglioma": a tumour but no cancer type
        self.benign = regex_cache.compile(spec["benign"], re.IGNORECASE) if spec.get("benign") else None
        self.benign_reach = int(spec.get("benign_reach", 50))
        self.blood_context = regex_cache.compile(spec["blood_context"], re.IGNORECASE)
        self.blood_rivals = regex_cache.compile(spec["blood_rivals"], re.IGNORECASE)

    def _key(self, written: str) -> str:
        """The written form without spacing, hyphens, commas or a plural s, "tumour" spelt "tumor"."""
        return self.separators.sub("", written.lower().replace("tumour", "tumor")).removesuffix("s")

    def histology_of(self, written: str) -> str | None:
        """The normalised histology of a whole written name ("cervical squamous carcinoma"),
        or None when the lexicon does not know it."""
        return self._normalise(written.strip())

    def _normalise(self, written: str) -> str | None:
        written = written.translate(TYPOGRAPHIC_APOSTROPHE)
        if written in self.names:  # abbreviations are stored in their exact case
            return self.names[written]
        found = (self.names.get(written.lower()) or self.keys.get(self._key(written))
                 or self.keys.get(self._key(self.organ_word.sub(" ", written))))
        if found is None and self.dropped_word is not None:  # "undifferentiated nonkeratinizing carcinoma"
            found = self.keys.get(self._key(self.organ_word.sub(" ", self.dropped_word.sub(" ", written))))
        return found

    def find(self, doc: Doc, text: str):
        """Each histological type as a :class:`Finding` with its grade and hedge."""
        matches = list(self.pattern.finditer(text))
        bounds = sentence_bounds(doc, text) if matches else []
        foreign = self._foreign_abbreviations(text, matches) | self._unsupported_blood_abbreviations(text, matches)
        benign_heads = self._benign_heads(matches)
        names = [(m.start(), m.end(), m.group(0), self._normalise(m.group(0))) for m in matches]
        names += self._defined_abbreviations(text, matches)
        names = sorted(names + self._short_form_uses(doc, text, names))
        for index, (start, end, written, histology) in enumerate(names):
            if histology is None or histology == NOT_A_TYPE or written in foreign:
                continue
            if self._key(written) in benign_heads:
                continue  # "teratoma" of a report whose pathology says "mature teratoma": that benign tumour
            if NEGATING_PREFIX.search(text, max(0, start - 10), start):
                continue  # "familial non-medullary thyroid carcinoma", "nonacute promyelocytic leukemia": any type but the one named
            negated = NEGATED_SHORT_FORM.search(text, max(0, start - 60), start)
            if negated and not any(other[0] == negated.start() for other in names):
                continue  # "AML, nonacute promyelocytic leukemia (APL) type": the short form of a name negated
                # (not the short form of a name the lexicon writes with its "non": "non-small cell lung cancer (NSCLC)")
            if self._benign(text, start, bounds):
                continue
            # a grade belongs to the nearest name: never reach past a neighbouring one
            low = names[index - 1][1] if index else 0
            high = names[index + 1][0] if index + 1 < len(names) else len(text)
            grade = self._grade(text, start, end, bounds, low, high)
            hedged = self._hedged(text, start, end, bounds)
            final = not hedged and self._final(text, start, bounds)
            value = Histology(histology=histology, written=written, grade=grade, hedged=hedged, final=final)
            yield Finding(start, end, LABEL, value)

    def _defined_abbreviations(self, text: str, matches: list[re.Match]) -> list[tuple[int, int, str, str]]:
        """The later uses of an abbreviation the text defines for a type the lexicon knows ("Ewing's
        sarcoma (ES) ... a calcaneal ES", "myeloid sarcoma (MS) of the cervical nodes"), as (start,
        end, written, histology). A definition is a bracketed abbreviation right after the name, whose
        letters are the initials of the words before it ("primary bone marrow lymphoma (PBML)");
        abbreviations the lexicon has are read by the lexicon."""
        found = []
        for match in matches:
            definition = ABBREVIATION_AFTER.match(text, match.end())
            if definition is None:
                continue
            abbreviation = definition.group(1)
            histology = self._normalise(match.group(0))
            if abbreviation in self.names or histology in (None, NOT_A_TYPE):
                continue
            # a plural short form ("granulosa cell tumors (GCTs)") is also used in the singular ("a juvenile GCT")
            plural = PLURAL_SHORT_FORM.fullmatch(abbreviation)
            stem = plural.group(1) if plural else abbreviation
            letters = stem.lower()
            before = POSSESSIVE.sub("", text[max(0, match.end() - 120):match.end()])
            words = WORD.findall(before)[-len(letters):]
            if len(words) < len(letters) or "".join(w[0] for w in words).lower() != letters:
                continue
            if plural and stem in self.names:
                continue  # the lexicon reads the singular
            use = re.compile(r"(?<![\w-])" + re.escape(stem) + (r"s?" if plural else "") + r"(?![\w-])")
            found += [(m.start(), m.end(), abbreviation, histology) for m in use.finditer(text, definition.end())]
        return found

    def _short_form_uses(self, doc: Doc, text: str, names: list[tuple[int, int, str, str | None]]
                         ) -> list[tuple[int, int, str, str]]:
        """The later uses of a short form the abbreviation detector pairs with a long form
        (``doc._.abbreviations``, Schwartz & Hearst, when it ran before this component), as (start,
        end, written, histology): the type its long form names (:meth:`_named_by_long_form`), else the
        type its long form begins, completed by the words after the use (:meth:`_completed_long_form`).
        A use already read as a name is not read twice."""
        if not Doc.has_extension("abbreviations") or not doc._.abbreviations:
            return []
        taken = [(start, end) for start, end, _, _ in names]
        found = []
        for short in doc._.abbreviations:
            if short._.long_form is None or any(start < short.end_char and short.start_char < end for start, end in taken):
                continue
            use = self._named_by_long_form(short, names) or self._completed_long_form(short, text)
            if use is not None:
                found.append(use)
                taken.append(use[:2])
        return found

    def _named_by_long_form(self, short: Span, names: list[tuple[int, int, str, str | None]]
                            ) -> tuple[int, int, str, str] | None:
        """A use of a short form whose long form ends with a type's name: "microinvasive adenocarcinoma
        (MIAC) ... a case of MIAC", "uterine leiomyosarcoma (ULMS) ... ULMS-derived", whose letters come
        from inside the words as well as from their initials. The long form must end with the name, so
        that it is the type the short form stands for: "squamous cell carcinoma antigen (SCC-Ag)" is an
        antigen and "anaplastic lymphoma kinase (ALK)" an enzyme. Short forms the lexicon has are read by
        the lexicon; the definition itself is no use."""
        long = short._.long_form
        if short.text in self.names or 0 <= short.start_char - long.end_char <= 3:
            return None
        types = {histology for start, end, _, histology in names
                 if start < long.end_char and long.start_char < end and end >= long.end_char
                 and histology not in (None, NOT_A_TYPE)}
        return (short.start_char, short.end_char, short.text, types.pop()) if len(types) == 1 else None

    def _completed_long_form(self, short: Span, text: str) -> tuple[int, int, str, str] | None:
        """A use of a short form that stands for the first word(s) of a type's name, read with its long
        form in its place ("Adrenocortical (AC) tumours ... AC carcinoma" is an adrenocortical
        carcinoma): the short form together with the words after it that complete the name."""
        written_long = short._.long_form.text
        match = self.pattern.match(written_long + text[short.end_char:short.end_char + 80])
        if match is None or match.end() <= len(written_long) + 1:
            return None  # the long form is no type's beginning, or is a whole name by itself
        histology = self._normalise(match.group(0))
        if histology in (None, NOT_A_TYPE):
            return None
        end = short.end_char + match.end() - len(written_long)
        return short.start_char, end, text[short.start_char:end], histology

    def _benign_heads(self, matches: list[re.Match]) -> set[str]:
        """The bare names (keys) that the text also writes as a benign lesion of the lexicon ("mature
        teratoma", "benign cystic teratoma": histology '-'), unless it also writes a malignant form of
        them ("immature teratoma"): a bare "teratoma" there is the benign one."""
        heads, malignant = set(), set()
        for match in matches:
            written = match.group(0)
            head = self._key(written.split()[-1])
            histology = self._normalise(written)
            if histology == NOT_A_TYPE and len(written.split()) > 1:
                heads.add(head)
            elif histology is not None and self._key(written) != head:
                malignant.add(head)
        return heads - malignant

    def _hedged(self, text: str, start: int, end: int, bounds) -> bool:
        sentence_start, sentence_end = next(((s, e) for s, e in bounds if s <= start < e), (0, len(text)))
        if self.hedge.search(text, max(sentence_start, start - self.hedge_reach), start) is not None:
            return True
        return self.hedge_after is not None and self.hedge_after.match(
            text, end, min(sentence_end, end + self.hedge_reach * 2)) is not None

    def _benign(self, text: str, start: int, bounds) -> bool:
        """True when the words right before the name call it benign ("non-malignant pheochromocytoma")."""
        if self.benign is None:
            return False
        sentence_start = next((s for s, e in bounds if s <= start < e), 0)
        return self.benign.search(text, max(sentence_start, start - self.benign_reach), start) is not None

    def _final(self, text: str, start: int, bounds) -> bool:
        """True when the type's sentence gives it as the final diagnosis."""
        if self.final is None:
            return False
        sentence_start, sentence_end = next(((s, e) for s, e in bounds if s <= start < e), (0, len(text)))
        return self.final.search(text, sentence_start, sentence_end) is not None

    def _unsupported_blood_abbreviations(self, text: str, matches: list[re.Match]) -> set[str]:
        """The leukaemias' bare abbreviations ("AML", "ALL") of a text that gives them no support:
        no blood-cancer word, or the long form of another meaning ("angiomyolipoma"). "ALL" between
        capitalised words is a heading's word ("ALL RIGHTS RESERVED")."""
        used = {m.group(0) for m in matches} & self.blood_abbreviations
        if not used:
            return set()
        if not self.blood_context.search(text) or self.blood_rivals.search(text):
            return used
        return {w for w in used if all(_in_capitals(text, m) for m in matches if m.group(0) == w)}

    def _foreign_abbreviations(self, text: str, matches: list[re.Match]) -> set[str]:
        """Abbreviations the text defines as something else: "recurrent cervical cancer (RCC)"
        makes every "RCC" of that text no renal cell carcinoma. A definition is a bracketed
        abbreviation after words whose initials spell it; it is foreign when those words do not
        name the same type ("renal cell carcinoma (RCC)" keeps it)."""
        foreign = set()
        for written in {m.group(0) for m in matches} & self.abbreviations:
            letters = written.removesuffix("s").lower()
            for definition in re.finditer(r"\(\s*" + re.escape(written) + r"\s*[),;]", text):
                words = WORD.findall(text[max(0, definition.start() - 120):definition.start()])[-len(letters):]
                if len(words) < len(letters) or "".join(w[0] for w in words).lower() != letters:
                    continue
                if self._normalise(" ".join(words)) != self.names[written]:
                    foreign.add(written)
                    break
        return foreign

    def _grade(self, text: str, start: int, end: int, bounds, low: int, high: int) -> str | None:
        sentence = next(((s, e) for s, e in bounds if s <= start < e), (0, len(text)))
        low = max(low, sentence[0], start - self.grade_reach)
        high = min(high, sentence[1], end + self.grade_reach)
        best = None
        for match in self.grade.finditer(text, low, high):
            distance = max(match.start() - end, start - match.end(), 0)
            if best is None or distance < best[0]:
                best = (distance, match)
        if best is None:
            return None
        match = best[1]
        if match.group("number"):
            return "G" + ROMAN.get(match.group("number").upper(), match.group("number"))
        if match.group("g"):
            return "G" + match.group("g")
        if match.group("level"):
            return match.group("level").lower()
        return match.group("differentiation").lower() + " differentiated"



# "non-" right before a name negates it ("non-medullary thyroid carcinoma", "nonseminomatous"; "nonacute
# promyelocytic leukemia", the acute type's name written without "acute" too): a
# type the lexicon writes with its prefix ("non-small cell carcinoma", "non-Hodgkin lymphoma") starts
# at "non" and is matched whole.
# A short form in brackets after a name negated by its "non" ("AML, nonacute promyelocytic leukemia (APL)
# type"): the type the report rules out.
NEGATED_SHORT_FORM = re.compile(r"(?<![A-Za-z])[Nn]on[-‐‑]?[A-Za-z]+(?:[-‐‑\s]+[A-Za-z]+){0,3}\s*\(\s*$")
NEGATING_PREFIX = re.compile(r"(?<![A-Za-z])[Nn]on[-‐‑]?(?:acute[-‐‑\s]+)?$")


def _in_capitals(text: str, match: re.Match) -> bool:
    """Whether a word next to the match is a word of capitals of its own ("ALL RIGHTS")."""
    before = text[max(0, match.start() - 30):match.start()].split()
    after = text[match.end():match.end() + 30].split()
    return any(CAPITAL_WORD.fullmatch(words[i].strip(".,:;")) for words, i in ((before, -1), (after, 0)) if words)
