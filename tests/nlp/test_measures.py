import doctest

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.measures import measures as measures_module
from pipeline.nlp.measures import quantities as quantities_module
from pipeline.nlp.measures import units as units_module
from pipeline.nlp.measures.quantities import normalise_quantity, parse_quantity_number
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
        ("15.5", " × 10(3)/mm(3)", 15.5),  # PubMed's bracketed superscripts
        ("15,500", " cells per cubic mm", 15.5),
        ("15,500", "/c.mm", 15.5),
        ("15.5", " × 10^6/mL", 15.5),  # a true per-millilitre unit
        ("15.5", " Gpt/l", 15.5),
        ("1,23,000", "/cumm", 123.0),  # Indian lakh grouping
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
        # the name written after the value's unit
        ("Laboratory tests showed 2,100 /µL WBC, 45,000 /µL platelets and a raised CRP.", [2.1]),
        ("Admission labs: 3,400/µL white blood cells, 8.9 g/dL haemoglobin and 62,000/µL platelets.", [3.4]),
        ("Her counts dropped to 1.8 × 10^9/L leukocytes and 40 × 10^9/L platelets on day 3.", [1.8]),
        ("WBC 18,000/mm3 neutrophil predominance, CRP 90 mg/L.", [18.0]),  # the name before holds
        # a power of ten with no volume: thousands per µL
        ("Blood tests revealed a white blood cell count of 18 x 103 and CRP of 120 mg/L.", [18.0]),
        ("Total leucocyte count was 16 × 103 haemoglobin 9.1 gm%.", [16.0]),
        # the further cells of a table row, and a '×1000/mm3' header over values per mm3
        ("Leukocytes (x1000/mm3)\t15.2\t9.8\t7.1", [15.2, 9.8, 7.1]),
        ("WBC (×10^9/L)\t21.4\t12.3\nCRP (mg/L)\t150\t40", [21.4, 12.3]),
        ("Leukocytes\t17,500\t8,200\t\nHaemoglobin\t9.1\t11.0", [17.5, 8.2]),
        ("Leukocytes (x1000/mm3)\t18400\t16100\t9900\t", [18.4, 16.1, 9.9]),
        ("WBC\t12.3\t4.0-10.0\t", [12.3]),  # the range cell ends the row
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
        "He ran a 10K race before the WBC was drawn.",
        "We review the leukemoid reaction (LKR) 12 13 seen with bladder cancer.",  # PDF line numbers
        "His blood work showed hyperleukocytosis with PNN at 21.3 x 103/uL.",  # French: neutrophils
        "White blood cell\t1,450×106/L\t28×106/L",  # a fluid's count: the caption names the CSF
        "The findings: CRP, 150 mg/L; urinary leukocytes, 48.30/µL; and nitrite negative.",
        "The WBC count was normal; a 12 mm nodule and an ESR of 40 mm/h were found.",  # lengths, not a volume
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


def test_normal_ranges_in_the_plural_are_no_patients_values(nlp):
    text = ("His WBC count was 1,300/mm3 and his bands were 2% (bands increase when infection is present; normal "
            "ranges: WBC count=4,800-10,800/mm3, neutrophil count=42%-75%).")
    assert wbc(nlp, text) == [1.3]


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
    assert doctest.testmod(quantities_module).failed == 0


# -- other quantities: the pure normaliser -----------------------------------------------------

@pytest.mark.parametrize(
    "number, unit, canonical, expected",
    [
        ("10.7", "g/dL", "g/L", 107.0),
        ("10,7", "g/dl", "g/L", 107.0),  # decimal comma
        ("9.8", "g%", "g/L", 98.0),
        ("11.2", "gm/dL", "g/L", 112.0),
        ("98", "g/l", "g/L", 98.0),
        ("12.5", "g/100 mL", "g/L", 125.0),
        ("3.1", "mg/dL", "mg/L", 31.0),
        ("112", "mg/l", "mg/L", 112.0),
        ("0.8", "µg/L", "ng/mL", 0.8),
        ("0.8", "ug/l", "ng/mL", 0.8),
        ("0.8", "mcg/L", "ng/mL", 0.8),
        ("2359", "ng per liter", "pg/mL", 2359.0),
        ("1,200", "pg/mL", "pg/mL", 1200.0),  # thousands comma
        ("1\u2009200", "pg/ml", "pg/mL", 1200.0),  # thin space
        ("0,125", "ng/mL", "ng/mL", 0.125),  # decimal comma before three digits
        ("2.5", "ng/mL", "pg/mL", 2500.0),
        ("76.6", "kU/L", "U/mL", 76.6),
        ("76.6", "IU/ml", "U/mL", 76.6),
        ("76600", "U/L", "U/mL", 76.6),
        ("58", "%", "%", 58.0),
        ("58", "percent", "%", 58.0),
        ("39.2", "°C", "°C", 39.2),
        ("39.2", "º C", "°C", 39.2),
        ("39.2", "℃", "°C", 39.2),
        ("39.2", "degrees Celsius", "°C", 39.2),
        ("102.2", "°F", "°C", 39.0),
        ("45", "Gy", "Gy", 45.0),
        ("4,500", "cGy", "Gy", 45.0),
        ("68", "mm", "cm", 6.8),
        ("2,7", "cm", "cm", 2.7),
    ],
)
def test_normalise_quantity(number, unit, canonical, expected):
    assert normalise_quantity(number, unit, canonical) == pytest.approx(expected)


@pytest.mark.parametrize(
    "number, unit, canonical",
    [
        ("12", "mg/dL", "U/mL"),  # another kind of quantity
        ("12", "mg/dL", "%"),
        ("12", "furlongs", "cm"),
        ("abc", "mg/L", "mg/L"),
        ("12", "", "mg/L"),
        ("1,23,4", "mg/L", "mg/L"),
    ],
)
def test_normalise_quantity_rejects(number, unit, canonical):
    assert normalise_quantity(number, unit, canonical) is None


def test_unit_slips_are_read_as_written_in_the_table():
    assert normalise_quantity("14.32", "U/L", "U/mL") == pytest.approx(0.01432)
    assert normalise_quantity("14.32", "U/L", "U/mL", slips={"U/L": "U/mL"}) == pytest.approx(14.32)


