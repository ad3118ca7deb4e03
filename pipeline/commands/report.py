"""caselit report CASES.jsonl [INPUT...] -o review.html: the review page of an earlier run."""
from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.commands.common import EXIT_STATUS_HELP, FAILED, OK, error


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "report",
        help="write the HTML review page of an earlier run's JSONL",
        description="Write one self-contained HTML page (opens from disk, no network) from the cases "
        "of an earlier 'caselit extract -o CASES.jsonl': a table with one row per patient, each value "
        "linked to its sentence; each report's text with its findings marked (left-out ones struck "
        "through, with the reason); each patient's time line of lab values and treatments. Name the "
        "report files or folders read by the extraction to mark the findings in the full texts; "
        "without them the page shows the sentences that hold findings.",
        epilog=EXIT_STATUS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("cases", metavar="CASES.jsonl", help="the cases of an earlier run (caselit extract -o x.jsonl)")
    parser.add_argument("inputs", nargs="*", metavar="INPUT", help="the report files or folders that run read")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.html", help="the page to write")
    parser.add_argument("--no-plots", action="store_true", help="leave out the time-line plots (faster)")
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="draw the plots in N processes (0: one per CPU; default 1)")
    return parser


def run(args) -> int:
    import os

    from pipeline.export.html import ReportTexts, no_plot, write_html
    from pipeline.export.records import RecordError, read_cases
    from pipeline.export.writers import atomic_output

    output, source = Path(args.output), Path(args.cases)
    if output.suffix.lower() not in (".html", ".htm"):
        error(f"cannot write {output}: -o takes a file ending in .html")
        return FAILED
    if not source.is_file():
        error(f"cannot read {source}: no such file")
        return FAILED
    texts = None
    missing = [path for path in args.inputs if not Path(path).exists()]
    for path in missing:
        error(f"skipped {path}: no such file or folder")
    if [p for p in args.inputs if p not in missing]:
        texts = ReportTexts([p for p in args.inputs if p not in missing])
    elif not args.inputs:
        error("no report files given: the page shows the sentences that hold findings "
              "(name the reports' files or folders after CASES.jsonl to mark the full texts)")
    if args.jobs < 0:
        error("--jobs must be 0 (one per CPU) or more")
        return FAILED
    jobs = args.jobs or os.cpu_count() or 1
    plot = no_plot if args.no_plots else None
    output.parent.mkdir(parents=True, exist_ok=True)
    try:
        with atomic_output(output) as handle:
            write_html(read_cases(source), handle, texts, plot=plot, title=f"caselit review · {source.stem}", jobs=jobs)
    except RecordError as failure:
        error(f"cannot read {failure}; {output} was not written")
        return FAILED
    except OSError as failure:
        error(f"cannot write {output}: {failure.strerror or failure}")
        return FAILED
    return OK
