"""XML article files (PubMed exports, PMC/JATS articles): safe parsing, which format a file
is, and the inline text of elements.

Every XML file is parsed with defusedxml: a file that declares entities (entity-expansion
bombs, external entities reading local files or URLs) is refused with one line, never
expanded. Named HTML entities that some JATS files use without declaring them ("&nbsp;")
are turned into characters first.
"""
from __future__ import annotations

import html.entities
import re
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml
from defusedxml.ElementTree import fromstring

from pipeline.ingest.errors import IngestError
from pipeline.ingest.decoding import strip_bom
from pipeline.ingest.superscripts import append_superscript

# Root elements of the formats read, as they appear near the start of the file.
PUBMED_ROOTS = ("PubmedArticleSet", "PubmedArticle", "PubmedBookArticle")
JATS_ROOTS = ("article", "pmc-articleset", "OAI-PMH")
_ROOT = re.compile(r"<(?!\?|!)([A-Za-z_][\w.:-]*)")
_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
_SPACES = re.compile(r"\s+")


def _head_text(head: bytes) -> str:
    body, encoding = strip_bom(head)
    if encoding and encoding.startswith(("utf-16", "utf-32")):
        return body.decode(encoding, errors="ignore")
    return body.decode("latin-1")


def root_name(head: bytes) -> str | None:
    """Name of the first element in the bytes (without namespace prefix), or None."""
    text = _head_text(head)
    text = re.sub(r"<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>", "", text, flags=re.DOTALL)
    match = _ROOT.search(text)
    return match.group(1).rpartition(":")[2] if match else None


def looks_like_xml_article(head: bytes) -> bool:
    """True for bytes that start like a PubMed export or a JATS/PMC article.

    >>> looks_like_xml_article(b'<?xml version="1.0"?><!DOCTYPE PubmedArticleSet><PubmedArticleSet>')
    True
    >>> looks_like_xml_article(b'<html><body>')
    False
    """
    stripped = _head_text(head[:64]).lstrip()
    if not stripped.startswith("<"):
        return False
    return root_name(head) in PUBMED_ROOTS + JATS_ROOTS


def parse_xml(data: bytes, path: str | Path) -> Element:
    """The root element; IngestError for malformed XML or XML that declares entities."""
    data = _as_utf8(data, path)
    try:
        try:
            return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
        except ParseError as error:
            if "undefined entity" not in str(error):
                raise
            return fromstring(_declare_html_entities(data), forbid_dtd=False,
                              forbid_entities=True, forbid_external=True)
    except XML_REFUSALS as error:
        raise xml_refusal(path, error) from None


# What defusedxml and the parser raise for an XML file that is not read: entity declarations
# (expansion bombs), external references, malformed or truncated XML.
XML_REFUSALS = (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden, defusedxml.DTDForbidden, ParseError)


def xml_refusal(path: str | Path, error: Exception) -> IngestError:
    """The one line that says why an XML file is refused (see ``XML_REFUSALS``)."""
    if isinstance(error, defusedxml.EntitiesForbidden):
        return IngestError(path, "XML declares entities (refused: entity expansion and "
                           "external entities are never read)")
    if isinstance(error, (defusedxml.ExternalReferenceForbidden, defusedxml.DTDForbidden)):
        return IngestError(path, "XML refers to external resources (refused)")
    problem = str(error).split(":")[0]
    line = getattr(error, "position", (0, 0))[0]
    reason = "truncated" if "no element found" in problem else "malformed"
    return BrokenXML(path, f"{reason} XML ({problem}, line {line})")


class BrokenXML(IngestError):
    """An XML file that is truncated or malformed (not one that declares entities): what is
    well-formed in it may still be read (``recover_xml``)."""


