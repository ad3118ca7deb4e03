"""The review page on cases built here: structure, marks coloured by field, left-out findings
struck with their reasons, links from the table to the sentences, the fallback without a text."""
import io
import json
import re

import pytest

from pipeline.cases.labs import LabValue
from pipeline.cases.record import Case, Evidence
from pipeline.cases.treatments import Treatment
from pipeline.export.html import ReportTexts, write_html
from pipeline.export.html.marks import Mark, marked_html
from pipeline.export.records import case_from_dict

TEXT = ("A 52-year-old woman had squamous cell carcinoma of the cervix. She received cisplatin. "
        "Another patient was given bleomycin. Her WBC was 41.2×10⁹/L.")


def _at(text, words, field, value, kept=True, qualifiers=("subject=patient", "section=case")):
    start = TEXT.index(words)
    sentence_start = TEXT.rfind(". ", 0, start) + 2 if TEXT.rfind(". ", 0, start) >= 0 else 0
    sentence_end = TEXT.find(".", start + len(words) - 1) + 1
    return Evidence(field, value, TEXT[sentence_start:sentence_end], start, start + len(words), sentence_start,
                    tuple(qualifiers), kept)


def _case(doc="synthetic.txt"):
    return Case(
        doc=doc, case=1, title="A synthetic case", age=52, sex="female", primary_site="cervix",
        histology="squamous cell carcinoma", drugs=["cisplatin"], wbc_values=[41.2], wbc_max=41.2,
        treatments=[Treatment("drug", "cisplatin", ("cisplatin",), None, None, 3, None, "2020-01-10", "cisplatin", 70),
                    Treatment("drug", "ceftriaxone", ("ceftriaxone",), None, None, None, None, "2020-01-12", "x", 80)],
        labs=[LabValue("wbc", 41.2, "10^9/L", "2020-01-20", "41.2×10⁹/L", 140),
              LabValue("wbc", 9.0, "10^9/L", "2020-01-05", "9.0", 120, date_derived=True)],
        evidence=[
            _at(TEXT, "52-year-old", "age", 52),
            _at(TEXT, "squamous cell carcinoma", "histology", "squamous cell carcinoma"),
            _at(TEXT, "cervix", "primary_site", "cervix"),
            _at(TEXT, "cisplatin", "drugs", "cisplatin"),
            _at(TEXT, "bleomycin", "drugs", "bleomycin", kept=False, qualifiers=("subject=other", "section=case")),
            _at(TEXT, "41.2×10⁹/L", "wbc_values", 41.2),
        ],
    )


class _Texts:
    def __init__(self, texts):
        self.texts = texts

    def text(self, name, evidence=()):
        return self.texts.get(name)


def _page(cases, texts=None, plot=lambda case: None):
    out = io.BytesIO()
    write_html(cases, out, texts, plot=plot)
    return out.getvalue().decode("utf-8")


def test_page_is_self_contained():
    page = _page([_case()], _Texts({"synthetic.txt": TEXT}))
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>" in page and "<script>" in page
    # nothing loaded from elsewhere: no external script, stylesheet, image or font
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page)
    assert "@import" not in page and "url(" not in page


def test_table_row_links_each_value_to_its_sentence():
    page = _page([_case()], _Texts({"synthetic.txt": TEXT}))
    row = re.search(r'<tr data-report="r1">.*?</tr>', page).group(0)
    assert ">synthetic.txt</a>" in row
    age_link = re.search(r'<a href="#(r1/c1e\d+)">52</a>', row).group(1)
    drug_link = re.search(r'<a href="#(r1/c1e\d+)">cisplatin</a>', row).group(1)
    # the link's target is the mark of that finding in the report text
    assert f'id="{age_link.replace("/", "-")}"' in page
    assert f'id="{drug_link.replace("/", "-")}"' in page
    assert "cisplatin × 3" in row  # the Table-1 treatment summary; the antibiotic is not in it
    assert "ceftriaxone" not in row


def test_marks_are_coloured_by_field():
    page = _page([_case()], _Texts({"synthetic.txt": TEXT}))
    template = re.search(r'<template id="t-r1">(.*?)</template>', page, re.S).group(1)
    assert re.search(r'<mark class="f-age kept"[^>]*>52-year-old<sup>age</sup></mark>', template)
    assert re.search(r'<mark class="f-drugs kept"[^>]*>cisplatin<sup>drugs</sup></mark>', template)
    assert re.search(r'<mark class="f-histology kept"[^>]*>squamous cell carcinoma', template)
    assert re.search(r'<mark class="f-wbc_values kept"', template)


