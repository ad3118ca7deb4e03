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

This module is the component; the lexicon matching is in ``lexicon``, the cue rules in ``rules``,
the lists that share a role in ``lists``, the TNM categories in ``tnm``, lesions read across
sentences in ``across`` and the other document-level readings in ``document``.
"""
from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp.base import Component, Finding
from pipeline.nlp.sites.across import Lesions
from pipeline.nlp.sites.document import DocumentReadings
from pipeline.nlp.sites.lexicon import NODE, SiteLexicon, SlashPart, each_site
from pipeline.nlp.sites.lists import SiteLists
from pipeline.nlp.sites.model import Site
from pipeline.nlp.sites.rules import REACH, RoleRules, cue_as_written
from pipeline.nlp.sites.tnm import TnmReader
from pipeline.nlp.text import sentence_bounds
from pipeline.resources import read_patterns

GROUP = "sites"


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
        self.lexicon = SiteLexicon(nlp, lexicon)
        spec = read_patterns(roles)
        self.rules = RoleRules(spec)
        self.lists = SiteLists(spec)
        self.tnm = TnmReader(spec)
        self.document = DocumentReadings(spec, self.rules)
        self.lesions = Lesions(spec)

    def find(self, doc: Doc, text: str) -> list[Finding]:
        """Lexicon sites with their roles, and the nodes and organs of TNM categories, as
        :class:`Finding` s (TNM ones first: where both name the same words, the role read from
        the cues is the value kept)."""
        if not text.strip():
            return []
        written, text = text, self.rules.prefixes_blanked(text)
        sites = self.lexicon.sites(doc)
        # Without sentence boundaries (a pipeline with no sentence pipe) a full stop before a capital
        # letter, or a line break, ends the context.
        bounds = sentence_bounds(doc, text)
        forced, extra = self.tnm.read(doc, text, sites)
        # in a report about no tumour at all, cue words speak of something else (an infection
        # "spread to the lungs", a "recurrent dislocation"): no primary, metastasis, recurrence
        about_tumour = self.document.about_tumour(text)
        found = extra + self._assign_roles(doc, text, sites, bounds, forced, about_tumour)
        return found if written is text else [cue_as_written(f, text, written) for f in found]

    def _assign_roles(self, doc, text, sites: list[Span | SlashPart], bounds, forced, about_tumour=True) -> list[Finding]:
        starts = [b[0] for b in bounds]
        groups = self.lists.groups(text, sites, starts)
        document, lists = self.document, self.lists
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
            in_bones = lists.among_bones(group)
            for span, site, label in each_site(group):
                intrinsic = span.label_.partition("|")[2]
                if in_bones and lists.bone_word.match(span.text):
                    site = "bone"
                if intrinsic:
                    role, cue = intrinsic, span.text
                elif span.start_char in forced:
                    role, cue = "metastasis", forced[span.start_char]
                else:
                    role, cue = self.rules.role(site, left, right, memo, span.text)
                    if not about_tumour and role != "involvement":
                        role, cue = "mention", None
                    elif role == "mention" and about_tumour and document.is_node_finding(site, span.text):
                        role, cue = "metastasis", span.text
                if role == "involvement" and site == NODE:
                    role = "metastasis"  # nodes are involved by spread, never by direct extension (TNM N)
                if role == "involvement" and (document.distant(site, cue, sentence_start, sentence_end, text)
                                              or document.beside_metastases(site, cue, left, text[end:sentence_end])):
                    role = "metastasis"
                if role == "mention" and about_tumour and self.lesions.lesion_at(left, right, span.text):
                    lesions.append(len(out))
                out.append(Finding(span.start_char, span.end_char, label, Site(site=site, role=role, written=span.text, cue=cue)))
            lists.shared_head(group, left, out)
        if lesions:
            self.lesions.confirmed_next(text, bounds, starts, out, lesions)
            self.lesions.found_later(text, bounds, starts, out, lesions)
        lists.node_locations(text, out)
        if about_tumour:
            lists.list_continuation(text, out)
            document.origin_elsewhere(text, bounds, starts, out)
        out.extend(document.abbreviated_primaries(doc, text, bounds, starts, out))
        return out
