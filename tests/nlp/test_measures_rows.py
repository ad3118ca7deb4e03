"""Table rows of white-cell counts whose cells are laid out in ways the sentence readers do not
see: the laboratory's reference range in its own column between the analyte's name and the
patient's values. Sentences and rows written for these tests."""
import pytest
from measure_helpers import nlp, wbc  # noqa: F401 (nlp: the shared fixture)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the reference column first, then one column per day; the unit in the name's cell
        ("Parameter\tNormal\tDay 1\tDay 3\tDay 6\nLeukocytes (/mm3)\t4,000-10,000\t15,400\t21,900\t8,700\n",
         [15.4, 21.9, 8.7]),
        ("Parameter\t\tNormal\t\tAdmission\t\tDischarge\nWBC (×10^9/L)\t\t4.5–11.0\t\t18.2\t\t6.4\n", [18.2, 6.4]),
        # a tilde between the range's ends, a unit with its superscript lost
        ("Item\tRef.\tBefore\tAfter\nWhite cell count (×109/L)\t3.5~9.5\t27.30\t11.05\n", [27.3, 11.05]),
        # a table scraped with its cell borders; a paediatric range
        ("| Test | Range | Week 1 | Week 2 |\n| WBC (10^9/L) | 5–13 | 2.1 | 7.8 |\n", [2.1, 7.8]),
        # no unit at all: the values are read by their size
        ("Test\tReference\tDay 2\tDay 9\nWBC\t4.0-10.0\t31.4\t12.6\n", [31.4, 12.6]),
        ("Test\tReference\tDay 2\tDay 9\nTotal leucocyte count\t4000-11000\t31400\t12600\n", [31.4, 12.6]),
        # the range written with "to", or in brackets in its cell
        ("Marker\tNormal values\tPre-op\tPost-op\nWBC (×10^9/L)\t4.0 to 11.0\t16.8\t10.2\n", [16.8, 10.2]),
        ("Marker\tNormal values\tPre-op\tPost-op\nWBC (×10^9/L)\t[4.0-11.0]\t16.8\t10.2\n", [16.8, 10.2]),
        ("| Marker | Normal | Visit 1 | Visit 2 |\n| Leukocytes (/µL) | (4,000–10,000) | 2,900 | 3,400 |\n", [2.9, 3.4]),
        # the unit in a cell of its own before the range
        ("Marker\tUnit\tNormal\tWeek 1\tWeek 4\nWBC\t×10^9/L\t4.0-10.0\t1.8\t5.5\n", [1.8, 5.5]),
    ],
)
def test_values_after_a_reference_range_column(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a range that is no white-cell reference range is not skipped over
        "Test\tRange\tDay 1\nWBC (×10^9/L)\t150-400\t12.1\n",
        # a range in a sentence is not a table's column
        "The reference WBC is 4.0-10.0 and 12.2 was not reached.",
    ],
)
def test_a_range_that_is_no_reference_column_is_not_skipped(nlp, text):
    assert 12.1 not in wbc(nlp, text) and 12.2 not in wbc(nlp, text)


def test_the_reference_column_of_another_analyte_is_left_alone(nlp):
    text = "Test\tRange\tDay 1\tDay 2\nPlatelets (×10^9/L)\t150-400\t98\t120\nWBC (×10^9/L)\t4.0-10.0\t13.3\t9.9\n"
    assert wbc(nlp, text) == [13.3, 9.9]


def test_a_reference_column_before_a_cell_of_another_fluid(nlp):
    text = "Test\tNormal\tBlood\tCSF\nWBC (/µL)\t4,000-10,000\t14,200\t560\n"
    assert wbc(nlp, text) == [14.2]


# -- counts of a joint's fluid (sentences written for these tests) ------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        # the sampling of a joint named in its inflections: aspirate, aspiration, aspirated
        ("Blood WBC was 9.4 × 10^9/L. The hip aspiration showed a white cell count of 85,000/µL.", [9.4]),
        ("Aspiration of the left knee returned a leukocyte count of 48,500/mm3.", []),
        ("An intra-articular aspirate had a WBC count of 112,000/µL; her serum WBC was 13.1 × 10^9/L.", [13.1]),
        ("Shoulder aspirates showed a white cell count of 62,000/µL.", []),
        # the cells named after the value: the fluid is read before the value
        ("Her synovial fluid contained 38 thousand WBCs, mostly neutrophils.", []),
        ("The pleural fluid held 2,400 leukocytes/µL and no organisms.", []),
    ],
)
def test_counts_of_a_joint_fluid_are_not_blood(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an aspiration that is no joint's: the blood count stays
        ("After an aspiration pneumonia her white cell count was 16.2 × 10^9/L.", [16.2]),
        ("A bone marrow aspirate was hypocellular; the WBC was 2.1 × 10^9/L.", [2.1]),
        # a blood sample named right before a value with its cells after it
        ("Peripheral blood 14.5 × 10^9/L leukocytes were counted on day 2.", [14.5]),
    ],
)
def test_other_aspirations_leave_the_blood_count(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a table flattened one cell per line: name, patient's value, reference range
        ("Test\nResult\nNormal range\nLeukocytes\n21.4 × 10^9/L\n4.0 – 10.0 × 10^9/L\nPlatelets\n310 × 10^9/L\n150 – 400 × 10^9/L\n",
         [21.4]),
        ("WBC\n2,900/mm3\n4,500-11,000/mm3\nHemoglobin\n9.8 g/dL\n", [2.9]),
        # the patient's value without its unit, the unit written once in the range's cell
        ("White cell count\n17.6\n3.5-9.5 ×10^9/L\n", [17.6]),
    ],
)
def test_a_reference_range_on_the_line_under_the_value(nlp, text, expected):
    assert wbc(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # words after the range on its line: a course of the patient's values
        ("Her WBC was 11.2 ×10^9/L on admission\n14.6-19.8 ×10^9/L over the next three days.", [11.2, 14.6, 19.8]),
        # a sentence above the range, not a cell holding one value
        ("The leukocyte count was 9.1 ×10^9/L on admission and rose\n12.5-16.0 ×10^9/L", [9.1, 12.5, 16.0]),
        # a range alone under the analyte's name is the patient's
        ("Leukocytes\n15.2-18.4 ×10^9/L\n", [15.2, 18.4]),
    ],
)
def test_a_range_on_its_own_line_that_is_no_reference_cell(nlp, text, expected):
    assert wbc(nlp, text) == expected


def test_a_reference_range_line_with_the_scraped_cell_borders(nlp):
    # a page that keeps each cell's border at the start of its line
    text = "Leukocytes\n| 19.4 x 109/L\n| 3.5–10.0 x 109/L\n|\nPlatelets\n| 410 x 109/L\n| 150–450 x 109/L\n|"
    assert wbc(nlp, text) == [19.4]
