"""Refreshing a review sheet (pipeline.review.refresh) on cases written for these tests: the
reviewer's edits, rows, columns, sheets and formatting survive; caselit's own cells follow
the reports."""
import dataclasses
import shutil

import openpyxl
import pandas as pd
import pytest
from openpyxl.styles import PatternFill

from pipeline.cases.record import Case
from pipeline.review import refresh as refresh_module
from pipeline.review.errors import ReviewError
from pipeline.review.machine_columns import CASE_GONE, SOURCE_MISSING, STATUS_COLUMN
from pipeline.review.opening import ID_COLUMN
from pipeline.review.refresh import Review
from pipeline.review.reports import ReportCases
from pipeline.review.state import state_file

FORMATS = ["xlsx", "csv"]


def case(doc="a.txt", number=1, **values):
    defaults = dict(age=40.0, sex="female", primary_site="cervix", figo_stage="IIA1",
                    drugs=["cisplatin", "paclitaxel"], wbc_values=[5.93, 23.0], wbc_max=23.0)
    defaults.update(values)
    return Case(doc=doc, case=number, **defaults)


class Folder:
    """Report files on disk (so sources exist) and the ReportCases refresh receives."""

    def __init__(self, root):
        self.root = root
        root.mkdir(exist_ok=True)

    def report(self, name, *cases, doc_id=None, text="x"):
        path = self.root / name
        if not path.exists():
            path.write_text(text)
        cases = [dataclasses.replace(c, doc=name) for c in cases] or [case(name)]
        return ReportCases(doc_id or f"sha:{name}", name, path, f"hash-{name}-{text}", cases)


def refresh(path, reports, **kwargs):
    review = Review.open(path)
    summary = review.apply(reports, version="v1", **kwargs)
    review.save()
    return summary


def read(path):
    """The cases table as a list of dicts (str/number values, None for empty)."""
    if path.suffix == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        return [{k: (v or None) for k, v in row.items()} for row in frame.to_dict("records")]
    sheet = openpyxl.load_workbook(path)["cases"]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def edit(path, row_index, column, value):
    """Type a value into the sheet as a reviewer would (Excel or a text editor)."""
    if path.suffix == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        frame.loc[row_index, column] = value
        frame.to_csv(path, index=False, encoding="utf-8-sig")
        return
    book = openpyxl.load_workbook(path)
    sheet = book["cases"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=row_index + 2, column=header.index(column) + 1, value=value)
    book.save(path)


def text(value):
    return None if value is None else str(value)


@pytest.fixture(params=FORMATS)
def review_path(request, tmp_path):
    return tmp_path / f"review.{request.param}"


@pytest.fixture
def folder(tmp_path):
    return Folder(tmp_path / "reports")


def test_a_new_review_is_created_with_ids_and_state(review_path, folder):
    summary = refresh(review_path, [folder.report("a.txt", case(), case(number=2, age=61.0))])
    assert (summary.added, summary.updated, len(summary.conflicts)) == (2, 0, 0)
    rows = read(review_path)
    assert [r[ID_COLUMN] for r in rows] == ["sha:a.txt#1", "sha:a.txt#2"]
    assert text(rows[1]["Age"]) == "61" and rows[0]["Drugs"] == "cisplatin; paclitaxel"
    if review_path.suffix == ".xlsx":
        book = openpyxl.load_workbook(review_path)
        assert book["_caselit"].sheet_state == "hidden" and "conflicts" in book.sheetnames
    else:
        assert state_file(review_path).exists()


def test_edited_cells_survive_and_the_others_follow_the_report(review_path, folder):
    refresh(review_path, [folder.report("a.txt", case())])
    edit(review_path, 0, "Sex", "F (checked)")
    edit(review_path, 0, "Primary site", "")  # cleared by the reviewer: stays empty
    changed = folder.report("a.txt", case(sex="female", primary_site="cervix", figo_stage="IIB", age=41.0), text="y")
    summary = refresh(review_path, [changed])
    row = read(review_path)[0]
    assert row["Sex"] == "F (checked)" and row["Primary site"] is None
    assert row["FIGO stage"] == "IIB" and text(row["Age"]) == "41"
    assert (summary.updated, summary.added, len(summary.conflicts)) == (1, 0, 0)


def test_new_report_is_appended_below(review_path, folder):
    refresh(review_path, [folder.report("a.txt", case())])
    summary = refresh(review_path, [folder.report("a.txt", case()), folder.report("b.txt", case(age=55.0))])
    rows = read(review_path)
    assert [r["Report"] for r in rows] == ["a.txt", "b.txt"]
    assert (summary.added, summary.unchanged, summary.updated) == (1, 1, 0)


