"""Which outcome statement is the case's (status at last follow-up), on sentences written for
the tests."""
import pytest

from pipeline.api import report_cases
from pipeline.cases.outcome_choice import choose_outcome
from pipeline.ingest.report import Report
from mention_helpers import as_mentions
from case_outcome_helpers import chosen, full_nlp, only_case, outcomes, sites_outcome_nlp  # noqa: F401 (the shared fixtures)


@pytest.fixture(scope="module")
def nlp(sites_outcome_nlp):
    return sites_outcome_nlp


@pytest.mark.parametrize(
    "text, expected",
    [
        # a later death beats an earlier remission
        ("She had cervical cancer. She achieved complete remission. Two years later she died of sepsis.", "died"),
        # the status said to be current beats a mid-treatment response
        ("She had cervical cancer. A partial response was seen after two cycles. At the last follow-up she "
         "was alive without evidence of disease.", "no evidence of disease"),
        # a non-cancer case: recovery wording, and its remission wording, are "recovered"
        ("He was admitted with a psoas abscess. The symptoms subsided after drainage.", "recovered"),
        ("She had dermatomyositis. The rash showed complete resolution on steroids.", "recovered"),
        ("He had a perianal abscess. He is doing well one year later.", "recovered"),
        # a follow-up told uneventful: recovered in a non-cancer case, no evidence of disease in a cancer case
        ("He had a femoral fracture. Clinical and radiological follow-up one year after the operation were "
         "satisfactory.", "recovered"),
        ("She had a parotid carcinoma. The results of the follow-up examination were unremarkable after "
         "11 months.", "no evidence of disease"),
        # a non-cancer case's "progression" says nothing of the contract's values
        ("He had glomerulonephritis with rapid progression of the disease.", None),
        # a cancer case: "recovered" from an operation is no cancer status
        ("She had endometrial cancer. She recovered uneventfully from the hysterectomy.", None),
        # the status the course overcame is not the end of it
        ("He had advanced hepatocellular carcinoma. He achieved a late partial response by continuing sorafenib "
         "in spite of the progressive disease.", "partial response"),
    ],
)
def test_outcome_choice(nlp, text, expected):
    assert chosen(nlp, text) == expected


def test_a_metastasis_named_before_the_remission_does_not_undo_it(nlp):
    text = ("She had breast cancer with a metastasis to the cervix. Brachytherapy was given. She achieved a "
            "complete response locally. Treatment options for cervical metastases are few.")
    assert chosen(nlp, text) == "complete remission"


def test_a_new_metastasis_after_the_remission_undoes_it(nlp):
    text = "She had cervical cancer. She achieved complete remission. A year later a lung metastasis was found."
    assert chosen(nlp, text) is None


@pytest.mark.parametrize("framing", [
    "We report a patient with metastatic melanoma who experienced complete remission on pembrolizumab.",
    "Here we describe a woman with cervical cancer who achieved complete remission after chemotherapy.",
])
def test_a_remission_told_when_the_report_introduces_its_patient_is_the_end_of_the_story(nlp, framing):
    # the story told after the framing sentence, with its metastases, came before the remission
    text = framing + " In 2012, a 70-year-old woman was diagnosed with cervical cancer. A year later a lung metastasis was found."
    assert chosen(nlp, text) == "complete remission"


def test_a_later_status_of_the_story_still_replaces_the_framing_one(nlp):
    text = ("We report a woman with cervical cancer who achieved complete remission after chemotherapy. "
            "A year later a lung metastasis was found. She died of progressive disease two months later.")
    assert chosen(nlp, text) == "died"


def test_no_recurrence_in_the_sentence_of_a_metastasis_describes_the_spread(nlp):
    text = ("She had cervical cancer. Two years later metastases developed in the spleen and the skin "
            "without local recurrence.")
    assert chosen(nlp, text) is None


def test_a_comment_naming_a_metastasis_does_not_undo_the_remission(nlp):
    text = ("She had breast cancer. She achieved a complete response after brachytherapy. "
            "This offers an option for patients with inoperable vaginal metastases.")
    assert chosen(nlp, text) == "complete remission"


def test_a_later_event_at_a_site_named_before_undoes_the_remission(nlp):
    # the new metastases are the progression (RECIST 1.1: a new lesion), the remission out of date
    text = ("She had cervical cancer with a lung metastasis. She achieved complete remission after "
            "chemotherapy. Six months later, CT showed new lung metastases.")
    assert chosen(nlp, text) == "progressive disease"


