"""The lexicon matching of the sites component: the sites of ``models/sites/sites.tsv`` found
in a doc with a PhraseMatcher on lower case (the longest phrase winning), and the site words of
tokens the tokenizer keeps whole ("cutaneous/subcutaneous", "intracolonic") looked up one by one.
A match stands as a Span or a :class:`SlashPart` labelled with its "site|role" key.
"""
from __future__ import annotations

import dataclasses

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline import disk_cache, regex_cache
from pipeline.nlp.base import PRINTED_APOSTROPHES
from pipeline.nlp.phrases import phrase_matcher
from pipeline.nlp.sites.model import LOCAL, OTHER
from pipeline.resources import read_table

LABEL = "SITE"
NOT_A_SITE = "-"
COMPOUND = "+"  # a lexicon site "liver+spleen": a compound adjective naming two sites
NODE = "lymph node"
SLASH_LABELS = 10  # labels kept apart for each part of a slash-joined token (a part may be a compound)
SLASH_TAIL = 3  # words after a slash-joined token read with each of its parts ("pelvic/para-aortic lymph nodes")
# A one-word organ adjective with "intra" before it ("intracolonic", "intra-splenic" when the tokenizer
# keeps it whole): group 1 is the adjective.
INTRA_WORD = regex_cache.compile(r"^intra-?([a-z]{4,})$")
# The nouns of a lesion or of spread such an adjective qualifies ("intracolonic metastases", "intramuscular
# deposits", "intrasplenic lesions", "an intrarenal mass").
INTRA_HEAD = regex_cache.compile(r"^(?:metasta\w*|micrometasta\w*|deposits?|lesions?|nodules?|masse?s?|"
                                 r"tumou?rs?|recurren\w*|relapses?|spread|implants?|seeding|dissemination|"
                                 r"involvement|infiltrat\w*|extension|invasion|foci|focus|secondaries)$")


def written_forms(written: str) -> set[str]:
    """The form and its plural (of the last word): "lymph node" -> "lymph nodes"; an eponym with
    its apostrophe as pages print it too: "virchow's node" -> "virchow’s node"."""
    forms = _plural_forms(written)
    if "'" in written:
        forms |= {form.replace("'", mark) for form in set(forms) for mark in PRINTED_APOSTROPHES}
    return forms


def _plural_forms(written: str) -> set[str]:
    forms = {written}
    head, _, last = written.rpartition(" ")
    if len(last) < 3 or not last[-1].isalpha() or last.endswith("s"):
        return forms
    prefix = head + " " if head else ""
    if last.endswith(("x", "ch", "sh")):
        forms.add(prefix + last + "es")
    elif last.endswith("y") and last[-2] not in "aeiou":
        forms.add(prefix + last[:-1] + "ies")
    elif last.endswith("a"):
        forms.update({prefix + last + "e", prefix + last + "s"})
    elif last.endswith("um"):
        forms.add(prefix + last[:-2] + "a")
    else:
        forms.add(prefix + last + "s")
    return forms


def lexicon_phrases(lexicon: str) -> list[tuple[str, list[str]]]:
    """The lexicon's written forms (with plurals) by match key "site|role", sorted."""
    forms_by_key: dict[str, set[str]] = {}
    for row in read_table(lexicon):
        if row.get("written") and row.get("site"):
            key = f"{row['site']}|{row.get('role', '')}"
            forms_by_key.setdefault(key, set()).update(written_forms(row["written"].lower()))
    return [(key, sorted(forms)) for key, forms in forms_by_key.items()]


@dataclasses.dataclass(frozen=True)
class SlashPart:
    """One site word of a token that joins words with slashes ("cutaneous/subcutaneous", "liver/lung"),
    which the tokenizer keeps whole and the phrase matcher therefore never sees; it stands where a
    matched Span stands (its characters, its words and its "site|role" key). ``index`` tells the parts
    of one token apart, so that each finding over the same token keeps its own value."""

    start_char: int
    end_char: int
    text: str
    label_: str
    index: int


def each_site(group: list[Span]):
    """(span, site, label) of each site a lexicon phrase names: one, or each part of a compound
    adjective written "a+b" in the lexicon ("hepatosplenic" is liver and spleen); the second part
    gets its own label so that both findings of the same words keep their values."""
    for span in group:
        site = span.label_.partition("|")[0]
        first = SLASH_LABELS * getattr(span, "index", 0)  # the parts of one slash-joined token
        for index, part in enumerate(site.split(COMPOUND)):
            yield span, part, LABEL if first + index == 0 else f"{LABEL}{COMPOUND}{first + index}"


