"""The drug lexicon read back from the build cache is the lexicon parsed from its files."""
import pytest

from pipeline import disk_cache
from pipeline.nlp.drugs import lexicon as lexicon_module
from pipeline.nlp.drugs.lexicon import FILES, NOT_DRUGS, SUBSTANCES, CachedIndex, Lexicon, load_lexicon, parse_lexicon


@pytest.fixture
def cache(tmp_path):
    disk_cache.configure(tmp_path)
    load_lexicon.cache_clear()
    yield tmp_path / disk_cache.FOLDER / "drugs"
    disk_cache.configure()
    load_lexicon.cache_clear()


def parsed() -> Lexicon:
    return Lexicon(*parse_lexicon(FILES, NOT_DRUGS, SUBSTANCES))


def assert_same(lexicon: Lexicon, expected: Lexicon) -> None:
    assert set(vars(lexicon)) == set(vars(expected))  # Lexicon.from_index sets what __init__ sets
    assert lexicon.size == expected.size
    assert lexicon.first_pieces == expected.first_pieces
    assert lexicon.known_words == expected.known_words
    assert lexicon.generics == expected.generics
    assert len(lexicon.by_first) == len(expected.by_first)
    for first, value in expected.by_first.items():
        assert lexicon.by_first[first] == value, first
    assert lexicon.by_first.get("no-such-piece", ((), {})) == ((), {})


def test_the_cached_lexicon_is_the_parsed_one(cache):
    expected = parsed()
    assert_same(load_lexicon(), expected)  # a miss: parsed, then stored
    assert len(list(cache.glob("*/*.json"))) == 1
    load_lexicon.cache_clear()
    cached = load_lexicon()  # a hit
    assert isinstance(cached.by_first, CachedIndex)
    assert_same(cached, expected)


def test_a_damaged_entry_is_parsed_again(cache, monkeypatch):
    load_lexicon()
    (path,) = cache.glob("*/*.json")
    data = path.read_bytes()
    path.write_bytes(data[:-100] + b"x" * 100)  # the hash no longer fits
    load_lexicon.cache_clear()
    calls = []
    original = lexicon_module.parse_lexicon
    monkeypatch.setattr(lexicon_module, "parse_lexicon", lambda *a: calls.append(a) or original(*a))
    assert_same(load_lexicon(), parsed())
    assert calls and path.read_bytes() == data  # parsed again and stored again


def test_an_edited_lexicon_file_is_a_new_entry(cache, tmp_path, monkeypatch):
    load_lexicon()
    models = tmp_path / "models"
    from shutil import copytree

    from pipeline.resources import models_dir

    copytree(models_dir() / "drugs", models / "drugs")
    with (models / "drugs" / "curated.tsv").open("a", encoding="utf-8") as handle:
        handle.write("zorbaplatin\tzorbaplatin\t\t\n")
    monkeypatch.setenv("CASELIT_MODELS", str(models))
    load_lexicon.cache_clear()
    lexicon = load_lexicon()
    assert "zorbaplatin" in lexicon.first_pieces
    assert len(list(cache.glob("*/*.json"))) == 2
