"""Document identity and the pipeline version."""
import shutil

import pytest

from pipeline.batch import content_hash, document_id, file_hash, pipeline_version
from pipeline.batch.identity import normalised_text
from pipeline.ingest.report import Report

BODY = "A 52-year-old woman presented with vaginal bleeding. Biopsy showed squamous cell carcinoma. " * 20


def report(text, doi=None, pmid=None, name="a.txt"):
    return Report(name=name, text=text, doi=doi, pmid=pmid)


@pytest.mark.parametrize("text, doi, pmid, expected", [
    ("Title\ndoi: 10.1016/J.GYNO.2019.01.002\n" + BODY, "10.1016/J.GYNO.2019.01.002", None, "doi:10.1016/j.gyno.2019.01.002"),
    ("PMID: 31234567\n" + BODY, None, "31234567", "pmid:31234567"),
    (BODY, "10.1000/meta.tag", None, "doi:10.1000/meta.tag"),  # from the page's metadata, not the text
])
def test_doi_or_pmid_stated_by_the_report(text, doi, pmid, expected):
    assert document_id(report(text, doi, pmid)) == expected


def test_a_doi_found_only_among_the_references_is_not_the_reports():
    text = BODY + "\nReferences\n1. Doe J. Cervical cancer. doi: 10.1000/ref.1\n"
    identity = document_id(report(text, doi="10.1000/ref.1"))
    assert identity.startswith("sha:") and identity == document_id(report(text))


@pytest.mark.parametrize("variant", [
    BODY.replace(". ", ".\r\n"),  # re-saved with other line ends
    "\ufeff" + BODY.upper() + "\n\n",  # byte-order mark, case, trailing blank lines
    BODY.replace(" ", "  "),  # spacing
    BODY.replace("carcinoma", "carci\u00adnoma"),  # soft hyphens from a web page
])
def test_content_hash_survives_a_re_download(variant):
    assert content_hash(variant) == content_hash(BODY)
    assert document_id(report(variant, name="b.txt")) == document_id(report(BODY))


def test_different_reports_differ():
    assert content_hash(BODY) != content_hash(BODY.replace("52", "53"))
    assert file_hash(b"a") != file_hash(b"a ")
    assert normalised_text(" A\tB\n") == "a b"


def test_pipeline_version_follows_the_data_files(tmp_path, monkeypatch):
    from pipeline.resources import models_dir

    models = tmp_path / "models"
    shutil.copytree(models_dir(), models)
    monkeypatch.setenv("CASELIT_MODELS", str(models))
    pipeline_version.cache_clear()
    try:
        first = pipeline_version()
        assert first.startswith("0.") and first == pipeline_version()
        lexicon = next(models.rglob("*.tsv"))
        lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        pipeline_version.cache_clear()
        assert pipeline_version() != first
        assert pipeline_version("en_ner_bc5cdr_md").endswith("+model=en_ner_bc5cdr_md")
    finally:
        pipeline_version.cache_clear()