@pytest.mark.parametrize("text, expected", [("1,200", "1200"), ("0,125", "0.125"), ("12,5", "12.5"), ("1.200", "1.200"), ("45", "45")])
def test_parse_quantity_number(text, expected):
    assert str(parse_quantity_number(text)) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20), st.text(max_size=20), st.sampled_from(["g/L", "mg/L", "U/mL", "pg/mL", "%", "°C", "Gy", "cm"]))
def test_normalise_quantity_never_raises(number, unit, canonical):
    value = normalise_quantity(number, unit, canonical)
    assert value is None or isinstance(value, float)


# -- other analytes: the component ---------------------------------------------------------------

def values(nlp, text, label):
    doc = nlp(text)
    return [s._.value.value for s in doc.spans["measures"] if s.label_ == label and not s._.value.threshold]


@pytest.mark.parametrize(
    "text, label, expected",
    [
        # differential counts: the unit tells a fraction from a count
        ("The blood count showed WBC 14.2 × 10^9/L with neutrophils: 82%, lymphocytes: 11%.", "NEUTROPHILS_PCT", [82.0]),
        ("The blood count showed WBC 14.2 × 10^9/L with neutrophils: 82%, lymphocytes: 11%.", "LYMPHOCYTES_PCT", [11.0]),
        ("Her leukocyte count was 21,300/mm3 with 88% polymorphs.", "NEUTROPHILS_PCT", [88.0]),
        ("The neutrophil ratio rose to 91.5 % on day 4.", "NEUTROPHILS_PCT", [91.5]),
        ("The absolute neutrophil count was 18 650 cells/µL.", "NEUTROPHILS", [18.65]),
        ("ANC 15,9 G/L on admission.", "NEUTROPHILS", [15.9]),
        ("Neutrophils 12.3 ×10^9/L (85%) were seen.", "NEUTROPHILS", [12.3]),
        ("Neutrophils 12.3 ×10^9/L (85%) were seen.", "NEUTROPHILS_PCT", [85.0]),
        ("Lymphocytes were 0.9*109/L.", "LYMPHOCYTES", [0.9]),
        ("Absolute lymphocyte count 1,100/cmm.", "LYMPHOCYTES", [1.1]),
        ("WBC, absolute neutrophils and monocytes were 98.1, 90.7 and 2.2 k/µL, respectively.", "NEUTROPHILS", [90.7]),
        # haemoglobin and platelets
        ("Her haemoglobin was 8.4 g/dl and platelets 512 × 10 9 /L.", "HAEMOGLOBIN", [84.0]),
        ("Her haemoglobin was 8.4 g/dl and platelets 512 × 10 9 /L.", "PLATELETS", [512.0]),
        ("Hb 107 g/L, PLT 35.2×10⁴/µL.", "PLATELETS", [352.0]),
        ("Hgb 11,2 g/dL was recorded.", "HAEMOGLOBIN", [112.0]),
        ("Platelet count 450,000/mm3.", "PLATELETS", [450.0]),
        # inflammation and cytokines
        ("C-reactive protein was 15.6 mg/dL.", "CRP", [156.0]),
        ("CRP was 39 (normal range: 0–5 mg/L).", "CRP", [39.0]),
        ("The serum G-CSF level was 2359 ng per liter (normal, <30).", "G_CSF", [2359.0]),
        ("Serum granulocyte colony-stimulating factor was elevated at 188 pg/ml.", "G_CSF", [188.0]),
        ("The leukocyte count and G‑CSF level fell to 5,120/µl and 27 pg/ml, respectively.", "G_CSF", [27.0]),
        ("Interleukin-6 was 46.2 pg/mL and IL-6 later 12 pg/mL.", "IL_6", [46.2, 12.0]),
        # tumour markers
        ("Tumour markers: SCC-Ag 12.4 ng/mL, CA125 76.7 U/mL, CEA 3.2 ng/mL.", "SCC_AG", [12.4]),
        ("Tumour markers: SCC-Ag 12.4 ng/mL, CA125 76.7 U/mL, CEA 3.2 ng/mL.", "CA125", [76.7]),
        ("Tumour markers: SCC-Ag 12.4 ng/mL, CA125 76.7 U/mL, CEA 3.2 ng/mL.", "CEA", [3.2]),
        ("Squamous cell carcinoma antigen was 8.1 µg/L.", "SCC_AG", [8.1]),
        ("CA-125 was 1,250 kU/L.", "CA125", [1250.0]),
        ("CA 125 rose to 35.4 U/L.", "CA125", [35.4]),  # U/L written for U/mL
        ("SCCA and CA125 had fallen to 2.1 ng/ml and 20.5 U/ml, respectively.", "SCC_AG", [2.1]),
        ("SCCA and CA125 had fallen to 2.1 ng/ml and 20.5 U/ml, respectively.", "CA125", [20.5]),
        ("Carcinoembryonic antigen was 0.9 ng/mL.", "CEA", [0.9]),
        # LAP score
        ("The leukocyte alkaline phosphatase score was 320.", "LAP_SCORE", [320.0]),
        ("Her NAP score of 15 was low.", "LAP_SCORE", [15.0]),
        ("LAP: 212 U/L was recorded.", "LAP_SCORE", [212.0]),
        # temperature
        ("She had a fever of 39.4°C.", "TEMPERATURE", [39.4]),
        ("Her temperature rose to 40.1 ℃ overnight.", "TEMPERATURE", [40.1]),
        ("Persistent fever (range 38.5–40 °C) was noted.", "TEMPERATURE", [38.5, 40.0]),
        ("Temperature 102.2 °F, pulse 110.", "TEMPERATURE", [39.0]),
        ("High fever (up to 39.8 degrees C) persisted.", "TEMPERATURE", [39.8]),
        # radiation dose
        ("She received pelvic radiotherapy, 50.4 Gy in 28 fractions.", "RADIATION_DOSE", [50.4]),
        ("Whole-brain radiotherapy (30 Gy/10 fx) was given.", "RADIATION_DOSE", [30.0]),
        ("A total dose of 5,040 cGy was delivered.", "RADIATION_DOSE", [50.4]),
        ("Brachytherapy was given as 7 Gy × 4.", "RADIATION_DOSE", [28.0]),
        ("She received 25 fractions of 1.8 Gy.", "RADIATION_DOSE", [45.0]),
        # tumour size
        ("MRI showed a 4.1*3.6*2.9 cm lesion in the cervix.", "TUMOUR_SIZE", [4.1]),
        ("CT revealed a mass of 72 × 58 × 61 mm.", "TUMOUR_SIZE", [7.2]),
        ("A 3-cm nodule was palpable.", "TUMOUR_SIZE", [3.0]),
        ("The mass grew to 9 cm in diameter.", "TUMOUR_SIZE", [9.0]),
        ("A tumour measuring 2.5 cm was excised.", "TUMOUR_SIZE", [2.5]),
        ("A 45 mm solid mass was found, then a 3x4cm cyst.", "TUMOUR_SIZE", [4.5, 4.0]),
    ],
)
def test_analyte_values(nlp, text, label, expected):
    assert values(nlp, text, label) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text, label",
    [
        ("Hct 35.8% and MCV 68 fl were low.", "NEUTROPHILS_PCT"),
        ("Haemoglobin saturation was 96%.", "HAEMOGLOBIN"),
        ("About 30% of patients have neutrophilia.", "NEUTROPHILS_PCT"),
        ("Ki-67 was positive in 90% of tumour cells.", "NEUTROPHILS_PCT"),
        ("CA 19-9 was 14 U/mL.", "CA125"),
        ("The cultures were incubated at 37 °C.", "TEMPERATURE"),
        ("The sample was stored at 4°C.", "TEMPERATURE"),
        ("She received 2 Gy per fraction.", "RADIATION_DOSE"),
        ("The resection margin was 2 cm from the tumour.", "TUMOUR_SIZE"),
        ("Lesions up to 20 mm respond to laser therapy.", "TUMOUR_SIZE"),
        ("Blood pressure 120/80 mmHg.", "TUMOUR_SIZE"),
        ("The incision was 5 cm long.", "TUMOUR_SIZE"),
        ("Pleural fluid CEA was 300 ng/mL.", "CEA"),
        ("Her WBC was 15,000/µL.", "PLATELETS"),
        ("The dose was 75 mg/m2 of paclitaxel.", "HAEMOGLOBIN"),
    ],
)
def test_not_an_analyte_value(nlp, text, label):
    assert values(nlp, text, label) == []


