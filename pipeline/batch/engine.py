"""A batch of report files run on the engine asked for: the local process pool
(``runner.BatchRunner``) or a Dask cluster (``dask_engine.DaskRunner``), with the results
cache and the progress bar around either. Both engines stand below this module, so neither
imports the other.
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from pipeline.batch.progress import Progress
from pipeline.batch.inputs import read_inputs
from pipeline.batch.results import FileResult
from pipeline.batch.runner import BatchRunner


def iter_batch(
    paths: Iterable[str | os.PathLike],
    jobs: int = 1,
    cache_dir: str | os.PathLike | None = None,
    use_cache: bool = True,
    quiet: bool = True,
    on_error: Callable[[Path, str], None] | None = None,
    model: str | None = None,
    nlp=None,
    on_skip: Callable[[Path, str], None] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    publication_types: Sequence[str] | None = None,
) -> Iterator[FileResult]:
    """Every report file under ``paths`` processed (cached results reused), yielded in input
    order as they finish.

    ``engine``: "local" (``jobs`` processes here) or "dask" (a cluster at ``scheduler`` or
    ``$DASK_SCHEDULER_ADDRESS``, else a local one of ``jobs`` workers, one per CPU when
    ``jobs`` < 2); ``publication_types``: the PubMed articles kept (see ``pubmed_baseline``).

    Files that cannot be read come with ``error`` set (and go to ``on_error`` at once); the
    files of a folder that are not reports go to ``on_skip`` (see ``iter_input_files``).
    """
    from pipeline.batch.cache import open_cache
    from pipeline.batch.version import pipeline_version

    # listed only: each file is read once, where it is needed (see read_inputs), so the
    # first reports start at once
    files = read_inputs(paths, on_skip=on_skip, publication_types=publication_types, hashed=False)
    cache = open_cache(cache_dir, pipeline_version(model)) if use_cache and files else None
    try:
        with Progress(len(files), quiet=quiet) as progress, \
                open_runner(engine, jobs, cache, progress, scheduler=scheduler, model=model, nlp=nlp,
                            publication_types=publication_types) as runner:
            for result in runner.iter(files):
                if result.error and on_error is not None:
                    with progress.aside():
                        on_error(result.path, result.error)
                yield result
    finally:
        if cache is not None:
            cache.close()


@contextlib.contextmanager
def open_runner(engine: str, jobs: int, cache=None, progress: Progress | None = None, scheduler: str | None = None,
                model: str | None = None, nlp=None, publication_types: Sequence[str] | None = None):
    """The runner of ``engine`` ("local" or "dask", see ``iter_batch``), its Dask client
    closed on exit."""
    if engine == "dask":
        from pipeline.batch.dask_engine import DaskRunner, dask_client

        with dask_client(scheduler, workers=jobs if jobs > 1 else None) as client:
            yield DaskRunner(client, cache, progress, model=model, publication_types=publication_types)
    elif engine == "local":
        yield BatchRunner(jobs, cache, progress, nlp=nlp, model=model, publication_types=publication_types)
    else:
        raise ValueError(f"unknown engine {engine!r}: local or dask")


def run_batch(paths: Iterable[str | os.PathLike], **options) -> list[FileResult]:
    """``iter_batch(paths, **options)`` as a list."""
    return list(iter_batch(paths, **options))
