"""caselit extract INPUT... -o OUT: reports in, the per-patient table out."""
from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.commands.common import (
    EXIT_STATUS_HELP, FAILED, OK, SOME_FAILED, NothingRead, SkippedFiles, batch_pipeline, error, existing_inputs,
    nothing_read,
)
from pipeline.commands.fetch import add_source_arguments, fetch_into, wants_fetch
from pipeline.commands.refresh import add_batch_options, add_engine_options


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "extract",
        help="read case reports and write the per-patient table",
        description="Read case reports (files or folders, searched recursively: text, HTML pages, "
        "PubMed/JATS XML, PDF; or fetched with --pmid/--pmcid/--doi/--query) and write one row "
        "per patient. The output format follows OUT's extension: "
        ".xlsx, .csv, .jsonl or .parquet.",
        epilog=EXIT_STATUS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="*", metavar="INPUT", help="report files or folders")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="table to write (.xlsx, .csv, .jsonl, .parquet), or .html: the review page; "
                        "or DIR/ with --format: a dataset of one part file per task, the evidence in DIR/_evidence/")
    parser.add_argument("--format", choices=("parquet", "jsonl"),
                        help="with -o DIR/: the format of the part files (pandas.read_parquet(DIR) reads them at once)")
    add_batch_options(parser)  # --jobs, --cache-dir, --no-cache, --quiet
    add_engine_options(parser)  # --engine, --scheduler
    parser.add_argument("--publication-type", action="append", metavar="TYPE", dest="publication_types",
                        help='keep only PubMed articles of this type (e.g. "Case Reports"; repeatable); '
                        "PubMed .xml.gz baseline/update files are read article by article")
    add_source_arguments(parser, for_extract=True)  # --pmid, --pmcid, --doi, --query...
    parser.add_argument("--fetch-dir", metavar="DIR",
                        help="where fetched reports are saved (default: OUT's name + '-reports', beside OUT)")
    parser.add_argument("--model", metavar="NAME_OR_PATH",
                        help="also use an installed spaCy/scispaCy NER model (e.g. en_ner_bc5cdr_md): its "
                        "CHEMICAL and DISEASE entities become drug and histology candidates")
    return parser


def run(args) -> int:
    from pipeline.batch import iter_batch
    from pipeline.batch.articles import once_per_article
    from pipeline.export import write_table
    from pipeline.export.partitioned import folder_problem, is_folder_output
    from pipeline.export.writers import excel_rows_problem, output_problem

    output = Path(args.output)
    to_folder = args.format is not None or is_folder_output(args.output)
    # before any work: a batch must not run for nothing
    problem = folder_problem(output, args.format) if to_folder else output_problem(output)
    if problem:
        error(problem)
        return FAILED
    nlp = batch_pipeline(args)  # before any fetching
    fetched, fetch_failures = [], 0
    if wants_fetch(args):  # fetch first, then extract the saved reports with the inputs
        fetch_dir = Path(args.fetch_dir) if args.fetch_dir else output.with_name(output.stem + "-reports")
        fetched, fetch_failures = fetch_into(args, fetch_dir)
    elif not args.inputs:
        error("nothing to read: give INPUT files or folders, or --pmid/--pmcid/--doi/--query")
        return FAILED
    existing = existing_inputs(args.inputs)
    failures = len(args.inputs) - len(existing) + fetch_failures
    existing += [str(p) for p in fetched]
    if not existing:
        error(nothing_read(output))
        return FAILED
    if not to_folder and output.suffix.lower() == ".xlsx":
        problem = excel_rows_problem(existing, args.publication_types)
        if problem:
            error(problem)
            return FAILED

    def report_error(path: Path, reason: str) -> None:
        nonlocal failures
        failures += 1
        error(f"skipped {path}: {reason}")

    # Cached results are reused and every finished file is cached at once: a rerun after an
    # interruption only processes what was left. Cases stream from the runner to the writer,
    # so memory does not grow with the number of reports.
    written = {"cases": 0, "reports": 0, "files read": 0}
    skipped = SkippedFiles()

    def repeated(path: Path, first: str) -> None:  # one article, one set of rows
        if not args.quiet:
            error(f"skipped {path}: the same article as {first}")

    def results():
        batch = iter_batch(existing, jobs=args.jobs, cache_dir=args.cache_dir, use_cache=not args.no_cache,
                           quiet=args.quiet, on_error=report_error, model=args.model, nlp=nlp,
                           on_skip=skipped, engine="dask" if args.scheduler else args.engine, scheduler=args.scheduler,
                           publication_types=args.publication_types)
        # Not for a partitioned run over PubMed's files: there a later update file's record of
        # an article supersedes the baseline's, which is for its reader to apply.
        for result in batch if to_folder else once_per_article(batch, repeated):
            written["files read"] += result.error is None
            for report in result.reports:
                written["reports"] += bool(report.cases)
                written["cases"] += len(report.cases)
            yield result.cases
        if not written["files read"]:
            # Raised inside the writer: its temporary file is dropped and the table that
            # was there (a typo for a folder must not empty it) stays as it was.
            raise NothingRead()

    texts = None
    if output.suffix.lower() == ".html":  # the page marks the findings in the texts, read again
        from pipeline.export.html import ReportTexts

        texts = ReportTexts(existing)
    try:
        if to_folder:  # one part per task (a file, a PubMed baseline file)
            from pipeline.export.partitioned import write_partitioned

            write_partitioned(results(), output, args.format)
        else:
            write_table((case for cases in results() for case in cases), output, report_texts=texts)
    except NothingRead:
        if skipped.line():
            error(skipped.line())
        error(nothing_read(output))
        return FAILED
    except (OSError, RuntimeError) as failure:
        error(f"cannot write {output}: {getattr(failure, 'strerror', None) or failure}")
        return FAILED
    if not args.quiet and skipped.line():
        error(skipped.line())
    if not args.quiet:
        summary = f"{written['cases']} case(s) from {written['reports']} report(s) written to {output}"
        error(summary + (f"; {failures} input(s) skipped" if failures else ""))
    return SOME_FAILED if failures else OK
