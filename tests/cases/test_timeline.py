import doctest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cases import date_shift, timeline_points
from pipeline.cases.date_shift import shift
from pipeline.cases.timeline import TimelineEvent, case_timeline
from pipeline.cases.timeline_points import date_points
from mention_helpers import as_mentions

GROUPS = ("measures", "drugs", "dates", "timing")


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_measures", "caselit_drugs", "caselit_dates", "caselit_timing")


def mentions(nlp, text, sections=None):
    """The mentions of ``text`` as case assembly gets them (all the patient's). ``sections``:
    (name, start) pairs, in order; by default the whole text is one "case" section."""
    return as_mentions(nlp(text), GROUPS, sections)


def summary(events):
    return [(e.date, e.derived, e.values) for e in events]


NARRATIVE = (
    "She underwent radical hysterectomy on 24 April 2012. "
    "She was discharged 9 days after the operation. "
    "On 2 July 2012 (68 days after the operation), she presented with discharge and was given ornidazole. "
    "On 15 August 2012, paclitaxel (200 mg) was administered. "
    "On the following day, her fever rose to 40.3°C and she was drowsy. "
    "Her WBC count was 33.4*109/L on admission to the ward. "
    "One week later, the WBC count reached 70.37*109/L (Figure 2)."
)


def test_narrative_time_line(nlp):
    events = case_timeline(mentions(nlp, NARRATIVE))
    assert summary(events) == [
        ("2012-04-24", False, ()),
        ("2012-05-03", True, ()),
        ("2012-07-02", False, ("ornidazole",)),
        ("2012-08-15", False, ("paclitaxel",)),
        ("2012-08-16", True, ("temperature 40.3 °C", "WBC 33.4 ×10^9/L")),
        ("2012-08-23", True, ("WBC 70.37 ×10^9/L",)),
    ]
    assert events[1].event == "She was discharged 9 days after the operation."
    assert all(isinstance(e, TimelineEvent) for e in events)


def test_a_relative_time_glossing_a_written_date_is_no_event_of_its_own(nlp):
    events = case_timeline(mentions(nlp, "She had surgery on 3 May 2015. On 2 July 2015, 60 days after the operation, she relapsed."))
    assert [(e.date, e.derived) for e in events] == [("2015-05-03", False), ("2015-07-02", False)]


def test_months_after_a_day_give_a_month_and_partial_dates_stay_partial(nlp):
    text = "In August 2023, she underwent radical hysterectomy. Five months postoperatively, a subcutaneous mass was found."
    assert [(e.date, e.derived) for e in case_timeline(mentions(nlp, text))] == [("2023-08", False), ("2024-01", True)]
    text = "She underwent radical hysterectomy on 24 April 2012. Two months after the surgery, the tumour recurred."
    assert [e.date for e in case_timeline(mentions(nlp, text))] == ["2012-04-24", "2012-06"]


def test_the_named_event_is_the_latest_of_its_kind(nlp):
    text = (
        "She was admitted on 2 March 2019. Paclitaxel was started on 5 March 2019. "
        "A right hemicolectomy was performed on 20 March 2019. Three days after admission she had a fever. "
        "Ten days after the operation the wound healed. Twelve days after paclitaxel she had neutropenia."
    )
    derived = [e.date for e in case_timeline(mentions(nlp, text)) if e.derived]
    assert derived == ["2019-03-05", "2019-03-17", "2019-03-30"]


def test_an_anchor_in_a_relative_time_does_not_tell_the_event(nlp):
    text = (
        "The tumour recurred two months after the hysterectomy. She had a hysterectomy on 10 January 2016. "
        "On 15 March 2016 (64 days after the hysterectomy), the mass was biopsied."
    )
    events = case_timeline(mentions(nlp, text))
    assert [(e.date, e.derived) for e in events] == [("2016-01-10", False), ("2016-03", True), ("2016-03-15", False)]


def test_a_summary_date_does_not_carry_to_the_next_sentence(nlp):
    text = (
        "The tumour recurred two months after the hysterectomy. Her WBC count rose to 52.1 ×10^9/L at that time. "
        "She had a hysterectomy on 10 January 2016."
    )
    events = case_timeline(mentions(nlp, text))
    assert summary(events) == [("2016-01-10", False, ()), ("2016-03", True, ())]


