"""PDF articles: the text layer read with pdfminer.six, page by page in reading order.

pdfminer gives every character with its font and position, which plain text extraction
loses: superscripts (smaller and raised) are rendered as in the HTML reader ("10⁹/L", a
citation as " [3]"), bold short lines are headings on lines of their own. The lines of a text
block are joined into one paragraph, words hyphenated across lines are repaired ("leuko-" +
"cytosis" -> "leukocytosis", "well-" + "differentiated" keeps its hyphen), and running heads
and page numbers repeated on most pages are dropped.
"""
from __future__ import annotations

import io
import logging
import re
from collections import Counter
from pathlib import Path

from pipeline.ingest.errors import IngestError
from pipeline.ingest.hyphens import HYPHENATED_WORD, WORD, join_lines
from pipeline.ingest.metadata import find_doi, text_metadata
from pipeline.ingest.report import Report
from pipeline.ingest.normalize import normalize_text
from pipeline.ingest.superscripts import append_superscript

log = logging.getLogger(__name__)
logging.getLogger("pdfminer").setLevel(logging.ERROR)  # it warns about every odd font

_SUPERSCRIPT_SIZE = 0.85  # of the line's body size
_SUPERSCRIPT_RISE = 0.2  # of the body size, above the line's baseline
_PAGE_NUMBER = re.compile(r"(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;)\]]$")
_BOLD = re.compile(r"bold|black|heavy|semibold|,b\b", re.IGNORECASE)
_BAD_TITLES = re.compile(r"^(?:untitled|microsoft word|title|document\d*)\b|\.(?:docx?|pdf|tex|indd)$",
                         re.IGNORECASE)


def read_pdf(data: bytes, path: Path) -> list[Report]:
    """A PDF's text layer as one Report, with the document info's title and authors."""
    pages, info = _pdf_pages(data, path)
    paragraphs = _drop_running_heads(pages)
    text = normalize_text(join_paragraphs(paragraphs))
    if not text:
        raise IngestError(path, "PDF has no text layer (a scanned image? run OCR on it first)")
    if b"%%EOF" not in data[-2048:]:
        log.warning("warning: %s: the PDF looks truncated (no %%%%EOF at the end); read what is there", path)
    meta = text_metadata(text)
    title = _info_text(info, "Title")
    if title and len(title) > 15 and not _BAD_TITLES.search(title) and len(title.split()) > 2:
        meta["title"] = title
    meta["doi"] = meta["doi"] or find_doi(_info_text(info, "Subject") or "")
    authors = _info_text(info, "Author")
    return [Report(name=path.name, text=text, source=str(path),
                   authors=[a.strip() for a in re.split(r";|\band\b", authors or "") if a.strip()],
                   **meta)]


