import doctest

import pytest
import spacy
from date_helpers import clinical, metadata, nlp  # noqa: F401 (nlp: the shared fixture)
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.dates import dates as dates_module
from pipeline.nlp.dates import normalise as normalise_module
from pipeline.nlp.dates.normalise import parse_date



# -- the pure parser ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("April 18, 2012", ("2012-04-18", "day")),
        ("August 2. 2012", ("2012-08-02", "day")),
        ("Aug 5, 2012", ("2012-08-05", "day")),
        ("Sept. 3rd, 2012", ("2012-09-03", "day")),
        ("July 30th 2011", ("2011-07-30", "day")),
        ("18 April 2012", ("2012-04-18", "day")),
        ("18th April 2012", ("2012-04-18", "day")),
        ("18th of April, 2012", ("2012-04-18", "day")),
        ("20-Dec-2016", ("2016-12-20", "day")),
        ("2012-08-25", ("2012-08-25", "day")),
        ("2012/08/25", ("2012-08-25", "day")),
        ("2012.8.5", ("2012-08-05", "day")),
        ("2024年6月25日", ("2024-06-25", "day")),
        ("2008 May 12", ("2008-05-12", "day")),
        ("25.08.2012", ("2012-08-25", "day")),
        ("08/25/2012", ("2012-08-25", "day")),
        ("07/07/2012", ("2012-07-07", "day")),  # same either way round
        ("February 1993", ("1993-02", "month")),
        ("Jan. 2019", ("2019-01", "month")),
        ("JUNE 2012", ("2012-06", "month")),
        ("in late October 1993", ("1993-10", "month")),
        ("2002 Sep", ("2002-09", "month")),
        ("2012-08", ("2012-08", "month")),
        ("2019", ("2019", "year")),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["08/05/2012", "February 30, 2012", "2012-13-01", "31 April 2012", "in June", "may 2012", "12.5", "", "1850", "the patient"],
)
def test_parse_date_rejects(text):
    assert parse_date(text) is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_parse_date_never_raises(text):
    result = parse_date(text)
    assert result is None or result[1] in {"day", "month", "year"}


@settings(max_examples=200, deadline=None)
@given(st.dates(), st.sampled_from(["%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%Y-%m-%d", "%Y/%m/%d", "%B %Y", "%Y"]))
def test_parse_date_reads_formatted_dates_and_is_idempotent(day, layout):
    if not 1900 <= day.year <= 2099:
        return
    result = parse_date(day.strftime(layout))
    assert result is not None
    assert result[0] == day.isoformat()[: len(result[0])]
    assert parse_date(result[0]) == result


