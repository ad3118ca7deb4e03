"""Laboratory tables flattened to text in the layouts of pipeline/nlp/measures/table_rows.py: a
row whose values stand side by side with spaces only, a column headed by the analyte's name
with one row per day, a reference range in the bracket of the row's name, and a comma between
the name and a value whose range comes before its unit. Rows and sentences written for these
tests."""
import pytest
from measure_helpers import nlp, wbc  # noqa: F401 (nlp: the shared fixture)

from pipeline.nlp.measures import table_rows


@pytest.mark.parametrize(
    "text, expected",
    [
        # one column per day, the cells flattened to single spaces; the unit in the name's bracket
        ("Haematology\nWBC (x10^9/L) 12.1 15.3 22.8 18.0\nHb (g/dL) 11.2 10.4 9.9 9.6\n", [12.1, 15.3, 22.8, 18.0]),
        # no unit: the values read by their size; the reference range in the last cell
        ("White blood cells 12.1 15.3 22.8 18.0 (4.0-10.0)\nPlatelets 210 180 150 122 (150-400)\n", [12.1, 15.3, 22.8, 18.0]),
        ("Leucocytes 9,800 14,600 21,300 4,000-11,000\n", [9.8, 14.6, 21.3]),
        # the unit in the last cell, after a bracketed range
        ("WBC 2.4 3.1 (4.0–10.0) ×10^9/L\n", [2.4, 3.1]),
        ("Total leukocyte count 3900 5200 /µL\n", [3.9, 5.2]),
        # a cell border at the start of the line; a flag-free markdown-less page
        ("| WBC (×10^3/µL) 6.2 7.7 9.0\n", [6.2, 7.7, 9.0]),
    ],
)
def test_a_row_of_values_with_spaces_between_them(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # only the values of a line that is a table row: the name starts the line, nothing but
        # values (and a last unit or range cell) follows
        ("The WBC was 12.1 15 patients were seen in the clinic.\n", []),
        ("On review her WBC was 12.1 15.3 22.8\n", [12.1]),
        ("WBC 12.1 15.3 on day 3 and later 22.8\n", [12.1]),
        # another analyte's row, another fluid's row, percentages
        ("Neutrophils (×10^9/L) 8.1 9.2 10.1\nRBC (×10^12/L) 4.1 3.9 3.7\n", []),
        ("CSF WBC 12 15 20\n", []),
        ("Lymphocytes (%) 12 15 20\n", []),
    ],
)
def test_spaces_make_a_row_only_on_a_table_line(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("WBC (×10^9/L, 4.8-18.5) 2.8 3.1\n", [2.8, 3.1]),
        ("WBC (×10^9/L, 4.8-18.5)\t2.8\t3.1\t6.6\n", [2.8, 3.1, 6.6]),
        ("Leukocytes [4.0–10.0; ×10^9/L]\t12.1\t15.3\n", [12.1, 15.3]),
        ("White cell count (×10^9/L; reference 4-11) | 1.9 | 2.6 |\n", [1.9, 2.6]),
    ],
)
def test_a_reference_range_inside_the_name_bracket(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Day\tWBC (×10^9/L)\tHb (g/dL)\tPLT (×10^9/L)\n1\t12.1\t10.2\t250\n3\t15.3\t9.8\t198\n7\t8.4\t9.9\t230\n",
         [12.1, 15.3, 8.4]),
        ("| Date | WBC | Hb | Platelets |\n|---|---|---|---|\n| 12 March | 12,100 | 10.2 | 250 |\n| 14 March | 18,900 | 9.8 | 198 |\n",
         [12.1, 18.9]),
        # runs of spaces between cells; a flag after a value
        ("Day    Hb (g/dL)    WBC (×10^9/L)\nAdmission    10.2    22.8 H\nDischarge    11.0    7.9\n", [22.8, 7.9]),
        # the last column; the units in a row of their own under the header
        ("Day\tWBC\n1\t12.1\n2\t13.4\n", [12.1, 13.4]),
        ("Day\tWBC\tHb\n\t×10^3/µL\tg/dL\n1\t12.1\t10\n3\t15.3\t9\n", [12.1, 15.3]),
        # a row of reference values and a row of another fluid give none
        ("Day | WBC | Hb\nNormal range | 4-10 | 12-16\n1 | 12.1 | 10\n", [12.1]),
        ("Sample | WBC | Protein\nCSF | 560 | 1.2\nBlood | 14.2 | 70\n", [14.2]),
        # other columns stay others' (percentages, red cells)
        ("Day | WBC | Neutrophils (%) | RBC (×10^12/L)\n1 | 12,100 | 85 | 4.1\n", [12.1]),
        # a header of two lines: the heading of the dates spans both, the analytes' names with
        # their unit and range stand on the second, the rows have one cell more
        ("Date of test\tBlood counts\t\nWBC, × 10^9/L (4–10)\tHb, g/L (120–160)\tPLT, × 10^9/L (100–300)\t\n"
         "3 June 2019\t31.5\t92\t88\t\n5 June 2019\t18.2\t101\t140\t\n", [31.5, 18.2]),
    ],
)
def test_a_column_headed_by_the_name(nlp, text, expected):
    assert wbc(nlp, text) == expected


