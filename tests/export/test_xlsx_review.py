"""The workbook as a reviewer reads it: row heights capped, the Table-1 treatment line in the
cases sheet, each patient's plot in the timeline sheet."""
import openpyxl

from pipeline.cases.labs import LabValue
from pipeline.cases.record import Case
from pipeline.cases.timeline import TimelineEvent
from pipeline.cases.treatments import Treatment
from pipeline.export import write_table
from pipeline.export.xlsx import MAX_LINES


def _case(doc, dated=True):
    dates = ["2021-01-04", "2021-02-01", "2021-03-01"] if dated else [None] * 3
    return Case(
        doc, age=50, drugs=[f"drug{i}" for i in range(40)], dates=[f"2021-01-{d:02d}" for d in range(1, 29)],
        labs=[LabValue("wbc", v, "10^9/L", d, str(v), i) for i, (v, d) in enumerate(zip((8.0, 61.5, 12.0), dates))],
        treatments=[Treatment("surgery", "radical hysterectomy", (), None, None, None, None, dates[0], "x", 0),
                    Treatment("drug", "carboplatin", ("carboplatin",), None, None, 6, None, dates[1], "x", 10),
                    Treatment("drug", "ceftriaxone", ("ceftriaxone",), None, None, None, None, dates[1], "x", 20)],
        timeline=[TimelineEvent(d, False, "An event.", (), i) for i, d in enumerate(dates) if d],
    )


def test_rows_capped_summary_and_plots(tmp_path):
    path = write_table([_case("a.txt"), _case("b.txt", dated=False), _case("c.txt")], tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(path)
    cases = book["cases"]
    header = [c.value for c in cases[1]]
    assert cases.cell(2, header.index("Treatments") + 1).value == "radical hysterectomy; carboplatin × 6"
    for row in (2, 3, 4):  # 40 drugs and 28 dates wrap to many lines: the row shows three
        assert cases.row_dimensions[row].height == MAX_LINES * 15
    images = book["timeline"]._images
    assert len(images) == 2  # b.txt has no dated value: no plot
    rows = [image.anchor._from.row + 1 for image in images]  # 1-based
    assert rows[0] == 2 and rows[1] > 4  # the second below the first: they never overlap