# -- the component -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("She was admitted on April 18, 2012 and discharged on April 24, 2012.", ["2012-04-18", "2012-04-24"]),
        ("She was admitted to the ward again on August 2. 2012.", ["2012-08-02"]),
        ("Cultures were taken on Aug 5, 2012.", ["2012-08-05"]),
        ("Surgery took place on 18th April 2012.", ["2012-04-18"]),
        ("The 12-year-old was admitted on September 19, 2019 for bleeding.", ["2019-09-19"]),
        ("She presented to the emergency department on July 30th 2011.", ["2011-07-30"]),
        ("A CT scan on 2012-08-25 showed a mass.", ["2012-08-25"]),
        ("In August 2023, after excluding surgery, she received chemoradiation.", ["2023-08"]),
        ("A 54-year-old woman came to observation on July 2003.", ["2003-07"]),
        ("She presented to us in late October 1993.", ["1993-10"]),
        ("She was referred in July 2017 after a hysterectomy in May 2017.", ["2017-07", "2017-05"]),
        ("Radiotherapy was given from 16 March to 22 April 1993.", ["1993-03-16", "1993-04-22"]),
        ("Vancomycin was given from August 12, 2012 to August 24, 2012.", ["2012-08-12", "2012-08-24"]),
        ("She was treated on 3-7 May 2010.", ["2010-05-03", "2010-05-07"]),
        ("Chemotherapy was given March 16-20, 2011.", ["2011-03-16", "2011-03-20"]),
        ("She was diagnosed in February 1993. A proptosis developed in June.", ["1993-02", "1993-06"]),
        ("She was diagnosed on 2 March 2015 and operated on 5 May.", ["2015-03-02", "2015-05-05"]),
        ("She was diagnosed in 2019 and has been followed since 2015.", ["2019", "2015"]),
        ("In early 2020 she relapsed.", ["2020"]),
        ("She has been well since then (late 2009).", ["2009"]),
        ("Mid-2016, a second relapse was treated.", ["2016"]),
        ("Blood tests on 25.08.2012 and 03.09.2012 were normal.", ["2012-08-25", "2012-09-03"]),
        ("Scans on 08/25/2012 and 09/03/2012 were clear.", ["2012-08-25", "2012-09-03"]),
        ("Surgery was performed on 15 Jan 2014; a relapse followed in mid-June.", ["2014-01-15", "2014-06"]),
        # "who" opens a relative clause; only the capitals name the World Health Organization
        ("A 60-year-old woman who was operated on in 2008 presented with a cough.", ["2008"]),
        # dots are the day-first countries' way of writing a date
        ("Serum tumour markers at 12.09.2013 were normal.", ["2013-09-12"]),
        # the year of a later full date in the same clause of events
        ("She was admitted on March 3 and discharged on March 10, 2019.", ["2019-03-03", "2019-03-10"]),
        # ... not another sentence's
        ("She was admitted on March 3. She had been operated on in 2015.", ["2015"]),
        # an event's date in brackets, a report's date before its words
        ("She underwent surgery in hospital (Nov 2024) and did well.", ["2024-11"]),
        ("On 3 May 2023 - Reports of fever led to her admission.", ["2023-05-03"]),
        # one abbreviation before a date is no journal's title
        ("She was seen by Dr. Smith on 3 May 2023.", ["2023-05-03"]),
        # the patient's stage named after the staging body: the year is her diagnosis's
        ("She was diagnosed with ovarian serous adenocarcinoma (FIGO stage IIIB) in 2011.", ["2011"]),
        # the month "of" its year; a patient "submitted to" an operation (not a manuscript's submission)
        ("He received adjuvant FOLFOX in September of 2003.", ["2003-09"]),
        ("She was submitted to a right hepatectomy in May 2001 for a hepatic tumor.", ["2001-05"]),
        # a range of years of one patient's course, though the sentence counts her treatments
        ("She underwent four lines of chemotherapy from 2000 to 2009.", ["2000", "2009"]),
    ],
)
def test_clinical_dates(nlp, text, expected):
    assert clinical(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She had a follow-up 68 days after the operation.",
        "The patient was treated in June.",  # no full date before it: the year is unknown
        "Surgery on 08/09/2012 went well.",  # day and month order unknown
        "She was seen on February 30, 2012.",
        "The dose was 2012 mg in total.",
        "Smith et al. (2015) described 12 cases.",
        "The term was coined in 1949 by Sir Hamilton Bailey.",
        "It was first reported in 1949 by a surgeon.",
        "Since the FIGO staging was revised in 2018, nodes count.",
        "The tumour was graded by the WHO in 2016 as grade 2.",
        "Of 2019 patients, 40 had leukocytosis.",
        # a statistic's year
        "About 1,400,000 new cancer diagnoses are projected in the United States in 2008.",
        "According to the global cancer statistics, in the year 2008 most deaths occurred in Asia.",
        # a decade is no date of the patient's course
        "Immunotherapy originated in the early 1900s.",
        "In the 1980's the disease was common in the region.",
        "She may come back in may.",
        "The full text is at http://www.example.org/text.asp?2016/4/2/80/196232 online.",
        # a range of years in a sentence that counts people: the period of a series
        "We report three cases of cutaneous metastases treated in our institute between 2000 and 2023.",
        "In our ward, between 2013 and 2015, three children were diagnosed with pyomyositis.",
        "They were 0.3% of all women with genital cancers diagnosed in the region from 1961 to 1996.",
        # a drug's regulatory year
        "Ipilimumab with nivolumab was granted accelerated approval by the FDA in 2015 for melanoma.",
        "Oral quinine was withdrawn in 2019 in that country.",
        "The hyperinfection syndrome, well recognized since 1966, has become more frequent.",
    ],
)
def test_not_a_clinical_date(nlp, text):
    assert clinical(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Received:2024-06-25 Published:2024-12-15 Online:2024-12-16", ["2024-06-25", "2024-12-15", "2024-12-16"]),
        ("Received Date: 18 Jan 2019 Accepted Date: 04 Feb 2019 Published Date: 06 Feb 2019", ["2019-01-18", "2019-02-04", "2019-02-06"]),
        ("Received date: March 16, 2018; Accepted date: May 14, 2018", ["2018-03-16", "2018-05-14"]),
        ("Manuscript accepted for publication June 23, 2010", ["2010-06-23"]),
        ("  • Published online on: March 1, 2018     https://doi.org/10.3892/x", ["2018-03-01"]),
        ("Accepted 4 November 1996", ["1996-11-04"]),
        ("Epub 2012 Jul 31", ["2012-07-31"]),
        ("Received 11 November 2005/Returned for modification 11 March 2006/Accepted 26 March 2006",
         ["2005-11-11", "2006-03-11", "2006-03-26"]),
        # a repository page's Dublin Core record, its field name glued to the date
        ("dc.date.accessioned2025-11-17T03:44:48Z\ndc.date.issued2023-09-20\n", ["2025-11-17", "2023-09-20"]),
        ("Received 2017 Nov 1; Accepted 2017 Dec 10.", ["2017-11-01", "2017-12-10"]),
        ("Copyright © 2024 the authors, 5 May 2024.", ["2024-05-05"]),
        ("DOI: https://doi.org/10.21037/x-22-13\n2022-01-01\nGynecology and Pelvic Medicine", ["2022-01-01"]),
        ("Afr J Med Sci. 2002 Mar;31(1):75-7.", ["2002-03"]),
        ("Posted on: May 4, 2021, by : the editors", ["2021-05-04"]),
        ("Date of Submission02-Jan-2019\nDate of Acceptance15-Mar-2019", ["2019-01-02", "2019-03-15"]),
        ("PMC · DOI: 10.1234/abcd.2020.55 · Case Reports Journal · 2020-05-11\nA woman was seen on 2 May 2019.",
         ["2020-05-11"]),
        ("Jones AB, et al. Ophthalmic Surg. 2002 Sep.", ["2002-09"]),
        # a literature database's listing: the journal, the issue's month in brackets, the title
        ("Frontiers in Oncology (Nov 2024) Undifferentiated carcinoma in a woman seen in May 2023.", ["2024-11"]),
        # a banner's date run into the page's next words on a page flattened to one line
        ("Journal home 10 December 2024: Articles Rare Case of Bacteremia. She was admitted on 3 May 2023.",
         ["2024-12-10"]),
        # the issue's date after the journal's abbreviated title, under an article page's title
        ("A rare tumour\nFront. Oncol., 16 August 2024\nA 59-year-old woman was admitted on 3 May 2023.",
         ["2024-08-16"]),
        ("Case report\nShe was seen on 3 May 2011.\nReferences\n1. Lee K. Title. Lancet. 2010 Jan 5;375:1.", ["2010-01-05"]),
        # a meeting where the work was presented; not a patient who presented at a doctor's
        ("This case was presented in part at the Annual Meeting of the Society, Boston, May 2018.", ["2018-05"]),
        ("A 77-year-old man presented at his general practitioner on 4 May 2018 with dyspnoea.", []),
        ("She presented at the emergency department on 2 June 2020 with chest pain.", []),
        # a history's labels, however punctuated; not a patient who received a treatment
        ("Received May 12, 2019; Accepted- June 3, 2019. A man presented with fever.", ["2019-05-12", "2019-06-03"]),
        ("Journal Case Reports in Oncology\nStatePublished - Sep 1 2018\nA man presented with fever.", ["2018-09-01"]),
        ("Fecha recepción: 15/12/2023\nFecha aceptación: 12/01/2024\nA woman was seen.", ["2023-12-15", "2024-01-12"]),
        ("She received cisplatin in June 2019 and was accepted for surgery in May 2020.", []),
        ("She received six cycles of carboplatin from 12 June 2019.", []),
        ("Manuscript submitted to the journal on 4 May 2021. A man presented with fever.", ["2021-05-04"]),
        ("Submitted: 4 May 2021. A man presented with fever.", ["2021-05-04"]),
        ("Submission date: 2013-06-04\nA woman presented with a vulvar lesion.", ["2013-06-04"]),
        ("Recibido: 16/05/2025\nAceptado: 06/09/2025\nA man was seen.", ["2025-05-16", "2025-09-06"]),
        (">> Version of Record - Jun 22, 2012\nA premature girl was born.", ["2012-06-22"]),
        ("Case Reports: Tuesday, October 25, 2011 | A 21-year-old man had liver failure.", ["2011-10-25"]),
        # a page flattened to one line: a listing's journal name, PubMed's print date
        ("Journal of Nepal Medical Association (Jan 2023) Adrenal crisis in a boy. A boy presented with vomiting.",
         ["2023-01"]),
        ("J Pediatr Endocrinol. 2023;36(2):1-5. Print 2023 Jan 31. A girl presented with vomiting.", ["2023-01-31"]),
        # an issue's line, a keyword line, a literature search
        ("Year 2025, Volume: 7 Issue: 3, 41 - 46, 31.12.2025\nA man presented with fever.", ["2025-12-31"]),
        ("Emergency News: December 2025 (Digital) The next day, cultures grew MSSA.", ["2025-12"]),
        ("Dec 1, 2014 - Keywords: cervix, metastasis. A woman presented with bleeding.", ["2014-12-01"]),
        ("The review is based on a literature search in the PubMed database in September 2020.", ["2020-09"]),
        # a reference's dates: an access date in brackets, a date after the volume and pages, a record's tags
        ("5. Smith J. Cervical cancer. UptoDate [update Feb 09, 2017].", ["2017-02-09"]),
        ("6. Lee K. Adenocarcinoma of the cervix. Int J Surg 67 : 207-210, February, 2020.", ["2020-02"]),
        ("Cureus. 2023; 15(1): e34467, 2023 Jan.", ["2023-01"]),
        ("TY - JOUR AU - ROSSI M Y1 - 2011/12/01 T1 - Osteosarcoma of the jaws", ["2011-12-01"]),
        ("2021 Oct 05*** epublish ***", ["2021-10-05"]),
        ("title: Lyme carditis date: 2021-01-07 journal: Am J Case Rep", ["2021-01-07"]),
        ("On March 10, 2022, the Karger Medical Electronic Journal reported a clinical case of a man.", ["2022-03-10"]),
        # ... not a clinical date with a citation after it
        ("The tumour was resected on 5 May 2018 [12] and he recovered.", []),
    ],
)
def test_metadata_dates(nlp, text, expected):
    assert metadata(nlp, text) == expected


