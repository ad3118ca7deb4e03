"""The build cache (pipeline.disk_cache) and its compiled patterns (pipeline.regex_cache): a
hit gives the pattern re.compile gives, changed content is a miss, and a damaged file or a
folder that cannot be written never breaks a run."""
import hashlib
import os
import re

import pytest

from pipeline import disk_cache, regex_cache

# a pattern long enough to be cached, with groups, names and flags set inside it
NAMES = "|".join(f"drug{n}(?:ib|ab)?" for n in range(60))
PATTERN = rf"(?P<before>\b(?:given|received)\s+)?(?P<name>{NAMES})(?i:\s+(?P<dose>\d+)\s*mg)?"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    # PATTERN is long enough for an entry of its own (the real threshold is for megabytes)
    monkeypatch.setattr(regex_cache, "OWN_FILE_LENGTH", 200)
    disk_cache.configure(tmp_path)
    yield tmp_path / disk_cache.FOLDER / regex_cache.KIND
    disk_cache.configure()


def entries(folder):
    return sorted(folder.glob("*/*" + regex_cache.SUFFIX))


def same_pattern(compiled, expected):
    assert compiled == expected  # flags, codes and pattern text
    assert compiled.groupindex == expected.groupindex and compiled.groups == expected.groups


def test_a_miss_writes_an_entry_and_a_hit_reads_the_same_pattern(cache, monkeypatch):
    expected = re.compile(PATTERN, re.IGNORECASE | re.MULTILINE)
    first = regex_cache.compile(PATTERN, re.IGNORECASE | re.MULTILINE)
    same_pattern(first, expected)
    assert len(entries(cache)) == 1

    def no_compiling(*args, **kwargs):
        raise AssertionError("a hit must not compile the pattern")

    monkeypatch.setattr(regex_cache.re, "compile", no_compiling)
    second = regex_cache.compile(PATTERN, re.IGNORECASE | re.MULTILINE)
    same_pattern(second, expected)
    text = "She received drug12ab 40 MG, then drug7."
    assert [m.groupdict() for m in second.finditer(text)] == [m.groupdict() for m in expected.finditer(text)]


def test_a_miss_parses_the_pattern_once(cache, monkeypatch):
    assert regex_cache._faithful()  # the probe, checked once per process, before counting
    expected = re.compile(PATTERN + "x?", re.IGNORECASE)
    parsed = []
    parse = regex_cache._parser.parse

    def counting(pattern, *args, **kwargs):
        parsed.append(pattern)
        return parse(pattern, *args, **kwargs)

    monkeypatch.setattr(regex_cache._parser, "parse", counting)
    same_pattern(regex_cache.compile(PATTERN + "x?", re.IGNORECASE), expected)
    assert parsed.count(PATTERN + "x?") == 1 and len(entries(cache)) == 1


def test_a_python_whose_re_differs_from_the_probe_stores_nothing(cache, monkeypatch):
    monkeypatch.setattr(regex_cache, "_FAITHFUL", [False])
    same_pattern(regex_cache.compile(PATTERN, re.IGNORECASE), re.compile(PATTERN, re.IGNORECASE))
    assert entries(cache) == []


def test_changed_content_or_flags_is_a_miss(cache):
    regex_cache.compile(PATTERN)
    regex_cache.compile(PATTERN + "s?")
    regex_cache.compile(PATTERN, re.IGNORECASE)
    assert len(entries(cache)) == 3
    assert regex_cache.compile(PATTERN + "s?").pattern == PATTERN + "s?"


