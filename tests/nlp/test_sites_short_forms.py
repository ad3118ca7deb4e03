"""Short forms of tumour names read as cancer words by the site component (NET, NEN: the WHO terms of
neuroendocrine neoplasms), on sentences written for the tests."""
import pytest

from site_helpers import found, nlp  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize("text, expected", [
    ("Resection confirmed a well-differentiated NET of the ileum.", ("small intestine", "primary")),
    ("Biopsy showed a grade 2 pancreatic NET.", ("pancreas", "primary")),
    ("A rectal NEN was removed endoscopically.", ("rectum", "primary")),
    ("CT showed liver metastases of the duodenal NET.", ("liver", "metastasis")),
])
def test_a_neuroendocrine_short_form_names_its_organ(nlp, text, expected):
    assert expected in found(nlp, text)


def test_a_rate_of_the_literature_gives_its_organ_no_metastasis(nlp):
    text = "About 40% of gastrointestinal NETs metastasize to the liver."
    assert ("other", "metastasis") not in found(nlp, text)


def test_a_neonate_with_nec_has_no_cancer_word(nlp):
    # NEC is also necrotising enterocolitis: not a short form of a neuroendocrine carcinoma here
    assert ("small intestine", "primary") not in found(nlp, "The neonate developed NEC of the ileum.")
