"""Case assembly reads the components' data files at the paths the pipeline configured
(issue 11, item 4): a pipeline built with another file assembles with that file."""
import spacy

from pipeline.cases.assemble import assemble
from pipeline.cases.config import DEFAULT, AssemblyConfig
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp
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