def test_unresolvable_relative_times_are_left_out(nlp):
    assert case_timeline(mentions(nlp, "One week later, the fever recurred. Three days after the operation she was well.")) == []


def test_values_take_the_date_written_right_after_them(nlp):
    text = "The vaginal mass grew from 22*33*22 mm on 2 July 2012 to 63*65*58 mm on 30 July 2012."
    assert summary(case_timeline(mentions(nlp, text))) == [
        ("2012-07-02", False, ("tumour size 2.2×3.3×2.2 cm",)),
        ("2012-07-30", False, ("tumour size 6.3×6.5×5.8 cm",)),
    ]


def test_values_after_a_range_take_its_start(nlp):
    text = "From 12 August 2012 to 24 August 2012, she was treated with vancomycin and meropenem."
    assert summary(case_timeline(mentions(nlp, text))) == [("2012-08-12", False, ("vancomycin", "meropenem")), ("2012-08-24", False, ())]


def test_a_date_does_not_carry_into_another_section(nlp):
    text = "She was admitted on 4 June 2020. Her CRP was 180 mg/L.\n\nDiscussion\n\nHer CRP was 12 mg/L."
    sections = [("case", 0), ("discussion", text.index("Discussion"))]
    events = case_timeline(mentions(nlp, text, sections))
    assert summary(events) == [("2020-06-04", False, ("CRP 180 mg/L",))]


def test_publication_dates_are_not_events(nlp):
    text = "Received: 4 November 2016. She was admitted on 2 March 2016 with a fever of 39.1 °C."
    assert summary(case_timeline(mentions(nlp, text))) == [("2016-03-02", False, ("temperature 39.1 °C",))]


def test_thresholds_are_not_values(nlp):
    text = "On 2 March 2016 her WBC was 62.3 ×10^9/L; a leukemoid reaction is defined as a WBC above 50 ×10^9/L."
    assert summary(case_timeline(mentions(nlp, text))) == [("2016-03-02", False, ("WBC 62.3 ×10^9/L",))]


def test_events_sort_by_date_then_text_order(nlp):
    text = "She relapsed in May 2014. She had been operated on 3 March 2013. In 2013 she also had chemotherapy."
    assert [e.date for e in case_timeline(mentions(nlp, text))] == ["2013", "2013-03-03", "2014-05"]


def test_points_are_in_text_order(nlp):
    points = date_points(mentions(nlp, NARRATIVE))
    assert [p.start for p in points] == sorted(p.start for p in points)


@pytest.mark.parametrize(
    "iso, amount, unit, direction, expected",
    [
        ("2012-04-24", 68, "day", "after", "2012-07-01"),
        ("2012-08-15", 1, "day", "after", "2012-08-16"),
        ("2012-08-07", 1, "week", "after", "2012-08-14"),
        ("2012-08-07", 48, "hour", "after", "2012-08-09"),
        ("2012-03-01", 1, "day", "before", "2012-02-29"),
        ("2012-04-24", 2, "month", "after", "2012-06"),
        ("2012-11-24", 2, "month", "after", "2013-01"),
        ("2003-07", 8, "year", "before", "1995-07"),
        ("2016-01-10", 1.5, "year", "after", "2017-07"),
        ("2012-08", 3, "week", "after", "2012-09"),
        ("2012-08", 5, "day", "after", "2012-08"),
        ("2019", 6, "month", "after", "2020"),
        ("2019", 4, "month", "after", "2019"),
        ("2019", 2, "year", "before", "2017"),
        ("2012-08-15", 0, "day", "after", "2012-08-15"),
        ("not a date", 2, "day", "after", None),
        ("2012-04-24", 2, "fortnight", "after", None),
        ("2012-04-24", 10**9, "day", "after", None),
    ],
)
def test_shift(iso, amount, unit, direction, expected):
    assert shift(iso, amount, unit, direction) == expected


def test_docstring_examples():
    assert doctest.testmod(date_shift).failed == 0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=12), st.integers(-5, 90))
def test_relative_time_spans_cover_a_position_as_a_scan_would(spans, position):
    spans = [(start, start + length) for start, length in spans]  # nested and overlapping too
    covered = timeline_points._Spans(spans)
    assert (position in covered) == any(start <= position < end for start, end in spans)
