"""The parts of SpreadsheetML every module of the workbook editor reads and writes: the
namespace, qualified tag names, cell references ('AB12' <-> row 12, column 28), the text of a
string cell and a cell's value from its type."""
from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
WORKSHEET_REL = REL + "/worksheet"
WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# No entity expansion or network access: workbooks come from other people.
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_CELL_REF = re.compile(r"([A-Z]{1,3})(\d+)$")


def qname(tag: str) -> str:
    return f"{{{MAIN}}}{tag}"


C, V, F, IS, T, R, ROW = (qname(t) for t in ("c", "v", "f", "is", "t", "r", "row"))


def column_letter(index: int) -> str:
    """1 -> 'A', 27 -> 'AA'."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_COLUMN_INDEX: dict[str, int] = {}


def column_index(letters: str) -> int:
    """'A' -> 1, 'AA' -> 27."""
    index = _COLUMN_INDEX.get(letters)
    if index is None:
        index = 0
        for char in letters:
            index = index * 26 + ord(char) - 64
        _COLUMN_INDEX[letters] = index
    return index


def split_ref(ref: str) -> tuple[int, int]:
    """'AB12' -> (12, 28)."""
    letters = ref.rstrip("0123456789")
    try:  # the usual form, fast; '$A$1' or lower case through the regex
        return int(ref[len(letters):]), _COLUMN_INDEX[letters]
    except (KeyError, ValueError):
        match = _CELL_REF.match(ref.replace("$", "").upper())
        if not match:
            raise ValueError(ref) from None
        return int(match.group(2)), column_index(match.group(1))


def column_of(ref: str) -> int:
    letters = ref.rstrip("0123456789")
    index = _COLUMN_INDEX.get(letters)
    return index if index is not None else split_ref(ref)[1]


def rich_text(element) -> str:
    """The text of a shared or inline string: plain <t>, or runs <r><t>; not phonetic hints."""
    parts = []
    for child in element:
        if child.tag == T:
            parts.append(child.text or "")
        elif child.tag == R:
            parts.extend(t.text or "" for t in child.iter(T))
    return "".join(parts)


def to_bytes(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def number_text(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def typed_value(kind: str, text: str, shared_strings: Callable[[], list[str]]) -> object:
    """A cell's value from the text of its <v> and its type ``t``."""
    if kind == "s":
        strings = shared_strings()
        index = int(text)
        return strings[index] if 0 <= index < len(strings) else None
    if kind == "b":
        return text.strip() == "1"
    if kind in ("str", "e", "d"):
        return text
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


FEW_ROWS = 16  # rows update_rows changes one by one however short the sheet
