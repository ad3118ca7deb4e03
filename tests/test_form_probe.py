"""scripts/form_probe.py writes a report again in the forms inputs arrive in, changing its layout
and never its words; caselit reads every form alike. Texts written for these tests."""
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import form_probe  # noqa: E402

PAGE = """Late metastasis of a well-differentiated carcinoma

Case presentation
A 63-year-old woman was admitted in March 2018 with a painful nodule on her left thigh. Two years earlier she had undergone a hysterectomy for an endometrioid carcinoma, followed by six cycles of carboplatin and paclitaxel. The nodule was excised and showed a subcutaneous metastasis of the endometrioid carcinoma. She then received pembrolizumab and lenvatinib for eight months, with a partial response of the nodules in the thigh and the groin, and she remained well at her last visit. Her blood counts were normal throughout, and the treatment was well tolerated apart from mild fatigue and hypertension, which was treated with amlodipine by her family doctor.
Test\tAdmission\tDay 5
WBC\t18.2\t9.1

Discussion
Skin metastases are rare.
"""


def words(text: str) -> list[str]:
    text = text.replace("\u00a0", " ").replace("\u2010", "-").replace("## ", "")
    return re.sub(r"-\s+", "-", text).split()


@pytest.mark.parametrize("name", sorted(form_probe.FORMS))
def test_a_form_keeps_every_word(name):
    assert words(form_probe.FORMS[name](PAGE)) == words(PAGE)


def test_the_forms_change_the_layout():
    assert "\n" not in form_probe.flat(PAGE)
    assert max(len(line) for line in form_probe.wrap(PAGE).splitlines() if "\t" not in line) <= form_probe.WRAP_COLUMNS
    assert "WBC\t18.2\t9.1" in form_probe.wrap(PAGE).splitlines()  # a table row is left whole
    assert "## Case presentation" in form_probe.markdown(PAGE).splitlines()
    assert "## Skin metastases are rare." not in form_probe.markdown(PAGE)
    # the hyphens of the words only: the markup of an XML file stays well-formed
    xml = '<article-meta xml:lang="en"><title>A well-differentiated tumour</title></article-meta>'
    assert form_probe.dashes(xml) == xml.replace("well-differentiated", "well\u2010differentiated")


@pytest.fixture(scope="module")
def nlp():
    from pipeline.nlp.build import build_nlp
    return build_nlp()


@pytest.mark.parametrize("name", ["wrap", "crlf", "nbsp", "double", "markdown", "dashes"])
def test_caselit_reads_every_form_alike(nlp, name, tmp_path):
    from pipeline.extraction import report_cases
    from pipeline.ingest.text import read_text

    def row(text):
        [report] = read_text(text.encode("utf-8"), Path("page.txt"))
        [case] = report_cases(nlp, report)
        return case.age, case.sex, case.primary_site, case.histology, case.drugs, case.wbc_values, case.dates

    assert row(form_probe.FORMS[name](PAGE)) == row(PAGE)
