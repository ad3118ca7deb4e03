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


def test_an_unusable_cache_folder_means_running_without_it(tmp_path, capsys):
    (tmp_path / "cache").write_bytes(b"a file where the folder should be")
    assert open_cache(tmp_path / "cache", "v1") is None
    assert "not using the cache" in capsys.readouterr().err


def test_default_folder_is_configurable(monkeypatch, tmp_path):
    monkeypatch.setenv("CASELIT_CACHE_DIR", str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"
    monkeypatch.delenv("CASELIT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir().name == "caselit"


def test_a_damaged_cache_is_moved_aside_and_a_new_one_started(tmp_path, capsys):
    (tmp_path / CACHE_FILE).write_bytes(b"this is not an SQLite database, " * 200)
    cache = open_cache(tmp_path, "v1")
    assert cache is not None
    cache.put("ab12", ["kept"])
    assert cache.get_many(["ab12"]) == {"ab12": ["kept"]}
    cache.close()
    [moved] = [p for p in tmp_path.iterdir() if p.name.startswith(CACHE_FILE + ".damaged-")]
    assert moved.read_bytes().startswith(b"this is not an SQLite database")
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "was damaged" in err[0] and moved.name in err[0] and "starting a new one" in err[0]
    again = open_cache(tmp_path, "v1")  # the next run: the new cache, silently
    assert again.get_many(["ab12"]) == {"ab12": ["kept"]} and capsys.readouterr().err == ""
    again.close()


def test_a_cache_found_damaged_during_a_run_is_set_aside_on_close(tmp_path, capsys):
    cache = ResultCache(tmp_path, "v1")
    cache.put("ab12", ["value"])
    real = cache._db

    class Broken:  # what a page damaged under a running batch gives
        def execute(self, *args):
            raise sqlite3.DatabaseError("database disk image is malformed")

        def close(self):
            real.close()

    cache._db = Broken()
    assert cache.get_many(["ab12"]) == {}
    cache.put("cd34", ["ignored"])  # no second message, no error
    cache.close()
    assert "is damaged" in capsys.readouterr().err
    assert not (tmp_path / CACHE_FILE).exists()
    assert any(p.name.startswith(CACHE_FILE + ".damaged-") for p in tmp_path.iterdir())
