"""The lists of the sites component: sites joined by "and" / commas form one group that shares
its cues ("metastases to the liver, lungs and vertebrae"; ``[connector]`` of
``models/sites/roles.toml``), and the readings that carry a role, or take it away, across the
words between one site and the next: a shared qualifier and head noun, a list of spread sites
broken by head nouns, the pelvis among bones, the region a lymph-node phrase names.
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Span

from pipeline import regex_cache
from pipeline.nlp.base import Finding, fill_template
from pipeline.nlp.sites.lexicon import NODE, each_site
from pipeline.nlp.sites.model import OTHER
from pipeline.nlp.sites.rules import REACH, set_role


class SiteLists:
    """The compiled ``[connector]``, ``[shared_head]``, ``[list_continuation]``, ``[bone_list]`` and
    ``[node_location]`` tables of roles.toml (``spec``: the whole file)."""

    def __init__(self, spec: dict):
        parts = spec.get("parts", {})
        self.connector = regex_cache.compile(fill_template(spec["connector"]["pattern"], parts), re.IGNORECASE)
        connector = spec["connector"]
        self.placed_before = regex_cache.compile(connector.get("placed_before", "(?!)"))
        self.own_head_after = regex_cache.compile(connector.get("own_head_after", "(?!)"))
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
        # a list of spread sites broken by head nouns ([list_continuation] of roles.toml)
        listed = spec.get("list_continuation", {})
        self.list_between = (regex_cache.compile(fill_template(listed["between"], parts), re.IGNORECASE)
                             if listed.get("between") else None)
        self.list_not_after = (regex_cache.compile(fill_template(listed["not_after"], parts), re.IGNORECASE)
                               if listed.get("not_after") else None)
        # "malignant pleural and pericardial effusions": one qualifier and head for the list ([shared_head])
        shared = spec.get("shared_head", {})
        self.shared = ((regex_cache.compile(shared["qualifier"]), regex_cache.compile(shared["head"]),
                        frozenset(shared.get("sites", ()))) if shared.get("qualifier") else None)

    def groups(self, text: str, sites: list[Span], starts: list[int]) -> list[list[Span]]:
        """The sites in lists: a site joins the group before it when a connector of the same
        sentence (``starts``: the sentences' start characters) stands between them."""
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
        return groups

    def _placed_then_own_head(self, text: str, group: list[Span], span: Span) -> bool:
        """Whether a lesion noun places the group's one site and ``span`` carries its own head noun after it
        ("a mass in the head of the pancreas and liver metastases": two phrases, no list; [connector] of
        models/sites/roles.toml)."""
        first = group[0]
        return (len(group) == 1 and self.placed_before.search(text[max(0, first.start_char - 80):first.start_char]) is not None
                and self.own_head_after.match(text, span.end_char) is not None)

    def among_bones(self, group: list[Span]) -> bool:
        """True when a list of sites names a bone ("the spine, pelvis and femur")."""
        return (self.bone_word is not None and len(group) > 1
                and any(span.label_.partition("|")[0] in self.bones for span in group))

    def shared_head(self, group: list[Span], left: str, out: list[Finding]):
        """The serosal adjectives of one coordination that share the head noun of its last item and the
        qualifier before the first ("malignant pleural and pericardial effusions": a malignant pleural
        effusion and a malignant pericardial one) are the spread the whole phrase names ([shared_head] of
        roles.toml), as "malignant pleural effusion" written alone is."""
        if self.shared is None or len(group) < 2:
            return
        qualifier, head, sites = self.shared
        found = qualifier.search(left)
        if not found or not head.search(group[-1].text):
            return
        cue = f"{found.group(0).strip()} ... {group[-1].text}"
        for position in range(len(out) - len(list(each_site(group))), len(out)):
            if out[position].value.site in sites and out[position].value.role == "mention":
                set_role(out, position, "metastasis", cue)

    def node_locations(self, text: str, out: list[Finding]):
        """A site word right before a lymph-node phrase across finding words ("a retroperitoneal
        metastatic lymph node", "cervical enlarged lymph nodes"), a nodal region coordinated with one
        ("mediastinal and hilar lymph nodes"), or a region outside the site list right after one
        ("lymphadenopathy in the left axilla"), is where the nodes are: a mention (of the nodes, when it is
        the word before the phrase)."""
        if self.node_location is None:
            return
        for index in range(len(out) - 1):
            here, after = out[index], out[index + 1]
            if (here.value.site == NODE and after.value.site == OTHER and self.node_region_after is not None
                    and here.end <= after.start and self.node_region_after.match(text[here.end:after.start])):
                set_role(out, index + 1, "mention", None)  # "lymphadenopathy in the left axilla"
                continue
            if here.value.site == "lymph node" or after.value.site != "lymph node" or here.end > after.start:
                continue
            between = text[here.end:after.start]
            coordinated = (self.node_region is not None and self.node_region[0].match(here.value.written)
                           and self.node_region[1].match(between))  # "mediastinal and hilar lymph nodes"
            if self.node_location.match(between) or coordinated:
                # the word names the nodes' region, not its organ: "cervical" of "cervical and axillary
                # lymph nodes" is no cervix
                set_role(out, index, "mention", None, site=NODE)

    def list_continuation(self, text: str, out: list[Finding]):
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
                set_role(out, index, before.value.role, before.value.cue)
