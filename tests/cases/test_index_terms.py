"""The sex a PubMed page's MeSH terms give the patients of a report whose text names none, and the
sex a condition only one sex has gives them from the title (pages written for the tests)."""
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


SERIES = ("Accelerated silicosis in stonemasons\n\nAbstract\n\nWe report two patients who cut engineered stone. Patient 1 "
          "is a 34-year-old stonemason with cough and breathlessness. Patient 2 is a 41-year-old stonemason with cough "
          "and weight loss.\n\nMeSH terms\n\n  • Adult\n{tags}  • Humans\n  • Silicosis\n\n")


def test_the_check_tag_of_a_series_gives_its_patients_no_sex(full_nlp):
    # one tag says only that one of the patients is of that sex (the labels of 18 samples: 9 rows of 4 series
    # left without sex, none given the tag's)
    rows = report_cases(full_nlp, Report(name="p.txt", text=SERIES.format(tags="  • Male\n")))
    assert [r.sex for r in rows] == [None, None]


def test_the_check_tag_of_identical_twins_is_both_rows_sex(full_nlp):
    # twins of one egg are of one sex
    text = ("Silicosis in identical twins\n\nWe report two identical twins who worked as stonemasons. Twin A is 34 "
            "years old and had cough. Twin B had cough and weight loss.\n\nMeSH terms\n\n  • Adult\n  • Male\n"
            "  • Humans\n  • Silicosis\n\n")
    rows = report_cases(full_nlp, Report(name="p.txt", text=text))
    assert [r.sex for r in rows] == ["male", "male"]
    rows = report_cases(full_nlp, Report(name="p.txt", text=SERIES.format(tags="  • Female\n  • Male\n")))
    assert [r.sex for r in rows] == [None, None]


def test_a_condition_only_women_have_in_the_title_gives_the_patients_their_sex(full_nlp):
    title = "Dengue fever in pregnancy: report of two cases"
    text = (f"{title}\n\nAbstract\n\nCase 1: A 26-year-old primigravida at 30 weeks had fever and thrombocytopenia. "
            "Case 2: A 31-year-old at 34 weeks had fever, rash and bleeding gums.")
    rows = report_cases(full_nlp, Report(name="p.txt", text=text, title=title))
    assert [r.sex for r in rows] == ["female", "female"]
    [evidence] = [e for e in rows[1].evidence if e.field == "sex" and e.kept]
    assert evidence.sentence == title and "section=title" in evidence.qualifiers


def test_a_title_about_newborns_gives_them_no_mothers_sex(full_nlp):
    title = "Early-onset sepsis in preterm twins after a pregnancy with chorioamnionitis"
    text = (f"{title}\n\nAbstract\n\nTwin A was born at 30 weeks and developed sepsis on day 1. Twin B was born "
            "at 30 weeks and developed sepsis on day 2. Both recovered with ampicillin and gentamicin.")
    rows = report_cases(full_nlp, Report(name="p.txt", text=text, title=title))
    assert all(r.sex is None for r in rows)


def test_an_organ_only_one_sex_has_in_the_title_gives_the_patients_their_sex(full_nlp):
    title = "Unusual presentation of patients with prostate cancer: a report of three cases"
    text = (f"{title}\n\nAbstract\n\nThree patients aged 61, 66 and 72 years presented with paraplegia, "
            "jaundice and a neck mass. Biopsy showed adenocarcinoma in each.")
    rows = report_cases(full_nlp, Report(name="p.txt", text=text, title=title))
    assert [r.sex for r in rows] == ["male", "male", "male"]
    # ... not an organ both sexes have ("cervical" is also the neck's)
    title = "Cervical lymphadenopathy as the first sign of lymphoma: report of three cases"
    rows = report_cases(full_nlp, Report(name="p.txt", text=text.replace("prostate cancer", "lymphoma"), title=title))
    assert [r.sex for r in rows] == [None, None, None]