def test_left_out_finding_is_struck_with_its_reason():
    page = _page([_case()], _Texts({"synthetic.txt": TEXT}))
    mark = re.search(r'<mark class="f-drugs out"[^>]*title="([^"]*)">bleomycin<sup class="why">([^<]*)</sup>', page)
    assert mark, "the other patient's drug is marked as left out"
    assert "another patient" in mark.group(2)
    assert "left out" in mark.group(1)
    css = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    assert re.search(r"mark\.out \{[^}]*line-through", css)


def test_left_out_mention_of_a_value_in_the_table_is_only_dotted():
    case = _case()
    start = TEXT.index("cisplatin")
    case.evidence.append(Evidence("drugs", "cisplatin", "x", start, start + 9, start, ("subject=unknown",), False))
    page = _page([case], _Texts({"synthetic.txt": TEXT}))
    # the kept finding wins the colour; the repeat is in the tooltip
    assert re.search(r'<mark class="f-drugs kept"[^>]*title="[^"]*in the table[^"]*from another sentence', page)


def test_overlapping_marks_keep_every_finding():
    text = "cervical squamous cell carcinoma"
    marks = [Mark(0, 32, "histology", "kept", "h", "histology"), Mark(0, 8, "primary_site", "kept", "s", "site")]
    html = marked_html(text, marks)
    assert 'id="s"' in html and 'id="h"' in html
    assert html.count("<mark") == 2  # cut where the site ends
    assert re.sub(r"<[^>]+>", "", html).replace("primary site", "").replace("histology", "") == text


def test_without_the_text_the_evidence_sentences_are_marked():
    page = _page([_case()], None)
    assert "Evidence sentences" in page
    assert re.search(r'<p>Another patient was given <mark class="f-drugs out"', page)


def test_report_texts_refuse_a_changed_file(tmp_path):
    (tmp_path / "synthetic.txt").write_text(TEXT, encoding="utf-8")
    texts = ReportTexts([tmp_path])
    case = _case()
    assert texts.text("synthetic.txt", case.evidence) == TEXT
    (tmp_path / "synthetic.txt").write_text("Edited. " + TEXT, encoding="utf-8")
    assert ReportTexts([tmp_path]).text("synthetic.txt", case.evidence) is None


def test_reports_of_several_patients_share_one_template():
    first, second = _case(), _case()
    second.case = 2
    page = _page([first, second, _case("other.txt")], _Texts({"synthetic.txt": TEXT}))
    assert page.count("<template id=") == 2
    assert "<h3>Patient 2</h3>" in page
    assert 'data-reports="2" data-patients="3"' in page


def test_plot_is_inlined():
    page = _page([_case()], None, plot=lambda case: '<svg id="x"><text>41.2</text></svg>')
    assert '<div class="plot" data-case="1"><svg id="x">' in page


def test_text_is_escaped():
    case = _case()
    case.title = '<script>alert("x")</script>'
    page = _page([case], _Texts({"synthetic.txt": TEXT.replace("Her", "<b>Her")}))
    assert '<script>alert' not in page


def test_cases_read_back_from_jsonl_make_the_same_page():
    case = _case()
    again = case_from_dict(json.loads(json.dumps(case.to_dict(), default=str)))
    texts = _Texts({"synthetic.txt": TEXT})
    assert _page([again], texts) == _page([case], texts)


@pytest.mark.parametrize("qualifiers, words", [(("negated",), "negated"), (("hypothetical",), "hypothetical"),
                                                (("section=discussion",), "discussion")])
def test_reasons_read_as_words(qualifiers, words):
    case = _case()
    start = TEXT.index("bleomycin")
    case.evidence[4] = Evidence("drugs", "bleomycin", "s", start, start + 9, start, qualifiers, False)
    page = _page([case], _Texts({"synthetic.txt": TEXT}))
    assert re.search(rf'<sup class="why">drugs: {words}</sup>', page)


def _numbered_plot(case):
    return f"<svg><text>{case.doc}</text></svg>"


def test_plots_drawn_in_processes_keep_the_order():
    cases = [_case(f"r{i}.txt") for i in range(12)]
    assert _page(cases, None, plot=_numbered_plot) == _page_jobs(cases, 2)


def _page_jobs(cases, jobs):
    out = io.BytesIO()
    write_html(cases, out, None, plot=_numbered_plot, jobs=jobs)
    return out.getvalue().decode("utf-8")
