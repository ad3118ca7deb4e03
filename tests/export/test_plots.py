"""Timeline plots on cases built here: what is drawn (panels, lanes, derived dates), the SVG and
PNG bytes, and the cases too thin to draw."""
import re

from pipeline.cases.labs import LabValue
from pipeline.cases.record import Case
from pipeline.cases.treatments import Treatment
from pipeline.export.plots import timeline_data, timeline_png, timeline_svg


def _drug(name, date, kind="drug", dose=None):
    return Treatment(kind, name, (name,) if kind == "drug" else (), dose, None, None, None, date, name, 0)


def _case():
    labs = [LabValue("wbc", v, "10^9/L", d, str(v), i, date_derived=derived)
            for i, (v, d, derived) in enumerate([(6.1, "2019-03-01", False), (24.5, "2019-04-10", True),
                                                 (58.25, "2019-04-20", False), (9.4, "2019-05-15", False),
                                                 (12.0, None, False)])]
    labs.append(LabValue("ca125", 80.5, "U/mL", "2019-04", "80.5 U/mL", 50))
    labs.append(LabValue("temperature", 39.5, "°C", "2019-04-10", "39.5", 60))
    treatments = [_drug("radical hysterectomy", "2019-03-05", "surgery"), _drug("paclitaxel", "2019-04-12"),
                  _drug("cisplatin", "2019-04-12"), _drug("paclitaxel", "2019-05-03"),
                  _drug("meropenem", "2019-04-11"), _drug("pelvic radiotherapy", "2019-06-01", "radiotherapy", "50 Gy")]
    return Case("synthetic.txt", labs=labs, treatments=treatments)


def test_what_is_drawn():
    data = timeline_data(_case())
    titles = [panel.title for panel in data.panels]
    assert titles == ["White cells", "CA125"]  # temperature is not a panel
    (label, points), = data.panels[0].series
    assert [p.value for p in points] == [6.1, 24.5, 58.25, 9.4]  # the undated 12.0 is not drawn
    assert [p.derived for p in points] == [False, True, False, False]
    assert data.panels[1].series[0][1][0].precision == "month"
    lanes = {lane.label: lane for lane in data.lanes}
    assert list(lanes) == ["surgery", "paclitaxel", "cisplatin", "radiotherapy", "other drugs"]
    assert len(lanes["paclitaxel"].marks) == 2
    assert lanes["other drugs"].marks[0][1] == "meropenem"


def test_svg_keeps_values_and_drugs_as_text():
    svg = timeline_svg(_case())
    assert svg.startswith("<svg")
    texts = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    for expected in ("58.25", "paclitaxel", "cisplatin", "radical hysterectomy", "White cells",
                     "date worked out from a relative time"):
        assert expected in texts
    assert svg == timeline_svg(_case())  # the same case gives the same bytes


def test_png():
    png = timeline_png(_case(), title="synthetic.txt · case 1", dpi=50)
    assert png.startswith(b"\x89PNG")


def test_too_little_to_draw():
    assert timeline_svg(Case("empty.txt")) is None
    one_date = Case("one.txt", labs=[LabValue("wbc", 50.0, "10^9/L", "2020-01-01", "50", 0)])
    assert timeline_data(one_date) is None
    only_antibiotics = Case("abx.txt", treatments=[_drug("meropenem", "2020-01-01"), _drug("vancomycin", "2020-01-09")])
    assert timeline_data(only_antibiotics) is None


def test_plots_of_cases_read_back_from_jsonl():
    import json

    from pipeline.export.records import case_from_dict

    case = _case()
    again = case_from_dict(json.loads(json.dumps(case.to_dict())))
    assert timeline_svg(again) == timeline_svg(case)
