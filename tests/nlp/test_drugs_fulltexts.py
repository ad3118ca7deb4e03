"""Drug names and gates of full-text case reports, on sentences written for the tests in the style of case reports."""
import pytest


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_drugs")


def generics(nlp, text):
    doc = nlp(text)
    return sorted({g for s in doc.spans["drugs"] for g in s._.value.generics})


@pytest.mark.parametrize("text, expected", [
    # levosimendan is its own INN, not the racemate simendan
    ("An infusion of levosimendan 0.1 mcg/kg/min was started.", ["levosimendan"]),
    ("She was switched to oral contezolid 800 mg twice daily.", ["contezolid"]),
    # nitrofural is the INN of nitrofurazone / furacilin
    ("The wound was dressed with nitrofurazone gauze daily.", ["nitrofural"]),
    ("A furacilin solution was applied to the ulcer twice a day.", ["nitrofural"]),
])
def test_inn_names(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an infusion rate per minute is a dose, not a lab value
    ("Vasopressor support was started: Noradrenaline 15mcg/min and vasopressin 0.03 units/min.",
     ["norepinephrine", "vasopressin"]),
    ("He received norepinephrine 8 µg/min through a central line.", ["norepinephrine"]),
    # a drip in the plural
    ("The acidosis improved with dialysis and bicarbonate drips.", ["sodium bicarbonate"]),
])
def test_given_with_a_rate_or_a_drip(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # a table cell of results: a value with its bare reference range
    "Bilirubin 40 (3-17) umol/L, Alkaline Phosphatase (ALP) 210 (30-110) U/L, meropenem started.",
    # a clearance per minute stays a measurement
    "Creatinine clearance 45 mL/min was measured before dantrolene was given.",
])
def test_measured_analytes_are_not_drugs(nlp, text):
    assert "alkaline phosphatase" not in generics(nlp, text) and "creatinine" not in generics(nlp, text)


def test_a_susceptibility_table_lists_drugs_tested_not_given(nlp):
    text = ("Meropenem was continued while the culture was tested.\n\n"
            "Table 2. The MICs of antimicrobials against the isolate.\n\n"
            "Antimicrobials\tMIC (mg/L)\n"
            # a panel longer than the cue's reach (300 characters): its last rows too
            + "".join(f"{name}\t<=0.5 (susceptible breakpoint <=1)\n" for name in (
                "Cefepime", "Ceftazidime", "Cefoxitin", "Ertapenem", "Imipenem", "Amikacin", "Gentamicin",
                "Tigecycline", "Levofloxacin", "Ciprofloxacin"))
            + "Ampicillin-sulbactam\t16/8\n\n"
            "She was discharged on day 20.")
    assert generics(nlp, text) == ["meropenem"]


def test_a_susceptibility_caption_without_its_cells_leaves_the_case_that_follows(nlp):
    # a page that kept a table's caption but not its cells goes on with the patient's course
    text = ("A 70-year-old woman had a tender abscess of the lower back.\n"
            "Table 2 Susceptibility results from bacterial cultures of patients with cutaneous infection\n"
            "She was treated with incision and drainage; empiric treatment with cephalexin 500 mg four times daily "
            "for 10 days was also initiated. Five days later doxycycline 100 mg twice daily was added.")
    assert generics(nlp, text) == ["cefalexin", "doxycycline"]


def test_a_table_of_the_patients_treatment_keeps_its_drugs(nlp):
    text = ("Table 2. Treatment of the patient during admission.\n\n"
            "Day\tDrug\n1\tCefepime 2 g IV\n3\tVancomycin 1 g IV\n")
    assert generics(nlp, text) == ["cefepime", "vancomycin"]


@pytest.mark.parametrize("text, absent", [
    # a coagulation panel names antithrombin as an analyte
    ("Postoperative tests showed fibrinogen (96 mg/dl), antithrombin III (19%) and d-dimer (6,519 ng/ml).",
     "antithrombin iii human"),
    # a drug left out on purpose
    ("Precautions included the omission of nitrous oxide and a central venous catheter.", "nitrous oxide"),
    # a fluid used on the surgical field
    ("Saline soaking of the surgical field was performed as recommended.", "sodium chloride"),
])
def test_not_given(nlp, text, absent):
    assert absent not in generics(nlp, text)


def test_antithrombin_given_as_a_concentrate_is_a_drug(nlp):
    assert "antithrombin iii human" in generics(nlp, "She was given antithrombin III concentrate 1000 IU intravenously.")
