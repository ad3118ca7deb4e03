import doctest

import pytest
import spacy

from pipeline.nlp.demographics import demographics as demographics_module
from pipeline.nlp.demographics.model import Age, Sex


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_demographics")


def found(nlp, text, label):
    doc = nlp(text)  # the spans live as long as their doc
    return [s._.value for s in doc.spans["demographics"] if s.label_ == label]


def ages(nlp, text):
    return [age.years for age in found(nlp, text, "AGE")]


def sexes(nlp, text):
    return [(sex.sex, sex.evidence) for sex in found(nlp, text, "SEX")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A 40-year-old woman presented with vaginal bleeding.", [40.0]),
        ("Our patient, a 51-year old woman, presented with a breast lump.", [51.0]),
        ("A 79 year-old woman was referred.", [79.0]),
        ("We report a 79 year old woman with cervical cancer.", [79.0]),
        ("She is a 68-year-old-woman with diabetes.", [68.0]),
        ("The patient, aged 54, underwent surgery.", [54.0]),
        ("Age: 54 years. Sex: female.", [54.0]),
        ("The woman was 54 years of age at presentation.", [54.0]),
        ("She was 52 years old when the mass appeared.", [52.0]),
        ("The patient was 7-years old, and had a dislocation.", [7.0]),
        # a comma that lost its space ("Case,8-year-old") is punctuation, not a thousands separator
        ("We report two brothers.The 1st Case,8-year-old,had a head tilt.", [8.0]),
        ("Mr. K, 45 years, a farmer, presented with fever.", [45.0]),
        # the age after "with"
        ("Woman with 56 years years old is presented, with cervical cancer.", [56.0]),
        ("A male patient with 62 years, was admitted with pain.", [62.0]),
        ("Mrs. Lopez, 62 years, was admitted with dyspnoea.", [62.0]),
        ("She was diagnosed at the age of 12 with a pelvic mass.", [12.0]),
        ("A 61-yr-old man, born in Crete, was admitted.", [61.0]),
        ("A 54 y/o female with abdominal pain.", [54.0]),
        ("A 54 yrs female with abdominal pain.", [54.0]),
        ("We report a 53 year patient with unresectable hepatocellular carcinoma.", [53.0]),
        ("A 16 years adolescent was admitted with ketoacidosis.", [16.0]),
        ("A 7-month-old boy was brought in.", [0.58]),
        ("A 14-month-old toddler was referred.", [1.17]),
        ("A 3-week-old girl was febrile.", [0.06]),
        ("A six-day-old boy presented with lethargy.", [0.02]),
        ("A sixty-eight-year-old gentleman was seen.", [68.0]),
        ("A thirty five year old farmer was seen.", [35.0]),
        ("A 2½-year-old child was seen.", [2.5]),
        ("A boy aged 13 1/2 years presented with cough.", [13.5]),
        ("A 3 and a half years old boy had abdominal swelling.", [3.5]),
        ("A two and a half-year-old girl was seen.", [2.5]),
        ("He was 6 and a half years of age at presentation.", [6.5]),
        ("A 2 years and 6 months old girl had a fever.", [2.5]),
        ("Two year six months old male child with a history of seizures presented with fever.", [2.5]),
        ("A 3 years, 4 months old boy was referred for a cough.", [3.33]),
        ("A woman (54 years) presented with pelvic pain.", [54.0]),
        ("A female patient, 61 years, was referred.", [61.0]),
        ("A man of 47 years presented with haematuria.", [47.0]),
        ("A female patient of 36 years attended with papules on the neck.", [36.0]),
        # the bare number between commas or after "of", then the clause about the person
        ("A man, 62, presented with a productive cough.", [62.0]),
        ("A woman of 71 was admitted with jaundice.", [71.0]),
        ("A woman of 36 sought advice after five days of malaise.", [36.0]),
        ("Her husband was admitted on the same day, a man of 34, likewise from abroad.", [34.0]),
        ("Case 4: A female patient of 50, who had surgery in 2014, was referred.", [50.0]),
        ("A 54/F presented with pelvic pain.", [54.0]),
        ("Age/Sex: 61/M. Chief complaint: cough.", [61.0]),
        ("Methods: C.I.(F,78y) underwent left nephrectomy for RCC.", [78.0]),  # a conference abstract's initials
        ("B.C. (M, 73 yrs) underwent thyroidectomy.", [73.0]),
        ("CASE REPORT: A 40-YEAR-OLD MAN WITH FEVER", [40.0]),
        ("A 40‐year‐old woman (Unicode hyphens).", [40.0]),
        # month-old / day-old shorthand of paediatric notes
        ("We saw a 5-mo.o. child with a swollen hip.", [0.42]),
        ("A 6 m.o. boy had a fever for three days.", [0.5]),
        ("An 18 d.o. female neonate was lethargic.", [0.05]),
        # a newborn's age in hours is 0 years
        ("We saw 9-hour-old conjoined twins in the sick babies unit.", [0.0]),
        ("The newborn tested positive at 24 hours of age.", [0.0]),
        # a bare duration before a person word, and a noun glued to "old"
        ("A 14-year boy presented with fever.", [14.0]),
        ("A 30-year-female presented with a rash.", [30.0]),
        ("An 85-year-oldman was admitted with chest pain.", [85.0]),
        ("A 3-month infant was seen with fever.", [0.25]),
        # non-breaking hyphens (U+2011) and en dashes of publishers' pages
        ("A 41\u2011year\u2011old woman was admitted with fever.", [41.0]),
        ("A 41\u2013year\u2013old man was admitted with fever.", [41.0]),
        # a child's age after "of" or in brackets, in months; "of" after a comma
        ("The first one - a little girl of 22 months with repeated admissions for constipation.", [1.83]),
        ("A boy (18 months) was admitted with fever.", [1.5]),
        ("The second case - also a girl, of 3 years, is admitted for flank pain.", [3.0]),
        # ages coordinated before the one written with its unit: the patients of a series in one sentence
        ("The patients were 74 and 45 years-old at admission.", [74.0, 45.0]),
        ("The sisters were 21, 25 and 28 years old at diagnosis.", [21.0, 25.0, 28.0]),
        ("Two brothers, eight and nine years old, had photophobia.", [8.0, 9.0]),
        ("Twins, 4 and 4 months old, were admitted.", [0.33, 0.33]),
    ],
)
def test_age_values(nlp, text, expected):
    assert ages(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The 5-year survival rate is 60%.",
        "Three years later she relapsed; 3 years later a second relapse occurred.",
        "She had taken tamoxifen for 2 years.",
        "Mr. K had smoked for 45 years, and Mrs. K had worked abroad.",
        "She took tamoxifen (5 years) and was well.",
        "The patient (5 years of follow-up) is well.",
        "After a follow-up of 6 years, she is well.",
        "He had a 1-year history of cough and a 10-year follow-up.",
        "A woman in her 50s presented.",
        "The mean age of 54 years is reported.",
        "The median age at diagnosis was 47 years.",
        "Lesions affect 20- to 40-year-old women.",
        "Screening is advised for patients aged 65 years or older.",
        "Most patients are between 40 and 60 years of age.",
        "Patients between 40 and 60 years old were included.",
        "Children of 3 or 4 years old were excluded.",
        "Rare in children under the age of 10.",
        # a threshold joined to its age by a hyphen
        "Guidelines for under-30 year old pregnant women are discussed.",
        "Screening of over-65 year old men is advised.",
        "Death occurred at two to 17 days of age.",
        "Onset before one week of age is a risk factor.",
        "A 1000-year-old mummy was studied.",
        "Patients aged 20-40 were included.",
        "The stage 54 tumour of 1e308 cells, aged 1e308.",
        "The catheter was 5 m. Other lines were removed.",
        "She had a 3-month history of cough.",
        "The baby was delivered at a gestational age of 23 weeks.",
        "She came at a gestation age of 40 weeks with bleeding.",
        "Gestational age: 34 weeks, birth weight 900 g.",
        "At a corrected age of 12 months she walked.",
        "A bone age of 9 years was found.",
        "A 5-day course of antibiotics was given to the child.",
        "Infants under 6 months children were excluded.",
        "A 5 year patient survival of 40% is reported.",
        "She completed a 2 year patient education programme.",
        "A woman of 70 kg received a weight-based dose.",
        "A man of 5 feet was weighed.",
        "A patient of 3 children was seen.",
        "In a man, 3 of 12 nodes were positive.",
        "A woman with 20 years of diabetes had pain.",
        "A man with 10 years history of smoking had cough.",
        "Muscle tone improved during the following four weeks.\n\nInfant botulism is a potentially fatal disease.",
        "Tone improved over four weeks. Infant botulism is rare.",
        "The boy was bitten by a 2-year-old dog of the neighbours.",
    ],
)
def test_not_an_age(nlp, text):
    assert ages(nlp, text) == []


