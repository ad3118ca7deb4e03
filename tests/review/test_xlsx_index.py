"""Reading a big worksheet from its bytes (pipeline.review.xlsx_row_values.RowIndex): the values
are those a full parse gives, and rows nobody changed are written back byte for byte."""
import io
import zipfile

import pytest
from lxml import etree

from pipeline.review.xlsx_bytes import SharedStrings, xml_text
from pipeline.review.xlsx_edit import XlsxWorkbook
from pipeline.review.xlsx_row_values import RowIndex
from pipeline.review.xlsx_rows import ROWS_MARK

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"

ROWS = (
    '<row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" t="inlineStr"><is><t>Report</t></is></c>'
    '<c r="B1" s="2" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Notes</t></is></c>'
    '<c r="D1" t="inlineStr"><is><t>Sum</t></is></c></row>\n'
    '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> a &amp; b\r\n</t></is></c>'
    '<c r="B2" s="3"><v>40</v></c><c r="C2" t="s"><v>1</v></c><c r="D2"><f>B2*2</f><v>80</v></c></row>\n'
    '<row r="3"><c r="A3" t="inlineStr"><is><r><rPr><b/><color rgb="FF0000FF"/></rPr><t>bo</t></r><r><t>ld</t></r></is></c>'
    '<c r="B3"><v>0.75</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#N/A</v></c></row>\n'
    '<row r="5"><c r="A5" t="inlineStr"><is><t>&#215;10&#x2079;/L &lt;5&gt;</t></is></c><c r="B5" s="4"/>'
    '<c r="C5" t="str"><v>text result</v></c></row>\n'
    '<row r="6" ht="20" customHeight="1"/>\n'
)
STRINGS = ('<si><t>Age</t></si><si><r><rPr><i/></rPr><t>che</t></r><r><t>cked</t></r>'
           '<rPh sb="0" eb="1"><t>X</t></rPh></si>')


def workbook(rows: str = ROWS, before_rows: str = "") -> bytes:
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" '
             f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
             f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" '
             f'xmlns:x14ac="{AC}"><dimension ref="A1:D6"/><sheetData>{before_rows}{rows}</sheetData>'
             '<autoFilter ref="A1:D6"/></worksheet>')
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
        '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet'
        '+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="cases" sheetId="1" r:id="rId1"/>'
        '</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="2" '
        f'uniqueCount="2">{STRINGS}</sst>',
    }
    handle = io.BytesIO()
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text.encode("utf-8"))
    return handle.getvalue()


def parsed_whole(data: bytes, monkeypatch) -> XlsxWorkbook:
    """The same workbook read the way a part this module cannot index is read."""
    monkeypatch.setattr(RowIndex, "build", classmethod(lambda cls, data: None))
    monkeypatch.setattr(SharedStrings, "build", classmethod(lambda cls, data: None))
    return XlsxWorkbook(data)


