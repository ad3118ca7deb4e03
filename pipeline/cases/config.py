"""The components' data files that case assembly reads too, at the paths the components were
configured with, so that a pipeline built with other files assembles with those same files."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language


@dataclass(frozen=True)
class AssemblyConfig:
    """``roles``: the sites component's role rules (past-history and report-sentence cues);
    ``outcome``: the outcome component's patterns (what counts as a relapse event);
    ``parents``: the histology component's broader/narrower types; ``organs``: the organ a
    type names by itself (NSCLC: lung), the histology component's too; ``patients``: the sections
    component's patient patterns (announced series, "both patients", "the first patient"); ``sex_words``: the
    demographics component's sex words (the anatomy of one sex, the person words of a listed
    family); ``procedures``: the procedures component's lexicon (which names are unspecific,
    "surgery"). The defaults are the
    components' defaults (assembling mentions without a pipeline, as the tests do).

    >>> import spacy
    >>> from pipeline.nlp.sites import factory  # noqa: F401  (registers caselit_sites)
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_sites", config={"roles": "sites/roles.toml"})
    >>> AssemblyConfig.of(nlp).roles
    'sites/roles.toml'
    """

    roles: str = "sites/roles.toml"
    outcome: str = "outcome/outcome.toml"
    parents: str = "histology/parents.tsv"
    organs: str = "histology/organs.tsv"
    histology: str = "histology/histology.toml"
    patients: str = "sections/patients.toml"
    sex_words: str = "demographics/sex.tsv"
    procedures: str = "procedures/procedures.tsv"

    @classmethod
    def of(cls, nlp: Language) -> AssemblyConfig:
        """The paths configured in ``nlp``'s components; a default for a component it lacks."""

        def configured(pipe: str, key: str, default: str) -> str:
            return nlp.get_pipe_config(pipe).get(key, default) if pipe in nlp.pipe_names else default

        return cls(
            roles=configured("caselit_sites", "roles", cls.roles),
            outcome=configured("caselit_outcome", "patterns", cls.outcome),
            parents=configured("caselit_histology", "parents", cls.parents),
            organs=configured("caselit_histology", "organs", cls.organs),
            histology=configured("caselit_histology", "patterns", cls.histology),
            patients=configured("caselit_sections", "patients", cls.patients),
            sex_words=configured("caselit_demographics", "sex_words", cls.sex_words),
            procedures=configured("caselit_procedures", "lexicon", cls.procedures),
        )


DEFAULT = AssemblyConfig()