@pytest.mark.parametrize(
    "text, form",
    [
        ("A 40-year-old woman presented.", "adjective"),
        ("She was 52 years old.", "stated"),
        ("The woman was 54 years of age.", "stated"),
        ("The patient, aged 54, was seen.", "aged"),
        ("Menarche occurred at the age of 13.", "at_age"),
        ("At 8 years old, his height was 116 cm.", "at_age"),
    ],
)
def test_age_form(nlp, text, form):
    [age] = found(nlp, text, "AGE")
    assert age.form == form


def test_age_names_the_person_it_describes(nlp):
    doc = nlp("A 45-year-old Chinese woman came with her 10-year-old sister.")
    first, second = [s._.value for s in doc.spans["demographics"] if s.label_ == "AGE"]
    assert (first.noun, first.sex, first.relative) == ("woman", "female", False)
    assert (second.noun, second.sex, second.relative) == ("sister", "female", True)
    assert first.written == "45-year-old" and first.unit == "year"


@pytest.mark.parametrize("text, expected", [
    ("While feeding a 5-year-old male black mamba, a 34-year-old snake breeder noticed a bite.", [34.0]),
    ("A 52-year-old dog owner presented with fever.", [52.0]),
])
def test_an_animals_age_is_no_persons(nlp, text, expected):
    assert ages(nlp, text) == expected


