"""caselit plot CASES.jsonl -o DIR/: one time-line figure per patient, for a paper."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from pipeline.commands.common import EXIT_STATUS_HELP, FAILED, OK, error

FORMATS = ("png", "svg", "pdf")
_UNSAFE = re.compile(r"[^\w.-]+")


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "plot",
        help="draw each patient's time line (lab values and treatments) as PNG/SVG files",
        description="Draw the time line of every patient of an earlier 'caselit extract -o CASES.jsonl' "
        "that has dated values: white-cell count and the other labs over time, the treatments beneath "
        "(drug courses, operations, radiotherapy), dates worked out from relative times drawn hollow. "
        "One file per patient and format in DIR, named after the report and the case.",
        epilog=EXIT_STATUS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("cases", metavar="CASES.jsonl", help="the cases of an earlier run (caselit extract -o x.jsonl)")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder to write the figures to")
    parser.add_argument("--format", default="png,svg", metavar="FMT[,FMT]",
                        help=f"figure formats, comma-separated: {', '.join(FORMATS)} (default: png,svg)")
    parser.add_argument("--dpi", type=int, default=200, help="resolution of PNG figures (default 200)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    return parser


def figure_name(case) -> str:
    """'bmc-cancer-2014.txt', case 1 -> 'bmc-cancer-2014-case1' (safe on every file system).

    >>> figure_name(type("C", (), {"doc": "a b/c.txt#2", "case": 1})())
    'a_b_c-2-case1'
    """
    stem = re.sub(r"\.(txt|html?|xml|nxml|pdf|md)(?=#|$)", "", case.doc).replace("#", "-")
    return f"{_UNSAFE.sub('_', stem).strip('_') or 'report'}-case{case.case}"


def run(args) -> int:
    from pipeline.export.plots import figure_bytes, timeline_figure
    from pipeline.export.records import RecordError, read_cases
    from pipeline.export.writers import atomic_output

    formats = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        error(f"unknown figure format {', '.join(unknown) or '(none)'}: use {', '.join(FORMATS)}")
        return FAILED
    source, folder = Path(args.cases), Path(args.output)
    if not source.is_file():
        error(f"cannot read {source}: no such file")
        return FAILED
    if folder.exists() and not folder.is_dir():
        error(f"cannot write to {folder}: it is a file, not a folder")
        return FAILED
    folder.mkdir(parents=True, exist_ok=True)
    drawn = patients = 0
    try:
        for case in read_cases(source):
            patients += 1
            figure = timeline_figure(case, title=f"{case.doc} · case {case.case}")
            if figure is None:
                continue
            drawn += 1
            for fmt in formats:
                with atomic_output(folder / f"{figure_name(case)}.{fmt}") as handle:
                    handle.write(figure_bytes(figure, fmt, dpi=args.dpi))
    except RecordError as failure:
        error(f"cannot read {failure}")
        return FAILED
    except OSError as failure:
        error(f"cannot write to {folder}: {failure.strerror or failure}")
        return FAILED
    if not args.quiet:
        error(f"{drawn} time line(s) of {patients} patient(s) written to {folder} "
              f"({patients - drawn} with fewer than two dated values or treatments)")
    return OK
