"""Editing a workbook in place (pipeline.review.xlsx_edit): what is changed, and everything
else kept byte for byte."""
import io
import zipfile

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.styles import Font

from pipeline.review.xlsx_cells import column_index, column_letter
from pipeline.review.xlsx_edit import WorkbookError, XlsxWorkbook


def workbook_bytes(rows=(("Report", "Age", "Notes"), ("a.txt", 40, "ok"), ("b.txt", 55, None)), extra=None):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "cases"
    for row in rows:
        sheet.append(list(row))
    sheet["A1"].font = Font(bold=True)
    sheet["B2"].font = Font(italic=True)
    sheet["C2"].comment = Comment("the reviewer's note", "me")
    sheet.auto_filter.ref = f"A1:C{len(rows)}"
    book.create_sheet("PRISMA")["A1"] = "screened"
    if extra:
        extra(book)
    handle = io.BytesIO()
    book.save(handle)
    return handle.getvalue()


def edited(data, change):
    book = XlsxWorkbook(data)
    change(book)
    out = io.BytesIO()
    book.write(out)
    return out.getvalue()


def parts(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_column_letters():
    assert [column_letter(i) for i in (1, 26, 27, 702, 703)] == ["A", "Z", "AA", "ZZ", "AAA"]
    assert [column_index(s) for s in ("A", "Z", "AA", "ZZ", "AAA")] == [1, 26, 27, 702, 703]


def test_values_of_every_kind_are_read():
    def extra(book):
        sheet = book["cases"]
        sheet["D1"], sheet["D2"], sheet["E2"], sheet["F2"] = "Formula", "=B2*2", True, 0.75

    sheet = XlsxWorkbook(workbook_bytes(extra=extra)).worksheet("cases")
    assert sheet.value(2, 1) == "a.txt" and sheet.value(2, 2) == 40 and sheet.value(3, 3) is None
    assert sheet.has_formula(2, 4) and not sheet.has_formula(2, 2)
    assert sheet.value(2, 5) is True and sheet.value(2, 6) == 0.75
    assert sheet.column_values(1) == {1: "Report", 2: "a.txt", 3: "b.txt"}


def test_only_the_edited_sheet_changes_and_everything_else_is_copied():
    original = workbook_bytes()
    result = edited(original, lambda book: book.worksheet("cases").set_value(3, 3, "checked"))
    before, after = parts(original), parts(result)
    assert set(before) == set(after)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"xl/worksheets/sheet1.xml"}
    book = openpyxl.load_workbook(io.BytesIO(result))
    sheet = book["cases"]
    assert sheet["C3"].value == "checked" and sheet["C2"].comment.text == "the reviewer's note"
    assert sheet["A1"].font.bold and book["PRISMA"]["A1"].value == "screened"


def test_a_cell_keeps_its_style_and_new_cells_take_the_one_given():
    def change(book):
        sheet = book.worksheet("cases")
        sheet.set_value(2, 2, 41)
        sheet.set_value(4, 2, 60, style=sheet.style(2, 2))

    sheet = openpyxl.load_workbook(io.BytesIO(edited(workbook_bytes(), change)))["cases"]
    assert sheet["B2"].value == 41 and sheet["B2"].font.italic
    assert sheet["B4"].value == 60 and sheet["B4"].font.italic


def test_cells_and_rows_are_inserted_in_order():
    def change(book):
        sheet = book.worksheet("cases")
        sheet.set_value(10, 1, "far below")
        sheet.set_value(5, 2, 5)  # between existing rows 3 and 10
        sheet.set_value(3, 5, "E3")  # after the last cell of row 3
        sheet.set_value(3, 2, None)  # emptied

    result = edited(workbook_bytes(), change)
    sheet = openpyxl.load_workbook(io.BytesIO(result))["cases"]
    assert sheet["A10"].value == "far below" and sheet["B5"].value == 5 and sheet["E3"].value == "E3"
    assert sheet["B3"].value is None
    xml = parts(result)["xl/worksheets/sheet1.xml"].decode()
    assert xml.index('r="5"') < xml.index('r="10"') and xml.index('r="B3"') < xml.index('r="E3"')


def test_text_is_never_a_formula_and_illegal_characters_go():
    def change(book):
        book.worksheet("cases").set_value(2, 3, '=HYPERLINK("http://x")')
        book.worksheet("cases").set_value(3, 3, "bad\x00char\x1b")

    sheet = openpyxl.load_workbook(io.BytesIO(edited(workbook_bytes(), change)))["cases"]
    assert sheet["C2"].value == '=HYPERLINK("http://x")' and sheet["C2"].data_type == "s"
    assert sheet["C3"].value == "badchar"


