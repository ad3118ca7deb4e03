"""The age and sex cells of one case: the patient's age (or, in a report of several, the age of a
patient its part introduces by kinship), the sex its words say, and the sex its primary, its
organs and operations, or its metastasis sites imply when no word names it."""
from __future__ import annotations

import re
from collections import Counter

from pipeline.cases.config import DEFAULT
from pipeline.cases.mentions import Mention
from pipeline.cases.organs import anatomy_sexes, primary_sex, site_facts
from pipeline.cases.record import Case, Evidence


def _age(demographics: list[Mention]) -> Mention | None:
    """The first age given for the patient: not a relative's, and an age "at the age of 12"
    (often of an earlier event) only when no other is given."""
    ages = [m for m in demographics if m.label == "AGE" and not m.value.relative]
    preferred = [m for m in ages if m.value.form != "at_age"]
    return (preferred or ages or [None])[0]


def _sex_of_spread(case: Case) -> None:
    """The sex the case's metastasis sites imply when no word of the text names it (an ovary, a uterus
    only a woman has: ``cases/sites.tsv``), with the evidence of that site."""
    facts = site_facts()
    implied = [e for e in case.evidence if e.field == "metastasis_sites" and e.kept
               and facts.get(e.value, {}).get("sex")]
    if implied and len({facts[e.value]["sex"] for e in implied}) == 1:
        first = implied[0]
        case.sex = facts[first.value]["sex"]
        case.evidence.append(Evidence("sex", case.sex, first.sentence, first.start, first.end,
                                      first.sentence_start, first.qualifiers))


def _kin_named_patient_age(mentions: list[Mention]) -> Mention | None:
    """In a report of several patients, the age of a patient its own part introduces by kinship to
    another ("Patient 2. During September, the infant's 47-year-old aunt had visited his home"):
    the part gives no other age, so the relative's age in its first two sentences is the patient's."""
    sentences = sorted({m.sentence_start for m in mentions})[:2]
    return next((m for m in mentions if m.group == "demographics" and m.label == "AGE" and m.value.relative
                 and m.value.form != "at_age" and m.sentence_start in sentences and not m.negated), None)


def _sex(demographics: list[Mention], case: Case, keep) -> str | None:
    """The sex word of the patient's age phrase ("a 30-year-old woman"); else the sex said most
    often by words, then by pronouns, then by obstetric or anatomical words; else the one the
    primary site implies."""
    words = [m for m in demographics if m.label == "SEX" and not m.value.plural and not m.value.relative]
    explicit = [m for m in words if not m.value.pronoun and not m.value.inferred]
    age = _age(demographics)
    if age is not None and age.value.sex and not age.value.relative:
        # "a 30-year-old woman ... she delivered a male infant ... the male neonate"
        noun = next((m for m in explicit if m.value.sex == age.value.sex and age.start <= m.start <= age.end + 40), None)
        if noun is not None:
            return keep("sex", noun.value.sex, noun)
    # a pronoun before an inferred sex: "difficulties for breastfeeding" of a newborn are the mother's
    pronouns = [m for m in words if m.value.pronoun]
    for pool in (explicit, pronouns, words):
        if pool:
            counts = Counter(m.value.sex for m in pool)
            sex = counts.most_common(1)[0][0]
            return keep("sex", sex, next(m for m in pool if m.value.sex == sex))
    if age is not None and age.value.sex and not age.value.relative and age.value.noun:
        # "a 30-year-female", "an 85-year-oldman": the sex word is glued into the age's token
        return keep("sex", age.value.sex, age)
    return None


def _sex_of_anatomy(case: Case, by_group: dict[str, list[Mention]], evidence: list[Evidence],
                    sex_words: str = DEFAULT.sex_words) -> None:
    """The sex that the patient's own organs or operations imply when no word of the patient's text names
    it and no primary does ("scrotal pain", "a uterine mass", "hysterectomy": the ``anatomy`` rows of the
    sex words), when all such words of the patient's sites and procedures agree."""
    organs = anatomy_sexes(sex_words)
    found = []
    for mention in by_group.get("sites", []) + by_group.get("procedures", []):
        if mention.negated or mention.hypothetical:
            continue
        for word in re.findall(r"[a-z][a-z-]*", mention.text.lower()):
            if word in organs:
                found.append((organs[word], mention))
    if found and len({sex for sex, _ in found}) == 1:
        sex, mention = found[0]
        case.sex = sex
        evidence.append(Evidence("sex", sex, mention.sentence, mention.start, mention.end, mention.sentence_start,
                                 ("inferred=anatomy",)))


def _sex_of_primary(case: Case, evidence: list[Evidence], sex_words: str = DEFAULT.sex_words) -> None:
    """The sex the case's primary cancer implies when no word of the patient's text names it: a
    primary site only one sex has (``cases/sites.tsv``: the uterus, the ovary), or, for a primary
    outside the site list, the organ its words name ("prostatic adenocarcinoma", "testicular
    seminoma": the ``anatomy`` rows of the sex words, ``sex_words``); the evidence is the primary's."""
    found = [e for e in evidence if e.field == "primary_site" and e.value == case.primary_site]
    if not found:
        return
    primary = found[-1]
    sex = primary_sex(case.primary_site, primary, sex_words)
    if sex:
        case.sex = sex
        evidence.append(Evidence("sex", sex, primary.sentence, primary.start, primary.end, primary.sentence_start,
                                 primary.qualifiers))