def test_conflict_is_reported_and_the_reviewer_wins(review_path, folder):
    refresh(review_path, [folder.report("a.txt", case())])
    edit(review_path, 0, "FIGO stage", "IIA2")
    summary = refresh(review_path, [folder.report("a.txt", case(figo_stage="IIB"), text="y")])
    assert read(review_path)[0]["FIGO stage"] == "IIA2"
    [conflict] = summary.conflicts
    assert (conflict.column, conflict.yours, conflict.before, conflict.now) == ("FIGO stage", "IIA2", "IIA1", "IIB")
    assert "FIGO stage" in conflict.line() and "IIB" in conflict.line()
    if review_path.suffix == ".xlsx":
        logged = list(openpyxl.load_workbook(review_path)["conflicts"].iter_rows(values_only=True))
    else:
        logged = pd.read_csv(review_path.with_name("review.conflicts.csv"), encoding="utf-8-sig").values.tolist()
        logged = [None] + logged
    assert logged[1][4:] == ("FIGO stage", "IIA2", "IIA1", "IIB") or list(logged[1][4:]) == ["FIGO stage", "IIA2", "IIA1", "IIB"]
    # Reported once: the next refresh with the same values is quiet.
    again = refresh(review_path, [folder.report("a.txt", case(figo_stage="IIB"), text="y")])
    assert again.conflicts == [] and read(review_path)[0]["FIGO stage"] == "IIA2"


def test_an_edit_equal_to_the_new_value_is_no_conflict(review_path, folder):
    refresh(review_path, [folder.report("a.txt", case())])
    edit(review_path, 0, "FIGO stage", "IIB")
    summary = refresh(review_path, [folder.report("a.txt", case(figo_stage="IIB"), text="y")])
    assert summary.conflicts == [] and read(review_path)[0]["FIGO stage"] == "IIB"


