import doctest

import pytest
import spacy

from pipeline.nlp.base import trie_pattern
from pipeline.nlp.procedures import factory  # noqa: F401  (registers caselit_procedures)
from pipeline.nlp.procedures import procedures as procedures_module
from pipeline.nlp.procedures.lexicon import load_lexicon
from pipeline.resources import read_table

KINDS = {"surgery", "radiotherapy", "systemic", "other"}


@pytest.fixture(scope="module")
def nlp(make_nlp):
    return make_nlp("caselit_procedures")


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("caselit_procedures")
    return nlp


def values(nlp, text):
    doc = nlp(text)
    return [s._.value for s in doc.spans["procedures"]]


def names(nlp, text):
    return [(v.name, v.kind) for v in values(nlp, text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # gynaecological oncology surgery
        ("She underwent radical hysterectomy with bilateral salpingo-oophorectomy.",
         [("radical hysterectomy", "surgery"), ("bilateral salpingo-oophorectomy", "surgery")]),
        ("A Wertheim's hysterectomy and pelvic lymph node dissection were done.",
         [("radical hysterectomy", "surgery"), ("pelvic lymphadenectomy", "surgery")]),
        ("She had a TAH and BSO in 2015.", [("total hysterectomy", "surgery"), ("bilateral salpingo-oophorectomy", "surgery")]),
        ("A modified radical hysterectomy (type II) was chosen.", [("modified radical hysterectomy", "surgery")]),
        ("Cold knife conization showed a positive margin.", [("conization", "surgery")]),
        ("She underwent omentectomy, appendicectomy and peritonectomy.",
         [("omentectomy", "surgery"), ("appendectomy", "surgery"), ("peritonectomy", "surgery")]),
        ("Optimal debulking was achieved.", [("cytoreductive surgery", "surgery")]),
        ("Sentinel lymph node biopsy was negative.", [("sentinel lymph node biopsy", "surgery")]),
        ("She underwent para-aortic lymphadenectomy.", [("para-aortic lymphadenectomy", "surgery")]),
        ("She underwent paraaortic lymph node sampling.", [("para-aortic lymphadenectomy", "surgery")]),
        ("A radical vulvectomy with inguinofemoral lymphadenectomy followed.",
         [("radical vulvectomy", "surgery"), ("inguinofemoral lymphadenectomy", "surgery")]),
        # general oncology surgery
        ("He underwent distal pancreatectomy, splenectomy and partial gastrectomy.",
         [("pancreatectomy", "surgery"), ("splenectomy", "surgery"), ("partial gastrectomy", "surgery")]),
        ("A right hemicolectomy and a Whipple procedure were performed.",
         [("right hemicolectomy", "surgery"), ("pancreaticoduodenectomy", "surgery")]),
        ("She had a modified radical mastectomy.", [("modified radical mastectomy", "surgery")]),
        ("He underwent right upper lobectomy and craniotomy.", [("lobectomy", "surgery"), ("craniotomy", "surgery")]),
        # radiotherapy forms
        ("She received external beam radiotherapy followed by HDR brachytherapy.",
         [("external beam radiotherapy", "radiotherapy"), ("high-dose-rate brachytherapy", "radiotherapy")]),
        ("Whole-brain radiotherapy and stereotactic radiosurgery were used.",
         [("whole-brain radiotherapy", "radiotherapy"), ("stereotactic radiosurgery", "radiotherapy")]),
        ("She was treated with IMRT to the pelvis.", [("intensity-modulated radiotherapy", "radiotherapy")]),
        ("Concurrent chemoradiotherapy was completed.", [("chemoradiation", "radiotherapy")]),
        ("Vaginal cuff brachytherapy was given.", [("vaginal brachytherapy", "radiotherapy")]),
        ("Radioactive iodine therapy followed thyroidectomy.",
         [("radioactive iodine therapy", "radiotherapy"), ("thyroidectomy", "surgery")]),
        # systemic therapy words
        ("She received chemotherapy, immunotherapy and targeted therapy.",
         [("chemotherapy", "systemic"), ("immunotherapy", "systemic"), ("targeted therapy", "systemic")]),
        ("HIPEC was performed after cytoreduction.",
         [("hyperthermic intraperitoneal chemotherapy", "systemic"), ("cytoreductive surgery", "surgery")]),
        ("Hormonal therapy with letrozole was started.", [("hormone therapy", "systemic")]),
        ("Empirical antibiotic therapy was started.", [("antibiotic therapy", "systemic")]),
        # supportive, diagnostic and interventional procedures
        ("She required blood transfusion, leukapheresis and hemodialysis.",
         [("blood transfusion", "other"), ("leukapheresis", "other"), ("hemodialysis", "other")]),
        ("A platelet transfusion and fresh frozen plasma were given.",
         [("platelet transfusion", "other"), ("plasma transfusion", "other")]),
        ("He was intubated and placed on mechanical ventilation.",
         [("endotracheal intubation", "other"), ("mechanical ventilation", "other")]),
        ("Urinary catheterization and a PICC line were needed.",
         [("urinary catheterization", "other"), ("central venous catheterization", "other")]),
        ("Bone marrow aspiration showed myeloid hyperplasia.", [("bone marrow aspiration", "other")]),
        ("A core needle biopsy and colonoscopy were performed.", [("needle biopsy", "other"), ("colonoscopy", "other")]),
        ("Thoracentesis and paracentesis relieved her symptoms.", [("thoracentesis", "other"), ("paracentesis", "other")]),
        ("Transarterial chemoembolization of the liver was done.", [("transarterial chemoembolization", "other")]),
        ("She underwent autologous stem cell transplantation.", [("stem cell transplantation", "other")]),
    ],
)
def test_procedure_names(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize(
    "text, name, approach",
    [
        ("She underwent laparoscopic radical hysterectomy.", "radical hysterectomy", "laparoscopic"),
        ("A robotic-assisted total laparoscopic hysterectomy was done.", "total hysterectomy", "robotic-assisted"),
        ("Total abdominal hysterectomy was performed.", "total hysterectomy", "open"),
        ("An extensive transabdominal hysterectomy was performed.", "radical hysterectomy", "open"),
        ("She had a TLH last year.", "total hysterectomy", "laparoscopic"),
        ("The hysterectomy was performed via laparotomy.", "hysterectomy", "open"),
        ("Para-aortic lymph node sampling through the laparoscope was done.", "para-aortic lymphadenectomy", "laparoscopic"),
        ("A CT-guided biopsy of the liver lesion was performed.", "biopsy", "image-guided"),
        ("Percutaneous nephrostomy was placed.", "nephrostomy", "percutaneous"),
        ("Radical hysterectomy was performed.", "radical hysterectomy", None),
    ],
)
def test_approach(nlp, text, name, approach):
    (value,) = values(nlp, text)
    assert (value.name, value.approach) == (name, approach)


@pytest.mark.parametrize(
    "text, name, setting",
    [
        ("Neoadjuvant chemotherapy was given.", "chemotherapy", "neoadjuvant"),
        ("She received postoperative chemotherapy.", "chemotherapy", "adjuvant"),
        ("Palliative radiotherapy to the spine was given.", "radiotherapy", "palliative"),
        ("She then had first line chemotherapy.", "chemotherapy", "first-line"),
        ("NACT was started.", "chemotherapy", "neoadjuvant"),
        ("Interval debulking surgery was performed.", "cytoreductive surgery", "interval"),
        ("Chemoradiation with weekly cisplatin was delivered in the adjuvant setting.", "chemoradiation", "adjuvant"),
        ("Immunotherapy was started as second-line therapy.", "immunotherapy", "second-line"),
    ],
)
def test_setting(nlp, text, name, setting):
    (value,) = values(nlp, text)
    assert (value.name, value.setting) == (name, setting)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("She received pelvic and para-aortic lymphadenectomy.", ["pelvic lymphadenectomy", "para-aortic lymphadenectomy"]),
        ("A pelvic, para-aortic and inguinal lymphadenectomy was done.",
         ["pelvic lymphadenectomy", "para-aortic lymphadenectomy", "inguinofemoral lymphadenectomy"]),
        ("Pelvic and paraaortic lymph node dissection followed.", ["pelvic lymphadenectomy", "para-aortic lymphadenectomy"]),
        # "and" between two full names joins nothing
        ("Radical hysterectomy and bilateral salpingo-oophorectomy were done.",
         ["radical hysterectomy", "bilateral salpingo-oophorectomy"]),
    ],
)
def test_coordinated_names(nlp, text, expected):
    assert [v.name for v in values(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, dose",
    [
        ("She received external irradiation to a dose of 45 Gy in 25 fractions.", "45 Gy in 25 fractions"),
        ("She was treated with pelvic radiotherapy (200 cGy fractions, total dose of 5,600 cGy).", "56 Gy in 2 Gy fractions"),
        ("She received whole-brain radiotherapy with a total dose of 5,040 cGy.", "50.4 Gy"),
        ("EBRT 50.4 Gy/28 fx was delivered.", "50.4 Gy in 28 fractions"),
        ("HDR brachytherapy 7 Gy x 4 followed.", "28 Gy in 4 fractions"),
        ("Brachytherapy was delivered in 5 fractions of 6 Gy each.", "30 Gy in 5 fractions"),
        ("She received 50.4 Gy of pelvic radiotherapy.", "50.4 Gy"),
        ("Chemoradiotherapy, delivering a total radiation dose of 60 Gy, was completed.", "60 Gy"),
        ("25 times of three-dimensional afterloading radiotherapy were performed.", "25 fractions"),
        ("Radiotherapy was given to the pelvis.", None),
    ],
)
def test_radiotherapy_dose(nlp, text, dose):
    assert values(nlp, text)[0].dose == dose


def test_doses_stay_with_their_own_radiotherapy(nlp):
    found = values(nlp, "She received 50.4 Gy of pelvic radiotherapy and 3 fractions of 8 Gy HDR brachytherapy.")
    assert [(v.name, v.dose) for v in found] == [("pelvic radiotherapy", "50.4 Gy"), ("high-dose-rate brachytherapy", "24 Gy in 3 fractions")]
    found = values(nlp, "Pelvic radiotherapy (45 Gy in 25 fractions) was followed by brachytherapy.")
    assert [(v.name, v.dose) for v in found] == [("pelvic radiotherapy", "45 Gy in 25 fractions"), ("brachytherapy", None)]
    # a dose is never a chemotherapy's
    found = values(nlp, "External irradiation to 45 Gy in 25 fractions with concurrent cisplatin chemotherapy.")
    assert [(v.name, v.dose) for v in found] == [("external beam radiotherapy", "45 Gy in 25 fractions"), ("chemotherapy", None)]


@pytest.mark.parametrize(
    "text, cycles",
    [
        ("After two additional courses of chemotherapy, the tumour shrank.", 2),
        ("She received 6 cycles of adjuvant chemotherapy.", 6),
        ("Four cycles of postoperative systemic chemotherapy were given.", 4),
        ("Chemotherapy was given for 3 cycles.", 3),
        ("Chemotherapy was postponed.", None),
    ],
)
def test_cycles(nlp, text, cycles):
    (value,) = values(nlp, text)
    assert value.cycles == cycles


@pytest.mark.parametrize(
    "text",
    [
        "She developed radiation-induced proctitis.",
        "Ionizing radiation exposure was excluded.",
        "Department of Gynecologic Oncology Surgery, University Hospital.",
        "Department of Radiation Oncology, Peking University.",
        "The cancer spreads through the lymphatic drainage pathway.",
        "Lymphatic embolization was seen in the specimen.",
        "RT-PCR for SARS-CoV-2 was negative.",
        "Antibiotic susceptibility testing was performed.",
        "Her general condition was good and the blood pressure was normal.",
        "T2-weighted MRI showed a cervical mass.",
        "The rt arm was swollen.",
    ],
)
def test_not_a_procedure(nlp, text):
    assert names(nlp, text) == []


def test_span_and_written_cover_approach_and_setting(nlp):
    doc = nlp("She underwent laparoscopic radical hysterectomy and neoadjuvant chemotherapy.")
    assert [(s.text, s._.value.written, s.label_) for s in doc.spans["procedures"]] == [
        ("laparoscopic radical hysterectomy", "laparoscopic radical hysterectomy", "PROCEDURE"),
        ("neoadjuvant chemotherapy", "neoadjuvant chemotherapy", "PROCEDURE"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Extensive transabdominal hysterectomy+bilateral salpingectomy+pelvic lymph node dissection were performed.",
        "She underwent paraaortic lymph node dissection/ BSO.",
        "Robotic-assisted para-aortic lymphadenectomy and chemo-radiation.",
    ],
)
def test_same_names_whatever_the_tokenizer(nlp, blank, text):
    assert names(nlp, text) == names(blank, text) != []


def test_names_joined_without_spaces(nlp):
    text = "Then, extensive transabdominal hysterectomy+bilateral salpingectomy+pelvic lymph node dissection was done."
    assert [v.name for v in values(nlp, text)] == ["radical hysterectomy", "bilateral salpingectomy", "pelvic lymphadenectomy"]


def test_abbreviations_match_in_their_case_only(nlp):
    assert names(nlp, "The TACE was repeated.") == [("transarterial chemoembolization", "other")]
    assert names(nlp, "Bso and tace are not abbreviations here.") == []


@pytest.mark.parametrize("text", ["", " ", "\x00\x01", "Gy " * 50, "İ" * 30 + " hysterectomy", "45 Gy" * 40 + " radiotherapy",
                                  "chemotherapy " * 200, "99999999999999999999 Gy radiotherapy", "and , and / + hysterectomy"])
def test_odd_input(nlp, blank, text):
    nlp(text)
    blank(text)


def test_lexicon_rows_are_well_formed():
    rows = read_table("procedures/procedures.tsv")
    assert len(rows) > 500
    for row in rows:
        assert row["written"] and row["name"] and row["kind"] in KINDS, row
        assert set(filter(None, row["flags"].split(","))) <= {"case", "generic", "guard", "via"}, row


def test_lexicon_names_are_names_of_themselves():
    """A normalised name written in a report maps to itself ("radical hysterectomy" ->
    radical hysterectomy), so names never drift from their own spelling."""
    lexicon = load_lexicon("procedures/procedures.tsv")
    rows = read_table("procedures/procedures.tsv")
    for name in {row["name"] for row in rows if "case" not in row["flags"]}:
        key = tuple(name.lower().replace("-", " ").split())
        entry = lexicon.get(key)
        if entry is not None:
            assert entry.name == name, (name, entry.name)


def test_trie_pattern_matches_exactly_its_words():
    import re

    words = ["hysterectomy", "hyster", "biopsy", "bio", "ct"]
    pattern = re.compile("(?:" + trie_pattern(words) + r")\Z")
    assert all(pattern.match(w) for w in words)
    assert not any(pattern.match(w) for w in ["hysterectom", "biops", "c", "cts", "bios"])


def test_docstring_example_runs_on_a_blank_pipeline():
    spacy.blank("en")
    assert doctest.testmod(procedures_module).failed == 0


def test_the_lexicon_read_back_from_the_build_cache_is_the_parsed_one(tmp_path):
    from pipeline import disk_cache
    from pipeline.nlp.procedures.lexicon import Lexicon

    expected = Lexicon.from_rows(read_table("procedures/procedures.tsv"))
    disk_cache.configure(tmp_path)
    load_lexicon.cache_clear()
    try:
        cold = load_lexicon("procedures/procedures.tsv")  # a miss: parsed, then stored
        assert len(list((tmp_path / disk_cache.FOLDER / "procedures").glob("*/*.json"))) == 1
        load_lexicon.cache_clear()
        warm = load_lexicon("procedures/procedures.tsv")  # a hit
    finally:
        disk_cache.configure()
        load_lexicon.cache_clear()
    for lexicon in (cold, warm):
        assert lexicon.first_word.pattern == expected.first_word.pattern
        assert lexicon.by_first == expected.by_first
        assert list(lexicon.names) == list(expected.names)
        assert lexicon.pairs == expected.pairs