def test_a_relatives_death_is_not_the_patients(nlp):
    text = ("He was admitted with haematuria. His brother, who had the same disorder, died in an accident. "
            "He was discharged in good condition.")
    assert chosen(nlp, text) == "recovered"




def test_a_case_whose_only_cancer_is_remote_history_reads_recovery(full_nlp):
    text = ("Case report\nA 71-year-old woman with a history of breast cancer treated by mastectomy eight years "
            "earlier was admitted in myxedema coma. She was given levothyroxine and hydrocortisone, and she "
            "showed progressive improvement and was discharged in good condition.")
    case = only_case(full_nlp, text)
    assert case.primary_site is None
    assert case.outcome == "recovered"


@pytest.mark.parametrize("discussion, expected", [
    ("Closed reduction and immobilisation of the elbow gave a favourable final outcome.", "recovered"),
    # the literature's or patients' in general: no fallback
    ("In a series of twelve children, most recovered after closed reduction [4].", None),
    # an earlier report's patient (a history cue, no "our patient")
    ("A previously described patient died of septic shock after an open reduction.", None),
    ("Our patient, previously treated with a cast, recovered fully after the reduction.", "recovered"),
])
def test_the_discussion_gives_the_status_only_when_the_case_states_none(full_nlp, discussion, expected):
    text = ("Case presentation\nA 34-year-old man fell from a ladder and dislocated his radial head. "
            "It was reduced under anaesthesia.\nDiscussion\n" + discussion + "\n")
    assert only_case(full_nlp, text).outcome == expected


@pytest.mark.parametrize("background, expected", [
    # the patient's own story told under the background heading
    ("However, she eventually died of the disease.", "died"),
    # another report's patient, or patients in general: no fallback
    ("Patients usually do well, but one patient reported by Lee died.", None),
])
def test_the_background_gives_the_patients_status_only_when_the_case_states_none(full_nlp, background, expected):
    text = ("Introduction\nPulmonary sclerosing pneumocytoma is a rare lung tumour. " + background + "\nCase presentation\n"
            "A 50-year-old woman had a lung mass. Biopsy showed a sclerosing pneumocytoma with bone metastases.\n"
            "Discussion\nSpread is rare.\n")
    assert only_case(full_nlp, text).outcome == expected


def test_a_negation_of_an_earlier_clause_before_the_groups_past_verb_does_not_negate_it(full_nlp):
    text = ("Case report. We report two sisters with peripartum cardiomyopathy. Case 1\nA 31-year-old woman was treated "
            "with bromocriptine.\nCase 2\nA 28-year-old woman was treated with bromocriptine.\nOutcome\nNeither "
            "patient had a thrombotic event, and both experienced marked improvements in cardiac function.\n")
    assert outcomes(full_nlp, text) == ["recovered", "recovered"]


def test_a_negation_of_an_earlier_clause_does_not_negate_the_status(full_nlp):
    text = ("Case report\nA 64-year-old woman was admitted with meningitis and treated with gentamicin. She did "
            "not develop hearing loss and was discharged home on day 12.")
    assert only_case(full_nlp, text).outcome == "recovered"


def test_a_death_after_a_negated_clause_is_the_patients(full_nlp):
    text = ("Case report\nA 58-year-old man was admitted with pneumonia. He was not improved by the antibiotics "
            "and eventually died of respiratory failure on day 9.")
    assert only_case(full_nlp, text).outcome == "died"


def test_a_negated_status_stays_negated(full_nlp):
    text = ("Case report\nA 58-year-old man was admitted with pneumonia. His condition worsened and he was not "
            "discharged.")
    assert only_case(full_nlp, text).outcome is None


def test_a_named_cancer_type_without_a_listed_organ_reads_cancer_statuses(full_nlp):
    # no organ of the site list, but a lymphoma: a cancer case, so remission is a remission
    text = ("Case report\nA 45-year-old woman was diagnosed with Burkitt lymphoma and treated with R-CHOP. "
            "She is still in remission two years later.")
    case = only_case(full_nlp, text)
    assert case.outcome == "complete remission"


def chosen_in_one_patient_report(nlp, text):
    doc = nlp(text)
    mentions = as_mentions(doc, ["sites", "outcome"])
    outcome = choose_outcome([m for m in mentions if m.group == "outcome"], [m for m in mentions if m.group == "sites"],
                             one_patient=True)
    return outcome.value.category if outcome else None