def recover_xml(data: bytes) -> Element | None:
    """The well-formed part of a truncated or malformed XML file, as a browser shows it: a
    download cut short or a page saved half-way still has its title, abstract and first
    sections. libxml2's recovering parser reads it with entities left unexpanded, no DTD and
    no network; its result is parsed again by defusedxml like any file. None when nothing
    with text is left, or when the file declares entities (those are refused, never read)."""
    if b"<!ENTITY" in data:
        return None
    from lxml import etree  # a dependency already (BeautifulSoup's parser); loaded only here

    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(_declare_html_entities(_as_utf8(data, "")), parser)
    except (etree.XMLSyntaxError, ValueError, IngestError):
        return None
    if root is None or not "".join(root.itertext()).strip():
        return None
    try:
        return fromstring(etree.tostring(root), forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except XML_REFUSALS:
        return None


def _as_utf8(data: bytes, path: str | Path) -> bytes:
    """Bytes in an encoding the XML parser knows: a declared GB18030/GBK/cp1252 is decoded here."""
    body, bom = strip_bom(data)
    if bom:
        return data
    match = _DECLARED_ENCODING.match(body.lstrip()[:200])
    if not match:
        return data
    label = match.group(1).decode("ascii").lower()
    if label.replace("-", "").replace("_", "") in ("utf8", "usascii", "ascii", "utf16"):
        return data
    try:
        text = body.decode({"gb2312": "gb18030", "gbk": "gb18030"}.get(label, label))
    except (LookupError, UnicodeDecodeError):
        raise IngestError(path, f"undecodable XML (not valid {label.upper()})") from None
    return re.sub(r"""encoding\s*=\s*["'][^"']+["']""", 'encoding="utf-8"', text, count=1).encode("utf-8")


def _declare_html_entities(data: bytes) -> bytes:
    """'&nbsp;' -> '&#160;' for the HTML entity names; XML's own five and unknown names stay."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name in _XML_ENTITIES or name not in html.entities.name2codepoint:
            return match.group()
        return f"&#{html.entities.name2codepoint[name]};"

    return _NAMED_ENTITY.sub(replace, data.decode("utf-8", errors="replace")).encode("utf-8")


# --- element text -----------------------------------------------------------------------


def local(tag) -> str:
    """Tag name without namespace: '{http://www.w3.org/1998/Math/MathML}math' -> 'math'."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def inline_text(element: Element | None, skip: frozenset[str] = frozenset()) -> str:
    """An element's text on one line: superscripts rendered ("10⁹", " [3]"), whitespace
    collapsed, children named in ``skip`` (nested figures, tables) left out."""
    if element is None:
        return ""
    pieces: list[str] = []
    _collect(element, pieces, skip)
    return _SPACES.sub(" ", "".join(pieces)).strip()


def _collect(element: Element, pieces: list[str], skip: frozenset[str]) -> None:
    stack: list = [element]
    while stack:  # iterative, like the HTML walker: deep nesting must not recurse
        node = stack.pop()
        if isinstance(node, str):  # the tail of an element, queued after it
            pieces.append(node)
            continue
        name = local(node.tag)
        if node is not element and name in skip:
            continue
        if node is not element and name == "sup":
            append_superscript(pieces, "".join(node.itertext()))
            continue
        if name in ("break", "lb", "br"):
            pieces.append(" ")
        if node.text:
            pieces.append(node.text)
        for sub in reversed(list(node)):
            if sub.tail:
                stack.append(sub.tail)
            stack.append(sub)


def child(element: Element | None, *names: str) -> Element | None:
    """The first descendant along the path of local names ('front', 'article-meta', ...)."""
    for name in names:
        if element is None:
            return None
        element = next((c for c in element if local(c.tag) == name), None)
    return element


def children(element: Element | None, name: str) -> list[Element]:
    return [c for c in element if local(c.tag) == name] if element is not None else []


def clean_title(title: str) -> str | None:
    """'[Leukaemoid reaction in a case].' -> 'Leukaemoid reaction in a case' (PubMed marks
    translated titles with brackets)."""
    title = " ".join(title.split())
    if title.startswith("[") and "]" in title:
        title = title[1:].replace("]", "", 1)
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1]
    return title.strip() or None