def test_reviewer_rows_columns_and_order_are_kept(review_path, folder):
    refresh(review_path, [folder.report("a.txt", case()), folder.report("b.txt", case(age=55.0))])
    if review_path.suffix == ".csv":
        frame = pd.read_csv(review_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        frame.insert(3, "Include?", ["yes", "no"])
        frame = frame.iloc[::-1]  # sorted by the reviewer
        frame.loc[len(frame)] = {"Report": "my notes"}
        frame.to_csv(review_path, index=False, encoding="utf-8-sig")
    else:
        book = openpyxl.load_workbook(review_path)
        sheet = book["cases"]
        sheet.insert_cols(4)
        sheet.cell(1, 4, "Include?"), sheet.cell(2, 4, "yes"), sheet.cell(3, 4, "no")
        rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
        for r, values in enumerate(reversed(rows), start=2):  # sorted by the reviewer
            for c, value in enumerate(values, start=1):
                sheet.cell(r, c, value)
        sheet.cell(4, 1, "my notes")
        sheet.cell(2, 4).fill = PatternFill("solid", fgColor="FFFF00")
        sheet.column_dimensions["D"].width = 33
        book.create_sheet("PRISMA")["A1"] = "screened: 2"
        book.save(review_path)
    summary = refresh(review_path, [folder.report("a.txt", case(age=42.0), text="y"), folder.report("b.txt", case(age=55.0)),
                                    folder.report("c.txt", case())])
    rows = read(review_path)
    assert [r["Report"] for r in rows] == ["b.txt", "a.txt", "my notes", "c.txt"]
    assert [r["Include?"] for r in rows] == ["no", "yes", None, None]
    assert text(rows[1]["Age"]) == "42" and summary.added == 1 and summary.updated == 1
    if review_path.suffix == ".xlsx":
        book = openpyxl.load_workbook(review_path)
        sheet = book["cases"]
        assert sheet.cell(2, 4).fill.fgColor.rgb == "00FFFF00"
        assert sheet.column_dimensions["D"].width == 33
        assert book["PRISMA"]["A1"].value == "screened: 2"
        assert sheet.freeze_panes == "A2"


def test_missing_source_is_flagged_not_deleted_and_cleared_when_back(review_path, folder):
    a, b = folder.report("a.txt", case()), folder.report("b.txt", case())
    refresh(review_path, [a, b])
    b.source.unlink()
    summary = refresh(review_path, [a])
    rows = read(review_path)
    assert [r[STATUS_COLUMN] for r in rows] == [None, SOURCE_MISSING] and summary.flagged == 1
    b = folder.report("b.txt", case())
    refresh(review_path, [a, b])
    assert [r[STATUS_COLUMN] for r in read(review_path)] == [None, None]


def test_sources_not_given_this_time_are_left_alone(review_path, folder):
    refresh(review_path, [folder.report("a.txt", case())])
    summary = refresh(review_path, [folder.report("b.txt", case())])
    assert [r[STATUS_COLUMN] for r in read(review_path)] == [None, None] and summary.flagged == 0


def test_a_case_gone_from_a_report_is_flagged(review_path, folder):
    refresh(review_path, [folder.report("a.txt", case(), case(number=2))])
    refresh(review_path, [folder.report("a.txt", case(), text="y")])
    assert [r[STATUS_COLUMN] for r in read(review_path)] == [None, CASE_GONE]


def test_renamed_file_is_the_same_report(review_path, folder):
    refresh(review_path, [folder.report("a.txt", case(), doc_id="doi:10.1/a")])
    summary = refresh(review_path, [folder.report("renamed.txt", case(), doc_id="doi:10.1/a")])
    rows = read(review_path)
    assert len(rows) == 1 and rows[0]["Report"] == "renamed.txt" and rows[0][STATUS_COLUMN] is None
    assert (summary.added, summary.updated) == (0, 1)


def test_edited_text_without_doi_is_matched_by_its_file(review_path, folder):
    refresh(review_path, [folder.report("a.txt", case(), doc_id="sha:1111")])
    summary = refresh(review_path, [folder.report("a.txt", case(age=44.0), doc_id="sha:2222", text="y")])
    rows = read(review_path)
    assert len(rows) == 1 and text(rows[0]["Age"]) == "44" and summary.added == 0


def test_duplicate_reports_are_skipped(review_path, folder):
    summary = refresh(review_path, [folder.report("a.txt", case(), doc_id="doi:10.1/a"),
                                    folder.report("a (1).txt", case(), doc_id="doi:10.1/a")])
    assert len(read(review_path)) == 1 and [p.name for p, _ in summary.duplicates] == ["a (1).txt"]
    assert read(review_path)[0]["Report"] == "a.txt; a (1).txt"  # one article, one row, every file named


def test_a_row_the_reviewer_deleted_is_not_added_again(review_path, folder):
    refresh(review_path, [folder.report("a.txt", case()), folder.report("b.txt", case())])
    if review_path.suffix == ".csv":
        frame = pd.read_csv(review_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        frame.iloc[[1]].to_csv(review_path, index=False, encoding="utf-8-sig")
    else:
        book = openpyxl.load_workbook(review_path)
        book["cases"].delete_rows(2)
        book.save(review_path)
    summary = refresh(review_path, [folder.report("a.txt", case(age=50.0), text="y"), folder.report("b.txt", case())])
    assert [r["Report"] for r in read(review_path)] == ["b.txt"] and summary.added == 0


def test_a_new_machine_column_appears_at_the_right(review_path, folder, monkeypatch):
    refresh(review_path, [folder.report("a.txt", case())])
    edit(review_path, 0, "Sex", "F")
    original = refresh_module.table_module.case_row

    def with_timeline(case):
        return (*original(case), "day 0: surgery")

    monkeypatch.setattr(refresh_module.table_module, "CASE_COLUMNS", (*refresh_module.table_module.CASE_COLUMNS, "Timeline"))
    monkeypatch.setattr(refresh_module.table_module, "case_row", with_timeline)
    summary = refresh(review_path, [folder.report("a.txt", case())])
    row = read(review_path)[0]
    assert list(row)[-1] == "Timeline" and row["Timeline"] == "day 0: surgery" and row["Sex"] == "F"
    assert summary.new_columns == ["Timeline"] and summary.conflicts == []


def test_previous_sheet_is_kept_as_backup(review_path, folder):
    refresh(review_path, [folder.report("a.txt", case())])
    before = review_path.read_bytes()
    refresh(review_path, [folder.report("b.txt", case())])
    backup = review_path.with_name(f"review.bak{review_path.suffix}")
    assert backup.read_bytes() == before and len(read(review_path)) == 2


def test_nothing_changed_writes_nothing(review_path, folder):
    refresh(review_path, [folder.report("a.txt", case())])
    review = Review.open(review_path)
    summary = review.apply([folder.report("a.txt", case())], version="v1")
    # not dirty: the refresh command then leaves the file alone (batch/refresh.py saves only a dirty review)
    assert not review.dirty and summary.unchanged == 1


def test_a_sheet_saved_again_by_a_spreadsheet_program_is_unchanged(tmp_path, folder):
    path = tmp_path / "review.xlsx"
    refresh(path, [folder.report("a.txt", case(title="=cmd()", wbc_values=[5.93, 70.37]))])
    book = openpyxl.load_workbook(path)  # shared strings, its own number formatting
    book.save(path)
    review = Review.open(path)
    summary = review.apply([folder.report("a.txt", case(title="=cmd()", wbc_values=[5.93, 70.37]))], version="v1")
    assert summary.unchanged == 1 and summary.conflicts == [] and not review.dirty


@pytest.mark.parametrize("content", [b"", b"not a spreadsheet", b"PK\x03\x04broken zip"])
def test_a_corrupt_xlsx_is_an_error_and_left_untouched(tmp_path, folder, content):
    path = tmp_path / "review.xlsx"
    path.write_bytes(content)
    with pytest.raises(ReviewError, match="left unchanged"):
        Review.open(path)
    assert path.read_bytes() == content


def test_a_workbook_without_a_table_caselit_recognises_is_an_error_and_left_untouched(tmp_path):
    path = tmp_path / "review.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Shopping", "Price"])
    book.active.append(["bread", 2])
    book.save(path)
    before = path.read_bytes()
    with pytest.raises(ReviewError, match="no sheet has a header row caselit recognises.*left unchanged"):
        Review.open(path)
    assert path.read_bytes() == before


