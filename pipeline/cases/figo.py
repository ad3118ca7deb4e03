"""The FIGO stage of a case (the figo_stage cell): a stage of the primary organ, not of
another organ's cancer named beside it; a nodal stage only where the site allows it."""
from __future__ import annotations


from pipeline.cases.mentions import Mention, stated_primaries
from pipeline.cases.organs import site_facts


STAGE_ORGAN_REACH = 30


def nodal_stage(stage: str | None, primary_site: str | None) -> bool:
    """True when the FIGO stage of that primary means regional lymph-node metastasis."""
    prefixes = tuple(site_facts().get(primary_site or "", {}).get("nodal_stages", "").split())
    return bool(stage and prefixes and stage.startswith(prefixes))


def choose_figo_stage(stages: list[Mention], primary_site: str | None, title: str | None = None,
                sites: list[Mention] = ()) -> Mention | None:
    """The first stage stated; FIGO stages belong to gynaecological primaries, so a bare
    "stage IV" of a lung cancer is not one, nor is a stage written with another organ's cancer
    ("chemoradiotherapy for stage IB2 cervical cancer" of a case of a later endometrial cancer). A
    title abbreviates ("Stage I vulvar carcinoma with early relapse"): when the text then gives that
    stage's sub-stage ("stage IB"), the sub-stage is the one stated."""
    gynaecological = site_facts().get(primary_site or "", {}).get("figo") == "yes"
    figo = [m for m in stages if m.label == "FIGO_STAGE" and (m.value.figo or gynaecological)
            and not other_organs_stage(m, sites, primary_site)]
    if not figo:
        return None
    first = figo[0]
    if title and first.sentence.strip() and first.sentence.strip() in title:
        stage = first.value.stage
        refined = next((m for m in figo[1:] if m.value.stage != stage and m.value.stage.startswith(stage)
                        and m.value.stage[len(stage)] not in "IV"), None)
        return refined or first
    return first


def other_organs_stage(stage: Mention, sites: list[Mention], primary_site: str | None) -> bool:
    """True when the organ named right by the stage ("stage IB2 cervical cancer", "ovarian cancer,
    FIGO stage IIIC") is a primary other than the case's."""
    if primary_site is None:
        return False
    near = {m.value.site for m in stated_primaries(sites) if m.sentence_start == stage.sentence_start
            and (0 <= m.start - stage.end <= STAGE_ORGAN_REACH or 0 <= stage.start - m.end <= STAGE_ORGAN_REACH)}
    return bool(near) and primary_site not in near
