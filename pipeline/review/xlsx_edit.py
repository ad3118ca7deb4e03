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
import re
import zipfile
from bisect import bisect_left
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from lxml import etree

from pipeline.export.safe import _XML_ILLEGAL, EXCEL_CELL_LIMIT, xlsx_text

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
WORKSHEET_REL = REL + "/worksheet"
WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# No entity expansion or network access: workbooks come from other people.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
# zlib level 1: a third of level 6's time on a big sheet, for a file about a fifth larger.
_COMPRESSION = 1
_CELL_REF = re.compile(r"([A-Z]{1,3})(\d+)$")


class WorkbookError(Exception):
    """The file is not a workbook this module can edit; the message says why."""


def _q(tag: str) -> str:
    return f"{{{MAIN}}}{tag}"


C, V, F, IS, T, R, ROW = (_q(t) for t in ("c", "v", "f", "is", "t", "r", "row"))


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


def _split_ref(ref: str) -> tuple[int, int]:
    """'AB12' -> (12, 28)."""
    letters = ref.rstrip("0123456789")
    try:  # the usual form, fast; '$A$1' or lower case through the regex
        return int(ref[len(letters):]), _COLUMN_INDEX[letters]
    except (KeyError, ValueError):
        match = _CELL_REF.match(ref.replace("$", "").upper())
        if not match:
            raise ValueError(ref) from None
        return int(match.group(2)), column_index(match.group(1))


def _column_of(ref: str) -> int:
    letters = ref.rstrip("0123456789")
    index = _COLUMN_INDEX.get(letters)
    return index if index is not None else _split_ref(ref)[1]


def _rich_text(element) -> str:
    """The text of a shared or inline string: plain <t>, or runs <r><t>; not phonetic hints."""
    parts = []
    for child in element:
        if child.tag == T:
            parts.append(child.text or "")
        elif child.tag == R:
            parts.extend(t.text or "" for t in child.iter(T))
    return "".join(parts)


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
            return etree.fromstring(self._new[part], _PARSER)
        return etree.fromstring(self._zip.read(part), _PARSER)

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
        sheets = self.workbook.find(_q("sheets"))
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
                self._shared = _SharedStrings.build(data)
                if self._shared is None:
                    self._shared = [_rich_text(si) for si in etree.fromstring(data, _PARSER)]
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
        sheets = self.workbook.find(_q("sheets"))
        sheet_ids = [int(s.get("sheetId", "0")) for s in sheets]
        element = etree.SubElement(sheets, _q("sheet"))
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
                changed[part] = _to_bytes(root)
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
        names = self.workbook.find(_q("definedNames"))
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
    row, column = _split_ref(ref)
    return f"${column_letter(column)}${row}"


