"""20 MB hostile inputs through the real command, in one batch: a report buried in a 20 MB
token without whitespace and a line of thousands of findings with no sentence end, and a
20 MB page of a million table cells. The report is read whole, evidence stays sentence-sized,
the page is refused in one line, and memory stays bounded (the command's own peak, measured in
its process)."""
import json
import subprocess
import sys

import pytest

pytest.importorskip("resource")  # the child measures its own peak memory with it (Unix)

MB = 1024 * 1024
# Peak memory allowed: the pipeline (~300 MB) plus a few copies of a 20 MB text, with room to
# spare (about 500 MB measured; 7 GB before the page limit and the evidence sentence cap).
MAX_PEAK_MB = 1200

CASE = (
    "Leukocytosis in advanced cervical cancer: a case report\n\n"
    "Case presentation\n\n"
    "A 48-year-old woman was diagnosed with squamous cell carcinoma of the cervix, FIGO stage IIIB. "
    "Her white blood cell count was 32.5 × 10⁹/L on admission. She received cisplatin with concurrent "
    "radiotherapy.\n\n"
)
# A laboratory log pasted as one line: thousands of findings in one "sentence".
LOG = "Laboratory log: " + ("WBC 14,200/µL, haemoglobin 9.8 g/dL, carboplatin 400 mg, lung metastasis; " * 1200).rstrip() + "\n\n"
# An image pasted as text: 20 MB without a space or a line break.
BLOB = "QkVHSUJJTUFHRWRhdGFibGli" * (20 * MB // 24) + "\n\n"
END = "She died of pulmonary metastases 14 months after the diagnosis.\n"
ROW = "<tr><td>WBC</td><td>12.3</td><td>cisplatin</td></tr>\n"


def _peak_and_run(args, cwd):
    """Run ``caselit`` with ``args`` in a child Python that prints its own peak RSS (MB) last."""
    code = (
        "import resource, sys\n"
        "from pipeline.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "unit = 1024 * 1024 if sys.platform == 'darwin' else 1024  # ru_maxrss: bytes on macOS, KB on Linux\n"
        "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // unit, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True, timeout=600)
    lines = result.stderr.splitlines()
    assert lines and lines[-1].startswith("PEAK "), result.stderr[-2000:]
    return result.returncode, lines[:-1], int(lines[-1].split()[1])


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("large")
    text = CASE + LOG + BLOB + END
    (folder / "buried.txt").write_text(text, encoding="utf-8")
    page = "<!DOCTYPE html><html><body><p>A table.</p><table>" + ROW * (20 * MB // len(ROW)) + "</table></body></html>"
    (folder / "table.html").write_text(page, encoding="utf-8")
    out = tmp_path_factory.mktemp("out") / "cases.jsonl"
    status, errors, peak = _peak_and_run(["extract", str(folder), "-o", str(out), "--no-cache", "-q", "--jobs", "1"], folder)
    rows = {row["doc"]: row for row in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    return text, status, errors, peak, rows


def test_inputs_are_20_mb(batch):
    text, *_ = batch
    assert len(text) > 20 * MB


def test_huge_page_is_refused_in_one_line(batch):
    _, status, errors, _, rows = batch
    assert status == 1  # something was skipped
    assert len(errors) == 1, errors
    assert errors[0].startswith("caselit: skipped ") and "table.html" in errors[0] and "too large" in errors[0]
    assert "table.html" not in rows


def test_report_is_read_whole(batch):
    _, _, _, _, rows = batch
    row = rows["buried.txt"]
    assert (row["age"], row["sex"], row["primary_site"], row["figo_stage"]) == (48, "female", "cervix", "IIIB")
    assert {"cisplatin", "carboplatin"} <= set(row["drugs"])
    assert 32.5 in row["wbc_values"]
    assert "lung" in row["metastasis_sites"]
    assert row["outcome"] == "died"  # written after the 20 MB blob: the last chunk is read


def test_evidence_is_sentence_sized_and_points_at_the_text(batch):
    text, _, _, _, rows = batch
    evidence = rows["buried.txt"]["evidence"]
    assert len(evidence) > 4 * 1200  # every finding of the log line
    for item in evidence:
        assert len(item["sentence"]) <= 1500
        assert text[item["start"]:item["end"]] in item["sentence"]
        start = item["sentence_start"]
        assert text[start:start + len(item["sentence"]) + 100].lstrip().startswith(item["sentence"])


def test_memory_stays_bounded(batch):
    *_, peak, _ = batch
    assert peak < MAX_PEAK_MB, f"peak RSS {peak} MB"


# -- the pieces that keep long texts cheap ---------------------------------------------------


@pytest.mark.parametrize("text, piece_end", [
    ("First line.\nSecond line. " * 20, "\n"),  # a line break beats a sentence end
    ("One sentence here. Another one follows, with words. " * 20, ". "),  # a page flattened to one line
    ("word " * 100, " "),
    ("x" * 1000, "x"),  # one giant token: cut anywhere
])
def test_chunks_cover_the_text_and_cut_where_they_can(text, piece_end):
    from pipeline.api import chunks

    pieces = list(chunks(text, size=100))
    assert "".join(piece for _, piece in pieces) == text
    assert [offset for offset, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]
    assert all(50 <= len(piece) <= 100 for _, piece in pieces[:-1])
    assert all(piece.endswith(piece_end) for _, piece in pieces[:-1])


@pytest.mark.parametrize("text", [
    "Case\r\nA 52\u2011year\u2011old woman  \t\r\nWBC\u00a012.1 × 10⁹/L\x0c\n\n",
    "ＷＢＣ ６１．４ \x00 fi\u00adbrosis " * 30 + "=" * 40 + " e\u0301 ",
    "one line without a break, " * 40 + "   ",
])
def test_long_texts_are_normalised_in_blocks_as_in_one_piece(monkeypatch, text):
    from pipeline.ingest import normalize as ingest_normalize

    whole = ingest_normalize.normalize_text(text)
    for size in (1, 7, 64):
        monkeypatch.setattr(ingest_normalize, "BLOCK_CHARACTERS", size)
        assert ingest_normalize.normalize_text(text) == whole
