"""Metastasis sites of a report of several patients told together: a site the text tells of all of
them is each row's; one it tells apart is not (pipeline/cases/series.py), on sentences written for the tests."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def rows_of(nlp, text, title=None):
    return report_cases(nlp, Report(name="t.txt", text=text, title=title))


def test_a_site_told_of_all_the_patients_is_each_rows(nlp):
    text = ("We present two cases of brain metastases from endometrial adenocarcinoma. Both women had been "
            "treated with hysterectomy years before, and the brain lesions were resected.")
    rows = rows_of(nlp, text, title="Brain metastases of endometrial cancer: two cases")
    assert len(rows) == 2
    assert [row.metastasis_sites for row in rows] == [["brain"], ["brain"]]


def test_a_site_the_title_tells_of_the_counted_patients_is_each_rows(nlp):
    text = ("Hemoptysis in three women with choriocarcinoma with pulmonary metastasis: a case series\n"
            "We describe three women aged 24, 31 and 38 years who presented with hemoptysis months after a "
            "pregnancy. All were treated with chemotherapy.")
    assert [row.metastasis_sites for row in rows_of(nlp, text)] == [["lung"]] * 3


@pytest.mark.parametrize("sentence, site, primary, spread", [
    ("Hemoptysis in three women with choriocarcinoma with pulmonary metastasis: a case series", "lung", None, ["lung"]),
    # the organ the counted patients' tumours arose in, named without a word of spread
    ("Intraosseous osteosarcoma of the jaws: experience of three cases", "bone", None, []),
    # ... or named as their primary's
    ("Bone metastases in three cases of osteosarcoma", "bone", "bone", []),
])
def test_a_site_of_the_counted_patients_left_out_as_others_is_each_rows_when_told_as_spread(sentence, site, primary, spread):
    from pipeline.cases.record import Case, Evidence
    from pipeline.cases.series_shared import told_of_all_spread
    first = Case(doc="t.txt", primary_site=primary)
    first.evidence = [Evidence("metastasis_sites", site, sentence, 0, 5, 0, ("subject=other", "section=front"), kept=False)]
    assert [e.value for e in told_of_all_spread(first, 3)] == spread


def test_sites_told_apart_are_not_copied(nlp):
    text = ("We report two cases of endometrial adenocarcinoma with metastases to the tibia and the liver, "
            "respectively. Both women were treated with chemotherapy.")
    rows = rows_of(nlp, text, title="Unusual metastases of endometrial cancer: two cases")
    assert [row.metastasis_sites for row in rows] == [["bone"], ["liver"]]


def test_the_titles_organ_before_a_broader_name_of_the_type_is_each_rows_primary(nlp):
    # "lymphoma" in the title, "DLBCL" in the part: the organ written before the broader name holds
    title = "Primary cardiac lymphoma: three case reports and a review of the literature"
    text = (title + "\n\nAbstract\nPrimary cardiac lymphoma (PCL) is a rare entity. In this "
            "series, three cases of PCL are described. In the first "
            "case, a 70-year-old man had a mass of the right ventricle; biopsy revealed diffuse large B-cell "
            "lymphoma. The second case describes a 52-year-old woman with a right atrial mass; cytology "
            "demonstrated DLBCL. In the last case, an 84-year-old woman presented with weakness. A mass was "
            "found in the right atrium and the patient died. Autopsy confirmed the diagnosis of DLBCL.")
    rows = rows_of(nlp, text, title=title)
    assert [(row.age, row.primary_site) for row in rows] == [(70, "heart"), (52, "heart"), (84, "heart")]



def test_the_other_of_two_as_the_subject_without_a_noun_is_the_second_row(nlp):
    text = ("We report two cases of primary signet ring cell carcinoma of the urinary bladder. The first patient "
            "underwent a radical cystectomy and chemotherapy. The other was initially diagnosed with peritoneal "
            "metastasis and was treated with partial cystectomy.")
    assert [r.metastasis_sites for r in rows_of(nlp, text)] == [[], ["peritoneum"]]
