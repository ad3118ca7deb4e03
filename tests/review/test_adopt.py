"""Refreshing a review sheet a reviewer made by hand, long before caselit: the table is found
under its title, the headers are read through the synonyms, the reviewer's rows are matched to
reports by DOI, only their empty cells are filled, new reports become new rows, and everything
else in the workbook stays as it was, cell by cell."""
import csv

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from pipeline.batch.refresh import refresh_review
from pipeline.cli import main
from pipeline.review.errors import ReviewError

REPORT = """Leukocytosis in cervical cancer: synthetic case {n} of a written series
Journal of Synthetic Oncology Cases. 2019;{n}:10-15. doi: 10.5555/synth.case.{n}

Case presentation
A 4{n}-year-old woman presented with vaginal bleeding. Biopsy showed squamous cell carcinoma of
the cervix, FIGO stage IIB. Her white blood cell count was 2{n}.5 x 10^9/L. She received
cisplatin and paclitaxel. Lung metastases were found six months later. She died of disease.
"""
HEADER = ["First author", "Year", "DOI", "Age (y)", "Pathology", "FIGO", "WBC (/µL)", "Treatment",
          "Outcome", "Notes", "Age in months"]
TITLE = "Leukocytosis in cervical cancer: published cases"


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    for n in range(1, 6):
        (folder / f"report{n}.txt").write_text(REPORT.format(n=n), encoding="utf-8")
    return folder


def hand_made(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Table 1"
    sheet["A1"] = TITLE
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.merge_cells("A1:K1")
    sheet.append(HEADER)
    for cell in sheet[2]:
        cell.fill = PatternFill("solid", start_color="FFDDEEFF")
    sheet.append(["Author1 et al.", 2019, "10.5555/synth.case.1", 41, None, "Stage IIB", None,
                  "chemoradiation", None, "check the stage", "=D3*12"])
    sheet.append([None, None, "https://doi.org/10.5555/SYNTH.CASE.2", 99, None, None, None, None, None, None, "=D4*12"])
    sheet.append(["Jones", 2015, "10.9999/not.in.folder", 63, "adenocarcinoma", "Stage IB1", 12000, "surgery",
                  "alive", None, "=D5*12"])
    sheet["J3"].comment = Comment("ask the authors", "reviewer")
    sheet.conditional_formatting.add("D3:D100", CellIsRule(operator="greaterThan", formula=["60"],
                                                           fill=PatternFill("solid", start_color="FFFFC7CE")))
    validation = DataValidation(type="list", formula1='"alive,died"', allow_blank=True)
    sheet.add_data_validation(validation)
    validation.add("I3:I100")
    sheet.freeze_panes = "A3"
    sheet.auto_filter.ref = "A2:K5"
    sheet.column_dimensions["E"].width = 30
    other = book.create_sheet("Search log")
    other.append(["Database", "Date", "Hits"])
    other.append(["PubMed", "2024-01-10", 57])
    book.save(path)


def cells(sheet):
    return {(c.row, c.column): (c.value, c.font.b, c.fill.fgColor.rgb, c.number_format)
            for row in sheet.iter_rows() for c in row}


def test_a_hand_made_workbook_is_adopted_and_only_empty_cells_are_filled(tmp_path, reports):
    path = tmp_path / "my review.xlsx"
    hand_made(path)
    before = openpyxl.load_workbook(path)
    summary = refresh_review(path, [reports], use_cache=False)
    assert (summary.added, summary.matched) == (3, 2)
    assert any("'Pathology' -> Histology" in line for line in summary.mapping)
    assert any("'Notes': your own column" in line for line in summary.mapping)

    book = openpyxl.load_workbook(path)
    sheet, old = book["Table 1"], before["Table 1"]
    assert book.sheetnames == ["Table 1", "Search log", "_caselit", "conflicts"]
    assert book["_caselit"].sheet_state == "hidden"
    assert cells(book["Search log"]) == cells(before["Search log"])
    # Every cell of the reviewer's, but the empty ones of the two matched rows, is unchanged.
    filled = {(3, 5): "squamous cell carcinoma", (3, 7): 21500, (3, 9): "died",
              (4, 5): "squamous cell carcinoma", (4, 6): "Stage IIB", (4, 7): 22500,
              (4, 8): "cisplatin + paclitaxel", (4, 9): "died"}
    now, then = cells(sheet), cells(old)
    for key, value in then.items():
        if key in filled:
            assert value[0] is None
            continue
        assert now[key] == value, key
    assert sheet.cell(3, 8).value == "chemoradiation" and sheet.cell(4, 4).value == 99
    for (row, column), value in filled.items():
        assert sheet.cell(row, column).value == value, (row, column)
    # Three new rows, in the reviewer's column order and writing.
    new = [[c.value for c in row] for row in sheet.iter_rows(min_row=6, max_row=8, max_col=9)]
    assert [r[2] for r in new] == ["10.5555/synth.case.3", "10.5555/synth.case.4", "10.5555/synth.case.5"]
    assert [r[3] for r in new] == [43, 44, 45] and [r[6] for r in new] == [23500, 24500, 25500]
    assert {r[5] for r in new} == {"Stage IIB"}  # the column writes "Stage ..."
    assert sheet.max_row == 8 and sheet.cell(2, 12).value == "caselit ID"
    # Everything else the reviewer had.
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A1:K1"]
    assert sheet["J3"].comment is not None and sheet["J3"].comment.text == "ask the authors"
    assert sheet["K3"].value == "=D3*12"
    assert len(sheet.conditional_formatting) == 1 and sheet.data_validations.dataValidation
    assert sheet.freeze_panes == "A3" and sheet.column_dimensions["E"].width == 30
    assert sheet.cell(7, 1).fill.fgColor.rgb == sheet.cell(5, 1).fill.fgColor.rgb
    # The reviewer's values stay; where caselit reads something else, it is listed.
    conflicts = [list(r) for r in book["conflicts"].iter_rows(values_only=True)]
    assert [r[4:8] for r in conflicts[1:]] == [["Treatment", "chemoradiation", None, "cisplatin + paclitaxel"],
                                               ["Age (y)", 99, None, 42]]

    # The second refresh is an ordinary one: nothing new, nothing changed.
    again = refresh_review(path, [reports], use_cache=False)
    assert (again.added, again.matched, again.updated, len(again.conflicts)) == (0, 0, 0, 0)
    assert again.unchanged == 5


def test_dry_run_writes_nothing(tmp_path, reports, capsys):
    path = tmp_path / "review.xlsx"
    hand_made(path)
    data = path.read_bytes()
    assert main(["refresh", str(path), str(reports), "--no-cache", "--dry-run"]) == 0
    err = capsys.readouterr().err
    assert path.read_bytes() == data and sorted(p.name for p in tmp_path.iterdir()) == ["review.xlsx"]
    assert "'Pathology' -> Histology" in err and "would add report3.txt case 1" in err
    assert "would fill 'Pathology' of report1.txt case 1 with squamous cell carcinoma" in err
    assert "conflict in report2.txt case 1, column 'Age (y)'" in err and "would be 3 added" in err


def test_map_overrides_the_synonyms_and_sheet_picks_the_table(tmp_path, reports, capsys):
    path = tmp_path / "review.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["Age", "Sex", "Histology"])  # looks like a table, is not the one
    table = book.create_sheet("Cases")
    table.append(["Ref.", "Diagnosis", "Age"])
    table.append(["10.5555/synth.case.1", None, None])
    book.save(path)
    with pytest.raises(ReviewError, match="no sheet named 'Table'"):
        refresh_review(path, [reports], use_cache=False, sheet="Table")
    assert main(["refresh", str(path), str(reports / "report1.txt"), "--no-cache", "--sheet", "Cases",
                 "--map", "Ref.=DOI", "--map", "Diagnosis=histology"]) == 0
    err = capsys.readouterr().err
    assert "'Ref.' -> DOI" in err and "'Diagnosis' -> Histology" in err
    rows = list(openpyxl.load_workbook(path)["Cases"].iter_rows(values_only=True))
    assert rows[1][:3] == ("10.5555/synth.case.1", "squamous cell carcinoma", 41) and len(rows) == 2
    assert list(openpyxl.load_workbook(path)["Notes"].iter_rows(values_only=True)) == [("Age", "Sex", "Histology")]


def test_a_hand_made_csv_with_a_title_line_is_adopted(tmp_path, reports):
    path = tmp_path / "review.csv"
    path.write_text(f"{TITLE},,,\nStudy,DOI,Age (years),Gender\nSmith 2019,10.5555/synth.case.1,,F\n",
                    encoding="utf-8")
    summary = refresh_review(path, [reports / "report1.txt", reports / "report2.txt"], use_cache=False)
    assert (summary.added, summary.matched) == (1, 1)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][0] == TITLE and rows[1][:4] == ["Study", "DOI", "Age (years)", "Gender"]
    assert rows[2][:4] == ["Smith 2019", "10.5555/synth.case.1", "41", "F"]
    assert rows[3][1:4] == ["10.5555/synth.case.2", "42", "F"]  # "F" as the column writes it


