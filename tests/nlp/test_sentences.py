import doctest

import pytest

from pipeline.nlp.sentences import sentences as sentences_module


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp()


def sents(nlp, text):
    doc = nlp(text)
    return [s.text.strip() for s in doc.sents]


def test_full_stop_before_capital_ends_a_sentence(nlp):
    assert sents(nlp, "She was admitted on April 18, 2012. A biopsy was taken.") == [
        "She was admitted on April 18, 2012.",
        "A biopsy was taken.",
    ]


@pytest.mark.parametrize("text", [
    "The mass is shown in Fig. 2 and was resected.",
    "As reported by Nimieri et al. 2 cases were similar.",
    "The tumour measured approx. 3 cm in diameter.",
])
def test_abbreviations_do_not_end_sentences(nlp, text):
    assert len(sents(nlp, text)) == 1


@pytest.mark.parametrize("text, expected", [
    ("Two cases of cellulitis are reported. case 1 was a 60-year-old man.",
     ["Two cases of cellulitis are reported.", "case 1 was a 60-year-old man."]),
    ("Debridement was performed. after admission his fever rose.",
     ["Debridement was performed.", "after admission his fever rose."]),
    # a dotted abbreviation or a known one keeps its sentence; so does a word no sentence starts with
    ("He received 1 g i.v. after surgery.", ["He received 1 g i.v. after surgery."]),
    ("The tumour measured approx. the size of a lemon.", ["The tumour measured approx. the size of a lemon."]),
    ("It was stained with eosin. cells were large.", ["It was stained with eosin. cells were large."]),
])
def test_a_lower_case_opener_after_a_full_stop(nlp, text, expected):
    assert sents(nlp, text) == expected


def test_line_breaks_end_headings(nlp):
    assert sents(nlp, "Case presentation\nA 40-year-old woman was admitted.") == [
        "Case presentation",
        "A 40-year-old woman was admitted.",
    ]


def test_decimal_numbers_stay_inside_the_sentence(nlp):
    assert len(sents(nlp, "The WBC count increased to 70.37*109/L after treatment.")) == 1


def test_empty_text(nlp):
    assert sents(nlp, "") == []


def test_docstring_example():
    assert doctest.testmod(sentences_module).failed == 0


@pytest.mark.parametrize("text, expected", [
    ("Her WBC was 28.4 × 10^9/L. She died.", ["Her WBC was 28.4 × 10^9/L.", "She died."]),
    ("The count was 28,400/µL. Unlike the case of Smith et al. [4], it fell.",
     ["The count was 28,400/µL.", "Unlike the case of Smith et al. [4], it fell."]),
    ("CRP was 28 mg/L. No fever was noted.", ["CRP was 28 mg/L.", "No fever was noted."]),
    ("Her temperature was 39.2°C. She was given paracetamol.", ["Her temperature was 39.2°C.", "She was given paracetamol."]),
])
def test_full_stop_left_on_a_unit_ends_a_sentence(nlp, text, expected):
    # the tokenizer keeps the stop on "10^9/L." or "28,400/µL."
    assert sents(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Some respond to vincristine and actinomycin D. We report a further case.",
     ["Some respond to vincristine and actinomycin D.", "We report a further case."]),
    ("She had chronic hepatitis B. Her liver enzymes were normal.",
     ["She had chronic hepatitis B.", "Her liver enzymes were normal."]),
    ("She was seen by John D. Smith in May.", ["She was seen by John D. Smith in May."]),
])
def test_a_letter_naming_a_drug_or_virus_ends_a_sentence(nlp, text, expected):
    # the tokenizer keeps "D." as one token, like an initial
    assert sents(nlp, text) == expected
