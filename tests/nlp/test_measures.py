import doctest

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.measures import measures as measures_module
from pipeline.nlp.measures import units as units_module
from pipeline.nlp.measures.units import normalise_count, normalise_unitless, parse_number


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_measures")


def wbc(nlp, text, with_thresholds=False):
    doc = nlp(text)
    return [
        s._.value.value
        for s in doc.spans["measures"]
        if s.label_ == "WBC" and (with_thresholds or not s._.value.threshold)
    ]


# -- the pure normaliser -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "number, unit, expected",
    [
        ("70.37", "*109/L", 70.37),  # superscript lost in copy-paste
        ("141.0", "×109 per liter", 141.0),
        ("12.4", " x 10^9/L", 12.4),
        ("12.4", "×10⁹/L", 12.4),
        ("12.4", " x 10(9)/L", 12.4),
        ("16.5", "×10 9 /L", 16.5),  # superscript rendered as a spaced digit
        ("12.4", " x 10e9/L", 12.4),
        ("12.4", " G/L", 12.4),
        ("12.4", " x 10^3/µL", 12.4),
        ("12.4", " x 103/uL", 12.4),
        ("4.2", "k/µL", 4.2),
        ("12.4", " K/uL", 12.4),
        ("12.4", "×10³/mm³", 12.4),
        ("30,400", "/µL", 30.4),
        ("30,400", "/microL", 30.4),
        ("30,400", "/uL", 30.4),
        ("30,400", "/μl", 30.4),  # Greek mu, not the micro sign
        ("30,400", "/mm3", 30.4),
        ("30,400", "/mm³", 30.4),
        ("30,400", " /cmm", 30.4),
        ("30,400", " cells/µL", 30.4),
        ("14040", " cells/mm 3", 14.04),
        ("27,900", "/mm\n3", 27.9),  # PDF line break inside the unit
        ("30,400", " per cubic millimeter", 30.4),
        ("7", "× 10/L", 7.0),  # the exponent lost entirely
        ("21,060", " /ml", 21.06),  # per-µL count mistyped as per ml
        ("12,5", " × 10^9/L", 12.5),  # decimal comma
        ("12,500", "/µL", 12.5),  # thousands comma
        ("12.500", "/µl", 12.5),  # German thousands point
        ("29 500", "/mm3", 29.5),  # space
        ("29\u2009500", "/mm3", 29.5),  # thin space
        ("29\u202f500", "/mm3", 29.5),  # narrow no-break space
        ("1,234.5", "/µL", 1.2345),
        ("4500", " × 10^6/L", 4.5),
        ("1.2", " lakh/cumm", 120.0),
        ("15.6", " × 1000/µL", 15.6),
    ],
)
def test_normalise_count(number, unit, expected):
    assert normalise_count(number, unit) == pytest.approx(expected)


@pytest.mark.parametrize(
    "number, unit",
    [
        ("107", " g/L"),  # grams per litre (haemoglobin), not giga per litre
        ("12", " 109/L"),  # "109" without a multiplication sign is a number, not 10^9
        ("5000", " × 10^9/L"),  # implausible for a blood count
        ("0", "/µL"),
        ("4", " × 10^6/L"),  # 0.004 × 10^9/L: a CSF count, not blood
        ("12", " mg/dL"),
        ("12", ""),
        ("abc", "/µL"),
        ("1,23,4", "/µL"),
    ],
)
def test_normalise_count_rejects(number, unit):
    assert normalise_count(number, unit) is None


@pytest.mark.parametrize(
    "text, exponent, expected",
    [
        ("12,5", 0, "12.5"),
        ("12,500", 0, "12.500"),
        ("12,500", -3, "12500"),
        ("1.234.567", -3, "1234567"),
        ("1,234.5", -3, "1234.5"),
        ("1.234,5", -3, "1234.5"),
        ("12.5", -3, "12.5"),
    ],
)
def test_parse_number_decimal_or_thousands(text, exponent, expected):
    assert str(parse_number(text, exponent)) == expected


@pytest.mark.parametrize("number, expected", [("18", 18.0), ("12,000", 12.0), ("15600", 15.6), ("650", None)])
def test_normalise_unitless(number, expected):
    assert normalise_unitless(number) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30), st.text(max_size=30))
def test_normalise_count_never_raises(number, unit):
    value = normalise_count(number, unit)
    assert value is None or 0.01 <= value <= 2000


UNITS = ["×10^9/L", "*109/L", "G/L", "k/µL", "/µL", "/mm3", " x 10(9)/L", "× 10/L", "/ml"]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=3), st.sampled_from(UNITS))
def test_normalise_count_is_idempotent(whole, decimals, unit):
    number = f"{whole / 10 ** decimals:.{decimals}f}"
    value = normalise_count(number, unit)
    if value is not None:
        assert normalise_count(repr(value), "×10^9/L") == value