def test_person_word_stops_at_a_possessive(nlp):
    doc = nlp("A female patient aged 25 years and her younger sister were referred.")
    age = next(s._.value for s in doc.spans["demographics"] if s.label_ == "AGE")
    assert (age.noun, age.relative) == (None, False)


def test_person_word_stops_at_a_comma(nlp):
    doc = nlp("She was diagnosed at the age of 12, and a man was not involved.")
    [age] = [s._.value for s in doc.spans["demographics"] if s.label_ == "AGE"]
    assert age.noun is None


@pytest.mark.parametrize("text, noun", [
    # adjectives of the same person go on after the comma
    ("A 26-year-old previously healthy, non-sexually active male had priapism.", "male"),
    ("A 34-year-old, previously healthy woman presented with fever.", "woman"),
    # another person's phrase after the comma is not the age's
    ("A 34-year-old presented with her husband, a farmer.", None),
    ("A woman aged 40, two sisters and a brother were exposed to the gas.", None),
])
def test_person_word_after_a_comma_of_adjectives(nlp, text, noun):
    doc = nlp(text)
    age = next(s._.value for s in doc.spans["demographics"] if s.label_ == "AGE")
    assert age.noun == noun


def test_age_and_sex_in_one_token_keep_their_values(nlp):
    # scispaCy keeps "68-year-old-woman" as one token: the AGE span is kept (its value names the
    # woman) and no SEX span overwrites its value (spaCy keys Span._ by character offsets)
    doc = nlp("A 68-year-old-woman.")
    values = [s._.value for s in doc.spans["demographics"]]
    assert [type(v) for v in values] == [Age]
    assert values[0].sex == "female"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A 39-year-old woman was admitted.", [("female", "word")]),
        ("A 45-year-old female presented.", [("female", "word")]),
        ("A young lady presented.", [("female", "word")]),
        ("A 7-year-old Turkish girl fell.", [("female", "word")]),
        ("A 48-year-old man died.", [("male", "word")]),
        ("A 58-year old gentleman with lung cancer.", [("male", "word")]),
        ("A 9-year-old boy presented.", [("male", "word")]),
        ("A 15-year-old male patient was seen.", [("male", "word")]),
        ("Mr. Smith was admitted.", [("male", "title")]),
        ("Mr AA is a shop attendant.", [("male", "title")]),
        ("Mrs. Jones was admitted.", [("female", "title")]),
        ("She complained of pain in her back.", [("female", "pronoun"), ("female", "pronoun")]),
        ("He was given his medication.", [("male", "pronoun"), ("male", "pronoun")]),
        ("The patient was gravida 2.", [("female", "obstetric")]),
        ("A G2P1 patient was seen.", [("female", "obstetric")]),
        ("The patient, para 5 + 0, presented.", [("female", "obstetric")]),
        ("The patient was postmenopausal.", [("female", "obstetric")]),
        ("Seven years after menopause, bleeding occurred.", [("female", "obstetric")]),
        ("The patient's mother had breast cancer.", [("female", "relative")]),
        ("The patient's father and son were healthy.", [("male", "relative"), ("male", "relative")]),
        # a pronoun opening the sentence after one whose subject is a parent of its sex is the parent's
        ("The mother had no ante-natal care. She gave birth at home.", [("female", "relative"), ("female", "relative")]),
        # a given name in an author list is no man
        ("Yanping Li1, Man Zhang2\nA woman was admitted.", [("female", "word")]),
        ("A 45-Year-Old Man With Cough", [("male", "word")]),
        ("Her husband found her confused. She was febrile.",
         [("female", "pronoun"), ("male", "relative"), ("female", "pronoun"), ("female", "pronoun")]),
    ],
)
def test_sex_words(nlp, text, expected):
    assert sexes(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The male-to-female ratio was 3:1.",
        "The male:female ratio was 3:1.",
        "Tumours of the female genital tract are rare.",
        "A male predominance was noted.",
        "Female sex hormones were measured.",
        "HE staining showed nests; HER-2 was negative.",
        "Both MEN 2A and MEN 2B were excluded.",
        "Online Mendelian Inheritance in Man (OMIM).",
        "MR imaging was done; the delay was 5 ms.",
        "HER2/neu amplification; Her-2 was negative.",
        "The para-aortic nodes were enlarged.",
    ],
)
def test_not_a_sex(nlp, text):
    assert sexes(nlp, text) == []


