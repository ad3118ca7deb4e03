"""Property tests: nothing in caselit raises on odd input, and normalisers are stable.

Every component alone on ``spacy.blank("en")``, the full ``build_nlp()`` pipeline, the
normalisers, the readers, case assembly and every exporter get arbitrary Unicode (control
characters included), clinical fragments mixed with junk, 10,000-digit numbers, very long
tokens and whitespace-only texts. Pipelines are built once per module. Examples are
derandomised under CI (``CI`` set) so that a run there is reproducible; locally every run
tries new ones, and ``CASELIT_FUZZ_SCALE=20`` tries twenty times as many.
"""
from __future__ import annotations

import importlib
import os
import warnings

import pytest
import spacy
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.cases.assemble import assemble
from pipeline.cases.mentions import doc_mentions
from pipeline.export import cases_frame, evidence_frame, write_table
from pipeline.ingest import IngestError, read_report
from pipeline.ingest.report import Report
from pipeline.nlp.build import FINDING_PIPES, build_nlp
from pipeline.nlp.dates.normalise import parse_date
from pipeline.nlp.measures.units import normalise_count, normalise_unitless, parse_number

# Every caselit pipe of build_nlp() (test_every_pipe_is_fuzzed checks that none is missing).
COMPONENTS = ("caselit_sentences", "caselit_abbreviations", "caselit_sections", *FINDING_PIPES, "caselit_context")

# CASELIT_FUZZ_SCALE=20 multiplies every example count, for a longer hunt than CI's.
SCALE = float(os.environ.get("CASELIT_FUZZ_SCALE", "1"))


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        derandomize=bool(os.environ.get("CI")),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )

# -- strategies -------------------------------------------------------------------------

# Any code point but lone surrogates (which no decoded file can hold).
UNICODE = st.characters(blacklist_categories=("Cs",))
CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F) | st.sampled_from("\x7f\x85\u2028\u2029\ufeff\u200b\u00ad")
FRAGMENTS = (
    "WBC 12,3×10⁹/L", "WBC count of 30,400/µL", "leukocytes 25.6 × 10^9/L", "white blood cells 18 000/mm³",
    "FIGO IIIC1", "FIGO stage IB2", "stage IVB", "pT2aN1M0", "G-CSF", "cisplatin 40 mg/m2 weekly",
    "paclitaxel and carboplatin (TC) for 6 cycles", "bevazicumab", "on April 18, 2012", "in late October 1993",
    "25.08.2012", "08/09/2012", "2019-02-30", "A 45-year-old woman", "a 3-month-old boy", "aged 52 years",
    "squamous cell carcinoma of the cervix", "clear cell adenocarcinoma", "metastases to the liver and lungs",
    "She died 3 months later.", "no evidence of disease", "Case 1", "Case presentation", "Discussion",
    "CASE REPORT\n", "Fig. 2", "et al.", "(CRP)", "the patient's mother", "was not", "(", ")", "[", "]",
    "×", "10⁹", "µL", "°C", "±", "—", "…", "-", "/", ".", ",", ";", ":", "'", '"',
)
SEPARATORS = st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "\r\n", ". ", ", ", "", "\x0b", "\u00a0", "\u3000"])
JUNK = st.text(UNICODE, max_size=12)
CLINICAL = st.lists(st.one_of(st.sampled_from(FRAGMENTS), JUNK, SEPARATORS, st.text(CONTROL, max_size=3)), max_size=30).map("".join)
WHITESPACE = st.text(st.sampled_from(" \t\n\r\x0b\x0c\u00a0\u2028\u2029\u3000\u200b\ufeff"), max_size=200)
DIGITS = st.integers(min_value=1000, max_value=10_000).map(lambda n: "9" * n)
HUGE_NUMBERS = st.builds(
    lambda digits, template: template.format(digits),
    DIGITS,
    st.sampled_from([
        "WBC {} ×10⁹/L", "WBC of {}/µL", "leukocytes {},5 x 10^9/L", "A {}-year-old woman", "aged {} years",
        "FIGO stage I{}", "on {} April 2012", "{}/12/2012", "cisplatin {} mg/m2",
        "for {} cycles", "Case {}", "{}.08.2012", "{}",
    ]),
)
# spaCy's own tokenizer takes time quadratic in the length of a run of one punctuation mark
# ("((((...": 8 s for 5,000), so such runs stay short here: that is spaCy's, not ours.
LONG_TOKENS = st.builds(
    lambda piece, around: around.format(piece),
    st.one_of(
        st.builds(lambda char, n: char * n, st.sampled_from("ax1éµ⁹I"), st.integers(1000, 20_000)),
        st.builds(lambda char, n: char * n, st.sampled_from("-.(/=*"), st.integers(50, 300)),
        st.builds(lambda piece, n: piece * n, st.sampled_from(["a.", "(a)", "10⁹/", "I-", "mg/"]), st.integers(500, 5000)),
    ),
    st.sampled_from(["{}", "WBC {} ×10⁹/L", "stage {}", "The {} was given.", "{}\n\nDiscussion"]),
)
TEXTS = st.one_of(st.text(UNICODE, max_size=400), CLINICAL, WHITESPACE, HUGE_NUMBERS, LONG_TOKENS)
EDGE_TEXTS = ["", " ", "\n", "\x00", "\ufeff", "(", ")", "Case 1", "İ" * 50, "ǅ", "ﬃ" * 20, "\u0301" * 30]