def test_metadata_does_not_give_its_year_to_later_dates(nlp):
    assert clinical(nlp, "Accepted 4 November 1996\nShe presented in June with proptosis.") == []


@pytest.mark.parametrize("text, expected", [
    ("C.I. underwent left nephrectomy in Jan2012 for renal cell carcinoma.", ["2012-01"]),
    ("In Sept2018, two thyroid nodules were spotted.", ["2018-09"]),
    ("She was enrolled in the MAR2019 trial.", []),  # a trial's name
])
def test_a_month_glued_to_its_year(nlp, text, expected):
    assert clinical(nlp, text) == expected


def test_value_fields_and_span(nlp):
    doc = nlp("She was treated from 16 March to 22 April 1993 and relapsed in June.")
    values = [s._.value for s in doc.spans["dates"]]
    assert [v.written for v in values] == ["16 March", "22 April 1993", "June"]
    assert [v.precision for v in values] == ["day", "day", "month"]
    assert [v.inferred_year for v in values] == [False, False, True]
    assert all(s.label_ == "DATE" for s in doc.spans["dates"])


@pytest.mark.parametrize("text", ["", "\x00\x01", "May " * 500, "2012-" * 500, "31 st " * 300 + "March, 2016"])
def test_odd_input_does_not_raise(nlp, text):
    nlp(text)


