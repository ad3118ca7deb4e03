"""The spread of a lymphoma, leukaemia or myeloma (``[haematolymphoid]`` of roles.toml): the organs it
involves beyond its own site, its lymph nodes being the disease itself unless it arises in the marrow."""
from __future__ import annotations

from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.cases.mentions import Mention
from pipeline.cases.organs import MARROW, OTHER_SITE
from pipeline.resources import compile_pattern, read_patterns


# The site-list name of lymph nodes.
NODE = "lymph node"


def _haematolymphoid_kind(histology: str | None, key: str, config: AssemblyConfig) -> bool:
    """True when the normalised type matches ``key`` of ``[haematolymphoid]`` in roles.toml."""
    pattern = read_patterns(config.roles).get("haematolymphoid", {}).get(key)
    return bool(histology and pattern and compile_pattern(pattern, 0).search(histology))


def haematolymphoid(histology: str | None, config: AssemblyConfig = DEFAULT) -> bool:
    """True for a cancer of the blood-forming or lymphoid tissues: a lymphoma, leukaemia or myeloma
    (``types`` of ``[haematolymphoid]`` in roles.toml)."""
    return _haematolymphoid_kind(histology, "types", config)


def arises_in_marrow(histology: str | None, primary_site: str | None, config: AssemblyConfig = DEFAULT) -> bool:
    """True for a case whose cancer arises in the bone marrow: its primary read as the marrow, or a type of
    ``marrow_types`` ([haematolymphoid] of roles.toml: leukaemias, myeloma, Waldenstrom's)."""
    return primary_site == MARROW or _haematolymphoid_kind(histology, "marrow_types", config)


def leukaemia(histology: str | None, config: AssemblyConfig = DEFAULT) -> bool:
    """True for a leukaemia (``leukaemia_types`` of ``[haematolymphoid]`` in roles.toml)."""
    return _haematolymphoid_kind(histology, "leukaemia_types", config)


# The site-list names of the skeleton, where a myeloma's own disease is.
SKELETON = frozenset({"bone", "spine"})


def skeletal(histology: str | None, config: AssemblyConfig = DEFAULT) -> bool:
    """True for a cancer of the plasma cells, whose tumour is in the bones (``skeletal_types`` of
    ``[haematolymphoid]`` in roles.toml)."""
    return _haematolymphoid_kind(histology, "skeletal_types", config)


# Primaries whose lymphoma's enlarged nodes are no spread beyond an organ: the nodes, the lymphoid
# spleen, no organ named (a primary read as "other" is a region outside the site list: the neck, the
# abdomen, Waldeyer's ring), and the skin (a cutaneous lymphoma's nodes are often dermatopathic, a
# reaction to the skin disease).
NODAL_PRIMARIES = frozenset({NODE, "spleen", "skin", OTHER_SITE, None})


def extranodal(primary_site: str | None) -> bool:
    """True when the cancer arises in an organ of the site list other than the lymphoid tissues (a
    primary breast, gastric or testicular lymphoma, whose regional nodes are its spread)."""
    return primary_site not in NODAL_PRIMARIES


def haematolymphoid_spread(spread: list[Mention], sites: list[Mention], histology: str | None,
                           primary_site: str | None, config: AssemblyConfig = DEFAULT) -> list[Mention]:
    """The spread of a lymphoma, leukaemia or myeloma, written as the involvement of other organs, not as
    their metastasis: the organs it involves, infiltrates or invades beyond its own site ("T-cell lymphoma
    with bone marrow invasion", "lesions involving the femur") are its spread, and its lymph nodes are the
    disease itself (read from a finding or an involvement: "axillary lymphadenopathy"), unless they are
    named as metastases or the disease arises in the marrow (a myeloma's or Waldenstrom's nodes are its
    spread beyond the marrow) or in an organ of the site list (a primary breast or gastric lymphoma's
    axillary or perigastric nodes are its spread beyond that organ), and is no leukaemia (whose lymphadenopathy is the leukaemia itself). A region
    outside the site list ("mediastinal involvement") is left out. A myeloma's bone and spine lesions ("lytic
    lesions in the pelvic bones") are the myeloma itself. Other cancers' spread is returned as it is."""
    if not haematolymphoid(histology, config):
        return spread
    if skeletal(histology, config):
        spread = [m for m in spread if m.value.site not in SKELETON]
        sites = [m for m in sites if m.value.site not in SKELETON]
    nodes_spread = ((arises_in_marrow(histology, primary_site, config) or extranodal(primary_site))
                    and not leukaemia(histology, config))
    kept = [m for m in spread if m.value.site != NODE or nodes_spread or "metasta" in (m.value.cue or "").lower()]
    involved = [m for m in sites if m.value.role == "involvement" and not m.negated and not m.hypothetical
                and m.value.site not in (NODE, OTHER_SITE, primary_site) and m not in kept]
    return kept + involved
