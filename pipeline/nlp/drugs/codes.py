"""Codes that stand for drugs in a text: a code the text defines for drugs written before it
("hydroxychloroquine (HCQ)"), a regimen code defined by its drugs ("TP (docetaxel and
cisplatin)"), and a code the text defines as something other than a drug ("CVP (central venous
pressure)")."""
from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.nlp.drugs.names import Match

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



def text_defined_codes(text: str, matches: list[Match]) -> list[Match]:
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


def not_abbreviations(doc: Doc, text: str, matches: list[Match], names_in: Callable[[str], list],
                      treatment_long_form: re.Pattern) -> list[Match]:
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
            if long is not None and short.text not in not_drugs and not names_in(long.text) \
                    and not treatment_long_form.search(long.text):
                not_drugs.add(short.text)
    for match in matches:
        code = text[match.start : match.end]
        if code in not_drugs or not (code.isupper() and len(code) <= 6):
            continue
        defined = LONG_FORM_AFTER.match(text, match.end)
        if defined and spells(code, defined.group(1)) and not names_in(defined.group(1)):
            not_drugs.add(code)
    if not not_drugs:
        return matches
    return [m for m in matches if text[m.start : m.end] not in not_drugs]


def defined_codes(text: str, matches: list[Match]) -> list[Match]:
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
        drugs = _drugs_after_code(text, matches, index) or _drugs_before_code(text, matches, index)
        if drugs and not set(drugs) <= set(match.generics):
            defined[match.regimen] = drugs
    if not defined:
        return matches
    return [m._replace(generics=defined[m.regimen]) if m.regimen in defined else m for m in matches]


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
