"""A one-patient report whose title calls the case fatal, or tells a non-cancer case's recovery,
and whose text states no status the row takes: the patient died, or recovered
(models/outcome/outcome.toml [title]). Reports written for the tests."""
import pytest

from case_outcome_helpers import full_nlp  # noqa: F401 (the shared fixture)
from pipeline.api import report_cases
from pipeline.ingest.report import Report

BODY = ("Case presentation\nA 52-year-old man, three months after kidney transplantation, presented with "
        "fever and abdominal pain. Larvae were found in his sputum. He received ivermectin and required "
        "mechanical ventilation for respiratory failure.\n")


def outcome_of(nlp, title, body=BODY):
    [case] = report_cases(nlp, Report(name="t.txt", text=title + "\n\n" + body, title=title))
    return case


@pytest.mark.parametrize("title, expected", [
    ("Fatal disseminated strongyloidiasis in a renal transplant recipient", "died"),
    ("A fatal case of disseminated strongyloidiasis after kidney transplantation", "died"),
    ("Disseminated strongyloidiasis with a fatal outcome in a transplant recipient", "died"),
    ("Disseminated strongyloidiasis in a transplant recipient: multiple fatal complications", "died"),
    ("Intestinal perforation: a fatal complication of strongyloidiasis", "died"),
    # a danger, a survival, or several patients: no death of this patient
    ("Near-fatal disseminated strongyloidiasis in a renal transplant recipient", None),
    ("Potentially fatal strongyloidiasis successfully treated with ivermectin", None),
    ("Fatal strongyloidiasis in transplant recipients: a case series", None),
    ("Disseminated strongyloidiasis in a renal transplant recipient", None),
    # a recovery the title tells of a non-cancer case
    ("Disseminated strongyloidiasis successfully treated with ivermectin and albendazole", "recovered"),
    ("Full recovery from disseminated strongyloidiasis in a renal transplant recipient", "recovered"),
    ("Survival after disseminated strongyloidiasis in a renal transplant recipient", "recovered"),
    ("Unsuccessful treatment of disseminated strongyloidiasis in a transplant recipient", None),
    ("Strongyloides hyperinfection in the recovery phase of a kidney transplantation", None),
    # the patient's death named, also in a case report "and review of the literature"
    ("Case report: Bittersweet death", "died"),
    ("Premature death due to disseminated strongyloidiasis in a transplant recipient", "died"),
    ("Strongyloidiasis evolving with multiple organ failure and death: a case report and review of the literature",
     "died"),
    # another's death, a death averted, a risk of it, a "death cap"
    ("Strongyloidiasis after kidney transplantation: near-death and recovery", None),
    ("Strongyloidiasis in pregnancy with intrauterine fetal death", None),
    ("Prevention of death from strongyloidiasis in transplant recipients", None),
    ("Strongyloidiasis after death cap mushroom poisoning", None),
])
def test_a_fatal_title(full_nlp, title, expected):
    case = outcome_of(full_nlp, title)
    assert case.outcome == expected
    if expected:
        [evidence] = [e for e in case.evidence if e.field == "outcome" and e.kept]
        assert evidence.sentence == title


def test_the_text_status_wins_over_the_title(full_nlp):
    body = BODY + "He improved and was discharged in good condition on day 30.\n"
    assert outcome_of(full_nlp, "Fatal strongyloidiasis in a transplant recipient?", body).outcome == "recovered"


def test_a_status_in_the_narrative_present(full_nlp):
    body = BODY + "Despite treatment his condition deteriorated and he succumbs to multiorgan failure on day 9.\n"
    assert outcome_of(full_nlp, "Disseminated strongyloidiasis in a renal transplant recipient", body).outcome == "died"


def test_a_recovery_title_of_a_cancer_case_gives_nothing(full_nlp):
    body = ("Case presentation\nA 52-year-old man presented with haematuria. Cystoscopy showed a bladder tumour "
            "and biopsy revealed urothelial carcinoma. He underwent radical cystectomy.\n")
    assert outcome_of(full_nlp, "Urothelial carcinoma of the bladder successfully treated by cystectomy", body).outcome is None


CANCER_BODY = ("Case presentation\nA 45-year-old man presented with a neck mass. Biopsy of the nasopharynx showed "
               "nasopharyngeal carcinoma with a single bone metastasis. He received radiotherapy alone.\n")


@pytest.mark.parametrize("title, expected", [
    # a cancer patient's survival free of disease that the title tells
    ("Long-term disease-free survival of a patient with oligometastatic nasopharyngeal carcinoma", "no evidence of disease"),
    # a series' survival, or its predictors, are no patient's status
    ("Disease-free survival of patients with oligometastatic nasopharyngeal carcinoma", None),
    ("Predictors of disease-free survival in oligometastatic nasopharyngeal carcinoma", None),
])
def test_a_disease_free_title_of_a_cancer_case(full_nlp, title, expected):
    assert outcome_of(full_nlp, title, CANCER_BODY).outcome == expected


SERIES = ("We report one case of a 46-year-old woman who developed stupor on day 7 and the other case of a "
          "56-year-old woman with dysarthria on day 3 after the correction of hyponatremia. By MRI, the first case "
          "was diagnosed as pontine myelinolysis and the second case as extrapontine myelinolysis.\n")


@pytest.mark.parametrize("title, expected", [
    ("Complete neurological recovery in two cases of osmotic demyelination syndrome", ["recovered", "recovered"]),
    ("Osmotic demyelination syndrome: revisiting the diagnostic criteria through two fatal cases", ["died", "died"]),
    # a death among several patients says nothing of each one
    ("Accidental death after hyponatremia correction: report of two cases", [None, None]),
])
def test_a_title_that_tells_how_every_patient_ended(full_nlp, title, expected):
    rows = report_cases(full_nlp, Report(name="t.txt", text=title + "\n\n" + SERIES, title=title))
    assert [r.outcome for r in rows] == expected
