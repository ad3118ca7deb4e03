"""Reading a reviewer's headers, matching their rows to reports, writing as their columns do."""
import pytest

from pipeline.cases.record import Case
from pipeline.review.headers import map_headers, normalise, parse_overrides
from pipeline.review.matching import RowIndex, first_author, report_keys, row_keys, surname
from pipeline.review.style import ColumnStyle, wbc_factor


@pytest.mark.parametrize("header, column", [
    ("Age (y)", "Age"), ("Gender", "Sex"), ("Primary", "Primary site"), ("Origin", "Primary site"),
    ("Pathology", "Histology"), ("Histological type", "Histology"), ("FIGO", "FIGO stage"),
    ("Stage", "FIGO stage"), ("Site of recurrence", "Metastasis/recurrence sites"),
    ("Metastatic sites", "Metastasis/recurrence sites"), ("Peak WBC (×10³/µL)", "WBC max (×10⁹/L)"),
    ("Leukocytes [/mm³]", "WBC max (×10⁹/L)"), ("Chemotherapy", "Drugs"), ("Regimen", "Drugs"),
    ("Therapy", "Treatments"), ("Follow-up", "Outcome"), ("Status", "Outcome"), ("First author", "First author"),
    ("Year", "Year"), ("Title", "Title"), ("DOI", "DOI"), ("PMID", "PMID"), ("PMCID", "PMCID"), ("Dates", "Dates"),
])
def test_headers_map_to_caselit_columns(header, column):
    assert list(map_headers([header])) == [column]


def test_unknown_headers_are_the_reviewers_and_overrides_win():
    assert map_headers(["Notes", "Ref.", "Checked by"]) == {}
    mapping = map_headers(["Ref.", "Pathology", "Histology"], parse_overrides(["Ref.=doi", "Histology="]))
    assert {name: found.text for name, found in mapping.items()} == {"DOI": "Ref.", "Histology": "Pathology"}
    with pytest.raises(ValueError, match="unknown caselit column"):
        parse_overrides(["Ref.=shoe size"])
    assert normalise("WBC, /µL") == ("wbc", "/µL")


@pytest.mark.parametrize("written, name", [
    ("Smith JA", "smith"), ("Smith et al.", "smith"), ("J. Smith", "smith"), ("Smith, John", "smith"),
    ("John Smith", "smith"), ("Müller K, Weber L", "muller"),
])
def test_surnames(written, name):
    assert surname(written) == name


def test_rows_match_reports_by_the_strongest_key_and_patients_by_case_or_age():
    case = Case("x.txt", 1, title="Leukaemoid reaction in cervical cancer: two cases", doi="10.1234/ABC",
                year="2019", authors=["Anna Smith", "Bo Lee"], age=40)
    assert report_keys("x.txt", case)[:3] == [("doi", "10.1234/abc"), ("title", "leukaemoid reaction in cervical cancer two cases"),
                                              ("author", ("smith", "2019"))]
    assert first_author(case) == "Smith et al."
    rows = {5: {"First author": "Smith A", "Year": 2019, "Age": 61}, 6: {"First author": "Smith A", "Year": "2019", "Age": "40 y"},
            7: {"Title": "Another report entirely, not this one", "Age": 40}}
    index = RowIndex(rows)
    found = index.find(report_keys("x.txt", case))
    assert found == [5, 6]
    assert index.assign(found, [(1, 40), (2, 61)]) == {1: 6, 2: 5}
    assert index.find(report_keys("x.txt", case)) == []  # taken
    assert row_keys({"DOI": "doi: 10.1234/ABC."}) == [("doi", "10.1234/abc")]


def test_values_follow_the_columns_writing():
    assert ColumnStyle("Sex", ["female", "Male"]).apply("female") == "female"  # mixed: as caselit writes
    assert ColumnStyle("Sex", ["Female", "Male"]).apply("male") == "Male"
    assert ColumnStyle("Primary site", ["Cervix", "Ovary"]).apply("endometrium") == "Endometrium"
    assert ColumnStyle("Drugs", ["cisplatin, paclitaxel"]).apply("carboplatin; gemcitabine") == "carboplatin, gemcitabine"
    assert ColumnStyle("WBC values (×10⁹/L)", [], unit="cells/µL").apply("5.93; 23") == "5930; 23000"
    assert wbc_factor("mmol/L") is None
