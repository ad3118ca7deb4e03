"""Histological type names (WHO entities, organ words dropped) and the primary site a type names by
itself, on case passages written for the tests (issue 11: haematological, renal, paediatric and
bone tumours of fresh reports)."""
import pytest

from pipeline.extraction import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def row(nlp, text):
    rows = report_cases(nlp, Report(name="t.txt", text=text))
    assert len(rows) == 1
    return rows[0]


@pytest.mark.parametrize("text, site, histology", [
    ("A 58-year-old man underwent nephrectomy for a clear cell renal cell carcinoma. Four years later a "
     "solitary pancreatic mass was resected.", "kidney", "clear cell carcinoma"),
    ("A 61-year-old woman presented with a pancreatic mass ten years after nephrectomy; histology showed "
     "metastatic ccRCC.", "kidney", "clear cell carcinoma"),
    ("A 19-year-old man presented with fatigue and splenomegaly. Bone marrow aspiration and BCR-ABL testing "
     "confirmed chronic myeloid leukaemia, and imatinib was started.", "bone marrow", "chronic myeloid leukemia"),
    ("A 72-year-old woman presented with back pain and anaemia. Bone marrow biopsy showed 40% clonal plasma "
     "cells, and multiple myeloma was diagnosed.", "bone marrow", "multiple myeloma"),
])
def test_a_type_that_names_its_organ(nlp, text, site, histology):
    case = row(nlp, text)
    assert (case.primary_site, case.histology) == (site, histology)


@pytest.mark.parametrize("text, histology", [
    ("A 25-year-old man presented with painless cervical lymph nodes. Excision biopsy showed classical "
     "Hodgkin lymphoma, nodular sclerosis type.", "hodgkin lymphoma"),
    ("A 3-year-old boy presented with haematuria. Cystoscopic biopsy of a bladder mass showed embryonal "
     "rhabdomyosarcoma.", "embryonal rhabdomyosarcoma"),
    ("A 66-year-old woman had a gastric lymphoma; biopsy showed diffuse large B-cell lymphoma.",
     "diffuse large b-cell lymphoma"),
])
def test_the_named_entity_is_kept(nlp, text, histology):
    assert row(nlp, text).histology == histology
