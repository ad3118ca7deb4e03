#!/usr/bin/env python3
"""Score caselit's ``outcome`` field on MACCROBAT, whose own gold (built by the corpus folder's
build_gold.py) has no outcome.

usage: python scripts/maccrobat_outcome.py PRED.jsonl [--shared ../shared] [--labels FILE] [--errors]

The MACCROBAT annotators (brat files in ``external/maccrobat/ann``) marked ``Outcome`` spans
("died", "passed away", "recovered", "doing well", ...) and ``Clinical_event`` spans
("discharged", "died", ...). This script maps them onto our outcome classes
(shared/eval/ANNOTATION.md), one value per document:

- a death: an ``Outcome`` span that names a death (died, passed away, expired, death, succumbed,
  lethal, deceased) or a ``Clinical_event`` "died", not marked ``POLARITY NEG`` -> "died" (death
  ends the story, whatever comes after it in the text);
- else an ``Outcome`` span of improvement (recovered, full recovery, asymptomatic, resolution,
  doing well, felt well, excellent result, returned, survived) -> "recovered" in a non-cancer
  report, "no evidence of disease" in a cancer report;
- else a ``Clinical_event`` of discharge (discharged, discharge, allowed out of hospital) ->
  "recovered" in a non-cancer report; a cancer report's discharge alone says nothing of the
  contract's statuses (no value, the document is not scored);
- a document with none of these spans is not scored.

A report counts as a cancer report when one of its ``Disease_disorder`` spans names a
malignancy (carcinoma, lymphoma, sarcoma, HCC, ...) not marked as negated. Both rules are crude (a
relative's death, a cancer of the differential diagnosis): ``--labels`` reads a JSONL file of
hand-checked values, ``{"doc": "123.txt", "outcome": "recovered" | null, "note": "..."}``,
which replace the mapped value and add documents that have no such span (a hand-checked
``null`` is scored: a value predicted there is a false positive; ``"skip"`` takes a document
whose status is a judgement call out of the score). Keep such a file outside
the repository (the texts are not ours to copy).

Prints precision, recall and F1 over the scored documents (a value is right when it equals
the gold value; a predicted value where the gold is null is a false positive), for the mapped
documents, the hand-checked ones and both.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

DEATH = re.compile(r"\b(?:died|dies|passed\s+away|expired|death|succumbed|lethal|deceased|demise)\b", re.IGNORECASE)
DISCHARGE = re.compile(r"\bdischarg|\ballowed\s+out\b", re.IGNORECASE)
# Malignancies among Disease_disorder spans (a benign "tumor" alone does not count).
CANCER = re.compile(
    r"cancer|carcinoma|lymphoma|sarcoma|melanoma|leuka?emia|myeloma|malignan|metasta|blastoma|"
    r"mesothelioma|germinoma|seminoma|carcinomatosis", re.IGNORECASE)
# Their common abbreviations, upper case only.
CANCER_ABBREVIATION = re.compile(r"\b(?:HCC|NSCLC|SCLC|RCC|GIST|LCNEC|SCC|DLBCL|AML|CLL|CML|MCL)\b")


def read_brat(path: Path) -> tuple[dict[str, tuple[str, int, str]], dict[str, set[str]]]:
    """Text-bound annotations ``{id: (label, start, text)}`` and attributes ``{id: {"POLARITY=NEG", ...}}``."""
    spans, attributes = {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 3:
            label, *offsets = parts[1].split(" ")
            spans[parts[0]] = (label, int(offsets[0]), parts[2])
        elif parts[0].startswith("A") and len(parts) >= 2:
            fields = parts[1].split()
            if len(fields) >= 3:
                attributes.setdefault(fields[1], set()).add(f"{fields[0]}={fields[2]}")
    return spans, attributes


def mapped_outcome(spans, attributes) -> str | None:
    """The outcome class the corpus's own spans give a document (see the module docstring)."""
    def negated(key: str) -> bool:
        return any(a.startswith("POLARITY=") and a.endswith("NEG") for a in attributes.get(key, ()))

    cancer = any(label == "Disease_disorder" and (CANCER.search(text) or CANCER_ABBREVIATION.search(text)) and not negated(key)
                 for key, (label, _, text) in spans.items())
    death = improvement = discharge = False
    for key, (label, _, text) in spans.items():
        if negated(key):
            continue
        if label == "Outcome":
            if DEATH.search(text):
                death = True
            else:
                improvement = True
        elif label == "Clinical_event":
            if re.fullmatch(r"died|death", text.strip(), re.IGNORECASE):
                death = True
            elif DISCHARGE.search(text):
                discharge = True
    if death:
        return "died"
    if improvement:
        return "no evidence of disease" if cancer else "recovered"
    if discharge and not cancer:
        return "recovered"
    return None


def predictions(path: Path) -> dict[str, str | None]:
    """The first case's outcome of each document (MACCROBAT reports one patient each)."""
    found: dict[str, str | None] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                found.setdefault(row["doc"], row.get("outcome"))
    return found


def score(gold: dict[str, str | None], pred: dict[str, str | None]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for doc, expected in gold.items():
        got = pred.get(doc)
        if got is not None and got == expected:
            tp += 1
        else:
            fp += got is not None
            fn += expected is not None
    return tp, fp, fn


def line(name: str, counts: tuple[int, int, int], documents: int) -> str:
    tp, fp, fn = counts
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{name:<12} docs {documents:>4}  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  tp {tp} fp {fp} fn {fn}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pred", type=Path)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--labels", type=Path, help="JSONL of hand-checked values (kept outside the repository)")
    parser.add_argument("--errors", action="store_true", help="list the documents scored wrong")
    args = parser.parse_args(argv)
    corpus = args.shared / "external" / "maccrobat"
    mapped = {}
    for path in sorted((corpus / "ann").glob("*.ann")):
        value = mapped_outcome(*read_brat(path))
        if value is not None:
            mapped[path.stem + ".txt"] = value
    hand = {}
    if args.labels:
        for text in args.labels.read_text(encoding="utf-8").splitlines():
            if text.strip():
                row = json.loads(text)
                hand[row["doc"]] = row.get("outcome")
    skipped = {doc for doc, value in hand.items() if value == "skip"}
    mapped = {doc: value for doc, value in mapped.items() if doc not in skipped}
    hand = {doc: value for doc, value in hand.items() if doc not in skipped}
    pred = predictions(args.pred)
    both = {**mapped, **hand}
    print(line("mapped", score({d: v for d, v in mapped.items() if d not in hand}, pred), len(set(mapped) - set(hand))))
    if hand:
        print(line("hand", score(hand, pred), len(hand)))
        print(line("all", score(both, pred), len(both)))
    if args.errors:
        for doc, expected in sorted(both.items()):
            if pred.get(doc) != expected:
                print(f"  {doc}: expected {expected} | predicted {pred.get(doc)}"
                      f"{' (hand)' if doc in hand else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
