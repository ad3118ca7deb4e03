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
from pipeline.ingest import IngestError
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp

__all__ = ["build_nlp", "extract", "extract_reports", "report_cases"]

# Reports longer than this are processed in chunks cut at paragraph breaks: spaCy refuses
# texts over nlp.max_length, and memory grows with the length of a Doc.
CHUNK_CHARACTERS = 200_000
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Where a chunk may end, best first: a blank line, a line break, a sentence's end (a page
# flattened to one line), any space; a text with none (one giant token) is cut anywhere.
CUTS = (PARAGRAPH_BREAK, re.compile(r"\n"), re.compile(r"[.!?][\"')\]]*\s"), re.compile(r"\s"))


def chunks(text: str, size: int = CHUNK_CHARACTERS) -> Iterator[tuple[int, str]]:
    """(offset, piece) pairs covering ``text``, cut at a blank line, else a line break,
    else a sentence end, else a space, in the second half of each ``size`` characters."""
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            for pattern in CUTS:
                cut = None
                for cut in pattern.finditer(text, start + size // 2, end):
                    pass  # the last one
                if cut is not None:
                    end = cut.end()
                    break
        yield start, text[start:end]
        start = end


def report_cases(nlp: Language, report: Report) -> list[Case]:
    """The Case records of one report."""
    mentions: list[Mention] = []
    starts: list[PatientStart] = []
    for offset, piece in chunks(report.text):
        doc = nlp(piece)
        found, patients = doc_mentions(doc, offset)
        # scispaCy's abbreviation detector keeps Spans in doc.user_data, a cycle through the
        # Doc: broken here, the Doc is freed at once, not at a rare full garbage collection
        # (until then memory grew with every report).
        doc.user_data.clear()
        del doc
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
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    publication_types: list[str] | None = None,
) -> Iterator[Case]:
    """Cases of every report found under ``paths`` (files or folders), in input order, as
    each file is done. A file that cannot be read or processed is passed to
    ``on_error(path, reason)`` and the rest of the batch goes on; without ``on_error`` it
    raises IngestError. ``model``: an installed NER model to add (see build_nlp); ``jobs``:
    worker processes (see ``pipeline.batch.BatchRunner``; no results cache here); ``engine``
    "dask" runs on the Dask cluster at ``scheduler`` (or ``$DASK_SCHEDULER_ADDRESS``), else on
    a local one (see ``pipeline.batch.dask_engine``); ``publication_types``: the PubMed
    articles kept (``["Case Reports"]``)."""
    from pipeline.batch.runner import iter_batch

    results = iter_batch(paths, jobs=jobs, use_cache=False, nlp=nlp, model=model, engine=engine,
                         scheduler=scheduler, publication_types=publication_types)
    for result in results:
        if result.error:
            if on_error is None:
                raise IngestError(result.path, result.error)
            on_error(result.path, result.error)
            continue
        yield from result.cases
