import pytest

from pipeline.cases.labs import LabValue, case_labs, wbc_series
from mention_helpers import as_mentions

GROUPS = ("measures", "drugs", "dates", "timing")


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_measures", "caselit_dates", "caselit_timing")


def mentions(nlp, text, section="case"):
    """The mentions of ``text`` as case assembly gets them (all the patient's, one section)."""
    return as_mentions(nlp(text), GROUPS, [(section, 0)])


def summary(labs):
    return [(lab.analyte, lab.value, lab.unit, lab.date) for lab in labs]


def test_values_are_normalised_and_dated(nlp):
    text = (
        "On 18 April 2012, routine tests showed WBC 5.93*109/L, neutrophils 58%, Hb 12.1 g/dL, "
        "platelets 245 x 10^9/L and CRP 0.8 mg/dL, with SCC-Ag 0.7 ng/mL, CA125 14.3 U/mL and CEA 1.2 µg/L. "
        "Her temperature was 36.9 °C at that visit."
    )
    assert summary(case_labs(mentions(nlp, text))) == [
        ("wbc", 5.93, "10^9/L", "2012-04-18"),
        ("neutrophils_pct", 58.0, "%", "2012-04-18"),
        ("haemoglobin", 121.0, "g/L", "2012-04-18"),
        ("platelets", 245.0, "10^9/L", "2012-04-18"),
        ("crp", 8.0, "mg/L", "2012-04-18"),
        ("scc_ag", 0.7, "ng/mL", "2012-04-18"),
        ("ca125", 14.3, "U/mL", "2012-04-18"),
        ("cea", 1.2, "ng/mL", "2012-04-18"),
        ("temperature", 36.9, "°C", "2012-04-18"),  # carried from the sentence before
    ]


def test_thresholds_and_reference_ranges_are_left_out(nlp):
    text = (
        "A leukemoid reaction is defined as a WBC count exceeding 50*109/L. "
        "Her CRP was 112 mg/L (normal range 0-5 mg/L) and her G-CSF 188 pg/ml (normal < 39 pg/mL)."
    )
    assert summary(case_labs(mentions(nlp, text))) == [("crp", 112.0, "mg/L", None), ("g_csf", 188.0, "pg/mL", None)]


def test_each_value_takes_the_date_written_with_it(nlp):
    text = (
        "The mass grew from 22*33*22 mm on 2 July 2012 to 63*65*58 mm on 30 July 2012. "
        "Paclitaxel was given on 15 August 2012. On the following day, her fever reached 40.3 °C and she shivered."
    )
    labs = case_labs(mentions(nlp, text))
    assert [(lab.analyte, lab.date, lab.date_derived) for lab in labs] == [
        ("tumour_size", "2012-07-02", False),
        ("tumour_size", "2012-07-30", False),
        ("temperature", "2012-08-16", True),
    ]
    assert labs[1].dimensions == (6.3, 6.5, 5.8)
    assert labs[1].value == 6.5


def test_wbc_series_is_what_wbc_values_are_made_of(nlp):
    text = (
        "Her WBC count was 23*109/L on 16 July 2012. A leukemoid reaction is defined as a WBC above 50 ×10^9/L. "
        "On 25 August 2012 her white blood cell count reached 70,370/µL, then fell to 8.1 × 10 9 /L."
    )
    found = mentions(nlp, text)
    expected = [round(m.value.value, 2) for m in found if m.group == "measures" and m.value.analyte.lower() == "wbc" and not m.value.threshold]
    series = wbc_series(case_labs(found))
    assert [value for _, value in series] == expected == [23.0, 70.37, 8.1]
    assert [date for date, _ in series] == ["2012-07-16", "2012-08-25", "2012-08-25"]


def test_radiation_dose_keeps_its_fractions(nlp):
    labs = case_labs(mentions(nlp, "From 10 October 2012, she received external irradiation to 45 Gy in 25 fractions."))
    assert [(lab.analyte, lab.value, lab.fractions, lab.date) for lab in labs] == [("radiation_dose", 45.0, 25, "2012-10-10")]
    assert str(labs[0]) == "radiation dose 45 Gy in 25 fractions"


@pytest.mark.parametrize(
    "lab, text",
    [
        (LabValue("wbc", 70.37, "10^9/L", None, "70.37*109/L", 0), "WBC 70.37 ×10^9/L"),
        (LabValue("neutrophils_pct", 58.0, "%", None, "58%", 0), "neutrophils 58%"),
        (LabValue("lap_score", 145.0, "score", None, "145 U/L", 0), "LAP score 145"),
        (LabValue("tumour_size", 6.8, "cm", None, "68*63*58 mm", 0, (6.8, 6.3, 5.8)), "tumour size 6.8×6.3×5.8 cm"),
    ],
)
def test_lab_values_read_as_text(lab, text):
    assert str(lab) == text


def test_no_measures_no_labs(nlp):
    assert case_labs(mentions(nlp, "She was admitted on 2 March 2016 with abdominal pain.")) == []
    assert case_labs([]) == []
