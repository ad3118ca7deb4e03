"""A lesion told as found later in a tumour's course is its spread or recurrence there ([across]
found_later of models/sites/roles.toml), on sentences written for the tests."""
import pytest

from site_helpers import found, nlp  # noqa: F401  (the fixture is registered by name)


@pytest.mark.parametrize(
    "text, site",
    [
        ("She underwent a hemicolectomy for colon adenocarcinoma. Eighteen months later, a 2-cm hepatic "
         "mass was detected.", "liver"),
        ("He was treated with gastrectomy for gastric cancer. Restaging CT showed a new nodule in the right "
         "lung.", "lung"),
        ("A man with clear cell renal carcinoma was well. At the 24-month follow-up, a pancreatic lesion was "
         "seen on imaging.", "pancreas"),
        ("The uterine leiomyosarcoma was resected. Two years after the operation, pulmonary nodules "
         "appeared on the chest radiograph.", "lung"),
        ("Following surgery for endometrial carcinoma, a vaginal vault mass was found on surveillance "
         "imaging.", "vagina"),
        ("After a mastectomy for breast carcinoma she remained well until she presented with a splenic "
         "mass three years afterwards.", "spleen"),
    ],
)
def test_a_lesion_found_later_is_spread(nlp, text, site):
    assert (site, "recurrence") in found(nlp, text)


@pytest.mark.parametrize(
    "text, site",
    [
        # a benign reading or another primary in the same sentence
        ("She underwent a hemicolectomy for colon adenocarcinoma. Six months later a simple hepatic cyst was "
         "seen on ultrasound.", "liver"),
        ("He had a gastrectomy for gastric cancer. Two years later a thyroid nodule was removed and proved "
         "to be a second primary.", "thyroid"),
        # no time of the course: a lesion at presentation is left to the other rules
        ("A woman with colon adenocarcinoma had a hepatic mass on the staging CT.", "liver"),
    ],
)
def test_a_lesion_without_a_later_time_or_read_as_benign_is_no_spread(nlp, text, site):
    assert (site, "recurrence") not in found(nlp, text)


def test_no_tumour_no_spread(nlp):
    text = "Three months after the fall, a splenic mass was found, which was a haematoma."
    assert all(role == "mention" for _, role in found(nlp, text))


@pytest.mark.parametrize(
    "text, site",
    [
        ("She had a uterine leiomyosarcoma. Chest CT showed multiple pulmonary nodules.", "lung"),
        ("A man with small cell lung cancer had bilateral adrenal masses on CT.", "adrenal gland"),
        ("A woman with colon adenocarcinoma had numerous lesions in the liver.", "liver"),
        ("In this breast carcinoma, MRI showed several enhancing brain lesions.", "brain"),
    ],
)
def test_lesions_in_number_in_another_organ_are_spread(nlp, text, site):
    assert (site, "recurrence") in found(nlp, text)


@pytest.mark.parametrize(
    "text, site",
    [
        # the number belongs to another lesion of the sentence
        ("A man with lung cancer: CT showed a small opacity in the left upper lung and multiple mediastinal "
         "nodules.", "lung"),
        # a region outside the site list, and a benign reading
        ("A man with lung cancer had multiple gluteal masses.", "other"),
        ("A woman with colon adenocarcinoma had multiple hepatic cysts.", "liver"),
    ],
)
def test_lesions_in_number_elsewhere_in_the_sentence_or_benign_are_no_spread(nlp, text, site):
    assert (site, "recurrence") not in found(nlp, text)


@pytest.mark.parametrize(
    "text, site",
    [
        ("A woman with colon cancer: two years later a number of lesions had also appeared in her liver.", "liver"),
        ("In his melanoma, several nodules were seen in both lungs.", "lung"),
        ("In this squamous cell carcinoma, PET showed intensely FDG-avid lesions in the bones.", "bone"),
        ("A man with gastric cancer had hypermetabolic foci in the liver on PET.", "liver"),
        ("In her cervical cancer, CT found scattered pulmonary nodules.", "lung"),
        # a scan after the treatment lights up other organs
        ("After the thyroidectomy for follicular carcinoma, the radioiodine scan showed uptake in both lungs.", "lung"),
    ],
)
def test_lesions_told_in_number_lit_up_or_found_after_treatment_are_spread(nlp, text, site):
    assert (site, "recurrence") in found(nlp, text)


@pytest.mark.parametrize(
    "text, site",
    [
        ("Her tuberculosis was followed: CT showed multiple nodules in both lungs.", "lung"),  # no tumour
        ("In his lung cancer, CT showed multiple lesions in the liver consistent with abscesses.", "liver"),
        ("In her thyroid cancer, a focal FDG-avid lesion was found in the paraspinal muscle.", "muscle"),  # one
        ("In his colon cancer, PET at diagnosis showed physiological uptake in the bladder.", "bladder"),
    ],
)
def test_lesions_read_as_something_else_one_lesion_or_normal_uptake_are_no_spread(nlp, text, site):
    assert (site, "recurrence") not in found(nlp, text)


@pytest.mark.parametrize(
    "text, site",
    [
        ("A man with rectal cancer had mildly FDG-avid reticulonodular opacities in both lungs.", "lung"),
        ("After the colectomy for colon cancer, a lesion was incidentally detected in the spleen on follow-up CT.",
         "spleen"),
    ],
)
def test_faintly_lit_or_incidental_findings_are_no_spread(nlp, text, site):
    assert (site, "recurrence") not in found(nlp, text)
