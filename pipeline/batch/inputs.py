"""The files of a batch: each input file (``InputFile``), listed and hashed by its bytes
(``read_inputs``, ``hash_input``), which is what the results cache is keyed by."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.batch.identity import file_hash
from pipeline.ingest import IngestError, iter_input_files
from pipeline.ingest.pubmed_baseline import cache_key, is_streamed, stream_hash
from pipeline.ingest.reader import read_file_bytes


@dataclass
class InputFile:
    """A file to process: its path and the hash of its bytes (None with an error, or when
    it is not hashed yet: see ``read_inputs``)."""

    path: Path
    file_hash: str | None
    error: str | None = None


def read_inputs(paths: Iterable[str | os.PathLike],
                on_skip: Callable[[Path, str], None] | None = None,
                publication_types: Sequence[str] | None = None,
                hashed: bool = True) -> list[InputFile]:
    """The report files under ``paths``, each with the hash of its bytes (a file that cannot
    be read, a FIFO named explicitly, comes with its error). ``on_skip``: see
    ``iter_input_files``. A PubMed file read as a stream (``pubmed_baseline``) is hashed a
    chunk at a time, its key naming the ``publication_types`` kept.

    ``hashed=False``: the files are only listed (``file_hash`` and ``error`` None) and each is
    read where it is needed, once: the runner hashes a window of files when it looks them up
    in the cache (``hash_input``), and without a cache the worker that runs the file hashes
    the bytes it reads. A batch then starts at once instead of after reading every input
    (a folder of PubMed baseline files is tens of gigabytes), and those reads run on the
    workers, in parallel, rather than here."""
    listed = (InputFile(path, None) for path in iter_input_files(paths, on_skip=on_skip))
    return [hash_input(item, publication_types) for item in listed] if hashed else list(listed)


def hash_input(item: InputFile, publication_types: Sequence[str] | None = None) -> InputFile:
    """``item`` with the hash of its bytes, or its error (as ``read_inputs``); an item already
    hashed, or with its error, as it is."""
    if item.file_hash is not None or item.error is not None:
        return item
    path = item.path
    try:
        if is_streamed(path, publication_types):
            return InputFile(path, cache_key(stream_hash(path), publication_types))
        return InputFile(path, file_hash(read_file_bytes(path)))
    except IngestError as error:
        return InputFile(path, None, error.reason)
