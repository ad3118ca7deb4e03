"""Finding report files among the paths a user gives."""
from pathlib import Path

from pipeline.ingest import iter_input_files, supported_extensions


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def relative(paths, root):
    return [p.relative_to(root).as_posix() for p in paths]


def test_folder_walk(tmp_path):
    touch(
        tmp_path,
        "b.txt", "A.html", "c.md", "d.htm", "e.xhtml", "f.text", "nested/z.txt", "nested/deeper/y.TXT",
        ".hidden.txt", ".git/HEAD.txt", "notes/.cache/x.txt",  # hidden files and folders
        "paper.pdf", "pubmed.xml", "PMC123.nxml",  # PDF, PubMed and JATS XML
        "image.png", "table.csv", "~$lock.txt",  # not readable reports
        "README.md", "LICENSE.txt",  # project files beside the reports
        "Saved page.html", "Saved page_files/ad-frame.html",  # a browser's "complete page"
    )
    found = relative(iter_input_files(tmp_path), tmp_path)
    assert found == [
        "A.html", "b.txt", "c.md", "d.htm", "e.xhtml", "f.text",
        "nested/deeper/y.TXT", "nested/z.txt", "paper.pdf", "PMC123.nxml", "pubmed.xml", "Saved page.html",
    ]


def test_files_named_explicitly_are_kept_in_order_once(tmp_path):
    touch(tmp_path, "one.txt", "two.html", "README.md", "dir/three.txt")
    given = [tmp_path / "two.html", tmp_path / "README.md", tmp_path / "missing.txt",
             tmp_path / "dir", tmp_path / "two.html", str(tmp_path / "dir" / "three.txt")]
    assert relative(iter_input_files(given), tmp_path) == [
        "two.html", "README.md", "missing.txt", "dir/three.txt",
    ]


def test_single_path_argument(tmp_path):
    touch(tmp_path, "one.txt")
    assert list(iter_input_files(str(tmp_path / "one.txt"))) == [tmp_path / "one.txt"]
    assert list(iter_input_files(tmp_path)) == [tmp_path / "one.txt"]


def test_empty_folder(tmp_path):
    assert list(iter_input_files(tmp_path)) == []


def test_supported_extensions():
    assert {".txt", ".md", ".text", ".html", ".htm", ".xhtml", ".xml", ".nxml", ".pdf"} <= set(supported_extensions())
