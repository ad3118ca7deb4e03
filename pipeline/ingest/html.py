"""Saved journal web pages: the article's text with its block structure, and the citation_*
metadata that publishers put in <meta> tags for Google Scholar.

The article itself is found by trafilatura (a maintained main-content extractor) on the page
once its obvious chrome (scripts, navigation, cookie banners, share buttons, forms, elements
marked hidden) is removed; trafilatura's heuristics are tuned on whole pages and keep such
blocks on short ones. Its output (HTML) is then laid out here: headings, paragraphs, list
items and table rows each on their own line, so that section detection and sentence splitting
see the same layout a reader does, and superscripts read as they should ("10⁹", " [3,4]").
When trafilatura finds nothing (tiny or pathological pages) the whole cleaned body is used.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.ingest.errors import IngestError
from pipeline.ingest.metadata import find_doi, find_pmcid, find_pmid, guess_title
from pipeline.ingest.report import Report
from pipeline.ingest.decoding import decode_bytes, strip_bom
from pipeline.ingest.normalize import normalize_text
from pipeline.ingest.superscripts import append_superscript

if TYPE_CHECKING:  # BeautifulSoup is imported where a page is read: a run of text files never loads it
    from bs4 import BeautifulSoup, Tag

log = logging.getLogger(__name__)
logging.getLogger("trafilatura").setLevel(logging.ERROR)  # its notes on odd markup are not ours

# Elements that never hold article text.
_DROP_TAGS = (
    "script", "style", "nav", "footer", "aside", "form", "noscript", "button", "template",
    "svg", "iframe", "select", "input", "textarea", "object", "embed", "canvas", "dialog",
    "head", "link", "meta",
)
# class/id words that mark page chrome (matched as whole words in "cookie-banner", "navBar").
_JUNK_WORDS = re.compile(
    r"(?:^|[\s_-])(?:cookies?|cookie\w*|consent|banner|menu|megamenu|nav|navbar|navigation"
    r"|breadcrumbs?|share|sharing|social|skip-?links?|toolbar|advert\w*|ads?|popup|modal"
    r"|newsletter)(?:$|[\s_-])",
    re.IGNORECASE,
)
_JUNK_ROLES = {"navigation", "banner", "search", "contentinfo", "dialog", "alertdialog", "menu",
               "menubar", "toolbar"}
_CONTENT_TAGS = ("article", "main")

# Blocks followed by a blank line, and blocks that only need their own line.
_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
               "figure", "section", "article", "main", "header", "ul", "ol", "dl", "address"}
_LINES = {"div", "li", "tr", "dt", "dd", "figcaption", "caption", "details", "summary",
          "thead", "tbody", "tfoot", "fieldset", "legend", "center", "body", "html"}
_CELLS = {"td", "th"}

_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u202f]+")
_SPACES_IN_LINE = re.compile(r" {2,}")
_CELL_GAP = re.compile(r" *\t[\t ]*")
# Break markers put down while walking the tree, resolved once the text is joined.
_LINE_BREAK, _PARAGRAPH_BREAK = "\x01", "\x02"
_NO_MARKERS = str.maketrans("\x01\x02", "  ")
_BREAKS = re.compile(r"[ \t]*[\x01\x02][\s\x01\x02]*")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
# Journal pages hold a few thousand elements (tens of thousands with big tables). BeautifulSoup
# costs about 1 KB of memory per element and trafilatura three more, with no limit of its own:
# a page of a million table cells or nested <div>s would take gigabytes. Past the first limit the
# whole cleaned page is read without trafilatura; past the second the file is refused.
MAX_ELEMENTS_FOR_MAIN_CONTENT = 100_000
MAX_ELEMENTS = 300_000
# Browsers read these labels as their supersets (WHATWG Encoding Standard).
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                    "us-ascii": "cp1252", "ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030",
                    "x-gbk": "gb18030"}


def looks_like_html(head: bytes) -> bool:
    """True for bytes that start like an HTML page, whatever the file is called."""
    body, encoding = strip_bom(head[:2048])
    if encoding and encoding.startswith(("utf-16", "utf-32")):
        text = body.decode(encoding, errors="ignore")
    else:
        text = body.decode("latin-1")
    text = text.lstrip().lower()
    if text.startswith(("<!doctype html", "<html")):
        return True
    # An XML declaration or a comment may come first (XHTML, pages saved by browsers).
    return text.startswith(("<?xml", "<!--")) and "<html" in text


def decode_html(data: bytes, path: Path) -> str:
    """The page's text: BOM, else UTF-8, else its <meta charset>, else a detected encoding."""
    declared = None
    match = _META_CHARSET.search(data[:4096])
    if match:
        label = match.group(1).decode("ascii", "ignore").lower()
        declared = _CHARSET_ALIASES.get(label, label)
    return decode_bytes(data, path, declared=declared)


