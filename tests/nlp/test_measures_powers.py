"""Powers of ten whose superscript was lost in copy-paste (the count unit grammar of
models/patterns/measures.toml). Sentences written for the tests."""
import pytest
from measure_helpers import nlp, wbc  # noqa: F401 (nlp: the shared fixture)

from pipeline.nlp.measures.units import normalise_count

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


@pytest.mark.parametrize(
    "text, expected",
    [
        # Italian reports: globuli bianchi (GB) per cubic millimetre (mmc)
        ("The blood count documented GB 424x103/mmc, Hb 6.4 g/dl, platelets 20x103/mmc.", [424.0]),
        ("Globuli bianchi 12.5 x 103/mmc.", [12.5]),
        # ... not a size in gigabytes
        ("The scan archive took 12 GB of storage.", []),
    ],
)
def test_italian_white_cell_counts(nlp, text, expected):
    assert wbc(nlp, text) == expected
