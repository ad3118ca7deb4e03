"""Unchanged files recognised by their stat (pipeline.batch.file_stats), as git's index does:
the hash recorded with a file's size, times and inode is taken without reading it again; any
change of those, or a file too fresh to trust, is read and hashed; a damaged or unwritable
index never breaks a refresh."""
import os
import time

import pytest

from pipeline.batch import file_stats
from pipeline.batch import refresh as refresh_module
from pipeline.batch.file_stats import STATS_FILE, FileStats
from pipeline.batch.identity import file_hash
from pipeline.batch.inputs import hash_input, read_inputs


@pytest.fixture(autouse=True)
def no_racy_window(request, monkeypatch):
    """Files written by a test are seconds old at most: trusted at once, but where the
    window itself is tested."""
    if "racy" not in request.node.name:
        monkeypatch.setattr(file_stats, "SETTLED_SECONDS", 0)


def report(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    past = time.time() - 60
    os.utime(path, (past, past))
    return path


def recorded(stats, *paths):
    stats.record((p, os.stat(p), file_hash(p.read_bytes())) for p in paths)


def test_a_recorded_file_with_the_same_stat_is_known(tmp_path):
    path = report(tmp_path, "a.txt", "A 40-year-old woman presented with bleeding.")
    with FileStats(tmp_path / "cache") as stats:
        recorded(stats, path)
    with FileStats(tmp_path / "cache") as stats:
        assert stats.known([path]) == {path: file_hash(path.read_bytes())}


@pytest.mark.parametrize("change", ["content", "touched", "replaced"])
def test_a_changed_touched_or_replaced_file_is_read_again(tmp_path, change):
    path = report(tmp_path, "a.txt", "A 40-year-old woman presented with bleeding.")
    with FileStats(tmp_path / "cache") as stats:
        recorded(stats, path)
        status = os.stat(path)
        if change == "content":  # same size, same times: the inode's change time still moves
            path.write_text("A 41-year-old woman presented with bleeding.", encoding="utf-8")
            os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
        elif change == "touched":
            os.utime(path)
        else:  # another file moved over it, its times set back
            other = report(tmp_path, "b.txt", "A 40-year-old woman presented with bleeding.")
            os.replace(other, path)
            os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
        assert stats.known([path]) == {}


def test_a_file_changed_just_now_is_not_recorded_racy(tmp_path):
    path = report(tmp_path, "a.txt", "A 40-year-old woman.")  # its times set back: its inode changed now
    with FileStats(tmp_path / "cache") as stats:
        recorded(stats, path)
        assert stats.known([path]) == {}


def test_a_damaged_index_is_replaced_and_never_breaks_a_run(tmp_path):
    path = report(tmp_path, "a.txt", "A 40-year-old woman.")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / STATS_FILE).write_bytes(b"not a database at all, just some bytes")
    with FileStats(tmp_path / "cache") as stats:
        recorded(stats, path)
        assert stats.known([path]) == {}
    with FileStats(tmp_path / "cache") as stats:  # a new one from the next run on
        recorded(stats, path)
        assert stats.known([path]) == {path: file_hash(path.read_bytes())}


def test_an_unwritable_folder_works_without_the_index(tmp_path):
    path = report(tmp_path, "a.txt", "A 40-year-old woman.")
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    with FileStats(blocker) as stats:
        recorded(stats, path)
        assert not stats.enabled and stats.known([path]) == {}


def test_a_refresh_reads_only_files_it_does_not_know(tmp_path, monkeypatch):
    folder = tmp_path / "reports"
    folder.mkdir()
    paths = [report(folder, f"{n}.txt", f"A {40 + n}-year-old woman.") for n in range(3)]
    cache = tmp_path / "cache"
    first = refresh_module._read_inputs([folder], None, cache, True)
    assert first == read_inputs([folder])
    new = report(folder, "3.txt", "A 60-year-old man.")
    read = []

    def reading(item, *args):
        read.append(item.path)
        return hash_input(item, *args)

    monkeypatch.setattr(refresh_module, "hash_input", reading)
    second = refresh_module._read_inputs([folder], None, cache, True)
    assert read == [new] and second == read_inputs([folder])
    assert [f.path for f in second] == [*paths, new]


def test_without_the_cache_every_file_is_read(tmp_path):
    path = report(tmp_path, "a.txt", "A 40-year-old woman.")
    assert refresh_module._read_inputs([path], None, tmp_path / "cache", False) == read_inputs([path])
    assert not (tmp_path / "cache").exists()


def test_a_name_that_is_not_utf8_is_recorded_too(tmp_path):
    try:
        path = report(tmp_path, os.fsdecode(b"caf\xe9.txt"), "A 40-year-old woman.")
    except (OSError, UnicodeError):
        pytest.skip("the file system takes UTF-8 names only")
    with FileStats(tmp_path / "cache") as stats:
        recorded(stats, path)
        assert stats.known([path]) == {path: file_hash(path.read_bytes())}


def test_the_paths_as_str_are_those_of_the_files(tmp_path):
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    report(folder, "b.txt", "A 40-year-old woman.")
    report(folder / "sub", "a.txt", "A 50-year-old woman.")
    named = report(tmp_path, "c.txt", "A 60-year-old woman.")
    for use_cache in (True, False, True):
        files, texts = refresh_module._read_input_paths([f"{folder}/", named], None, tmp_path / "cache", use_cache)
        assert texts == [os.fspath(f.path) for f in files] and len(files) == 3
