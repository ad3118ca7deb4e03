"""Finds anatomical sites ("liver", "vaginal cuff", "para-aortic lymph nodes", "pN1") and what
each is for the cancer: its primary, a metastasis, a recurrence, an invasion or a mention.

Sites come from a lexicon (``models/sites/sites.tsv``) matched with a PhraseMatcher on lower
case, the longest phrase winning; the words of a slash-joined token ("cutaneous/subcutaneous",
"pelvic/para-aortic lymph nodes"), which the tokenizer keeps whole, are looked up one by one.
Roles come from cue rules (``models/sites/roles.toml``) read on both sides of the site within its
sentence; sites joined by "and" / commas form one list
that shares its cues ("metastases to the liver, lungs and vertebrae"), and serosal adjectives of one list
share its qualifier and head noun ("malignant pleural and pericardial effusions"). A metastasis word with a
size or number prefix ("micrometastasis", "oligometastatic") is read as the bare word. Negation and background
statements are left to the context component: a negated metastasis keeps its role. TNM N
categories above N0 come from the stage component's spans (``doc.spans["stage"]``) when it ran
before this one, else from this component's own TNM patterns; M1 with named organ and a bare
"N2" next to a staging word are read here. A cancer's short form defined in the text ("Ovarian
carcinoma (OC)", "clear cell carcinoma (CCC) of the ovary") names the long form's primary, or the organ
its definition names right after the bracket, where it stands alone later (the abbreviation
detector's ``doc._.abbreviations``, when it ran before this component).
"""
from __future__ import annotations

import bisect
import dataclasses
import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline import disk_cache, regex_cache
from pipeline.nlp.base import PRINTED_APOSTROPHES, Component, Finding, fill_template
from pipeline.nlp.phrases import phrase_matcher
from pipeline.nlp.sites.model import LOCAL, OTHER, Site
from pipeline.nlp.text import lower_text, sentence_bounds
from pipeline.resources import read_patterns, read_table

GROUP = "sites"
STAGE_GROUP = "stage"  # the stage component's FIGO and TNM spans (it runs before this one)
LABEL = "SITE"
NOT_A_SITE = "-"
COMPOUND = "+"
NODE = "lymph node"  # a lexicon site "liver+spleen": a compound adjective naming two sites
SLASH_LABELS = 10  # labels kept apart for each part of a slash-joined token (a part may be a compound)
SLASH_TAIL = 3  # words after a slash-joined token read with each of its parts ("pelvic/para-aortic lymph nodes")
REACH = 200  # characters of context read on each side (a long list of sites fits)
TNM_HINT = regex_cache.compile(r"[NM][0-3xX]")
# A one-word organ adjective with "intra" before it ("intracolonic", "intra-splenic" when the tokenizer
# keeps it whole): group 1 is the adjective.
INTRA_WORD = regex_cache.compile(r"^intra-?([a-z]{4,})$")
# The nouns of a lesion or of spread such an adjective qualifies ("intracolonic metastases", "intramuscular
# deposits", "intrasplenic lesions", "an intrarenal mass").
INTRA_HEAD = regex_cache.compile(r"^(?:metasta\w*|micrometasta\w*|deposits?|lesions?|nodules?|masse?s?|"
                                 r"tumou?rs?|recurren\w*|relapses?|spread|implants?|seeding|dissemination|"
                                 r"involvement|infiltrat\w*|extension|invasion|foci|focus|secondaries)$")
# Without sentence boundaries (a pipeline with no sentence pipe) a full stop before a capital
# letter, or a line break, ends the context.


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