@pytest.mark.parametrize(
    "text, expected",
    [
        # an earlier episode's recovery, then the current admission: the report states no status
        ("At age 12 she had myocarditis, and her symptoms resolved on treatment. At the current admission she "
         "reported palpitations. An implantable defibrillator was placed.", None),
        ("He was discharged home on day 6. Four days later he returned to the emergency department with "
         "abdominal pain. A CT scan showed an adrenal mass.", None),
        # a recovery told after the readmission is the status
        ("She was discharged on day 5. She was readmitted with a wound infection. The infection resolved on "
         "antibiotics.", "recovered"),
        # without a new admission nothing changes
        ("He was discharged home on day 6 and remained well.", "recovered"),
        # a visit to the clinic is a follow-up, not an admission
        ("He was discharged home on day 6. He returned to the outpatient clinic for removal of the sutures.",
         "recovered"),
    ],
)
def test_a_recovery_before_a_new_admission_is_an_earlier_episode(nlp, text, expected):
    assert chosen_in_one_patient_report(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an improvement that the course undoes: no status at the end
        ("His condition improved over two days. On day 5 the fever returned and a second collection was "
         "drained. He remains in hospital on intravenous antibiotics.", None),
        ("Her symptoms resolved on steroids. Two weeks later her condition deteriorated.", None),
        # a recovery told after the worsening is the status
        ("Her condition deteriorated on day 3. After drainage she recovered and was discharged on day 12.",
         "recovered"),
        # "not" and a return "to" baseline are no worsening
        ("The rash resolved with steroids and her symptoms have not returned.", "recovered"),
        ("He was discharged on day 6; his pain returned to baseline levels.", "recovered"),
    ],
)
def test_a_recovery_undone_by_a_later_worsening(nlp, text, expected):
    assert chosen_in_one_patient_report(nlp, text) == expected


def test_a_new_admission_in_a_report_of_several_patients_may_be_the_next_patients(nlp):
    text = "He was discharged home on day 6. The second patient was readmitted a week later."
    assert chosen(nlp, text) == "recovered"


def test_a_case_with_metastases_reads_cancer_statuses(full_nlp):
    # no type the lexicon reads, but the patient's bone metastases make it a tumour report:
    # its regression is a partial response, not a recovery (ANNOTATION.md: outcome)
    text = ("Case report\nA 45-year-old man presented with cough. CT showed a perihilar mass with multiple lytic "
            "lesions consistent with bony metastases. Pathology of the mass showed spindle cells positive for CD34. "
            "His symptoms resolved, and a repeat CT at three months showed marked regression of the disease "
            "with disappearance of most lesions.")
    case = only_case(full_nlp, text)
    assert case.metastasis_sites == ["bone"]
    assert case.outcome == "partial response"


def test_a_donors_death_and_drugs_are_not_the_recipients(full_nlp):
    text = ("Case report\nA 52-year-old man underwent kidney transplantation. The donor, a 38-year-old woman who had "
            "been treated with vancomycin in the intensive care unit, died of a subarachnoid haemorrhage. "
            "He received tacrolimus and mycophenolate mofetil and was discharged in good condition.")
    case = only_case(full_nlp, text)
    assert (case.age, case.sex) == (52, "male")
    assert case.drugs == ["mycophenolate mofetil", "tacrolimus"]
    assert case.outcome == "recovered"


def test_a_remote_cancer_named_by_its_type_makes_no_cancer_case(full_nlp):
    text = ("Case report\nA 71-year-old woman with a history of invasive ductal carcinoma of the breast treated by "
            "mastectomy eight years earlier was admitted in myxedema coma. She was given levothyroxine, and she "
            "showed progressive improvement and was discharged in good condition.")
    case = only_case(full_nlp, text)
    assert (case.primary_site, case.histology) == (None, None)
    assert case.outcome == "recovered"


def test_a_cancer_of_the_history_not_put_years_back_is_the_cases(full_nlp):
    text = ("Case report\nA 50-year-old man with a history of mucinous adenocarcinoma of the appendix presented "
            "with a desquamating rash. He was given zinc sulfate and the rash resolved.")
    case = only_case(full_nlp, text)
    assert case.histology == "mucinous adenocarcinoma"


SERIES_CASES = ("Osteomyelitis in three children: a case series\n\n"
                "Case 1\nA 7-year-old boy presented with fever and thigh pain. MRI showed osteomyelitis of the femur.\n\n"
                "Case 2\nA 9-year-old girl presented with a limp. Blood cultures grew Staphylococcus aureus.\n\n"
                "Case 3\nA 4-year-old boy presented with a swollen ankle and fever.\n\n")


