"""Reports that name no cancer of their own though they name a primary or a type, whose case has no
primary site: a cancer of the past history only, a late effect of a cancer's treatment, a benign
tumour, a disease that mimicked a cancer."""
from __future__ import annotations

import re

from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.mentions import Mention, stated_primaries
from pipeline.cases.primary import bare_tumour
from pipeline.cases.spread_words import metastasis_word, node_finding, spread_affirmed
from pipeline.resources import compile_pattern, read_patterns


def past_cancer_only(by_group: dict[str, list[Mention]], config: AssemblyConfig = DEFAULT) -> bool:
    """True when every primary and every type the case names stands in a sentence of past history
    ("a mastectomy for breast cancer eight years before her admission", "a history of invasive
    ductal carcinoma") and nothing else speaks of a cancer now (no type, stage, metastasis or
    recurrence): a non-cancer case with a remote cancer in its history (ANNOTATION.md:
    primary_site null when the case is not a cancer case)."""
    sites = by_group.get("sites", [])
    primaries = stated_primaries(sites)
    types = [m for m in by_group.get("histology", []) if not m.value.hedged]
    if not primaries and not types:
        return False
    # "a clear-cell tumour consistent with a metastasis of the renal cell carcinoma 17 years ago": the
    # remote cancer's spread found now is the case's cancer (``[report] spread_of``)
    spread_of = compile_pattern(read_patterns(config.roles)["report"].get("spread_of", "(?!)"))
    if any(spread_of.search(m.sentence, 0, m.start - m.sentence_start) for m in primaries + types):
        return False
    # "initially diagnosed 4 years prior as FIGO stage IIB": the start of a cancer that goes on, not
    # a remote one (``[report] ongoing``)
    ongoing = compile_pattern(read_patterns(config.roles)["report"].get("ongoing", "(?!)"))
    if any(ongoing.search(m.sentence) for m in primaries + types):
        return False
    history = compile_pattern(read_patterns(config.roles)["report"]["history"])
    # a stage said in the same sentence of past history ("At age 40, she had been diagnosed with a
    # stage IIA, T1bN1 breast cancer") is that remote cancer's too
    if any(not history.search(m.sentence) for m in by_group.get("stage", [])):
        return False
    # a type counts as remote only when its sentence puts it years back (``[report] remote``)
    remote = compile_pattern(read_patterns(config.roles)["report"].get("remote", "(?!)"))
    if any(not (history.search(m.sentence) and remote.search(m.sentence)) for m in types):
        return False
    # nodes read as diseased only because the report names a cancer ("enlarged hilar lymph nodes")
    # say nothing of a cancer now, nor does the N category of the remote cancer's own stage
    if any(m.value.role in ("metastasis", "recurrence") and not node_finding(m.value.cue)
           and not (tnm_cue(m.value.cue) and history.search(m.sentence)) for m in sites):
        return False
    return all(history.search(m.sentence) for m in primaries)


def late_effect_only(by_group: dict[str, list[Mention]], config: AssemblyConfig = DEFAULT) -> bool:
    """True for a report of a late effect of a cancer's treatment ("lymphedema 11 years following
    breast cancer surgery", "aortic stenosis 35 years after radiotherapy for Hodgkin lymphoma",
    ``late_effect`` of histology.toml) whose case says nothing of a cancer now: no sentence outside the
    late effect and the history diagnoses one (``diagnosed_now``: "an endometrial cancer was diagnosed",
    "biopsy revealed ...") and no stage, metastasis or recurrence is affirmed outside them."""
    spec = read_patterns(config.histology)
    if not spec.get("late_effect") or not spec.get("diagnosed_now"):
        return False
    late, now = compile_pattern(spec["late_effect"]), compile_pattern(spec["diagnosed_now"])
    history = compile_pattern(read_patterns(config.roles)["report"]["history"])
    cancers = [m for m in stated_primaries(by_group.get("sites", [])) if not m.negated] + [
        m for m in by_group.get("histology", []) if not m.value.hedged and not m.negated]
    if not any(late.search(m.sentence) for m in cancers):
        return False

    def past(mention: Mention) -> bool:
        return late.search(mention.sentence) is not None or history.search(mention.sentence) is not None

    if any(now.search(m.sentence) and not past(m) for m in cancers):
        return False
    # "metastatic clear cell renal cell carcinoma to pancreas 24 years after radical nephrectomy", "a
    # retroperitoneal seminoma relapse 23 years after surgery": a spread or relapse said now is the cancer's
    if any(spread_affirmed(m.sentence) and not history.search(m.sentence) for m in cancers):
        return False
    if any(not past(m) for m in by_group.get("stage", [])):
        return False
    # a metastasis or recurrence found now is the cancer's, even "19 years following primary treatment"
    return not any(m.value.role in ("metastasis", "recurrence") and metastasis_word(m.value.cue) and not m.negated
                   and not m.hypothetical and not history.search(m.sentence) for m in by_group.get("sites", []))


def benign_tumour_only(by_group: dict[str, list[Mention]], config: AssemblyConfig = DEFAULT) -> bool:
    """True when every primary is read from a bare "tumour" ("a tumour of the parotid gland"), the
    case names no type, stage or metastasis, and a sentence of the case names a benign lesion
    (``[report] benign`` of roles.toml: "revealed a Warthin tumour", "a gastric leiomyoma")."""
    sites = by_group.get("sites", [])
    primaries = stated_primaries(sites)
    if not primaries or not all(bare_tumour(m.value.cue) for m in primaries):
        return False
    if by_group.get("stage") or any(not m.value.hedged for m in by_group.get("histology", [])):
        return False
    if any(m.value.role in ("metastasis", "recurrence") and metastasis_word(m.value.cue) and not m.negated
           for m in sites):
        return False
    pattern = read_patterns(config.roles)["report"].get("benign")
    if not pattern:
        return False
    benign = compile_pattern(pattern)
    sentences = {m.sentence for group in by_group.values() for m in group if not m.negated}
    return any(benign.search(sentence) for sentence in sentences)


def tnm_cue(cue: str | None) -> bool:
    """True for the cue of a node read from a TNM category ("T1bN1", "pN2")."""
    return bool(cue) and re.search(r"N[1-3]", cue) is not None and any(c.isdigit() for c in cue)


def mimic_primary_only(by_group: dict[str, list[Mention]], mentions: list[Mention],
                        config: AssemblyConfig = DEFAULT) -> bool:
    """True when the report says a disease mimicked a cancer (``mimic_report`` of histology.toml:
    "autoimmune pancreatitis mimicking pancreatic cancer", "often misdiagnosed as pancreatic cancer") and
    the case affirms no metastasis or recurrence of one."""
    pattern = read_patterns(config.histology).get("mimic_report")
    if not pattern:
        return False
    if any(m.value.role in ("metastasis", "recurrence") and metastasis_word(m.value.cue) and not m.negated
           and not m.hypothetical for m in by_group.get("sites", [])):
        return False
    mimic = compile_pattern(pattern)
    return any(mimic.search(sentence) for sentence in {m.sentence for m in mentions})


def is_mimic_report(mentions: list[Mention], config: AssemblyConfig = DEFAULT) -> bool:
    """True when a sentence of the report says a disease mimicked or was misdiagnosed as a cancer or a
    metastasis (``[report] mimicked``): in a case that names no cancer, its metastases are the mimic's."""
    pattern = read_patterns(config.roles)["report"].get("mimicked")
    if not pattern:
        return False
    mimicked = compile_pattern(pattern)
    return any(mimicked.search(sentence) for sentence in {m.sentence for m in mentions})
