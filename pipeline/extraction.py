"""One report in, its Case records out: the text cut into chunks spaCy can take, the pipeline
over each, the mentions assembled into one Case per patient. Every engine uses it: the API,
the local process pool and the Dask workers (``pipeline.batch``), so it stands below them all.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language

from pipeline.cases.assemble import assemble
from pipeline.cases.config import AssemblyConfig
from pipeline.cases.mentions import Mention, PatientStart, doc_mentions
from pipeline.cases.record import Case
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp

__all__ = ["chunks", "extract_reports", "report_cases"]

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
    return assemble(report, mentions, starts, AssemblyConfig.of(nlp))


def extract_reports(reports: Iterable[Report], nlp: Language | None = None) -> Iterator[Case]:
    nlp = nlp or build_nlp()
    for report in reports:
        yield from report_cases(nlp, report)
