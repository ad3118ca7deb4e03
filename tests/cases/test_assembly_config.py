"""Case assembly reads the components' data files at the paths the pipeline configured
(issue 11, item 4): a pipeline built with another file assembles with that file."""
import spacy

from pipeline.cases.assemble import assemble
from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp
from pipeline.resources import models_dir
from mention_helpers import as_mentions

TEXT = ("Brushing cytology of the lung mass revealed non-small cell carcinoma. Brushing was repeated and again "
        "showed non-small cell carcinoma. The resection specimen showed giant cell carcinoma of the lung.")


def test_the_full_pipeline_gives_the_components_defaults():
    assert AssemblyConfig.of(build_nlp(abbreviations=False)) == DEFAULT


def test_configured_paths_are_read_from_the_pipes(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("caselit_sentences")
    nlp.add_pipe("caselit_histology", config={"parents": str(tmp_path / "parents.tsv")})
    nlp.add_pipe("caselit_outcome", config={"patterns": "outcome/outcome.toml"})
    config = AssemblyConfig.of(nlp)
    assert config.parents == str(tmp_path / "parents.tsv")
    assert config.roles == DEFAULT.roles  # no sites pipe: its default


def test_assembly_uses_the_configured_histology_parents(make_nlp, tmp_path):
    nlp = make_nlp("caselit_stage", "caselit_sites", "caselit_histology")
    mentions = as_mentions(nlp(TEXT), ("stage", "sites", "histology"))
    report = Report(name="test.txt", text=TEXT)
    # with the shipped file the narrower type takes the broader one's mentions
    assert assemble(report, mentions, [])[0].histology == "giant cell carcinoma"
    # with a file that relates nothing, the type named more often wins
    empty = tmp_path / "parents.tsv"
    empty.write_text("histology\tbroader\n", encoding="utf-8")
    config = AssemblyConfig(parents=str(empty))
    assert assemble(report, mentions, [], config)[0].histology == "non-small cell carcinoma"


def test_sex_words_and_procedure_lexicon_are_read_from_their_pipes(tmp_path):
    for name, shipped in (("sex.tsv", "demographics/sex.tsv"), ("procedures.tsv", "procedures/procedures.tsv")):
        (tmp_path / name).write_bytes((models_dir() / shipped).read_bytes())
    nlp = spacy.blank("en")
    nlp.add_pipe("caselit_sentences")
    nlp.add_pipe("caselit_demographics", config={"sex_words": str(tmp_path / "sex.tsv")})
    nlp.add_pipe("caselit_procedures", config={"lexicon": str(tmp_path / "procedures.tsv")})
    config = AssemblyConfig.of(nlp)
    assert (config.sex_words, config.procedures) == (str(tmp_path / "sex.tsv"), str(tmp_path / "procedures.tsv"))


SEMINOMA = "Testicular seminoma was diagnosed. An orchiectomy was performed after surgery had been discussed."


def test_the_sex_an_organ_implies_comes_from_the_configured_sex_words(make_nlp, tmp_path):
    nlp = make_nlp("caselit_sites", "caselit_histology", "caselit_demographics")
    mentions = as_mentions(nlp(SEMINOMA), ("sites", "histology", "demographics"))
    report = Report(name="test.txt", text=SEMINOMA)
    assert assemble(report, mentions, [])[0].sex == "male"  # "testicular": an anatomy word of the shipped file
    words = tmp_path / "sex.tsv"
    words.write_text("term\tsex\tevidence\tnumber\nman\tmale\tnoun\tsingular\n", encoding="utf-8")
    assert assemble(report, mentions, [], AssemblyConfig(sex_words=str(words)))[0].sex is None


def test_unspecific_procedures_come_from_the_configured_lexicon(make_nlp, tmp_path):
    nlp = make_nlp("caselit_procedures")
    mentions = as_mentions(nlp(SEMINOMA), ("procedures",))
    report = Report(name="test.txt", text=SEMINOMA)
    # with the shipped lexicon "surgery" is unspecific and gives way to the orchiectomy
    assert [t.name for t in assemble(report, mentions, [])[0].treatments] == ["orchiectomy"]
    lexicon = tmp_path / "procedures.tsv"
    lexicon.write_text("written\tname\tkind\tapproach\tsetting\tflags\n", encoding="utf-8")
    named = [t.name for t in assemble(report, mentions, [], AssemblyConfig(procedures=str(lexicon)))[0].treatments]
    assert "surgery" in named