def test_docstring_examples_run_on_a_blank_pipeline():
    spacy.blank("en")
    assert doctest.testmod(dates_module).failed == 0
    assert doctest.testmod(normalise_module).failed == 0


def test_a_menu_entry_references_does_not_open_the_reference_list(nlp):
    # a page's menu at its top lists the article's sections; the case follows (text of our own)
    text = ("Article preview\nIntroduction\nCase report\nDiscussion\nReferences\nA rare tumour\n"
            "A 50-year-old man was admitted in March 2015.\nReferences\n1. Lee K. Title. Lancet. 2010 Jan 5;375:1.")
    assert clinical(nlp, text) == ["2015-03"]
    assert metadata(nlp, text) == ["2010-01-05"]


def test_a_numbered_outline_entry_references_does_not_open_the_reference_list(nlp):
    # an article page's outline numbers its sections ("4. Conclusion") before "References"
    text = ("Outline\nAbstract\n1. Introduction\n2. Case presentation\n3. Discussion\n4. Conclusion\n"
            "References\nCase presentation\nA 62-year-old woman was admitted in April 2016.\nReferences\n"
            "1. Lee K. Title. Lancet. 2010 Jan 5;375:1.")
    assert clinical(nlp, text) == ["2016-04"]
    assert metadata(nlp, text) == ["2010-01-05"]