class SiteLexicon:
    """The lexicon's sites of a doc, in text order (:meth:`sites`)."""

    def __init__(self, nlp: Language, lexicon: str):
        # the tokenised forms are kept in the build cache, keyed by the lexicon and this code
        self.matcher = phrase_matcher(nlp, "LOWER", lambda: lexicon_phrases(lexicon), disk_cache.data_key([lexicon], __file__))
        # the written forms by key, for the parts of slash-joined tokens
        self.forms = {form: key for key, forms in lexicon_phrases(lexicon) for form in forms}

    def sites(self, doc: Doc) -> list[Span | SlashPart]:
        found = [Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc)]
        # the longest phrase wins: "cervical lymph node" is a node, "cervix" is not there
        kept = filter_spans(found)
        taken = {i for span in kept for i in range(span.start, span.end)}
        parts = self._slash_parts(doc, taken) + self._prefixed_parts(doc, taken)
        sites = [s for s in kept if not s.label_.startswith(NOT_A_SITE + "|")]
        return sorted(sites + parts, key=lambda s: s.start_char) if parts else sites

    def _slash_parts(self, doc: Doc, taken: set[int]) -> list[SlashPart]:
        """The site words of tokens that join words with slashes ("widespread cutaneous/subcutaneous
        metastasis", "liver/lung lesions"), each read as the lexicon reads it. The words after the token
        belong to every part ("pelvic/para-aortic lymph nodes" are pelvic and para-aortic lymph nodes),
        and the first part may end a phrase begun by the token before ("gall bladder/biliary tract": the
        gall bladder)."""
        parts = []
        for token in doc:
            if "/" not in token.text or token.i in taken or len(token.text) < 5:
                continue
            tail = [t.lower_ for t in doc[token.i + 1:token.i + 1 + SLASH_TAIL]]
            words = token.text.split("/")
            offset = token.idx
            for index, word in enumerate(words):
                start, end = offset, offset + len(word)
                offset = end + 1
                key = self._slash_key(word.lower(), tail)
                if index == 0 and token.i and token.i - 1 not in taken:
                    before = doc[token.i - 1]
                    joined = self.forms.get(f"{before.lower_} {word.lower()}")
                    if joined is not None and before.idx + len(before.text) + 1 == start:
                        start, key = before.idx, joined
                if key is None or key.startswith(NOT_A_SITE + "|"):
                    continue
                parts.append(SlashPart(start, end, doc.text[start:end], key, index))
        return parts

    def _prefixed_parts(self, doc: Doc, taken: set[int]) -> list[SlashPart]:
        """Organ adjectives written with "intra" before them in one word ("intracolonic metastases",
        "intramuscular deposits", "intrasplenic lesions"), which the lexicon lists only in part: the word
        is the organ its rest names when it qualifies a lesion or its spread (the next word, ``INTRA_HEAD``);
        else it mostly names a route or a space ("intramuscular injection", "intraperitoneal chemotherapy",
        "intrauterine device") and gives nothing. A rest the lexicon does not name, or names as a region
        outside the site list ("intrapelvic", "intraintestinal": "other") or as no site, gives nothing; a
        word the lexicon lists itself ("intradural") or a phrase it belongs to is read as the lexicon reads it."""
        parts = []
        for token in doc:
            if token.i in taken or token.i + 1 >= len(doc) or not INTRA_HEAD.match(doc[token.i + 1].lower_):
                continue
            match = INTRA_WORD.match(token.lower_)
            key = self.forms.get(match.group(1)) if match else None
            if key is None or key.startswith((NOT_A_SITE + "|", OTHER + "|", LOCAL + "|")):
                continue
            parts.append(SlashPart(token.idx, token.idx + len(token.text), token.text, key, 0))
        return parts

    def _slash_key(self, word: str, tail: list[str]) -> str | None:
        """The lexicon key of a slash-joined word with the longest run of the words after the token that
        makes a lexicon phrase with it ("para-aortic" + "lymph nodes"), or of the word alone."""
        for length in range(len(tail), 0, -1):
            key = self.forms.get(" ".join([word, *tail[:length]]))
            if key is not None:
                return key
        return self.forms.get(word)
