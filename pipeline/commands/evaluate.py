"""caselit evaluate GOLD.jsonl PRED.jsonl: how well the extraction matches a hand-made table."""
from __future__ import annotations

import argparse

from pipeline.commands.common import FAILED, OK, error


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "evaluate",
        help="score extracted cases against a gold file (per-field precision, recall, F1)",
        description="Compare PRED.jsonl (written by 'caselit extract -o PRED.jsonl') with GOLD.jsonl, "
        "one line per document: {\"doc\": FILE, \"cases\": [{field: value, ...}]}. Prints precision, "
        "recall and F1 per field and the micro-average over all fields.",
    )
    parser.add_argument("gold", metavar="GOLD.jsonl")
    parser.add_argument("predicted", metavar="PRED.jsonl")
    parser.add_argument("--errors", action="store_true", help="list every miss before the table")
    return parser


def run(args) -> int:
    from pipeline.evaluate import EvaluationError, evaluate, read_jsonl

    try:
        report = evaluate(read_jsonl(args.gold), read_jsonl(args.predicted))
    except (EvaluationError, KeyError, TypeError) as failure:
        error(f"cannot evaluate: {failure}")
        return FAILED
    if args.errors:
        for miss in report.misses:
            print(f"  {miss.doc} case {miss.case} {miss.field}: expected {miss.expected} | predicted {miss.predicted}")
    print(report.table())
    return OK
