"""Editing an existing .xlsx workbook cell by cell, keeping everything else as it was.

openpyxl rebuilds a whole workbook from its own model when it saves: what it does not model
(shapes, some chart and pivot features) is lost, and loading a 10,000-row sheet takes
seconds. A refresh changes a few cells of a sheet someone formatted by hand, so this module
edits the package's XML instead: the sheets it changes are parsed with lxml and written
back, with each cell keeping its style; every other part (styles, drawings, comments,
column widths, filters, macros) is copied unchanged. Text is written as inline strings, so
the shared-string table is never rewritten.

    >>> import io, openpyxl
    >>> handle = io.BytesIO(); book = openpyxl.Workbook(); book.active.title = "cases"
    >>> book.active.append(["Age", "Sex"]); book.active.append([40, "female"]); book.save(handle)
    >>> edited = XlsxWorkbook(handle.getvalue())
    >>> sheet = edited.worksheet("cases")
    >>> sheet.value(2, 1), sheet.value(2, 2)
    (40, 'female')
    >>> sheet.set_value(2, 1, 41); sheet.set_value(3, 2, "male")
    >>> out = io.BytesIO(); edited.write(out)
    >>> [list(r) for r in openpyxl.load_workbook(out)["cases"].iter_rows(values_only=True)]
    [['Age', 'Sex'], [41, 'female'], [None, 'male']]
"""
from __future__ import annotations

import io
import os
import posixpath
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from lxml import etree

from pipeline.export.safe import _XML_ILLEGAL, EXCEL_CELL_LIMIT, xlsx_text
from pipeline.review.xlsx_bytes import SharedStrings
from pipeline.review.xlsx_cells import (
    CONTENT_TYPES, MAIN, PACKAGE_REL, PARSER, REL, STRICT_MAIN, WORKSHEET_CONTENT, WORKSHEET_REL,
    column_letter, number_text, qname, rich_text, split_ref, to_bytes,
)
from pipeline.review.xlsx_sheet import Worksheet

# zlib level 1: a third of level 6's time on a big sheet, for a file about a fifth larger.
_COMPRESSION = 1


class WorkbookError(Exception):
    """The file is not a workbook this module can edit; the message says why."""