def outcomes_of_series(nlp, closing, discussion="Osteomyelitis is common in children."):
    text = SERIES_CASES + (f"Outcome\n{closing}\n\n" if closing else "") + f"Discussion\n{discussion}\n"
    return [case.outcome for case in report_cases(nlp, Report(name="t.txt", text=text))]


@pytest.mark.parametrize(
    "closing, expected",
    [
        # patients named by their numbers: those rows only
        ("Cases 1 and 3 recovered fully. Case 2 died of septic shock on day 4.", ["recovered", "died", "recovered"]),
        ("Patients 1-3 were discharged home without sequelae.", ["recovered", "recovered", "recovered"]),
        ("Cases 2 and 3 made a full recovery.", [None, "recovered", "recovered"]),
        # Roman numerals name the rows as digits do
        ("The patient in case I was ultimately not salvageable. The patient in case III was successfully cured.",
         ["died", None, "recovered"]),
        # a group named without numbers is every row's, as before
        ("All three children made a full recovery.", ["recovered", "recovered", "recovered"]),
    ],
)
def test_a_status_of_patients_named_by_number_is_theirs_only(full_nlp, closing, expected):
    assert outcomes_of_series(full_nlp, closing) == expected


def test_a_numbered_patient_of_the_literature_gives_no_status(full_nlp):
    text = ("Case report\nA 60-year-old man presented with fever and back pain. MRI showed spondylodiscitis. "
            "He was treated with ceftriaxone.\n\nDiscussion\nIn the series of Lee et al., patient 1 died of "
            "sepsis and patients 2 and 3 recovered [4].\n")
    assert only_case(full_nlp, text).outcome is None


def test_numbers_named_before_another_subject_do_not_bind_the_status(full_nlp):
    # "cases 1 and 2" are not the subject of "she died": the third patient's status stays hers
    rows = outcomes_of_series(full_nlp, "Unlike cases 1 and 2, she died of septic shock on day 4.")
    assert rows[2] == "died"


def test_a_patient_named_by_number_alone_is_that_row(full_nlp):
    assert outcomes_of_series(full_nlp, "Patient 2 died of septic shock on day 4.") == [None, "died", None]


@pytest.mark.parametrize("closing", [
    "The three patients recovered completely and were discharged.",
    "All three patients showed positive outcomes and early recovery.",
])
def test_the_reported_group_named_by_its_count_in_the_discussion_is_every_rows(full_nlp, closing):
    discussion = f"Osteomyelitis is common in children. {closing}"
    assert outcomes_of_series(full_nlp, None, discussion) == ["recovered"] * 3


def test_a_counted_group_of_the_literature_in_the_discussion_is_no_rows_status(full_nlp):
    discussion = "The two patients reported by Lee et al. recovered completely [4]."
    assert outcomes_of_series(full_nlp, None, discussion) == [None] * 3


def test_a_mother_discharged_with_her_baby_has_recovered(full_nlp):
    text = ("A 31-year-old woman with a previous caesarean section presented in labour at 40 weeks. Laparotomy showed "
            "a uterine rupture; a live boy was delivered and the uterus was repaired. On the sixth day the woman and "
            "her baby were discharged home without complications.")
    assert only_case(full_nlp, text).outcome == "recovered"


def test_a_cardiac_arrest_survived_is_a_recovery_but_a_survival_time_is_not(full_nlp):
    survived = ("A 50-year-old man had a cardiac arrest after a viper bite and was given antivenom. "
                "He survived the cardiac arrest.")
    assert only_case(full_nlp, survived).outcome == "recovered"
    time = ("A 50-year-old man had an anaplastic thyroid carcinoma treated with doxorubicin. "
            "He survived 14 months after the diagnosis.")
    assert only_case(full_nlp, time).outcome == "died"


def test_a_remission_accomplished_in_a_non_cancer_case_is_a_recovery(full_nlp):
    text = ("A 48-year-old woman had autoimmune hepatitis. Mycophenolate mofetil was given and the patient was able "
            "to accomplish remission with these treatments.")
    assert only_case(full_nlp, text).outcome == "recovered"


