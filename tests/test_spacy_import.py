"""The caselit command imports spaCy without spaCy's own CLI (pipeline/spacy_import.py).

Each check runs in a fresh interpreter: this test process has imported spaCy long ago.
"""
import subprocess
import sys
import textwrap

import pytest


def run(code: str, *paths) -> str:
    env_path = ":".join(str(p) for p in paths)
    prelude = f"import sys; sys.path[:0] = {env_path.split(':') if paths else []!r}\n"
    done = subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_spacy_without_its_cli_and_everything_still_reachable():
    out = run("""
        from pipeline.spacy_import import defer_spacy_cli
        assert defer_spacy_cli()
        import spacy
        loaded = sorted(m for m in ("typer", "click", "weasel", "spacy.cli") if m in sys.modules)
        print("loaded", loaded)
        nlp = spacy.blank("en")
        print("words", [t.text for t in nlp("A woman presented.")][:2])
        print("cli", callable(spacy.cli.info), "typer" in sys.modules)
        from spacy.cli.info import info
        print("same", info is spacy.cli.info)
        print("second call", defer_spacy_cli())
    """)
    assert "loaded []" in out
    assert "words ['A', 'woman']" in out
    assert "cli True True" in out  # spacy.cli on first use, as explosion/spaCy#13721 does it
    assert "same True" in out
    assert "second call False" in out  # spaCy already imported: nothing to do


def test_spacy_info_still_works_when_called():
    out = run("""
        from pipeline.spacy_import import defer_spacy_cli
        defer_spacy_cli()
        import spacy
        print(spacy.__version__ in spacy.info().values())
    """)
    assert out.endswith("True")


def fake_package(root, init_line: str):
    package = root / "fakepkg"
    (package / "cli").mkdir(parents=True)
    (package / "__init__.py").write_text(f"{init_line}  # noqa\nready = True\n")
    (package / "cli" / "__init__.py").write_text("import fakepkg.cli.heavy\nfrom fakepkg.cli import info\n")
    (package / "cli" / "heavy.py").write_text("import sys\nsys.modules['fakepkg'].heavy_loaded = True\n")
    (package / "cli" / "info.py").write_text("def info():\n    return 'real'\ndef other():\n    return 'other'\n")
    return root


@pytest.mark.parametrize("line, expect", [
    # the line the deferral knows: the heavy subpackage is not run at import
    ("from .cli.info import info", "ready True heavy False info stand-in"),
    # an __init__ wanting more than the stand-in offers is simply run again as it is
    ("from .cli.info import info, other", "ready True heavy True info real"),
])
def test_deferral_on_a_package_of_the_same_shape(tmp_path, line, expect):
    out = run("""
        from pipeline.spacy_import import defer_import
        defer_import("fakepkg", "from .cli.info import info", "cli.info", info=lambda: "stand-in")
        import fakepkg
        print("ready", fakepkg.ready, "heavy", getattr(fakepkg, "heavy_loaded", False),
              "info", fakepkg.info())
        print("after", fakepkg.cli.info.info(), getattr(fakepkg, "heavy_loaded", False))
    """, fake_package(tmp_path, line))
    assert out.splitlines()[0] == expect
    assert out.splitlines()[1] == "after real True"  # the real subpackage on first use


def test_a_package_without_the_line_is_imported_untouched(tmp_path):
    out = run("""
        from pipeline.spacy_import import defer_import
        defer_import("fakepkg", "from .cli.info import info", "cli.info", info=lambda: "stand-in")
        import fakepkg
        print(type(fakepkg.__spec__.loader).__name__, fakepkg.info())
    """, fake_package(tmp_path, "from .cli.info import other as info"))
    assert out == "SourceFileLoader other"