def test_a_semicolon_csv_with_a_comma_in_its_title_is_read_with_semicolons(tmp_path, reports):
    path = tmp_path / "review.csv"
    path.write_text("Cervical cancer, leukocytosis: the cases\nDOI;Age;Histology\n10.5555/synth.case.1;;\n",
                    encoding="utf-8")
    summary = refresh_review(path, [reports / "report1.txt"], use_cache=False)
    assert summary.matched == 1
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Cervical cancer, leukocytosis") and lines[1].startswith("DOI;Age;Histology;")
    assert lines[2].startswith("10.5555/synth.case.1;41;squamous cell carcinoma;")


def test_new_rows_go_right_below_the_table_not_below_formatted_blank_rows(tmp_path, reports):
    path = tmp_path / "review.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DOI", "Age", "Histology"])
    sheet.append(["10.5555/synth.case.1", 41, None])
    for row in range(3, 40):  # a whole column formatted in advance
        sheet.cell(row, 2).fill = PatternFill("solid", start_color="FFEEEEEE")
    book.save(path)
    refresh_review(path, [reports / "report1.txt", reports / "report2.txt"], use_cache=False)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.cell(3, 1).value == "10.5555/synth.case.2" and sheet.cell(3, 2).value == 42
    assert sheet.cell(3, 2).fill.fgColor.rgb == "FFEEEEEE"  # the cell kept its own look


def test_the_same_article_in_two_folders_is_one_row_in_extract_and_refresh(tmp_path, reports, capsys):
    for folder in ("pdfs", "pages"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report1.txt").write_text(REPORT.format(n=1), encoding="utf-8")
    table = tmp_path / "table.csv"
    assert main(["extract", str(tmp_path / "pdfs"), str(tmp_path / "pages"), "-o", str(table), "--no-cache"]) == 0
    assert len(table.read_text(encoding="utf-8-sig").splitlines()) == 2
    assert "the same article as" in capsys.readouterr().err
    review = tmp_path / "review.xlsx"
    summary = refresh_review(review, [tmp_path / "pdfs", tmp_path / "pages"], use_cache=False)
    assert summary.added == 1 and len(summary.duplicates) == 1
    rows = list(openpyxl.load_workbook(review)["cases"].iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == "report1.txt"