@pytest.mark.parametrize("text, expected", [
    ("A 50-year-old woman had a cervical cancer treated with radical hysterectomy. Her last PET-CT, 3 years after "
     "surgery, was negative.", "no evidence of disease"),
    ("A 40-year-old man with lung cancer received pembrolizumab. CT showed shrinkage of the primary tumour and "
     "the liver metastases.", "partial response"),
    ("A 40-year-old man with lung cancer received pembrolizumab. The patient is alive and continues to receive "
     "chemotherapy.", "alive with disease"),
    ("A 35-year-old man had pulmonary tuberculosis. He completed treatment and his sputum cultures became "
     "negative.", "recovered"),
    ("An 8-month-old infant had Kawasaki disease. At follow-up, echocardiography showed normal coronary "
     "arteries.", "recovered"),
    ("A 45-year-old woman had drug-induced hepatitis. Liver enzymes normalized within 4 weeks after withdrawal "
     "of the drug.", "recovered"),
])
def test_endings_told_by_a_test_or_a_treatment_that_goes_on(full_nlp, text, expected):
    assert only_case(full_nlp, text).outcome == expected


@pytest.mark.parametrize("text, expected", [
    ("A 2-year-old girl had nephrotic syndrome. Proteinuria resolved after 2 weeks of prednisolone.", "recovered"),
    ("A 60-year-old man had an organophosphate poisoning. Cardiac arrest occurred on day 2 and resuscitation failed.",
     "died"),
    ("A 65-year-old man had a renal cell carcinoma removed by nephrectomy. Surveillance imaging has remained "
     "negative.", "no evidence of disease"),
    ("A 65-year-old man had metastatic renal cell carcinoma treated with sunitinib. Progression was noted after "
     "6 cycles.", "progressive disease"),
    ("A 65-year-old man had metastatic renal cell carcinoma treated with sunitinib. No progression was noted "
     "after 6 cycles.", "stable disease"),
])
def test_endings_of_a_second_family_of_wordings(full_nlp, text, expected):
    assert only_case(full_nlp, text).outcome == expected


@pytest.mark.parametrize("closing", [
    "This is an informative case of a pancreatic cancer with a synchronous liver metastasis that responded to "
    "chemotherapy, allowing for subsequent resection.",
    "This case report has shown that surgery with targeted treatment is effective for tumours with liver metastases.",
    "In conclusion, liver metastases of pancreatic cancer later treated by conversion surgery may be cured.",
    "Curative resection must be considered for a patient with a liver recurrence of pancreatic cancer.",
])
def test_a_sentence_that_retells_the_case_or_advises_does_not_undo_the_status(nlp, closing):
    text = ("He had pancreatic cancer with a liver metastasis. After chemotherapy and resection he is alive "
            "with no recurrence 32 months later. " + closing)
    assert chosen(nlp, text) == "no evidence of disease"


def test_a_new_metastasis_after_the_status_still_undoes_it(nlp):
    text = ("He had pancreatic cancer with a liver metastasis. After resection he was free of recurrence. "
            "Six months later, new lung metastases were found.")
    assert chosen(nlp, text) != "no evidence of disease"


def test_a_relative_clauses_now_is_no_last_follow_up(full_nlp):
    text = ("In July 2020, a 73-year-old man underwent resection of a hepatocellular carcinoma. Postoperative MRI "
            "showed a new metastasis in the liver and a portal vein thrombus which now affected the whole right lobe. "
            "He was started on sorafenib and demonstrated a complete response which still lasts.")
    assert outcomes(full_nlp, text) == ["complete remission"]


def test_a_status_said_of_the_present_after_the_spread_in_its_sentence_is_the_patients(full_nlp):
    text = ("A 60-year-old man had renal cell carcinoma with a pancreatic metastasis treated with sunitinib. The "
            "pancreatic metastasis totally regressed after treatment and nowadays, four years after the diagnosis, "
            "the patient is disease-free.")
    assert outcomes(full_nlp, text) == ["no evidence of disease"]


@pytest.mark.parametrize("text, expected", [
    # alive, and the report tells the disease spread: alive with disease
    ("A 61-year-old man had mandible metastasis from non-small-cell lung cancer. He received palliative "
     "radiotherapy. The patient is still alive, 18 months after diagnosis.", "alive with disease"),
    ("A 60-year-old woman had gastric adenocarcinoma with liver metastases. After resection she remains alive "
     "8 months after the operation.", "alive with disease"),
    # alive and nothing said of spread, or another status said: that status, or none
    ("A 61-year-old man had lung adenocarcinoma. He underwent lobectomy. The patient is still alive, 18 months "
     "after diagnosis.", None),
    ("A 45-year-old woman had breast cancer with lung metastases. She achieved a complete remission with "
     "chemotherapy and is still alive, 3 years later.", "complete remission"),
    ("A 30-year-old man had a liver abscess. He is alive 2 months after drainage.", None),
])
def test_a_patient_told_alive_and_nothing_more(full_nlp, text, expected):
    assert only_case(full_nlp, text).outcome == expected
