import pytest
"""Primary site and metastasis sites of short case passages read by the whole pipeline (context
qualifiers included), on passages written for the tests (issue 11, classes 4 and 6)."""
from case_helpers import nlp, row, rows  # noqa: F401 (nlp: the shared fixture)


def test_a_type_only_weighed_names_no_organ(nlp):
    text = ("A 36-year-old woman presented with abdominal pain. Ultrasound showed a 5 cm hepatic lesion. "
            "Hepatocellular carcinoma and metastasis were considered, but MRI showed focal nodular hyperplasia. "
            "She was managed conservatively.")
    assert row(nlp, text).primary_site is None


def test_a_negative_stain_does_not_negate_the_metastasis_it_points_to(nlp):
    text = ("A 66-year-old woman had lobular carcinoma of the breast treated by mastectomy. Six years later "
            "gastroscopy showed thickened folds, and biopsies showed cells positive for GATA3 and negative for "
            "E-cadherin, indicating gastric metastasis of lobular breast cancer.")
    case = row(nlp, text)
    assert case.primary_site == "breast" and "stomach" in case.metastasis_sites


def test_lesions_called_metastatic_in_the_next_sentence(nlp):
    text = ("A 52-year-old woman had invasive ductal carcinoma of the left breast treated in 2015. Four years "
            "later a CT scan showed multiple nodules in both lungs and two lesions in the liver. Biopsy "
            "confirmed metastatic breast carcinoma. She received letrozole.")
    assert row(nlp, text).metastasis_sites == ["liver", "lung"]


def test_a_remote_cancer_and_a_relative_make_no_cancer_case(nlp):
    text = ("A 71-year-old woman was admitted with fever and cough. She had been treated for breast cancer in "
            "1998 and had been disease free since; her sister had died of metastatic ovarian cancer. Chest "
            "radiograph showed consolidation, and she recovered with amoxicillin.")
    case = row(nlp, text)
    assert case.primary_site is None and case.metastasis_sites == []


def test_an_occult_primary_in_the_reference_list_leaves_the_patients_primary(nlp):
    text = ("Case presentation\nA 58-year-old man was referred for a left upper lobe lung mass with mediastinal "
            "lymphadenopathy. Biopsy showed adenocarcinoma.\n"
            "References\n1. Lind K, Moor P. Brain metastases from an occult primary: three cases. J Neurooncol Rep. 2015;3:11-4.\n")
    assert row(nlp, text).primary_site == "lung"


def test_a_tumour_biopsy_that_found_granulomas_makes_no_cancer_case(nlp):
    text = ("A 24-year-old man presented with fever and weight loss. Colonoscopy showed an ileocaecal tumour, "
            "and biopsy of the caecal tumour revealed caseating granulomatous inflammation. He was treated for "
            "intestinal tuberculosis with isoniazid and rifampicin and improved.")
    assert row(nlp, text).primary_site is None


def test_a_malignancy_only_raised_by_imaging_makes_no_type(nlp):
    text = ("A 19-year-old woman presented with neck swelling. MRI showed skull erosions, raising suspicion for "
            "metastasis or a haematological malignancy such as lymphoma. Node biopsy showed necrotising "
            "granulomas and no malignant cells; she was treated for tuberculosis.")
    case = row(nlp, text)
    assert case.histology is None and case.metastasis_sites == []


def test_a_metastasis_of_a_cancer_treated_years_ago_is_the_case_cancer(nlp):
    text = ("A 77-year-old man was referred with several liver nodules on CT. A CT-guided liver biopsy showed a "
            "clear-cell tumour consistent with a metastasis of the renal cell carcinoma resected 15 years ago.")
    case = row(nlp, text)
    # (the clear-cell type the biopsy names is the more specific one, "tumour" spelt either way)
    assert case.primary_site == "kidney" and case.histology == "clear cell carcinoma"


def test_a_metastasis_to_the_other_kidney_is_a_site(nlp):
    text = ("A 58-year-old woman had a left nephrectomy for clear cell renal cell carcinoma. Five years later, CT "
            "showed metastases to the pancreas and to the contralateral kidney.")
    case = row(nlp, text)
    assert case.primary_site == "kidney" and case.metastasis_sites == ["kidney", "pancreas"]


def test_a_metastasis_heading_in_a_report_of_a_mimic_is_none(nlp):
    text = ("We report a 66-year-old man with disseminated tuberculosis that was misdiagnosed as metastasis.\n"
            "Case presentation\nLung metastasis\nHe was admitted with cough and fever. CT showed nodules in both "
            "lungs. Sputum culture grew Mycobacterium tuberculosis and he improved on isoniazid.")
    assert row(nlp, text).metastasis_sites == []


def test_the_type_of_an_earlier_cancer_of_another_organ_is_not_the_cases(nlp):
    text = ("A 70-year-old woman was treated for a left breast cancer 25 years ago; the pathology was invasive "
            "ductal carcinoma. She now presented with a right ovarian cancer with peritoneal metastases and "
            "underwent cytoreductive surgery.")
    case = row(nlp, text)
    assert case.primary_site == "ovary" and case.histology is None


@pytest.mark.parametrize("text, site", [
    ("Endometrial carcinoma following treatment for breast carcinoma in a Nigerian woman.\nTamoxifen is the main "
     "hormonal therapy for breast cancer. This paper presents the first case of endometrial carcinoma following "
     "tamoxifen therapy for breast carcinoma in a 52-year-old woman.", "endometrium"),
    ("A 60-year-old woman was diagnosed with lung adenocarcinoma following chemotherapy for breast cancer. "
     "She received pemetrexed. Breast cancer survivors are followed for years.", "lung"),
])
def test_a_cancer_told_after_the_treatment_of_another_is_the_cases(nlp, text, site):
    assert row(nlp, text).primary_site == site


