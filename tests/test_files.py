"""Writing files whole or not at all (pipeline.files), as every stage does."""
import os
import stat

import pytest

from pipeline.files import replacing, try_write_bytes, write_bytes


def leftovers(folder):
    return sorted(name for name in os.listdir(folder) if name.endswith(".part"))


def test_a_file_is_written_whole_and_its_folder_made(tmp_path):
    target = tmp_path / "a" / "b" / "entry.json"
    write_bytes(target, b'{"ok": 1}', fsync=True)
    assert target.read_bytes() == b'{"ok": 1}' and leftovers(target.parent) == []
    write_bytes(target, b"again")
    assert target.read_bytes() == b"again"


def test_a_failure_while_writing_leaves_the_old_file(tmp_path):
    target = tmp_path / "table.csv"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with replacing(target) as handle:
            handle.write(b"half of the ne")
            raise RuntimeError("the writer failed")
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_before_replace_can_still_refuse(tmp_path):
    target = tmp_path / "review.xlsx"
    target.write_bytes(b"saved in Excel meanwhile")

    def changed():
        raise OSError("changed on disk")

    with pytest.raises(OSError, match="changed on disk"):
        with replacing(target, before_replace=changed) as handle:
            handle.write(b"merged")
    assert target.read_bytes() == b"saved in Excel meanwhile" and leftovers(tmp_path) == []


def test_the_handle_names_its_temporary_file_and_the_mode_is_given(tmp_path):
    target = tmp_path / "out.jsonl"
    with replacing(target, mode=0o640) as handle:
        name = handle.name
        assert os.path.basename(name).startswith(".out.jsonl.") and name.endswith(".part")
        assert os.path.exists(name)
    assert not os.path.exists(name) and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_the_best_effort_writer_says_false_and_changes_nothing(tmp_path):
    folder = tmp_path / "a folder where the file should go"
    folder.mkdir()
    assert try_write_bytes(folder, b"data") is False
    assert folder.is_dir() and leftovers(tmp_path) == []
    assert try_write_bytes(tmp_path / "cache" / "x.bin", b"data") is True
