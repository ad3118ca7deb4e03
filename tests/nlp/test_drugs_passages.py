"""The drugs of short case passages written for these tests, read through the whole pipeline:
regimen codes defined in the text, classes named with their drug, recommendations followed or
refused, drugs of other patients and of the literature, medication lists."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def drugs(nlp, text):
    rows = report_cases(nlp, Report(name="t.txt", text=text))
    return sorted({d for row in rows for d in row.drugs})


PASSAGES = [
    # a class written before its drug names one drug; the class alone is none (ANNOTATION.md: a class
    # without a named drug is excluded; low-molecular-weight heparins are enoxaparin, dalteparin ...)
    ("A 71-year-old man with a deep vein thrombosis was treated with the low-molecular-weight heparin "
     "enoxaparin 1 mg/kg twice daily and then with warfarin.", ["enoxaparin", "warfarin"]),
    ("Acute coronary syndrome treatment was started with subcutaneous low-molecular-weight heparin "
     "(0.8 ml of enoxaparin) in a 66-year-old man.", ["enoxaparin"]),
    ("A 58-year-old woman with a pulmonary embolism received low-molecular-weight heparin.", []),
    ("A 58-year-old woman with a pulmonary embolism received unfractionated heparin.", ["heparin"]),
    # a treatment offered or recommended, then refused
    ("Postoperatively, the 57-year-old patient was offered chemotherapy with cisplatin and gemcitabine, "
     "but she refused and died of disease seven months later.", []),
    ("A 74-year-old woman had stage IIIC endometrial carcinoma. Adjuvant carboplatin and paclitaxel were "
     "recommended. However, the patient declined further treatment.", []),
    ("A 61-year-old woman was offered carboplatin, received two cycles and declined further treatment.",
     ["carboplatin"]),
    ("A 45-year-old woman received cisplatin but refused radiotherapy.", ["cisplatin"]),
    # the pharmacology of a prodrug and a drug's known toxicity told in general are no drugs given
    ("A 57-year-old man with rectal cancer received capecitabine. Capecitabine, an oral prodrug of "
     "5-fluorouracil (5-FU), has efficacy comparable with 5-FU.", ["capecitabine"]),
    ("A 66-year-old woman received tegafur, which is metabolized in the liver to fluorouracil.", ["tegafur"]),
    ("A 57-year-old man received capecitabine. Although 5-FU cardiotoxicity is usually reversible, it can "
     "be fatal.", ["capecitabine"]),
    ("A 70-year-old man received 5-FU and developed side effects of 5-FU including mucositis.", ["fluorouracil"]),
    ("A 60-year-old man received capecitabine, which is rapidly converted to fluorouracil in tumour tissue.",
     ["capecitabine"]),
    ("A 30-year-old man took codeine, which was metabolised to morphine.", ["codeine"]),
    # ... but a treatment switched in the past tense is given
    ("A 40-year-old woman with schizophrenia received olanzapine, which was abruptly converted to "
     "chlorpromazine due to lack of efficacy.", ["chlorpromazine", "olanzapine"]),
    ("A 60-year-old man with pneumonia received intravenous ceftriaxone, converted to oral amoxicillin on "
     "day 4.", ["amoxicillin", "ceftriaxone"]),
    # an active recommendation with a schedule, followed by the course, was carried out
    ("A 61-year-old woman had recurrent ovarian cancer. Her oncologist recommended six monthly cycles of "
     "gemcitabine. She tolerated gemcitabine for six months.", ["gemcitabine"]),
    # the authors' suggestion of another regimen is no drug given
    ("A 64-year-old man with metastatic squamous carcinoma was treated with cisplatin and gemcitabine. "
     "Carboplatin may be a safer partner in elderly patients.", ["cisplatin", "gemcitabine"]),
    # a regimen code after "chemotherapy" in brackets is the regimen, not a definition of the words before it
    ("We describe a 68-year-old woman with gastric lymphoma who responded well to chemotherapy (R-CHOP).",
     ["cyclophosphamide", "doxorubicin", "prednisone", "rituximab", "vincristine"]),
    # the patient's own trial participation is no literature
    ("A 49-year-old woman with melanoma developed colitis. She was taken off study in May, prednisolone "
     "was tapered and budesonide was added.", ["budesonide", "prednisolone"]),
    ("A 59-year-old man had lung cancer. Previous studies found that pemetrexed was effective.", []),
    ("A 77-year-old man had fever after nivolumab. Once these studies returned negative, antibiotics were "
     "stopped and he was started on methylprednisolone.", ["methylprednisolone", "nivolumab"]),
    # the refusal told first, the offer in the next sentence; "elected not to", "opted not to"
    ("A 58-year-old man had a liver metastasis resected. Adjuvant therapy was discussed but the patient "
     "refused. We had offered him capecitabine for six months.", []),
    ("A 62-year-old woman declined surgery. She was then offered paclitaxel and received four cycles.",
     ["paclitaxel"]),
    ("A 47-year-old woman with breast cancer was offered adjuvant tamoxifen, but she elected not to take it.", []),
    ("A 66-year-old man was recommended gemcitabine; he opted not to receive chemotherapy.", []),
    # a recommendation followed by the rest of the course was carried out; one that ends the report is a plan
    ("A 58-year-old woman had high-grade serous carcinoma of the ovary with omental deposits. Neoadjuvant "
     "chemotherapy (carboplatin-paclitaxel) was recommended, followed by interval debulking surgery. She is "
     "alive without disease at two years.", ["carboplatin", "paclitaxel"]),
    ("A 63-year-old woman underwent hysterectomy for uterine serous carcinoma. Adjuvant chemotherapy with "
     "carboplatin and paclitaxel was recommended.", []),
    ("A 60-year-old woman underwent hysterectomy for endometrial serous carcinoma. Adjuvant chemotherapy "
     "with paclitaxel and carboplatin was recommended and administered.", ["carboplatin", "paclitaxel"]),
    # a diagnosis left open negates the diagnosis, not the drugs given in its sentence
    ("A 68-year-old man became confused. Because a cerebral infarction could not be excluded, "
     "dexamethasone, mannitol and a vasodilator were used.", ["dexamethasone", "mannitol"]),
    ("A 30-year-old woman had fever. As meningitis could not be ruled out, ceftriaxone and vancomycin were "
     "given empirically.", ["ceftriaxone", "vancomycin"]),
    # a drug whose part in the illness "could not be ruled out" was taken: a reaction to it needs it
    ("A 52-year-old man presented with jaundice. A drug reaction to amoxicillin could not be ruled out.", ["amoxicillin"]),
    # ... while a drug itself ruled out stays negated
    ("A 52-year-old man presented with jaundice. Use of amoxicillin was ruled out.", []),
    ("A 41-year-old woman had a fever. Because infection could not be excluded, she did not receive "
     "steroids such as prednisolone.", []),
    # a negation of another clause ends at the clause break
    ("A 38-year-old woman with immune thrombocytopenia was treated with dexamethasone without sustained "
     "response, and romiplostim was then started.", ["dexamethasone", "romiplostim"]),
    ("A 70-year-old man had pneumonia. The fever did not subside, and meropenem was started.", ["meropenem"]),
    ("A 66-year-old man was admitted with sepsis. No antibiotics or steroids were given.", []),
    ("A 50-year-old woman did not receive cisplatin, and carboplatin was not given either.", []),
    # a negation that tells the drug was taken
    ("A 58-year-old man with diabetes did not tolerate metformin because of diarrhoea.", ["metformin"]),
    ("A 12-year-old girl with immune thrombocytopenia failed to respond to IVIG, and rituximab was started.",
     ["immunoglobulin", "rituximab"]),
    ("A 60-year-old woman with ovarian cancer did not receive cisplatin.", []),
    # regimen codes defined in the text, and the usual Chinese-journal abbreviations
    ("A 48-year-old woman with stage IIIC ovarian carcinoma received six cycles of TP (paclitaxel and "
     "cisplatin) regimen after surgery.", ["cisplatin", "paclitaxel"]),
    ("A 47-year-old female patient received concurrent chemoradiotherapy with DDP, followed by two cycles "
     "of 5-Fu plus DDP.", ["cisplatin", "fluorouracil"]),
    ("A 42-year-old woman with gestational choriocarcinoma and lung metastases was treated with EMA-CO.",
     ["cyclophosphamide", "dactinomycin", "etoposide", "methotrexate", "vincristine"]),
    # drug classes without a named drug are none
    ("A 61-year-old woman with stage IVB endometrial carcinoma was treated with platinum-based "
     "chemotherapy and died 14 months later.", []),
    # a hedged diagnosis does not take the drugs of its sentence
    ("A 34-year-old woman presented with fever. Although bacterial meningitis could not be excluded, she "
     "was given ceftriaxone and acyclovir.", ["aciclovir", "ceftriaxone"]),
    # the discussion's other patients and the literature
    ("Case report\nA 45-year-old woman with pemphigus vulgaris was treated with prednisolone and "
     "azathioprine, and the lesions healed.\nDiscussion\nSmith et al. treated a similar patient with "
     "rituximab. Mycophenolate mofetil has been used in refractory cases.", ["azathioprine", "prednisolone"]),
    # in the discussion, what the authors gave their patient
    ("Case presentation\nA 47-year-old woman had fever, arthralgia and a salmon-coloured rash, and "
     "adult-onset Still's disease was diagnosed.\nDiscussion\nThe disease is a diagnosis of exclusion. We "
     "treated her with canakinumab because of steroid dependence. Smith et al. described a 30-year-old "
     "woman who was treated with rituximab.", ["canakinumab"]),
    # in the discussion, a sentence that opens on the patient being given a drug
    ("Case report\nA 22-year-old woman had a yolk sac tumour of the ovary and underwent surgery.\n"
     "Discussion\nYolk sac tumours are chemosensitive. She was treated with BEP, the standard regimen. In a "
     "series by Smith et al., patients received carboplatin and etoposide. The patient also received "
     "enoxaparin prophylaxis after surgery.", ["bleomycin", "cisplatin", "enoxaparin", "etoposide"]),
    # the diluent of a drug is no fluid given
    ("A 30-year-old woman received cisplatin 20 mg/m2 on days 1-5; each dose was diluted in 500 mL of "
     "normal saline.", ["cisplatin"]),
    # a susceptibility panel and an allergy are no drugs given
    ("A 72-year-old man developed urosepsis. Urine culture grew Escherichia coli susceptible to "
     "nitrofurantoin and gentamicin. He received piperacillin-tazobactam for seven days.",
     ["piperacillin", "tazobactam"]),
    ("A 40-year-old woman with a known allergy to penicillin presented with cellulitis and was treated "
     "with clindamycin.", ["clindamycin"]),
    # a medication table flattened to text, with brand names
    ("A 79-year-old woman was admitted after a fall.\nMedication | Dose\nLasix | 40 mg daily\nCoumadin | "
     "3 mg daily\nHer INR was 4.2.", ["furosemide", "warfarin"]),
    # a consulting service recommends a named drug and the course goes on: given; a
    # recommendation for a contingency stays a plan
    ("A 56-year-old man had Empedobacter bacteremia. Once sensitivities were complete, the infectious disease "
     "service recommended shifting to intravenous cefepime for 7 days. His fever resolved and he was "
     "discharged home.", ["cefepime"]),
    ("A 33-year-old man bled after TIPS and received vitamin K. In case of life-threatening bleeding, "
     "prothrombin complex concentrate was recommended. His hemoglobin stabilized and he was discharged.",
     ["phytomenadione"]),
    # a contrast medium of an enema is no drug (WHO ATC V08)
    ("A 27-year-old woman received metronidazole; a Gastrografin enema (diatrizoate) showed a stenosis.",
     ["metronidazole"]),
    # a published patient introduced in the discussion: the next sentences of the paragraph tell
    # that patient's story, by pronoun, "the patient" or "this patient", until ours is named again
    ("Case report\nA 58-year-old woman with endocarditis was given ceftriaxone.\n\nDiscussion\nPark et al. "
     "reported a 35-year-old man with the same organism [6]. His fever persisted for a week. He was treated "
     "with linezolid and rifampicin and recovered.", ["ceftriaxone"]),
    ("Case report\nA 64-year-old man with pyelonephritis was given meropenem.\n\nDiscussion\nKhan described an "
     "immunocompetent woman with a renal abscess [4]. This patient declined surgery and was managed with "
     "voriconazole for six weeks.", ["meropenem"]),
    ("Case report\nA 58-year-old woman with endocarditis was given ceftriaxone.\n\nDiscussion\nPark et al. "
     "reported a 35-year-old man with the same organism [6]. In our patient, the fever settled once "
     "gentamicin was added.", ["ceftriaxone", "gentamicin"]),
    ("Case report\nA 58-year-old woman with endocarditis was given ceftriaxone.\n\nDiscussion\nEndocarditis "
     "due to this organism is rare [3]. She was also treated with gentamicin.", ["ceftriaxone", "gentamicin"]),
    # ward shorthand of combinations and fluids; an option for later and a drug never taken are not given
    ("A 61-year-old man received amp/sulbactam, then oral amox-clav, and 50 mL of D50 for hypoglycaemia.",
     ["amoxicillin", "ampicillin", "clavulanic acid", "glucose", "sulbactam"]),
    ("A 45-year-old man after kidney transplantation was maintained on tacrolimus and MMF.",
     ["mycophenolate mofetil", "tacrolimus"]),
    ("A 52-year-old woman had breast cancer resected. Tamoxifen could be considered in the future. "
     "Methotrexate toxicity was excluded as she had never received methotrexate.", []),
    # in the case description, a leading clause about other patients or the literature before a
    # treatment given in the past; in the discussion the same wording is the literature's
    ("Case report\nA 34-year-old man had neuroleptic malignant syndrome. As recommended for patients with NMS, "
     "dantrolene was given.", ["dantrolene"]),
    ("Case report\nA 61-year-old woman had vasculitis. As described by Smith et al. [4], rituximab was "
     "administered weekly.", ["rituximab"]),
    ("Case report\nA 61-year-old woman had vasculitis and was given prednisolone.\n\nDiscussion\nAs described "
     "by Smith et al. [4], rituximab was administered weekly.", ["prednisolone"]),
    # regimen codes of lymphoma, myeloma and biliary cancer
    ("A 67-year-old man with relapsed lymphoma received salvage R-ICE.", ["carboplatin", "etoposide", "ifosfamide", "rituximab"]),
    ("The skin lesions almost disappeared after VEPA therapy.", ["cyclophosphamide", "doxorubicin", "prednisolone", "vincristine"]),
    ("He received six cycles of MOPP.", ["chlormethine", "prednisone", "procarbazine", "vincristine"]),
    ("Her relapse was treated with HyperCVAD.", ["cyclophosphamide", "dexamethasone", "doxorubicin", "vincristine"]),
    ("A 58-year-old woman with myeloma was treated with VRd induction.", ["bortezomib", "dexamethasone", "lenalidomide"]),
    ("A 63-year-old man with cholangiocarcinoma received gem/cis for four cycles.", ["cisplatin", "gemcitabine"]),
    # Burkitt lymphoma's alternating codes, dose-dense AC then paclitaxel, an AML salvage code
    ("A 42-year-old woman with Burkitt lymphoma received four courses of CODOX-M/IVAC.",
     ["cyclophosphamide", "cytarabine", "doxorubicin", "etoposide", "ifosfamide", "methotrexate", "vincristine"]),
    ("A 60-year-old man received 8 cycles of chemotherapy with the ddAC-T regimen.",
     ["cyclophosphamide", "doxorubicin", "paclitaxel"]),
    ("A 50-year-old woman with refractory AML received FLAG-IDA.", ["cytarabine", "filgrastim", "fludarabine", "idarubicin"]),
    # a drug of misuse is no medicine given; a treatment after a history of drug use is
    ("A 29-year-old woman had years of intravenous drug use (IVDU), up to 1 g/d of fentanyl. She was "
     "started on methadone.", ["methadone"]),
    ("A 35-year-old man with a history of intravenous drug use was treated with vancomycin.", ["vancomycin"]),
    ("A 41-year-old man with fentanyl abuse and endocarditis received daptomycin.", ["daptomycin"]),
    ("A 38-year-old man with opioid use disorder was started on buprenorphine.", ["buprenorphine"]),
    # ... and the patient's own earlier treatment told in the discussion after a sentence adverb
    ("Case report\nA 58-year-old woman with endocarditis was given ceftriaxone.\n\nDiscussion\nHer blood "
     "cultures of a year before had been read as contaminated. Of note, she was treated with a ten-day "
     "course of moxifloxacin at that time.", ["ceftriaxone", "moxifloxacin"]),
    # treatments that "neither ... nor" lists as not working were given; not across a clause of its own
    ("A 77-year-old woman with acquired haemophilia A had bleeding. Neither cryoprecipitate nor DDAVP were "
     "effective to correct the aPTT. Ultimately, recombinant human factor VIIa (rFVIIa) was given.",
     ["desmopressin", "eptacog alfa"]),
    ("A 60-year-old man had immune thrombocytopenia. Neither prednisone nor rituximab proved successful, and "
     "he underwent splenectomy.", ["prednisone", "rituximab"]),
    ("A 45-year-old woman had a stage IB cervical cancer. She received neither cisplatin nor paclitaxel, and "
     "surgery was successful.", []),
    ("A 45-year-old woman had a stage IB cervical cancer. Neither cisplatin nor paclitaxel was given.", []),
]


@pytest.mark.parametrize("text, expected", PASSAGES, ids=[p[0][:50] for p in PASSAGES])
def test_drugs_of_a_passage(nlp, text, expected):
    assert drugs(nlp, text) == expected


def test_a_sentence_about_all_the_patients_before_the_first_case_gives_each_its_drugs(nlp):
    # the "Case 2" heading stands in the abstract: the case's own drugs are read there too
    text = ("Abstract\nWe report two women with ovarian carcinosarcoma. Both patients received six cycles of "
            "carboplatin and paclitaxel after surgery.\nCase 1\nA 58-year-old woman underwent debulking surgery. "
            "She is alive without disease.\nCase 2\nA 66-year-old woman had ascites and a pelvic mass. "
            "At recurrence she was treated with cisplatin.")
    rows = report_cases(nlp, Report(name="t.txt", text=text))
    assert [row.drugs for row in rows] == [["carboplatin", "paclitaxel"], ["carboplatin", "cisplatin", "paclitaxel"]]


@pytest.fixture(scope="module")
def blank():
    import spacy
    from pipeline.nlp.drugs import factory  # noqa: F401  (registers caselit_drugs)
    nlp = spacy.blank("en")
    nlp.add_pipe("caselit_drugs")
    return nlp


@pytest.mark.parametrize("text, expected", [
    # a code defined by its drugs means them, wherever the text writes it
    ("She received four cycles of TP (docetaxel and cisplatin). After two cycles of TP she had neutropenia.",
     ["cisplatin", "docetaxel"]),
    ("GP regimen (gemcitabine plus carboplatin) was given for four cycles.", ["carboplatin", "gemcitabine"]),
    ("TP regimen (paclitaxel liposome 135 mg/m2, nedaplatin 80 mg/m2) was given for 4 cycles.",
     ["nedaplatin", "paclitaxel"]),
    ("Docetaxel 75 mg/m2 plus cisplatin 75 mg/m2 (TP) was given; after 3 cycles of TP, CT showed a response.",
     ["cisplatin", "docetaxel"]),
    # the drugs written are part of the lexicon's reading: the code keeps it
    ("She received six cycles of TC chemotherapy (paclitaxel 175 mg/m2) with carboplatin.", ["carboplatin", "paclitaxel"]),
    ("She received 6 cycles of TC chemotherapy.", ["carboplatin", "paclitaxel"]),
])
def test_a_regimen_code_means_the_drugs_the_text_defines_it_by(blank, text, expected):
    doc = blank(text)
    spans = list(doc.spans["drugs"])
    assert sorted({g for s in spans for g in s._.value.generics}) == expected
    assert all(set(s._.value.generics) <= set(expected) for s in spans if s.text.isupper())


@pytest.mark.parametrize("text, expected", [
    ("She received six cycles of PC regimen.", ["carboplatin", "paclitaxel"]),
    ("Patients with PC received gemcitabine-based chemotherapy.", ["gemcitabine"]),  # pancreatic cancer
    ("An AP chest radiograph was taken before chemotherapy.", []),  # anteroposterior
    ("She was treated with AP chemotherapy after surgery.", ["cisplatin", "doxorubicin"]),
    ("He had CAP and received ceftriaxone; chemotherapy was delayed.", ["ceftriaxone"]),  # pneumonia
    ("Three courses of CAP were given.", ["cisplatin", "cyclophosphamide", "doxorubicin"]),
    ("She had a PE during the second chemotherapy cycle.", []),  # pulmonary embolism
    ("She received 4 cycles of PE chemotherapy.", ["cisplatin", "etoposide"]),
    ("He was started on HRZE.", ["ethambutol", "isoniazid", "pyrazinamide", "rifampicin"]),
    # a slash to a regimen counted in its chemotherapy context: alternating cycles
    ("He was given a chemotherapy protocol of VAC/IE in 17 cycles.",
     ["cyclophosphamide", "dactinomycin", "etoposide", "ifosfamide", "vincristine"]),
    ("The IE/VAC ratio was computed.", []),
    # codes whose letters also mean a blood count or a device
    ("His PCV was 40% and a VAD was implanted.", []),
    ("She received six cycles of PCV chemotherapy for the oligodendroglioma.", ["lomustine", "procarbazine", "vincristine"]),
    # S1 without its hyphen: tegafur, gimeracil and oteracil only in a chemotherapy context
    ("He received eight cycles of S1 chemotherapy.", ["gimeracil", "oteracil", "tegafur"]),
    ("MRI showed a herniated disc at L5-S1 with S1 nerve root compression.", []),
])
def test_a_code_with_an_everyday_meaning_needs_a_regimen_word_beside_it(blank, text, expected):
    doc = blank(text)
    assert sorted({g for s in doc.spans["drugs"] for g in s._.value.generics}) == expected


@pytest.mark.parametrize("text, expected", [
    ("She received two courses of Topotecin and Aqupla.", ["irinotecan", "nedaplatin"]),
    ("Intravenous Kiovig 2 g/kg was infused over five days.", ["immunoglobulin"]),
    ("Iron deficiency was corrected with Ferinject 1 g.", ["ferric carboxymaltose"]),
    ("She received Randa 70 mg/m2 chemotherapy.", ["cisplatin"]),
    ("Randa Smith and colleagues reported a similar case.", []),  # a first name
    ("She received carbotaxol for six cycles.", ["carboplatin", "paclitaxel"]),
    # German and Central European brands
    ("Blood pressure was lowered with Ebrantil 25 mg intravenously.", ["urapidil"]),
    ("He was switched to oral Ciprobay and Torem.", ["ciprofloxacin", "torasemide"]),
    ("Prophylaxis with Eusaprim forte was continued.", ["sulfamethoxazole", "trimethoprim"]),
    # trivial and chemical names of an INN
    ("She took L-DOPA/carbidopa and CDP-choline.", ["carbidopa", "citicoline", "levodopa"]),
    ("N-demethyl-diazepam was stopped.", ["nordazepam"]),
    # antivenoms and antitoxins, by their names and the abbreviation beside a dose
    ("She was given 10 vials of ASV and anti-snake venom again the next day.", ["antivenom"]),
    ("He was given polyvalent anti venom and later haemodialysis.", ["antivenom"]),
    ("100,000 U equine antitetanic serum was administered intramuscularly.", ["tetanus antitoxin"]),
    ("He was ventilated in ASV mode.", []),
    ("Both patients received botulism antitoxin.", ["botulism antitoxin"]),
    ("Heptavalent botulinum antitoxin was given on day 2.", ["botulism antitoxin"]),
    # the human immunoglobulin and the equine antitoxin are two products; the abbreviations only beside a treatment
    ("He received metronidazole, human tetanus immunoglobulin (TIG) and anti-tetanus serum (ATS).",
     ["metronidazole", "tetanus antitoxin", "tetanus immunoglobulin"]),
    ("Human tetanus immunoglobulins, 1000 IU IM, were given.", ["tetanus immunoglobulin"]),
    ("The wound was debrided and a shot of tetanus toxoid, TIG and antibiotics given.", ["tetanus immunoglobulin", "tetanus toxoid"]),
    ("Spirometry was interpreted according to the ATS criteria.", []),
    ("HRIG 20 IU/kg was infiltrated around the wound and the rabies vaccine given.", ["rabies immunoglobulin", "rabies vaccine"]),
    ("Anti-diphtheritic serum was started at once.", ["diphtheria antitoxin"]),
    ("Daktarin cream was applied.", ["miconazole"]),
    # radiopharmaceuticals given as treatment, by brand, isotope or carrier code
    ("He received six injections of Xofigo for his bone metastases.", ["radium-223 dichloride"]),
    ("She received four cycles of 177Lu-DOTATATE.", ["lutetium (177lu) oxodotreotide"]),
    ("He was treated with 177Lu-PSMA-617.", ["lutetium (177lu) vipivotide tetraxetan"]),
    # iodine-131 as treatment, by its isotope's written forms; not its diagnostic scan
    ("She received 131-iodine therapy with 100 mCi after thyroidectomy.", ["iodine-131"]),
    ("131I treatment with thyroid hormone withdrawal followed.", ["iodine-131"]),
    ("He was treated with I-131 (150 mCi).", ["iodine-131"]),
    ("An iodine 131 whole body scan showed uptake in the skull.", []),
])
def test_brand_names_of_other_markets(blank, text, expected):
    doc = blank(text)
    assert sorted({g for s in doc.spans["drugs"] for g in s._.value.generics}) == expected
