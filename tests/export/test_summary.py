"""The Table-1 treatment summary on treatments built here."""
from pipeline.cases.treatments import Treatment
from pipeline.export.summary import is_cancer_treatment, treatment_summary


def t(kind, name, drugs=(), date=None, cycles=None, approach=None, dose=None, start=0):
    return Treatment(kind, name, tuple(drugs), dose, None, cycles, None, date, name, start, approach=approach)


def test_courses_surgery_radiotherapy_in_order_without_supportive_drugs():
    treatments = [
        t("surgery", "radical hysterectomy", date="2015-02-03", approach="laparoscopic"),
        t("surgery", "pelvic lymphadenectomy", date="2015-02-03"),
        t("systemic", "antibiotic therapy", ["meropenem"]),
        t("drug", "meropenem", ["meropenem"], date="2015-03-01"),
        t("drug", "paclitaxel", ["paclitaxel"], date="2015-03-10", cycles=2),
        t("drug", "cisplatin", ["cisplatin"], date="2015-03-11"),
        t("drug", "paclitaxel", ["paclitaxel"], date="2015-04-01"),
        t("drug", "filgrastim", ["filgrastim"], date="2015-04-03"),
        t("radiotherapy", "external beam radiotherapy", date="2015-06-01", dose="50.4 Gy in 28 fractions"),
        t("drug", "cisplatin", ["cisplatin"], date="2015-06-01"),
        t("radiotherapy", "radiotherapy", date="2015-07-01"),
        t("systemic", "chemotherapy", ["docetaxel", "carboplatin"], date="2015-08-20"),
    ]
    assert treatment_summary(treatments) == (
        "laparoscopic radical hysterectomy + pelvic lymphadenectomy; paclitaxel + cisplatin × 2; "
        "external beam radiotherapy 50.4 Gy in 28 fractions with cisplatin; docetaxel + carboplatin")


def test_undated_report_keeps_text_order_and_regimen_cycles():
    treatments = [t("systemic", "chemotherapy", cycles=6, start=10),
                  t("drug", "TC", ["paclitaxel", "carboplatin"], start=20),
                  t("surgery", "total abdominal hysterectomy", start=30)]
    assert treatment_summary(treatments) == "paclitaxel + carboplatin × 6; total abdominal hysterectomy"


def test_a_pause_starts_another_line():
    treatments = [t("drug", "gemcitabine", ["gemcitabine"], date="2018-01-01"),
                  t("drug", "gemcitabine", ["gemcitabine"], date="2018-01-22"),
                  t("drug", "pembrolizumab", ["pembrolizumab"], date="2018-06-01")]
    assert treatment_summary(treatments) == "gemcitabine; pembrolizumab"


def test_named_therapy_without_drugs_and_nothing_to_list():
    assert treatment_summary([t("systemic", "immunotherapy")]) == "immunotherapy"
    assert treatment_summary([t("systemic", "antibiotic therapy", ["ceftriaxone"]), t("other", "biopsy")]) is None
    assert not is_cancer_treatment(t("drug", "vancomycin", ["vancomycin"]))
    assert is_cancer_treatment(t("drug", "osimertinib", ["osimertinib"]))  # a class stem (-tinib)


def test_json_dicts_read_too():
    as_dict = dict(kind="drug", name="cisplatin", drugs=["cisplatin"], cycles=4, date=None)
    assert treatment_summary([as_dict]) == "cisplatin × 4"
