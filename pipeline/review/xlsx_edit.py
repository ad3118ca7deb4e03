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
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from lxml import etree

from pipeline.export.safe import xlsx_text

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
        self._shared: list[str] | None = None
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

    def shared_strings(self) -> list[str]:
        if self._shared is None:
            part = self.shared_strings_part
            if part is None or part not in self._parts:
                self._shared = []
            else:
                self._shared = [_rich_text(si) for si in self._xml(part)]
        return self._shared

    def worksheet(self, name: str) -> Worksheet:
        part = self.sheet_parts.get(name)
        if part is None:
            raise KeyError(name)
        if part not in self._sheets:
            self._sheets[part] = Worksheet(self, self._xml(part), name)
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
    for number, row in enumerate(rows, 1):
        out.append(f'<row r="{number}">')
        for letter, value in zip(letters, row):
            if value is None:
                continue
            if isinstance(value, bool):
                out.append(f'<c r="{letter}{number}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, (int, float)):
                if value == value and value not in (float("inf"), float("-inf")):
                    out.append(f'<c r="{letter}{number}"><v>{_number_text(value)}</v></c>')
            else:
                text = escape(xlsx_text(str(value)))
                out.append(f'<c r="{letter}{number}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out).encode("utf-8")


def _number_text(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


class Worksheet:
    """One worksheet's cells, 1-based ``(row, column)`` as in Excel."""

    def __init__(self, book: XlsxWorkbook, root, name: str = ""):
        self.book = book
        self.root = root
        self.name = name
        self.filter_ref: str | None = None  # the autofilter range, once stretched
        self.data = root.find(_q("sheetData"))
        if self.data is None:
            self.data = etree.SubElement(root, _q("sheetData"))
        self.changed = False
        self._rows: dict[int, object] = {}
        self._cells: dict[int, dict[int, object]] = {}
        previous = 0
        for row in self.data.iterchildren(ROW):
            ref = row.get("r")
            number = int(ref) if ref else previous + 1
            if not ref:
                row.set("r", str(number))
            self._rows[number] = row
            previous = number
        self._numbers = sorted(self._rows)
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
                row = self._rows[number]
                tail = row[-1] if len(row) else None
                while tail is not None and tail.tag != C:
                    tail = tail.getprevious()
                if tail is not None:
                    ref = tail.get("r")
                    last = max(last, _column_of(ref) if ref else max(self._row_cells(number), default=0))
            self._max_column = last
        return self._max_column

    def _row_cells(self, number: int) -> dict[int, object]:
        cells = self._cells.get(number)
        if cells is None:
            cells = {}
            row = self._rows.get(number)
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
        found = {}
        for number in self._numbers:
            cells = self._cells.get(number)
            if cells is not None:
                cell = cells.get(column)
            else:  # from the row's end: the columns wanted here sit at the right
                cell = None
                for candidate in self._rows[number].iterchildren(C, reversed=True):
                    ref = candidate.get("r")
                    if not ref:
                        cell = self._row_cells(number).get(column)
                        break
                    found_column = _column_of(ref)
                    if found_column <= column:
                        cell = candidate if found_column == column else None
                        break
            if cell is not None:
                value = self._read(cell)
                if value is not None:
                    found[number] = value
        return found

    def columns_values(self, columns: list[int], first_row: int = 1) -> dict[int, dict[int, object]]:
        """{column: {row: value}} of several columns in one pass over the rows from
        ``first_row`` (``column_values`` of each, cheaper for columns on the left)."""
        wanted = set(columns)
        found: dict[int, dict[int, object]] = {column: {} for column in columns}
        if not wanted:
            return found  # nothing to read: not a pass over every cell of the sheet
        last = max(wanted)
        for number in self._numbers:
            if number < first_row:
                continue
            cells = self._cells.get(number)
            if cells is not None:
                pairs = [(c, cells[c]) for c in wanted if c in cells]
            else:
                pairs, previous = [], 0
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
        return found

    def rows_values(self) -> list[list[object]]:
        """Every row as a list of values from column A (rows without cells are skipped)."""
        rows = []
        for number in self._numbers:
            cells = self._row_cells(number)
            if cells:
                values = [None] * max(cells)
                for column, cell in cells.items():
                    values[column - 1] = self._read(cell)
                rows.append(values)
        return rows

    def value(self, row: int, column: int) -> object:
        """str, int, float, bool or None; an error cell gives its text ('#N/A')."""
        cell = self._row_cells(row).get(column)
        return None if cell is None else self._read(cell)

    def has_formula(self, row: int, column: int) -> bool:
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
        text = value.text
        if kind == "s":
            strings = self.book.shared_strings()
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

    # --- writing ---------------------------------------------------------------------------

    def _row(self, number: int):
        row = self._rows.get(number)
        if row is None:
            row = etree.Element(ROW)
            row.set("r", str(number))
            position = bisect_left(self._numbers, number)
            if position == len(self._numbers):
                self.data.append(row)
            else:
                self._rows[self._numbers[position]].addprevious(row)
            self._numbers.insert(position, number)
            self._rows[number] = row
            self._cells[number] = {}
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
        return _to_bytes(self.root)

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
