"""The results cache: SQLite, keyed by file hash and pipeline version."""
import sqlite3

from pipeline.batch.cache import CACHE_FILE, ResultCache, default_cache_dir, open_cache
from pipeline.cases.record import Case, Evidence


def test_round_trip_and_persistence(tmp_path):
    value = [Case("a.txt", age=40.0, drugs=["cisplatin"], evidence=[Evidence("age", 40.0, "A 40-year-old.", 2, 13, 0)])]
    with ResultCache(tmp_path, version="v1") as cache:
        cache.put("h1", value)
        assert cache.count() == 1
    with ResultCache(tmp_path, version="v1") as cache:
        assert cache.get_many(["h1", "h2"]) == {"h1": value}


def test_versions_are_kept_apart(tmp_path):
    with ResultCache(tmp_path, version="v1") as cache:
        cache.put("h1", "old")
    with ResultCache(tmp_path, version="v2") as cache:
        assert cache.get_many(["h1"]) == {}
        cache.put("h1", "new")
        assert cache.get_many(["h1"]) == {"h1": "new"}


def test_many_lookups_at_once(tmp_path):
    with ResultCache(tmp_path, version="v1") as cache:
        for number in range(1200):
            cache.put(f"h{number}", number)
        found = cache.get_many(f"h{n}" for n in range(0, 2400, 2))
    assert len(found) == 600 and found["h1198"] == 1198


def test_an_unreadable_entry_is_a_miss(tmp_path):
    with ResultCache(tmp_path, version="v1") as cache:
        cache.put("h1", "fine")
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        db.execute("UPDATE results SET value = x'00ff'")
    with ResultCache(tmp_path, version="v1") as cache:
        assert cache.get_many(["h1"]) == {}


def test_a_broken_cache_file_means_running_without_it(tmp_path, capsys):
    (tmp_path / CACHE_FILE).write_bytes(b"this is not a database" * 100)
    assert open_cache(tmp_path, "v1") is None
    assert "not using the cache" in capsys.readouterr().err


def test_default_folder_is_configurable(monkeypatch, tmp_path):
    monkeypatch.setenv("CASELIT_CACHE_DIR", str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"
    monkeypatch.delenv("CASELIT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir().name == "caselit"