# -- pipelines, built once ----------------------------------------------------------------


def _alone(name: str):
    importlib.import_module(f"pipeline.nlp.{name.removeprefix('caselit_')}.factory")
    nlp = spacy.blank("en")
    nlp.add_pipe(name)
    return nlp


@pytest.fixture(scope="module")
def alone():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {name: _alone(name) for name in COMPONENTS}


@pytest.fixture(scope="module")
def full():
    return build_nlp()


@pytest.fixture(scope="module")
def blank_full():
    """Every caselit pipe on spaCy's default tokenizer (no scispaCy tokenizer, no abbreviations)."""
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def check_doc(doc) -> None:
    """Every span a component left lies inside the doc."""
    for group in doc.spans:
        for span in doc.spans[group]:
            assert 0 <= span.start_char <= span.end_char <= len(doc.text)


def cases_of(nlp, text: str):
    """What pipeline.api.report_cases does, on one text."""
    from pipeline.api import report_cases

    return report_cases(nlp, Report(name="fuzz.txt", text=text, title=text[:50] or None))


# -- components and pipelines --------------------------------------------------------------


def test_every_pipe_is_fuzzed(full):
    assert {name for name in full.pipe_names if name.startswith("caselit_")} <= set(COMPONENTS)


@pytest.mark.parametrize("name", COMPONENTS)
@fuzz(40)
@given(text=TEXTS)
def test_component_alone_never_raises(alone, name, text):
    nlp = alone[name]
    check_doc(nlp(text))


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_edge_texts(alone, full, blank_full, text):
    for nlp in (*alone.values(), full, blank_full):
        check_doc(nlp(text))


@fuzz(40)
@given(text=TEXTS)
def test_full_pipeline_cases_and_exports_never_raise(full, tmp_path_factory, text):
    cases = cases_of(full, text)
    assert cases and all(case.doc == "fuzz.txt" for case in cases)
    folder = tmp_path_factory.mktemp("out")
    cases_frame(cases)
    evidence_frame(cases)
    for suffix in (".jsonl", ".csv", ".xlsx", ".parquet"):
        write_table(cases, folder / f"table{suffix}")


@fuzz(40)
@given(text=TEXTS)
def test_blank_tokenizer_pipeline_never_raises(blank_full, text):
    doc = blank_full(text)
    check_doc(doc)
    doc_mentions(doc)


@fuzz(15)
@given(texts=st.lists(CLINICAL, min_size=1, max_size=5))
def test_mentions_from_chunks_assemble(full, texts):
    """Several Docs' mentions with offsets, as reports cut in chunks give them."""
    mentions, starts, offset = [], [], 0
    for text in texts:
        found, patients = doc_mentions(full(text), offset)
        mentions += found
        starts += patients
        offset += len(text)
    report = Report(name="fuzz.txt", text="".join(texts))
    assert assemble(report, mentions, starts)


# -- normalisers ---------------------------------------------------------------------------

UNITS = ("×10⁹/L", "x 10^9/L", "*109/L", "/µL", "/ul", "/mm3", "/mm³", "cells/µL", "×10³/µL", "G/L", "/ml",
         "× 10(9)/L", "K/µL", "per cubic millimetre", "")
NUMBERS = st.one_of(
    st.text(UNICODE, max_size=20),
    st.from_regex(r"\A\d{1,12}(?:[.,]\d{1,6}){0,3}\Z"),
    DIGITS,
    st.builds(lambda d: d[:1] + "," + d[1:4] + "." + d, DIGITS),
)


@fuzz(150)
@given(number=NUMBERS, unit=st.one_of(st.sampled_from(UNITS), st.text(UNICODE, max_size=15)),
       analyte=st.sampled_from(["WBC", None, "no such analyte"]))
def test_count_normalisers_never_raise(number, unit, analyte):
    for value in (normalise_count(number, unit, analyte), normalise_unitless(number, analyte)):
        assert value is None or (isinstance(value, float) and value > 0)
    parse_number(number)
    parse_number(number, -3)


@fuzz(150)
@given(text=st.one_of(st.text(UNICODE, max_size=60), CLINICAL, HUGE_NUMBERS,
                      st.dates().map(lambda d: d.strftime("%B %d, %Y")), st.dates().map(str)))
