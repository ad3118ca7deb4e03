"""Type names of the WHO volumes beyond the female genital, breast, digestive, urinary and thoracic ones
(soft tissue and bone, central nervous system, head and neck, skin, haematolymphoid, paediatric and male
genital tumours), on sentences written for the tests: each family's names, spellings and short forms, the
broader name a report also uses (parents.tsv) and the organ such a type mostly arises in (organs.tsv)."""
import pytest
from histology_helpers import full, names, nlp, row  # noqa: F401 (nlp, full: the shared fixtures)


@pytest.mark.parametrize("text, expected", [
    # soft tissue and bone
    ("Excision showed an epithelioid haemangioendothelioma of the scalp.", "epithelioid hemangioendothelioma"),
    ("Biopsy of the liver nodules confirmed EHE.", "epithelioid hemangioendothelioma"),
    ("A haemangiosarcoma of the breast after radiotherapy.", "angiosarcoma"),
    ("The mass was a malignant solitary fibrous tumour of the pelvis.", "malignant solitary fibrous tumor"),
    ("Pathology was consistent with malignant SFT.", "malignant solitary fibrous tumor"),
    ("A low grade fibromyxoid sarcoma of the shoulder.", "low-grade fibromyxoid sarcoma"),
    ("A malignant triton tumour arose in the neck.", "malignant peripheral nerve sheath tumor"),
    ("Wide excision of a recurrent DFSP of the trunk.", "dermatofibrosarcoma protuberans"),
    ("Radiographs of the tibia suggested an adamantinoma, confirmed on biopsy.", "adamantinoma"),
    # central nervous system
    ("MRI showed a high-grade glioma of the thalamus.", "glioma"),
    ("Resection confirmed GBM, IDH-wildtype.", "glioblastoma"),
    ("Biopsy of the pons showed a diffuse midline glioma, H3 K27-altered.", "diffuse midline glioma"),
    ("An anaplastic oligodendroglioma of the frontal lobe.", "oligodendroglioma"),
    ("Histology showed anaplastic ependymoma (WHO grade 3).", "ependymoma"),
    ("A child with a pineoblastoma and hydrocephalus.", "pineoblastoma"),
    # head and neck
    # two standard names of one tumour, each kept as written
    ("Endoscopic biopsy showed an esthesioneuroblastoma, Hyams grade II.", "esthesioneuroblastoma"),
    ("Endoscopic biopsy showed an olfactory neuroblastoma, Hyams grade II.", "olfactory neuroblastoma"),
    ("The parotid mass was a salivary duct carcinoma.", "salivary duct carcinoma"),
    ("A carcinoma ex pleomorphic adenoma of the submandibular gland.", "carcinoma ex pleomorphic adenoma"),
    ("A hyalinising clear cell carcinoma of the palate.", "hyalinizing clear cell carcinoma"),
    ("Thyroidectomy showed a Hürthle cell carcinoma.", "oncocytic carcinoma"),
    ("A NUT carcinoma of the sinonasal tract.", "nut carcinoma"),
    # skin
    ("A nodule of the scalp was an eccrine porocarcinoma.", "porocarcinoma"),
    ("A microcystic adnexal carcinoma of the upper lip.", "microcystic adnexal carcinoma"),
    ("Biopsy of the vulvar plaque showed extramammary Paget's disease.", "extramammary paget disease"),
    ("Skin biopsy confirmed folliculotropic mycosis fungoides.", "mycosis fungoides"),
    ("Flow cytometry of the blood confirmed Sézary syndrome.", "sezary syndrome"),
    # haematolymphoid
    ("The skin nodules were a blastic plasmacytoid dendritic cell neoplasm.",
     "blastic plasmacytoid dendritic cell neoplasm"),
    ("Immunohistochemistry (CD4, CD56, CD123) confirmed BPDCN.", "blastic plasmacytoid dendritic cell neoplasm"),
    ("Node excision showed a follicular dendritic cell sarcoma.", "follicular dendritic cell sarcoma"),
    ("A histiocytic sarcoma of the small bowel.", "histiocytic sarcoma"),
    ("Skin biopsy showed Langerhans cell histiocytosis (CD1a and langerin positive).",
     "langerhans cell histiocytosis"),
    ("He was treated for Waldenström's macroglobulinaemia with rituximab.", "lymphoplasmacytic lymphoma"),
    ("Lymph node biopsy showed angioimmunoblastic T-cell lymphoma.", "angioimmunoblastic t-cell lymphoma"),
    ("Serology for HTLV-1 was positive and adult T-cell leukaemia/lymphoma was diagnosed.",
     "adult t-cell leukemia/lymphoma"),
    ("A granulocytic sarcoma of the orbit.", "myeloid sarcoma"),
    ("Marrow morphology showed a myelodysplastic neoplasm with excess blasts.", "myelodysplastic syndrome"),
    ("She had JAK2-positive polycythaemia vera.", "polycythemia vera"),
    # paediatric and male genital
    ("A hepatic mass in a child: undifferentiated embryonal sarcoma.", "undifferentiated embryonal sarcoma"),
    ("Orchiectomy showed a spermatocytic seminoma.", "spermatocytic tumor"),
    ("Retroperitoneal nodes from a non-seminomatous germ cell tumour.", "non-seminomatous germ cell tumor"),
    ("A malignant Leydig cell tumour with lung metastases.", "malignant leydig cell tumor"),
    # the malignant form of a tumour whose bare name is benign
    ("Excision showed a malignant granular cell tumour of the thigh.", "malignant granular cell tumor"),
    ("A malignant glomus tumor of the forearm.", "malignant glomus tumor"),
    ("The resected lesion was an anaplastic ganglioglioma.", "anaplastic ganglioglioma"),
    ("She had a JAK2-mutated MPN with marked thrombocytosis.", "myeloproliferative neoplasm"),
    ("Nasal biopsy confirmed ENKTL, nasal type.", "nk/t-cell lymphoma"),
])
def test_a_type_of_the_further_volumes(nlp, text, expected):
    assert names(nlp, text)[0] == expected


