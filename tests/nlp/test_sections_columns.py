"""Two-column PDF pages read line by line: a furniture label of one column run into the case of
the other does not take the patient's sentence out of the report."""
import pytest

from section_helpers import nlp, section_of  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("line", [
    "Correspondence to He was treated with intravenous cefazolin and his",
    "Correspondence to: She received two cycles of cisplatin and her",
    "Corresponding author The patient was discharged on day 9 and",
])
def test_a_furniture_label_run_into_the_patients_sentence_is_the_case(nlp, line):
    doc = nlp(f"Case report\n\nA 58-year-old man presented with fever.\n{line}\nfever settled.\n")
    assert section_of(doc, line[-20:]) == "case"


@pytest.mark.parametrize("line", [
    "Correspondence to Dr A Author; a.author@example.com",
    "Correspondence should be addressed to A. Author, City Hospital",
    "Corresponding author: Her Majesty's Hospital, Department of Surgery",
])
def test_furniture_lines_stay_furniture(nlp, line):
    doc = nlp(f"Title of a report\n\n{line}\n\nCase report\n\nA 58-year-old man presented with fever.\n")
    assert section_of(doc, line[-15:]) == "furniture"