@pytest.mark.parametrize(
    "text, plural",
    [
        ("Cervical cancer is common in women worldwide.", True),
        ("It is frequent in female patients.", True),
        ("A female patient presented.", False),
        ("The woman recovered.", False),
        # one age after an indefinite article: a slip of the pen for one person
        ("A 71-year-old women presented with abdominal pain.", False),
        ("Most 70-year-old women have osteopenia.", True),
        # a member of a group counted by sex
        ("A 60-year-old male, a smoker, presented with cough.", False),
        ("We report three patients (one male and two others) with lung cancer.", True),
        ("The series had 1 male, 2 of the others being children.", True),
        ("We saw one male with a rash.", False),
    ],
)
def test_plural_marks_groups(nlp, text, plural):
    [sex] = found(nlp, text, "SEX")
    assert sex.plural is plural


def test_sex_flags():
    assert Sex("female", "she", "pronoun").pronoun
    assert Sex("female", "G2P1", "obstetric").inferred
    assert Sex("female", "uterus", "anatomy").inferred
    assert Sex("male", "son", "relative").relative
    assert not Sex("female", "woman").inferred


def test_anatomy_is_opt_in(make_nlp):
    text = "She underwent a radical hysterectomy; the prostate was normal."
    assert sexes(make_nlp("caselit_demographics"), text) == [("female", "pronoun")]
    nlp = make_nlp()
    nlp.add_pipe("caselit_demographics", config={"anatomy": True})
    assert sexes(nlp, text) == [("female", "pronoun"), ("female", "anatomy"), ("male", "anatomy")]


@pytest.mark.parametrize("text", ["", "\x00\x01\x02", "9" * 5000 + "-year-old", "İİİ a 40-year-old woman", "aged"])
def test_odd_input_does_not_raise(nlp, text):
    nlp(text)


