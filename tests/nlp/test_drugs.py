import doctest

import pytest
import spacy

from pipeline.nlp.drugs import drugs as drugs_module
from pipeline.nlp.drugs import factory  # noqa: F401  (registers caselit_drugs)
from pipeline.nlp.drugs.lexicon import FILES, NOT_DRUGS, load_lexicon, pieces, read_rows
from pipeline.nlp.resources import read_table


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_drugs")


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("caselit_drugs")
    return nlp


def generics(nlp, text):
    doc = nlp(text)
    return sorted({g for s in doc.spans["drugs"] for g in s._.value.generics})


@pytest.mark.parametrize(
    "text, expected",
    [
        # brand names -> generics
        ("She was started on Avastin 15 mg/kg every three weeks.", ["bevacizumab"]),
        ("Pembrolizumab (Keytruda) 200 mg was given every three weeks.", ["pembrolizumab"]),
        ("Empirical Tienam was switched to meropenem on day 5.", ["cilastatin", "imipenem", "meropenem"]),
        ("Tazocin and Zometa were continued.", ["piperacillin", "tazobactam", "zoledronic acid"]),
        # combinations split into components
        ("He received piperacillin-tazobactam 4.5 g every 8 hours.", ["piperacillin", "tazobactam"]),
        ("Piperacillin/tazobactam was given for fever.", ["piperacillin", "tazobactam"]),
        ("Cefoperazone-sulbactam and norvancomycin were administered.", ["cefoperazone", "norvancomycin", "sulbactam"]),
        ("Co-trimoxazole prophylaxis was continued.", ["sulfamethoxazole", "trimethoprim"]),
        ("Chemotherapy with TS-1 was started in May.", ["gimeracil", "oteracil", "tegafur"]),
        ("She was treated with S-1 plus oxaliplatin.", ["gimeracil", "oteracil", "oxaliplatin", "tegafur"]),
        ("Six cycles of mFOLFOX6 were given.", ["fluorouracil", "folinic acid", "oxaliplatin"]),
        ("Six cycles of TC chemotherapy were given.", ["carboplatin", "paclitaxel"]),
        ("She received imipenem/cilastatin and amoxicillin-clavulanate.", ["amoxicillin", "cilastatin", "clavulanic acid", "imipenem"]),
        # INN names
        ("We initiated hydroxyurea and acetaminophen for fever.", ["hydroxycarbamide", "paracetamol"]),
        ("She received nab-paclitaxel weekly.", ["paclitaxel"]),
        ("One cycle of reduced paclitaxel liposome was given.", ["paclitaxel"]),
        ("Liposomal paclitaxel and nedaplatin were given.", ["nedaplatin", "paclitaxel"]),
        ("She received cisplatin-based chemotherapy.", ["cisplatin"]),
        ("Medroxyprogesterone acetate 500 mg daily was given.", ["medroxyprogesterone"]),
        ("She took megestrol acetate and then letrozole.", ["letrozole", "megestrol"]),
        ("Leucovorin and 5-FU were infused.", ["fluorouracil", "folinic acid"]),
        ("Rifampin and cyclosporine were stopped.", ["ciclosporin", "rifampicin"]),
        # antibiotics, antifungals, growth factors, supportive drugs
        ("She received intravenous cefotiam, ornidazole and levofloxacin.", ["cefotiam", "levofloxacin", "ornidazole"]),
        ("Vancomycin, amikacin and ceftriaxone sodium were used.", ["amikacin", "ceftriaxone", "vancomycin"]),
        ("Voriconazole was added for aspergillosis.", ["voriconazole"]),
        ("Pegfilgrastim was given after each cycle; lenograstim before.", ["lenograstim", "pegfilgrastim"]),
        ("Ondansetron 8 mg and dexamethasone 20 mg were given before DDP.", ["cisplatin", "dexamethasone", "ondansetron"]),
        ("Enoxaparin 40 mg daily and morphine were prescribed.", ["enoxaparin", "morphine"]),
        # IV fluids and home medications count
        ("She received normal saline and 5% dextrose.", ["glucose", "sodium chloride"]),
        ("Her medications were metformin, amlodipine and aspirin.", ["acetylsalicylic acid", "amlodipine", "metformin"]),
        # body substances that are also drugs, when given
        ("He had not received G-CSF at any time.", ["filgrastim"]),
        ("G-CSF 300 µg was administered subcutaneously.", ["filgrastim"]),
        ("Insulin was started for hyperglycaemia.", ["insulin"]),
        ("PTX 175 mg/m2 was given every three weeks.", ["paclitaxel"]),
    ],
)
def test_drug_generics(nlp, text, expected):
    assert generics(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She had previously received platinum-based drugs and antibiotics.",
        "Steroids were tapered and chemotherapy was postponed.",
        "Corticosteroids and analgesics were given.",
        "Contrast-enhanced CT with iohexol showed a mass, and oxygen was given by mask.",
        "PET with 18F-FDG and gadolinium-enhanced MRI were performed.",
        "Serum G-CSF level was elevated to 120 pg/mL.",
        "This G-CSF-producing carcinoma was rare.",
        "The tumour cells stained positive for estrogen receptor and progesterone receptor.",
        "Blood glucose was 6.1 mmol/L and serum potassium 3.9 mmol/L.",
        "Serum albumin was 2.9 g/dL and creatinine was normal.",
        "Her general practitioner (GP) referred her with fever.",
        "A right PTX was seen on the chest radiograph.",
        "Insulin-like growth factor was measured.",
        "The physician reviewed the guideline and the medicine cabinet.",
        "Escherichia coli grew from the blood culture.",
        "Tumour cells were positive for vimentin and cytokeratin.",
    ],
)
def test_not_a_drug(nlp, text):
    assert generics(nlp, text) == []


