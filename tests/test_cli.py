"""The caselit command end to end, on reports written for the tests (tests/data/) and, when
present, on the shared development set."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pipeline.cli import main

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "cases.jsonl"
    assert main(["extract", str(DATA), "-o", str(out), "--quiet"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {(r["doc"], r["case"]): r for r in rows}


def test_single_patient_report(jsonl):
    case = jsonl[("synthetic-cervix-report.txt", 1)]
    assert case["age"] == 52
    assert case["sex"] == "female"
    assert case["primary_site"] == "cervix"
    assert case["histology"] == "squamous cell carcinoma"
    assert case["figo_stage"] == "IB2"
    assert case["metastasis_sites"] == ["vagina"]  # not lung/liver/bone (background), not lymph node (negated)
    assert case["wbc_values"] == [8.2, 45.6, 9.1]  # not the 40 threshold, not the 100 of other authors
    assert case["wbc_max"] == 45.6
    assert case["drugs"] == ["cisplatin", "paclitaxel", "piperacillin", "tazobactam"]  # no gemcitabine, no hydroxyurea
    assert case["dates"] == ["2019-03-03", "2019-03-10", "2020-01"]
    assert case["outcome"] == "no evidence of disease"
    assert case["title"].startswith("Leukocytosis and vaginal recurrence")


def test_evidence_points_at_the_text(jsonl):
    case = jsonl[("synthetic-cervix-report.txt", 1)]
    text = (DATA / "synthetic-cervix-report.txt").read_text(encoding="utf-8")
    fields = {e["field"] for e in case["evidence"]}
    assert {"age", "figo_stage", "drugs", "wbc_values"} <= fields
    for evidence in case["evidence"]:
        assert text[evidence["sentence_start"]:].startswith(evidence["sentence"][:20])
        assert evidence["sentence_start"] <= evidence["start"] < evidence["end"]


def test_two_patients_give_two_rows(jsonl):
    first, second = jsonl[("synthetic-two-cases.txt", 1)], jsonl[("synthetic-two-cases.txt", 2)]
    assert (first["age"], first["primary_site"], first["figo_stage"]) == (61, "endometrium", "IIIC")
    assert (second["age"], second["primary_site"], second["figo_stage"]) == (45, "cervix", "IIB")
    # FIGO IIIC is spread to the pelvic or para-aortic nodes by definition
    assert first["metastasis_sites"] == ["lymph node", "orbit"] and second["metastasis_sites"] == ["lung"]
    assert first["drugs"] == ["carboplatin"] and second["drugs"] == ["cisplatin"]
    assert first["outcome"] == "died" and second["outcome"] == "alive with disease"


def test_xlsx_table(tmp_path):
    out = tmp_path / "review.xlsx"
    assert main(["extract", str(DATA / "synthetic-cervix-report.txt"), "-o", str(out), "-q"]) == 0
    cases = pd.read_excel(out, sheet_name="cases")
    assert list(cases.columns[:4]) == ["Report", "Case", "Title", "Age"]
    row = cases.iloc[0]
    assert row["FIGO stage"] == "IB2"
    assert row["Drugs"] == "cisplatin; paclitaxel; piperacillin; tazobactam"
    assert row["WBC max (×10⁹/L)"] == pytest.approx(45.6)
    book = openpyxl.load_workbook(out)
    assert book["cases"].freeze_panes == "A2"
    evidence = pd.read_excel(out, sheet_name="evidence")
    assert set(evidence["Field"]) >= {"age", "drugs"}


def test_bad_file_is_reported_and_the_batch_goes_on(tmp_path, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(DATA / "synthetic-cervix-report.txt", folder)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    out = tmp_path / "cases.csv"
    assert main(["extract", str(folder), "-o", str(out)]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("caselit: skipped")]
    assert len(errors) == 2 and any("empty.txt" in e for e in errors) and any("binary.txt" in e for e in errors)
    table = pd.read_csv(out)
    assert list(table["Report"]) == ["synthetic-cervix-report.txt"]


def test_unknown_output_format_is_one_line(tmp_path, capsys):
    assert main(["extract", str(DATA), "-o", str(tmp_path / "cases.doc")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cases.doc" in err[0]


def test_python_dash_m_and_help():
    result = subprocess.run([sys.executable, "-m", "pipeline", "extract", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and ".xlsx" in result.stdout


def test_development_set_scores(shared_dir, tmp_path):
    """The development set: micro-F1 of the shared scorer (reported; the floor guards
    against regressions, not a target)."""
    out = tmp_path / "dev.jsonl"
    main(["extract", str(shared_dir / "eval" / "dev"), "-o", str(out), "-q"])
    result = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), str(shared_dir / "eval" / "dev-gold.jsonl"), str(out)],
        capture_output=True, text=True, check=True,
    )
    micro = float(result.stdout.strip().splitlines()[-1].split()[1])
    assert micro >= 0.85, result.stdout


def test_mentions_kept_out_of_the_table_keep_their_qualifiers(jsonl):
    evidence = jsonl[("synthetic-cervix-report.txt", 1)]["evidence"]
    dropped = {(e["field"], str(e["value"])): e for e in evidence if not e["kept"]}
    assert "negated" in dropped[("metastasis_sites", "lymph node")]["qualifiers"]
    assert "subject=other" in dropped[("drugs", "gemcitabine")]["qualifiers"]
    assert dropped[("drugs", "hydroxycarbamide")]["qualifiers"][-1] == "section=discussion"
    kept = {(e["field"], str(e["value"])) for e in evidence if e["kept"]}
    assert ("drugs", "cisplatin") in kept and ("metastasis_sites", "vagina") in kept


def test_treatments_beyond_the_contract(jsonl):
    case = jsonl[("synthetic-cervix-report.txt", 1)]
    by_name = {t["name"]: t for t in case["treatments"]}
    assert by_name["radical hysterectomy"]["date"] == "2019-03-10"
    assert by_name["paclitaxel"]["cycles"] == 2 and by_name["cisplatin"]["cycles"] == 2
    assert "gemcitabine" not in by_name  # another author's patient


def test_xlsx_has_the_detail_sheets(tmp_path):
    out = tmp_path / "review.xlsx"
    main(["extract", str(DATA / "synthetic-cervix-report.txt"), "-o", str(out), "-q"])
    treatments = pd.read_excel(out, sheet_name="treatments")
    assert "radical hysterectomy" in set(treatments["Treatment"])
    assert openpyxl.load_workbook(out).sheetnames == ["cases", "treatments", "labs", "timeline", "evidence"]


def test_a_reader_that_leaves_early_gets_no_traceback(tmp_path):
    """``caselit evaluate ... --errors | head -1``: the pipe closes under the writer."""
    import subprocess
    import sys

    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    gold.write_text("".join(f'{{"doc": "d{n}.txt", "cases": [{{"age": {n}}}]}}\n' for n in range(3000)))
    pred.write_text("".join(f'{{"doc": "d{n}.txt", "case": 1, "age": 1}}\n' for n in range(3000)))
    command = f"{sys.executable} -m pipeline evaluate {gold} {pred} --errors | head -1"
    done = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=120)
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