def test_crp_value_after_its_own_keyword_only(nlp):
    assert values(nlp, "CRP was 45 mg/L and D-dimer 2.5 mg/L.", "CRP") == [45.0]


@pytest.mark.parametrize(
    "text, label, value",
    [
        ("Fever was defined as a temperature above 38.3 °C.", "TEMPERATURE", 38.3),
        ("CRP was 112 mg/L (normal <5 mg/L).", "CRP", 5.0),
        ("Her CEA was 7.5 ng/mL (reference range 0-3.4 ng/mL).", "CEA", 3.4),
        ("A neutrophil fraction above 80% suggests infection.", "NEUTROPHILS_PCT", 80.0),
    ],
)
def test_thresholds_of_other_analytes(nlp, text, label, value):
    doc = nlp(text)
    thresholds = [s._.value.value for s in doc.spans["measures"] if s.label_ == label and s._.value.threshold]
    assert (thresholds[-1] if thresholds else None) == value


def test_measure_fields(nlp):
    doc = nlp("MRI showed a 68*63*58 mm mass; she then received 45 Gy in 25 fractions and her Hb was 9.1 g/dL.")
    by_label = {s.label_: s for s in doc.spans["measures"]}
    size = by_label["TUMOUR_SIZE"]._.value
    assert (size.analyte, size.value, size.unit, size.dimensions, size.written) == ("TUMOUR_SIZE", 6.8, "cm", (6.8, 6.3, 5.8), "68*63*58 mm")
    dose = by_label["RADIATION_DOSE"]._.value
    assert (dose.value, dose.unit, dose.fractions, dose.written) == (45.0, "Gy", 25, "45 Gy")
    hb = by_label["HAEMOGLOBIN"]
    assert (hb._.value.value, hb._.value.unit, hb._.value.written) == (91.0, "g/L", "9.1 g/dL")
    assert hb.text.startswith("9.1 g/dL")  # the span is widened to whole tokens


@pytest.mark.parametrize("text", ["CRP " + "1," * 500 + " mg/L", "Hb ×10^9 g/dL", "99999999999999999999 °C fever", "a " + "3x" * 300 + "4 cm mass", "25 fractions of Gy"])
def test_odd_quantities_do_not_raise(nlp, text):
    nlp(text)


