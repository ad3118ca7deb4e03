import doctest

import pytest
import spacy

from pipeline.nlp.timing import timing as timing_module


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_timing")


def relative(nlp, text):
    doc = nlp(text)
    return [(v.amount, v.unit, v.direction, v.anchor_text) for v in (s._.value for s in doc.spans["timing"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("She was discharged 9 days after the operation.", [(9, "day", "after", "the operation")]),
        ("A vaginal mass appeared three months after laparoscopic radical hysterectomy.", [(3, "month", "after", "laparoscopic radical hysterectomy")]),
        ("On May 3, 2015 (41 days after surgery), she returned.", [(41, "day", "after", "surgery")]),
        ("The fever settled 10 days after cefepime and 4 days after vancomycin.", [(10, "day", "after", "cefepime"), (4, "day", "after", "vancomycin")]),
        ("Six months postoperatively, a nodule was found in the lung.", [(6, "month", "after", "operation")]),
        ("Four weeks post-chemotherapy, CT showed progression.", [(4, "week", "after", "chemotherapy")]),
        ("She presented two weeks postpartum.", [(2, "week", "after", "delivery")]),
        ("One week later, the fever recurred.", [(1, "week", "after", "")]),
        ("Two months afterwards she was well.", [(2, "month", "after", "")]),
        ("One and a half years later, she relapsed.", [(1.5, "year", "after", "")]),
        ("A year and a half later, she relapsed.", [(1.5, "year", "after", "")]),
        ("Twenty-one days after RT, skin nodules appeared.", [(21, "day", "after", "RT")]),
        ("She had undergone a hysterectomy four years earlier.", [(4, "year", "before", "")]),
        ("The mass was noticed 3 months before admission.", [(3, "month", "before", "admission")]),
        ("Symptoms began 2 weeks prior to presentation.", [(2, "week", "before", "presentation")]),
        ("Unexpectedly, on the following day, her fever rose.", [(1, "day", "after", "")]),
        ("The next morning she was drowsy.", [(1, "day", "after", "")]),
        ("The day after discharge she saw her physician.", [(1, "day", "after", "discharge")]),
        ("On the same day, she was transfused.", [(0, "day", "after", "")]),
        ("After two weeks, the rash faded.", [(2, "week", "after", "")]),
        ("On postoperative day 4 she had a fever.", [(4, "day", "after", "operation")]),
        ("The drain was removed on POD#6.", [(6, "day", "after", "operation")]),
        ("On the third postoperative day the ileus resolved.", [(3, "day", "after", "operation")]),
        ("On hospital day 12, the platelet count rose.", [(11, "day", "after", "admission")]),
        ("On day 5 of hospitalization she became febrile.", [(4, "day", "after", "admission")]),
        ("Metastasis developed 4 months after she was diagnosed with cervical cancer.", [(4, "month", "after", "she was diagnosed with cervical cancer")]),
        ("The hemihepatectomy was done 26 months after a total gastrectomy.", [(26, "month", "after", "a total gastrectomy")]),
    ],
)
def test_relative_times(nlp, text, expected):
    assert relative(nlp, text) == [(float(a), u, d, t) for a, u, d, t in expected]


@pytest.mark.parametrize(
    "text",
    [
        "She had vaginal bleeding for 2 weeks after 5 years of menopause.",
        "She survived for longer than 18 months after recurrence.",
        "Most patients die within 12 weeks of diagnosis.",
        "Cisplatin was given every 3 weeks.",
        "After 10 days of antibiotics the fever resolved.",
        "During the first two weeks after surgery she stayed in bed.",
        "A 6-month follow-up was planned.",
        "A 45-year-old woman presented with pain.",
        "Up to 6 months after radiotherapy, oedema may occur.",
        "She had a 3-year history of bleeding.",
    ],
)
def test_not_a_point_in_time(nlp, text):
    assert relative(nlp, text) == []


def test_span_and_written_text(nlp):
    doc = nlp("Regrettably, she died 7 months after the orbital RT; however, no eye symptoms recurred.")
    span = doc.spans["timing"][0]
    assert span.label_ == "RELATIVE_DATE"
    assert span._.value.written == "7 months after the orbital RT"
    assert span.text == "7 months after the orbital RT"


@pytest.mark.parametrize("text", ["", "\x00 days after", "day " * 3000, "9" * 400 + " days after the operation", "the following"])
def test_odd_input_does_not_raise(nlp, text):
    nlp(text)


def test_docstring_examples_run_on_a_blank_pipeline():
    spacy.blank("en")
    assert doctest.testmod(timing_module).failed == 0
