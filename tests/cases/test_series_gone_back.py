"""A text that opens its patients in the running text ("In the first case, ... In the second
case, ...") and then goes back to an earlier one by name: that sentence and the ones after it are
the earlier patient's until a patient is opened again. A comparison with the earlier patient stays
with the patient of the part. Texts written for these tests."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def cases(nlp, text, title="Two cases of human rabies"):
    return report_cases(nlp, Report(name="t.txt", text=text, title=title))


GONE_BACK = (
    "Abstract Two cases of human rabies are reported. In the first case, a 42-year-old man was admitted "
    "with fever and hypersalivation. In the second case, a 36-year-old man was admitted with hydrophobia. "
    "Both patients required ventilator support. The saliva sample of the first case was positive for "
    "rabies virus. On the 19th day, he died of rabies encephalitis. The second case was discharged "
    "on the fifth day."
)


def test_a_sentence_that_goes_back_to_the_first_case_is_its_own_and_so_is_the_next(nlp):
    rows = cases(nlp, GONE_BACK)
    assert [(r.age, r.outcome) for r in rows] == [(42, "died"), (36, "recovered")]


def test_a_comparison_with_the_first_case_stays_with_the_second(nlp):
    text = ("Abstract Two cases of human rabies are reported. In the first case, a 42-year-old man was "
            "admitted with fever. He was given ribavirin. In the second case, a 36-year-old man was admitted "
            "with hydrophobia. Like the first case, he was given ketamine. He died on the second day.")
    rows = cases(nlp, text)
    assert [(r.drugs, r.outcome) for r in rows] == [(["ribavirin"], None), (["ketamine"], "died")]


def test_a_labelled_part_that_names_an_earlier_case_keeps_its_findings(nlp):
    text = ("Case 1 A 40-year-old woman presented with scaly plaques. She was treated with topical tacrolimus. "
            "Case 2 An 18-year-old woman presented with plaques on the face. All other settings of the "
            "evaluation were identical to case 1. Topical pimecrolimus was tolerated well.")
    rows = cases(nlp, text, title="Topical calcineurin inhibitors in discoid lupus: two cases")
    assert [r.drugs for r in rows] == [["tacrolimus"], ["pimecrolimus"]]


def test_a_later_section_that_goes_through_the_patients_again_gives_each_its_findings(nlp):
    text = ("Abstract We present three boys with abdominal lymphoma. Our first case was a 7-year-old boy with "
            "abdominal pain. The second case was an 8-year-old boy with vomiting. Our 3rd case was a 5-year-old "
            "boy with fever. Diagnoses: In the first case, the biopsy showed diffuse large B-cell lymphoma. "
            "In the second case, the biopsy confirmed Burkitt lymphoma. Regarding our 3rd case, the biopsy "
            "showed Hodgkin lymphoma.")
    rows = cases(nlp, text, title="Abdominal lymphoma in three boys")
    assert [(r.age, r.histology) for r in rows] == [
        (7, "diffuse large b-cell lymphoma"), (8, "burkitt lymphoma"), (5, "hodgkin lymphoma")]


def test_a_sentence_that_tells_of_the_first_and_then_the_second_goes_back_to_neither(nlp):
    text = ("Abstract Two young women had Wernicke syndrome after gastric bypass. The first patient had "
            "vomiting and diplopia. The second patient had vomiting and ataxia. Thiamine was started and the "
            "first patient recovered within a day while the second improved gradually.")
    rows = cases(nlp, text, title="Wernicke syndrome after gastric bypass: two cases")
    assert rows[1].drugs == ["thiamine"]


LABELLED_THEN_TOLD_AGAIN = (
    "We report three cases of ethylene glycol intoxication requiring critical care. Case 1 was an accidental "
    "intoxication in a 67 year-old male. Case 2 was a voluntary intoxication in a 56 year-old male. Case 3 was a "
    "voluntary intoxication in a 46 year-old female. At admission, case 1 showed metabolic acidosis and acute renal "
    "failure. The patient was intubated. Fomepizole was started 10 hours after admission. At admission in the ICU, "
    "case 2 was in a coma. Thiamine was started 18 h after admission. The third patient was not treated with an "
    "antidote."
)


def test_a_label_made_the_subject_of_its_clause_goes_back_to_its_patient(nlp):
    rows = cases(nlp, LABELLED_THEN_TOLD_AGAIN, title="Ethylene glycol intoxication: three cases")
    assert [r.drugs for r in rows] == [["fomepizole"], ["thiamine"], []]


def test_a_label_compared_with_in_a_labelled_part_stays_with_the_part(nlp):
    text = ("We report two cases of ethylene glycol intoxication. Case 1 was an accidental intoxication in a 67 "
            "year-old male who received fomepizole. Case 2 was a voluntary intoxication in a 56 year-old male. As "
            "in case 1, ethanol was not given; the patient received hemodialysis and fomepizole.")
    rows = cases(nlp, text, title="Ethylene glycol intoxication: two cases")
    assert [r.drugs for r in rows] == [["fomepizole"], ["fomepizole"]]


ABSTRACT_THEN_HEADINGS = (
    "Abstract\n\nWe report two cases of metastatic gastric cancer. The first case is a patient who developed "
    "skin metastases. {second} Such metastases are rare.\n\nCase 1\n\nIn March 2015, a 58 year old man was "
    "diagnosed with a gastric adenocarcinoma. He received oxaliplatin.\n{case2}"
)


@pytest.mark.parametrize("second, case2, expected", [
    # the abstract opens both patients by ordinals, the case description retells them under headings
    ("The second case is a patient with adrenal metastases.",
     "\nCase 2\n\nA 47-year-old woman was diagnosed in 2016 with a signet ring cell carcinoma. She received docetaxel.\n",
     [(58, ["oxaliplatin"], ["2015-03"]), (47, ["docetaxel"], ["2016"])]),
    ("In the second case, adrenal metastases were found by PET/CT.",
     "\nCase 2\n\nA 47-year-old woman was diagnosed in 2016 with a signet ring cell carcinoma. She received docetaxel.\n",
     [(58, ["oxaliplatin"], ["2015-03"]), (47, ["docetaxel"], ["2016"])]),
    # ... the page cut after "Case 1": its text is still the first patient's
    ("In the second case, adrenal metastases were found by PET/CT.", "", [(58, ["oxaliplatin"], ["2015-03"]), (None, [], [])]),
])
def test_the_text_under_a_later_case_heading_is_that_patients(nlp, second, case2, expected):
    text = ABSTRACT_THEN_HEADINGS.format(second=second, case2=case2)
    rows = cases(nlp, text, title="Skin metastases of gastric cancer: two cases")
    assert [(r.age, r.drugs, r.dates) for r in rows] == expected
