"""PubMed distribution files (.xml.gz) read as a stream: one report per article, named by
PMID, a publication-type filter, defusedxml's refusals kept, damaged files as one line."""
import gzip
import shutil
from pathlib import Path

import pytest

from pipeline.ingest import IngestError, iter_input_files
from pipeline.ingest.pubmed_baseline import cache_key, is_streamed, stream_hash, stream_reports

DATA = Path(__file__).parent / "data"
PUBMED = DATA / "pubmed-two-articles.xml"


@pytest.fixture
def gz(tmp_path):
    target = tmp_path / "pubmed25n0001.xml.gz"
    with open(PUBMED, "rb") as source, gzip.open(target, "wb") as out:
        shutil.copyfileobj(source, out)
    return target


def test_each_article_is_a_report_named_by_its_pmid(gz):
    seen = []
    reports = list(stream_reports(gz, on_done=seen.append))
    assert [r.name for r in reports] == ["39876543", "38765432"]
    assert reports[0].doi == "10.5555/jicr.2024.0512"
    assert seen == [stream_hash(gz)]  # hashed in the same pass, the whole file


def test_same_text_as_the_export_reader(gz):
    from pipeline.ingest import read_report

    assert [r.text for r in stream_reports(gz)] == [r.text for r in read_report(PUBMED)]


def test_publication_type_filter_ignores_case(gz):
    assert [r.pmid for r in stream_reports(gz, ["case reports"])] == ["39876543", "38765432"]
    assert [r.pmid for r in stream_reports(gz, ["JOURNAL ARTICLE"])] == ["39876543"]
    assert list(stream_reports(gz, ["Letter to a ghost"])) == []


def test_which_files_are_streamed(gz, tmp_path):
    assert is_streamed(gz)
    assert not is_streamed(PUBMED)  # a small export is read whole, its names kept (file#1...)
    assert is_streamed(PUBMED, ["Case Reports"])
    assert cache_key("ab", ["Case Reports"]) != cache_key("ab")


def test_a_folder_walk_finds_gzipped_pubmed_files(gz):
    assert list(iter_input_files([gz.parent])) == [gz]


@pytest.mark.parametrize("content, reason", [
    (b"<PubmedArticleSet><PubmedArticle>", "truncated XML"),
    (b'<!DOCTYPE x [<!ENTITY a "aaaa">]><PubmedArticleSet>&a;</PubmedArticleSet>', "declares entities"),
    (b"<html><body>no</body></html>", "not a PubMed file"),
])
def test_bad_content_is_one_line(tmp_path, content, reason):
    path = tmp_path / "pubmed25n0002.xml.gz"
    path.write_bytes(gzip.compress(content))
    with pytest.raises(IngestError, match=reason) as caught:
        list(stream_reports(path))
    assert "\n" not in str(caught.value)


def test_a_cut_gzip_file_is_one_line(gz, tmp_path):
    cut = tmp_path / "pubmed25n0003.xml.gz"
    cut.write_bytes(gz.read_bytes()[:-40])
    with pytest.raises(IngestError, match="truncated|damaged"):
        list(stream_reports(cut))