class XlsxWorkbook:
    """An .xlsx package opened for editing: ``worksheet(name)``, ``add_worksheet``,
    ``replace_rows``, then ``write(handle)`` or ``save(path)``."""

    def __init__(self, source: str | os.PathLike | bytes):
        self._new: dict[str, bytes] = {}  # parts written by us, replacing or adding
        self._sheets: dict[str, Worksheet] = {}  # parsed worksheets, by part name
        self._shared: Sequence[str] | None = None
        self._package_changed = False  # sheets added: workbook, relationships, content types
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
            self._parts = {info.filename: info for info in self._zip.infolist()}
            self._load_workbook()
        except WorkbookError:
            raise
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError, OSError) as error:
            raise WorkbookError(f"not a readable .xlsx workbook ({error})") from None

    # --- reading the package -------------------------------------------------------------

    def _xml(self, part: str):
        if part in self._new:
            return etree.fromstring(self._new[part], PARSER)
        return etree.fromstring(self._zip.read(part), PARSER)

    @staticmethod
    def _rels_part(part: str) -> str:
        folder, name = posixpath.split(part)
        return posixpath.join(folder, "_rels", name + ".rels")

    @staticmethod
    def _target(base: str, target: str) -> str:
        if target.startswith("/"):
            return target[1:]
        return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))

    def _load_workbook(self) -> None:
        root_rels = self._xml("_rels/.rels")
        office = [r for r in root_rels if r.get("Type", "").endswith("/officeDocument")]
        if not office:
            raise WorkbookError("not a readable .xlsx workbook (no workbook part)")
        self.workbook_part = self._target("", office[0].get("Target"))
        self.workbook = self._xml(self.workbook_part)
        namespace = etree.QName(self.workbook).namespace
        if namespace == STRICT_MAIN:
            raise WorkbookError("a Strict Open XML workbook; save it as an ordinary Excel Workbook (.xlsx)")
        if namespace != MAIN:
            raise WorkbookError("not an Excel workbook (an .xlsx with an unknown main part)")
        self.rels_part = self._rels_part(self.workbook_part)
        self.rels = self._xml(self.rels_part)
        self.content_types = self._xml("[Content_Types].xml")
        targets = {r.get("Id"): r for r in self.rels}
        self.sheet_parts: dict[str, str] = {}
        self.sheet_elements: dict[str, object] = {}
        self.shared_strings_part = None
        for rel in self.rels:
            if rel.get("Type", "").endswith("/sharedStrings"):
                self.shared_strings_part = self._target(self.workbook_part, rel.get("Target"))
        sheets = self.workbook.find(qname("sheets"))
        for sheet in sheets if sheets is not None else ():
            rel = targets.get(sheet.get(f"{{{REL}}}id"))
            if rel is not None and rel.get("Type") == WORKSHEET_REL:
                self.sheet_parts[sheet.get("name")] = self._target(self.workbook_part, rel.get("Target"))
                self.sheet_elements[sheet.get("name")] = sheet

    def sheet_names(self) -> list[str]:
        """Worksheet names in tab order (chart sheets and dialog sheets are not listed)."""
        return list(self.sheet_parts)

    def shared_strings(self) -> Sequence[str]:
        if self._shared is None:
            part = self.shared_strings_part
            if part is None or part not in self._parts:
                self._shared = []
            else:
                data = self._zip.read(part)
                self._shared = SharedStrings.build(data)
                if self._shared is None:
                    self._shared = [rich_text(si) for si in etree.fromstring(data, PARSER)]
        return self._shared

    def worksheet(self, name: str) -> Worksheet:
        part = self.sheet_parts.get(name)
        if part is None:
            raise KeyError(name)
        if part not in self._sheets:
            data = self._new[part] if part in self._new else self._zip.read(part)
            self._sheets[part] = Worksheet(self, data, name)
        return self._sheets[part]

    # --- changing it -----------------------------------------------------------------------

    def add_worksheet(self, name: str, hidden: bool = False) -> Worksheet:
        """A new, empty worksheet after the others."""
        taken = set(self._parts) | set(self._new)
        number = 1
        while f"xl/worksheets/sheet{number}.xml" in taken:
            number += 1
        part = f"xl/worksheets/sheet{number}.xml"
        self._new[part] = _sheet_xml([])
        override = etree.SubElement(self.content_types, f"{{{CONTENT_TYPES}}}Override")
        override.set("PartName", "/" + part)
        override.set("ContentType", WORKSHEET_CONTENT)
        ids = {r.get("Id") for r in self.rels}
        rel_number = len(ids) + 1
        while f"rId{rel_number}" in ids:
            rel_number += 1
        rel = etree.SubElement(self.rels, f"{{{PACKAGE_REL}}}Relationship")
        rel.set("Id", f"rId{rel_number}")
        rel.set("Type", WORKSHEET_REL)
        rel.set("Target", posixpath.relpath(part, posixpath.dirname(self.workbook_part)))
        sheets = self.workbook.find(qname("sheets"))
        sheet_ids = [int(s.get("sheetId", "0")) for s in sheets]
        element = etree.SubElement(sheets, qname("sheet"))
        element.set("name", name)
        element.set("sheetId", str(max(sheet_ids, default=0) + 1))
        if hidden:
            element.set("state", "hidden")
        element.set(f"{{{REL}}}id", f"rId{rel_number}")
        self.sheet_parts[name] = part
        self.sheet_elements[name] = element
        self._package_changed = True
        return self.worksheet(name)

    def replace_rows(self, name: str, rows: list[list[object]], hidden: bool = False) -> None:
        """Make sheet ``name`` hold exactly ``rows`` (values only), adding it if needed.

        For sheets only caselit writes: built as text, much faster than cell by cell.
        """
        if name not in self.sheet_parts:
            self.add_worksheet(name, hidden=hidden)
        part = self.sheet_parts[name]
        sheet = self._sheets.get(part)
        if sheet is not None and sheet.update_rows(rows):
            return  # the rows that differ from those read changed, the others written as read
        self._sheets.pop(part, None)
        self._new[part] = _sheet_xml(rows)

    def write(self, handle: BinaryIO) -> None:
        """Write the edited package to an open binary file."""
        changed = dict(self._new)
        changed.update((part, sheet.to_bytes()) for part, sheet in self._sheets.items() if sheet.changed)
        for sheet in self._sheets.values():
            if sheet.changed and sheet.filter_ref:
                self._set_filter_name(sheet.name, sheet.filter_ref)
        if self._package_changed:
            for part, root in ((self.workbook_part, self.workbook), (self.rels_part, self.rels),
                               ("[Content_Types].xml", self.content_types)):
                changed[part] = to_bytes(root)
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as out:
            for info in self._zip.infolist():
                data = changed.pop(info.filename, None)
                if data is None:
                    data = self._zip.read(info.filename)
                copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                copy.compress_type = info.compress_type
                copy.external_attr = info.external_attr
                out.writestr(copy, data, compresslevel=_COMPRESSION if info.compress_type else None)
            for part, data in changed.items():  # parts we added
                out.writestr(part, data, compresslevel=_COMPRESSION)

    def _set_filter_name(self, name: str, ref: str) -> None:
        # Excel mirrors a sheet's autofilter range in a hidden defined name.
        index = list(self.sheet_parts).index(name) if name in self.sheet_parts else -1
        names = self.workbook.find(qname("definedNames"))
        for defined in names if names is not None else ():
            if defined.get("name") == "_xlnm._FilterDatabase" and defined.get("localSheetId") == str(index):
                start, end = (_absolute(part) for part in ref.split(":"))
                quoted = "'" + name.replace("'", "''") + "'"
                if defined.text != f"{quoted}!{start}:{end}":
                    defined.text = f"{quoted}!{start}:{end}"
                    self._package_changed = True

    def save(self, path: str | os.PathLike, before_replace=None) -> None:
        """Write to ``path`` atomically (a temporary file renamed into place); see
        ``atomic_output`` for ``before_replace``."""
        from pipeline.export.writers import atomic_output

        with atomic_output(Path(path), before_replace=before_replace) as handle:
            self.write(handle)

    def close(self) -> None:
        self._zip.close()