# -- the component -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("Routine blood tests on admission (WBC: 6.12*109/L, neutrophils: 61%) were normal.", [6.12]),
        ("The patient had marked leukocytosis (maximum, 152.0×109 per liter).", [152.0]),
        ("Her white blood cell count was 18.7 x 10^9/L and CRP 112 mg/L.", [18.7]),
        ("A white cell count of 23.4 ×10⁹/L was recorded.", [23.4]),
        ("The total leukocyte count was 31.2 x 10(9)/L.", [31.2]),
        ("TLC was 15,600/cumm with 80% polymorphs.", [15.6]),
        ("Laboratory tests showed leukocytosis (18230 cells/mm 3 ), bilirubin 1.2 mg/dl.", [18.23]),
        ("Leucocyte count 16.8 G/L.", [16.8]),
        ("The WBC count was 22.1 K/µL on day 2.", [22.1]),
        ("Leukocytosis progressed up to 74,000/µL before chemotherapy.", [74.0]),
        ("The leukocyte count had increased to 131,600/mm3 and he died.", [131.6]),
        ("A leukocyte count of 31 500/mm3 was noted.", [31.5]),
        ("Her WBC counts ranged between 8× 10/L and 19×10/L after surgery.", [8.0, 19.0]),
        ("The WBC rose from 12,000 to 30,000/µL within a week.", [12.0, 30.0]),
        ("The WBC level increased from 6.01*109/L preoperatively to 31.5*109/L.", [6.01, 31.5]),
        ("Her fever and WBC count fell to normal (36.9°C and 7.9*109/L).", [7.9]),
        ("Blood tests showed a white blood cell count of 18,420 /ml and calcium of 16.2 mg/dl.", [18.42]),
        ("The WBC was 12,5 × 10^9/L.", [12.5]),
        ("On admission the leukocyte count and serum G-CSF were elevated to 34,600/mm\n3 and 188 pg/ml, respectively.", [34.6]),
        ("The leukocyte count and G‑CSF level decreased to 5,120/µl and ≤19.5 pg/ml, respectively.", [5.12]),
        ("His peak WBC count, absolute neutrophils and monocytes were: 166.2, 160.4 and 3.9k/µL, respectively.", [166.2]),
        ("White blood cell count was 19. The abdomen was tender.", [19.0]),
        ("The WBC of 14,300 and CRP of 80 prompted antibiotics.", [14.3]),
        ("WBC 15.2 (4.0-10.0 ×10^9/L) on admission.", [15.2]),
        ("Leukocytosis (white blood counts (WBC): 48×10/L) with neutrophils 91 %.", [48.0]),
        ("The WBC count on day 3, 12.5 x 10^9/L, had fallen.", [12.5]),  # not 3
    ],
)
def test_wbc_values(nlp, text, expected):
    assert wbc(nlp, text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "The absolute neutrophil count was 12,300/µL.",
        "Platelets were 250 × 10^9/L and haemoglobin 107 g/L.",
        "About 30% of patients have granulocytosis (granulocyte count > 8,000/µL).",
        "The serum G-CSF level was 2359 ng per liter (normal, <30).",
        "Cerebrospinal fluid (CSF) analysis showed a WBC count of 4×10 6 /L.",
        "Urine leukocytes were 250/µL.",
        "Elevated white blood cell count 6.8 (1.1–27) was a risk factor.",
        "She was 45 years old and her WBC was normal.",
        "The dose was 100 mg/m2 and the volume 109/L.",
        "CRP was 98 mg/L.",
    ],
)
def test_not_a_wbc_value(nlp, text):
    assert wbc(nlp, text) == []


@pytest.mark.parametrize(
    "text, values, comparator",
    [
        ("A leukemoid reaction is a white blood cell count (WBC) exceeding 50*109/L.", [50.0], ">"),
        ("It is defined as reactive leukocytosis exceeding 50,000/mm3.", [50.0], ">"),
        ("Extreme leukocytosis, defined as WBC ≥ 40,000/μl, is rare.", [40.0], "≥"),
        ("Affected patients typically have total white blood counts (WBC) between 12,000 and 30,000/μl.", [12.0, 30.0], None),
        ("A higher WBC count (15×10 9 /L or greater) predicted death.", [15.0], "≥"),
        ("Her WBC was 15.2 ×10^9/L (normal range 4.0-10.0 ×10^9/L).", [4.0, 10.0], None),
        ("Leukocytosis was defined as a WBC more than 11 × 10^9/L.", [11.0], ">"),
    ],
)
def test_thresholds(nlp, text, values, comparator):
    doc = nlp(text)
    thresholds = [s._.value for s in doc.spans["measures"] if s._.value.threshold]
    assert [m.value for m in thresholds] == pytest.approx(values)
    assert thresholds[0].comparator == comparator


def test_peak_value_is_not_a_threshold(nlp):
    doc = nlp("Leukocytosis developed up to 69,000/µL.")
    value = doc.spans["measures"][0]._.value
    assert (value.value, value.threshold, value.comparator) == (69.0, False, "≤")


def test_value_fields_and_span(nlp):
    doc = nlp("After paclitaxel, the WBC count increased to 70.37*109/L.")
    span = doc.spans["measures"][0]
    assert span.label_ == "WBC"
    assert span._.value.analyte == "WBC"
    assert span._.value.unit == "10^9/L"
    assert span._.value.written == "70.37*109/L"
    assert span.text.startswith("70.37")


@pytest.mark.parametrize("text", ["", "\x00\x01", "9" * 5000 + "/µL WBC", "WBC " + "1," * 2000 + "/µL", "WBC: ×10^9/L"])
def test_odd_input_does_not_raise(nlp, text):
    nlp(text)


def test_docstring_examples_run_on_a_blank_pipeline():
    spacy.blank("en")
    assert doctest.testmod(measures_module).failed == 0
    assert doctest.testmod(units_module).failed == 0