def read_html(data: bytes, path: Path) -> list[Report]:
    """A saved web page as one Report: article text plus citation metadata."""
    page = decode_html(data, path)
    elements = page.count("<") - page.count("</")  # about the number of elements, counted in C
    if elements > MAX_ELEMENTS:
        raise IngestError(path, f"page too large to read ({elements:,} HTML elements; an article has far fewer)")
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "lxml")
    meta = page_metadata(soup)
    remove_chrome(soup)
    article = main_content(soup) if elements <= MAX_ELEMENTS_FOR_MAIN_CONTENT else None
    text = normalize_text(html_text(article)) if article is not None else ""
    if not text:  # trafilatura found nothing: the whole cleaned page
        text = normalize_text(html_text(soup))
    if not text:
        raise IngestError(path, "no article text found in the page")
    if _looks_truncated(page):
        log.warning("warning: %s: the page looks truncated (no closing </html>); read what is there", path)
    meta["title"] = meta["title"] or guess_title(text)
    meta["doi"] = meta["doi"] or find_doi(text)
    meta["pmid"] = meta["pmid"] or find_pmid(text)
    meta["pmcid"] = meta["pmcid"] or find_pmcid(text)
    return [Report(name=path.name, text=text, source=str(path), **meta)]


# --- metadata ---------------------------------------------------------------------------


def _metas(soup: BeautifulSoup) -> dict[str, list[str]]:
    """Content of every <meta name=... / property=...>, keyed by the lower-cased name."""
    found: dict[str, list[str]] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("name") or tag.get("property") or tag.get("itemprop")
        content = tag.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            found.setdefault(key.strip().lower(), []).append(" ".join(content.split()))
    return found