def test_lower_casing_that_changes_length_still_finds_ages(nlp):
    # "İ".lower() is two characters: the component falls back to case-insensitive patterns
    assert ages(nlp, "İstanbul: a 40-year-old woman, G2P1.") == [40.0]
    assert ("female", "obstetric") in sexes(nlp, "İstanbul: a 40-year-old woman, G2P1.")


def test_works_alone_on_a_blank_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("caselit_demographics")
    doc = nlp("A 40-year-old woman presented.")
    assert [(s.label_, s.text) for s in doc.spans["demographics"]] == [("AGE", "40-year-old"), ("SEX", "woman")]


def test_docstring_example_runs_on_a_blank_pipeline():
    spacy.blank("en")
    assert doctest.testmod(demographics_module).failed == 0


@pytest.mark.parametrize("text, sex", [
    # a noun of occupation or state that names one sex
    ("A 40-year-old policeman presented with chest pain.", "male"),
    ("A 62-year-old nun presented with chest pain.", "female"),
    ("A 50-year-old businesswoman presented with chest pain.", "female"),
    ("A 70-year-old widower presented with chest pain.", "male"),
    # one letter after an age
    ("A 54/F presented with pelvic pain.", "female"),
    ("Methods: C.I.(F,78y) underwent left nephrectomy for RCC.", "female"),
    ("Age/Sex: 61/M. Chief complaint: cough.", "male"),
    ("A 60-year-old M presented with chest pain.", "male"),
    ("A 35 yr old F with fever was admitted.", "female"),
    ("A 40-year-old (M) presented with chest pain.", "male"),
])
def test_a_sex_word_or_letter_of_the_age_phrase(nlp, text, sex):
    doc = nlp(text)
    assert [s._.value.sex for s in doc.spans["demographics"] if s.label_ == "SEX"] == [sex]


@pytest.mark.parametrize("text", [
    "Her heart rate was 120/M on arrival.",
    "Cisplatin 75 mg/m2 was given.",
    "A 54-year-old M. Smith was the surgeon.",
])
def test_no_one_letter_sex(nlp, text):
    doc = nlp(text)
    assert not [s for s in doc.spans["demographics"] if s.label_ == "SEX" and s.text in ("M", "F")]


def test_a_parents_age_in_a_birth_history_is_a_relatives(nlp):
    doc = nlp("A term female newborn was born to a 31-year-old primigravida mother by vaginal delivery.")
    (age,) = [s._.value for s in doc.spans["demographics"] if s.label_ == "AGE"]
    assert age.years == 31 and age.relative
    doc = nlp("The boy, born to a 29-year-old woman, was seen at the age of 20 days.")
    assert [(a.years, a.relative) for a in (s._.value for s in doc.spans["demographics"] if s.label_ == "AGE")] == [
        (29, True), (0.05, False)]


def test_well_until_an_age_is_the_age_at_onset(nlp):
    doc = nlp("She was fine until the age of 12 days, when she developed poor feeding.")
    assert [(s._.value.years, s._.value.form) for s in doc.spans["demographics"] if s.label_ == "AGE"] == [(0.03, "at_age")]
    assert ages(nlp, "Screening is advised until the age of 5 years.") == []


@pytest.mark.parametrize("text, relative", [
    # an obstetric report's patient is a mother: her own presentation follows
    ("We describe a 33-year-old mother with lupus who presented at 30 weeks of gestation.", False),
    ("A 28-year-old mother was admitted with eclampsia.", False),
    # a parent of the patient
    ("A 30-year-old mother of a boy who presented with fever.", True),
    ("A 35-year-old mother brought her son, who presented with a rash.", True),
    ("Her 40-year-old mother was admitted.", True),
    ("A newborn born to a 26-year-old mother was admitted.", True),
    ("An infant was born via vaginal delivery at a gestational age of 36 weeks to a 17-year-old woman.", True),
    # a patient born somewhere, not to someone
    ("A 30-year-old woman who was born in Nigeria presented with fever.", False),
])
def test_a_mother_who_presents_is_the_patient(nlp, text, relative):
    [age] = found(nlp, text, "AGE")
    assert age.relative is relative


def test_an_age_with_a_hyphenated_half(nlp):
    assert ages(nlp, "We report a 13-month-old boy and his five-and-a-half-year-old sister.") == [1.08, 5.5]


