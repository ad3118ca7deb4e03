"""The sex a PubMed page's MeSH terms give a one-patient report whose text names none (pages
written for the tests)."""
from case_outcome_helpers import full_nlp  # noqa: F401 (the shared fixture)
from pipeline.api import report_cases
from pipeline.ingest.report import Report

PAGE = ("Scrub typhus presenting as recurrent meningitis\n\nAbstract\n\nA 34-year-old patient presented with "
        "fever and headache for the third time in a year. Doxycycline was given and the fever settled.\n\n"
        "MeSH terms\n\n  • Adult\n  • Doxycycline / therapeutic use\n{tags}  • Humans\n  • Meningitis\n\n"
        "Substances\n\n  • Doxycycline\n")


def row(nlp, tags, page=PAGE):
    [case] = report_cases(nlp, Report(name="p.txt", text=page.format(tags=tags)))
    return case


def test_the_check_tag_gives_the_sex_the_text_does_not_name(full_nlp):
    case = row(full_nlp, "  • Female\n")
    assert case.sex == "female"
    [evidence] = [e for e in case.evidence if e.field == "sex" and e.kept]
    assert evidence.sentence == "Female" and "section=index terms" in evidence.qualifiers


def test_both_check_tags_or_none_give_nothing(full_nlp):
    assert row(full_nlp, "  • Female\n  • Male\n").sex is None
    assert row(full_nlp, "").sex is None


def test_the_text_names_the_sex_before_the_tags(full_nlp):
    page = PAGE.replace("A 34-year-old patient", "A 34-year-old man")
    assert row(full_nlp, "  • Female\n", page).sex == "male"
