"""The Python API: build the pipeline, turn reports into Case records.

    >>> from pipeline import extract
    >>> for case in extract(["corpus/"]):            # doctest: +SKIP
    ...     print(case.doc, case.age, case.figo_stage)
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.language import Language

from pipeline.cases.assemble import assemble
from pipeline.cases.mentions import Mention, PatientStart, doc_mentions
from pipeline.cases.record import Case
from pipeline.ingest import IngestError, iter_input_files, read_report
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp

__all__ = ["build_nlp", "extract", "extract_reports", "report_cases"]

# Reports longer than this are processed in chunks cut at paragraph breaks: spaCy refuses
# texts over nlp.max_length, and memory grows with the length of a Doc.
CHUNK_CHARACTERS = 200_000
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def chunks(text: str, size: int = CHUNK_CHARACTERS) -> Iterator[tuple[int, str]]:
    """(offset, piece) pairs covering ``text``, cut at a blank line, else a line break,
    else a space, near ``size`` characters."""
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            window = text[start + size // 2:end]
            for pattern in (PARAGRAPH_BREAK, re.compile(r"\n"), re.compile(r" ")):
                cuts = [m.end() for m in pattern.finditer(window)]
                if cuts:
                    end = start + size // 2 + cuts[-1]
                    break
        yield start, text[start:end]
        start = end


def report_cases(nlp: Language, report: Report) -> list[Case]:
    """The Case records of one report."""
    mentions: list[Mention] = []
    starts: list[PatientStart] = []
    for offset, piece in chunks(report.text):
        found, patients = doc_mentions(nlp(piece), offset)
        mentions.extend(found)
        starts.extend(patients)
    return assemble(report, mentions, starts)


def extract_reports(reports: Iterable[Report], nlp: Language | None = None) -> Iterator[Case]:
    nlp = nlp or build_nlp()
    for report in reports:
        yield from report_cases(nlp, report)


def extract(
    paths: Iterable[str | Path],
    nlp: Language | None = None,
    on_error: Callable[[Path, str], None] | None = None,
    model: str | None = None,
) -> Iterator[Case]:
    """Cases of every report found under ``paths`` (files or folders). A file that cannot
    be read or processed is passed to ``on_error(path, reason)`` (default: raise) and the
    rest of the batch goes on. ``model``: an installed NER model to add (see build_nlp)."""
    nlp = nlp or build_nlp(model=model)
    for path in iter_input_files(paths):
        try:
            reports = read_report(path)
            cases = [case for report in reports for case in report_cases(nlp, report)]
        except IngestError as error:
            if on_error is None:
                raise
            on_error(path, error.reason)
            continue
        except Exception as error:  # one bad report must not end the batch
            if on_error is None:
                raise
            on_error(path, f"{type(error).__name__}: {error}")
            continue
        yield from cases
