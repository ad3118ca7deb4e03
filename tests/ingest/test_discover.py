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


def skips(paths):
    """(files found, [(name, reason)] of the files left out)."""
    left_out = []
    found = list(iter_input_files(paths, on_skip=lambda path, reason: left_out.append((path.name, reason))))
    return found, sorted(left_out)


def test_files_without_extension_are_read_by_content(tmp_path):
    (tmp_path / "case-report").write_text("A 40-year-old woman with cervical cancer.\n")
    (tmp_path / "page").write_text("<!DOCTYPE html><html><body><p>A case.</p></body></html>")
    (tmp_path / "scan").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (tmp_path / "archive").write_bytes(b"PK\x03\x04" + bytes(100))  # a .docx or zip without its extension
    (tmp_path / "blank").write_bytes(b"")
    (tmp_path / "Makefile").write_text("all:\n\ttrue\n")  # a project file, never a report
    touch(tmp_path, "notes.rtf", "letter.docx", "report.txt")
    found, left_out = skips(tmp_path)
    assert relative(found, tmp_path) == ["case-report", "page", "report.txt", "scan"]
    assert left_out == [("archive", "not a report format"), ("blank", "not a report format"),
                        ("letter.docx", "not a report format"), ("notes.rtf", "not a report format")]


def test_symlinked_folders_are_followed_once(tmp_path):
    touch(tmp_path, "reports/a.txt", "elsewhere/b.txt", "elsewhere/deeper/c.txt")
    (tmp_path / "reports" / "more").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "elsewhere" / "deeper" / "up").symlink_to(tmp_path / "elsewhere", target_is_directory=True)  # a loop
    (tmp_path / "reports" / "again").symlink_to(tmp_path / "reports", target_is_directory=True)  # a loop to itself
    found = relative(iter_input_files(tmp_path / "reports"), tmp_path / "reports")
    assert found == ["a.txt", "more/b.txt", "more/deeper/c.txt"]


def test_special_files_in_a_folder_are_left_out_unopened(tmp_path):
    import os
    import socket

    import pytest

    if not hasattr(os, "mkfifo"):
        pytest.skip("FIFOs and Unix sockets are POSIX")
    touch(tmp_path, "report.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "sock"))
    except OSError:
        pytest.skip("cannot bind a Unix socket here")
    try:
        found, left_out = skips(tmp_path)
    finally:
        server.close()
    assert relative(found, tmp_path) == ["report.txt"]
    assert left_out == [("pipe.txt", "not a regular file (a FIFO)"), ("sock", "not a regular file (a socket)")]


def test_paths_as_str_are_the_files_as_listed(tmp_path, monkeypatch):
    import os

    from pipeline.ingest.discover import iter_input_paths

    touch(tmp_path, "a/b.txt", "a/c/d.html", "a/README.md", "a/Odd.", "a/e.xml.gz", "f.md")
    monkeypatch.chdir(tmp_path)
    for given in (["a/", "./a//c", "f.md", "a"], [tmp_path / "a"], "a"):
        pairs = list(iter_input_paths(given))
        assert [p for p, _ in pairs] == list(iter_input_files(given))
        assert all(text == os.fspath(path) for path, text in pairs)
    assert [text for _, text in iter_input_paths(["a/", "./a//c", "f.md", "a"])] == [
        "a/b.txt", "a/c/d.html", "a/e.xml.gz", "a/Odd.", "f.md"]  # "Odd.": no extension, read as text