def test_peer_review_block_dates_are_metadata(nlp):
    text = ("The patient was discharged home on day 12.\n\nPeer-review model: Single blind\n\n"
            "Peer-review started: October 2, 2021\n\nFirst decision: November 14, 2021\n\n"
            "Article in press: January 20, 2022")
    assert clinical(nlp, text) == []
    assert metadata(nlp, text) == ["2021-10-02", "2021-11-14", "2022-01-20"]


def test_an_anonymised_year_stops_year_inference(nlp):
    text = "She was admitted on March 3, 2019. In May 202X, she noticed a swelling. In late May, she had fever."
    assert clinical(nlp, text) == ["2019-03-03"]


# -- a post's dateline ------------------------------------------------------------------------

@pytest.mark.parametrize("text, metadata", [
    ("The Case Files\n\nTuesday, July 08, 2014\nBy A. Author\n\nA 70-year-old woman presented.", True),
    ("Upload: others\nDate post: 21-Oct-2020\nCategory: none", True),
    ("On Monday, 3 May 2010, she was admitted with fever.", False),
    # the same page flattened to one line: the dateline runs into the page's next words
    ("The Case Files Tuesday, July 08, 2014 Fever in a traveller. A 70-year-old woman presented.", True),
    ("On Monday 3 May 2010 Dr Smith admitted her.", False),
    ("Lauren Coogle, MD January 1, 2018 • Modern Medicine Feature Articles", True),
    ("Journal of Case Reports · 2024-05-30 ## Summary", True),
    ("Affiliations Last Update: February 20, 2023 .", True),
    # a saved page's stamp to the second, a byline of names after a bar, a poster session's date
    ("Cureus | A hip reconstruction\n\n2022-07-22 07:33:14 By : Ms. Jane Roe\n\nA 61-year-old woman.", True),
    ("Stroke in arteritis\nNovember 18, 2022 | Shraddha L. Mohanty, Joby Thomas, Anirban Laha\nNEUROLOGY", True),
    ("SESSION TYPE: Case Report Poster\n\nPRESENTED ON: Tuesday, October 27, 2015 at 01:30 PM - 02:30 PM", True),
    # a timeline row and a timed event stay the case's
    ("Timeline\n12 March 2019 | Chest CT, MRI\n", False),
    ("He was admitted on 2 May 2019 at 10:30 after a fall.", False),
])
def test_the_dateline_of_a_post_is_metadata(nlp, text, metadata):
    doc = nlp(text)
    assert [s._.value.metadata for s in doc.spans["dates"]] == [metadata]


def test_the_date_of_a_journal_issue_line_is_metadata(nlp):
    doc = nlp("Annals of Clinical Cases  March 16, 2022  Volume 10  Issue 8\nA 50-year-old woman with a history of asthma was admitted on 4 June 2020.")
    assert [s._.value.metadata for s in doc.spans["dates"]] == [True, False]


def test_the_publication_day_written_again_without_its_cue_is_metadata(nlp):
    text = ("Mar 3, 2018 - a snippet of the article's text ...\nClin Case Rep, Publication Date: 3 March 2018\n"
            "A 61-year-old man with a long history of smoking was admitted on 12 January 2018 with haemoptysis.")
    doc = nlp(text)
    assert [(s._.value.iso, s._.value.metadata) for s in doc.spans["dates"]] == [
        ("2018-03-03", True), ("2018-03-03", True), ("2018-01-12", False)]


@pytest.mark.parametrize("text", [
    "21 February 2022: Articles\nA 36-year-old man presented with fever.",
    "March 3, 2020 | Case Reports\nA 52-year-old woman was admitted.",
    "12 Aug 2020 · Latest news\nA 29-year-old woman was seen for headache.",
])
def test_a_banner_date_before_a_page_section_name_is_no_clinical_date(nlp, text):
    assert clinical(nlp, text) == []