def sheet_part(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def written(book: XlsxWorkbook) -> bytes:
    out = io.BytesIO()
    book.write(out)
    return out.getvalue()


def test_the_bytes_give_the_values_a_full_parse_gives(monkeypatch):
    data = workbook()
    indexed = XlsxWorkbook(data).worksheet("cases")
    assert indexed._index is not None
    expected = {
        (1, 1): "Report", (1, 2): "Age", (1, 3): "Notes", (2, 1): " a & b\n", (2, 2): 40, (2, 3): "checked",
        (2, 4): 80, (3, 1): "bold", (3, 2): 0.75, (3, 3): True, (3, 4): "#N/A", (5, 1): "×10⁹/L <5>",
        (5, 2): None, (5, 3): "text result", (4, 1): None, (6, 1): None,
    }
    assert {cell: indexed.value(*cell) for cell in expected} == expected
    whole = parsed_whole(data, monkeypatch).worksheet("cases")
    assert whole._index is None
    for sheet in (indexed, whole):
        assert sheet.max_column() == 4 and sheet.row_numbers() == [1, 2, 3, 5, 6]
        assert sheet.has_formula(2, 4) and not sheet.has_formula(2, 2) and not sheet.has_formula(6, 1)
        assert sheet.column_values(1) == {1: "Report", 2: " a & b\n", 3: "bold", 5: "×10⁹/L <5>"}
        assert sheet.style(2, 2) == "3" and sheet.style(5, 2) == "4"
    assert indexed.rows_values() == whole.rows_values()
    assert indexed.max_column() == XlsxWorkbook(data).worksheet("cases").max_column() == 4
    assert indexed.columns_values([2, 4], first_row=2) == whole.columns_values([2, 4], first_row=2)


def test_rows_nobody_changed_are_written_as_they_were_read():
    data = workbook()
    book = XlsxWorkbook(data)
    sheet = book.worksheet("cases")
    assert sheet.value(3, 1) == "bold"  # read (parsed: rich text), not changed
    sheet.set_value(2, 2, 41)
    sheet.set_value(7, 1, "new.txt", style=sheet.style(2, 2))
    part = sheet_part(written(book))
    for unchanged in ('<row r="1" spans="1:4" x14ac:dyDescent="0.25">', "<r><rPr><b/>", '<row r="6" ht="20" customHeight="1"/>'):
        assert unchanged.encode() in part
    assert b'<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> a &amp; b\r\n</t>' not in part  # rewritten
    assert ROWS_MARK.encode() not in part
    again = XlsxWorkbook(written(book)).worksheet("cases")
    assert [again.value(2, 2), again.value(2, 1), again.value(7, 1), again.style(7, 1)] == [41, " a & b\n", "new.txt", "3"]
    assert again.value(3, 1) == "bold" and again.value(2, 4) == 80 and again.has_formula(2, 4)
    assert etree.fromstring(part).find(f"{{{MAIN}}}autoFilter").get("ref") == "A1:D7"


def test_a_row_that_spreads_its_tags_over_lines_is_read_whole():
    rows = ROWS.replace('<c r="B3"><v>0.75</v></c>', '<c\n r="B3"\n><v>0.75</v></c>')
    sheet = XlsxWorkbook(workbook(rows)).worksheet("cases")
    assert sheet._index is not None and sheet.value(3, 2) == 0.75 and sheet.max_column() == 4
    assert sheet.rows_values()[2] == ["bold", 0.75, True, "#N/A"]


@pytest.mark.parametrize("change", [
    lambda rows: rows.replace("<row r=\"5\">", "<!-- a note --><row r=\"5\">"),  # a comment among the rows
    lambda rows: rows.replace('<row r="5">', "<row>"),  # rows numbered by their order
    lambda rows: "".join(sorted(rows.splitlines(keepends=True), key=lambda line: '<row r="5">' not in line)),  # order
    lambda rows: rows.replace("text result", "<![CDATA[text result]]>"),
])
def test_what_the_index_does_not_read_is_parsed_whole(change):
    book = XlsxWorkbook(workbook(change(ROWS)))
    sheet = book.worksheet("cases")
    assert sheet._index is None
    assert sheet.value(2, 2) == 40 and sheet.value(1, 2) == "Age"
    sheet.set_value(2, 2, 41)
    assert XlsxWorkbook(written(book)).worksheet("cases").value(2, 2) == 41


def test_shared_strings_are_read_when_asked(monkeypatch):
    book = XlsxWorkbook(workbook())
    strings = book.shared_strings()
    assert isinstance(strings, SharedStrings)
    assert len(strings) == 2 and list(strings) == ["Age", "checked"]
    assert list(strings) == list(parsed_whole(workbook(), monkeypatch).shared_strings())


def test_xml_text_is_what_a_parser_gives():
    for raw in ("plain", "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;", "&#215;&#x2079;", "one\r\ntwo\rthree"):
        parsed = etree.fromstring(f"<t>{raw}</t>".encode()).text
        assert xml_text(raw.encode()) == parsed


def test_rows_rewritten_whole_change_only_where_they_differ():
    rows = [["caselit review state", 1], ["caselit ID", "State"]] + [[f"doc:{n}#1", f'{{"n":{n}}}'] for n in range(40)]
    book = XlsxWorkbook(workbook())
    book.replace_rows("_caselit", rows, hidden=True)
    first = written(book)
    book = XlsxWorkbook(first)
    sheet = book.worksheet("_caselit")
    assert sheet.rows_values() == rows
    changed = [list(row) for row in rows]
    changed[5][1] = '{"n":3,"changed":true}'
    changed[0][1] = True  # not 1: written as a boolean
    changed.append(["doc:new#1", '{"n":40}'])
    book.replace_rows("_caselit", changed, hidden=True)
    assert sheet.changed and sheet._dirty == {1, 6, 43}  # the others are written as they were read
    again = XlsxWorkbook(written(book)).worksheet("_caselit")
    assert again.rows_values() == changed and again.value(1, 2) is True
    most = [[f"other:{n}", None, n] for n in range(len(changed))]
    book.replace_rows("_caselit", most)  # most rows differ: written anew
    assert XlsxWorkbook(written(book)).worksheet("_caselit").rows_values() == [[f"other:{n}", None, n] for n in range(len(changed))]


@pytest.mark.parametrize("plain", [True, False])
def test_columns_read_in_one_pass_are_those_read_row_by_row(monkeypatch, plain):
    # a column is read in one pass over the bytes; a formula cell or rich text parses its row,
    # and rows changed meanwhile are read from their element
    rich = '<is><r><rPr><b/><color rgb="FF0000FF"/></rPr><t>bo</t></r><r><t>ld</t></r></is>'
    rows = ROWS.replace(rich, "<is><t>bold</t></is>") if plain else ROWS
    indexed = XlsxWorkbook(workbook(rows)).worksheet("cases")
    assert indexed._index.columns_values({1, 2, 3, 4}, 1, indexed.book.shared_strings) is not None
    whole = parsed_whole(workbook(rows), monkeypatch).worksheet("cases")
    for sheet in (indexed, whole):
        assert sheet.columns_values([1, 2, 3, 4]) == {
            1: {1: "Report", 2: " a & b\n", 3: "bold", 5: "×10⁹/L <5>"}, 2: {1: "Age", 2: 40, 3: 0.75},
            3: {1: "Notes", 2: "checked", 3: True, 5: "text result"}, 4: {1: "Sum", 2: 80, 3: "#N/A"}}
        sheet.set_value(3, 2, None)
        sheet.set_value(2, 3, "edited")
        sheet.set_value(8, 2, 7)
    assert indexed.columns_values([2, 3], first_row=2) == whole.columns_values([2, 3], first_row=2) == {
        2: {2: 40, 8: 7}, 3: {2: "edited", 3: True, 5: "text result"}}
    assert list(indexed.columns_values([2])[2]) == [1, 2, 8]  # in row order


def test_rows_of_two_texts_are_read_as_a_full_parse_reads_them(monkeypatch):
    # caselit's state: an ID and a JSON text a row, read one regex match a row and decoded at once
    pairs = "".join(
        f'<row r="{n}"><c r="A{n}"{" s=&quot;1&quot;".replace("&quot;", chr(34)) if n % 3 else ""} t="inlineStr">'
        f'<is><t{" xml:space=" + chr(34) + "preserve" + chr(34) if n % 2 else ""}>doc:{n}#1</t></is></c>'
        f'<c r="B{n}" t="inlineStr"><is><t>{{"n":{n},"text":"a &amp; b &#215; &lt;c&gt;\r\n"}}</t></is></c></row>'
        for n in range(3, 40))
    rows = ('<row r="1"><c r="A1" t="inlineStr"><is><t>caselit review state</t></is></c><c r="B1"><v>1</v></c></row>'
            '<row r="2"><c r="A2" t="inlineStr"><is><t>caselit ID</t></is></c><c r="B2" t="inlineStr"><is><t>State'
            '</t></is></c></row>' + pairs + '<row r="41"><c r="A41" t="inlineStr"><is><t></t></is></c>'
            '<c r="B41" t="inlineStr"><is><t>{}</t></is></c></row>')
    indexed = XlsxWorkbook(workbook(rows)).worksheet("cases")
    assert indexed._index.text_pairs(indexed.book.shared_strings) is not None
    whole = parsed_whole(workbook(rows), monkeypatch).worksheet("cases")
    read = indexed.rows_values()
    assert read == whole.rows_values()
    assert read[0] == ["caselit review state", 1] and read[5] == ["doc:6#1", '{"n":6,"text":"a & b × <c>\n"}']
    assert read[-1] == ["", "{}"]
    assert indexed.max_column() == whole.max_column() == XlsxWorkbook(workbook(rows)).worksheet("cases").max_column() == 2
