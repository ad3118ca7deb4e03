"""The ``caselit`` command (also ``python -m pipeline``)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline import __version__

EPILOG = """\
exit status: 0 when every input was read, 1 when some inputs were skipped (the table still
holds all the others), 2 when nothing could be done (bad arguments, unwritable output).
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caselit",
        description="Turn published case reports into a literature-review table, one row per patient.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"caselit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    extract = commands.add_parser(
        "extract",
        help="read case reports and write the per-patient table",
        description="Read case reports (files or folders, searched recursively; .txt, .md, .html, .htm) "
        "and write one row per patient. The output format follows OUT's extension: "
        ".xlsx, .csv, .jsonl or .parquet.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("inputs", nargs="+", metavar="INPUT", help="report files or folders")
    extract.add_argument("-o", "--output", required=True, metavar="OUT", help="table to write (.xlsx, .csv, .jsonl, .parquet)")
    extract.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    return parser


def _extract(args) -> int:
    from pipeline.api import extract
    from pipeline.export import SUPPORTED_FORMATS, write_table

    output = Path(args.output)
    if output.suffix.lower() not in SUPPORTED_FORMATS:
        print(f"caselit: cannot write {output}: unknown format {output.suffix or '(none)'}; "
              f"use one of {', '.join(SUPPORTED_FORMATS)}", file=sys.stderr)
        return 2
    missing = [p for p in args.inputs if not Path(p).exists()]
    for path in missing:
        print(f"caselit: skipped {path}: no such file or folder", file=sys.stderr)
    failures = len(missing)

    def report_error(path: Path, reason: str) -> None:
        nonlocal failures
        failures += 1
        print(f"caselit: skipped {path}: {reason}", file=sys.stderr)

    cases = list(extract([p for p in args.inputs if Path(p).exists()], on_error=report_error))
    try:
        write_table(cases, output)
    except OSError as error:
        print(f"caselit: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return 2
    if not args.quiet:
        reports = len({c.doc for c in cases})
        print(f"caselit: {len(cases)} case(s) from {reports} report(s) written to {output}"
              + (f"; {failures} input(s) skipped" if failures else ""), file=sys.stderr)
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "extract":
        return _extract(args)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
