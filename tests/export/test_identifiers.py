"""PMIDs, PMCIDs and DOIs are text in every table: text cells in XLSX, quoted in CSV. (pandas
infers numbers from text cells and quoted fields alike: read them with dtype=str.)"""
import csv

import openpyxl
import pandas as pd

from pipeline.cases.record import Case
from pipeline.export import write_table
from pipeline.review.refresh import Review
from pipeline.review.reports import ReportCases

CASES = [Case("a.txt", case=1, age=40, pmid="19132155", pmcid="PMC2644540", doi="10.1186/1752-1947-3-1"),
         Case("b.txt", case=1, age=0.75)]
IDS = ("PMID", "PMCID", "DOI")


def id_cells(path, sheet="cases"):
    rows = list(openpyxl.load_workbook(path)[sheet].iter_rows())
    header = [c.value for c in rows[0]]
    return [(rows[1][header.index(name)].value, rows[1][header.index(name)].data_type) for name in IDS]


def test_xlsx_identifiers_are_text_cells(tmp_path):
    out = write_table(CASES, tmp_path / "cases.xlsx")
    assert id_cells(out) == [("19132155", "s"), ("PMC2644540", "s"), ("10.1186/1752-1947-3-1", "s")]
    table = pd.read_excel(out, sheet_name="cases", dtype={"PMID": str})
    assert table["PMID"][0] == "19132155"


def test_review_sheet_identifiers_are_text_cells(tmp_path):
    review = Review.open(tmp_path / "review.xlsx")
    review.apply([ReportCases("pmid:19132155", "a.txt", tmp_path / "a.txt", "f1", CASES[:1])], version="v1")
    review.save()
    assert id_cells(tmp_path / "review.xlsx")[0] == ("19132155", "s")


def test_csv_quotes_text_and_leaves_numbers_bare(tmp_path):
    out = write_table(CASES, tmp_path / "cases.csv")
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[1].startswith('"a.txt",1,') and '"19132155"' in lines[1] and ',40,' in lines[1]
    assert ",0.75," in lines[2]
    with out.open(encoding="utf-8-sig", newline="") as handle:  # a reader that honours quotes
        rows = list(csv.reader(handle, quoting=csv.QUOTE_NONNUMERIC))
    header = rows[0]
    assert rows[1][header.index("PMID")] == "19132155" and rows[1][header.index("Age")] == 40.0
    table = pd.read_csv(out, encoding="utf-8-sig", dtype={"PMID": str, "PMCID": str})
    assert table["PMID"][0] == "19132155" and table["Age"].tolist() == [40, 0.75]