def test_filter_and_used_range_grow_with_appended_rows():
    def change(book):
        sheet = book.worksheet("cases")
        sheet.set_value(4, 1, "c.txt")
        sheet.set_value(1, 4, "New column")

    result = edited(workbook_bytes(), change)
    xml = parts(result)["xl/worksheets/sheet1.xml"].decode()
    assert '<dimension ref="A1:D4"/>' in xml and 'autoFilter ref="A1:D4"' in xml
    assert "'cases'!$A$1:$D$4" in parts(result)["xl/workbook.xml"].decode()


def test_added_and_replaced_sheets():
    def change(book):
        book.replace_rows("_state", [["mark", 1], ["a", None, 2.5]], hidden=True)
        log = book.add_worksheet("log")
        log.set_value(1, 1, "first")

    result = edited(workbook_bytes(), change)
    book = openpyxl.load_workbook(io.BytesIO(result))
    assert book.sheetnames == ["cases", "PRISMA", "_state", "log"]
    assert book["_state"].sheet_state == "hidden" and book["log"]["A1"].value == "first"
    assert [list(r) for r in book["_state"].iter_rows(values_only=True)] == [["mark", 1, None], ["a", None, 2.5]]
    again = XlsxWorkbook(result)
    assert again.worksheet("_state").rows_values() == [["mark", 1], ["a", None, 2.5]]


@pytest.mark.parametrize("data, message", [
    (b"", "not a readable .xlsx"),
    (b"plain text", "not a readable .xlsx"),
    (b"PK\x05\x06" + b"\x00" * 18, "not a readable .xlsx"),  # an empty zip
])
def test_what_is_not_a_workbook(data, message):
    with pytest.raises(WorkbookError, match=message):
        XlsxWorkbook(data)


def test_a_strict_open_xml_workbook_is_named():
    original = parts(workbook_bytes())
    handle = io.BytesIO()
    with zipfile.ZipFile(handle, "w") as archive:
        for name, data in original.items():
            if name == "xl/workbook.xml":
                data = data.replace(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                                    b"http://purl.oclc.org/ooxml/spreadsheetml/main")
            archive.writestr(name, data)
    with pytest.raises(WorkbookError, match="Strict"):
        XlsxWorkbook(handle.getvalue())


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def as_excel_saves(data: bytes) -> bytes:
    """The workbook as Excel writes it: every text in a shared-string table (one as rich text
    runs), rows with ``spans`` and an x14ac attribute."""
    from lxml import etree

    q = lambda tag: f"{{{MAIN}}}{tag}"  # noqa: E731
    files = parts(data)
    strings: list[str] = []
    for name in [n for n in files if n.startswith("xl/worksheets/sheet")]:
        root = etree.fromstring(files[name])
        root.set("{http://schemas.openxmlformats.org/markup-compatibility/2006}Ignorable", "x14ac")
        for row in root.iter(q("row")):
            row.set("spans", "1:3")
            row.set("{http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac}dyDescent", "0.25")
        for cell in root.iter(q("c")):
            if cell.get("t") == "inlineStr":
                text = "".join(cell.find(q("is")).itertext())
                cell.remove(cell.find(q("is")))
                cell.set("t", "s")
                etree.SubElement(cell, q("v")).text = str(len(strings))
                strings.append(text)
        files[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    items = []
    for text in strings:
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if text == "cervix":  # rich text, as when part of a cell is formatted
            items.append('<si><r><rPr><b/></rPr><t>cer</t></r><r><t>vix</t></r><rPh sb="0" eb="1"><t>X</t></rPh></si>')
        else:
            items.append(f'<si><t xml:space="preserve">{escaped}</t></si>')
    files["xl/sharedStrings.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" '
                                     f'count="{len(strings)}" uniqueCount="{len(strings)}">{"".join(items)}</sst>').encode()
    files["xl/_rels/workbook.xml.rels"] = files["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    handle = io.BytesIO()
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return handle.getvalue()


def test_a_workbook_saved_by_excel_is_read_and_edited():
    data = as_excel_saves(workbook_bytes(rows=(("Report", "Site"), ("a.txt", "cervix"), ("b.txt", "ovary"))))
    book = XlsxWorkbook(data)
    sheet = book.worksheet("cases")
    assert [sheet.value(r, 2) for r in (1, 2, 3)] == ["Site", "cervix", "ovary"]
    sheet.set_value(3, 2, "vulva")
    sheet.set_value(4, 1, "c.txt")
    out = io.BytesIO()
    book.write(out)
    assert parts(out.getvalue())["xl/sharedStrings.xml"] == parts(data)["xl/sharedStrings.xml"]
    result = openpyxl.load_workbook(io.BytesIO(out.getvalue()))["cases"]
    assert [c.value for c in result["B"]] == ["Site", "cervix", "vulva", None]
    assert result["A4"].value == "c.txt"
