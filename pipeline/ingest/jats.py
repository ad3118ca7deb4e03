"""JATS XML articles (PMC's ``.nxml``, Europe PMC's ``fullTextXML``, efetch ``db=pmc``): title,
abstract and body as text, with the identifiers and citation details from the front matter.

Section titles become heading lines of their own, paragraphs are separated by blank lines,
list items and table rows are one line each (cells separated by tabs), figure and table
captions are kept; the reference list, acknowledgements and footnotes are left out.
"""
from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

from pipeline.ingest.errors import IngestError
from pipeline.ingest.metadata import find_doi
from pipeline.ingest.report import Report
from pipeline.ingest.normalize import normalize_text
from pipeline.ingest.xmltext import child, children, clean_title, inline_text, local

# Elements that may sit inside a <p> but are blocks of their own.
_NESTED_BLOCKS = frozenset({
    "fig", "fig-group", "table-wrap", "table-wrap-group", "list", "def-list", "disp-quote",
    "boxed-text", "statement", "disp-formula", "preformat", "supplementary-material", "code",
})
_CONTAINERS = frozenset({"sec", "body", "disp-quote", "boxed-text", "statement", "fig-group",
                         "table-wrap-group", "app", "app-group", "abstract", "trans-abstract"})
_LEFT_OUT = frozenset({"ref-list", "fn-group", "ack", "glossary", "sec-meta", "label", "graphic",
                       "media", "object-id", "supplementary-material", "alt-text", "notes",
                       "permissions", "kwd-group", "disp-formula", "inline-graphic"})
_IGNORED_ABSTRACTS = {"graphical", "teaser", "toc", "web-summary", "editor-summary"}
_PUBLICATION_DATES = ("epub", "ppub", "pub", "collection", "epub-ppub")
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_MAX_DEPTH = 60  # deeper nesting than any article: the rest is read as flat text


def read_jats(root: Element, path: Path) -> list[Report]:
    """The article(s) of a JATS file: a lone <article>, or a <pmc-articleset>/OAI-PMH answer."""
    articles = [root] if local(root.tag) == "article" else [
        element for element in root.iter() if local(element.tag) == "article"
    ]
    reports = [report for article in articles if (report := jats_report(article, path))]
    if not reports:
        raise IngestError(path, "JATS XML holds no article text")
    return reports


def jats_report(article: Element, path: Path) -> Report | None:
    meta = child(article, "front", "article-meta")
    title = clean_title(inline_text(child(meta, "title-group", "article-title")))
    blocks = [title] if title else []
    for abstract in _abstracts(meta):
        if child(abstract, "title") is None:
            blocks.append("Abstract")
        blocks.extend(_blocks(abstract))
    body = child(article, "body")
    if body is not None:
        blocks.extend(_blocks(body))
    text = normalize_text("\n\n".join(block for block in blocks if block))
    if not text:
        return None
    ids = _article_ids(meta)
    journal_meta = child(article, "front", "journal-meta")
    journal = child(journal_meta, "journal-title-group", "journal-title")
    if journal is None:
        journal = child(journal_meta, "journal-title")
    return Report(
        name=path.name,
        text=text,
        source=str(path),
        title=title,
        doi=find_doi(ids.get("doi", "")),
        pmid=ids.get("pmid") if ids.get("pmid", "").isdigit() else None,
        pmcid=_pmcid(ids.get("pmcid") or ids.get("pmc")),
        authors=_authors(meta),
        journal=inline_text(journal) or None,
        year=_year(meta),
    )


def _abstracts(meta: Element | None) -> list[Element]:
    found = children(meta, "abstract")
    plain = [a for a in found if (a.get("abstract-type") or "").lower() not in _IGNORED_ABSTRACTS]
    return plain or found[:1]


def _heading(element: Element) -> str:
    """A section's heading line: its label and title ("2.1 Case presentation")."""
    label = inline_text(child(element, "label"))
    title = inline_text(child(element, "title"))
    return " ".join(part for part in (label, title) if part) if title else ""


