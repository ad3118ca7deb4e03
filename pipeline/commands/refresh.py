"""caselit refresh REVIEW INPUT...: bring a review sheet up to date without losing the
reviewer's edits."""
from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.commands.common import (
    EXIT_STATUS_HELP, FAILED, OK, SOME_FAILED, SkippedFiles, batch_pipeline, error, existing_inputs, nothing_read,
)

_CONFLICT_LINES = 20  # more go to the conflicts sheet only


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "refresh",
        help="add new reports to a review sheet and update it, keeping your edits",
        description="Update the review sheet REVIEW (.xlsx or .csv; created when missing) from report "
        "files or folders: rows for new reports are appended, cells caselit filled are updated when "
        "a report or caselit changed, cells you edited are never overwritten (a changed value "
        "caselit would have written is listed as a conflict), and rows of reports whose file is "
        "gone are flagged in 'caselit status', not deleted. Your own columns, sheets, formatting "
        "and row order are kept; the previous sheet is kept as REVIEW.bak.xlsx (.bak.csv). A second "
        "refresh of the same sheet waits for the first; a sheet saved elsewhere during a refresh is "
        "merged again, never overwritten.\n\n"
        "A sheet caselit did not create (your own, or one written by caselit extract) is adopted: "
        "the table is found (the sheet with --sheet, else the one whose header row reads best; "
        "title rows above it are fine), your headers are mapped to caselit's columns with the "
        "synonyms of models/review/headers.tsv (the mapping is printed; --map corrects it), your "
        "rows are matched to reports by DOI, PMID, PMCID, title or first author + year, and only "
        "their empty mapped cells are filled; a value of yours that caselit reads differently is "
        "listed in the conflicts sheet. Reports not in the sheet become new rows below.",
        epilog=EXIT_STATUS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("review", metavar="REVIEW", help="the review sheet (.xlsx or .csv)")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="report files or folders")
    add_batch_options(parser)
    add_engine_options(parser)
    parser.add_argument("--no-backup", action="store_true", help="do not keep the previous sheet as REVIEW.bak.*")
    parser.add_argument("--sheet", metavar="NAME", help="the sheet holding your table (default: the one whose "
                        "header row matches caselit's columns best)")
    parser.add_argument("--map", action="append", metavar="HEADER=COLUMN", dest="mapping",
                        help="read your column HEADER as caselit's COLUMN, e.g. --map \"Pathology=histology\"; "
                        "\"Ref.=\" leaves a column alone (repeat for several)")
    parser.add_argument("-n", "--dry-run", action="store_true",
                        help="print what would be added, filled and in conflict, and write nothing")
    parser.add_argument("--model", metavar="NAME_OR_PATH",
                        help="also use an installed spaCy/scispaCy NER model, as in caselit extract")
    return parser


def add_batch_options(parser: argparse.ArgumentParser) -> None:
    """--jobs, --cache-dir, --no-cache, --quiet: shared with extract."""
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="run the pipeline in N processes (0: one per CPU; default 1)")
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="where results are cached (default: $CASELIT_CACHE_DIR or the user cache folder)")
    parser.add_argument("--no-cache", action="store_true",
                        help="process every report again and do not store results")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    """--engine, --scheduler: where the reports run (the Dask cluster, see pipeline.batch.dask_engine)."""
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local: --jobs processes on this machine (default); dask: a Dask cluster, "
                        "embedded (--jobs workers, default one per CPU) or the one at --scheduler")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="run on the Dask cluster of this scheduler (tcp://HOST:8786; implies --engine dask, "
                        "which otherwise takes $DASK_SCHEDULER_ADDRESS or starts an embedded cluster); the "
                        "inputs must be at the same path on every worker")


def run(args) -> int:
    from pipeline.batch.refresh import refresh_review
    from pipeline.review.errors import ReviewError
    from pipeline.review.headers import parse_overrides

    try:
        overrides = parse_overrides(args.mapping)
    except ValueError as failure:
        error(str(failure))
        return FAILED

    existing = existing_inputs(args.inputs)
    failures = len(args.inputs) - len(existing)
    if not existing:
        error(nothing_read(args.review))
        return FAILED

    def report_error(path: Path, reason: str) -> None:
        error(f"skipped {path}: {reason}")

    review = Path(args.review)
    if review.with_name("~$" + review.name).exists():  # Excel's lock file: the sheet is open
        error(f"{review} seems open in Excel: close it first, or saving it there will undo this refresh")
    batch_pipeline(args)  # before the sheet is touched
    skipped = SkippedFiles()

    try:
        summary = refresh_review(
            args.review, existing, jobs=args.jobs,
            cache_dir=args.cache_dir, use_cache=not args.no_cache, quiet=args.quiet,
            backup=not args.no_backup, on_error=report_error, model=args.model, on_notice=error, on_skip=skipped,
            sheet=args.sheet, overrides=overrides, dry_run=args.dry_run,
            engine="dask" if args.scheduler else args.engine, scheduler=args.scheduler,
        )
    except ReviewError as failure:
        if skipped.line():
            error(skipped.line())
        error(str(failure))
        return FAILED
    except OSError as failure:
        error(f"cannot write {args.review}: {getattr(failure, 'strerror', None) or failure}")
        return FAILED
    if summary.mapping and (args.dry_run or not args.quiet):
        error(f"columns of {review.name}:")
        for line in summary.mapping:
            error("  " + line)
    for line in summary.details:
        error(line)
    for path, doc_id in summary.duplicates:
        error(f"skipped {path}: the same report ({doc_id}) as another input")
    for conflict in summary.conflicts[:_CONFLICT_LINES]:
        error(conflict.line())
    if len(summary.conflicts) > _CONFLICT_LINES:
        error(f"... and {len(summary.conflicts) - _CONFLICT_LINES} more conflicts: see the conflicts sheet")
    for name in summary.new_columns:
        if not args.quiet:
            error(f"new column {name!r} added at the right of the sheet")
    if not args.quiet and skipped.line():
        error(skipped.line())
    failures += summary.failed
    summary.failed = failures
    if args.dry_run:
        error("dry run, nothing written: " + summary.line(review.name).replace(": ", ": would be ", 1))
    elif not args.quiet or failures or summary.conflicts:
        error(summary.line(Path(args.review).name))
    return SOME_FAILED if failures else OK
