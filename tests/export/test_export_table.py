"""Case records -> the review table and the evidence table."""
import doctest

import pandas as pd
import pytest

from pipeline.cases.record import Case
from pipeline.export import CASE_COLUMNS, EVIDENCE_COLUMNS, case_row, cases_frame, evidence_frame, evidence_rows
from pipeline.export import safe as safe_module
from pipeline.export import table as table_module
from pipeline.export import xlsx as xlsx_module

def test_case_columns_in_order(make_cases, expected_columns):
    assert list(CASE_COLUMNS) == expected_columns
    assert list(cases_frame(make_cases()).columns) == expected_columns
    assert list(cases_frame([]).columns) == expected_columns


def test_case_values(make_cases):
    row = cases_frame(make_cases()).iloc[0]
    assert row["Report"] == "cervix-case.txt" and row["Case"] == 1
    assert row["Metastasis/recurrence sites"] == "lymph node; vagina"
    assert row["WBC values (×10⁹/L)"] == "5.93; 23; 70.37"
    assert row["WBC max (×10⁹/L)"] == pytest.approx(70.37)
    assert row["Drugs"] == "cisplatin; paclitaxel"
    assert row["Dates"] == "2012-04-18; 2012-07"
    assert (row["DOI"], row["PMID"], row["FIGO stage"]) == ("10.5555/x.1", "31234567", "IIA1")


def test_missing_values_are_empty_not_text(make_cases):
    row = cases_frame(make_cases()).iloc[1]
    for column in ("Title", "Primary site", "Drugs", "Dates", "WBC values (×10⁹/L)", "DOI"):
        assert row[column] is None
    assert row["WBC max (×10⁹/L)"] is pd.NA


@pytest.mark.parametrize(
    "ages, dtype, expected",
    [
        ([40.0, 52.0], "Int64", [40, 52]),
        ([40.0, None], "Int64", [40, pd.NA]),
        ([40.0, 0.75], "Float64", [40.0, 0.75]),
        ([None, None], "Int64", [pd.NA, pd.NA]),
    ],
)
def test_age_is_an_integer_when_whole(ages, dtype, expected):
    frame = cases_frame([Case(doc="a.txt", age=age) for age in ages])
    assert str(frame["Age"].dtype) == dtype
    assert frame["Age"].tolist() == expected


@pytest.mark.parametrize(
    "values, expected",
    [([141.0], "141"), ([0.1 + 0.2, 12.5], "0.3; 12.5"), ([50, 8.1], "50; 8.1"), ([], None)],
)
def test_wbc_values_text(values, expected):
    assert cases_frame([Case(doc="a.txt", wbc_values=values)]).iloc[0]["WBC values (×10⁹/L)"] == expected


def test_evidence_frame(make_cases):
    frame = evidence_frame(make_cases())
    assert list(frame.columns) == list(EVIDENCE_COLUMNS) == [
        "Report", "Case", "Field", "Value", "Sentence", "Start", "End", "Qualifiers", "In table",
    ]
    assert frame["Value"].tolist() == ["40", "lymph node", "5.93; 23"]
    assert frame["Qualifiers"].tolist() == [None, "negated", None]
    assert frame["Start"].tolist() == [2, 30, 50]
    assert frame.iloc[2]["Sentence"] == "WBC rose from 5.93 to 23×10⁹/L."
    assert evidence_frame([]).empty and list(evidence_frame([]).columns) == list(EVIDENCE_COLUMNS)


def test_rows_have_one_value_per_column(make_cases):
    """The row functions the streaming writers use give the frames' columns, in order."""
    case = make_cases()[0]
    assert case_row(case) == tuple(cases_frame([case]).astype(object).iloc[0].replace({pd.NA: None}))
    assert len(case_row(case)) == len(CASE_COLUMNS)
    assert [len(row) for row in evidence_rows(case)] == [len(EVIDENCE_COLUMNS)] * 3
    assert list(table_module.evidence_frame([case]).itertuples(index=False, name=None)) == list(evidence_rows(case))


@pytest.mark.parametrize("module", [table_module, safe_module, xlsx_module])
def test_docstring_examples(module):
    assert doctest.testmod(module).failed == 0