def _to_bytes(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


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
                    append(f'<c r="{letter}{number}"><v>{_number_text(value)}</v></c>')
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


def _number_text(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


class Worksheet:
    """One worksheet's cells, 1-based ``(row, column)`` as in Excel.

    A big sheet is not parsed whole: its rows are found in the part's bytes (``_RowIndex``),
    a cell's value is read from its bytes when it has one of the plain forms Excel, openpyxl
    and caselit write (a number, a shared string, an inline string), and a row is parsed
    with lxml only when it is changed or holds anything else (a formula, rich text). When
    written, the rows nobody changed are copied as they were read, byte for byte. A part
    this cannot index (comments or CDATA in it, another encoding, a namespace prefix on the
    cells) is parsed whole, as before.
    """

    def __init__(self, book: XlsxWorkbook, data: bytes, name: str = ""):
        self.book = book
        self.name = name
        self.filter_ref: str | None = None  # the autofilter range, once stretched
        self.changed = False
        self._rows: dict[int, object] = {}  # parsed rows (all of them when not indexed)
        self._cells: dict[int, dict[int, object]] = {}
        self._dirty: set[int] = set()  # rows changed or added: written from their element
        self._values_read: list[list[object]] | None = None  # every row, as rows_values() read them
        self._index = _RowIndex.build(data)
        if self._index is not None:
            self.root = etree.fromstring(self._index.skeleton, _PARSER)
            self.data = self.root.find(_q("sheetData"))
            if self.data is None or self.data.text != _ROWS_MARK or len(self.data):
                self._index = None  # not the skeleton expected: read it whole
        if self._index is None:
            self.root = etree.fromstring(data, _PARSER)
            self.data = self.root.find(_q("sheetData"))
            if self.data is None:
                self.data = etree.SubElement(self.root, _q("sheetData"))
            previous = 0
            for row in self.data.iterchildren(ROW):
                ref = row.get("r")
                number = int(ref) if ref else previous + 1
                if not ref:
                    row.set("r", str(number))
                self._rows[number] = row
                previous = number
            self._numbers = sorted(self._rows)
        else:
            self._numbers = list(self._index.spans)  # in increasing order
            self._namespaces = self.data.nsmap
        self.first_max_row = self.max_row
        self._max_column: int | None = None
        self.first_max_column: int | None = None  # taken before the first change

    @property
    def max_row(self) -> int:
        return self._numbers[-1] if self._numbers else 0

    def row_numbers(self) -> list[int]:
        return list(self._numbers)

    def max_column(self) -> int:
        """The rightmost column holding a cell in any row."""
        if self._max_column is None:
            last = 0
            for number in self._numbers:
                cells = self._cells.get(number)
                if cells:
                    last = max(last, max(cells))
                    continue
                if number not in self._rows:
                    found = self._index.last_column(number)
                    if found is not None:
                        last = max(last, found)
                        continue
                row = self._element(number)
                tail = row[-1] if len(row) else None
                while tail is not None and tail.tag != C:
                    tail = tail.getprevious()
                if tail is not None:
                    ref = tail.get("r")
                    last = max(last, _column_of(ref) if ref else max(self._row_cells(number), default=0))
            self._max_column = last
        return self._max_column

    def _element(self, number: int):
        """The row's element, parsed from its bytes the first time; None for no such row."""
        row = self._rows.get(number)
        if row is None and self._index is not None and number in self._index.spans:
            row = self._index.parse(number, self._namespaces)
            self._rows[number] = row
        return row

    def _row_cells(self, number: int) -> dict[int, object]:
        cells = self._cells.get(number)
        if cells is None:
            cells = {}
            row = self._element(number)
            previous = 0
            for cell in row.iterchildren(C) if row is not None else ():
                ref = cell.get("r")
                column = _column_of(ref) if ref else previous + 1
                if not ref:
                    cell.set("r", f"{column_letter(column)}{number}")
                cells[column] = cell
                previous = column
            self._cells[number] = cells
        return cells

    def column_values(self, column: int) -> dict[int, object]:
        """{row: value} of one column, for every row holding a cell there."""
        return self.columns_values([column])[column]

    def columns_values(self, columns: list[int], first_row: int = 1) -> dict[int, dict[int, object]]:
        """{column: {row: value}} of several columns in one pass over the rows from
        ``first_row``; a cell without a value is left out."""
        found: dict[int, dict[int, object]] = {column: {} for column in columns}
        if not columns:
            return found  # nothing to read: not a pass over every cell of the sheet
        wanted = set(columns)
        from_bytes = self._index.columns_values(wanted, first_row, self.book.shared_strings) if self._index else None
        if from_bytes is None:
            for number in self._numbers:
                if number < first_row:
                    continue
                if number in self._rows:
                    self._read_parsed(number, wanted, found)
                    continue
                for column in wanted:  # from the bytes
                    value = self.value(number, column)
                    if value is not None:
                        found[column][number] = value
            return found
        parsed = [number for number in self._rows if number >= first_row]  # changed or added: read below
        skip = set(parsed)
        for column, values in from_bytes.items():
            kept = found[column]
            for number, value in values.items():
                if number in skip:
                    continue
                if value is _UNREAD:  # not one of the plain forms: its row parsed
                    value = self.value(number, column)
                if value is not None:
                    kept[number] = value
        if parsed:
            for number in parsed:
                self._read_parsed(number, wanted, found)
            found = {column: dict(sorted(values.items())) for column, values in found.items()}  # in row order
        return found

    def _read_parsed(self, number: int, wanted: set[int], found: dict[int, dict[int, object]]) -> None:
        """The values of the ``wanted`` columns of parsed row ``number`` into ``found``."""
        cells = self._cells.get(number)
        if cells is not None:
            pairs = [(c, cells[c]) for c in wanted if c in cells]
        else:
            pairs, previous, last = [], 0, max(wanted)
            for cell in self._rows[number].iterchildren(C):
                ref = cell.get("r")
                column = _column_of(ref) if ref else previous + 1
                previous = column
                if column in wanted:
                    pairs.append((column, cell))
                elif column > last and ref:  # cells are in column order: the rest are further right
                    break
        for column, cell in pairs:
            value = self._read(cell)
            if value is not None:
                found[column][number] = value

    def rows_values(self) -> list[list[object]]:
        """Every row as a list of values from column A (rows without cells are skipped)."""
        rows = []
        every = None
        if self._index is not None and not self._rows:
            every = self._index.text_pairs(self.book.shared_strings)
            if every is None:
                every = self._index.all_values(self.book.shared_strings)
        for number in self._numbers:
            values = every.get(number) if every is not None else None
            if values is None and number not in self._rows and self._index is not None:
                values = self._index.row_values(number, self.book.shared_strings)
            if values is None:
                cells = self._row_cells(number)
                values = {column: self._read(cell) for column, cell in cells.items()}
            if type(values) is list:  # [A, B] (text_pairs)
                rows.append(values)
            elif values:
                row = [None] * max(values)
                for column, value in values.items():
                    row[column - 1] = value
                rows.append(row)
        numbers = self._numbers
        if not self.changed and len(rows) == len(numbers) and (not numbers or numbers[0] == 1 == numbers[-1] - len(numbers) + 1):
            self._values_read = [list(row) for row in rows]  # row n is rows[n - 1]: see update_rows
        if not self.changed and self._max_column is None:  # each row's last cell was read: no pass for it
            self._max_column = max(map(len, rows), default=0)
        return rows

    def update_rows(self, rows: list[list[object]]) -> bool:
        """Make the sheet hold exactly ``rows`` (values from column A) by changing the rows that
        differ from what ``rows_values()`` read, when it read every row and few differ; False
        otherwise, touching nothing. Rows caselit rewrites on every refresh (its hidden state:
        10,000 rows, a few new) are written mostly as they were read."""
        read = self._values_read
        if read is None or self.changed or len(rows) < len(read):
            return False
        changed = [index for index, row in enumerate(rows) if index >= len(read) or not _same_values(row, read[index])]
        if len(changed) > max(_FEW_ROWS, len(rows) // 4):
            return False  # most rows differ: written anew
        for index in changed:
            old, new = (read[index] if index < len(read) else []), rows[index]
            for column in range(max(len(old), len(new))):
                value = new[column] if column < len(new) else None
                previous = old[column] if column < len(old) else None
                if not _same_values([value], [previous]):
                    self.set_value(index + 1, column + 1, value)
        self._values_read = None
        return True

    def value(self, row: int, column: int) -> object:
        """str, int, float, bool or None; an error cell gives its text ('#N/A'). Read from the
        bytes when the row was not parsed."""
        if row not in self._rows and self._index is not None:
            found = self._index.value(row, column, self.book.shared_strings)
            if found is not _UNREAD:
                return found
        cell = self._row_cells(row).get(column)
        return None if cell is None else self._read(cell)

    def has_formula(self, row: int, column: int) -> bool:
        if row not in self._rows and self._index is not None:
            if self._index.has_no_formula(row, column):
                return False
        cell = self._row_cells(row).get(column)
        return cell is not None and cell.find(F) is not None

    def style(self, row: int, column: int) -> str | None:
        cell = self._row_cells(row).get(column)
        return None if cell is None else cell.get("s")

    def _read(self, cell) -> object:
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            inline = cell.find(IS)
            return None if inline is None else _rich_text(inline)
        value = cell.find(V)
        if value is None or value.text is None:
            return None
        return _typed(kind, value.text, self.book.shared_strings)

    # --- writing ---------------------------------------------------------------------------

    def _row(self, number: int):
        row = self._element(number)
        if row is None:
            if self._index is not None:  # kept apart from the skeleton, written in its place
                holder = etree.Element(_q("sheetData"), nsmap=self._namespaces)
                row = etree.SubElement(holder, ROW)
            else:
                row = etree.Element(ROW)
            row.set("r", str(number))
            position = bisect_left(self._numbers, number)
            if self._index is None:
                if position == len(self._numbers):
                    self.data.append(row)
                else:
                    self._rows[self._numbers[position]].addprevious(row)
            self._numbers.insert(position, number)
            self._rows[number] = row
            self._cells[number] = {}
        self._dirty.add(number)
        return row

    def set_value(self, row: int, column: int, value: object, style: str | None = None) -> None:
        """Write a value (None empties the cell); the cell keeps its style, a new cell takes
        ``style`` (an index into the workbook's cell formats, as another cell's ``style()``)."""
        if self.first_max_column is None:
            self.first_max_column = self.max_column()
        self._max_column = max(self.max_column(), column)
        self.changed = True
        element = self._row(row)
        element.attrib.pop("spans", None)  # a hint Excel recomputes; stale once cells move
        cells = self._row_cells(row)
        cell = cells.get(column)
        if cell is None:
            cell = etree.Element(C)
            cell.set("r", f"{column_letter(column)}{row}")
            if style is not None:
                cell.set("s", style)
            later = [c for c in cells if c > column]
            if later:
                cells[min(later)].addprevious(cell)
            else:
                tail = element.find(_q("extLst"))
                if tail is not None:
                    tail.addprevious(cell)
                else:
                    element.append(cell)
            cells[column] = cell
        for child in list(cell):
            if child.tag != _q("extLst"):
                cell.remove(child)
        cell.attrib.pop("t", None)
        if value is None or (isinstance(value, float) and (value != value or value in (float("inf"), float("-inf")))):
            return
        if isinstance(value, bool):
            cell.set("t", "b")
            etree.SubElement(cell, V).text = "1" if value else "0"
        elif isinstance(value, (int, float)):
            cell.insert(0, etree.Element(V))
            cell[0].text = _number_text(value)
        else:
            cell.set("t", "inlineStr")
            inline = etree.Element(IS)
            text = etree.SubElement(inline, T)
            text.text = xlsx_text(str(value))
            text.set(XML_SPACE, "preserve")
            cell.insert(0, inline)

    def to_bytes(self) -> bytes:
        self._update_ranges()
        if self._index is None:
            return _to_bytes(self.root)
        head, tail = _to_bytes(self.root).split(_ROWS_MARK.encode("ascii"))
        return b"".join([head, *self._index.rows_bytes(self._numbers, self._dirty, self._rows), tail])

    def _update_ranges(self) -> None:
        """Stretch the used range and an autofilter over the rows and columns added."""
        last_row, last_column = self.max_row, self.max_column()
        dimension = self.root.find(_q("dimension"))
        if dimension is not None and last_row and last_column:
            dimension.set("ref", f"A1:{column_letter(last_column)}{last_row}")
        autofilter = self.root.find(_q("autoFilter"))
        if autofilter is not None and ":" in autofilter.get("ref", ""):
            start, end = autofilter.get("ref").split(":", 1)
            try:
                end_row, end_column = _split_ref(end)
            except ValueError:
                return
            if end_row == self.first_max_row:
                end_row = max(end_row, last_row)
            if end_column == self.first_max_column:
                end_column = max(end_column, last_column)
            self.filter_ref = f"{start}:{column_letter(end_column)}{end_row}"
            autofilter.set("ref", self.filter_ref)


_FEW_ROWS = 16  # rows update_rows changes one by one however short the sheet


def _same_values(one: list[object], other: list[object]) -> bool:
    """The same values of the same types (True is not 1: a cell of each is written apart)."""
    if len(one) != len(other):
        return False
    for value, previous in zip(one, other):
        # the same object (a state row's text kept as read): no comparison
        if value is not previous and (value != previous or type(value) is not type(previous)):
            return False
    return True


def _typed(kind: str, text: str, shared_strings: Callable[[], list[str]]) -> object:
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


# Stands in the skeleton of an indexed sheet for its rows (text no part contains: checked).
_ROWS_MARK = "caselit-rows-7d1f0c"
_UNREAD = object()  # a value the bytes do not give: read it from the parsed row
# A cell of one of the plain forms: empty, a value, or one inline string run. Anything else
# (a formula, rich text, attributes on <v>) is read from the parsed row.
# A row of two inline strings in A and B, as caselit and openpyxl write them (caselit's state).
_INLINE_TEXT = rb'(?: s="\d+")? t="inlineStr"><is><t(?: xml:space="preserve")?>([^<]*)</t></is></c>'
_TEXT_PAIR_ROW = re.compile(rb'<row r="(\d+)"[^>]*><c r="A\1"' + _INLINE_TEXT + rb'<c r="B\1"' + _INLINE_TEXT + rb"</row>")
_PLAIN_FORMS = rb'([^>]*?)(?:/>|>(?:<v>([^<]*)</v>|<is><t(?: xml:space="preserve")?>([^<]*)</t></is>)?</c>)'
_PLAIN_CELL = re.compile(rb'<c r="([A-Z]{1,3})\d+"' + _PLAIN_FORMS)
_TYPE = re.compile(rb'\st="([^"]*)"')
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_XML_DECLARATION = re.compile(rb'<\?xml[^>]*?\?>')
_ENCODING = re.compile(rb'encoding=["\']([A-Za-z0-9._-]+)["\']')


def _entity(match: re.Match) -> str:
    name = match.group(1)
    if name[0] == "#":
        return chr(int(name[2:], 16) if name[1] in "xX" else int(name[1:]))
    return _NAMED[name]


def _xml_text(raw: bytes) -> str:
    """The text XML parsers give for character data ``raw``: line ends normalised, then the
    character and predefined entity references replaced."""
    if b"\r" in raw:
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    text = raw.decode("utf-8")
    return _ENTITY.sub(_entity, text) if "&" in text else text


class _SharedStrings(Sequence):
    """The shared-string table of a workbook Excel saved (often 100,000 strings), each
    string read from the part's bytes when a cell asks for it."""

    def __init__(self, data: bytes, starts: list[int], namespace_tags: tuple[bytes, bytes]):
        self.data = data
        self.starts = starts  # where each <si> begins
        self.tags = namespace_tags
        self._read: dict[int, str] = {}

    @classmethod
    def build(cls, data: bytes) -> _SharedStrings | None:
        """None for a table this does not read from bytes: parse it whole."""
        start = _content_start(data)
        if start is None:
            return None
        root = data.find(b"<", start)
        root_end = data.find(b">", root)
        if not data.startswith(b"<sst", root) or f'xmlns="{MAIN}"'.encode("ascii") not in data[root:root_end]:
            return None
        if root_end < 0 or data[root_end - 1] == 0x2F:  # <sst .../>
            return None
        starts = [match.start() for match in _SHARED_STRING.finditer(data, root_end)]
        if len(starts) != data.count(b"<si", root_end):
            return None  # <si/>, or an <si> with attributes
        try:
            namespaces = etree.fromstring(data[root:root_end] + b"/>", _PARSER).nsmap
        except etree.XMLSyntaxError:
            return None
        return cls(data, starts, _holder_tags(etree.Element(_q("sst"), nsmap=namespaces)))

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        text = self._read.get(index)
        if text is None:
            start = self.starts[index]
            plain = _PLAIN_SHARED_STRING.match(self.data, start)
            if plain is not None:
                text = _xml_text(plain.group(1))
            else:  # rich text runs, phonetic hints: parsed
                end = self.data.find(b"</si>", start) + 5
                text = _rich_text(etree.fromstring(self.tags[0] + self.data[start:end] + self.tags[1], _PARSER)[0])
            self._read[index] = text
        return text


_SHARED_STRING = re.compile(rb"<si>")
_PLAIN_SHARED_STRING = re.compile(rb'<si><t(?: xml:space="preserve")?>([^<]*)</t></si>')


def _content_start(data: bytes) -> int | None:
    """Where the root element may begin in an XML part this module reads from its bytes;
    None when it does not (another encoding; comments, CDATA, a DTD or processing
    instructions, which could hold what looks like markup)."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    declaration = _XML_DECLARATION.match(data, start)
    if declaration:
        encoding = _ENCODING.search(declaration.group())
        if encoding and encoding.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
            return None
        start = declaration.end()
    elif not data.startswith(b"<", start):
        return None  # UTF-16, or text before the root
    if (b"!" in data and b"<!" in data) or data.find(b"<?", start) >= 0:
        return None
    return start


class _RowIndex:
    """Where each row of a worksheet part's bytes is, found without parsing the XML.

    ``build`` returns None for a part it does not read this way; the caller parses it whole.
    """

    def __init__(self, data: bytes, spans: dict[int, tuple[int, int]], skeleton: bytes):
        self.data = data
        self.spans = spans  # row number -> (start, end) of its <row> element in ``data``
        self.skeleton = skeleton  # the part with the rows replaced by _ROWS_MARK
        self._plain: dict[int, bool] = {}  # row -> every cell tag is '<c r="A1"...' (no rich text)
        self._holder: tuple[bytes, bytes] | None = None  # tags to parse a row in

    @classmethod
    def build(cls, data: bytes) -> _RowIndex | None:
        start = _content_start(data)
        if (start is None or _ROWS_MARK.encode("ascii") in data
                or data.count(b"<sheetData") != 1 or data.count(b"</sheetData>") != 1):
            return None
        root = data.find(b"<", start)
        root_end = data.find(b">", root)
        if not data.startswith(b"<worksheet", root) or f'xmlns="{MAIN}"'.encode("ascii") not in data[root:root_end]:
            return None  # a prefixed namespace (<x:worksheet>): parsed whole
        opening = data.find(b"<sheetData")
        content = data.find(b">", opening) + 1
        closing = data.find(b"</sheetData>")
        if data[content - 2:content] == b"/>" or closing < content:
            return None
        spans: dict[int, tuple[int, int]] = {}
        position, previous, find = content, 0, data.find
        while True:  # <row r="N" ...>...</row> or <row r="N" .../>, white space between them
            begin = find(b"<row", position, closing)
            if begin < 0:
                if data[position:closing].strip():
                    return None
                break
            if begin != position and data[position:begin].strip():
                return None  # something else than a row
            if data[begin + 4] != 0x20 and data[begin + 4] not in b"\t\r\n>/":
                return None
            tag_end = find(b">", begin, closing)
            number = find(b' r="', begin, tag_end) if tag_end > 0 else -1
            if number < 0:
                return None  # rows numbered by their order: parsed whole
            try:
                row = int(data[number + 4:find(b'"', number + 4, tag_end)])
            except ValueError:
                return None
            if data[tag_end - 1] == 0x2F:  # <row .../>
                end = tag_end + 1
            else:
                end = find(b"</row>", tag_end, closing)
                if end < 0:
                    return None
                end += 6
            if row <= previous:
                return None
            spans[row] = (begin, end)
            position, previous = end, row
        skeleton = data[:content] + _ROWS_MARK.encode("ascii") + data[closing:]
        return cls(data, spans, skeleton)

    def parse(self, number: int, namespaces: dict):
        """The row's element, parsed alone within the sheet's namespace declarations."""
        start, end = self.spans[number]
        if self._holder is None:
            self._holder = _holder_tags(etree.Element(_q("sheetData"), nsmap=namespaces))
        opening, closing = self._holder
        return etree.fromstring(opening + self.data[start:end] + closing, _PARSER)[0]

    def is_plain(self, number: int) -> bool:
        """Whether every cell tag of the row is written '<c r="A1"...' (and no rich text run
        has a <charset>, <color> or <condense>, which count as cells here)."""
        plain = self._plain.get(number)
        if plain is None:
            start, end = self.spans[number]
            data = self.data
            plain = self._plain[number] = data.count(b"<c", start, end) == data.count(b'<c r="', start, end)
        return plain

    def has_no_formula(self, number: int, column: int) -> bool | None:
        """True when the cell has a plain form (no formula) or is not there; None when the
        bytes cannot tell (the row must be parsed)."""
        span = self._cell(number, column)
        if span is None:
            return True if self.is_plain(number) else None
        match = _PLAIN_CELL.match(self.data, *span)
        return True if match is not None and match.end() == span[1] else None

    def _cell(self, number: int, column: int) -> tuple[int, int] | None:
        """(start, end) of the cell written '<c r="B7"...' (the usual form); None when the row
        has none (which means no such cell only in a plain row)."""
        start, end = self.spans[number]
        data = self.data
        found = data.find(b'<c r="%s%d"' % (_letters(column), number), start, end)
        if found < 0:
            return None
        tag_end = data.find(b">", found, end)
        if tag_end < 0:
            return found, end  # not a plain cell: the row is parsed
        if data[tag_end - 1] == 0x2F:  # <c .../>
            return found, tag_end + 1
        closing = data.find(b"</c>", tag_end, end)
        return found, (closing + 4 if closing >= 0 else end)

    def value(self, number: int, column: int, shared_strings) -> object:
        """The cell's value, or _UNREAD when the row must be parsed to tell it."""
        if number not in self.spans:
            return None
        span = self._cell(number, column)
        if span is None:  # no '<c r="B7"': no such cell, if every cell of the row is written so
            return None if self.is_plain(number) else _UNREAD
        match = _PLAIN_CELL.match(self.data, *span)
        if match is None or match.end() != span[1]:
            return _UNREAD
        return _plain_value(match, shared_strings)

    def columns_values(self, columns: set[int], first_row: int, shared_strings) -> dict[int, dict[int, object]] | None:
        """{column: {row: value}} of the rows from ``first_row``, each column read in one pass
        of the regex engine over the sheet's bytes instead of a search in each row: what
        ``value`` gives (None included), _UNREAD where the row must be parsed to tell. None
        when a cell is found outside its row (read row by row)."""
        found: dict[int, dict[int, object]] = {}
        data, spans = self.data, self.spans
        if not spans:
            return {column: {} for column in columns}
        start, end = next(iter(spans.values()))[0], spans[next(reversed(spans))][1]
        for column in columns:
            values = found[column] = {}
            for match in _column_cells(column).finditer(data, start, end):
                number = int(match.group(1))
                span = spans.get(number)
                if span is None or not span[0] < match.start() < span[1]:
                    return None
                if number < first_row or number in values:  # a second cell of that name: the first, as value()
                    continue
                # the plain forms, as _PLAIN_CELL reads them; any other: the row parsed
                values[number] = _UNREAD if match.group(2) is None else _plain_value(match, shared_strings)
            for number in spans:  # no '<c r="B7"': no such cell, if every cell of the row is written so
                if number >= first_row and number not in values and not self.is_plain(number):
                    values[number] = _UNREAD
        return found

    def text_pairs(self, shared_strings) -> dict[int, dict[int, object] | list[str]] | None:
        """``all_values`` of a sheet whose rows (but a few) are two inline strings in A and B
        (caselit's state: an ID and a JSON text), those rows as [A, B]: each row one match of
        one regex, and every text decoded at once. None for other sheets."""
        spans = self.spans
        if len(spans) <= _FEW_ROWS:
            return None
        data = self.data
        last = spans[next(reversed(spans))]
        if _TEXT_PAIR_ROW.match(data, last[0], last[1]) is None:
            return None  # not such a sheet: not a pass over it
        matches = []
        for match in _TEXT_PAIR_ROW.finditer(data, next(iter(spans.values()))[0], last[1]):
            span = spans.get(int(match.group(1)))
            if span is None or span != match.span():
                return None
            matches.append(match)
        if len(spans) - len(matches) > _FEW_ROWS:
            return None
        raw = b"\0".join([text for match in matches for text in match.group(2, 3)])
        texts = _xml_text(raw).split("\0")
        if len(texts) != 2 * len(matches):  # a NUL in a text (not XML): read cell by cell
            return None
        found: dict[int, dict[int, object] | list[str]] = {}
        for at, match in enumerate(matches):
            found[int(match.group(1))] = texts[2 * at:2 * at + 2]
        for number in spans:
            if number not in found:  # the few other rows, as all_values reads them
                values = self.row_values(number, shared_strings)
                if values is None:
                    return None
                found[number] = values
        return found

    def row_values(self, number: int, shared_strings) -> dict[int, object] | None:
        """{column: value} of the row's cells, or None when the row must be parsed."""
        if not self.is_plain(number):
            return None
        start, end = self.spans[number]
        values, count = {}, 0
        for match in _PLAIN_CELL.finditer(self.data, start, end):
            column = _COLUMN_OF_REF[match.group(1)]
            if column is None:
                return None
            values[column] = _plain_value(match, shared_strings)
            count += 1
        return values if count == self.data.count(b"<c", start, end) else None

    def last_column(self, number: int) -> int | None:
        """The column of the row's last cell (0: none), or None when the row must be parsed."""
        start, end = self.spans[number]
        data = self.data
        found = data.rfind(b"<c", start, end)
        if found < 0:
            return 0
        if not data.startswith(b'<c r="', found):
            return None  # rich text, or a cell without its reference
        return _COLUMN_OF_REF[data[found + 6:data.find(b'"', found + 6, end)].rstrip(b"0123456789")]

    def all_values(self, shared_strings) -> dict[int, dict[int, object]] | None:
        """{row: {column: value}} of every row, or None when some row must be parsed."""
        if not self.spans:
            return {}
        numbers, spans = list(self.spans), list(self.spans.values())
        data, start, end = self.data, spans[0][0], spans[-1][1]
        cells = data.count(b"<c", start, end)
        if cells != data.count(b'<c r="', start, end):
            return None
        found: dict[int, dict[int, object]] = {}
        index, row_end, values, count = -1, -1, None, 0
        for match in _PLAIN_CELL.finditer(data, start, end):
            while match.start() >= row_end:
                index += 1
                row_end = spans[index][1]
                values = found[numbers[index]] = {}
            column = _COLUMN_OF_REF[match.group(1)]
            if column is None:
                return None
            values[column] = _plain_value(match, shared_strings)
            count += 1
        return found if count == cells else None

    def rows_bytes(self, numbers: list[int], dirty: set[int], rows: dict[int, object]) -> list[bytes]:
        """The <row> elements in order: the unchanged ones as read (runs of them in one
        slice, with the white space between them), the others serialised."""
        out: list[bytes] = []
        run: tuple[int, int] | None = None
        for number in numbers:
            span = None if number in dirty else self.spans.get(number)
            if span is not None:
                run = span if run is None else (run[0], span[1])
                continue
            if run is not None:
                out.append(self.data[run[0]:run[1]])
                run = None
            out.append(_row_bytes(rows[number]))
        if run is not None:
            out.append(self.data[run[0]:run[1]])
        return out


_COLUMN_CELLS: dict[int, re.Pattern] = {}


def _column_cells(column: int) -> re.Pattern:
    """The cells of one column, '<c r="B(7)"', with the groups of _PLAIN_CELL where the cell
    has one of its forms (the attributes group is None where it has another)."""
    pattern = _COLUMN_CELLS.get(column)
    if pattern is None:
        pattern = _COLUMN_CELLS[column] = re.compile(rb'<c r="%s(\d+)"(?:%s)?' % (_letters(column), _PLAIN_FORMS))
    return pattern


def _plain_value(match: re.Match, shared_strings) -> object:
    """What ``Worksheet._read`` gives for a cell matched by _PLAIN_CELL."""
    _, attributes, value, inline = match.groups()
    kind = _KIND_OF_ATTRIBUTES[attributes]
    if inline is not None:
        return _xml_text(inline) if kind == "inlineStr" else None
    if not value or kind == "inlineStr":
        return None
    return _typed(kind, _xml_text(value), shared_strings)


class _KindOfAttributes(dict):
    """A cell's attributes after its reference (b' s="3" t="s"') -> its type ('s'); a sheet
    has few different ones."""

    def __missing__(self, attributes: bytes) -> str:
        found = _TYPE.search(attributes)
        self[attributes] = kind = found.group(1).decode("ascii", "replace") if found else "n"
        return kind


_KIND_OF_ATTRIBUTES = _KindOfAttributes()


def _holder_tags(holder) -> tuple[bytes, bytes]:
    """The opening and closing tags of an empty element, as text to wrap content in."""
    text = etree.tostring(holder, encoding="UTF-8")  # <sheetData xmlns="..." .../>
    name = text[1:-2].split()[0]
    return text[:-2] + b">", b"</" + name + b">"


def _row_bytes(row) -> bytes:
    """A row element as text, without the namespace declarations its holder carries."""
    holder = row.getparent()
    text = etree.tostring(holder if holder is not None else row, encoding="UTF-8")
    if holder is None:
        return text
    opening = text.index(b">") + 1
    closing = text.rindex(b"</")
    return text[opening:closing]


_LETTERS: dict[int, bytes] = {}


class _ColumnOfRef(dict):
    """b'AB' -> 28; None for what is not a column's letters."""

    def __missing__(self, letters: bytes) -> int | None:
        text = letters.decode("ascii", "replace")
        self[letters] = column = column_index(text) if text.isalpha() and text.isupper() and len(text) <= 3 else None
        return column


_COLUMN_OF_REF = _ColumnOfRef()


def _letters(column: int) -> bytes:
    letters = _LETTERS.get(column)
    if letters is None:
        letters = _LETTERS[column] = column_letter(column).encode("ascii")
    return letters