@pytest.mark.parametrize("text", [
    "A Leydig cell tumour was enucleated.",  # uncertain behaviour (ICD-O /1): no cancer type
    "A meningioma of the convexity was resected.",  # benign unless called anaplastic or malignant
    "The white matter (WM) showed gliosis.",  # WM alone is not read as the macroglobulinaemia
    "Antibodies against the glomerular basement membrane (GBM) were found.",  # defined as something else
    "Stains for anti-GBM antibodies were negative.",
    "A granular cell tumour of the tongue was excised.",  # benign without 'malignant'
])
def test_names_that_are_no_cancer_type(nlp, text):
    assert names(nlp, text) == []


@pytest.mark.parametrize("text, site, histology", [
    # a type mostly of one organ gives it when the text names none
    ("A 61-year-old man had a 3-cm nodule excised; pathology showed an eccrine porocarcinoma with clear "
     "margins.", "skin", "porocarcinoma"),
    ("A 44-year-old woman had seizures. Resection confirmed an oligodendroglioma, 1p/19q-codeleted.",
     "brain", "oligodendroglioma"),
    ("A 50-year-old man had nasal obstruction and epistaxis; biopsy showed an olfactory neuroblastoma, and "
     "the neuroblastoma was resected endoscopically.", "other", "olfactory neuroblastoma"),
    ("A 69-year-old man had headaches and an IgM paraprotein; marrow biopsy confirmed Waldenstrom "
     "macroglobulinemia and rituximab was given.", "bone marrow", "lymphoplasmacytic lymphoma"),
    # the entity outweighs the broader name the report also uses
    ("A 72-year-old man presented with violaceous nodules. Biopsy showed a blastic plasmacytoid dendritic "
     "cell neoplasm, a rare lymphoma of aggressive course.", "skin",
     "blastic plasmacytoid dendritic cell neoplasm"),
    ("A 58-year-old man had a tonsillar mass. This sarcoma was a follicular dendritic cell sarcoma on "
     "immunohistochemistry.", "other", "follicular dendritic cell sarcoma"),
    ("A 66-year-old woman had a platelet count of 900 x 10^9/L. A myeloproliferative neoplasm was diagnosed, "
     "and marrow biopsy confirmed essential thrombocythaemia.", "bone marrow", "essential thrombocythemia"),
])
def test_the_case_takes_the_entity_and_its_organ(full, text, site, histology):
    case = row(full, text)
    assert (case.histology, case.primary_site) == (histology, site)