# -- issue 11: rarer ways of writing a white-cell count ---------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("Blood tests showed leukocytosis to 120,000 with a left shift.", [120.0]),
        ("Within a week her white cell count rose to over 140,000 cells/μL.", [140.0]),
        ("While undergoing treatment, she developed extreme leukocytosis at over 140,000 cells/μL.", [140.0]),
        # ... in a sentence that also reads as a general one ("is of a female patient")
        ("This case is of a woman with lung cancer who developed extreme leukocytosis at over 140,000 cells/μL.",
         [140.0]),
        ("The blood count showed an increase in leukocytes to more than 30,000/mm3.", [30.0]),
        ("Her WBC count of over 120,000 cells/μL prompted a marrow biopsy.", [120.0]),
        ("His leukocyte count exceeded 100,000/µL on day 3.", [100.0]),
        ("Results showed a leukocyte count of 15,000/dL with 85% neutrophils.", [15.0]),  # /dL for /µL
        ("Laboratory tests revealed leukocytes of 25.2 G/l and a CRP of 80 mg/l.", [25.2]),
        ("The leukocyte count was 91/nl on admission.", [91.0]),
        ("Two days after surgery, despite broad-spectrum antibiotics, the white blood cell count of the "
         "patient increased up to 84.69×109/L, and the CRP reached 150 mg/L.", [84.69]),
        ("On admission his white blood cell count was 18 and his CRP 344.", [18.0]),
        ("WBC 18.2 × 10³/µL, Hb 9.1 g/dL.", [18.2]),
        ("The blood count showed leukocytes 23,400/mm3.", [23.4]),
        ("The first blood count showed a WBC of 21,050/mm<SUP>3</SUP> and a high CRP.", [21.05]),
        ("The WBC was 12.4 × 10<sup>9</sup>/L.", [12.4]),
        ("His workup revealed a white blood cell count of 50.6 x 103 mm-3 and bandemia.", [50.6]),  # per mm³ as an inverse
        ("A white blood cell count of 12,400 mm-3 was found.", [12.4]),
        ("The WBC count peaked to 186,000/mm. Blood cultures grew Klebsiella.", [186.0]),  # the superscript 3 lost
        ("The leucocyte count was 14.2 × 109 l−1 on the second day.", [14.2]),
        ("White cell count 27 x 10^9 L-1 on admission.", [27.0]),
        ("A WBC of 31.5 × 10*9/L was recorded.", [31.5]),
        ("The WBC count was 2.3 × 104/μL on the third day.", [23.0]),  # 10^4/µL, superscript lost
        ("Admission labs: WBC 18.2, Hb 9.1 g/dL, platelets 250.", [18.2]),  # a list without links
        # English abstracts of Chinese journals
        ("The WBC was 26.4×10~9/L on admission.", [26.4]),
        ("White blood cell count was 33.7×10^9·L^-1 before surgery.", [33.7]),
        ("WBC 40.9×10~9·L~(-1) was found.", [40.9]),
        ("The WBC count rose to 57.1 ×109·L-1 after the operation.", [57.1]),
        # thousands written "K" in clinical-note style, dash and adverb links
        ("The CBC showed WBC- 14K with a left shift.", [14.0]),
        ("Repeat labs: WBC is now 21k with 80% neutrophils.", [21.0]),
        ("Her WBC was 9.5K the next morning.", [9.5]),
    ],
)
def test_rarer_wbc_forms(nlp, text, expected):
    assert wbc(nlp, text) == expected


def test_a_value_named_by_the_word_after_it_is_not_the_wbc(nlp):
    doc = nlp("She had a leukocyte count of 19,000/mm3, including 15,200/mm3 neutrophils.")
    assert [(s.label_, s._.value.value) for s in doc.spans["measures"]] == [("WBC", 19.0), ("NEUTROPHILS", 15.2)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a symptom or vital sign nearer than the count's name takes no cells per volume
        ("Blood tests revealed leukocytosis (19,120/µL) without fever, which worsened 3 weeks later (36,160/µL).",
         [19.12, 36.16]),
        # ... and a count with no white-cell count before it in its sentence stays nobody's
        ("She had no fever, and 36,160/µL were counted.", []),
        # ... nor does a laboratory name of no count: a CD4 count is its own
        ("White blood cell count of 18.5 K/mm3, creatinine of 1.6 mg/dL, and CD4 count of 567 cells/mm3.", [18.5]),
    ],
)
def test_a_course_of_counts_goes_on_past_a_vital_sign(nlp, text, expected):
    assert wbc(nlp, text) == expected


def test_respectively_skips_a_value_restated_in_brackets(nlp):
    doc = nlp("His WBC and neutrophil counts were 7,600/µL and only 3% (228/µL), respectively.")
    assert [(s.label_, s._.value.value) for s in doc.spans["measures"] if s.label_ == "WBC"] == [("WBC", 7.6)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a reference range in brackets after a value with its own unit
        ("Results: white blood cell count, 8,120/μL (3,500–11,000/μL); haemoglobin, 9.6 g/dL.", [8.12]),
        # a count per high-power field of a urine sediment
        ("Urine sediment: white blood cell count of 3–5/high power field.", []),
        # a count in another fluid, named after the value or by the sampling procedure
        ("A diagnostic paracentesis was done and showed white blood cells 410/mm3, protein 3.1 g/dL.", []),
        ("The white blood cell count was 1,200/mm3 in the pleural fluid.", []),
        # a definition stays a threshold, with or without "defined"
        ("A leukemoid reaction is defined as a WBC count over 50,000/µL.", []),
        ("A WBC count of over 50,000/µL without leukaemia is called a leukemoid reaction.", []),
        # a dipstick grade, a count per field, a bracketed interval after a bare number
        ("Urine dipstick: leukocytes 2+, nitrite positive.", []),
        ("Leukocytes 5 per high power field were seen.", []),
        ("White blood cell count 7.1 (2.2-19) predicted relapse.", []),
        # a group's mean and deviation
        ("WBC (38.5±2.1)×10^9/L in the treated group.", []),
    ],
)
def test_not_the_patients_blood_count(nlp, text, expected):
    assert wbc(nlp, text) == expected


def test_count_without_the_slash(nlp):
    assert wbc(nlp, "Laboratory tests showed leukocytosis (white blood cells = 21,860 μL).") == [21.86]
    # a small number before a volume is a volume, not a count
    assert wbc(nlp, "White blood cells were counted in 5 µL of the sample.") == []


def test_unit_slip_per_millilitre(nlp):
    assert wbc(nlp, "Tests showed haemoglobin 12.3 g/dL and leukocytes 13 × 109/mL.") == [13.0]
    assert normalise_count("8.2", " x 10^9/dl") == pytest.approx(8.2)
    assert normalise_count("8.2", " x 10^3/ml") == pytest.approx(8.2)  # per ml for per µL


@pytest.mark.parametrize(
    "text, expected",
    [
        # cells are whole: a per-µL (per-mm³) count with a decimal fraction lost its "× 10^3"
        ("Two weeks later her total leucocyte count was 3.4/µL.", [3.4]),
        ("Blood tests: haemoglobin 9.9 g/dL, white cells 16.25/mm3, platelets 98,000/mm3.", [16.25]),
        ("His WBC count rose from 6.1/μL to 22.8/μL over three days.", [6.1, 22.8]),
        ("The white blood cell count was 4.9 cells/cu mm on day 2.", [4.9]),
        # whole numbers and three-digit groups keep their per-µL reading
        ("The white cell count was 640/µL after the second cycle.", [0.64]),
        ("Leukocytes 9.250/µL with 80% neutrophils.", [9.25]),
        ("A leukocyte count of 14,300/mm3 was noted.", [14.3]),
    ],
)
def test_unit_slip_fraction_per_microlitre(nlp, text, expected):
    assert wbc(nlp, text) == pytest.approx(expected)


