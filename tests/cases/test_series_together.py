"""Patients described together: how many rows a report of relatives, twins or a small series
announces, what one sentence tells of all of them, and which words are a newborn's mother's.
Texts written for these tests."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp
from pipeline.nlp.sections.patient_announcements import announced_patients, announced_sex
from pipeline.nlp.sections.patient_introductions import introduced_patients


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def cases(nlp, text, title=None):
    return report_cases(nlp, Report(name="t.txt", text=text, title=title))


@pytest.mark.parametrize("title, text, count", [
    # twins named by a kin word or as infants, relatives named one by one, a count after the colon
    ("Kawasaki disease in dizygotic twin brothers", "", 2),
    ("Neuroblastoma in infant twins with the same mutation", "", 2),
    ("Wilson disease in a brother and sister", "", 2),
    ("Myasthenia gravis in a mother and her daughter", "", 2),
    ("Pulse steroids in transverse myelitis: three cases of full recovery", "", 3),
    # a sentence of the opening telling the illness of both
    (None, "Abstract Both infants developed bilious vomiting on the second day of life.", 2),
    # two aged relatives the illness was found in or between
    (None, "Case Report: A shared psychotic disorder was found between a 45-year-old mother and her "
           "18-year-old daughter.", 2),
    (None, "We saw botulism in a 32-year-old man and his 30-year-old wife after a family meal.", 2),
    # not: a mother's twins, the newborns of a mother's report, relatives of one patient
    ("Pre-eclampsia in a mother of twins", "", 1),
    (None, "A 31-year-old woman delivered twins. Both infants were born healthy.", 1),
    ("Gout in a man whose brother and sister were healthy", "", 1),
    (None, "A boy was born to a 26-year-old mother and her 30-year-old husband at term.", 1),
])
def test_announced_count(title, text, count):
    assert announced_patients(text, title) == count


@pytest.mark.parametrize("title, sex", [
    ("Kawasaki disease in dizygotic twin brothers", "male"),
    ("Myasthenia gravis in a mother and her daughter", "female"),
    ("Wilson disease in a brother and sister", None),
])
def test_announced_sex_of_relatives_named_together(title, sex):
    assert announced_sex("", title) == sex


@pytest.mark.parametrize("text, sex", [
    # a cancer of men only, named after the announcement's count
    ("Male breast cancer is rare. The authors report two cases of male breast cancer at stage III.", "male"),
    ("The authors report two cases of breast cancer at stage III.", None),
    # the group named in a relative clause after the count, and a group of both sexes
    ("We report a series of three cases in which young males presented with neuromuscular paralysis.", "male"),
    ("We report three cases in which women and men presented with neuromuscular paralysis.", None),
])
def test_announced_sex_of_a_cancer_of_one_sex(text, sex):
    assert announced_sex(text) == sex


def test_a_list_of_three_aged_relatives_introduces_none_of_them_and_gives_a_row_each(nlp):
    text = ("Three patients, a 44-year-old woman, her 47-year-old brother, and 70-year-old father, "
            "developed the disease within two years. All were treated surgically.")
    assert introduced_patients(text, "Sarcoidosis in a family") == []
    rows = cases(nlp, text, "Sarcoidosis in a family")
    assert [(r.age, r.sex) for r in rows] == [(44, "female"), (47, "male"), (70, "male")]


def test_a_mother_named_with_her_aged_daughter_is_a_patient_with_her_own_age(nlp):
    text = ("Case Report: A shared psychotic disorder was found between a 45-year-old mother and her "
            "18-year-old daughter sharing the same delusions.")
    rows = cases(nlp, text, "Shared psychotic disorder in a family")
    assert [(r.age, r.sex) for r in rows] == [(45, "female"), (18, "female")]


def test_a_patient_aged_after_her_person_word_keeps_her_age_before_her_sister(nlp):
    text = "A female patient aged 25 years and her younger sister aged 23 years were referred with xanthomas."
    rows = cases(nlp, text, "Familial hypercholesterolaemia in two sisters")
    assert [(r.age, r.sex) for r in rows] == [(25, "female"), (23, "female")]


def test_two_aged_relatives_still_introduce_the_second():
    text = "We report the disease in siblings: a 2-year-old boy and his 6-year-old sister. Both were well."
    assert [s.heading for s in introduced_patients(text)] == ["his 6-year-old sister"]


def test_siblings_named_by_birth_order_with_their_own_ages_each_open_a_row(nlp):
    text = ("We describe two siblings with the disorder. The elder sibling, who was 16 years old at the first "
            "visit, had hearing loss and poor sight. He died of sepsis a year later. The younger sister presented "
            "with him, when she was 9 years old, with mild visual loss. She improved and is well at present.")
    starts = introduced_patients(text)
    assert [s.heading for s in starts] == ["The elder sibling", "The younger sister"]
    rows = cases(nlp, text)
    assert [(r.age, r.sex) for r in rows] == [(16, "male"), (9, "female")]


@pytest.mark.parametrize("text, count", [
    ("Abstract We report four cases of severe pneumonia. These patients were treated with intravenous "
     "dexamethasone and all of them improved.", 4),
    ("Abstract We treated two patients with severe tetanus with intrathecal baclofen. Both improved.", 2),
    # the bare plural opening the sentence
    ("Abstract The authors report two cases of male breast cancer. A mastectomy was performed. Patients were "
     "given adjuvant chemotherapy and started on tamoxifen.", 2),
    # the drug named before for the report as a whole: its repeat for the group is still everyone's
    ("Abstract We report a case series of recovery from visual impairment due to methanol intoxication following "
     "treatment with fomepizole. Three men drank adulterated liquor. All three patients were treated with "
     "fomepizole, folic acid IV, and 2-3 sessions of hemodialysis.", 3),
])
def test_a_drug_told_of_all_the_patients_is_each_rows(nlp, text, count):
    rows = cases(nlp, text)
    assert len(rows) == count
    assert all(row.drugs for row in rows)
    assert len({tuple(row.drugs) for row in rows}) == 1


@pytest.mark.parametrize("text", [
    "Abstract We report three cases of severe pneumonia. Two patients received intravenous dexamethasone and recovered.",
    "Abstract We report three cases of primary hyperparathyroidism. All patients underwent surgery. Afterwards one of "
    "the patients with bone disease required high doses of calcium carbonate and calcitriol.",
])
def test_a_drug_of_some_of_the_patients_is_not_copied(nlp, text):
    rows = cases(nlp, text)
    assert len(rows) == 3
    assert [bool(row.drugs) for row in rows[1:]] == [False, False]


def test_persons_listed_with_a_word_between_give_each_row_its_sex(nlp):
    text = "This report describes measles encephalitis in two siblings: a Syrian girl and her younger brother."
    rows = cases(nlp, text, "Measles encephalitis in a sister and brother")
    assert [r.sex for r in rows] == ["female", "male"]


def test_twins_born_to_a_mother_of_stated_age_are_newborns_and_take_the_sex_of_their_label(nlp):
    text = ("A 29-year-old woman who was pregnant with twins was admitted at 25 weeks in labour. A live male "
            "(Twin A) weighing 700 g and a live female infant (Twin B) weighing 650 g were delivered. "
            "Both newborns were intubated and given surfactant. She is a mother of healthy 4-year-old twins.")
    rows = cases(nlp, text, "Survival of extremely preterm twins")
    assert [(r.age, r.sex) for r in rows] == [(0, "male"), (0, "female")]


def test_the_age_of_the_mother_the_twins_are_born_to_is_not_theirs(nlp):
    text = ("Abstract Both infants developed abdominal distension on the third day of life. A twin girl and boy "
            "were born to an unbooked 35-year-old woman at 33 weeks. The girl was discharged home.")
    rows = cases(nlp, text)
    # not the mother's 35 years: the newborns' third day of life
    assert [(r.age, r.sex) for r in rows] == [(0.01, "female"), (0.01, "male")]


def test_one_and_the_other_give_each_announced_patient_its_own_outcome(nlp):
    text = ("Abstract We report two identical twins with acute myeloid leukaemia. One twin relapsed and died, "
            "while the other remains in complete remission five years after diagnosis.")
    rows = cases(nlp, text)
    assert [r.outcome for r in rows] == ["died", "complete remission"]


def test_one_and_the_other_told_the_same_status_give_it_to_both(nlp):
    text = ("We report two patients with renal medullary carcinoma. Both had stage IV disease. One underwent radical "
            "nephrectomy followed by radiation but died five months later; the other underwent multiple cycles of "
            "chemotherapy but died 15 months after diagnosis.")
    rows = cases(nlp, text, "Renal medullary carcinoma: two cases")
    assert [r.outcome for r in rows] == ["died", "died"]


def test_one_and_the_other_give_each_announced_patient_its_own_histology(nlp):
    text = ("We describe a pair of identical twins who were diagnosed at 4 and 6 years of age, one with Burkitt "
            "lymphoma and the other with acute myeloid leukemia.")
    rows = cases(nlp, text, "Concordant malignancy in identical twins")
    assert [r.histology for r in rows] == ["burkitt lymphoma", "acute myeloid leukemia"]


def test_ordinal_labels_opening_the_care_of_each_patient_open_their_parts(nlp):
    text = ("Ovarian cancer with skin metastasis at diagnosis: two cases\n"
            "Background: Spread to the skin at diagnosis is rare. Cases: Two patients were diagnosed with stage IVB "
            "ovarian cancer. The first case was treated with six cycles of paclitaxel, but she died 4 months later. "
            "The second case received surgery followed by docetaxel, but she died 3 months later.")
    rows = cases(nlp, text, "Ovarian cancer with skin metastasis at diagnosis: two cases")
    assert [r.drugs for r in rows] == [["paclitaxel"], ["docetaxel"]]
    assert [r.figo_stage for r in rows] == ["IVB", "IVB"]
    assert [r.outcome for r in rows] == ["died", "died"]


def test_an_ordinal_label_of_the_literature_opens_no_part():
    from pipeline.nlp.sections.patient_labels import inline_patient_starts
    text = "The first case was reported by Lee in 1990. The second case was reported in 1995."
    assert inline_patient_starts(text) == []


def test_a_sentence_about_all_the_patients_before_the_cases_gives_each_its_site_in_order(nlp):
    text = ("Two patients were diagnosed with metastatic breast cancer involving the lung and the liver, respectively. "
            "Case 1 A 51-year-old woman received letrozole. Case 2 A 62-year-old woman received tamoxifen.")
    rows = cases(nlp, text)
    assert [r.metastasis_sites for r in rows] == [["lung"], ["liver"]]


def test_a_count_that_is_not_all_the_patients_shares_nothing(nlp):
    text = ("Two patients were treated with cisplatin. Case 1 A 51-year-old woman had a rash. Case 2 A 62-year-old "
            "woman had fever. Case 3 A 70-year-old woman had pain.")
    rows = cases(nlp, text)
    assert [r.drugs for r in rows] == [[], [], []]


def test_members_of_a_family_are_announced_and_a_relative_told_with_her_age_is_a_patient(nlp):
    text = ("Two members of a Greek family are affected with hereditary ataxia. One, a male, has had the disease since "
            "early childhood and is still walking at the age of 14. In his sister, the first signs appeared at the age "
            "of 17, and the disease is advancing quickly.")
    assert announced_patients(text) == 2
    rows = cases(nlp, text)
    assert [(r.age, r.sex) for r in rows] == [(14, "male"), (17, "female")]


def test_two_members_of_her_family_are_no_announcement():
    assert announced_patients("A 40-year-old woman had ataxia. Two members of her family had died of it.") == 1


def test_the_drugs_both_children_were_given_are_each_ones(nlp):
    text = ("We describe measles in siblings. A previously healthy 3-year-old girl was admitted with fever and rash. "
            "Her younger brother developed the same rash five days later. Both children were treated with vitamin A "
            "and ribavirin, and both recovered.")
    rows = cases(nlp, text)
    assert len(rows) == 2
    assert all("ribavirin" in row.drugs for row in rows)


def test_the_ordinal_alone_with_the_next_patient_in_apposition_opens_its_part(nlp):
    text = ("We describe two patients with tetanus. The first patient, a 30-year-old man, stepped on a nail and was "
            "treated with metronidazole. The second, a 45-year-old woman, had an ear infection and received penicillin.")
    rows = cases(nlp, text)
    assert [(r.age, r.sex, r.drugs) for r in rows] == [(30, "male", ["metronidazole"]),
                                                        (45, "female", ["benzylpenicillin"])]


@pytest.mark.parametrize("text, drugs", [
    # one sentence naming both patients by their person words: each takes what follows its word
    ("We report two cases of Wilson disease. The patients were a 14-year-old boy and his 17-year-old sister. "
     "The boy was treated with penicillamine and the girl with zinc acetate.", [["penicillamine"], ["zinc acetate"]]),
    # a parent's word names no patient
    ("We report two cases of Wilson disease. The patients were a 14-year-old boy and his 17-year-old sister. "
     "The boy's mother said he had been given ibuprofen. The sister received zinc acetate.",
     [["ibuprofen"], ["zinc acetate"]]),
])
def test_a_sentence_naming_both_patients_gives_each_its_own(nlp, text, drugs):
    assert [r.drugs for r in cases(nlp, text)] == drugs


def test_an_age_of_advice_is_no_patients_age(nlp):
    text = ("We report meningitis in twins. A previously healthy 2-year-old boy was admitted with fever. His twin "
            "brother developed similar symptoms five days later. All infants should receive the vaccine beginning at "
            "2 months of age.")
    rows = cases(nlp, text)
    assert len(rows) == 2
    assert rows[0].age == 2
    assert rows[1].age != round(2 / 12, 2)


def test_a_twin_without_an_age_of_its_own_has_its_co_twins_age_in_years(nlp):
    text = ("We report meningitis in identical twins. A previously healthy 2-year-old boy was admitted with fever. "
            "His twin brother developed similar symptoms five days later and was admitted too.")
    assert [r.age for r in cases(nlp, text)] == [2, 2]


def test_a_table_with_one_column_per_patient_gives_each_row_its_column(nlp):
    text = ("Two cases of fever in cervical cancer\nCase 1\nA 45-year-old woman presented with fever.\nCase 2\n"
            "A 52-year-old woman presented with pelvic pain.\nTable 1 Findings\n | Case 1 | Case 2\n"
            "WBC (x10^9/L) | 18.2 | 25.6\nTreatment | cisplatin | carboplatin")
    rows = cases(nlp, text)
    assert [(r.wbc_values, r.drugs) for r in rows] == [([18.2], ["cisplatin"]), ([25.6], ["carboplatin"])]


def test_a_table_of_one_patients_days_moves_nothing(nlp):
    text = ("Two cases of fever in cervical cancer\nCase 1\nA 45-year-old woman presented with fever.\nCase 2\n"
            "A 52-year-old woman presented with pelvic pain.\nTable 1 Course of case 2\n | Day 1 | Day 5\n"
            "WBC (x10^9/L) | 18.2 | 25.6")
    rows = cases(nlp, text)
    assert [r.wbc_values for r in rows] == [[], [18.2, 25.6]]


def test_all_three_told_after_the_last_case_is_every_cases(nlp):
    text = ("Abstract We describe three children with tetanus. Case 1: a 6-year-old boy stepped on a nail. Case 2: a "
            "9-year-old girl had an ear infection. Case 3: an 8-year-old boy cut his foot. All three were treated "
            "with metronidazole.")
    assert [r.drugs for r in cases(nlp, text)] == [["metronidazole"]] * 3


def test_siblings_told_in_one_paragraph_without_headings_keep_their_own_drugs(nlp):
    text = ("We report familial lymphohistiocytosis in two siblings. A 4-month-old girl was admitted with fever and "
            "was treated with etoposide and dexamethasone; she died of sepsis. Two years later, her 3-month-old "
            "brother presented with fever. He received etoposide and ciclosporin.")
    rows = cases(nlp, text)
    assert [(r.sex, r.drugs) for r in rows] == [("female", ["dexamethasone", "etoposide"]),
                                                ("male", ["ciclosporin", "etoposide"])]


def test_a_mother_and_her_daughter_reported_together_are_two_patients(nlp):
    text = ("We report a mother and her daughter with thyroid cancer. A 45-year-old woman presented with a neck mass "
            "and underwent thyroidectomy. Her 19-year-old daughter was diagnosed with papillary carcinoma a year later.")
    assert announced_patients(text) == 2
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(45, "female"), (19, "female")]


@pytest.mark.parametrize("text, rows_expected", [
    ("We present two cases of pyomyositis. The first was a 34-year-old woman who was treated with cefazolin. "
     "The second was a 56-year-old man who received clindamycin.", [(34, ["cefazolin"]), (56, ["clindamycin"])]),
    ("We describe two patients with scurvy. Patient A, a 30-year-old woman, was given ascorbic acid. Patient B, "
     "a 40-year-old man, received iron.", [(30, ["ascorbic acid"]), (40, ["iron"])]),
    ("Here we report two cases of melioidosis. In the first case, a 56-year-old woman presented with fever and was "
     "treated with ceftazidime. In the second case, a 61-year-old man presented with a liver abscess and was "
     "treated with meropenem.", [(56, ["ceftazidime"]), (61, ["meropenem"])]),
])
def test_more_ways_of_opening_each_patient(nlp, text, rows_expected):
    assert [(r.age, r.drugs) for r in cases(nlp, text)] == rows_expected


def test_the_person_words_of_two_patients_tell_their_outcomes_apart(nlp):
    text = ("We report two patients, a 35-year-old woman and a 62-year-old man, with cryptococcal meningitis. Both "
            "were treated with amphotericin B. The woman recovered, while the man died.")
    assert [r.outcome for r in cases(nlp, text)] == ["recovered", "died"]


def test_drugs_told_apart_by_the_patients_person_words(nlp):
    text = ("Two patients (a 45-year-old woman and a 70-year-old man) with legionellosis are reported. The woman "
            "received azithromycin and the man levofloxacin.")
    assert [(r.age, r.drugs) for r in cases(nlp, text)] == [(45, ["azithromycin"]), (70, ["levofloxacin"])]


def test_one_cycle_and_the_second_cycle_tell_no_patients_apart(nlp):
    text = ("We report two sisters, aged 23 and 27 years, with ovarian dysgerminoma. One cycle of bleomycin was "
            "given, and the second cycle was given with cisplatin.")
    rows = cases(nlp, text)
    assert [r.age for r in rows] == [23, 27]
    assert "cisplatin" in rows[0].drugs


@pytest.mark.parametrize("text", [
    "We report two cases of lung adenocarcinoma that presented with distant spread: a man with a metastasis to the "
    "liver and a woman with a metastasis to the brain. Both were treated with osimertinib.",
    "We report two patients, a 58-year-old man and a 64-year-old woman, with lung adenocarcinoma. The man had "
    "metastases to the liver, and the woman had metastases to the brain.",
])
def test_sites_of_spread_told_apart_by_the_patients_person_words(nlp, text):
    assert [(r.sex, r.metastasis_sites) for r in cases(nlp, text)] == [("male", ["liver"]), ("female", ["brain"])]


@pytest.mark.parametrize("text, drugs", [
    ("We report two patients with visceral leishmaniasis. Patient 1 received miltefosine, whereas patient 2 was "
     "treated with paromomycin.", [["miltefosine"], ["paromomycin"]]),
    ("We report a 30-year-old man and a 45-year-old woman with brucellosis. The former was treated with doxycycline "
     "and rifampicin, the latter with doxycycline and streptomycin.",
     [["doxycycline", "rifampicin"], ["doxycycline", "streptomycin"]]),
    ("Two women, aged 41 and 56 years, with ovarian cancer were treated with olaparib and niraparib, respectively.",
     [["olaparib"], ["niraparib"]]),
    # twins named by their labels, the second after the first in one sentence
    ("We report twins born at 34 weeks. While Twin 1 was stable at presentation, Twin 2 had cardiac failure which "
     "resolved after 48 hours on oxygen therapy and frusemide.", [[], ["furosemide"]]),
    ("We report twins with neonatal sepsis. Twin A received ampicillin, and twin B was given cefotaxime.",
     [["ampicillin"], ["cefotaxime"]]),
    # an ordinal subject of its own sentence, no noun after it
    ("Two cases of Wilson's disease are reported. First case presented with fulminant hepatic failure and had a "
     "fatal outcome. The second had an insidious onset and is progressing satisfactorily on zinc therapy.",
     [[], ["zinc"]]),
])
def test_drugs_of_two_patients_told_in_one_sentence(nlp, text, drugs):
    assert [r.drugs for r in cases(nlp, text)] == drugs


def test_a_man_and_his_wife_are_no_announcement_of_two():
    assert announced_patients("We report a 30-year-old man and his 28-year-old wife, who cared for him.") == 1


def test_a_mothers_report_naming_both_her_newborns_is_one_patients(nlp):
    text = ("A 32-year-old woman with a dichorionic twin pregnancy presented at 31 weeks with epigastric pain and "
            "hypertension. She was given magnesium sulfate, and a caesarean section was performed. Both newborns were "
            "admitted to the neonatal unit. She recovered.")
    rows = cases(nlp, text, "Twin pregnancy complicated by HELLP syndrome")
    assert [(r.age, r.sex) for r in rows] == [(32, "female")]


def test_members_of_the_family_who_had_the_disease_before_are_no_announcement():
    text = "Introduction\nTwo members of the same family had died of this disease. We report a 40-year-old man with it."
    assert announced_patients(text) == 1


@pytest.mark.parametrize("text", [
    "In the past year we treated two patients with similar symptoms. Here we report a 40-year-old woman with X.",
    "We have previously treated two patients with this condition. We report a 40-year-old woman with X.",
])
def test_patients_the_authors_treated_before_are_no_announcement(text):
    assert announced_patients(text) == 1


def test_twins_labelled_with_their_sex_in_apposition_born_to_a_young_mother(nlp):
    text = ("Twin A, a male, and twin B, a female, were born at 35 weeks to a 19-year-old mother with untreated "
            "syphilis. Both twins were treated with benzylpenicillin for 10 days. Twin A developed hepatomegaly.")
    rows = cases(nlp, text, "Congenital syphilis in dizygotic twins")
    assert [(r.age, r.sex, r.drugs) for r in rows] == [(0, "male", ["benzylpenicillin"]), (0, "female", ["benzylpenicillin"])]


def test_the_last_patient_of_an_ordinal_series_opens_the_next_part(nlp):
    text = ("We report three cases of breast metastases from other cancers. The first case was a 61-year-old woman "
            "with papillary thyroid carcinoma. The second case was a 70-year-old woman with gastric adenocarcinoma. "
            "The last case was 28-year woman with synovial sarcoma of the thigh.")
    assert [(r.age, r.sex, r.primary_site) for r in cases(nlp, text)] == [
        (61, "female", "thyroid"), (70, "female", "stomach"), (28, "female", "soft tissue")]


def test_the_other_case_after_the_first_opens_the_second_part(nlp):
    text = ("We report two cases of cutaneous angiosarcoma. The first case is a 75-year-old man with a scalp "
            "nodule that grew over two months. The other case is a 68-year-old woman with a purple plaque of "
            "the face after radiotherapy for breast cancer.")
    assert [(r.age, r.sex) for r in cases(nlp, text)] == [(75, "male"), (68, "female")]


def test_the_other_patient_of_a_one_patient_report_opens_nothing(nlp):
    text = ("A 52-year-old man was admitted with pneumonia to a double room. The other patient in the room had "
            "influenza. He received ceftriaxone and recovered.")
    assert len(cases(nlp, text)) == 1


def test_a_last_case_with_no_numbered_patient_before_it_opens_nothing(nlp):
    text = ("A 52-year-old man presented with haemoptysis and was found to have a lung adenocarcinoma. "
            "The last case of this kind, a 60-year-old man, was reported in 1998.")
    assert len(cases(nlp, text)) == 1


def test_the_first_of_these_and_the_second_patient_open_their_parts(nlp):
    text = ("Case report: This report details 2 cases of metachronous bilateral soft tissue sarcomas. The first of "
            "these presented as a recurrence of a resected right thigh liposarcoma. The second patient had a "
            "multifocal leiomyosarcoma of both legs with lung metastases.")
    assert [(r.histology, r.metastasis_sites) for r in cases(nlp, text)] == [
        ("liposarcoma", []), ("leiomyosarcoma", ["lung"])]


def test_the_last_patients_own_heading_is_not_a_review_section_after_the_patients(nlp):
    text = ("Case Number One\nA 36-year-old woman attended with papules on the neck. Biopsy confirmed "
            "pseudoxanthoma elasticum.\n\nCase Number Two\nA female patient of 59 years was referred for angioid "
            "streaks of the retina. She was treated with ranibizumab.\n")
    assert [(r.age, r.drugs) for r in cases(nlp, text)] == [(36, []), (59, ["ranibizumab"])]


@pytest.mark.parametrize("text, ages, sexes", [
    # a newborn report about a mother and her child: the newborn is aged at birth, the mother told after her
    # child takes no newborn's age, and the sex her word says
    ("We report congenital tuberculosis in a preterm female infant born to a mother with tuberculous endometritis "
     "diagnosed soon after delivery. Mycobacterium tuberculosis grew from the infant's gastric aspirate. "
     "Mother and child were treated successfully.", [0, None], ["female", "female"]),
    # ... told after the child ("both infant and mother"), the mother's age written with her words hers
    ("A preterm male infant was born at 33 weeks gestational age to a 33-year-old primiparous woman. The infant "
     "developed cyanosis on the 21st day of life, and his tracheal aspirate grew Mycobacterium tuberculosis. The "
     "mother was later diagnosed with tuberculosis. Both infant and mother were treated with isoniazid and "
     "rifampicin.", [0, 33], ["male", "female"]),
])
def test_a_mother_told_with_her_newborn_is_no_newborn(nlp, text, ages, sexes):
    rows = cases(nlp, text)
    assert [(row.age, row.sex) for row in rows] == list(zip(ages, sexes))


def test_twins_of_a_newborn_report_are_both_newborns(nlp):
    rows = cases(nlp, "Both newborns had hepatosplenomegaly at birth and were given benzylpenicillin.",
                 title="Congenital syphilis in preterm twins")
    assert [row.age for row in rows] == [0, 0]


def test_spread_told_of_the_patients_named_by_number_is_theirs(nlp):
    text = ("We report three siblings aged 45, 50 and 52 years with non-medullary thyroid carcinoma. Only Patients 1 and 3 "
            "had swelling of the neck. Patients 2 and 3 had advanced disease at presentation with lymph node "
            "metastasis. All patients underwent a total thyroidectomy.")
    assert [r.metastasis_sites for r in cases(nlp, text)] == [[], ["lymph node"], ["lymph node"]]


def test_the_other_case_and_the_sentences_going_on_with_it_are_the_second_rows(nlp):
    text = ("We report two cases of foodborne botulism in one family. The index case, a 45-year-old man, developed "
            "ptosis and respiratory failure and was ventilated. The case recovered after 29 days of hospitalization. "
            "The other case developed dizziness and mild weakness. This case received anti-toxin treatment before "
            "respiratory failure was shown. The case recovered after 5 days of hospitalization.")
    assert [r.outcome for r in cases(nlp, text)] == ["recovered", "recovered"]



def test_one_and_the_other_after_the_groups_family_give_each_its_own_type(nlp):
    # "two cases of lymphoma": the family named of the group before "one ... the other" is no one's type
    text = ("We report two cases of lymphoma manifesting in siblings, one is Hodgkin lymphoma (HL) and the other is "
            "Non-Hodgkin lymphoma (NHL) in a nuclear family. Each presented a year apart.")
    rows = cases(nlp, text, "Lymphoma in two siblings")
    assert [r.histology for r in rows] == ["hodgkin lymphoma", "non-hodgkin lymphoma"]


@pytest.mark.parametrize("text, outcomes", [
    # a brother and a sister told together: "the girl", "he", "her older brother" name one of them
    (("We report two siblings, a girl aged 14 years and a boy aged 22 years, with nodular sclerosis Hodgkin "
      "lymphoma. Results: The girl achieved remission with chemotherapy alone. The boy relapsed during "
      "chemotherapy. Unfortunately, he died of refractory disease."), ["complete remission", "died"]),
    (("Two cases of melanoma of the skin, in a brother and sister, are presented. A lesion was removed from the "
      "back of a 61-year-old man. The patient is without recurrence four years later. A sister, age 40, had a "
      "tumour of the calf removed. She died of metastatic melanoma in May 1961."),
     ["no evidence of disease", "died"]),
])
def test_a_status_of_a_sentence_opening_on_one_sexs_word_is_that_patients(nlp, text, outcomes):
    assert [r.outcome for r in cases(nlp, text)] == outcomes


def test_a_date_of_a_sentence_opening_on_one_sexs_word_is_that_patients(nlp):
    text = ("Two cases of melanoma of the skin, in a brother and sister, are presented. A lesion was removed from the "
            "back of a 61-year-old man. The patient is without recurrence four years later. A sister, age 40, had a "
            "tumour of the calf removed. She died of metastatic melanoma in May 1961.")
    assert [r.dates for r in cases(nlp, text)] == [[], ["1961-05"]]


def test_a_pronoun_names_no_one_when_both_patients_are_of_its_sex(nlp):
    text = ("We report two brothers, aged 30 and 34 years, with familial Mediterranean fever. The older brother "
            "responded to colchicine. He recovered fully.")
    # (the status stays where the one-patient reading put it: no row is told apart by "he")
    assert [r.outcome for r in cases(nlp, text)] == ["recovered", None]


def test_one_and_the_other_two_of_three_told_apart(nlp):
    text = ("Here we present wild mushroom poisoning that affected three individuals, resulting in two fatalities. "
            "One individual sought medical attention promptly and recovered, while the other two sought medical help "
            "three days after the onset of symptoms, when their liver failure had already worsened and led to their "
            "deaths.")
    assert [r.outcome for r in cases(nlp, text)] == ["recovered", "died", "died"]


def test_drugs_of_one_and_of_the_other_two_of_three_told_apart(nlp):
    title = "Three cases of bullous pemphigoid associated with gliptins - one due to linagliptin"
    text = (f"{title}\nCase reports: Three patients diagnosed with bullous pemphigoid at our department had started a "
            "gliptin for diabetes. One case was due to linagliptin use, while the other 2 cases were due to "
            "vildagliptin-metformin use.")
    assert [r.drugs for r in cases(nlp, text, title=title)] == [
        ["linagliptin"], ["metformin", "vildagliptin"], ["metformin", "vildagliptin"]]


def test_a_treatment_told_with_no_patient_named_is_every_rows(nlp):
    text = ("We present 4 cases of late vitamin K deficiency bleeding in breastfed infants. In two patients "
            "intracranial bleeding was detected. Treatment consisted mainly of vitamin K administration and fresh "
            "frozen plasma.")
    assert [r.drugs for r in cases(nlp, text)] == [["phytomenadione"]] * 4
    # ... also as the clause after "and"
    text = ("These are two cases of Wernicke encephalopathy complicating hyperemesis gravidarum in two women. "
            "Diagnosis was confirmed by MRI scan, and the treatment consisted of intravenous thiamine.")
    assert [r.drugs for r in cases(nlp, text)] == [["thiamine"]] * 2


def test_a_treatment_inside_the_first_patients_labelled_part_is_that_patients(nlp):
    # a page cut before "Patient II": the one labelled part is the first patient's, and its treatment
    # sentence that names no patient is hers only; a sentence naming them all still reaches every row
    text = ("We have come across two families in which four children were affected by neuroblastoma. "
            "Family 1\nPatient I: A 9-month-old girl was brought to us with abdominal distension. Biopsy showed "
            "neuroblastoma. Treatment consisted of six cycles of vincristine, cyclophosphamide and doxorubicin.")
    assert [r.drugs for r in cases(nlp, text)] == [["cyclophosphamide", "doxorubicin", "vincristine"], [], [], []]
    text = ("We have come across two families in which four children were affected by neuroblastoma. "
            "Family 1\nPatient I: A 9-month-old girl was brought to us with abdominal distension. Biopsy showed "
            "neuroblastoma. All four children were treated with vincristine.")
    assert [r.drugs for r in cases(nlp, text)] == [["vincristine"]] * 4


def test_one_and_the_other_two_of_four_tell_no_rest(nlp):
    # "the other two" of four patients are not all the others
    text = ("We report four siblings with the same poisoning. One child recovered, while the other two died within a "
            "week. The fourth child remained in intensive care.")
    assert [r.outcome for r in cases(nlp, text)] == ["recovered", None, None, None]


def test_a_drug_repeated_for_the_second_patient_is_the_second_rows_too(nlp):
    # the second mention of a drug the first patient had is no new value of the one-patient reading, yet
    # its sentence names the second patient; a structured abstract's label before "For case 2"
    text = ("Two pregnant women with immune thrombocytopenia are discussed. The first patient achieved remission "
            "with eltrombopag but did not respond to prednisolone. The second patient responded well to "
            "eltrombopag at 35 weeks of gestation.")
    assert [r.drugs for r in cases(nlp, text)] == [["eltrombopag", "prednisolone"], ["eltrombopag"]]
    text = ("We report two cases of drug-induced mucositis. Intervention: For case 1, the drug was stopped and "
            "aciclovir was given. For case 2, the drug was stopped and aciclovir with nystatin was given.")
    assert [r.drugs for r in cases(nlp, text)] == [["aciclovir"], ["aciclovir", "nystatin"]]