def _first(metas: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        if metas.get(key):
            return metas[key][0]
    return None


def page_metadata(soup: BeautifulSoup) -> dict:
    """Title, DOI, PMID, PMCID, journal, year and authors from the page's <meta> tags."""
    metas = _metas(soup)
    title = _first(metas, "citation_title", "og:title", "dc.title", "dcterms.title")
    if not title:
        title = _page_title(soup)
    doi_field = _first(metas, "citation_doi", "dc.identifier", "dcterms.identifier", "prism.doi")
    pmid = _first(metas, "citation_pmid")
    pmcid = _first(metas, "citation_pmcid")
    year_field = _first(metas, "citation_publication_date", "citation_date",
                        "citation_online_date", "citation_year", "dc.date", "dcterms.date",
                        "prism.publicationdate")
    year = _YEAR.search(year_field) if year_field else None
    authors = metas.get("citation_author") or metas.get("dc.creator") or []
    return {
        "title": title or None,
        "doi": find_doi(doi_field) if doi_field else None,
        "pmid": pmid if pmid and pmid.isdigit() else None,
        "pmcid": find_pmcid(pmcid) if pmcid else None,
        "journal": _first(metas, "citation_journal_title", "prism.publicationname",
                          "dc.source", "og:site_name"),
        "year": year.group(1) if year else None,
        "authors": list(dict.fromkeys(authors)),
    }


def _page_title(soup: BeautifulSoup) -> str | None:
    """The <title> without the site name after it, or the first <h1> when that is cleaner."""
    h1 = soup.find("h1")
    heading = " ".join(h1.get_text(" ").split()) if h1 else ""
    title = " ".join(soup.title.get_text(" ").split()) if soup.title else ""
    title = re.split(r"\s+(?:\||-\s+PubMed\b|::)\s*", title)[0].strip()
    if heading and (not title or heading.lower() in title.lower()):
        return heading
    return title or heading or None


# --- text -------------------------------------------------------------------------------


def remove_chrome(soup: BeautifulSoup) -> None:
    """Remove scripts, navigation, banners, forms and hidden blocks from the page, in place."""
    from bs4 import Tag

    stack = [soup.body or soup]
    while stack:  # iterative: deeply nested pages must not hit the recursion limit
        node = stack.pop()
        for child in list(node.children):
            if isinstance(child, Tag):
                if child.name in _DROP_TAGS or _is_junk(child):
                    child.decompose()
                else:
                    stack.append(child)


def main_content(soup: BeautifulSoup) -> BeautifulSoup | None:
    """The article's main content found by trafilatura, as HTML, or None when none is found."""
    import trafilatura  # imported on first use: it takes a moment to load
    from bs4 import BeautifulSoup

    found = trafilatura.extract(
        str(soup), output_format="html", include_formatting=True, include_tables=True,
        include_comments=False, include_images=False, include_links=False, favor_recall=True,
    )
    return BeautifulSoup(found, "lxml") if found else None


def _looks_truncated(page: str) -> bool:
    """A page whose download or save stopped short: no closing </html> or </body> at the end."""
    tail = page[-4096:].lower()
    return "</html" not in tail and "</body" not in tail


def _is_junk(tag: Tag) -> bool:
    if tag.name in _CONTENT_TAGS or tag.name in ("html", "body"):
        return False
    if tag.name == "header" and tag.find_parent(_CONTENT_TAGS):
        return False  # an article's own header holds its title and authors
    if tag.name == "header":
        return True
    attrs = tag.attrs or {}
    if "hidden" in attrs or str(attrs.get("aria-hidden", "")).lower() == "true":
        return True
    if str(attrs.get("role", "")).lower() in _JUNK_ROLES:
        return not tag.find(_CONTENT_TAGS)
    classes = attrs.get("class") or []
    names = " ".join(classes if isinstance(classes, list) else [classes])
    names += " " + str(attrs.get("id", ""))
    names = re.sub(r"([a-z])([A-Z])", r"\1 \2", names)  # navBar -> nav Bar
    if not _JUNK_WORDS.search(names):
        return False
    # A wrapper called "page-menu-open" around the whole article is layout, not chrome.
    return not tag.find(_CONTENT_TAGS) and len(tag.find_all("p", limit=4)) < 4


def html_text(soup: BeautifulSoup) -> str:
    """The body's text, one line per block, a blank line after paragraphs and headings."""
    from bs4 import Comment, NavigableString, Tag
    from bs4.element import Declaration, Doctype, ProcessingInstruction

    root = soup.body or soup
    pieces: list[str] = []
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:  # iterative walk: deeply nested pages must not hit the recursion limit
        node, leaving = stack.pop()
        if leaving:
            pieces.append(_PARAGRAPH_BREAK if node.name in _PARAGRAPHS else _LINE_BREAK)
            continue
        if isinstance(node, NavigableString):
            if not isinstance(node, (Comment, Doctype, Declaration, ProcessingInstruction)):
                pieces.append(_SPACES.sub(" ", str(node).translate(_NO_MARKERS)))
            continue
        if not isinstance(node, Tag) or node.name in _DROP_TAGS or _is_junk(node):
            continue
        name = node.name
        if name == "br":
            pieces.append(_LINE_BREAK)
        elif name == "pre":
            text = node.get_text().translate(_NO_MARKERS).replace("\t", " ")
            pieces.extend((_PARAGRAPH_BREAK, text, _PARAGRAPH_BREAK))
        elif name == "sup":
            append_superscript(pieces, node.get_text(" "))
        elif name in ("img", "hr"):
            pieces.append(_LINE_BREAK if name == "hr" else " ")
        else:
            if name in _CELLS:
                pieces.append("\t")
            elif name in _PARAGRAPHS or name in _LINES:
                pieces.append(_PARAGRAPH_BREAK if name in _PARAGRAPHS else _LINE_BREAK)
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
    return _layout("".join(pieces))


def _layout(text: str) -> str:
    # Adjacent breaks merge: any paragraph break among them gives a blank line, else one \n.
    text = _BREAKS.sub(lambda m: "\n\n" if _PARAGRAPH_BREAK in m.group() else "\n", text)
    lines = (_CELL_GAP.sub("\t", line) for line in text.split("\n"))
    return "\n".join(_SPACES_IN_LINE.sub(" ", line).strip(" \t") for line in lines).strip()
