"""The cue rules of the sites component (``[[rule]]`` of ``models/sites/roles.toml``) and their
compilation: the role a site's context gives it (:meth:`RoleRules.role`), read in a text whose
metastasis words have their size or number prefix blanked ("micrometastasis" -> "     metastasis").
Also what the other readings share: the context reach and :func:`set_role`.
"""
from __future__ import annotations

import dataclasses
import re

from pipeline import regex_cache
from pipeline.nlp.base import Finding, fill_template

REACH = 200  # characters of context read on each side (a long list of sites fits)


class RoleRules:
    """The compiled ``[[rule]]`` tables of roles.toml (``spec``: the whole file) and its
    ``[prefixed_metastasis]`` prefix."""

    def __init__(self, spec: dict):
        parts = spec.get("parts", {})
        self.rules = []
        for rule in spec["rule"]:
            needs = rule.get("needs", ())
            lower = tuple(n for n in needs if not n.startswith("|"))
            exact = tuple(n[1:] for n in needs if n.startswith("|"))
            written = regex_cache.compile(rule["written"], re.IGNORECASE) if rule.get("written") else None
            self.rules.append((rule["role"], rule["side"], frozenset(rule.get("sites", ())), lower, exact,
                               regex_cache.compile(fill_template(rule["pattern"], parts), re.IGNORECASE), written))
        # "micrometastasis", "oligometastatic": the metastasis word after its prefix ([prefixed_metastasis])
        prefixed = spec.get("prefixed_metastasis", {})
        self.metastasis_prefix = regex_cache.compile(prefixed["prefix"]) if prefixed.get("prefix") else None

    def prefixes_blanked(self, text: str) -> str:
        """The text with the size or number prefix of a metastasis word blanked ("micrometastasis" ->
        "     metastasis", "oligometastatic" -> "    metastatic"), character offsets kept: the cue rules,
        written for the bare word, read a micrometastasis or an oligometastasis as a metastasis."""
        if self.metastasis_prefix is None or "metasta" not in text.lower():
            return text
        return self.metastasis_prefix.sub(lambda match: " " * len(match.group(0)), text)

    def role(self, site: str, left: str, right: str, memo: dict, written: str) -> tuple[str, str | None]:
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


def cue_as_written(finding: Finding, read: str, written: str) -> Finding:
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


def set_role(out: list[Finding], position: int, role: str, cue: str | None, site: str | None = None) -> None:
    """The site finding at ``position`` of ``out`` read again with ``role`` and its ``cue`` (and as
    ``site``, when given)."""
    finding = out[position]
    value = dataclasses.replace(finding.value, role=role, cue=cue)
    out[position] = finding._replace(value=dataclasses.replace(value, site=site) if site is not None else value)