@pytest.mark.parametrize(
    "text, years, form",
    [
        # an age "at the age of" that dates the referral or the admission is the presentation's
        ("At the age of 4 months, the boy was referred to our unit for poor weight gain.", 0.33, "stated"),
        ("At the age of 9, this girl presented with a limp.", 9.0, "stated"),
        ("She was admitted to the paediatric ward at the age of 3 weeks.", 0.06, "stated"),
        # ...not an earlier event, nor a visit of any kind
        ("She was admitted with a history of menarche at the age of 11.", 11.0, "at_age"),
        ("At the age of 2, she had surgery for a cleft palate.", 2.0, "at_age"),
        ("The girl was seen at the age of 20 days.", 0.05, "at_age"),
    ],
)
def test_an_age_at_referral_is_the_presentation_age(nlp, text, years, form):
    [age] = found(nlp, text, "AGE")
    assert (age.years, age.form) == (years, form)


@pytest.mark.parametrize(
    "text, years",
    [
        ("The infant was transferred to us at 12 d of age.", 0.03),
        ("He was first seen at 6 wks of age.", 0.11),
        ("A two-and-half year old girl had fever.", 2.5),
        ("A one and half year old boy had cough.", 1.5),
    ],
)
def test_abbreviated_units_and_a_half_without_its_article(nlp, text, years):
    assert ages(nlp, text) == [years]


@pytest.mark.parametrize(
    "text, years",
    [
        # years and months, with the short units of paediatric follow-up and with or without "and":
        # every age form reads the months after its years
        ("Insulin was started at 3 yr and 9 mo of age.", 3.75),
        ("The boy, aged 5 years and 4 months, had a limp.", 5.33),
        ("A girl aged 6 years 3 months was referred.", 6.25),
        ("He was referred at age 8 years, 6 months.", 8.5),
        ("She was seen at the age of 12 and 3 months.", 12.25),
        ("Seizures began at 9 yr and 2 mo old.", 9.17),
        ("The child was two years and three months of age.", 2.25),
        # the short units and the one letter of summary lines, right before the person word
        ("A 63y female was seen for a cough.", 63.0),
        ("A 63 y man was seen for a cough.", 63.0),
        ("A 4 mo infant was seen for a cough.", 0.33),
        ("A 5 wk infant had jaundice.", 0.1),
    ],
)
def test_years_and_months_and_short_units_in_every_form(nlp, text, years):
    assert ages(nlp, text) == [years]


@pytest.mark.parametrize(
    "text, years",
    [
        # months that date a later event, or come after a comma with no unit of years, are not the age's
        ("She was diagnosed at the age of 40 and 5 months later had surgery.", 40.0),
        ("The man, aged 61, 4 months after the operation, was well.", 61.0),
        ("At 7 years and 2 months after the transplant he relapsed; he was aged 30.", 30.0),
    ],
)
def test_months_of_a_later_event_are_not_the_age(nlp, text, years):
    assert ages(nlp, text) == [years]


@pytest.mark.parametrize("text, kin_named", [
    # the child a parent or carer is named after: the age is the child's
    ("Three days of cough led the mother of a 4-year-old girl to call the surgery.", True),
    ("The parents of a 20-day-old boy brought him to the clinic.", True),
    ("The anxious grandfather of the 10-month-old infant noticed a swelling.", True),
    # a kin word after an indefinite article describes the patient herself
    ("A mother of a 2-year-old son was admitted with chest pain.", False),
    # the age's own noun is a relative: still the relative's
    ("The father of his 6-year-old brother was a smoker.", False),
    ("Parents of 3-year-old children were asked to fill in a form.", False),
])
def test_the_child_a_parent_is_named_after(nlp, text, kin_named):
    assert [a.kin_named for a in found(nlp, text, "AGE")] == [kin_named]


@pytest.mark.parametrize("text, age", [
    ("A 24 years P2L3A2 lady, who had undergone elective caesarean delivery, presented with headache.", 24),
    ("A 30 years G2P1 woman presented at 32 weeks with headache.", 30),
])
def test_an_age_before_an_obstetric_formula_and_the_person_word(nlp, text, age):
    assert ages(nlp, text) == [age]