def test_a_timeline_date_before_an_event_stays_clinical(nlp):
    text = "Timeline\n12 March 2019: admission with fever\n15 March 2019: Case reviewed by the team"
    assert clinical(nlp, text) == ["2019-03-12", "2019-03-15"]


# -- numeric month and year; meetings (sentences written for these tests) ---------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("Between 10/2016 and 01/2017 she received four cycles.", ["2016-10", "2017-01"]),
        ("Since 07.2015 he has been on haemodialysis.", ["2015-07"]),
        ("In 4/2020 a recurrence was found.", ["2020-04"]),
        # in brackets of their own after an event, and a range opened on one
        ("The first relapse occurred early (5/2012).", ["2012-05"]),
        ("She received 16 doses of brentuximab vedotin (7/2013 - 6/2014).", ["2013-07", "2014-06"]),
    ],
)
def test_numeric_month_and_year(nlp, text, expected):
    assert clinical(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The protocol was approved by the ethics board (No. 11/2019).",
        "The score was 7/2015 points.",
    ],
)
def test_numeric_month_and_year_needs_a_preposition(nlp, text):
    assert clinical(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("This case was presented in part at the Annual Meeting of the Society, November 2018, Boston.", ["2018-11"]),
        ("Poster presented at the 12th European Congress, Vienna, 6 June 2017.", ["2017-06-06"]),
    ],
)
def test_meeting_dates_are_metadata(nlp, text, expected):
    assert metadata(nlp, text) == expected


def test_a_clinical_meeting_is_no_metadata_cue(nlp):
    assert clinical(nlp, "The tumour board meeting on 4 May 2018 advised surgery.") == ["2018-05-04"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Apr 9, 2019 | Posted by in Cardiology | Comments Off on the case", ["2019-04-09"]),
        ("October 2, 2017 — Updated by the editors", ["2017-10-02"]),
    ],
)
def test_a_page_footer_date_is_metadata(nlp, text, expected):
    assert metadata(nlp, text) == expected


def test_a_clinical_date_before_a_word_of_publishing_is_kept_in_the_sentence(nlp):
    assert clinical(nlp, "On 4 May 2018 he was admitted; the scan was reported the next day.") == ["2018-05-04"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Between 2014 and 2016 she received three courses of chemotherapy.", ["2014", "2016"]),
        ("From 2012 to 2015 he was treated with imatinib.", ["2012", "2015"]),
        ("In 2018-2019 she had four admissions for cholangitis.", ["2018", "2019"]),
        ("At the end of 2017 he developed ascites.", ["2017"]),
    ],
)
def test_ranges_of_years_and_the_end_of_a_year(nlp, text, expected):
    assert clinical(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A review of studies published between 2010 and 2018 found 12 similar cases.",
        "Ethical approval was obtained on 6 February 2019 (reference 14/2019).",
        "The protocol was approved by the institutional review board on 2 April 2018.",
        "Written consent was obtained from her mother on 11 June 2020.",
    ],
)
def test_study_years_approvals_and_consent_are_no_clinical_dates(nlp, text):
    assert clinical(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("She was admitted on the 28th of February 2002 with anaemia.", ["2002-02-28"]),
    ("She was admitted on the 28-th of February 2002 with anaemia.", ["2002-02-28"]),
    ("Surgery was performed on March 3rd, 2019.", ["2019-03-03"]),
])
def test_an_ordinal_day_with_or_without_a_hyphen(nlp, text, expected):
    assert clinical(nlp, text) == expected


def test_a_row_of_counts_after_a_date_is_a_page_statistic(nlp):
    text = ("Article Views\nSource HTML views PDF downloads Totals\nPubMed Central since November 1, 2024 111 8 119\n"
            "A 3-year-old boy was admitted on 2 May 2019 with 4 days of fever.")
    assert clinical(nlp, text) == ["2019-05-02"]


def test_in_year_and_the_year_an_age_is_given_for(nlp):
    text = "A 50-year-old (age in 2019) woman was diagnosed with breast cancer in year 2008 and relapsed in the year 2017."
    assert clinical(nlp, text) == ["2008", "2017"]