def test_a_name_in_a_sentence_with_wide_spaces_heads_no_column(nlp):
    assert wbc(nlp, "On day 3  the WBC  rose to 15.3.\nOn day 5  it was  9.1.\n") == [15.3]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Laboratory tests showed white blood cells, 8.79 (3.5–9.5) × 10^9/L; neutrophils, 6.1 (1.8–6.3) × 10^9/L.", [8.79]),
        ("Results: leukocytes, 15.2 [4.0-11.0] ×10^9/L, haemoglobin, 101 (115-150) g/L.", [15.2]),
        # the same without the comma, or without the range, read as before
        ("Laboratory tests showed white blood cells 8.79 (3.5–9.5) × 10^9/L.", [8.79]),
        ("Laboratory tests showed white blood cells, 8.79 × 10^9/L.", [8.79]),
        # a comma before a bare number with no range after it links nothing
        ("She had an elevated WBC, 2 blood cultures grew E. coli.", []),
    ],
)
def test_a_comma_before_a_value_and_its_bracketed_range(nlp, text, expected):
    assert wbc(nlp, text) == expected


def test_cells_of_a_line():
    text = "| Day | WBC (×10^9/L) |  |\n"
    cells = table_rows.cells(text, 0, text.index("\n"))
    assert [text[c.start : c.end] for c in cells] == ["Day", "WBC (×10^9/L)", ""]
    text = "Day    WBC (×10^9/L)\tHb"
    assert [text[c.start : c.end] for c in table_rows.cells(text, 0, len(text))] == ["Day", "WBC (×10^9/L)", "Hb"]


def test_a_header_cell_heads_a_column_only_over_rows_of_its_width():
    text = "Day\tWBC\tHb\n1\t12.1\t10\n"
    start = text.index("WBC")
    assert table_rows.header_column(text, start, start + 3) == (1, 3)
    text = "Day\tWBC\tHb\nThe values are given below.\n"
    assert table_rows.header_column(text, start, start + 3) is None
    text = "WBC\t12.1\t15.3\nHb\t10\t9\n"
    assert table_rows.header_column(text, 0, 3) is None  # the first cell labels a row


def test_a_header_of_two_lines_whose_row_label_heading_spans_both():
    # "Date" heads the labels of the rows and stands on the header's first line only
    text = "Date\tBlood tests\nWBC\tHb\tPLT\n2 May\t12.1\t98\t150\n"
    start = text.index("WBC")
    assert table_rows.header_column(text, start, start + 3) == (1, 4)
    # without the line above, the first header cell labels a row
    text = "WBC\tHb\tPLT\n2 May\t12.1\t98\t150\n"
    assert table_rows.header_column(text, 0, 3) is None
    # a sentence above is no header line
    text = "The tests are below.\nWBC\tHb\tPLT\n2 May\t12.1\t98\t150\n"
    start = text.index("WBC")
    assert table_rows.header_column(text, start, start + 3) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a caption naming another fluid over the header: that fluid's column
        ("Urinalysis\nDay | WBC | RBC\n1 | 12 | 3\n", []),
        ("Table 2 Cerebrospinal fluid findings\n\nDay\tWBC\tProtein\n1\t560\t1.2\n", []),
        # a caption of blood counts, and a paragraph naming a fluid before the table, leave it the blood's
        ("Table 1 Blood counts\nDay\tWBC\tHb\n1\t12.1\t10\n", [12.1]),
        ("A chest drain was placed for the pleural effusion and the fluid was sent for culture, cytology "
         "and biochemistry on the same day.\nDay\tWBC\tHb\n1\t12.1\t10\n", [12.1]),
    ],
)
def test_a_column_under_a_caption_naming_another_fluid(nlp, text, expected):
    assert wbc(nlp, text) == expected
