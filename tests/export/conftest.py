"""Case records shared by the export tests (values written for these tests)."""
import pytest

from pipeline.cases.record import Case, Evidence

EXPECTED_COLUMNS = [
    "Report", "Case", "Title", "Age", "Sex", "Primary site", "Histology", "FIGO stage",
    "Metastasis/recurrence sites", "WBC max (×10⁹/L)", "WBC values (×10⁹/L)", "Drugs", "Dates",
    "Outcome", "DOI", "PMID", "Treatments", "FIGO version", "TNM", "PMCID", "Journal", "Year",
]


def _make_cases():
    first = Case(
        doc="cervix-case.txt", case=1, title="Leukaemoid reaction in cervical cancer", doi="10.5555/x.1",
        pmid="31234567", age=40.0, sex="female", primary_site="cervix",
        histology="squamous cell carcinoma", figo_stage="IIA1", metastasis_sites=["lymph node", "vagina"],
        wbc_values=[5.93, 23.0, 70.37], wbc_max=70.37, drugs=["cisplatin", "paclitaxel"],
        dates=["2012-04-18", "2012-07"], outcome="complete remission",
        evidence=[
            Evidence("age", 40.0, "A 40-year-old woman.", 2, 13, 0),
            Evidence("metastasis_sites", "lymph node", "No lymph node metastasis.", 30, 40, 27, ("negated",), kept=False),
            Evidence("wbc_values", [5.93, 23.0], "WBC rose from 5.93 to 23×10⁹/L.", 50, 80, 45),
        ],
    )
    second = Case(doc="cervix-case.txt", case=2, age=0.75, sex="male")
    return [first, second]



@pytest.fixture
def expected_columns():
    return list(EXPECTED_COLUMNS)


@pytest.fixture
def make_cases():
    """A factory: each call returns fresh (mutable) cases."""
    return _make_cases
