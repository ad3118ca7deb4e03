"""The report's title and the outcome: a title (or a sentence that holds it, or a citation's
metadata) tells the course of the case, not the status at last follow-up, so its sentence gives
the patient's statements no status; a one-patient report whose text states no status the row
takes may still take one from a title that calls the case fatal or, for a non-cancer case, tells
its recovery (``cases/assemble.py``)."""
from __future__ import annotations

import re

from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.mentions import Mention
from pipeline.cases.outcome_choice import optional_pattern
from pipeline.cases.record import Case, Evidence
from pipeline.resources import compile_pattern, read_patterns


def outside_title(mentions: list[Mention], title: str | None) -> list[Mention]:
    """The mentions whose sentence is not the report's title (nor a part of it): a title tells the
    course of the case ("Rapid progression of a liver tumour ...", "Recovery from ..."), not the
    status at last follow-up; a title that calls the case fatal is read by :func:`title_outcome`."""
    wanted = " ".join((title or "").split()).lower()
    if not wanted:
        return mentions
    return [m for m in mentions if not _the_titles(m, wanted)]


def outside_metadata(mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> list[Mention]:
    """The mentions whose sentence holds no citation metadata ("[title] metadata" of
    models/outcome/outcome.toml): on a page flattened to one line, the title stands in the sentence of
    its journal line and is no status, as a title is not."""
    pattern = optional_pattern(read_patterns(config.outcome).get("title", {}), "metadata")
    return mentions if pattern is None else [m for m in mentions if not pattern.search(m.sentence)]


# A title this long is the report's own when a sentence holds it whole (not a phrase such as
# "case report" that any sentence may hold).
MIN_CITED_TITLE = 30


def _the_titles(mention: Mention, title: str) -> bool:
    """Whether the mention's words are the (normalised, lower-case) title's: its sentence, whitespace-normalised,
    is the title or a part of it, or holds the whole title and either opens with it (a flattened page's head,
    "Clinical Case Reports Volume 9, Issue 7 ... Rapid progression of ...", or a citation of the report, "How to
    cite this article: Kumar R, Nair P. Rapid progression of ...: a case report. J Clin Res 2019") or has the
    mention inside the title's words; not "We describe two patients with subacute pulmonary mucormycosis who
    died of pulmonary hemorrhage" (the status stands beside the title's words in the sentence's own)."""
    written = " ".join(mention.sentence.split()).lower().rstrip(".")
    if not written:
        return False
    if written in title:
        return True
    at = written.find(title) if len(title) >= MIN_CITED_TITLE else -1
    if at < 0:
        return False
    if at == 0:  # (a sentence that opens with the title is the page's head or a citation's, whatever follows)
        return True
    # the mention's place in the whitespace-normalised sentence (a space before it kept: "rapid" opening the title
    # stands at the title's first character, not one before it)
    offset = len(re.sub(r"\s+", " ", mention.sentence[:max(0, mention.start - mention.sentence_start)]).lstrip())
    return at <= offset < at + len(title)


def title_outcome(row: Case, text: str, config: AssemblyConfig = DEFAULT) -> None:
    """The outcome cell of a one-patient report whose text states no status the row takes, from
    a title that calls the case fatal ("Fatal disseminated strongyloidiasis in a kidney
    transplant recipient") or, for a non-cancer case, tells its recovery ("Successful treatment of
    a scar pregnancy with methotrexate"), for a cancer case its survival free of disease ("Long-Term
    Disease-Free Survival of a Patient with ..."): "[title]" of models/outcome/outcome.toml. The evidence
    is the title where the text holds it; a title the text does not hold gives nothing (no
    evidence, no cell)."""
    if row.outcome is not None or not row.title:
        return
    patterns = read_patterns(config.outcome).get("title", {})
    title = " ".join(row.title.split())
    readings = [("died", "not")] + ([("recovered", "recovered_not")] if not row.cancer else
                                    [("no evidence of disease", "no_evidence_of_disease_not")])
    for category, unless in readings:
        key = category.replace(" ", "_")
        if not {key, unless} <= patterns.keys():
            continue
        match = compile_pattern(patterns[key]).search(title)
        if match is None or compile_pattern(patterns[unless]).search(title):
            continue
        _take_from_title(row, category, title, match, text)
        return


def title_outcome_all(rows: list[Case], text: str, config: AssemblyConfig = DEFAULT) -> None:
    """The outcome cell of each row of a report of several patients whose text states no status the row
    takes, from a title that tells how every one of them ended ("... through two fatal cases", "Complete
    Neurological Recovery in Two Cases of ..."; ``died_all`` and ``recovered_all`` of "[title]" in
    models/outcome/outcome.toml; a recovery only for a row with no cancer). A title that names a death among
    several patients ("Accidental death ...: report of two cases") says nothing of each one."""
    if len(rows) < 2 or not rows[0].title:
        return
    patterns = read_patterns(config.outcome).get("title", {})
    title = " ".join(rows[0].title.split())
    for category, key in (("died", "died_all"), ("recovered", "recovered_all")):
        match = compile_pattern(patterns[key]).search(title) if key in patterns else None
        if match is None:
            continue
        for row in rows:
            if row.outcome is None and (category == "died" or not row.cancer):
                _take_from_title(row, category, title, match, text)
        return


def _take_from_title(row: Case, category: str, title: str, match: re.Match, text: str) -> None:
    """The row's outcome ``category``, its evidence the words ``match`` found in the (whitespace-normalised)
    ``title`` where the text holds it; nothing when the text does not hold the title (no evidence, no cell)."""
    start = text.find(title)
    if start < 0:
        return
    row.outcome = category
    row.evidence.append(Evidence("outcome", category, title, start + match.start(), start + match.end(), start,
                                 ("subject=patient", "section=title")))
