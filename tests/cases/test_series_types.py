"""Reports of several patients whose narrower histological type is told once, before "Case 1", while
each patient's part names the broader type: every part takes the narrower one (the most specific
type named, as for one patient). Texts written for these tests."""
import pytest

from pipeline.api import report_cases
from pipeline.ingest.report import Report
from pipeline.nlp.build import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def histologies(nlp, text):
    return [c.histology for c in report_cases(nlp, Report(name="t.txt", text=text))]


PARTS = ("\n\nCase 1\nA 58-year-old woman presented with a nodule on the scalp. Biopsy showed a B-cell lymphoma, "
         "and she received radiotherapy.\n\nCase 2\nA 64-year-old man presented with a nodule on the back. "
         "Biopsy showed a B-cell lymphoma, and it was excised.")



@pytest.mark.parametrize("opening, expected", [
    # the entity named once for the group, each part naming its family
    ("Abstract\nWe report two patients with primary cutaneous follicle center lymphoma of the trunk.",
     ["follicle center lymphoma"] * 2),
    # two subtypes named before the parts are the patients' own each: no part takes either
    ("Abstract\nWe report two patients, one with follicular lymphoma and one with mantle cell lymphoma of the skin.",
     ["b-cell lymphoma"] * 2),
])
def test_a_type_told_once_for_the_group(nlp, opening, expected):
    assert histologies(nlp, opening + PARTS) == expected


def test_one_patient_keeps_its_own_type_reading(nlp):
    text = ("A 30-year-old man presented with a testicular mass. Orchiectomy showed a nonseminomatous germ cell "
            "tumour; the pathology report described an embryonal carcinoma.")
    assert histologies(nlp, text) == ["embryonal carcinoma"]


@pytest.mark.parametrize("narrower", ["seminoma", "yolk sac tumour", "embryonal carcinoma", "teratoma"])
def test_a_germ_cell_tumour_named_by_its_type(nlp, narrower):
    text = (f"A 28-year-old man presented with a testicular germ cell tumour. Radical orchiectomy was performed "
            f"and histology showed a {narrower}.")
    assert histologies(nlp, text) == [narrower.replace("tumour", "tumor")]


@pytest.mark.parametrize("title", ["Extraosseous Ewing sarcoma: report of two cases", "Extraskeletal osteosarcoma: two cases"])
def test_the_extraskeletal_form_the_title_writes_gives_the_parts_its_organ(nlp, title):
    kind = title.split(":")[0].split(" ", 1)[1]
    text = (f"{title}\n\nCase 1\nA 9-year-old girl presented with a paraspinal mass. Biopsy showed {kind}.\n\nCase 2\n"
            f"A 14-year-old boy presented with a painful swelling and fever. Biopsy showed {kind}.\n")
    rows = report_cases(nlp, Report(name="t.txt", text=text, title=title))
    assert [r.primary_site for r in rows] == ["soft tissue", "soft tissue"]


@pytest.mark.xfail(reason="the region of the part's lesion ('a mass of the buttock') gives the bone family's tissue "
                          "(cases/regions.toml) over the extraskeletal form the title writes", strict=True)
def test_the_extraskeletal_form_of_the_title_outweighs_the_region_of_a_parts_lesion(nlp):
    title = "Extraosseous Ewing sarcoma: report of two cases"
    text = (f"{title}\n\nCase 1\nA 9-year-old girl presented with a paraspinal mass. Biopsy showed Ewing sarcoma.\n\n"
            "Case 2\nA 14-year-old boy presented with a mass of the buttock. Biopsy showed Ewing sarcoma.\n")
    rows = report_cases(nlp, Report(name="t.txt", text=text, title=title))
    assert [r.primary_site for r in rows] == ["soft tissue", "soft tissue"]



@pytest.mark.parametrize("organ, expected", [
    ("soft tissue", ("soft tissue", "embryonal rhabdomyosarcoma")),  # the same organ read, no type: the series'
    ("liver", ("liver", None)),  # another organ: its own disease, maybe no cancer
    (None, ("soft tissue", "embryonal rhabdomyosarcoma")),  # neither read: the series' (as before)
])
def test_a_part_that_reads_no_type_takes_the_series_type_unless_another_organ(organ, expected):
    from pipeline.cases.record import Case, Evidence
    from pipeline.cases.series_shared import shared_disease
    title = "Embryonal rhabdomyosarcoma: a tale of two cases with unusual presentation"
    text = title + "\nFirst case is of a 28-year-old man. Another case was of a six-year-old girl."
    first = Case(doc="t.txt", case=1, primary_site="soft tissue", histology="embryonal rhabdomyosarcoma")
    first.evidence = [Evidence("histology", "embryonal rhabdomyosarcoma", title, 0, 26, 0)]
    second = Case(doc="t.txt", case=2, primary_site=organ)
    shared_disease([first, second], Report(name="t.txt", text=text, title=title), len(title) + 1)
    assert (second.primary_site, second.histology) == expected
