#!/usr/bin/env python3
"""Which texts of a folder are the same article as a document of the development sets.

usage: python scripts/overlap_check.py FOLDER [FOLDER ...] [--shared ../shared] [--min-share 0.2]
                                      [--against EARLIER_FOLDER ...]

A fresh batch of reports, gathered to measure caselit on text no rule was written for, is worth
nothing where it repeats a development document: the same article printed on another site (a
publisher's page, PubMed, a repository, an aggregator) has another file name, URL and page
furniture, so a check by name or address misses it. Its words do not change: every text is cut
into runs of eight words (shingles; a development document's all of them, a batch text's every
third one, which aligns whatever furniture shifts the words), and a text sharing at least
``--min-share`` of its shingles with a development document is listed with that document,
``HELD-OUT`` marking the set-aside thirds of ``fulltext`` and ``onc2`` (``score_all.heldout``),
whose errors nobody may read. Exit status 1 when any text repeats a held-out document.

``--against`` adds folders of earlier batches (and MACCROBAT's ``texts/``) to what is compared: a
report already labelled and read in an earlier round is not fresh either, whatever its name.

    >>> sorted(shingles("one two three four five six seven eight nine ten"))[:1]
    ['one two three four five six seven eight']
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_all import SPLIT_SETS, heldout  # noqa: E402

WIDTH = 8  # words a shingle: long enough that two reports share one only by quoting each other
STEP = 3  # every third shingle of a batch text: the same article still shares hundreds
SETS = ("dev", "fulltext", "onc2")


def shingles(text: str, step: int = STEP) -> set[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {" ".join(words[i:i + WIDTH]) for i in range(0, max(0, len(words) - WIDTH + 1), step)}


def development_index(shared: Path) -> dict[str, set[str]]:
    """{shingle: the development documents holding it, as "set/name" (held-out ones marked)}."""
    index: dict[str, set[str]] = defaultdict(set)
    for name in SETS:
        folder = shared / "eval" / name
        if not folder.is_dir():
            continue
        files = sorted(p.name for p in folder.iterdir() if p.is_file())
        set_aside = heldout(files) if name in SPLIT_SETS else set()
        for file in files:
            label = f"{name}/{file}" + (" HELD-OUT" if file in set_aside else "")
            for shingle in shingles((folder / file).read_text(encoding="utf-8", errors="replace"), step=1):
                index[shingle].add(label)
    return index


def add_folder(index: dict[str, set[str]], folder: Path) -> None:
    """Every text under `folder` (an earlier batch), labelled by its path, into `index`."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        label = f"earlier {path}"
        for shingle in shingles(path.read_text(encoding="utf-8", errors="replace"), step=1):
            index[shingle].add(label)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--min-share", type=float, default=0.2)
    parser.add_argument("--against", type=Path, action="append", default=[],
                        help="a folder of earlier batches' texts to compare with too (repeatable)")
    args = parser.parse_args(argv)
    index = development_index(args.shared)
    for folder in args.against:
        add_folder(index, folder)
    if not index:
        sys.exit(f"overlap_check: no development set under {args.shared / 'eval'}")
    repeats = held_out = 0
    for folder in args.folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            own = shingles(path.read_text(encoding="utf-8", errors="replace"))
            if not own:
                continue
            shared = Counter(label for shingle in own for label in index.get(shingle, ()))
            for label, count in shared.most_common(1):
                if count / len(own) >= args.min_share:
                    repeats += 1
                    held_out += label.endswith("HELD-OUT")
                    print(f"{path}: {count}/{len(own)} shingles of {label}")
    print(f"{repeats} text(s) repeat a development document or an earlier text, {held_out} of them a held-out one")
    return 1 if held_out else 0


if __name__ == "__main__":
    sys.exit(main())
