"""Running files through the pipeline: cache reuse, order, errors, worker processes."""
import io
import itertools
import shutil
from pathlib import Path

import pytest

from pipeline.batch import BatchRunner, Progress, ResultCache, read_inputs, run_batch

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture
def folder(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    for path in sorted(DATA.glob("*.txt")):
        shutil.copy(path, reports)
    return reports


def summary(results):
    return [(r.path.name, r.error, [(c.doc, c.case, c.age, c.figo_stage, tuple(c.drugs)) for c in r.cases]) for r in results]


def test_results_come_in_input_order_then_from_the_cache(folder, tmp_path):
    (folder / "empty.txt").write_text("")
    files = read_inputs([folder])
    with ResultCache(tmp_path / "cache") as cache:
        runner = BatchRunner(cache=cache)
        first = runner.run(files)
        assert runner.processed == 2
        again = BatchRunner(cache=cache)
        second = again.run(read_inputs([folder]))
    assert again.processed == 0 and all(r.cached for r in second if not r.error)
    assert summary(first) == summary(second)
    assert [r.path.name for r in first] == ["empty.txt", "synthetic-cervix-report.txt", "synthetic-two-cases.txt"]
    assert first[0].error == "empty file" and first[1].cases[0].figo_stage == "IB2"
    assert first[1].reports[0].doc_id.startswith("sha:")


def test_a_renamed_file_comes_from_the_cache_under_its_new_name(folder, tmp_path):
    cache_dir = tmp_path / "cache"
    run_batch([folder], cache_dir=cache_dir)
    (folder / "synthetic-two-cases.txt").rename(folder / "renamed.txt")
    results = run_batch([folder / "renamed.txt"], cache_dir=cache_dir)
    assert results[0].cached and [c.doc for c in results[0].cases] == ["renamed.txt", "renamed.txt"]
    assert results[0].reports[0].name == "renamed.txt"


def test_identical_files_are_processed_once_with_a_cache(folder, tmp_path):
    shutil.copy(folder / "synthetic-two-cases.txt", folder / "copy.txt")
    files = read_inputs([folder / "synthetic-two-cases.txt", folder / "copy.txt"])
    with ResultCache(tmp_path / "cache") as cache:
        runner = BatchRunner(cache=cache)
        results = runner.run(files)
    assert runner.processed == 1
    assert [c.doc for r in results for c in r.cases] == ["synthetic-two-cases.txt"] * 2 + ["copy.txt"] * 2
    uncached = BatchRunner()  # --no-cache: every file, as a benchmark of copies expects
    assert summary(uncached.run(files)) == summary(results) and uncached.processed == 2


def test_worker_processes_give_the_same_cases(folder):
    for number in range(3):  # more files than workers
        text = (folder / "synthetic-two-cases.txt").read_text(encoding="utf-8")
        (folder / f"variant-{number}.txt").write_text(text.replace("61-year-old", f"{70 + number}-year-old"), encoding="utf-8")
    files = read_inputs([folder])
    here = BatchRunner(jobs=1).run(files)
    pooled = BatchRunner(jobs=2).run(files)
    assert summary(pooled) == summary(here)
    assert [c.age for c in pooled[3].cases] == [71, 45] and pooled[3].path.name == "variant-1.txt"


def test_progress_lines_when_not_on_a_terminal():
    out = io.StringIO()
    with Progress(3, stream=out) as progress:
        for _ in range(3):
            progress.advance(cached=True)
    assert out.getvalue().strip().startswith("caselit: 3/3 reports") and "3 from cache" in out.getvalue()
    quiet = io.StringIO()
    with Progress(3, quiet=True, stream=quiet) as progress:
        progress.advance()
    assert quiet.getvalue() == ""


def test_a_cache_that_fails_to_write_is_dropped_and_the_batch_goes_on(folder, tmp_path, capsys):
    import sqlite3

    class FullDisk(ResultCache):
        def put(self, file_hash, value):
            raise sqlite3.OperationalError("database or disk is full")

    with FullDisk(tmp_path / "cache") as cache:
        results = BatchRunner(cache=cache).run(read_inputs([folder]))
    assert [len(r.cases) for r in results] == [1, 2]
    assert "cache write failed" in capsys.readouterr().err


def variants(folder, count):
    """``count`` different reports (ages 20..) beside the two of the folder."""
    text = (folder / "synthetic-two-cases.txt").read_text(encoding="utf-8")
    for number in range(count):
        (folder / f"v{number:03d}.txt").write_text(text.replace("61-year-old", f"{20 + number}-year-old"), encoding="utf-8")


def test_results_stream_one_file_at_a_time(folder):
    variants(folder, 3)
    runner = BatchRunner()
    results = runner.iter(read_inputs([folder]))
    first = next(results)
    assert runner.processed == 1 and first.path.name == "synthetic-cervix-report.txt"
    assert [r.path.name for r in results] == ["synthetic-two-cases.txt", "v000.txt", "v001.txt", "v002.txt"]
    assert runner.processed == 5


def test_cached_results_are_read_a_window_at_a_time(folder, tmp_path, monkeypatch):
    import pipeline.batch.runner as runner_module

    variants(folder, 6)
    files = read_inputs([folder])
    with ResultCache(tmp_path / "cache") as cache:
        BatchRunner(cache=cache).run(files)
        asked, original = [], cache.get_many

        def get_many(hashes):
            hashes = list(hashes)
            asked.append(len(hashes))
            return original(hashes)

        monkeypatch.setattr(cache, "get_many", get_many)
        monkeypatch.setattr(runner_module, "_CACHE_WINDOW", 3)
        again = BatchRunner(cache=cache).iter(read_inputs([folder]))
        assert next(again).cached and asked == [3]
        assert all(r.cached for r in again) and asked == [3, 3, 2]


def test_results_wait_in_order_behind_a_slow_file_within_a_bound(folder, monkeypatch):
    import pipeline.batch.runner as runner_module

    monkeypatch.setattr(runner_module, "_MAX_WAITING", 2)
    monkeypatch.setattr(runner_module, "_IN_FLIGHT_PER_JOB", 1)
    slow = folder / "synthetic-cervix-report.txt"  # first in order: made much longer
    slow.write_text(slow.read_text(encoding="utf-8") * 40, encoding="utf-8")
    variants(folder, 8)
    runner = BatchRunner(jobs=2)
    names, most_waiting = [], 0
    for result in runner.iter(read_inputs([folder])):
        names.append(result.path.name)
        most_waiting = max(most_waiting, len(runner._waiting))
    assert names == ["synthetic-cervix-report.txt", "synthetic-two-cases.txt"] + [f"v{n:03d}.txt" for n in range(8)]
    # Two may wait, plus what the two workers hold when no new file is started.
    assert runner.processed == 10 and most_waiting <= 2 + 2


def test_the_api_streams_through_the_runner_and_names_a_bad_file(folder):
    from pipeline.api import extract
    from pipeline.ingest import IngestError

    (folder / "zz-empty.txt").write_text("")
    cases = extract([folder])
    assert next(cases).doc == "synthetic-cervix-report.txt"
    assert [c.case for c in itertools.islice(cases, 2)] == [1, 2]
    with pytest.raises(IngestError, match=r"zz-empty\.txt: empty file"):
        next(cases)
    skipped = []
    assert len(list(extract([folder], on_error=lambda path, reason: skipped.append((path.name, reason))))) == 3
    assert skipped == [("zz-empty.txt", "empty file")]


def test_one_new_file_before_many_cached_ones_does_not_hold_them_all(folder, tmp_path, monkeypatch):
    import pipeline.batch.runner as runner_module

    variants(folder, 8)
    with ResultCache(tmp_path / "cache") as cache:
        BatchRunner(cache=cache).run(read_inputs([folder]))
        first = folder / "synthetic-cervix-report.txt"
        first.write_text(first.read_text(encoding="utf-8").replace("IB2", "IIA1"), encoding="utf-8")
        windows = []
        original = cache.get_many
        monkeypatch.setattr(cache, "get_many", lambda hashes: windows.append(1) or original(list(hashes)))
        monkeypatch.setattr(runner_module, "_CACHE_WINDOW", 2)
        monkeypatch.setattr(runner_module, "_MAX_WAITING", 2)
        runner = BatchRunner(jobs=2, cache=cache)  # a pool would wait for a second new file
        results = runner.iter(read_inputs([folder]))
        assert next(results).cases[0].figo_stage == "IIA1"
        assert len(windows) <= 2  # not every window read before the first result
        assert all(r.cached for r in results) and runner.processed == 1


def test_files_listed_unhashed_are_read_once_where_needed(folder, tmp_path):
    """iter_batch lists the inputs without reading them: with a cache the runner hashes them
    a window at a time, without one the worker that runs a file hashes what it reads; the
    results, their hashes and the error of a file that cannot be read are the same."""
    (folder / "empty.txt").write_text("")
    (folder / "big.txt").write_bytes(b"x")
    hashed = read_inputs([folder])
    listed = read_inputs([folder], hashed=False)
    assert [item.path for item in listed] == [item.path for item in hashed]
    assert all(item.file_hash is None and item.error is None for item in listed)
    expected = BatchRunner().run(hashed)
    for jobs in (1, 2):
        results = BatchRunner(jobs=jobs).run(listed)
        assert summary(results) == summary(expected)
        # (a file that fails on its worker has no hash then: nothing reads it)
        assert [r.file_hash for r in results if not r.error] == [r.file_hash for r in expected if not r.error]
    with ResultCache(tmp_path / "cache") as cache:
        assert summary(BatchRunner(cache=cache).run(listed)) == summary(expected)
        again = BatchRunner(cache=cache)
        assert summary(again.run(read_inputs([folder], hashed=False))) == summary(expected)
    assert again.processed == 0


def test_a_file_unreadable_when_listed_is_one_error_without_a_cache(folder, monkeypatch):
    from pipeline.ingest import reader

    monkeypatch.setattr(reader, "MAX_BYTES", 100)  # every report is now too large to read
    listed = read_inputs([folder / "synthetic-two-cases.txt"], hashed=False)
    assert listed[0].error is None
    [result] = BatchRunner().run(listed)
    assert result.error == read_inputs([folder / "synthetic-two-cases.txt"])[0].error
    assert result.error.startswith("file too large") and result.file_hash is None
