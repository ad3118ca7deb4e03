"""caselit extract INPUT... -o OUT: reports in, the per-patient table out."""
from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.commands.common import EXIT_STATUS_HELP, FAILED, OK, SOME_FAILED, error


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "extract",
        help="read case reports and write the per-patient table",
        description="Read case reports (files or folders, searched recursively; .txt, .md, .html, .htm) "
        "and write one row per patient. The output format follows OUT's extension: "
        ".xlsx, .csv, .jsonl or .parquet.",
        epilog=EXIT_STATUS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="report files or folders")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="table to write (.xlsx, .csv, .jsonl, .parquet)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    parser.add_argument("--model", metavar="NAME_OR_PATH",
                        help="also use an installed spaCy/scispaCy NER model (e.g. en_ner_bc5cdr_md): its "
                        "CHEMICAL and DISEASE entities become drug and histology candidates")
    return parser


def run(args) -> int:
    from pipeline.api import build_nlp, extract
    from pipeline.export import SUPPORTED_FORMATS, write_table

    output = Path(args.output)
    if output.suffix.lower() not in SUPPORTED_FORMATS:
        error(f"cannot write {output}: unknown format {output.suffix or '(none)'}; use one of {', '.join(SUPPORTED_FORMATS)}")
        return FAILED
    existing = [p for p in args.inputs if Path(p).exists()]
    failures = len(args.inputs) - len(existing)
    for path in args.inputs:
        if not Path(path).exists():
            error(f"skipped {path}: no such file or folder")

    def report_error(path: Path, reason: str) -> None:
        nonlocal failures
        failures += 1
        error(f"skipped {path}: {reason}")

    try:
        nlp = build_nlp(model=args.model)
    except (OSError, ValueError) as failure:
        error(f"cannot load model {args.model}: {str(failure).splitlines()[0]}")
        return FAILED
    cases = list(extract(existing, nlp=nlp, on_error=report_error))
    try:
        write_table(cases, output)
    except (OSError, RuntimeError) as failure:
        error(f"cannot write {output}: {getattr(failure, 'strerror', None) or failure}")
        return FAILED
    if not args.quiet:
        reports = len({c.doc for c in cases})
        summary = f"{len(cases)} case(s) from {reports} report(s) written to {output}"
        error(summary + (f"; {failures} input(s) skipped" if failures else ""))
    return SOME_FAILED if failures else OK
