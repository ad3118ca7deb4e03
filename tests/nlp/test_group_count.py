"""A report that names its patients as a group without an authors' verb of the announcement
patterns ("We encountered two cases of ...", "three clinical cases of ...", "identical twins",
"a mother and infant") gets a row per patient; a count of relatives, of a subgroup or of the
literature names no patient. Texts written for these tests."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp
from pipeline.nlp.sections.group_count import group_count
from pipeline.nlp.sentences.bounds import sentence_start_before


@pytest.mark.parametrize("text, title, count", [
    ("We encountered two cases of legionella pneumonia that ran a fulminant course.", None, 2),
    ("On 3 May 2019 two women fell ill after a wedding meal; both had vomiting.", None, 2),
    ("This article analyses the records of three clinical cases of lithium toxicity seen in 2019-2023.", None, 3),
    ("Two young men collapsed during a summer march and were cooled on site.", None, 2),
    ("Genomic DNA from both patients was sequenced. The mutation was found in each.", None, 2),
    ("", "Synchronous seminoma in monozygotic twin brothers", 2),
    ("Congenital tuberculosis was diagnosed in a mother and infant after a preterm delivery.", None, 2),
    ("", "Familial pancreatic cancer in four sisters", 4),
    ("The 3 index cases included (1) a 5-month-old boy with a testicular mass, (2) a 7-day-old neonate and (3) a "
     "76-year-old woman.", None, 3),
    ("A 13-year-old girl with Graves' disease developed arthralgia on propylthiouracil. Her younger sister had lupus. "
     "Both patients carried the same HLA-DR allele.", None, 2),
    # the whole group a sentence opens on to tell its parts
    ("Result: Of the four cases, two had direct contact with diseased poultry; all had fever.", None, 4),
])
def test_a_group_of_the_reports_patients_is_counted(text, title, count):
    assert group_count(text, title) == count


@pytest.mark.parametrize("text", [
    "A 34-year-old woman, 25 weeks pregnant with dichorionic diamniotic twins, was admitted with headache.",
    "He is a retired teacher, married with three children. He presented with haematuria.",
    "She is the mother of healthy 4-year-old twins. She presented with a breast lump.",
    "Her two sisters were healthy. A 45-year-old woman presented with jaundice.",
    "Case report: a woman with a family history\n\n(two sisters treated for breast cancer) presented with bleeding.",
    "Only three cases of this tumour have been reported so far. We describe a 52-year-old man.",
    "Of these, four patients were younger than 33 years at diagnosis.",
    "In one of the three cases, the tumour recurred.",
    "Most of the four patients, however, were older.",
    "A 79-year-old woman treated with linezolid died (2), while three patients given prednisone went into remission (3).",
    "Relapse after tapering was frequent in two patients.4,5 Some required azathioprine.",
    "In 2015, three cases of this lymphoma were published from Japan. We saw a 70-year-old man.",
    "A 24-year-old woman conceived after an ovarian yolk sac tumour was resected. Both mother and baby did well.",
    "In these five cases the tumour had spread to the orbit before the primary was found.",
    "A 45-year-old man had rectal cancer.\nDiscussion\nFive patients received cyclophosphamide; four died.",
    "A 60-year-old man had a rash. Similar articles Rash in adults: report of two cases. Smith J. J Clin Oncol. 2004;22:101-5.",
    "A 60-year-old man had a rash.\n\nRao KM. Rash in adults - a report of four cases. Indian J Med (1993). 30(3): 146-150.",
    # a group told only as exposed: those who fell ill are the patients
    "The index patient developed myalgia. Four days later, all 5 family members consumed a roast from the boar.",
    "Three family members ate the same mushrooms. A 45-year-old man developed vomiting and diplopia.",
    # a rate's decimal point ends no sentence: the count's sentence is the one that names the incidence
    "Addison disease is rare, with an incidence of 0.8\u20131.4 cases/100 000 inhabitants/year. A 6-year-old boy had fatigue.",
    # an institution's tally the next sentence picks one patient from
    "Over the last 15 years, three cases of this leukaemia were diagnosed in our center. We present here the latest case.",
    "We have treated four patients with this tumour since 2010. Herein we describe a rare case with skin spread.",
    "Two cases of the syndrome were seen in our clinic last year. We report one of them.",
    "Recently, we encountered four cases of the syndrome. This report focuses on one of these cases.",
    # a page counter, and the journal's name in the next block of the page
    "Shoulder dislocation after a seizure: a case report\nSeite 1von 4\n\nCases Journal\n\nA 25-year-old man had a seizure.",
    # a service named for its patients
    "Department of Pediatric Orthopedics, Mother and Child Unit, University Hospital. A 12-year-old child had a hematoma.",
])
def test_relatives_subgroups_and_the_literature_name_no_group(text):
    assert group_count(text) == 1


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def test_a_counted_group_without_the_authors_verb_gets_a_row_each(nlp):
    text = ("We encountered two cases of Legionella pneumonia with a fulminant course. The patient from whom "
            "L. dumoffii was isolated was a 59-year-old man with no underlying disease; he died on the 26th hospital "
            "day despite erythromycin. The patient from whom L. pneumophila was isolated was an 81-year-old man with "
            "heart failure; he died on the second hospital day.")
    rows = report_cases(nlp, Report(name="t.txt", text=text))
    assert [(row.age, row.sex) for row in rows] == [(59, "male"), (81, "male")]


def test_the_group_words_give_every_row_its_sex(nlp):
    text = ("Exertional heat stroke struck two young men during a city marathon. Both collapsed near the finish "
            "line with a core temperature above 41 C. They were cooled in ice water and recovered fully.")
    rows = report_cases(nlp, Report(name="t.txt", text=text))
    assert [row.sex for row in rows] == ["male", "male"]



@pytest.mark.parametrize("text, position, start", [
    ("He was seen. Two patients were described.", 13, 12),
    ("An incidence of 0.8-1.4 cases per year.", 22, 0),  # the "1." of a decimal ends no sentence
    ("She was admitted.\nTwo days later she died.", 18, 18),  # a line break ends one
])
def test_a_sentence_starts_after_a_full_stop_that_ends_one(text, position, start):
    assert sentence_start_before(text, position) == start


@pytest.mark.parametrize("text, count", [
    ("Over the last 15 years, three cases of this leukaemia were diagnosed in our center. We present all of them.", 3),
    ("Two cases of the syndrome were seen in our clinic last year. We report a case series of both.", 2),
])
def test_a_group_the_next_sentence_tells_in_full_stays_a_group(text, count):
    assert group_count(text) == count


def test_one_patient_picked_from_an_announced_tally_is_one_row(nlp):
    text = ("We have treated three patients with hairy cell leukaemia in our department over the past decade. "
            "We report the most recent one.\nCase presentation\nA 50-year-old man had pancytopenia and splenomegaly.")
    rows = report_cases(nlp, Report(name="t.txt", text=text))
    assert [(row.age, row.sex) for row in rows] == [(50, "male")]
