"""How a drug name reads when the text measures what a medicine is also named for, and how a name
written with its route reads: coagulation factors of a work-up are measured, not given
(models/drugs/substances.tsv); a route word before a generated generic is no part of the INN
(models/drugs/generic_forms.toml). Sentences written for the tests."""
import pytest

from drug_helpers import generics, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text", [
    "Factor VII activity was markedly reduced at 4% (normal 65-180%).",
    "Factor II activity was 52% and factor X activity 60%.",
    "The prothrombin level was low, with factor XIII within the reference range.",
    "Von Willebrand factor antigen was 35% and protein C activity 48%.",
    "Factor VIII was 210%, compatible with an acute-phase response.",
])
def test_a_measured_coagulation_factor_is_no_drug(nlp, text):
    assert generics(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Factor VIII concentrate was infused before the operation.", ["factor viii"]),
    ("Factor VII 30 µg/kg was given intravenously for the bleeding.", ["coagulation factor vii human"]),
])
def test_a_coagulation_factor_given_stays_a_drug(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Intravenous sodium bicarbonate 100 mEq was given for the acidosis.", ["sodium bicarbonate"]),
    ("She received intravenous sodium bicarbonate and calcium gluconate.", ["calcium gluconate", "sodium bicarbonate"]),
])
def test_a_route_word_is_no_part_of_the_generic(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Her home medications were HCTZ 25 mg and amlodipine.", ["amlodipine", "hydrochlorothiazide"]),
    ("MSO4 2 mg IV was given every 4 hours for pain.", ["morphine"]),
    ("ZnSO4 220 mg daily was prescribed.", ["zinc sulfate"]),
    ("He was given TNK for the inferior STEMI.", ["tenecteplase"]),
    ("TPA 0.9 mg/kg was infused over an hour.", ["alteplase"]),
    ("FK506 was started after the transplant and FK-506 levels were monitored.", ["tacrolimus"]),
])
def test_a_drug_name_abbreviation_of_the_ismp_list_reads_as_its_drug(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Serum TPA was 210 U/L and CEA 4.1 ng/mL.",
    "The MS plaques enhanced on MRI.",
])
def test_an_abbreviation_with_another_sense_is_no_drug(nlp, text):
    assert generics(nlp, text) == []


@pytest.mark.parametrize("text", [
    "Nor-adrenaline 0.2 µg/kg/min was started for the shock.",
    "A nor adrenaline infusion was started for the shock.",
    "Nor-epinephrine 0.1 µg/kg/min was started for the shock.",
])
def test_noradrenaline_written_in_two_words_is_norepinephrine_alone(nlp, text):
    assert generics(nlp, text) == ["norepinephrine"]


@pytest.mark.parametrize("text", [
    "Rifampicin resistance was not detected by the assay.",
    "Vancomycin resistance was found in the enterococcal isolate.",
    "Linezolid non-susceptibility was confirmed.",
])
def test_the_resistance_to_a_drug_is_no_drug_given(nlp, text):
    assert generics(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("He was started on timolol eye drops twice daily for glaucoma.", ["timolol"]),
    ("Dexamethasone eye drops were prescribed after the operation.", ["dexamethasone"]),
    ("She was given clotrimazole lozenges five times a day.", ["clotrimazole"]),
    ("A goserelin implant was placed subcutaneously every 28 days.", ["goserelin"]),
    ("One litre of Ringer's lactate solution was infused.", ["ringer's lactate"]),
])
def test_a_dosage_form_word_is_no_part_of_the_generic(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He was given recombinant tissue-type plasminogen activator within the window.", ["alteplase"]),
    ("Tissue type plasminogen activator 0.9 mg/kg was infused over an hour.", ["alteplase"]),
    ("Urokinase-type plasminogen activator was instilled into the catheter.", ["urokinase"]),
    ("Urokinase 4400 IU/kg was given for the occluded graft.", ["urokinase"]),
    ("She was switched to neutral protamine Hagedorn insulin at bedtime.", ["insulin"]),
    ("Protamine zinc insulin was stopped and glargine begun.", ["insulin", "insulin glargine"]),
])
def test_a_product_named_after_another_substance_is_that_product(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He was given activated recombinant human protein C for the septic shock.", ["drotrecogin alfa"]),
    ("Recombinant human activated protein C was infused for 96 hours.", ["drotrecogin alfa"]),
    ("She was treated with vasopressors and activated C protein in the unit.", ["drotrecogin alfa"]),
    ("Intravenous triiodothyronine 20 µg twice daily was started.", ["liothyronine"]),
])
def test_a_recombinant_protein_or_hormone_named_by_what_it_is_reads_as_its_inn(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Free triiodothyronine was 2.9 pg/mL, within the reference range.", []),
    ("A man with non-insulin-dependent diabetes mellitus was admitted with fever.", []),
    ("Her noninsulin-dependent diabetes was controlled with metformin.", ["metformin"]),
])
def test_a_measured_hormone_or_a_diagnosis_holding_a_drug_name_is_no_drug(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a part of the broken name is a word of another name of the lexicon ("metro", "cipro", "nate")
    ("She was started on intravenous metro-nidazole 500 mg every 8 hours.", ["metronidazole"]),
    ("He was switched to oral cipro-floxacin for two weeks.", ["ciprofloxacin"]),
    ("Treatment was sodium stibogluco-nate 20 mg/kg/day for 20 days.", ["sodium stibogluconate"]),
    ("Benz-nidazole was restarted after the rash had settled.", ["benznidazole"]),
    ("She received pent-amidine for the relapse.", ["pentamidine"]),
])
def test_a_name_broken_at_a_line_end_reads_whole_when_a_part_is_another_word(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("She received amoxicillin-clavulanate for the otitis.", ["amoxicillin", "clavulanic acid"]),
    ("Piperacillin-tazobactam was given for seven days.", ["piperacillin", "tazobactam"]),
])
def test_two_names_joined_by_a_hyphen_stay_two_drugs(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a slip in the drug-name ending: no generic shares the misspelt word's ending
    ("Empirical vancomysin and meropenem were started for the sepsis.", ["meropenem", "vancomycin"]),
    ("He had completed radiotherapy with weekly cetuximib.", ["cetuximab"]),
    ("Lorazepem 2 mg was given intravenously for the seizure.", ["lorazepam"]),
])
def test_a_misspelt_ending_reads_as_its_drug(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The carbonate and phosphate levels were within normal limits.",
    "A predominantly lymphocytic infiltrate was seen in the dermis.",
    "Vancouver criteria were applied to the classification.",
])
def test_an_english_word_sharing_a_drugs_first_letters_is_no_drug(nlp, text):
    assert generics(nlp, text) == []