def test_a_damaged_state_sheet_is_an_error(tmp_path, folder):
    path = tmp_path / "review.xlsx"
    refresh(path, [folder.report("a.txt", case())])
    book = openpyxl.load_workbook(path)
    book["_caselit"]["B3"] = "{not json"
    book.save(path)
    before = path.read_bytes()
    with pytest.raises(ReviewError, match="damaged.*left unchanged"):
        Review.open(path)
    assert path.read_bytes() == before


def test_a_csv_without_a_table_or_with_ids_but_no_state_is_an_error(tmp_path, folder):
    path = tmp_path / "review.csv"
    path.write_text("Shopping,Price\nbread,2\n", encoding="utf-8")
    with pytest.raises(ReviewError, match="no sheet has a header row caselit recognises"):
        Review.open(path)
    refresh(path.with_name("ours.csv"), [folder.report("a.txt", case())])
    shutil.copy(path.with_name("ours.csv"), path)
    with pytest.raises(ReviewError, match="state file"):
        Review.open(path)
    assert "a.txt" in path.read_text(encoding="utf-8-sig")


def test_other_formats_are_refused(tmp_path):
    with pytest.raises(ReviewError, match=".xlsx or .csv"):
        Review.open(tmp_path / "review.jsonl")


def test_csv_saved_with_semicolons_keeps_them(tmp_path, folder):
    path = tmp_path / "review.csv"
    refresh(path, [folder.report("a.txt", case())])
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame.to_csv(path, index=False, sep=";", encoding="utf-8-sig")
    refresh(path, [folder.report("a.txt", case(age=41.0), text="y")])
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Report;Case;") and ";41;" in lines[1]


def test_a_document_id_wins_over_a_file_name(review_path, folder):
    refresh(review_path, [folder.report("p.txt", case(age=40.0), doc_id="sha:x")])
    (folder.root / "p.txt").write_text("other")
    summary = refresh(review_path, [folder.report("p.txt", case(age=70.0), doc_id="sha:y", text="other"),
                                    folder.report("q.txt", case(age=40.0), doc_id="sha:x")])
    rows = read(review_path)
    assert [(r["Report"], text(r["Age"])) for r in rows] == [("q.txt", "40"), ("p.txt", "70")]
    assert (summary.added, summary.updated, summary.duplicates) == (1, 1, [])


def test_a_sheet_saved_by_excel_with_shared_strings_refreshes(tmp_path, folder):
    from test_refresh_xlsx import as_excel_saves

    path = tmp_path / "review.xlsx"
    refresh(path, [folder.report("a.txt", case())])
    edit(path, 0, "Sex", "F")
    path.write_bytes(as_excel_saves(path.read_bytes()))  # every text, the state's too, now shared
    review = Review.open(path)
    summary = review.apply([folder.report("a.txt", case(figo_stage="IIB"), text="y")], version="v1")
    review.save()
    row = read(path)[0]
    assert (row["Sex"], row["FIGO stage"], summary.updated, summary.conflicts) == ("F", "IIB", 1, [])


def test_a_caselit_column_the_reviewer_deleted_or_renamed_is_not_added_again(tmp_path, folder):
    path = tmp_path / "review.xlsx"
    refresh(path, [folder.report("a.txt", case())])
    book = openpyxl.load_workbook(path)
    sheet = book["cases"]
    header = [c.value for c in sheet[1]]
    sheet.delete_cols(header.index("Journal") + 1)
    header = [c.value for c in sheet[1]]
    sheet.cell(1, header.index("FIGO stage") + 1, "Stage")  # renamed
    book.save(path)
    summary = refresh(path, [folder.report("a.txt", case(figo_stage="IIB"), text="y")])
    row = read(path)[0]
    assert "Journal" not in row and "FIGO stage" not in row and row["Stage"] == "IIB"
    assert summary.new_columns == []
