"""Count units a writer slipped on (pipeline/nlp/measures/slips.py) and powers of ten whose
superscript was lost (models/patterns/measures.toml). Sentences written for the tests."""
import pytest

from pipeline.nlp.measures.slips import stray_thousand_power
from pipeline.nlp.measures.units import grammar, normalise_count


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_measures")


def wbc(nlp, text):
    doc = nlp(text)
    return [s._.value.value for s in doc.spans["measures"] if s.label_ == "WBC" and not s._.value.threshold]


def unit(text):
    return grammar()["unit"].fullmatch(text)


# -- a per-µL count written with a power of a thousand as well ---------------------------------

@pytest.mark.parametrize(
    "number, written, expected",
    [
        ("6250", " × 103/mm3", True),
        ("28 880", " × 10^3/µL", True),
        ("11,400", " x 10^3/uL", True),
        ("7300", " ×10³/cmm", True),
        ("6.25", " × 10^3/µL", False),  # a count in thousands, as written
        ("980", " × 10^3/µL", False),  # below the threshold
        ("6250", " × 10^9/L", False),  # another unit: left to the plausible range
        ("6250", " × 10^3/mL", False),  # per millilitre: the millilitre slip's
    ],
)
def test_stray_thousand_power(number, written, expected):
    assert stray_thousand_power(number, unit(written)) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On day 3 the leukocytes were 6250 × 103/mm3 with 70% neutrophils.", [6.25]),
        ("Her white cell count had fallen to 4100 x 10^3/µL by discharge.", [4.1]),
        ("The leucocyte count rose from 9800 × 10^3/mm3 to 21,300 × 10^3/mm3.", [9.8, 21.3]),
        ("The white blood cell count was 12.6 × 10^3/µL.", [12.6]),
    ],
)
def test_per_microlitre_count_with_a_stray_power(nlp, text, expected):
    assert wbc(nlp, text) == expected


def test_platelets_in_thousands_are_not_white_cells(nlp):
    assert wbc(nlp, "Platelets were 312 × 10^3/mm3 and white cells 9.7 × 10^3/mm3.") == [9.7]


# -- 10^10 and 10^11 with the superscript lost ---------------------------------------------------

@pytest.mark.parametrize(
    "number, written, expected",
    [
        ("1.2", " × 1010/L", 12.0),
        ("1.32", "×1010/L", 13.2),
        ("0.86", " x 1011/L", 86.0),
        ("1.2", " × 10 10 /L", 12.0),  # the superscript rendered as spaced digits
    ],
)
def test_lost_superscript_of_ten_and_eleven(number, written, expected):
    assert normalise_count(number, written) == pytest.approx(expected)


def test_lost_superscript_needs_a_multiplication_sign():
    assert normalise_count("1.2", " 1010/L") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On admission the white cell count was 9.1 × 109/L; two days later it was 1.54 × 1010/L.", [9.1, 15.4]),
        ("Leukocytosis (2.3 × 1010/L) and a red cell count of 3.9 × 1012/L were noted.", [23.0]),
    ],
)
def test_lost_superscript_in_sentences(nlp, text, expected):
    assert wbc(nlp, text) == expected
