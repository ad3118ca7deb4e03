"""Outcome cells of patients announced together and told in one text (no "Case 1" heading):
each row takes the status said of it by number, by order, or of the patients as a group;
reports written for the tests."""
from case_outcome_helpers import full_nlp, outcomes  # noqa: F401 (the shared fixture)


def test_numbered_statuses_go_to_their_rows(full_nlp):
    text = ("We report two cases of invasive sinus aspergillosis: a 70-year-old woman and a 45-year-old man. "
            "Both underwent debridement and received voriconazole. Patient 1 died of pneumonia two months later. "
            "Patient 2 recovered fully and was well at one year.")
    assert outcomes(full_nlp, text) == ["died", "recovered"]


def test_ordinal_statuses_go_to_their_rows(full_nlp):
    text = ("We report two cases of septic melioidosis in Taiwan. The first patient was a 66-year-old woman with "
            "cirrhosis and the second patient a 58-year-old man with pneumonia. The first patient died of septic "
            "shock on day 2. The second patient survived after four weeks of ceftazidime.")
    assert outcomes(full_nlp, text) == ["died", "recovered"]


def test_ordinals_without_a_noun_before_a_verb_name_their_rows(full_nlp):
    text = ("Two cases of copper storage disease are reported. First case presented with acute liver failure and "
            "had a fatal outcome. The second had a slow onset and is progressing satisfactorily on zinc.")
    assert outcomes(full_nlp, text) == ["died", "recovered"]


def test_a_status_of_the_announced_patients_is_every_rows(full_nlp):
    text = ("Here we describe two patients who were admitted with encephalitis after a dog bite and who died "
            "despite intensive care.")
    assert outcomes(full_nlp, text) == ["died", "died"]


def test_a_status_of_our_counted_cases_or_of_the_twins_now_is_every_rows(full_nlp):
    # "Our two cases" names the report's patients as a group; "are currently asymptomatic" is their state now
    text = ("We report two cases of metaplastic carcinoma of the breast in women aged 45 and 52. Both underwent "
            "mastectomy. Our two cases were MPCs and no recurrence has been detected 5 and 3 years from the initial "
            "therapy, respectively.")
    assert outcomes(full_nlp, text) == ["no evidence of disease"] * 2
    text = ("We report twins with congenital heart block diagnosed at birth. Twin A had a pacemaker implanted at "
            "day 3. Twin B had a pacemaker implanted at day 10. The twins are currently asymptomatic.")
    assert outcomes(full_nlp, text) == ["recovered"] * 2


def test_a_status_of_our_counted_cases_in_the_last_part_is_every_parts(full_nlp):
    text = ("Case 1\nA 45-year-old woman had a breast lump; mastectomy showed a metaplastic breast carcinoma.\n\n"
            "Case 2\nA 52-year-old woman had a metaplastic carcinoma of the breast, resected. Our two cases were MPCs "
            "and no recurrence has been detected 5 and 3 years from the initial therapy, respectively.\n")
    assert outcomes(full_nlp, text) == ["no evidence of disease"] * 2


def test_the_other_cases_after_a_numbered_one_are_every_other_row(full_nlp):
    text = ("We report four patients with psittacosis pneumonia. Case 1 was a 60-year-old man with fever. Case 2 was "
            "a 70-year-old woman with cough. Case 3 was a 50-year-old man with fever. Case 4 was a 45-year-old woman "
            "with fever. Unfortunately, case 2 passed away due to sepsis, while the other cases recovered.")
    assert outcomes(full_nlp, text) == ["recovered", "died", "recovered", "recovered"]


def test_the_last_case_opened_in_the_running_text_takes_its_own_status(full_nlp):
    text = ("Primary cardiac lymphoma: three cases\n\nThree cases of cardiac lymphoma are described. In the first "
            "case, a 70-year-old man who presented with dyspnoea had a mass of the right ventricle. He was treated "
            "with chemotherapy and survived for three months. The second case describes a 52-year-old woman who "
            "presented with chest pain. She was lost to follow up. In the last case, an 84-year-old woman presented "
            "with weakness. A mass was found in the right atrium and the patient expired shortly after admission.")
    assert outcomes(full_nlp, text) == ["died", None, "died"]


def test_the_second_one_of_a_sentence_about_both_is_the_second_row(full_nlp):
    text = ("Familial HLH in two siblings\n\nWe report two siblings with familial haemophagocytic "
            "lymphohistiocytosis. The first case was started on treatment but died after ten days, while the "
            "second one was referred to another centre but died before commencing chemotherapy.")
    assert outcomes(full_nlp, text) == ["died", "died"]


def test_a_status_told_with_one_time_per_patient_respectively_is_every_rows(full_nlp):
    text = ("We report two cases of extraskeletal Ewing sarcoma of the chest wall in a 20-year-old man and a "
            "25-year-old woman. Both underwent wide resection and chemotherapy. There was no evidence of disease 30 "
            "and 22 months, respectively, after surgery.")
    assert outcomes(full_nlp, text) == ["no evidence of disease"] * 2
    text = ("We report two cases of extraskeletal Ewing sarcoma of the chest wall in a 20-year-old man and a "
            "25-year-old woman. Both underwent wide resection and chemotherapy. There was no evidence of disease at "
            "30 mo and 22 mo, respectively, after surgery.")
    assert outcomes(full_nlp, text) == ["no evidence of disease"] * 2
    # ... not when the sentence names one of them apart
    text = ("We report two cases of extraskeletal Ewing sarcoma of the chest wall in a 20-year-old man and a "
            "25-year-old woman. Both underwent wide resection and chemotherapy. The first had no evidence of "
            "disease at 30 months; the other relapsed at 12 and 22 months, respectively.")
    assert outcomes(full_nlp, text)[1] != "no evidence of disease"


def test_a_resolution_in_all_cases_is_every_rows(full_nlp):
    text = ("We report three cases of acute fatty liver in triplet gestations. A liver biopsy was performed in each "
            "case. Clinical resolution occurred in all cases, and all infants did well in the neonatal period.")
    assert outcomes(full_nlp, text) == ["recovered"] * 3


def test_statuses_told_each_before_its_patient_go_to_their_rows(full_nlp):
    text = ("We report two cases of African trypanosomiasis in children: a 7-year-old boy and a 10-year-old girl. "
            "Both were treated with melarsoprol. The outcome was favorable in the first case and fatal in the "
            "second.")
    assert outcomes(full_nlp, text) == ["recovered", "died"]
    text = ("Two clinical cases of tuberculous meningitis in children are reported: a 3-year-old boy and a "
            "5-year-old girl, with positive evolution in one case and associated with death in the second.")
    assert outcomes(full_nlp, text) == ["recovered", "died"]