def test_fraction_per_microlitre_of_another_fluid_stays_out(nlp):
    assert wbc(nlp, "The cerebrospinal fluid held 2.5 white cells/µL and protein 0.4 g/L.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # the finding's count in brackets right after it, with no count unit
        ("On arrival she had a marked leucocytosis (23 400) and a CRP of 210 mg/L.", [23.4]),
        ("Blood tests showed leukopenia (1,850) with lymphopenia.", [1.85]),
        ("Investigations revealed leukocytosis (15,2 × 103) and neutrophilia.", [15.2]),
        ("His white cell count (12.6 x 10^3) was above the normal range.", [12.6]),
        ("Leukocytosis (31200) persisted until day 5.", [31.2]),
        # a citation, a range or a bracketed comparator is no such count
        ("Leukocytosis is frequent in this infection (14).", []),
        ("Leukocytosis has been described in several series (14,15).", []),
        ("Leukocytosis (> 12,000) defines the syndrome in children.", []),
    ],
)
def test_count_in_brackets_after_the_finding(nlp, text, expected):
    assert wbc(nlp, text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # hyphenated house style and British abbreviations
        ("On arrival her white-cell count was 18,400 per cubic millimeter.", [18.4]),
        ("The white-blood-cell count was 18.4 × 10^9 per liter.", [18.4]),
        ("Bloods showed a WCC of 23.4 x 10^9/L and a CRP of 210 mg/L.", [23.4]),
        # a laboratory table flattened to text: result, flag, reference range, unit
        ("Full blood count: WBC 12.3 4.0-10.0 x10^9/L; Hb 10.1 11.5-16.5 g/dL.", [12.3]),
        ("WBC 16.8 H 4.0-11.0 x 10^9/L", [16.8]),
        ("Haematology: WBC 12.3 (4.0-10.0) ×10^9/L, platelets 410 (150-400) ×10^9/L.", [12.3]),
        ("Admission bloods: WBC 12.3 (4.0-10.0), Hb 98 (115-165).", [12.3]),
        ("Admission bloods: WBC 21,300 (4,500-11,000), haemoglobin 9.8 g/dL.", [21.3]),
        # the unit as a table's column header, before the value
        ("Laboratory values: WBC (×10^9/L) 12.3, Hb (g/L) 98.", [12.3]),
        ("WBC, ×10^3/µL: 12.3; platelets, ×10^3/µL: 240", [12.3]),
        # German, US printout and Indian notations
        ("Leukozytose: Leukocytes were 12.3 Gpt/l and CRP 80 mg/l.", [12.3]),
        ("Leukocytes 15.4 Tsd/µl on the second day.", [15.4]),
        ("CBC: WBC 12.3 thou/µL, Hb 9.1 g/dL.", [12.3]),
        ("CBC: WBC 9.7 ths/uL, platelets 210 ths/uL.", [9.7]),
        ("WBC 15.4 × 10^3/mm^3", [15.4]),
        ("Total leucocyte count was 1,23,000 cells/cumm.", [123.0]),
    ],
)
def test_rarer_written_forms(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a bracketed interval that is no white-cell reference range, or a count per field
        "In the model, the odds ratio for WBC was 2.1 (1.1-4.0).",
        "Urine microscopy: WBC 8 (5-10)/hpf.",
        # a day number before a range is no result
        "On day 3 12.5 4.0-10.0 x10^9/L was recorded.",
    ],
)
def test_rarer_forms_not_results(nlp, text):
    assert wbc(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a reference range in brackets between the keyword and the value is not a definition
        ("Her white blood cell count (normal 4,000-10,000/µL) was 34,000/µL.", [34.0]),
        # a group's statistic is not the patient's value; a word before the keyword is
        ("In a series of 45 patients, the mean WBC was 18.5 × 10^9/L.", []),
        ("The median leukocyte count was 14,200/µL in this cohort.", []),
        ("Her mean corpuscular volume was low and her WBC was 12,000/µL.", [12.0]),
        # counts of a drain, joint or aspirated fluid
        ("The WBC in the drain fluid was 25,000/µL.", []),
        ("Analysis of the fluid showed a WBC count of 35,000/µL.", []),
        ("Joint aspirate: WBC 65,000/mm3, 90% neutrophils.", []),
        # fluids given and drainage done are not the sample
        ("She received intravenous fluids and her WBC count was 18,000/µL.", [18.0]),
        ("After percutaneous drainage, the WBC count fell to 9,000/µL.", [9.0]),
    ],
)
def test_whose_count_it_is(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # one count restated in another unit in brackets is one value
        ("Her WBC was 15.3 × 10^9/L (15,300/µL) on admission.", [15.3]),
        ("WBC 12,300/mm3 (12.3 × 10^9/L), Hb 10.2 g/dL", [12.3]),
        # two different counts stay two
        ("WBC 12,300/mm3 (18,100/mm3 on day 3)", [12.3, 18.1]),
        # a labelled reference range without brackets
        ("The WBC count was 25 × 10^9/L, normal 3.5–9.5 × 10^9/L.", [25.0]),
        ("Investigations revealed leucocytosis (20.1 × 10^9/L, N: 4–11 × 10^9/L; neutrophils 69%).", [20.1]),
        # a value said to be in the normal range is the patient's
        ("After treatment the WBC count decreased to within the normal range (8.1 × 10^9/L).", [8.1]),
        ("The WBC was in the normal range, at 8.1 × 10^9/L.", [8.1]),
    ],
)
def test_restated_and_reference_values(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bare number followed by a time, a ratio or a number of things is no count
        ("WBC 24 h after surgery was 15.2 × 10^9/L.", [15.2]),
        ("WBC 2 wk later was normal.", []),
        ("The WBC was 2-fold higher than before.", []),
        ("WBC count of 2 consecutive samples was elevated.", []),
        # a flag after a bare count does not hide it
        ("WBC was 13.9 H and CRP 120 mg/L.", [13.9]),
    ],
)
def test_bare_numbers_that_are_no_counts(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a course of counts sharing one unit, written with arrows or "and then to"
        ("WBC: 12.3 → 25.6 → 45.2 × 10^9/L over the first week.", [12.3, 25.6, 45.2]),
        ("The WBC rose from 12.3 to 25.6 and then to 45.2 × 10^9/L.", [12.3, 25.6, 45.2]),
    ],
)
def test_course_of_counts(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # bare counts continuing a dated course take the first count's unit
        ("Her WBC count rose to 45.2 × 10^9/L on day 5, 60.1 on day 7 and 80.3 on day 9.", [45.2, 60.1, 80.3]),
        ("The WBC was 12,000/µL on day 1 and 25,500 on day 4.", [12.0, 25.5]),
        # a number without its own time, or another analyte's, is not one
        ("The WBC was 45.2 × 10^9/L on day 5, 2 days after surgery.", [45.2]),
        ("The WBC was 45.2 × 10^9/L on day 5, and CRP 120 on day 7.", [45.2]),
    ],
)
def test_dated_course_of_bare_counts(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a comparator in a sentence that tells the patient's finding is a result
        ("She had a WBC count of more than 100 × 10^9/L.", [100.0]),
        ("Blood tests showed WBC >100 × 10^9/L.", [100.0]),
        ("A WBC count above 100 × 10^9/L was noted on admission.", [100.0]),
        # in a general statement it stays a cut-off
        ("A WBC count above 11 × 10^9/L is considered leukocytosis.", []),
        ("Leukocytosis is considered extreme at over 100,000 cells/µL.", []),
        ("Patients with a WBC count of more than 50 × 10^9/L had a poor prognosis.", []),
        ("G-CSF-producing tumours are suspected when the leukocyte count exceeds 20,000/µL.", []),
    ],
)
def test_comparator_results_and_cut_offs(nlp, text, expected):
    assert wbc(nlp, text) == expected


