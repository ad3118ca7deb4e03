"""A batch with every kind of bad input: one clear line per bad file, the rest still read, and
an exit status that says something failed."""
import contextlib
import io
import logging

import pandas as pd
import pytest

from pipeline.cli import main

GOOD = ("Leukocytosis in cervical cancer\n\nCase presentation\n\nA 52-year-old woman with squamous "
        "cell carcinoma of the cervix, FIGO stage IIB, had a white blood cell count of 45.6 × 10⁹/L.\n\n")
BAD = {  # file name -> (content, what its line must say)
    "empty.txt": (b"", "empty file"),
    "blank.md": (b"\n \n\t", "empty file"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
    "zeros.txt": (bytes(1000), "binary"),
    "cut.xml": (b'<?xml version="1.0"?>\n<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID>',
                "truncated XML"),
    "xxe.xml": (b'<?xml version="1.0"?><!DOCTYPE article [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
                b"<article><body><p>&x;</p></body></article>", "XML declares entities"),
    "bomb.nxml": (b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">'
                  b'<!ENTITY c "&b;&b;&b;&b;&b;&b;">]><article><body><p>&c;</p></body></article>',
                  "XML declares entities"),
    "cut.pdf": (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "PDF"),
    "notes.xml": (b'<?xml version="1.0"?><config/>', "neither a PubMed export nor a JATS"),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    for name, (content, _) in BAD.items():
        (folder / name).write_bytes(content)
    (folder / "gone.txt").symlink_to(folder / "deleted-target.txt")  # unreadable: dangling link
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    # Longer than spaCy's max_length (1,000,000 characters): read in chunks, not refused.
    (folder / "long.txt").write_text(GOOD + ("Table " + "-" * 3000 + "\n\n") * 340, encoding="utf-8")
    (folder / "cut.html").write_text(
        "<!DOCTYPE html><html><head><title>T</title></head><body><h1>Pleural metastasis</h1>"
        "<p>A 47-year-old woman with cervical cancer had a white cell count of 30,000/µL and rec",
        encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def run(batch, tmp_path_factory):
    """Exit status, standard error lines (warnings included) and the table written."""
    out = tmp_path_factory.mktemp("out") / "cases.csv"
    err = io.StringIO()
    handler = logging.StreamHandler(err)  # pytest's own log handlers hide logging's default one
    logging.getLogger("pipeline.ingest").addHandler(handler)
    try:
        with contextlib.redirect_stderr(err):
            status = main(["extract", str(batch), "-o", str(out), "--no-cache"])
    finally:
        logging.getLogger("pipeline.ingest").removeHandler(handler)
    return status, err.getvalue().splitlines(), pd.read_csv(out)


def test_exit_status_says_something_failed(run):
    status, _, _ = run
    assert status == 1


@pytest.mark.parametrize("name", [*BAD, "gone.txt"])
def test_one_clear_line_per_bad_file(run, name):
    _, lines, _ = run
    mentions = [line for line in lines if f"/{name}:" in line]
    assert len(mentions) == 1, mentions
    expected = BAD[name][1] if name in BAD else "file not found"
    assert mentions[0].startswith("caselit: skipped ") and expected in mentions[0]


def test_the_rest_of_the_batch_is_read(run):
    _, lines, table = run
    assert sorted(table["Report"]) == ["cut.html", "good.txt", "long.txt"]
    long_row = table[table["Report"] == "long.txt"].iloc[0]
    assert (long_row["Age"], long_row["FIGO stage"]) == (52, "IIB")


def test_truncated_page_is_read_with_a_warning(run):
    _, lines, _ = run
    [warning] = [line for line in lines if "cut.html" in line]
    assert "looks truncated" in warning and "skipped" not in warning