@pytest.mark.parametrize(
    "text, written, generic",
    [
        ("Treatment with bevazicumab followed.", "bevazicumab", "bevacizumab"),
        ("We observed a long response to temolozomide.", "temolozomide", "temozolomide"),
        ("He was treated with oxacilin 2 g/day.", "oxacilin", "oxacillin"),
        ("Gemcitibine was given on days 1 and 8.", "Gemcitibine", "gemcitabine"),
    ],
)
def test_misspellings(nlp, text, written, generic):
    doc = nlp(text)
    (span,) = doc.spans["drugs"]
    assert (span._.value.written, span._.value.generics, span._.value.fuzzy) == (written, (generic,), True)


def test_exact_names_are_not_fuzzy(nlp):
    doc = nlp("Bevacizumab was given.")
    (span,) = doc.spans["drugs"]
    assert span._.value.fuzzy is False


@pytest.mark.parametrize(
    "text, dose, route",
    [
        ("Cisplatin 75 mg/m2 intravenously on day 1.", "75 mg/m2", "intravenous"),
        ("Paclitaxel (200 mg) was given.", "200 mg", None),
        ("Carboplatin (AUC 5) was added.", "AUC 5", None),
        ("She took oral etoposide 50 mg daily.", "50 mg", "oral"),
        ("G-CSF 300 µg subcutaneously was given daily.", "300 µg", "subcutaneous"),
        ("Docetaxel at a dose of 60 mg/m² every 3 weeks.", "60 mg/m²", None),
        ("Cisplatin was given weekly.", None, None),
    ],
)
def test_dose_and_route(nlp, text, dose, route):
    doc = nlp(text)
    value = doc.spans["drugs"][0]._.value
    assert (value.dose, value.route) == (dose, route)


def test_one_span_per_combination_token(nlp):
    doc = nlp("Piperacillin-tazobactam was started.")
    (span,) = doc.spans["drugs"]
    assert span.text == "Piperacillin-tazobactam"
    assert span.label_ == "DRUG"
    assert span._.value.generics == ("piperacillin", "tazobactam")
    assert span._.value.written == "Piperacillin-tazobactam"


@pytest.mark.parametrize(
    "text", ["Cefoperazone-sulbactam and TS-1 were given.", "The TS-1 (S-1) regimen.", "nab-paclitaxel and 5-FU/LV"]
)
def test_same_drugs_whatever_the_tokenizer(nlp, blank, text):
    assert generics(nlp, text) == generics(blank, text) != []


def test_negated_mentions_are_kept_for_the_context_component(nlp):
    assert generics(nlp, "No cisplatin was given.") == ["cisplatin"]


@pytest.mark.parametrize("text", ["", " ", "\x00\x01", "mg/m2 " * 50, "İ" * 30 + " cisplatin"])
def test_odd_input(nlp, text):
    nlp(text)


def test_lexicon_generics_are_lowercase():
    for name in FILES:
        for written, targets, _ in read_rows(name):
            assert targets and targets == targets.lower(), (name, written, targets)


def test_curated_targets_are_names_of_themselves():
    """Every generic that inn.tsv or curated.tsv maps to is itself a lexicon name mapping to
    itself, so the INN written in a report normalises to the same value."""
    lexicon = load_lexicon()
    for name in ("drugs/inn.tsv", "drugs/curated.tsv"):
        for written, targets, _ in read_rows(name):
            for generic in targets.split("|"):
                key = pieces(generic)
                entries = lexicon.by_first[key[0]][1].get(key, [])
                assert any(e.generics == (generic,) and not e.case for e in entries), (name, written, generic)


def test_curated_targets_are_inn_names():
    us_names = {written for written, targets, _ in read_rows("drugs/inn.tsv") if written != targets}
    for written, targets, _ in read_rows("drugs/curated.tsv"):
        assert not us_names & set(targets.split("|")), written


def test_not_drugs_are_never_matched_whole():
    matcher = drugs_module.DrugMatcher(None)
    for row in read_table(NOT_DRUGS):
        name = row["written"]
        text = f"She was given {name} daily."
        assert all(text[m.start : m.end].lower() != name for m in matcher.find(text)), name


def test_docstring_example_runs_on_a_blank_pipeline():
    spacy.blank("en")
    assert doctest.testmod(drugs_module).failed == 0
