"""Forms of the page around a case report: dates that date the page or the issue rather than an
event of the case, and the headings under which a report of several patients tells them.
Sentences written for these tests."""
import pytest
from date_helpers import clinical, nlp  # noqa: F401 (nlp: the shared fixture)
from section_helpers import section_of


@pytest.mark.parametrize("text", [
    # a scraped record's data keys
    '{"title":"A rare rash","abstract":"A woman had a rash.","publicationDate":"2021-03-08","venue":"J Skin"}',
    '<script>{"@type":"ScholarlyArticle","datePublished":"2019-11-02","dateModified":"2020-01-15"}</script>',
    # an issue's date with its volume right after it
    "Reproduced from Annals of Imaging, June 2016, Volume 7, Pages 12-15",
    "Clinical Notes; September 2011; Vol. 4: 88-90",
    # the journal's section after the date (Frontiers pages)
    "CASE REPORT article Front. Cardiol., 14 March 2022 Sec. Heart Failure Volume 3 - 2022",
    # a reprint line and a blog's notice
    "Reprinted from the Journal of Case Notes, March 2015.",
    "This case forum is closed to comments and new posts as of October 3, 2016.",
])
def test_dates_of_the_page_are_not_the_course(nlp, text):
    assert clinical(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # prose of the case keeps its dates, a volume of fluid included
    ("She was admitted on 4 June 2016, volume depleted and febrile.", ["2016-06-04"]),
    ("In March 2012, 500 mL of fluid was drained; on 2 April 2012, volume loss had stopped.",
     ["2012-03", "2012-04-02"]),
    ("The date of surgery was 12 May 2018.", ["2018-05-12"]),
    ("On 3 May 2019, volume 250 mL of ascites was drained.", ["2019-05-03"]),
    ("On 3 May 2019 sec. 4 of the protocol was applied.", ["2019-05-03"]),
])
def test_dates_of_the_case_stay(nlp, text, expected):
    assert clinical(nlp, text) == expected


# -- headings of a report of several patients ----------------------------------------------------

@pytest.fixture(scope="module")
def sections_nlp(make_nlp):
    return make_nlp("caselit_sections")


@pytest.mark.parametrize("heading", ["Cases", "CASES", "Case Series", "Case series", "2. Cases"])
def test_the_plural_case_heading_opens_the_patients_part(sections_nlp, heading):
    doc = sections_nlp("A rash in twin sisters\n\nIntroduction\nCases of the rash are rare in adults.\n\n"
                       f"{heading}\n\nA 30-year-old woman and her twin sister presented with a rash. Both recovered.\n\n"
                       "Discussion\nRashes vary.")
    assert section_of(doc, "A 30-year-old woman") == "case"
    assert section_of(doc, "Cases of the rash") == "background"
