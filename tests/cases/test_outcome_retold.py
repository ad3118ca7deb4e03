"""A worsening or an admission told in a section that retells or comments on the course (the
discussion, the conclusion, the background) does not undo the recovery the case description
ends with; told in the case description after the recovery, it still does. Reports written for
the tests."""
import pytest

from case_outcome_helpers import full_nlp, only_case  # noqa: F401 (full_nlp: the shared fixture)

CASE = ("Case presentation\nA 34-year-old man presented with fever and a painful thigh. An abscess of the "
        "vastus lateralis was drained and he received ceftriaxone. He was discharged in good condition on day 14.\n")


@pytest.mark.parametrize("later, expected", [
    # the discussion retells the course before the discharge
    ("Discussion\nPyomyositis is rare. In our patient the course was complicated: the patient deteriorated "
     "into septic shock on day 3, which responded to fluids.\n", "recovered"),
    ("Conclusion\nThe patient was readmitted once for drainage before he recovered; early drainage is essential.\n",
     "recovered"),
    # told in the case description after the discharge, the readmission is the later story
    ("He was readmitted two weeks later with a recurrent collection.\n\nDiscussion\nPyomyositis is rare.\n", None),
])
def test_a_worsening_retold_after_the_case_does_not_undo_its_recovery(full_nlp, later, expected):
    assert only_case(full_nlp, CASE + "\n" + later).outcome == expected


@pytest.mark.parametrize("closing, expected", [
    ("To our knowledge, this is the first reported case of serous carcinoma recurrence limited to the pleura.",
     "no evidence of disease"),
    ("As far as we know, this is the first case of pleural recurrence after ten years.", "no evidence of disease"),
    # a relapse told as the patient's event after the status still undoes it
    ("Six months later she relapsed with new pleural nodules.", "progressive disease"),
])
def test_a_closing_comment_on_the_relapse_does_not_undo_the_later_status(full_nlp, closing, expected):
    text = ("A 58-year-old woman had serous carcinoma of the endometrium treated by hysterectomy. She relapsed "
            "10 years later with pleural nodules. She was treated with carboplatin and paclitaxel. She remains "
            "disease free 5 years later. " + closing)
    assert only_case(full_nlp, text).outcome == expected


def test_a_figure_caption_of_a_metastasis_does_not_undo_the_status_told_before_it(full_nlp):
    text = ("A 94-year-old woman had a Merkel cell carcinoma of the eyelid. PET showed uptake in the parotid gland. "
            "Excision with neck dissection was followed by radiotherapy. She did well following her treatment with "
            "no signs of recurrence.\nFigure 2: Whole body PET/CT scan showing parotid gland uptake consistent with "
            "metastases of the tumor\n")
    assert only_case(full_nlp, text).outcome == "no evidence of disease"

