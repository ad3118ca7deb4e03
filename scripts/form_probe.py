#!/usr/bin/env python3
"""The same reports in the forms real inputs arrive in: a check of caselit's robustness to the
input's form, on any labelled folder of plain texts.

usage: python scripts/form_probe.py TEXTS GOLD.jsonl [--out DIR] [--forms flat,wrap,...]

Each text of TEXTS is written again in every form below (into DIR, a temporary folder by
default), ``caselit extract`` runs on each folder, and each is scored against GOLD.jsonl beside
the unchanged texts; the cells that differ from the unchanged texts' output are counted by
field. The forms change the layout, never the words, so a well-behaved reader gives the same
table for all of them:

- flat: the page flattened to one line (a scraper that drops the line breaks);
- wrap: prose hard-wrapped at 72 columns, breaking at hyphens (a PDF's text layer saved as text;
  table rows are left whole);
- crlf: Windows line ends;
- nbsp: non-breaking spaces between words;
- double: a blank line after every line (a page copied from a browser);
- markdown: short capitalised lines written as Markdown headings ("## Discussion");
- dashes: hyphens between word characters written as Unicode hyphens (U+2010).

The texts stay where they are: nothing of them is copied into the repository.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import textwrap
from collections import Counter
from pathlib import Path

FIELDS = ("age", "sex", "primary_site", "histology", "figo_stage", "metastasis_sites",
          "wbc_values", "wbc_max", "drugs", "dates", "outcome")
WRAP_COLUMNS = 72
MAX_HEADING_WORDS = 6


def flat(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text)


def wrap(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        if "\t" in line or not line.strip():
            lines.append(line)
        else:
            lines.append("\n".join(textwrap.wrap(line, WRAP_COLUMNS, break_long_words=False, break_on_hyphens=True)))
    return "\n".join(lines)


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def nbsp(text: str) -> str:
    return re.sub(r"(?<=\w) (?=\w)", "\u00a0", text)


def double(text: str) -> str:
    return text.replace("\n", "\n\n")


def markdown(text: str) -> str:
    def heading(line: str) -> str:
        words = line.strip()
        short = 0 < len(words.split()) <= MAX_HEADING_WORDS and words[0].isupper()
        return f"## {words}" if short and "\t" not in words and not words.endswith((".", ",", ";")) else line
    return "\n".join(heading(line) for line in text.split("\n"))


def dashes(text: str) -> str:
    """Hyphens between word characters as U+2010, in the words only: the markup of an XML or HTML file
    ("article-meta", "xml:lang") is left as it is, as a publisher's file has it."""
    return MARKUP.sub(lambda m: m.group(0) if m.group(0).startswith("<") else WORD_HYPHEN.sub("\u2010", m.group(0)), text)


WORD_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
# a tag, a comment or a declaration, or the text between them
MARKUP = re.compile(r"<[^<>]*>|[^<]+|<")


FORMS = {"flat": flat, "wrap": wrap, "crlf": crlf, "nbsp": nbsp, "double": double, "markdown": markdown,
         "dashes": dashes}


def _extract(folder: Path, out: Path) -> None:
    subprocess.run([sys.executable, "-m", "pipeline", "extract", str(folder), "-o", str(out), "-q", "--no-cache"],
                   check=False)


def _score(gold: Path, predicted: Path) -> str:
    result = subprocess.run([sys.executable, "-m", "pipeline", "evaluate", str(gold), str(predicted)],
                            capture_output=True, text=True, check=False)
    lines = [line for line in result.stdout.splitlines() if line.startswith("micro-F1")]
    return lines[-1].split()[1] if lines else "?"


def _rows(path: Path) -> dict:
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rows[(row["doc"], row["case"])] = row
    return rows


def _differences(base: dict, other: dict) -> Counter:
    changed = Counter()
    for key in set(base) | set(other):
        for field in FIELDS:
            if base.get(key, {}).get(field) != other.get(key, {}).get(field):
                changed[field] += 1
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--out", type=Path, help="folder for the written forms and outputs (default: a temporary one)")
    parser.add_argument("--forms", default=",".join(FORMS), help="comma-separated forms (default: all)")
    args = parser.parse_args(argv)
    names = [name for name in args.forms.split(",") if name]
    unknown = [name for name in names if name not in FORMS]
    if unknown:
        parser.error(f"unknown form(s): {', '.join(unknown)}")
    with tempfile.TemporaryDirectory() as scratch:
        out = args.out or Path(scratch)
        out.mkdir(parents=True, exist_ok=True)
        texts = sorted(p for p in args.texts.iterdir() if p.is_file())
        base_out = out / "unchanged.jsonl"
        _extract(args.texts, base_out)
        base = _rows(base_out)
        print(f"{'form':10s} {'micro-F1':>8s}  cells that differ from the unchanged texts' output")
        print(f"{'unchanged':10s} {_score(args.gold, base_out):>8s}")
        for name in names:
            folder = out / name
            folder.mkdir(exist_ok=True)
            for path in texts:
                text = path.read_text(encoding="utf-8", errors="replace")
                (folder / path.name).write_text(FORMS[name](text), encoding="utf-8", newline="")
            predicted = out / f"{name}.jsonl"
            _extract(folder, predicted)
            changed = _differences(base, _rows(predicted))
            detail = ", ".join(f"{field} {count}" for field, count in changed.most_common()) or "none"
            print(f"{name:10s} {_score(args.gold, predicted):>8s}  {sum(changed.values())}: {detail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
