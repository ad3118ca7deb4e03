#!/usr/bin/env python3
"""Extract and score every development set in one go, with a held-out third kept apart.

usage: python scripts/score_all.py [--shared ../shared] [--out out/eval] [--sets dev,fulltext,...]
                                   [--errors SET] [--heldout-errors]

For ``fulltext`` and ``onc2`` every third file by name (the 3rd, 6th, ...) is set aside:
its score is printed as ``fulltext-heldout`` / ``onc2-heldout`` and its errors are never
printed unless ``--heldout-errors`` is given (meant for the very end of a piece of work).
The sets themselves stay in the shared folder; nothing of them is copied here.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

SPLIT_SETS = ("fulltext", "onc2")


def heldout(names: list[str]) -> set[str]:
    """Every third name in sorted order (the 3rd, 6th, ...)."""
    return {name for index, name in enumerate(sorted(names)) if index % 3 == 2}


def run(command: list[str]) -> str:
    return subprocess.run(command, check=False, capture_output=True, text=True).stdout


def extract(caselit: str, folder: Path, pred: Path) -> None:
    """Extract ``folder`` into ``pred``; a run that fails leaves no stale output to score."""
    pred.unlink(missing_ok=True)
    done = subprocess.run([caselit, "extract", str(folder), "-o", str(pred), "-q", "--no-cache"],
                          check=False, capture_output=True, text=True)
    if not pred.exists():
        sys.exit(f"score_all: extracting {folder} failed (exit {done.returncode}):\n{done.stderr[-2000:]}")


def write_subset(gold: Path, keep: set[str], target: Path) -> None:
    with gold.open(encoding="utf-8") as source, target.open("w", encoding="utf-8") as out:
        for line in source:
            if line.strip() and json.loads(line)["doc"] in keep:
                out.write(line)


def micro(table: str) -> str:
    for line in table.splitlines():
        if line.startswith("ALL"):
            return line.split()[-4]
    return "?"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--out", default="out/eval")
    parser.add_argument("--sets", default="dev,fulltext,onc2,maccrobat")
    parser.add_argument("--errors", action="append", default=[], help="print the errors of this set")
    parser.add_argument("--heldout-errors", action="store_true")
    parser.add_argument("--quiet", action="store_true", help="print only the summary line")
    args = parser.parse_args(argv)
    shared, out = Path(args.shared), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    caselit = str(Path(sys.executable).with_name("caselit"))
    summary = []
    for name in args.sets.split(","):
        if name == "maccrobat":
            folder = shared / "external" / "maccrobat" / "texts"
            pred = out / "maccrobat.jsonl"
            extract(caselit, folder, pred)
            command = [sys.executable, str(shared / "external" / "maccrobat" / "score.py"), str(pred)]
            if name in args.errors:
                command.append("--errors")
            table = run(command)
            if not args.quiet:
                print(f"== {name}\n{table}")
            summary.append((name, micro(table)))
            continue
        folder, gold = shared / "eval" / name, shared / "eval" / f"{name}-gold.jsonl"
        pred = out / f"{name}.jsonl"
        extract(caselit, folder, pred)
        docs = [json.loads(line)["doc"] for line in gold.open(encoding="utf-8") if line.strip()]
        parts = [(name, set(docs))]
        if name in SPLIT_SETS:
            aside = heldout([p.name for p in folder.iterdir() if p.is_file()])
            parts = [(name, set(docs) - aside), (f"{name}-heldout", aside)]
        for label, keep in parts:
            subset = out / f"{label}-gold.jsonl"
            write_subset(gold, keep, subset)
            show = label in args.errors and (not label.endswith("heldout") or args.heldout_errors)
            command = [caselit, "evaluate", str(subset), str(pred)] + (["--errors"] if show else [])
            table = run(command)
            if not args.quiet:
                print(f"== {label}\n{table}")
            summary.append((label, micro(table)))
    print("  ".join(f"{label} {score}" for label, score in summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