def test_group_statistic_leaves_sizes_alone(nlp):
    doc = nlp("A mass with a mean diameter of 3 cm was found.")
    assert [(s.label_, s._.value.value, s._.value.threshold) for s in doc.spans["measures"]] == [("TUMOUR_SIZE", 3.0, False)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("TLC\t12400 cells/mm3\t4000-10000 cells/mm3\t", [12.4]),
        ("White cell count\t14 800/mm3\t4 000-10 000/mm3", [14.8]),
        ("WBC 13,200/µL 4,000-10,000/µL, CRP 80 mg/L.", [13.2]),
        ("WBC 24.1 x 103/uL with PNN at 20.2 x 103/uL.", [24.1]),
    ],
)
def test_range_cell_after_a_value_is_its_reference(nlp, text, expected):
    assert wbc(nlp, text) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("He had a normal WCC (4.2 10 9 /L) and a raised CRP.", [4.2]),  # sign and superscript lost
    ("Platelets were 10 9 /L.", []),
])
def test_a_count_that_lost_its_sign_and_superscript(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The white blood count was 20.3 cells/ml.", [20.3]),  # thousands per µL, written per ml
    ("Her WBC count was 15,000 cells/mL on admission.", [15.0]),  # per µL, written per ml
    ("The CSF held 20 white cells/ml.", []),  # a body fluid
])
def test_a_small_count_per_ml_means_thousands_per_microlitre(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # names caselit does not read (HbA1c, Ht value, PT-INR) still count in the list positions
    ("The HbA1c value, WBC, RBC, Ht value, PT-INR and ferritin level were 6.1%, 7,300/µL (Neut/Lymp=2.1), "
     "402 x 104/µL, 36.2%, 1.05 and 88 ng/mL, respectively.", [7.3]),
    ("Hb, Ht and WBC were 9.1 g/dL, 30% and 12,400/µL, respectively.", [12.4]),
    ("WBC, absolute neutrophils and monocytes were 178.1, 172.7 and 4.2 k/µL, respectively.", [178.1]),
])
def test_a_respectively_list_pairs_every_name_with_its_value(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Blood counts showed white blood cells were elevated to 16.58 thous/uL with a left shift.", [16.58]),
    ("The white blood cell (WBC) results came back elevated at 22.6, which was put down to pain.", [22.6]),
])
def test_printout_and_timeline_wordings_of_a_count(nlp, text, expected):
    assert wbc(nlp, text) == expected


# -- "TC" / total count ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Investigations:\nTC: 15.5K, N: 50, L: 37, Hb: 10.9, Platelets: 296", [15.5]),
    ("Blood counts showed TC 12,400/cumm with 80% neutrophils.", [12.4]),
    ("Lipid profile: TC: 210 mg/dL, LDL 130 mg/dL.", []),
])
def test_total_count_is_the_white_cell_count_before_a_cell_unit(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize("text, threshold", [
    ("Tests showed leukocytosis (29 570/mm3) and lower platelet count (71 000/mm3).", False),
    ("Tests showed leukocytosis (18,200/mm3) and higher CRP levels than before.", False),
    ("A WBC count of 50,000/mm3 or higher defines the reaction.", True),
])
def test_a_comparator_word_of_the_next_finding_is_no_threshold(nlp, text, threshold):
    doc = nlp(text)
    assert [s._.value.threshold for s in doc.spans["measures"] if s.label_ == "WBC"] == [threshold]


# -- a count whose slash before µL the page lost -----------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("On day 3 she had thrombocytopenia (20,000 µL) and leukocytosis (15,000 µL).", [15.0]),
    ("The white cell count was 7200 µL on admission.", [7.2]),
    # a volume, not a count
    ("With leukocytosis suspected, 200 µL of whole blood was sent for a smear.", []),
])
def test_a_count_that_lost_its_slash_before_microlitre(nlp, text, expected):
    assert wbc(nlp, text) == expected


