"""The shared anatomy of the components: base class, pattern templates, trie lexicon pattern,
factories that declare what they assign, config paths passed all the way down."""
import re

import pytest
import spacy

from pipeline.nlp import build  # noqa: F401  (registers every caselit factory)
from pipeline.nlp.base import Component, fill_template, trie_pattern

FINDING_FACTORIES = {
    "caselit_demographics": "demographics",
    "caselit_stage": "stage",
    "caselit_sites": "sites",
    "caselit_histology": "histology",
    "caselit_measures": "measures",
    "caselit_drugs": "drugs",
    "caselit_dates": "dates",
    "caselit_timing": "timing",
    "caselit_outcome": "outcome",
    "caselit_procedures": "procedures",
}


def test_fill_template_expands_parts_of_parts_and_keeps_quantifiers():
    parts = {"amount": r"(?P<n>{digits})", "digits": r"\d{1,3}"}
    assert fill_template(r"{amount}\s*(?:days?){0,1} {unknown}", parts) == r"(?P<n>\d{1,3})\s*(?:days?){0,1} {unknown}"


def test_fill_template_refuses_parts_that_refer_to_each_other():
    with pytest.raises(ValueError):
        fill_template("{a}", {"a": "x{b}", "b": "y{a}"})


def test_trie_pattern_matches_exactly_the_words():
    words = ["hysterectomy", "hysteroscopy", "hyst", "biopsy", "b.i.d"]
    pattern = re.compile(f"(?:{trie_pattern(words)})$")
    assert all(pattern.match(w) for w in words)
    assert not any(pattern.match(w) for w in ("hyster", "biops", "bxi.d", ""))


@pytest.mark.parametrize("factory, group", sorted(FINDING_FACTORIES.items()))
def test_finding_factories_register_the_component_class(factory, group):
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe(factory)
    assert isinstance(pipe, Component) and pipe.group == group
    meta = nlp.get_pipe_meta(factory)
    assert "doc.spans" in meta.assigns and "span._.value" in meta.assigns
    doc = nlp("A 52-year-old woman.")
    assert group in doc.spans  # the group is set even when nothing is found


@pytest.mark.parametrize("factory", ["caselit_sentences", "caselit_abbreviations", "caselit_sections", "caselit_context"])
def test_other_factories_declare_what_they_assign(factory):
    nlp = spacy.blank("en")
    nlp.add_pipe(factory)
    assert nlp.get_pipe_meta(factory).assigns


def test_values_have_a_norm():
    nlp = spacy.blank("en")
    for factory in FINDING_FACTORIES:
        nlp.add_pipe(factory)
    doc = nlp("A 52-year-old woman with FIGO stage IIIC1 squamous cell carcinoma of the cervix received cisplatin 40 mg/m2 on "
              "March 3, 2019. Her WBC count was 12,400/µL. Two weeks later she underwent radical "
              "hysterectomy. She is alive without evidence of disease.")
    values = {(group, span.label_): span._.value.norm() for group in FINDING_FACTORIES.values() for span in doc.spans[group]}
    assert values[("demographics", "AGE")] == 52.0
    assert values[("demographics", "SEX")] == "female"
    assert values[("stage", "FIGO_STAGE")] == "IIIC1"
    assert values[("sites", "SITE")] == "cervix"
    assert values[("histology", "HISTOLOGY")] == "squamous cell carcinoma"
    assert values[("drugs", "DRUG")] == "cisplatin"
    assert values[("dates", "DATE")] == "2019-03-03"
    assert values[("measures", "WBC")] == 12.4
    assert values[("procedures", "PROCEDURE")] == "radical hysterectomy"
    assert values[("timing", "RELATIVE_DATE")] == "Two weeks later"
    assert values[("outcome", "OUTCOME")] == "no evidence of disease"


def test_drug_lexicon_files_come_from_the_config(tmp_path):
    lexicon = tmp_path / "lexicon.tsv"
    lexicon.write_text("# a lexicon written for this test\nwritten\tgenerics\tkind\tflags\nzorbaplatin\tzorbaplatin\tgeneric\t\n",
                       encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("caselit_drugs", config={"lexicon": [str(lexicon)], "fuzzy": False})
    doc = nlp("She received zorbaplatin and cisplatin.")
    assert [s._.value.generics for s in doc.spans["drugs"]] == [("zorbaplatin",)]


def test_date_month_names_come_from_the_config(tmp_path):
    from pipeline.resources import models_dir

    patterns = tmp_path / "dates.toml"
    original = (models_dir() / "patterns" / "dates.toml").read_text(encoding="utf-8")
    # a month table with one more spelling: the component reads it, not the default file
    patterns.write_text(original.replace("\n[months]\n", "\n[months]\nMarzo = 3\n", 1), encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("caselit_dates", config={"patterns": str(patterns)})
    doc = nlp("She was admitted on 3 Marzo 2019.")
    assert [s._.value.iso for s in doc.spans["dates"]] == ["2019-03-03"]
