"""Other names of the discussion and the conclusion open their sections, so the discussion's
general statements on drugs stay out of the case."""
import pytest

from section_helpers import nlp, section_of  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("heading, section", [
    ("Case discussion", "discussion"), ("Clinical discussion", "discussion"),
    ("Discussion of the case", "discussion"), ("Review and discussion", "discussion"),
    ("Discussion and review of literature", "discussion"), ("Commentary", "discussion"),
    ("Brief review of literature", "discussion"), ("Literature survey", "discussion"),
    ("Summary and conclusion", "conclusion"), ("Final considerations", "conclusion"),
])
def test_other_names_of_the_discussion_and_conclusion(nlp, heading, section):
    doc = nlp(f"Case presentation\n\nA 52-year-old man was admitted with fever.\n\n{heading}\n\n"
              "Linezolid is given when the organism resists the first drug.\n")
    assert section_of(doc, "Linezolid is given") == section
    assert section_of(doc, "A 52-year-old man") == "case"


@pytest.mark.parametrize("introduction, method, results", [
    ("Introducción:", "Métodos:", "Resultados:"),
    ("Introdução:", "Material e métodos:", "Resultados:"),
    ("Introduction :", "Matériel et méthodes :", "Résultats :"),
    ("Einleitung:", "Methoden:", "Ergebnisse:"),
])
def test_a_poster_abstract_in_imrad_form_keeps_its_patient_in_other_languages(nlp, introduction, method, results):
    doc = nlp(f"Congress poster\n\n{introduction} Chest pain in children is rarely cardiac.\n\n"
              f"{method} A 9-year-old boy was admitted with chest pain.\n\n"
              f"{results} Echocardiography was normal.\nHe was discharged home on the second day.\n")
    assert section_of(doc, "Chest pain in children") == "background"
    assert section_of(doc, "A 9-year-old boy") == "case"
    assert section_of(doc, "He was discharged home") == "case"


def test_a_bmj_case_reports_differential_diagnosis_heading_stays_in_the_case(nlp):
    # BMJ Case Reports tell the patient under "Differential diagnosis" between the investigations and the
    # treatment: the case goes on there
    doc = nlp("Case presentation\n\nA 52-year-old man was admitted with fever.\n\nDifferential diagnosis\n\n"
              "His biopsy showed a lymphoma rather than tuberculosis.\n\nTreatment\n\nHe received rituximab.\n")
    assert section_of(doc, "His biopsy showed") == "case"