def _blocks(element: Element, depth: int = 0) -> list[str]:
    """Text blocks (headings, paragraphs, lists, tables, captions) of a container element."""
    if depth > _MAX_DEPTH:
        return [inline_text(element)]
    blocks: list[str] = []
    if local(element.tag) in _CONTAINERS:
        blocks.append(_heading(element))
    for node in element:
        name = local(node.tag)
        if name in _LEFT_OUT or name == "title":
            continue
        if name == "p":
            blocks.append(inline_text(node, skip=_NESTED_BLOCKS))
            for nested in node:
                if local(nested.tag) in _NESTED_BLOCKS:
                    blocks.extend(_blocks_of(nested, depth + 1))
        else:
            blocks.extend(_blocks_of(node, depth + 1))
    return blocks


def _blocks_of(node: Element, depth: int) -> list[str]:
    name = local(node.tag)
    if name in _LEFT_OUT:
        return []
    if name in _CONTAINERS:
        return _blocks(node, depth)
    if name == "list":
        return ["\n".join(_list_lines(node))]
    if name == "def-list":
        return ["\n".join(f"{inline_text(child(item, 'term'))}: {inline_text(child(item, 'def'))}"
                          for item in children(node, "def-item"))]
    if name == "table-wrap":
        return ["\n".join(_table_lines(node))]
    if name == "fig":
        return [_caption(node)]
    if len(node):  # an element this reader does not know: its parts, as blocks
        return _blocks(node, depth)
    return [inline_text(node)]


def _list_lines(node: Element) -> list[str]:
    lines = []
    for item in children(node, "list-item"):
        lines.append(inline_text(item, skip=frozenset({"list"})))
        for nested in item.iter():
            if nested is not item and local(nested.tag) == "list":
                lines.extend(_list_lines(nested))
                break
    return [line for line in lines if line]


def _caption(node: Element) -> str:
    """'Table 1. Laboratory values' / 'Figure 2. CT showing ...': label and caption text."""
    label = inline_text(child(node, "label"))
    caption = inline_text(child(node, "caption"))
    return " ".join(part for part in (label, caption) if part)


def _table_lines(node: Element) -> list[str]:
    lines = [_caption(node)]
    for row in node.iter():
        if local(row.tag) == "tr":
            lines.append("\t".join(inline_text(cell) for cell in row if local(cell.tag) in ("td", "th")))
    lines.append(inline_text(child(node, "table-wrap-foot")))
    return [line for line in lines if line.strip()]


def _article_ids(meta: Element | None) -> dict[str, str]:
    ids: dict[str, str] = {}
    for element in children(meta, "article-id"):
        kind = (element.get("pub-id-type") or "").lower()
        value = inline_text(element)
        if kind and value and kind not in ids:
            ids[kind] = value
    return ids


def _pmcid(value: str | None) -> str | None:
    digits = (value or "").upper().removeprefix("PMC")
    return f"PMC{digits}" if digits.isdigit() else None


def _authors(meta: Element | None) -> list[str]:
    """'Surname, Given names' of each author (a group's name as written)."""
    names = []
    for group in children(meta, "contrib-group"):
        for contrib in children(group, "contrib"):
            if (contrib.get("contrib-type") or "author") != "author":
                continue
            name = child(contrib, "name")
            if name is not None:
                surname = inline_text(child(name, "surname"))
                given = inline_text(child(name, "given-names"))
                names.append(f"{surname}, {given}" if surname and given else surname or given)
            elif child(contrib, "string-name") is not None:
                names.append(inline_text(child(contrib, "string-name")))
            elif child(contrib, "collab") is not None:
                names.append(inline_text(child(contrib, "collab")))
    return [name for name in names if name]


def _year(meta: Element | None) -> str | None:
    dates = children(meta, "pub-date")
    dates.sort(key=lambda d: 0 if (d.get("pub-type") or d.get("date-type") or "") in _PUBLICATION_DATES else 1)
    for date in dates:
        match = _YEAR.search(inline_text(child(date, "year")))
        if match:
            return match.group(1)
    return None
