"""The remembered state of a review's rows: decoded on first use, the same as decoded at once."""
import json

from pipeline.review.state import StateRow, _decoded_rows

COLUMNS = ["Age", "Sex", "Status", "Histology"]


def _stored(values, **fields):
    return json.dumps({"doc": "doi:10.1/x", "case": 1, "source": "reports/a.txt", "report": "a.txt",
                       "file": "abc", "pipeline": "v1", "values": values, **fields})


def _row(values):
    text = _stored(values)
    return StateRow.from_stored("doi:10.1/x#1", text, json.loads(text), COLUMNS)


def test_get_reads_the_stored_list_without_decoding_it():
    row = _row(["54", None, None])
    assert row.get("Age") == "54" and row.get("Sex") is None and row.get("Sex", "x") is None
    assert row.get("Histology", "unwritten") == "unwritten"  # beyond the stored list
    assert row.get("Not a column", 7) == 7
    assert not row.decoded


def test_a_column_never_written_is_absent_both_ways():
    row = _row(["54", False, None])
    assert row.get("Sex", "unwritten") == "unwritten"
    assert row.values == {"Age": "54", "Status": None}
    assert row.decoded


def test_a_lazy_row_equals_the_row_built_with_its_values():
    row = _row(["54", "female"])
    built = StateRow("doi:10.1/x#1", "doi:10.1/x", 1, "reports/a.txt", "a.txt", "abc", "v1",
                     {"Age": "54", "Sex": "female"})
    assert row == built and "values={'Age': '54', 'Sex': 'female'}" in repr(row)


def test_a_row_kept_as_read_writes_its_text_back_and_an_edited_one_anew():
    row = _row(["54"])
    assert row.to_row(COLUMNS) == ["doi:10.1/x#1", row.text]
    row.values["Sex"] = "female"
    row.text = None
    assert json.loads(row.to_row(COLUMNS)[1])["values"] == ["54", "female"]


def test_columns_named_twice_decode_as_before():
    columns = ["Age", "Age", "Sex"]
    text = _stored(["54", "60", "male"])
    row = StateRow.from_stored("k", text, json.loads(text), columns)
    assert row.values == dict(zip(columns, ["54", "60", "male"])) == {"Age": "60", "Sex": "male"}
    assert row.get("Age") == "60"


def test_rows_decoded_at_once_match_rows_decoded_one_by_one():
    rows = [["k1", _stored(["54", None])], ["k2", _stored([None, "female", False, "adenocarcinoma"])]]
    at_once = _decoded_rows(rows, COLUMNS)
    one_by_one = [StateRow.from_row(row, COLUMNS) for row in rows]
    assert at_once == one_by_one
    assert [r.get("Histology") for r in at_once] == [None, "adenocarcinoma"]