@pytest.mark.parametrize("damage", ["truncated", "garbage", "codes changed", "other key", "empty"])
def test_a_damaged_entry_falls_back_to_re_compile(cache, damage):
    expected = regex_cache.compile(PATTERN, re.IGNORECASE)
    (path,) = entries(cache)
    data = path.read_bytes()
    header, _, codes = data.partition(b"\n")
    damaged = {
        "truncated": data[: len(data) // 2],
        "garbage": os.urandom(len(data)),
        # a code changed and the hash made to fit: the engine's own check refuses it
        "codes changed": _with_codes(header, codes[:8] + b"\xff\xff\xff\x7f" + codes[12:]),
        "other key": header.replace(b'"key": "', b'"key": "0') + b"\n" + codes,
        "empty": b"",
    }[damage]
    path.write_bytes(damaged)
    same_pattern(regex_cache.compile(PATTERN, re.IGNORECASE), expected)


def _with_codes(header: bytes, codes: bytes) -> bytes:
    import hashlib
    import json

    fields = json.loads(header)
    fields["sha256"] = hashlib.sha256(codes).hexdigest()
    return json.dumps(fields).encode() + b"\n" + codes


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes to read-only folders")
def test_an_unwritable_folder_works_without_a_cache(tmp_path):
    tmp_path.chmod(0o500)
    try:
        disk_cache.configure(tmp_path)
        same_pattern(regex_cache.compile(PATTERN), re.compile(PATTERN))
        assert not (tmp_path / disk_cache.FOLDER).exists()
    finally:
        disk_cache.configure()
        tmp_path.chmod(0o700)


def test_a_folder_that_is_a_file_works_without_a_cache(tmp_path):
    # what a read-only disk does to root too: the folder cannot be made
    (tmp_path / disk_cache.FOLDER).write_text("not a folder")
    disk_cache.configure(tmp_path)
    try:
        same_pattern(regex_cache.compile(PATTERN), re.compile(PATTERN))
        same_pattern(regex_cache.compile(PATTERN + "x"), re.compile(PATTERN + "x"))
    finally:
        disk_cache.configure()


def test_disabled_short_and_bytes_patterns_are_not_cached(cache):
    regex_cache.compile("short")
    regex_cache.compile(PATTERN.encode())
    disk_cache.configure(cache.parents[1], enabled=False)
    regex_cache.compile(PATTERN)
    assert entries(cache) == []


def test_invalid_patterns_raise_as_re_compile_does(cache):
    with pytest.raises(re.error):
        regex_cache.compile("(" + PATTERN)


def test_the_cache_folder_follows_caselit_cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CASELIT_CACHE_DIR", str(tmp_path))
    disk_cache.configure()
    assert disk_cache.cache_folder() == tmp_path / disk_cache.FOLDER


def test_a_cached_value_is_built_once_and_rebuilt_when_its_entry_is_damaged(cache):
    built = []

    def build():
        built.append(1)
        return {"cisplatin": ("cisplatin",)}

    def encode(value):
        return {k: list(v) for k, v in value.items()}

    def decode(stored):
        return {k: tuple(v) for k, v in stored.items()}

    key = disk_cache.digest("drugs", "v1")
    for _ in range(2):
        assert disk_cache.cached("drugs", key, build, encode, decode) == {"cisplatin": ("cisplatin",)}
    assert len(built) == 1
    (path,) = (cache.parent / "drugs").glob("*/*.json")
    # an entry whose hash fits but whose value decode refuses: built again, and rewritten
    body = b"[1, 2]"
    path.write_bytes(b'{"key": "%s", "sha256": "%s"}\n' % (key.encode(), hashlib.sha256(body).hexdigest().encode()) + body)
    assert disk_cache.cached("drugs", key, build, encode, decode) == build()
    assert len(built) == 3
    # changed bytes: the hash no longer fits
    path.write_bytes(path.read_bytes().replace(b"cisplatin", b"carboplat"))
    assert disk_cache.cached("drugs", key, build, encode, decode) == {"cisplatin": ("cisplatin",)}
    assert len(built) == 4
    assert disk_cache.cached("drugs", disk_cache.digest("drugs", "v2"), build, encode, decode)
    assert len(built) == 5


def test_keys_of_different_parts_differ():
    assert disk_cache.digest("ab", "c") != disk_cache.digest("a", "bc")


def test_a_data_key_follows_the_data_files_the_code_and_the_options(tmp_path, monkeypatch):
    monkeypatch.setenv("CASELIT_MODELS", str(tmp_path))
    (tmp_path / "words.tsv").write_text("# a lexicon\nterm\nfever\n", encoding="utf-8")
    reader = tmp_path / "reader.py"
    reader.write_text("READ = 1\n", encoding="utf-8")
    key = disk_cache.data_key(["words.tsv"], reader, "option=1")
    assert disk_cache.data_key(["words.tsv"], reader, "option=1") == key  # the same in every process
    assert disk_cache.data_key(["words.tsv"], reader, "option=2") != key
    (tmp_path / "words.tsv").write_text("# a lexicon\nterm\nfever\nchills\n", encoding="utf-8")
    edited = disk_cache.data_key(["words.tsv"], reader, "option=1")
    reader.write_text("READ = 2\n", encoding="utf-8")
    assert len({key, edited, disk_cache.data_key(["words.tsv"], reader, "option=1")}) == 3


# Short patterns: one bundle entry for all of them, written by regex_cache.save().
SHORT = [(r"\b(?P<n>\d{1,3})\s*(?:years?|yrs?)\b", re.IGNORECASE), (r"(?<![\w-])N[0-3]\b", 0), (r"\bno\s+evidence\b", 0)]


def bundles(folder):
    return sorted(folder.glob("*/*" + regex_cache.BUNDLE_SUFFIX))


def new_process(monkeypatch):
    """What a new process starts from: no bundle read yet."""
    monkeypatch.setattr(regex_cache, "_bundle", None)


def test_short_patterns_are_kept_in_one_bundle_read_by_the_next_process(cache, monkeypatch):
    new_process(monkeypatch)
    for pattern, flags in SHORT:
        same_pattern(regex_cache.compile(pattern, flags), re.compile(pattern, flags))
    assert bundles(cache) == [] and entries(cache) == []  # nothing written before save()
    regex_cache.save()
    (bundle,) = bundles(cache)
    written = bundle.read_bytes()
    regex_cache.save()  # nothing new: not written again
    assert bundle.read_bytes() == written
    new_process(monkeypatch)

    def no_parsing(*args, **kwargs):
        raise AssertionError("a hit must not parse the pattern")

    monkeypatch.setattr(regex_cache._parser, "parse", no_parsing)
    for pattern, flags in SHORT:
        same_pattern(regex_cache.compile(pattern, flags), re.compile(pattern, flags))
    regex_cache.save()
    assert bundle.read_bytes() == written


def test_a_damaged_bundle_falls_back_and_is_written_again(cache, monkeypatch):
    new_process(monkeypatch)
    for pattern, flags in SHORT:
        regex_cache.compile(pattern, flags)
    regex_cache.save()
    (bundle,) = bundles(cache)
    written = bundle.read_bytes()
    header, _, codes = written.partition(b"\n")
    for damaged in (written[:-7], _with_codes(header, codes[:8] + b"\xff\xff\xff\x7f" + codes[12:]), b"{}\n"):
        bundle.write_bytes(damaged)
        new_process(monkeypatch)
        for pattern, flags in SHORT:
            same_pattern(regex_cache.compile(pattern, flags), re.compile(pattern, flags))
        regex_cache.save()
        assert bundle.read_bytes().partition(b"\n")[2] == codes


def test_the_bundle_keeps_other_recent_patterns_and_drops_stale_ones(cache, monkeypatch):
    new_process(monkeypatch)
    regex_cache.compile(*SHORT[1])  # the shortest program
    regex_cache.save()
    new_process(monkeypatch)
    regex_cache.compile(*SHORT[0])
    regex_cache.save()  # another process, another pattern: both kept
    new_process(monkeypatch)
    assert len(regex_cache._current_bundle().held) == 2
    later = regex_cache._today() + disk_cache.STALE_AFTER_DAYS + 1
    monkeypatch.setattr(regex_cache, "_today", lambda: later)
    regex_cache.compile(*SHORT[2])
    regex_cache.save()  # the two not used for longer than STALE_AFTER_DAYS are dropped
    new_process(monkeypatch)
    assert len(regex_cache._current_bundle().held) == 1


def test_patterns_compiled_before_the_folder_is_set_are_saved_in_it(tmp_path, monkeypatch):
    new_process(monkeypatch)
    disk_cache.configure(tmp_path / "default")
    try:
        regex_cache.compile(*SHORT[0])  # at import, before --cache-dir
        disk_cache.configure(tmp_path / "chosen")
        regex_cache.compile(*SHORT[1])
        regex_cache.save()
    finally:
        disk_cache.configure()
    assert bundles(tmp_path / "default" / disk_cache.FOLDER / regex_cache.KIND) == []
    (bundle,) = bundles(tmp_path / "chosen" / disk_cache.FOLDER / regex_cache.KIND)
    new_process(monkeypatch)
    disk_cache.configure(tmp_path / "chosen")
    try:
        assert len(regex_cache._current_bundle().held) == 2
    finally:
        disk_cache.configure()


def test_the_bundle_keeps_at_most_as_many_other_codes_as_its_own(cache, monkeypatch):
    new_process(monkeypatch)
    regex_cache.compile(*SHORT[0])  # a longer program than SHORT[1]'s
    regex_cache.save()
    new_process(monkeypatch)
    regex_cache.compile(*SHORT[1])
    regex_cache.save()
    new_process(monkeypatch)
    held = regex_cache._current_bundle().held
    assert list(held) == [disk_cache.digest(regex_cache._ENGINE, str(SHORT[1][1]), SHORT[1][0])]


def test_a_second_start_of_the_pipeline_compiles_and_writes_nothing(tmp_path):
    # every pattern the components build is the same text in each process (no set's hash
    # order in it), so a start after the first finds them all and leaves the cache as it is
    import subprocess
    import sys

    def start(seed):
        env = {**os.environ, "CASELIT_CACHE_DIR": str(tmp_path), "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", "from pipeline.nlp.build import build_nlp; build_nlp()"],
                       env=env, check=True, timeout=300)
        return {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in sorted(tmp_path.rglob("*")) if path.is_file()}

    first = start("1")
    assert start("2") == first
