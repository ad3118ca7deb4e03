"""The Python API: build the pipeline, turn reports into Case records.

    >>> from pipeline import extract
    >>> for case in extract(["corpus/"]):            # doctest: +SKIP
    ...     print(case.doc, case.age, case.figo_stage)
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.language import Language

from pipeline.cases.record import Case
from pipeline.extraction import chunks, extract_reports, report_cases
from pipeline.ingest import IngestError
from pipeline.nlp.build import build_nlp

__all__ = ["build_nlp", "chunks", "extract", "extract_reports", "report_cases"]


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
    from pipeline.batch.engine import iter_batch

    results = iter_batch(paths, jobs=jobs, use_cache=False, nlp=nlp, model=model, engine=engine,
                         scheduler=scheduler, publication_types=publication_types)
    for result in results:
        if result.error:
            if on_error is None:
                raise IngestError(result.path, result.error)
            on_error(result.path, result.error)
            continue
        yield from result.cases
