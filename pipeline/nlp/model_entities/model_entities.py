"""Entities of an installed statistical NER model as extra drug and histology candidates.

caselit itself needs no trained model. A user who has one installed (scispaCy's
``en_ner_bc5cdr_md`` tags CHEMICAL and DISEASE) can add it: its entities are normalised
through caselit's own lexicons — a chemical must be a known drug, or within two edits of
one, since the model vouches that the word is a chemical — and then qualified by the
context pipe like every other finding.
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.drugs.drugs import DrugMatcher
from pipeline.nlp.drugs.fuzzy import edit_distance
from pipeline.nlp.drugs.model import Drug
from pipeline.nlp.histology.histology import HistologyMatcher
from pipeline.nlp.histology.model import Histology
from pipeline.nlp.spans import char_span, set_group
from pipeline.nlp.text import doc_text

MIN_FUZZY_LENGTH = 5


class ModelEntities:
    """Runs the NER model ``model`` (a package name or a path) over the text and adds its
    chemical entities to ``doc.spans["drugs"]`` and its disease entities that name a
    histological type to ``doc.spans["histology"]``, where caselit's own pipes found nothing.
    """

    def __init__(self, nlp: Language, name: str = "caselit_model_entities", model: str = "",
                 chemical_labels: list[str] = ("CHEMICAL",), disease_labels: list[str] = ("DISEASE",)):
        if not model:
            raise ValueError("caselit_model_entities needs a model: an installed package name or a path")
        self.name = name
        self.nlp = nlp
        self.model = spacy.load(model)
        if "ner" not in self.model.pipe_names:
            raise ValueError(f"model {model} has no 'ner' component")
        # only what the entity recognizer needs
        keep = set(self.model.get_pipe_meta("ner").requires or ()) | {"ner", "tok2vec"}
        self.model.select_pipes(enable=[p for p in self.model.pipe_names if p in keep or p == "ner"])
        self.chemical_labels = set(chemical_labels)
        self.disease_labels = set(disease_labels)
        self._drugs: DrugMatcher | None = None
        self._histology: HistologyMatcher | None = None
        self._by_first_letter: dict[str, list[str]] = {}

    def _matchers(self) -> tuple[DrugMatcher, HistologyMatcher]:
        # reuse the pipeline's own matchers (their lexicons are loaded already)
        if self._drugs is None:
            names = self.nlp.pipe_names
            self._drugs = self.nlp.get_pipe("caselit_drugs") if "caselit_drugs" in names else DrugMatcher(self.nlp)
            self._histology = (self.nlp.get_pipe("caselit_histology") if "caselit_histology" in names
                               else HistologyMatcher(self.nlp))
            for generic in self._drugs.lexicon.generics:
                if generic.isalpha():
                    self._by_first_letter.setdefault(generic[0], []).append(generic)
        return self._drugs, self._histology

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if not text.strip():
            return doc
        drugs, histology = self._matchers()
        taken = {g: [(s.start_char, s.end_char) for s in doc.spans[g]] if g in doc.spans else [] for g in ("drugs", "histology")}
        new = {"drugs": [], "histology": []}
        for entity in self.model(text).ents:
            start, end = entity.start_char, entity.end_char
            group = "drugs" if entity.label_ in self.chemical_labels else "histology" if entity.label_ in self.disease_labels else None
            if group is None or any(s < end and start < e for s, e in taken[group]):
                continue
            if group == "drugs":
                generics = self._drug_generics(drugs, entity.text)
                value = Drug(generics, entity.text, fuzzy=True) if generics else None
                label = "DRUG"
            else:
                name = histology.histology_of(entity.text)
                value = Histology(name, entity.text) if name else None
                label = "HISTOLOGY"
            if value is not None:
                new[group].append(char_span(doc, start, end, label, value))
                taken[group].append((start, end))
        for group, spans in new.items():
            if spans:
                set_group(doc, group, spans)
        return doc

    def _drug_generics(self, drugs: DrugMatcher, written: str) -> tuple[str, ...]:
        found = tuple(dict.fromkeys(g for match in drugs.matches(written) for g in match.generics))
        if found:
            return found
        word = written.strip().lower()
        if len(word) < MIN_FUZZY_LENGTH or not word.isalpha():
            return ()
        limit = 2 if len(word) >= 7 else 1
        scored = sorted(
            (edit_distance(word, generic, limit), generic)
            for generic in self._by_first_letter.get(word[0], ())
            if abs(len(generic) - len(word)) <= limit
        )
        scored = [item for item in scored if item[0] <= limit]
        if not scored or len(scored) > 1 and scored[0][0] == scored[1][0]:
            return ()
        return (scored[0][1],)
