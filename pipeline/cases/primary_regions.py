"""Body regions and their tissue (cases/regions.toml): a type written of a body region, not an organ
("a squamous cell carcinoma of the hand", "a liposarcoma of the thigh"), is of the tissue it arises in;
a type written of an organ outside the site list keeps that organ."""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.cases.mentions import Mention
from pipeline.cases.organs import OTHER_SITE
from pipeline.cases.primary_of_type import written_metastatic
from pipeline.nlp.base import fill_template
from pipeline.resources import compile_pattern, read_patterns


REGIONS = "cases/regions.toml"
# primary sites a region's words may have given ("hand" -> bone, "thigh" -> other) or none read: the
# ones a type written of a body region replaces by its tissue; an organ read is kept
REGION_READINGS = (None, "other", "bone", "soft tissue", "muscle")


def type_tissue(histology: str | None) -> str | None:
    """The tissue a type arises in when written of a body region (``[[tissue]]`` of cases/regions.toml:
    a skin carcinoma or melanoma -> skin, a soft tissue sarcoma -> soft tissue, a bone sarcoma -> bone);
    None for a type of no such family or one of an organ (carcinosarcoma, lymphoma)."""
    if not histology:
        return None
    for family in read_patterns(REGIONS)["tissue"]:
        if compile_pattern(family["types"]).fullmatch(histology):
            return family["site"] or None
    return None


@lru_cache(maxsize=None)
def _with_region(name: str) -> re.Pattern:
    """The pattern ``name`` of cases/regions.toml with its ``{region}`` put in, filled and compiled once."""
    spec = read_patterns(REGIONS)
    return compile_pattern(fill_template(spec[name], {"region": spec["region"]}))


def organ_outside_the_list(primary: Mention | None) -> bool:
    """True when the primary read is 'other' for an organ outside the site list whose tissue a type
    arises in (``organ`` of cases/regions.toml: "a melanoma of the nasal cavity", "an adenoid cystic
    carcinoma of the trachea"), not for a body region or a bony one ("a liposarcoma of the thigh", "a
    pelvic chondrosarcoma"): the organ stays the primary, and no tissue a type mostly arises in
    replaces it."""
    return (primary is not None and primary.value.site == OTHER_SITE
            and _organ_outside().search(primary.text) is not None)


@lru_cache(maxsize=None)
def _organ_outside() -> re.Pattern:
    return compile_pattern(r"(?<![\w-])" + read_patterns(REGIONS)["organ"] + r"(?![\w-])")


def region_of_type(mention: Mention) -> bool:
    """True when a type is written with a body region ("squamous cell carcinoma (SCC) of the dorsum of
    the right hand", "liposarcoma in the left thigh", "left thigh recurrent liposarcoma")."""
    spec = read_patterns(REGIONS)
    after, before = _with_region("after"), _with_region("before")
    offset_start, offset_end = mention.start - mention.sentence_start, mention.end - mention.sentence_start
    right = mention.sentence[offset_end:offset_end + int(spec.get("reach", 120))]
    return bool(after.match(right) or before.search(mention.sentence[:offset_start]))


def lesion_in_region(mentions: list[Mention]) -> bool:
    """True when a sentence of the case places its lesion in a body region ("an ulcerated nodule on the
    dorsum of his right hand", "a painless swelling in the left thigh"; ``lesion`` of cases/regions.toml)
    and does not call it a metastasis or a recurrence."""
    lesion, spread = _with_region("lesion"), compile_pattern(read_patterns(REGIONS)["spread"])
    sentences = {m.sentence for m in mentions if not m.negated and not m.hypothetical}
    return any(lesion.search(s) and not spread.search(s) for s in sentences)


def region_tissue(histology: Mention, types: list[Mention], primary_site: str | None,
                  mentions: list[Mention] = ()) -> str | None:
    """The tissue of a case whose type is written of a body region, not an organ (ICD-O-3's ill-defined
    sites of the limbs, trunk wall and face): "a squamous cell carcinoma of the hand" is of the skin though
    "hand" reads as bone, "a liposarcoma of the thigh" of the soft tissue though "thigh" is no organ of the
    list; the same when a sentence of the case places its lesion in a region and another names the type
    ("an ulcerated nodule on the dorsum of his hand ... biopsy showed squamous cell carcinoma"). Only when
    the primary read is none, 'other' or a tissue a region's words give; a type that is a possibility, a
    mimic or denied says nothing of where the tumour is, nor a region of a "metastatic" type."""
    tissue = type_tissue(histology.value.histology)
    if tissue is None or primary_site == tissue or primary_site not in REGION_READINGS:
        return None
    own = [m for m in types if type_tissue(m.value.histology) == tissue and not m.value.hedged and not m.negated]
    # "metastatic melanoma": the lesion of a region is the spread of a primary elsewhere
    if not own or any(written_metastatic(m) for m in own):
        return None
    return tissue if any(region_of_type(m) for m in own) or lesion_in_region(mentions) else None
