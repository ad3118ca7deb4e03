"""Names a reviewer writes as another INN: US adopted and former British names whose INN differs
(models/drugs/inn.tsv, from the WHO INN lists, the USAN Council's and the MHRA's lists), the
other names of human normal immunoglobulin and the specific immunoglobulins by their
pharmacopoeia names (models/drugs/curated.tsv), products under the names review tables give them
(coagulation factors, antidotes), and gentian violet, a stain as well as an antiseptic
(models/drugs/substances.tsv). Sentences written for the tests."""
import pytest

from drug_helpers import generics, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text, expected", [
    ("Cosyntropin 250 µg was given intravenously and cortisol measured an hour later.", ["tetracosactide"]),
    ("Tetracosactrin 250 µg was injected intramuscularly.", ["tetracosactide"]),
    ("She was discharged on ursodiol 300 mg twice daily.", ["ursodeoxycholic acid"]),
    ("Ovulation was induced with clomiphene 50 mg from day 5.", ["clomifene"]),
    ("Ergonovine 0.2 mg was given for the uterine atony.", ["ergometrine"]),
    ("Benztropine 1 mg was added for the dystonia.", ["benzatropine"]),
    ("He had taken chlorthalidone 25 mg daily for years.", ["chlortalidone"]),
    ("Her seizures were treated with sulthiame.", ["sultiame"]),
    ("She took ethinyloestradiol as a contraceptive.", ["ethinylestradiol"]),
    ("Eformoterol and budesonide were inhaled twice daily.", ["budesonide", "formoterol"]),
    ("Pyrilamine was part of the cold remedy she had taken.", ["mepyramine"]),
    ("He used echothiophate eye drops for his glaucoma.", ["ecothiopate"]),
    ("Meclofenamate 100 mg three times daily was prescribed for the pain.", ["meclofenamic acid"]),
])
def test_a_us_or_british_name_reads_as_its_inn(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He received a single dose of penicillin G benzathine 2.4 million units.", ["benzathine benzylpenicillin"]),
    ("Procaine penicillin was given intramuscularly for ten days.", ["procaine benzylpenicillin"]),
])
def test_a_penicillin_salt_reads_as_its_inn(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "She received IgIV 2 g/kg over five days.",
    "IGIV 400 mg/kg/day was infused for five days.",
    "Monthly SCIG was continued at home.",
    "Intravenous gamma globulin was started for the thrombocytopenia.",
    "He was given gamma globulin 1 g/kg on two days.",
])
def test_other_names_of_normal_immunoglobulin(nlp, text):
    assert generics(nlp, text) == ["immunoglobulin"]


def test_a_measured_gamma_globulin_is_no_drug(nlp):
    assert generics(nlp, "Serum protein electrophoresis showed a gamma globulin of 2.1 g/dL.") == []


@pytest.mark.parametrize("text, expected", [
    ("The newborn received hepatitis B immune globulin and the first vaccine dose.", ["hepatitis b immunoglobulin"]),
    ("HBIG was given within 12 hours of birth.", ["hepatitis b immunoglobulin"]),
    ("Rho(D) immune globulin was given at 28 weeks.", ["anti-d immunoglobulin"]),
    ("She was given varicella zoster immune globulin after the exposure.", ["varicella immunoglobulin"]),
    ("The wound was cleaned and tetanus immune globulin was given.", ["tetanus immunoglobulin"]),
])
def test_a_specific_immunoglobulin_is_not_normal_immunoglobulin(nlp, text, expected):
    assert generics(nlp, text) == expected


def test_gentian_violet_given_is_its_inn(nlp):
    assert generics(nlp, "The erosions were painted with gentian violet twice a day.") == ["methylrosanilinium chloride"]


def test_the_crystal_violet_of_a_gram_stain_is_no_drug(nlp):
    assert generics(nlp, "The smear was stained with crystal violet and safranin.") == []


@pytest.mark.parametrize("text, expected", [
    ("He developed myocarditis two days after the second dose of the Pfizer-BioNTech COVID-19 vaccine.",
     ["tozinameran"]),
    ("She had received Comirnaty three weeks before.", ["tozinameran"]),
    ("Guillain-Barre syndrome began 10 days after the AstraZeneca vaccine.", ["chadox1 ncov-19"]),
    ("Chest pain started after her mRNA-1273 booster.", ["elasomeran"]),
    # a manufacturer named alone is no vaccine
    ("The authors received grants from AstraZeneca and Pfizer.", []),
])
def test_a_covid19_vaccine_reads_as_its_who_name(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("She had taken lithium carbonate 400 mg twice daily for 20 years.", ["lithium"]),
    ("Lithium citrate syrup was prescribed.", ["lithium"]),
    ("Magnesium sulfate 4 g was infused.", ["magnesium sulfate"]),
])
def test_lithium_salts_read_as_lithium_other_element_salts_stay(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # magnesium dosed in grams or given into a vein is its one salt given so
    ("She was given diazepam and magnesium 4 gram bolus and was intubated.", ["diazepam", "magnesium sulfate"]),
    ("He received magnesium 2 g intravenously for the torsades.", ["magnesium sulfate"]),
    # ... an oral supplement in milligrams stays the element
    ("Oral magnesium 400 mg daily was prescribed at discharge.", ["magnesium"]),
])
def test_magnesium_in_grams_or_intravenous_is_magnesium_sulfate(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a coagulation factor concentrate under the factor's name; the measured factor is no drug
    ("Treatment consisted of factor VIII transfusion and corticosteroid therapy.", ["factor viii"]),
    ("She received recombinant FVIII 50 IU/kg twice daily.", ["factor viii"]),
    ("He was given factor IX concentrate before the extraction.", ["factor ix"]),
    ("Factor VIII activity was 2% with an inhibitor titre of 12 Bethesda units.", []),
    ("His factor IX activity was 3%, and he was diagnosed with moderate haemophilia B.", []),
    # the chelator of lead poisoning under its INN; the reagent of a serological test is no drug
    ("He was treated with oral succimer and intravenous calcium disodium EDTA (CaNa2EDTA).",
     ["sodium calcium edetate", "succimer"]),
    ("Edetate calcium disodium 1000 mg/m2/day was infused for five days.", ["sodium calcium edetate"]),
    ("The 2-mercaptoethanol agglutination test was positive at a titre of 1:160.", []),
    # the decontaminant, the botulism immune globulin and human atrial natriuretic peptide (carperitide)
    ("Activated charcoal 1 g/kg was given through a nasogastric tube.", ["activated charcoal"]),
    ("She received botulism immune globulin (BabyBIG) on day 3.", ["botulism immunoglobulin"]),
    ("Human atrial natriuretic peptide was infused at 0.025 µg/kg/min for heart failure.", ["carperitide"]),
])
def test_a_product_reads_under_the_name_review_tables_give_it(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Teceleukin (Imunace) was given at 0.7 × 10^6 U each day.",
    "The lung metastases were treated with 0.7 × 10^6 U Immunace each day.",
])
def test_a_japanese_brand_of_interleukin_2_is_teceleukin(nlp, text):
    assert generics(nlp, text) == ["teceleukin"]