# -- word families, scraped tables, prefixes (sentences written for these tests) --------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("Laboratory work-up showed leukopenia (800/uL) and thrombocytopenia (76,000/uL).", [0.8]),
        ("She had leucopenia of 2.4 × 10^9/L on admission.", [2.4]),
        ("Grade 3 leukocytopenia (1.6 × 10^9/L) developed on day 12.", [1.6]),
        ("A white blood cell count that rose to 61 prompted a smear.", [61.0]),
        ("Leukocytes were 13.5 Giga/L and CRP 80 mg/L.", [13.5]),
        ("Leukocytes 11.2 Mrd/l (German Milliarden).", [11.2]),
    ],
)
def test_low_count_words_prefixes_and_relative_clauses(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Leukopenia is defined as a white blood cell count below 4,000/µL.",
        "Leukopenia and thrombocytopenia (platelets 52 × 10^9/L) were noted.",
        "He developed neutropenia (ANC 0.3 × 10^9/L) and leukopenia.",
        "Leucopenia occurred in 14 of 52 patients (27%).",
        "A white cell count which rose to 3 times the upper limit was noted.",
    ],
)
def test_low_count_words_are_no_values_alone(nlp, text):
    assert wbc(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a table scraped from a web page keeps its cell borders
        ("Test | Day 1 | Day 4 | Unit\nWBC | 11.8 | 16.3 | 10^9/L\nHb | 10.9 | 9.7 | g/dL", [11.8, 16.3]),
        ("Parameter | Unit | Day 1 | Day 4\nWBC | ×10^9/L | 11.8 | 16.3", [11.8, 16.3]),
        ("WBC | 14.1 | 4.0-10.0 | ×10^9/L", [14.1]),
        # the reference-range column after the results
        ("Test | Visit | Admission | Reference\nWBC | 5.9 x 103/µL | 9.2 x 103/µL | 4.5-11.0 x 103/µL", [5.9, 9.2]),
    ],
)
def test_scraped_table_rows(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    ["Test | Value | Unit\nUrine WBC | 30 | /hpf", "Sample | Analyte | Value | Unit\nCSF | WBC | 380 | cells/µL"],
)
def test_scraped_table_rows_of_other_fluids(nlp, text):
    assert wbc(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("His WBC was 13.6 on day 2 and 19.1 on day 4.", [13.6, 19.1]),
        ("WBC 21 → 14 → 8 over the first week of antibiotics.", [21.0, 14.0, 8.0]),
        ("WBC was 16,200 on day 1 and 9,800 on day 6.", [16.2, 9.8]),
    ],
)
def test_bare_course_after_a_bare_count(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("WBC was 13.6 on day 2 and platelets 120 on day 4.", [13.6]),
        ("WBC 21 → CRP 40 mg/L on the next day.", [21.0]),
        ("WBC 12 → 30 mg/L of CRP.", [12.0]),
    ],
)
def test_bare_course_stops_at_another_analyte(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the table's unit after the name, the reference range after the value
        ("WBC (10^9/L) 16.4 (4.0-10.0)", [16.4]),
        ("WBC, 10^9/L: 16.4 [4.0–10.0]", [16.4]),
        # a laboratory flag between the value and its reference range
        ("WBC 16.4* (4.0-10.0) × 10^9/L", [16.4]),
        ("WBC 16.4 H [4.0–10.0] × 10^9/L", [16.4]),
        # the reference range with its unit heads the row, the value follows it
        ("Leukocytes (4.0–10.0 × 10^9/L): 16.4", [16.4]),
        ("White cell count [4.0–11.0 × 10^9/L] 2.7", [2.7]),
    ],
)
def test_value_range_and_unit_in_any_order(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a time after the bracket is no value: the bracket is the patient's own range
        ("He had leukocytosis (15-20 × 10^9/L) 3 days later.", [15.0, 20.0]),
        ("White cells (11-13 × 10^9/L) 2 of the 3 samples.", [11.0, 13.0]),
    ],
)
def test_a_bracketed_range_after_the_name_needs_a_bare_value_after_it(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Routine labs showed a WBC count of 148 K/UL (80% neutrophils).", [148.0]),
        ("WBC 11.9 X10E3/UL, HGB 10.2 G/DL", [11.9]),
    ],
)
def test_printout_capitals(nlp, text, expected):
    assert wbc(nlp, text) == expected


def test_enzyme_units_per_litre_are_no_counts(nlp):
    assert wbc(nlp, "WBC normal; ALT 30 U/L and AST 45 U/L.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Her WBC count of 13.1 × 10^9/L was above the normal range (4–10 × 10^9/L).", [13.1]),
        ("The leukocytes, 2.2 × 10^9/L, were below the reference (4.0–11.0 × 10^9/L).", [2.2]),
        ("The WBC count was normal at 6.9.", [6.9]),
        ("His WBC remained high at 24,500.", [24.5]),
    ],
)
def test_reference_words_before_a_bracket_and_states_at_a_value(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Her WBC improved from 26 to 12 after drainage.", [26.0, 12.0]),
        ("The white cell count went up from 9,800 to 21,400 overnight.", [9.8, 21.4]),
        # a table's header unit: "10" and its power after a sign with no number before it
        ("Test | Day 1 | Day 4\nWhite blood cell count × 103/μL | 6.1 | 10.4", [6.1, 10.4]),
        ("WBC count (×10^9/L)\t11.6\t14.9", [11.6, 14.9]),
    ],
)
def test_bare_ranges_and_header_units(nlp, text, expected):
    assert wbc(nlp, text) == expected


def test_a_range_end_with_a_unit_of_its_own_is_no_count(nlp):
    assert wbc(nlp, "The WBC fell from 14 to 8 days after surgery.") == [14.0]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the counted cells named between the power and the volume
        ("A blood count showed leukocytosis (14.6 × 10 3 leukocytes/µL) with a left shift.", [14.6]),
        ("The white cell count was 7.9 × 10^9 leucocytes/L on the third day.", [7.9]),
        ("The white cell count was 18,700 leukocytes/mm3 before the operation.", [18.7]),
        # a superscript in the markdown of a converted paper keeps its closing caret
        ("WBC 12.8 × 10^9^/L and platelets 310 × 10^9^/L", [12.8]),
    ],
)
def test_cell_words_and_carets_inside_the_unit(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # no keyword before the value: the white cells named inside its unit say what it counts
        ("Blood tests on admission showed 24,500 leukocytes/mm3 and a raised CRP.", [24.5]),
        ("The haemoglobin was 9.1 g/dL with 8.2 × 10^9 leucocytes/L.", [8.2]),
        ("The CBC revealed 24,500 white blood cells (WBC)/mm3, hemoglobin 10.8 g/dL and a platelet count of 17,000/mm3.", [24.5]),
        ("He had a mild leucocytosis (11,910 WBCs per µl).", [11.91]),
    ],
)
def test_white_cells_named_inside_the_unit_name_the_count(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The platelet count was 17,000 cells/mm3 on the second day.",
    "Urine microscopy showed 10 to 12 WBC/HPF.",
])
def test_cells_inside_the_unit_name_no_white_count_alone(nlp, text):
    assert wbc(nlp, text) == []


