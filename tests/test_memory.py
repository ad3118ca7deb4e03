"""Memory that must not grow with the number of reports processed."""
import gc

from spacy.tokens import Doc

from pipeline.api import report_cases
from pipeline.ingest.report import Report

TEXT = (
    "A 52-year-old woman with squamous cell carcinoma (SCC) of the cervix had a white blood cell "
    "(WBC) count of 41.2 × 10⁹/L. The SCC was treated with cisplatin and the WBC fell."
)


def test_each_doc_is_freed_as_soon_as_its_report_is_done(make_nlp):
    nlp = make_nlp("caselit_abbreviations", "caselit_sites", "caselit_histology", "caselit_measures")
    report = Report(name="memory.txt", text=TEXT)
    assert nlp(TEXT)._.abbreviations  # the abbreviation spans are what made a cycle through the Doc
    gc.collect()
    gc.disable()  # freed by reference counting alone, or not at all
    try:
        for _ in range(3):
            cases = report_cases(nlp, report)
        alive = [o for o in gc.get_objects() if isinstance(o, Doc)]
    finally:
        gc.enable()
    assert cases and cases[0].wbc_max == 41.2
    assert alive == []
