"""A cancer case's statement of well-being alone after a response: the response is the status
(sentences written for the tests)."""
import pytest

from case_outcome_helpers import full_nlp, only_case  # noqa: F401 (full_nlp: the shared fixture)


@pytest.mark.parametrize(
    "text, expected",
    [
        # well-being alone after a response: the response stands
        ("A 70-year-old woman had metastatic melanoma of the back. After four cycles of nivolumab, PET-CT "
         "showed a complete metabolic response. She continued nivolumab and has been doing well.",
         "complete remission"),
        ("A 58-year-old man had metastatic renal cell carcinoma. Sunitinib gave a partial response of the "
         "lung metastases. Two years later he remains well.", "partial response"),
        ("A 66-year-old woman had ovarian carcinoma with liver metastases. On olaparib the disease remained "
         "stable. At the last visit she was alive and well.", "stable disease"),
        # a statement that names the disease is the status
        ("A 61-year-old woman had endometrial carcinoma. Carboplatin gave a partial response. Two years "
         "later she is alive without evidence of disease.", "no evidence of disease"),
        ("A 49-year-old woman had cervical carcinoma. Chemoradiation gave a complete response. She remains "
         "well without recurrence.", "no evidence of disease"),
        # well-being with no response before it
        ("A 55-year-old man had a rectal adenocarcinoma resected. He is doing well three years later.",
         "no evidence of disease"),
    ],
)
def test_wellbeing_after_a_response(full_nlp, text, expected):
    assert only_case(full_nlp, text).outcome == expected


def test_wellbeing_of_a_non_cancer_case_is_a_recovery(full_nlp):
    text = ("A 40-year-old man had a liver abscess. Drainage gave complete resolution of the collection. "
            "He has been doing well since.")
    assert only_case(full_nlp, text).outcome == "recovered"


@pytest.mark.parametrize("text, expected", [
    # a progression-free survival told after a response in its own sentence: the response lasts
    ("A 62-year-old man had lung adenocarcinoma with brain metastases and was treated with afatinib. He "
     "presented partial response of the thoracic and brain lesions at 3, 6, and 12 months of treatment, "
     "currently completing 16 months of progression-free survival despite mild toxicities.", "partial response"),
    # ... told alone, or in a later sentence: the disease has not grown
    ("A 62-year-old man had lung adenocarcinoma with brain metastases. On afatinib he has now had 20 months "
     "of progression-free survival.", "stable disease"),
])
def test_progression_free_survival_after_a_response(full_nlp, text, expected):
    assert only_case(full_nlp, text).outcome == expected