def test_a_lymphoma_of_a_swelling_over_the_cheek_has_the_cheek_as_primary(nlp):
    text = ("A 52-year-old man presented with a painful swelling over the left cheek. It was drained as cellulitis, "
            "but fine-needle aspiration later showed non-Hodgkin lymphoma.")
    case = row(nlp, text)
    assert case.primary_site == "other" and case.histology == "non-hodgkin lymphoma"


def test_a_lesion_confirmed_by_biopsy_of_tumour_areas_in_the_liver(nlp):
    text = ("A 79-year-old man had a nephrectomy for renal cell carcinoma 17 years ago. CT now showed multiple tumor "
            "areas in the liver. A liver biopsy showed a clear-cell tumour consistent with a metastasis of the renal "
            "cell carcinoma.")
    case = row(nlp, text)
    assert case.primary_site == "kidney" and case.metastasis_sites == ["liver"]


def test_gastrointestinal_metastases_beside_a_small_bowel_one_add_no_site(nlp):
    text = ("Background: The interval between a melanoma and its gastrointestinal metastases is about four years.\n"
            "Case report: We present a 61-year-old man operated on for a stage IB cutaneous melanoma who was "
            "diagnosed 8 months later with a solitary small bowel metastasis.\n"
            "Keywords: malignant melanoma, small bowel metastases, gastrointestinal metastases")
    assert row(nlp, text).metastasis_sites == ["small intestine"]


def test_an_adrenal_metastasis_of_an_unknown_primary_is_no_adrenal_primary(nlp):
    text = ("Brain and adrenal metastases from an unknown primary tumour: a case report\n"
            "A 70-year-old man presented with hemiparesis, and MRI showed a ring-enhancing brain metastasis. PET-CT "
            "found no primary. A year later a right adrenal mass appeared; after adrenalectomy, the adrenal tumour "
            "was diagnosed as a poorly differentiated adenocarcinoma.")
    case = row(nlp, text)
    assert case.primary_site is None and "adrenal gland" in case.metastasis_sites


def test_bone_metastases_of_a_bone_sarcoma_are_a_site(nlp):
    text = ("A 15-year-old boy had an osteosarcoma of the left femur treated by amputation and chemotherapy. "
            "A year later CT showed lung nodules and a bone scan showed multiple bone metastases.")
    case = row(nlp, text)
    assert case.primary_site == "bone" and "bone" in case.metastasis_sites


def test_a_suspected_metastasis_that_a_biopsy_shows_benign_is_no_site(nlp):
    text = ("A 64-year-old man with known prostate cancer underwent PET/CT for suspected osseous metastases after "
            "MRI showed lesions in the sacrum and iliac bones. Core biopsies from the sacrum showed non-caseating "
            "granulomata, consistent with sarcoidosis. He was followed without treatment.")
    assert row(nlp, text).metastasis_sites == []


def test_a_suspected_metastasis_confirmed_by_biopsy_stays(nlp):
    text = ("A 64-year-old man with known prostate cancer underwent PET/CT for suspected osseous metastases after "
            "MRI showed lesions in the sacrum. Core biopsies from the sacrum showed metastatic adenocarcinoma. "
            "He started androgen deprivation.")
    assert "bone" in row(nlp, text).metastasis_sites or "spine" in row(nlp, text).metastasis_sites


def test_a_benign_biopsy_of_another_organ_keeps_the_suspected_site(nlp):
    text = ("A 70-year-old woman with breast cancer had PET/CT for suspected liver metastases. A biopsy of a "
            "lung nodule showed a granuloma. Liver biopsy later confirmed metastatic breast carcinoma.")
    assert "liver" in row(nlp, text).metastasis_sites


def test_a_metastasis_the_title_names_and_the_text_confirms_is_the_patients(nlp):
    title = "Pleural drop-metastasis five years post-thymectomy manifesting with myasthenia gravis"
    text = (title + "\n\nA 47-year-old man who had undergone thymectomy for a thymoma five years earlier presented "
            "with ptosis. CT showed thickening of the left pleura, and its biopsy confirmed thymoma.")
    [case] = rows(nlp, text, title=title)
    assert case.metastasis_sites == ["pleura"]


def test_a_metastasis_the_title_names_that_the_text_never_confirms_is_not_read(nlp):
    title = "Pleural metastasis of thymoma: an uncommon presentation"
    text = (title + "\n\nA 47-year-old man with a thymoma presented with ptosis. CT showed an anterior mediastinal "
            "mass, and thymectomy was performed.")
    [case] = rows(nlp, text, title=title)
    assert case.metastasis_sites == []


def test_a_site_named_in_advice_is_no_suspicion_of_the_patients(nlp):
    text = ("A 65-year-old man presented with a verrucous carcinoma of the left buccal mucosa, which was excised "
            "with clear margins. Radiography should be considered to assess for lymph node involvement.")
    assert row(nlp, text).metastasis_sites == []
    # a suspicion of the patient's own stays, as reviewers record it
    text = ("A 65-year-old man had a squamous cell carcinoma of the tongue. CT showed an enlarged cervical node "
            "suspicious for metastasis, and neck dissection was planned.")
    assert row(nlp, text).metastasis_sites == ["lymph node"]