class SiteMatcher(Component):
    """Puts site mentions in ``doc.spans["sites"]`` with a :class:`Site` in ``Span._.value``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_sites")
    >>> doc = nlp("Cervical carcinoma with metastases to the liver and lungs.")
    >>> [(s._.value.site, s._.value.role) for s in doc.spans["sites"]]
    [('cervix', 'primary'), ('liver', 'metastasis'), ('lung', 'metastasis')]
    """

    group = GROUP

    def __init__(self, nlp: Language, name: str = "caselit_sites", lexicon: str = "sites/sites.tsv",
                 roles: str = "sites/roles.toml"):
        super().__init__(nlp, name)
        # the tokenised forms are kept in the build cache, keyed by the lexicon and this code
        self.matcher = phrase_matcher(nlp, "LOWER", lambda: lexicon_phrases(lexicon), disk_cache.data_key([lexicon], __file__))
        # the written forms by key, for the parts of slash-joined tokens
        self.forms = {form: key for key, forms in lexicon_phrases(lexicon) for form in forms}
        spec = read_patterns(roles)
        parts = spec.get("parts", {})
        self.rules = []
        for rule in spec["rule"]:
            needs = rule.get("needs", ())
            lower = tuple(n for n in needs if not n.startswith("|"))
            exact = tuple(n[1:] for n in needs if n.startswith("|"))
            written = regex_cache.compile(rule["written"], re.IGNORECASE) if rule.get("written") else None
            self.rules.append((rule["role"], rule["side"], frozenset(rule.get("sites", ())), lower, exact,
                               regex_cache.compile(fill_template(rule["pattern"], parts), re.IGNORECASE), written))
        self.connector = regex_cache.compile(fill_template(spec["connector"]["pattern"], parts), re.IGNORECASE)
        connector = spec["connector"]
        self.placed_before = regex_cache.compile(connector.get("placed_before", "(?!)"))
        self.own_head_after = regex_cache.compile(connector.get("own_head_after", "(?!)"))
        tnm = spec["tnm"]
        self.tnm_full = regex_cache.compile(tnm["full"])
        self.tnm_lone = regex_cache.compile(tnm["lone"])
        self.tnm_bare = regex_cache.compile(tnm["bare"])
        self.tnm_near = regex_cache.compile(tnm["near"])
        self.tnm_m1 = regex_cache.compile(tnm["m1"])
        self.tnm_codes = dict(tnm["codes"])
        self.tnm_code = regex_cache.compile(r"\b(" + "|".join(map(re.escape, self.tnm_codes)) + r")\b")
        # a code written after the category without brackets is read in either case ("M1a pul")
        self.tnm_code_any_case = regex_cache.compile(r"\b(" + "|".join(map(re.escape, self.tnm_codes)) + r")\b", re.IGNORECASE)
        # its parts ({not_tumour}): "metastatic calcification" is no tumour word
        self.tumour = regex_cache.compile(fill_template(spec["document"]["tumour"], parts), re.IGNORECASE)
        needs = spec["document"].get("tumour_needs", ())
        self.tumour_needs = tuple(n for n in needs if not n.startswith("|"))
        self.tumour_needs_exact = tuple(n[1:] for n in needs if n.startswith("|"))
        # "inguinal lymphadenopathy" in a report about a tumour: read as nodal disease (clinician reading)
        nodes = spec.get("nodes", {})
        self.node_finding = regex_cache.compile(nodes["finding"], re.IGNORECASE) if nodes.get("finding") else None
        # "pelvis" among bones is the pelvic bone ([bone_list] of roles.toml)
        bone_list = spec.get("bone_list", {})
        self.bone_word = regex_cache.compile(bone_list["written"]) if bone_list.get("written") else None
        self.bones = frozenset(bone_list.get("bones", ()))
        # "a retroperitoneal metastatic lymph node": the word names where the nodes are
        node_location = spec.get("node_location", {})
        self.node_location = regex_cache.compile(node_location["between"]) if node_location.get("between") else None
        self.node_region = (regex_cache.compile(node_location["region"]), regex_cache.compile(node_location["coordinated"])) \
            if node_location.get("region") else None
        self.node_region_after = regex_cache.compile(node_location["after"]) if node_location.get("after") else None
        # "involvement" of a distant organ in a sentence that stages the cancer IV/IVB/M1
        distant = spec.get("distant_involvement", {})
        self.distant_cue = regex_cache.compile(distant["cue"]) if distant.get("cue") else None
        self.distant_stage = regex_cache.compile(distant["stage"]) if distant.get("stage") else None
        self.distant_sites = frozenset(distant.get("sites", ()))
        self.distant_beside = ((regex_cache.compile(fill_template(distant["beside_after"], parts)),
                                regex_cache.compile(fill_template(distant["beside_before"], parts)))
                               if distant.get("beside_after") else None)
        # a list of spread sites broken by head nouns ([list_continuation] of roles.toml)
        listed = spec.get("list_continuation", {})
        self.list_between = (regex_cache.compile(fill_template(listed["between"], parts), re.IGNORECASE)
                             if listed.get("between") else None)
        self.list_not_after = (regex_cache.compile(fill_template(listed["not_after"], parts), re.IGNORECASE)
                               if listed.get("not_after") else None)
        # a sampled organ whose cancer has another organ's origin ([origin_elsewhere] of roles.toml)
        origin = spec.get("origin_elsewhere", {})
        self.origin = ({key: regex_cache.compile(fill_template(origin[key], parts)) for key in
                        ("subject_left", "subject_right", "finding", "origin", "origin_cancer", "origin_end",
                         "finding_typed", "cancer_then_sample")}
                       if origin else None)
        # a short form defined before its organ ([abbreviated_primary] of roles.toml)
        abbreviated = spec.get("abbreviated_primary", {})
        self.abbreviated = ((regex_cache.compile(fill_template(abbreviated["long"], parts)),
                             regex_cache.compile(abbreviated["after"])) if abbreviated else None)
        # "micrometastasis", "oligometastatic": the metastasis word after its prefix ([prefixed_metastasis])
        prefixed = spec.get("prefixed_metastasis", {})
        self.metastasis_prefix = regex_cache.compile(prefixed["prefix"]) if prefixed.get("prefix") else None
        # "malignant pleural and pericardial effusions": one qualifier and head for the list ([shared_head])
        shared = spec.get("shared_head", {})
        self.shared_head = ((regex_cache.compile(shared["qualifier"]), regex_cache.compile(shared["head"]),
                             frozenset(shared.get("sites", ()))) if shared.get("qualifier") else None)
        # a lesion of one sentence called metastatic by the next ([across] of roles.toml)
        across = spec.get("across", {})
        self.across = ({key: regex_cache.compile(across[key]) for key in
                        ("lesion_before", "lesion_after", "lesion_written", "confirm", "confirm_same", "clause",
                         "together", "found_later", "found_later_benign", "found_many", "many_to_site")}
                       if across else None)

    def find(self, doc: Doc, text: str) -> list[Finding]:
        """Lexicon sites with their roles, and the nodes and organs of TNM categories, as
        :class:`Finding` s (TNM ones first: where both name the same words, the role read from
        the cues is the value kept)."""
        if not text.strip():
            return []
        written, text = text, self._prefixes_blanked(text)
        sites = self._lexicon_sites(doc)
        bounds = sentence_bounds(doc, text)
        forced, extra = self._tnm(doc, text, sites)
        # in a report about no tumour at all, cue words speak of something else (an infection
        # "spread to the lungs", a "recurrent dislocation"): no primary, metastasis, recurrence
        about_tumour = self._about_tumour(text)
        found = extra + self._assign_roles(doc, text, sites, bounds, forced, about_tumour)
        return found if written is text else [_cue_as_written(f, text, written) for f in found]

    def _prefixes_blanked(self, text: str) -> str:
        """The text with the size or number prefix of a metastasis word blanked ("micrometastasis" ->
        "     metastasis", "oligometastatic" -> "    metastatic"), character offsets kept: the cue rules,
        written for the bare word, read a micrometastasis or an oligometastasis as a metastasis."""
        if self.metastasis_prefix is None or "metasta" not in text.lower():
            return text
        return self.metastasis_prefix.sub(lambda match: " " * len(match.group(0)), text)

    def _about_tumour(self, text: str) -> bool:
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

    def _lexicon_sites(self, doc: Doc) -> list[Span | SlashPart]:
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

    def _placed_then_own_head(self, text: str, group: list[Span], span: Span) -> bool:
        """Whether a lesion noun places the group's one site and ``span`` carries its own head noun after it
        ("a mass in the head of the pancreas and liver metastases": two phrases, no list; [connector] of
        models/sites/roles.toml)."""
        first = group[0]
        return (len(group) == 1 and self.placed_before.search(text[max(0, first.start_char - 80):first.start_char]) is not None
                and self.own_head_after.match(text, span.end_char) is not None)

    def _slash_key(self, word: str, tail: list[str]) -> str | None:
        """The lexicon key of a slash-joined word with the longest run of the words after the token that
        makes a lexicon phrase with it ("para-aortic" + "lymph nodes"), or of the word alone."""
        for length in range(len(tail), 0, -1):
            key = self.forms.get(" ".join([word, *tail[:length]]))
            if key is not None:
                return key
        return self.forms.get(word)

    def _assign_roles(self, doc, text, sites, bounds, forced, about_tumour=True) -> list[Finding]:
        starts = [b[0] for b in bounds]
        groups: list[list[Span]] = []
        for span in sites:
            sentence = bisect.bisect_right(starts, span.start_char) - 1
            if groups:
                last = groups[-1][-1]
                same_sentence = bisect.bisect_right(starts, last.start_char) - 1 == sentence
                if (same_sentence and self.connector.match(text[last.end_char:span.start_char])
                        and not self._placed_then_own_head(text, groups[-1], span)):
                    groups[-1].append(span)
                    continue
            groups.append([span])
        out = []
        lesions: list[int] = []  # indexes in `out` of plain mentions that name where a lesion is
        for index, group in enumerate(groups):
            sentence_start, sentence_end = bounds[bisect.bisect_right(starts, group[0].start_char) - 1]
            start, end = group[0].start_char, group[-1].end_char
            right_end = min(sentence_end, end + REACH)
            if index + 1 < len(groups):
                right_end = min(right_end, max(end, groups[index + 1][0].start_char))
            left = text[max(sentence_start, start - REACH):start]
            right = text[end:right_end]
            memo: dict[int, re.Match | None] = {}
            in_bones = self._among_bones(group)
            for span, site, label in self._each_site(group):
                intrinsic = span.label_.partition("|")[2]
                if in_bones and self.bone_word.match(span.text):
                    site = "bone"
                if intrinsic:
                    role, cue = intrinsic, span.text
                elif span.start_char in forced:
                    role, cue = "metastasis", forced[span.start_char]
                else:
                    role, cue = self._role(site, left, right, memo, span.text)
                    if not about_tumour and role != "involvement":
                        role, cue = "mention", None
                    elif role == "mention" and about_tumour and self._node_finding(site, span.text):
                        role, cue = "metastasis", span.text
                if role == "involvement" and site == NODE:
                    role = "metastasis"  # nodes are involved by spread, never by direct extension (TNM N)
                if role == "involvement" and (self._distant(site, cue, sentence_start, sentence_end, text)
                                              or self._beside_metastases(site, cue, left, text[end:sentence_end])):
                    role = "metastasis"
                if role == "mention" and about_tumour and self._lesion_at(left, right, span.text):
                    lesions.append(len(out))
                out.append(Finding(span.start_char, span.end_char, label, Site(site=site, role=role, written=span.text, cue=cue)))
            self._shared_head(group, left, out)
        if lesions:
            self._confirmed_next(text, bounds, starts, out, lesions)
            self._found_later(text, bounds, starts, out, lesions)
        self._node_locations(text, out)
        if about_tumour:
            self._list_continuation(text, out)
            self._origin_elsewhere(text, bounds, starts, out)
        out.extend(self._abbreviated_primaries(doc, text, bounds, starts, out))
        return out

    def _shared_head(self, group: list[Span], left: str, out: list[Finding]):
        """The serosal adjectives of one coordination that share the head noun of its last item and the
        qualifier before the first ("malignant pleural and pericardial effusions": a malignant pleural
        effusion and a malignant pericardial one) are the spread the whole phrase names ([shared_head] of
        roles.toml), as "malignant pleural effusion" written alone is."""
        if self.shared_head is None or len(group) < 2:
            return
        qualifier, head, sites = self.shared_head
        found = qualifier.search(left)
        if not found or not head.search(group[-1].text):
            return
        cue = f"{found.group(0).strip()} ... {group[-1].text}"
        for position in range(len(out) - len(list(self._each_site(group))), len(out)):
            if out[position].value.site in sites and out[position].value.role == "mention":
                _set_role(out, position, "metastasis", cue)

    @staticmethod
    def _each_site(group: list[Span]):
        """(span, site, label) of each site a lexicon phrase names: one, or each part of a compound
        adjective written "a+b" in the lexicon ("hepatosplenic" is liver and spleen); the second part
        gets its own label so that both findings of the same words keep their values."""
        for span in group:
            site = span.label_.partition("|")[0]
            first = SLASH_LABELS * getattr(span, "index", 0)  # the parts of one slash-joined token
            for index, part in enumerate(site.split(COMPOUND)):
                yield span, part, LABEL if first + index == 0 else f"{LABEL}{COMPOUND}{first + index}"

    def _abbreviated_primaries(self, doc: Doc, text: str, bounds, starts, out: list[Finding]) -> list[Finding]:
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
            role, cue = self._role(site, left, right, {}, short.text)
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

    def _origin_elsewhere(self, text: str, bounds, starts, out: list[Finding]):
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
                _set_role(out, after, "metastasis", text[here.start:out[after].end])
                continue
            if not (self.origin["subject_left"].search(left) or self.origin["subject_right"].match(between)):
                continue
            typed = self._typed_origin(here, out[after], between, rest)
            if typed is not None:
                # "a scalp lesion found to have poorly differentiated thyroid carcinoma"
                _set_role(out, index, "metastasis", typed)
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
            _set_role(out, index, "metastasis", cue)
            if out[after].value.role != "primary":
                _set_role(out, after, "primary", cue)

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

    def _node_locations(self, text: str, out: list[Finding]):
        """A site word right before a lymph-node phrase across finding words ("a retroperitoneal
        metastatic lymph node", "cervical enlarged lymph nodes"), a nodal region coordinated with one
        ("mediastinal and hilar lymph nodes"), or a region outside the site list right after one
        ("lymphadenopathy in the left axilla"), is where the nodes are: a mention."""
        if self.node_location is None:
            return
        for index in range(len(out) - 1):
            here, after = out[index], out[index + 1]
            if (here.value.site == NODE and after.value.site == OTHER and self.node_region_after is not None
                    and here.end <= after.start and self.node_region_after.match(text[here.end:after.start])):
                _set_role(out, index + 1, "mention", None)  # "lymphadenopathy in the left axilla"
                continue
            if here.value.site == "lymph node" or after.value.site != "lymph node" or here.end > after.start:
                continue
            between = text[here.end:after.start]
            coordinated = (self.node_region is not None and self.node_region[0].match(here.value.written)
                           and self.node_region[1].match(between))  # "mediastinal and hilar lymph nodes"
            if self.node_location.match(between) or coordinated:
                _set_role(out, index, "mention", None)

    def _list_continuation(self, text: str, out: list[Finding]):
        """A plain mention that continues a list of spread sites past an item's head noun ("metastases
        to ... gastric mucosa, peritoneum, rectal mass, and bone"): it takes that item's role and cue."""
        if self.list_between is None:
            return
        for index in range(1, len(out)):
            here, before = out[index], out[index - 1]
            if here.value.role != "mention" or before.value.role not in ("metastasis", "recurrence", "involvement"):
                continue
            if before.end <= here.start and self.list_between.match(text[before.end:here.start]) and not (
                    self.list_not_after and self.list_not_after.match(text[here.end:here.end + REACH])):
                _set_role(out, index, before.value.role, before.value.cue)

    def _distant(self, site: str, cue: str | None, sentence_start: int, sentence_end: int, text: str) -> bool:
        """True for the "involvement" of a distant organ in a sentence that stages the cancer as
        distant ("stage IVB ... splenic involvement"; [distant_involvement] of roles.toml)."""
        if self.distant_stage is None or site not in self.distant_sites or not cue:
            return False
        return bool(self.distant_cue.match(cue.strip())
                    and self.distant_stage.search(text, sentence_start, sentence_end))

    def _beside_metastases(self, site: str, cue: str | None, left: str, right: str) -> bool:
        """True for the "involvement" of a distant organ joined to metastases of other sites in one
        phrase ("bilateral lung involvement and widespread soft tissue and rib metastases", "liver
        metastases and splenic involvement"; [distant_involvement] beside_after / beside_before)."""
        if self.distant_beside is None or site not in self.distant_sites or not cue:
            return False
        if cue.strip().lower() != "involvement":  # the noun: "the tumor involved the muscle layer" is extension
            return False
        return bool(self.distant_beside[0].match(right) or self.distant_beside[1].search(left))

    def _among_bones(self, group: list[Span]) -> bool:
        """True when a list of sites names a bone ("the spine, pelvis and femur")."""
        return (self.bone_word is not None and len(group) > 1
                and any(span.label_.partition("|")[0] in self.bones for span in group))

    def _lesion_at(self, left: str, right: str, written: str) -> bool:
        """True when the site (or its list) is where a lesion is: "lesions in the liver",
        "a hepatic lesion", "an osteolytic lesion" (the site phrase itself)."""
        if self.across is None:
            return False
        return bool(self.across["lesion_written"].search(written) or self.across["lesion_before"].search(left)
                    or self.across["lesion_after"].match(right))

    def _confirmed_next(self, text: str, bounds, starts, out: list[Finding], lesions: list[int]):
        """A lesion's site becomes a metastasis when the next sentence of its paragraph calls the
        lesion metastatic ("Biopsy confirmed metastatic breast carcinoma.", "These were considered
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
                _set_role(out, position, "metastasis", together.group("cue"))
                continue
            clause = self.across["clause"].search(text, finding.end, end)
            if clause:  # "a focus of uptake in the right ilium; biopsy revealed metastatic ..."
                next_start, next_end = clause.end(), end
            elif sentence + 1 < len(bounds):
                next_start, next_end = bounds[sentence + 1]
                end = start + len(text[start:end].rstrip())
                if "\n" in text[end:next_start]:
                    continue  # another paragraph
            else:
                continue
            sentence_text = text[next_start:next_end]
            match = self.across["confirm"].match(sentence_text) or self.across["confirm_same"].match(sentence_text)
            if not match:
                continue
            named = {f.value.site for f in out if next_start <= f.start < next_end and f.value.role != "primary"}
            if named and finding.value.site not in named:
                continue
            _set_role(out, position, "metastasis", match.group("cue"))

    def _found_later(self, text: str, bounds, starts, out: list[Finding], lesions: list[int]):
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
            _set_role(out, position, "recurrence", f"lesion {later.group(0)}")

    def _many_at(self, sentence: str, start: int, end: int) -> re.Match | None:
        """The lesions in number of the site at ``start``-``end`` of ``sentence``: the phrase holds the site
        ("multiple pulmonary nodules") or ends right before it ("numerous lesions in the liver")."""
        for many in self.across["found_many"].finditer(sentence):
            if many.start() <= start and end <= many.end():
                return many
            if many.end() <= start and self.across["many_to_site"].fullmatch(sentence[many.end():start]):
                return many
        return None

    def _node_finding(self, site: str, written: str) -> bool:
        """True for a lymph-node phrase that is itself a finding ("para-aortic lymphadenopathy")."""
        return site == "lymph node" and self.node_finding is not None and self.node_finding.search(written) is not None

    def _role(self, site: str, left: str, right: str, memo: dict, written: str) -> tuple[str, str | None]:
        low = None
        for index, (role, side, only, lower, exact, pattern, written_pattern) in enumerate(self.rules):
            if only and site not in only:
                continue
            if written_pattern is not None and not written_pattern.search(written):
                continue  # a rule for some phrasings of the site only ("pleural effusion")
            if index not in memo:
                if lower or exact:
                    low = left.lower() if low is None else low
                    if not any(n in low for n in lower) and not any(n in left for n in exact):
                        memo[index] = None
                        continue
                if side == "right":
                    memo[index] = pattern.match(right)
                elif side == "left":
                    memo[index] = pattern.search(left)
                else:  # "around": NUL stands for the site itself
                    memo[index] = pattern.search(left + "\x00" + right)
            match = memo[index]
            if match:
                return role, match.group("cue")
        return "mention", None

    @staticmethod
    def _staged_nodes(doc: Doc) -> list[tuple[int, int, str]] | None:
        """(start, end, cue) of the N category above N0 of each TNM classification the stage
        component found ("pT1b2N1M0" -> "N1"); None when the stage component did not run."""
        if STAGE_GROUP not in doc.spans:
            return None
        nodes = []
        for span in doc.spans[STAGE_GROUP]:
            value = span._.value
            n = getattr(value, "n", None) if span.label_ == "TNM" else None
            if not n or not re.match(r"N[1-3]", n):
                continue  # N0 and Nx affirm no nodal disease
            offset = span.text.find(n)
            if offset >= 0:
                start = span.start_char + offset
                nodes.append((start, start + len(n), span.text))
        return nodes

    def _tnm(self, doc: Doc, text: str, sites: list[Span]):
        """N categories above 0 and M1 organs: roles forced on lexicon sites (by start
        character) and new spans for what the lexicon does not know ("pN1", "M1 (PUL)")."""
        forced: dict[int, str] = {}
        extra: list[Finding] = []
        node_starts = set()

        def add(start: int, end: int, site: str, cue: str):
            span = doc.char_span(start, end, label=LABEL, alignment_mode="expand")
            if span is not None and len(span):  # written = the whole token ("T2N1M0")
                extra.append(Finding(start, end, LABEL, Site(site=site, role="metastasis", written=span.text, cue=cue)))

        def node_at(start: int, end: int, cue: str):
            if start not in node_starts:
                node_starts.add(start)
                add(start, end, "lymph node", cue)

        def node(match: re.Match, cue: str):
            node_at(match.start("n"), match.end("n"), cue)

        # the stage component's TNM classifications, when it ran: their N above 0
        staged = self._staged_nodes(doc)
        for start, end, cue in staged or ():
            node_at(start, end, cue)

        # TNM strings are rare: look only around an "N1" / "M1" (a fast literal scan) instead of
        # running every pattern over the whole text
        windows: list[list[int]] = []
        for hint in TNM_HINT.finditer(text):
            low, high = max(0, hint.start() - 24), min(len(text), hint.end() + 80)
            if windows and low <= windows[-1][1]:
                windows[-1][1] = high
            else:
                windows.append([low, high])
        m1_matches = []
        for low, high in windows:
            if staged is None:  # no stage component in the pipeline: read full and lone N here
                for match in self.tnm_full.finditer(text, low, high):
                    if re.search(r"N[1-3]", match.group("n")):  # N0 and Nx affirm no nodal disease
                        node(match, match.group(0))
                for match in self.tnm_lone.finditer(text, low, high):
                    node(match, match.group("n"))
            for match in self.tnm_bare.finditer(text, low, high):
                if self.tnm_near.search(text[max(0, match.start() - 40):match.end() + 40]):
                    node(match, match.group("n"))
            m1_matches.extend(self.tnm_m1.finditer(text, low, high))
        site_starts = [s.start_char for s in sites]
        for match in m1_matches:
            group = next(g for g in ("organs", "codes", "after") if match.group(g))
            low, high = match.start(group), match.end(group)
            first = bisect.bisect_left(site_starts, low)
            for span in sites[first:]:
                if span.start_char >= high:
                    break
                forced[span.start_char] = match.group("m")
            codes = self.tnm_code_any_case if group == "codes" else self.tnm_code
            for code in codes.finditer(text, low, high):
                add(code.start(), code.end(), self.tnm_codes[code.group(1).upper()], match.group("m"))
        return forced, extra


def _cue_as_written(finding: Finding, read: str, written: str) -> Finding:
    """The finding with its cue as the text writes it ("revealed micrometastases"), where the cue rules
    read it in the text with a prefix blanked ("revealed      metastases"): the occurrence of the cue
    nearest the site, its characters taken from the written text (offsets are the same in both)."""
    cue = finding.value.cue
    if not cue or "  " not in cue:
        return finding
    low, high = max(0, finding.start - 2 * REACH), min(len(read), finding.end + 2 * REACH)
    starts = [m.start() for m in re.finditer(re.escape(cue), read[low:high])]
    if not starts:
        return finding
    start = low + min(starts, key=lambda s: abs(low + s - finding.start))
    return finding._replace(value=dataclasses.replace(finding.value, cue=written[start:start + len(cue)]))


def _set_role(out: list[Finding], position: int, role: str, cue: str | None) -> None:
    """The site finding at ``position`` of ``out`` read again with ``role`` and its ``cue``."""
    finding = out[position]
    out[position] = finding._replace(value=dataclasses.replace(finding.value, role=role, cue=cue))