def _pdf_pages(data: bytes, path: Path) -> tuple[list[list[list[tuple[str, bool]]]], dict]:
    """Pages -> text blocks -> lines (text, is_heading), and the document info dictionary."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        info = document.info[0] if document.info else {}
        pages = []
        for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
            blocks = [_block_lines(box) for box in page if isinstance(box, LTTextContainer)]
            pages.append([block for block in blocks if block])
    except PDFPasswordIncorrect:
        raise IngestError(path, "encrypted PDF (needs a password)") from None
    except IngestError:
        raise
    except Exception as error:  # pdfminer raises many kinds on damaged files
        detail = str(error).splitlines()[0][:120] if str(error) else ""
        raise IngestError(path, f"damaged or unreadable PDF ({type(error).__name__}{': ' + detail if detail else ''})") from None
    return pages, info


def _info_text(info: dict, key: str) -> str | None:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    value = resolve1(info.get(key))
    if isinstance(value, bytes):
        value = decode_text(value)
    if not isinstance(value, str):
        return None
    value = " ".join(value.replace("\x00", "").split())
    return value or None


def _block_lines(box) -> list[tuple[str, bool]]:
    """The lines of one pdfminer text box: (text with superscripts rendered, is_heading)."""
    from pdfminer.layout import LTChar

    lines = []
    for line in box:
        chars = [c for c in line if isinstance(c, LTChar)] if hasattr(line, "__iter__") else []
        if not chars:
            continue
        body = Counter(round(c.size, 1) for c in chars).most_common(1)[0][0]
        heights = sorted(c.y0 for c in chars if round(c.size, 1) == body)
        baseline = heights[len(heights) // 2]
        pieces: list[str] = []
        raised: list[str] = []
        for item in line:
            is_sup = (isinstance(item, LTChar) and item.size <= _SUPERSCRIPT_SIZE * body
                      and item.y0 > baseline + _SUPERSCRIPT_RISE * body)
            if is_sup:
                raised.append(item.get_text())
                continue
            if raised:
                pieces = ["".join(pieces)]  # the whole line so far: "× 10", "fever."
                append_superscript(pieces, "".join(raised))
                raised = []
            pieces.append(item.get_text())
        if raised:
            pieces = ["".join(pieces)]
            append_superscript(pieces, "".join(raised))
        text = " ".join("".join(pieces).split())
        if text:
            letters = [c for c in chars if c.get_text().isalpha()]
            bold = bool(letters) and all(_BOLD.search(c.fontname or "") for c in letters)
            lines.append((text, bold and len(text) < 100))
    return lines


def _running_key(block: list[tuple[str, bool]]) -> str:
    return re.sub(r"\d+", "#", " ".join(text for text, _ in block).lower())


def _drop_running_heads(pages: list[list[list[tuple[str, bool]]]]) -> list[list[tuple[str, bool]]]:
    """All blocks in page order, without page numbers and the running heads and feet that
    repeat (digits aside) at the top or bottom of most pages."""
    edge_keys = Counter()
    for page in pages:
        edges = {_running_key(block) for block in page[:2] + page[-2:]}
        edge_keys.update(edges)
    repeated = {key for key, count in edge_keys.items()
                if len(pages) >= 3 and count >= max(3, 0.5 * len(pages))}
    kept = []
    for page in pages:
        for at, block in enumerate(page):
            at_edge = at < 2 or at >= len(page) - 2
            whole = " ".join(text for text, _ in block)
            if at_edge and (_PAGE_NUMBER.fullmatch(whole.strip()) or _running_key(block) in repeated):
                continue
            kept.append(block)
    return kept


def join_paragraphs(blocks: list[list[tuple[str, bool]]]) -> str:
    """Blocks of lines -> paragraphs separated by blank lines, headings on lines of their own.

    A block whose last line breaks off mid-sentence and the next block that goes on in lower
    case (a page or column break) make one paragraph.

    >>> join_paragraphs([[("Case presentation", True), ("A 45-year-old woman had leuko-", False)],
    ...                  [("cytosis and a well-", False), ("differentiated tumour.", False)]])
    'Case presentation\\n\\nA 45-year-old woman had leukocytosis and a well-differentiated tumour.'
    """
    paragraphs: list[list[str]] = []
    open_paragraph = last_heading = False
    for block in blocks:
        for number, (text, heading) in enumerate(block):
            starts_block = number == 0
            short_first = (starts_block and len(block) > 1 and len(text.split()) <= 6
                           and not _SENTENCE_END.search(text) and not text.endswith("-")
                           and block[1][0][:1].isupper())
            if heading and last_heading and ((number and block[number - 1][1]) or text[:1].islower()):
                paragraphs[-1].append(text)  # a heading (a title) wrapped over two lines
                continue
            last_heading = heading
            if heading or short_first:
                paragraphs.append([text])
                open_paragraph = False
                continue
            continues = open_paragraph and (not starts_block or _continues(paragraphs[-1][-1], text))
            if continues:
                paragraphs[-1].append(text)
            else:
                paragraphs.append([text])
            open_paragraph = True
    all_lines = [text for block in blocks for text, _ in block]
    hyphenated = {m.group().lower() for line in all_lines for m in HYPHENATED_WORD.finditer(line)}
    words = {w.lower() for line in all_lines for w in WORD.findall(line)}
    return "\n\n".join(join_lines(lines, hyphenated, words) for lines in paragraphs)


def _continues(previous: str, text: str) -> bool:
    """Does ``text`` (starting a new block) go on with the paragraph ending in ``previous``?"""
    if previous.endswith("-") and not previous.endswith(" -"):
        return True
    return not _SENTENCE_END.search(previous) and text[:1].islower()