@example("April 18, 1850")
@example("0001-01-01")
def test_parse_date_never_raises_and_is_idempotent(text):
    result = parse_date(text)
    if result is not None:
        value, precision = result
        assert precision in {"day", "month", "year"}
        assert parse_date(value) == result


@fuzz(100)
@given(text=st.one_of(st.text(UNICODE, max_size=60), CLINICAL, HUGE_NUMBERS))
def test_dose_normalisers_never_raise(text):
    from pipeline.nlp.drugs.details_doses import normalise_dose, normalise_number

    dose = normalise_dose(text)
    assert dose is None or isinstance(dose, str)
    normalise_number(text)


@pytest.fixture(scope="module")
def histology(alone):
    return alone["caselit_histology"].get_pipe("caselit_histology")


def test_histology_normalise_is_idempotent_on_the_lexicon(histology):
    from pipeline.resources import read_table

    from pipeline.nlp.histology.histology import NOT_A_TYPE

    for row in read_table("histology/histology.tsv"):
        value = histology.histology_of(row["written"])
        if row["histology"] == NOT_A_TYPE:  # a benign lesion: matched, but no type
            assert value == NOT_A_TYPE, row["written"]
            continue
        assert value is not None and histology.histology_of(value) == value, row["written"]


@fuzz(100)
@given(text=st.one_of(st.text(UNICODE, max_size=80), CLINICAL))
def test_histology_normalise_never_raises(histology, text):
    value = histology.histology_of(text)
    assert value is None or histology.histology_of(value) == value


@fuzz(150)
@given(text=st.one_of(st.text(UNICODE, max_size=200), CLINICAL, WHITESPACE))
def test_text_normalisers_are_idempotent(text):
    from pipeline.ingest.normalize import fold_compatibility, normalize_text

    for normalise in (fold_compatibility, normalize_text):
        once = normalise(text)
        assert normalise(once) == once, normalise.__name__


@fuzz(100)
@given(value=st.one_of(st.text(UNICODE, max_size=40), HUGE_NUMBERS, st.integers(), st.floats(), st.booleans(), st.none()))
def test_evaluation_normalise_never_raises_and_is_idempotent(value):
    from pipeline.evaluate import normalise

    once = normalise(value)
    # NaN is never equal to itself; a whitespace-only text gives "" and "" gives None
    if once == once and not (isinstance(value, str) and not value.strip()):
        assert normalise(once) == once


# -- readers ---------------------------------------------------------------------------------

TAGS = st.sampled_from(["div", "p", "span", "table", "tr", "td", "script", "style", "sup", "sub", "br", "article",
                        "section", "h1", "h2", "title", "meta", "!--", "![CDATA[", "?xml", "!DOCTYPE html", "a"])
TAG_SOUP = st.lists(
    st.one_of(
        TAGS.map(lambda t: f"<{t}>"), TAGS.map(lambda t: f"</{t}>"), TAGS.map(lambda t: f"<{t} class='x' id=\"y"),
        st.sampled_from(["&amp;", "&#0;", "&#x110000;", "&nbsp;", "&bogus;", "<", ">", "\"", "'", "="]),
        st.sampled_from(FRAGMENTS), JUNK,
    ),
    max_size=60,
).map(lambda parts: "<html><body>" + "".join(parts))


def _read(tmp_path_factory, name: str, data: bytes):
    path = tmp_path_factory.mktemp("in") / name
    path.write_bytes(data)
    try:
        reports = read_report(path)
    except IngestError:
        return []
    for report in reports:
        assert isinstance(report.text, str)
    return reports


@pytest.mark.parametrize(("tag", "depth"), [("div", 5_000), ("span", 5_000), ("table", 5_000), ("b", 5_000), ("div", 20_000)])
def test_deeply_nested_html(tmp_path_factory, tag, depth):
    sentence = "A 45-year-old woman had FIGO stage IB1 cervical cancer."
    body = f"<{tag}>" * depth + sentence + f"</{tag}>" * depth
    page = f"<!DOCTYPE html><html><head><title>Case</title></head><body>{body}</body></html>"
    assert sentence in _read(tmp_path_factory, "nested.html", page.encode())[0].text
    _read(tmp_path_factory, "unclosed.html", page[: len(page) // 2].encode())


@fuzz(60)
@given(page=TAG_SOUP, encoding=st.sampled_from(["utf-8", "utf-16", "latin-1"]))
def test_html_tag_soup_raises_only_ingest_error(tmp_path_factory, page, encoding):
    _read(tmp_path_factory, "soup.html", page.encode(encoding, errors="replace"))


@fuzz(60)
@given(data=st.one_of(st.binary(max_size=300), TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       name=st.sampled_from(["r.txt", "r.md", "r.html", "r.htm", "r", "r.xml", "r.nxml"]))
def test_reading_any_bytes_raises_only_ingest_error(tmp_path_factory, data, name):
    _read(tmp_path_factory, name, data)
