"""One article, one set of rows: the same article read from two files (the PDF and the saved
page, two downloads from two searches) is recognised by its document id (DOI, PMID, else a
hash of its normalised text: ``identity.document_id``) and its rows are written once.

Results stream to the writer file by file, so the first file an article is read from gives
its rows and a later one is skipped, named with the file it repeats:

    >>> from pipeline.batch.results import FileResult, ReportResult
    >>> from pathlib import Path
    >>> one = FileResult(Path("corpus/a.txt"), "h1", [ReportResult("a.txt", "doi:10.1/x", "c1")])
    >>> two = FileResult(Path("dev/a.txt"), "h1", [ReportResult("a.txt", "doi:10.1/x", "c1")])
    >>> repeats = []
    >>> [len(r.reports) for r in once_per_article([one, two], lambda path, first: repeats.append((path.as_posix(), first)))]
    [1, 0]
    >>> repeats
    [('dev/a.txt', 'corpus/a.txt')]
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path


def once_per_article(results: Iterable, on_repeat: Callable[[Path, str], None] | None = None) -> Iterator:
    """The FileResults of ``results`` with every report already met in an earlier file (or
    earlier in the same file) left out; ``on_repeat(path, first file)`` for each left out."""
    first: dict[str, str] = {}  # document id -> the file it was first read from
    for result in results:
        kept = []
        for report in result.reports:
            earlier = first.get(report.doc_id)
            if earlier is None:
                first[report.doc_id] = result.path.as_posix()
                kept.append(report)
            elif on_repeat is not None:
                on_repeat(result.path, earlier)
        yield result if len(kept) == len(result.reports) else dataclasses.replace(result, reports=kept)