def _absolute(ref: str) -> str:
    """'R3' -> '$R$3'."""
    row, column = split_ref(ref)
    return f"${column_letter(column)}${row}"




def _sheet_xml(rows: list[list[object]]) -> bytes:
    """A minimal worksheet holding ``rows`` (strings inline, numbers as numbers)."""
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}">']
    width = max((len(r) for r in rows), default=0)
    if rows and width:
        out.append(f'<dimension ref="A1:{column_letter(width)}{len(rows)}"/>')
    out.append("<sheetData>")
    letters = [column_letter(i) for i in range(1, width + 1)]
    append = out.append
    for number, row in enumerate(rows, 1):
        append(f'<row r="{number}">')
        for letter, value in zip(letters, row):
            if value is None:
                continue
            if isinstance(value, str):
                if len(value) > EXCEL_CELL_LIMIT:
                    value = xlsx_text(value)
                # What xlsx_text also removes (characters XML cannot hold) goes below, at once.
                text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                append(f'<c r="{letter}{number}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>')
            elif isinstance(value, bool):
                append(f'<c r="{letter}{number}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, (int, float)):
                if value == value and value not in (float("inf"), float("-inf")):
                    append(f'<c r="{letter}{number}"><v>{number_text(value)}</v></c>')
            else:
                text = escape(xlsx_text(str(value)))
                append(f'<c r="{letter}{number}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>')
        append("</row>")
    append("</sheetData></worksheet>")
    text = "".join(out)
    data = text.encode("utf-8")
    if len(data.translate(None, _CONTROL_BYTES)) != len(data) or b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data:
        data = _XML_ILLEGAL.sub("", text).encode("utf-8")  # rare: not one regex pass over every sheet
    return data


# The characters of safe._XML_ILLEGAL below U+0080, as UTF-8 bytes (\n, \r and \t are allowed).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
