import pytest

from pipeline.cases.treatments import Treatment, case_staging, case_treatments, generic_procedures, staging_mentions
from mention_helpers import as_mentions

GROUPS = ("stage", "drugs", "procedures", "dates")


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_stage", "caselit_drugs", "caselit_procedures", "caselit_dates")


def mentions(nlp, text):
    """The mentions of ``text`` as case assembly gets them (all the patient's, affirmed)."""
    return as_mentions(nlp(text), GROUPS)


def summary(treatments):
    return [(t.kind, t.name, t.drugs, t.dose, t.cycles, t.regimen, t.date) for t in treatments]


def test_regimen_and_its_drugs_are_one_treatment(nlp):
    found = case_treatments(mentions(nlp, "She received paclitaxel 175 mg/m2 and carboplatin AUC 5 (TC) every 3 weeks for 6 cycles."))
    assert summary(found) == [
        ("drug", "TC", ("paclitaxel", "carboplatin"), "paclitaxel 175 mg/m2; carboplatin AUC 5", 6, "TC", None),
    ]
    assert found[0].schedule == "every 3 weeks"


def test_drugs_given_together_keep_their_cycles(nlp):
    found = case_treatments(mentions(nlp, "After two courses of paclitaxel and cisplatin, the tumour shrank."))
    assert summary(found) == [
        ("drug", "paclitaxel", ("paclitaxel",), None, 2, None, None),
        ("drug", "cisplatin", ("cisplatin",), None, 2, None, None),
    ]


def test_repeated_mentions_merge_unless_details_differ(nlp):
    text = ("Paclitaxel (200 mg) and cisplatin were given on 15 August 2012. Paclitaxel was well tolerated. "
            "The second course of paclitaxel (210 mg) was given on 10 September 2012.")
    found = case_treatments(mentions(nlp, text))
    assert summary(found) == [
        ("drug", "paclitaxel", ("paclitaxel",), "200 mg", None, None, "2012-08-15"),
        ("drug", "cisplatin", ("cisplatin",), None, None, None, "2012-08-15"),
        ("drug", "paclitaxel", ("paclitaxel",), "210 mg", None, None, "2012-09-10"),
    ]


def test_later_mentions_fill_in_missing_details(nlp):
    found = case_treatments(mentions(nlp, "Cisplatin was chosen. Cisplatin 40 mg/m2 was given weekly during radiotherapy."))
    drug = next(t for t in found if t.kind == "drug")
    assert (drug.name, drug.dose, drug.schedule, drug.written) == ("cisplatin", "40 mg/m2", "weekly", "Cisplatin")


def test_procedures_with_approach_dose_and_date(nlp):
    text = ("On April 24, 2012 she underwent laparoscopic radical hysterectomy and pelvic lymphadenectomy. "
            "From October 10, 2012 she received external irradiation to a dose of 45 Gy in 25 fractions.")
    found = case_treatments(mentions(nlp, text))
    assert [(t.kind, t.name, t.approach, t.dose, t.date) for t in found] == [
        ("surgery", "radical hysterectomy", "laparoscopic", None, "2012-04-24"),
        ("surgery", "pelvic lymphadenectomy", None, None, "2012-04-24"),
        ("radiotherapy", "external beam radiotherapy", None, "45 Gy in 25 fractions", "2012-10-10"),
    ]


def test_systemic_therapy_lists_the_drugs_named_beside_it(nlp):
    text = "After radiotherapy, she was treated with chemotherapy (100 mg docetaxel together with 300 mg carboplatin)."
    found = case_treatments(mentions(nlp, text))
    assert summary(found) == [
        ("radiotherapy", "radiotherapy", (), None, None, None, None),
        ("systemic", "chemotherapy", ("docetaxel", "carboplatin"), None, None, None, None),
        ("drug", "docetaxel", ("docetaxel",), "100 mg", None, None, None),
        ("drug", "carboplatin", ("carboplatin",), "300 mg", None, None, None),
    ]


def test_generic_words_give_way_to_specific_ones(nlp):
    text = "She underwent surgery. The operation was a radical hysterectomy. After surgery she recovered."
    assert [t.name for t in case_treatments(mentions(nlp, text))] == ["radical hysterectomy"]
    text = "She underwent surgery. After the operation she recovered."
    assert [t.name for t in case_treatments(mentions(nlp, text))] == ["surgery"]
    assert {"surgery", "surgical resection"} <= generic_procedures()


def test_bare_names_fold_into_the_fuller_name(nlp):
    text = ("She was treated with pelvic radiotherapy (45 Gy in 25 fractions). "
            "The SCC antigen fell after radiotherapy. A radical hysterectomy had been done; the hysterectomy specimen was clear.")
    assert [(t.name, t.dose) for t in case_treatments(mentions(nlp, text))] == [
        ("pelvic radiotherapy", "45 Gy in 25 fractions"), ("radical hysterectomy", None)]


def test_two_biopsies_stay_two(nlp):
    text = "A biopsy on July 30, 2012 showed no malignancy. A second biopsy on August 7, 2012 confirmed recurrence."
    assert [(t.name, t.date) for t in case_treatments(mentions(nlp, text))] == [("biopsy", "2012-07-30"), ("biopsy", "2012-08-07")]


def test_nothing_in_nothing_out():
    assert case_treatments([]) == []
    assert case_staging([]) == {"figo_version": None, "tnm": None}


def test_treatment_fields():
    names = [f for f in Treatment.__dataclass_fields__]
    assert names[:10] == ["kind", "name", "drugs", "dose", "route", "cycles", "regimen", "date", "written", "start"]


def test_staging(nlp):
    text = ("She had FIGO stage IB2 disease. After surgery the stage was IIIC1p according to the 2018 FIGO staging "
            "(pN1), and the final classification was pT1b2N1M0.")
    found = mentions(nlp, text)
    assert case_staging(found) == {"figo_version": "2018", "tnm": "pT1b2N1M0"}
    sources = staging_mentions(found)
    assert (sources["figo_version"].text, sources["tnm"].text) == ("IIIC1p", "pT1b2N1M0")


def test_staging_with_a_lone_node_category(nlp):
    assert case_staging(mentions(nlp, "FIGO stage IIIC1 (pN1) cervical cancer.")) == {"figo_version": None, "tnm": "pN1"}