def test_cells_named_in_the_unit_of_another_fluid_are_no_blood_count(nlp):
    assert wbc(nlp, "The cerebrospinal fluid held 240 leukocytes/µL with 70% lymphocytes.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # the header's power lost its superscript and has no sign, but stands alone in brackets
        ("| Parameter | Result | Range |\n| WBC (109/L) | 2.6 | 4-10 |\n| Platelets (109/L) | 95 | 150-400 |", [2.6]),
        ("WCC [109/L]\t17.3\t3.5-11", [17.3]),
        ("Leukocytes | 109/L | 5.4 | 8.9", [5.4, 8.9]),
    ],
)
def test_a_header_unit_alone_needs_no_sign(nlp, text, expected):
    assert wbc(nlp, text) == expected


def test_a_bare_glued_power_after_a_number_still_needs_a_sign(nlp):
    # "109/L" right after a number is no unit of it: the number is not read as a count
    assert wbc(nlp, "WBC 12 109/L") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a header row naming the reference column is no qualifier of the rows below it
        ("| Test | Patient | Reference range |\n|---|---|---|\n| WBC (10^9/L) | 11.4 | 4-10 |", [11.4]),
        ("Test\tPatient\tNormal range\nLeukocytes (×10^9/L)\t2.9\t4.0-11.0", [2.9]),
    ],
)
def test_a_header_row_with_reference_words_does_not_make_a_threshold(nlp, text, expected):
    assert wbc(nlp, text) == expected


def test_reference_words_in_the_row_itself_still_make_a_threshold(nlp):
    # a row labelled as the normal range, in a table flattened onto one line
    assert wbc(nlp, "Normal range | WBC 4.0-10.0 × 10^9/L") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # the blood named right before the keyword, after the sampling of another fluid
        ("Thoracentesis gave cloudy fluid with 12,400 cells/µL; her blood leukocyte count was 17,600/µL.", [17.6]),
        ("Urinalysis found pyuria and the serum WBC was 14.9 × 10^9/L.", [14.9]),
        ("A paracentesis was done, and the peripheral WBC was 10.2 × 10^9/L.", [10.2]),
    ],
)
def test_a_blood_count_named_after_another_fluid_sampling(nlp, text, expected):
    assert wbc(nlp, text) == expected


def test_the_other_fluid_sampled_still_excludes_its_own_count(nlp):
    assert wbc(nlp, "Thoracentesis showed a WBC of 12,400/µL in the fluid and no organisms.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # one column per sample: the column headed by another fluid is not blood
        ("Test | Blood | CSF\nWBC (/µL) | 13,100 | 420", [13.1]),
        ("Test\tCerebrospinal fluid\tSerum\nLeukocytes (/mm3)\t980\t16,300", [16.3]),
        ("| Analyte | Pleural fluid | Blood |\n|---|---|---|\n| WBC | 2,300/mm3 | 8,900/mm3 |", [8.9]),
        # a column per day stays read
        ("Day | 1 | 4 | 8\nWBC (×10^9/L) | 21.5 | 14.2 | 9.9", [21.5, 14.2, 9.9]),
    ],
)
def test_table_columns_of_another_fluid(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the unit written once, in the reference column after bare values (one column per day)
        ("Test\tDay 1\tDay 4\tReference range\nLeukocytes\t15.2\t22.8\t4.0–10.0 × 10^9/L", [15.2, 22.8]),
        ("| WBC | 8.9 | 12.6 | 3.5-9.5 ×10^9/L |", [8.9, 12.6]),
        ("WBC | 14,100 | 4,000-11,000/µL", [14.1]),
    ],
)
def test_a_reference_range_cell_after_bare_values(nlp, text, expected):
    assert wbc(nlp, text) == expected


def test_a_range_of_the_patient_outside_a_table_stays_a_value(nlp):
    assert wbc(nlp, "Her WBC was 9.1; it later ranged 15-20 × 10^9/L.") == [9.1, 15.0, 20.0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Her white cell count was 4.2 × 10^9/L, of which 0.6 × 10^9/L were neutrophils.", [4.2]),
        ("A leukocyte count of 19,800/µL, of which 17,100/µL were mostly segmented neutrophils.", [19.8]),
    ],
)
def test_a_part_of_the_count_named_after_a_verb_is_not_the_total(nlp, text, expected):
    assert wbc(nlp, text) == expected


def test_a_later_count_with_a_verb_and_no_cell_name_stays_the_total(nlp):
    assert wbc(nlp, "The WBC was 12.1 × 10^9/L on day 1; on day 3 it was 15.8 × 10^9/L.") == [12.1, 15.8]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bare value's own unit in brackets after it: the bracket sets the unit apart, as a
        # table header's brackets do, so a power whose superscript was lost is still a power
        ("Her white cell count was 31.7 (109/L) with toxic granulation.", [31.7]),
        ("Leukocytes 2.4 (×10^9/L), platelets 61 (×10^9/L)", [2.4]),
        ("WBC 19.2* (10^3/µL) Hb 8.1 (g/dL)", [19.2]),
        ("The leukocyte count was 14,600 (cells/mm3) on day 2.", [14.6]),
    ],
)
def test_a_unit_in_brackets_after_a_bare_value(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bracket of another kind after a bare value is no unit of it
        ("The WBC was 12 (10 days later, 15) and CRP fell.", []),
        ("WBC 9.6 (4.0-10.0)", [9.6]),
    ],
)
def test_other_brackets_after_a_bare_value_are_no_unit(nlp, text, expected):
    assert wbc(nlp, text) == expected
