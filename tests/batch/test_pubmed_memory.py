"""A PubMed baseline-style file is read with flat memory: the peak does not grow with the
number of articles (each is parsed, turned into a report and dropped)."""
import gzip
import tracemalloc

from pipeline.ingest.pubmed_baseline import stream_reports
from pubmed_files import case_pmids, write_pubmed_file


def _peak_while_streaming(path) -> tuple[float, list[str]]:
    tracemalloc.start()
    try:
        names = [report.name for report in stream_reports(path, ["Case Reports"])]
        return tracemalloc.get_traced_memory()[1], names
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_over_20000_articles(tmp_path):
    small = write_pubmed_file(tmp_path / "pubmed25n0001.xml.gz", 2_000)
    large = write_pubmed_file(tmp_path / "pubmed25n0002.xml.gz", 20_000)
    small_peak, _ = _peak_while_streaming(small)
    large_peak, names = _peak_while_streaming(large)
    assert names == case_pmids(20_000)  # only the case reports, in file order
    with gzip.open(large, "rb") as handle:
        xml_bytes = sum(len(chunk) for chunk in iter(lambda: handle.read(1 << 20), b""))
    assert large_peak < xml_bytes / 10  # far below the file's XML
    assert large_peak < 1.5 * small_peak + 256 * 1024  # ten times the articles, about the same peak
