"""A patient's course at a glance: the dated lab values and the cancer treatments on one time axis,
the figure case reports draw by hand (white-cell count, tumour markers and tumour size against the
chemotherapy courses), drawn with matplotlib.

``timeline_data(case)`` picks what is drawn (pure, tested alone); ``timeline_figure(case)`` draws
it and returns the matplotlib Figure (or None when the case has too little dated to draw);
``timeline_svg`` / ``timeline_png`` give the bytes. The Figure is made without pyplot, so nothing
global is touched and no window opens.

What is drawn:

- one panel per measured analyte of ``PANELS`` that has a dated value (white cells and neutrophil
  counts share a panel, in 10^9/L), at most ``MAX_PANELS``; every value is labelled, the highest of
  each series in bold;
- under them, one lane per cancer drug (``pipeline.export.summary.is_cancer_drug``): a marker at
  each date it was given, doses that follow within ``COURSE_GAP_DAYS`` joined as one course; a lane
  for the operations and one for radiotherapy; other drugs (antibiotics, supportive) on one grey
  lane; each operation is also a dotted line across the panels;
- a date written in the text is a filled marker; a date worked out from a relative time ("68 days
  after the operation") a hollow one; a month or a year (no day written) a marker with a bar over
  that month or year.
"""
from __future__ import annotations

import datetime
import io
from dataclasses import dataclass

from pipeline.export.summary import COURSE_GAP_DAYS, is_cancer_drug

# (panel title, unit shown, analytes drawn in it), top to bottom: the counts a leukemoid reaction
# or neutropenia is read from first, then inflammation, tumour markers and tumour size.
PANELS = (
    ("White cells", "×10⁹/L", ("wbc", "neutrophils")),
    ("Neutrophils", "%", ("neutrophils_pct",)),
    ("CRP", "mg/L", ("crp",)),
    ("SCC-Ag", "ng/mL", ("scc_ag",)),
    ("CA125", "U/mL", ("ca125",)),
    ("CEA", "ng/mL", ("cea",)),
    ("G-CSF", "pg/mL", ("g_csf",)),
    ("IL-6", "pg/mL", ("il_6",)),
    ("Tumour size", "cm", ("tumour_size",)),
)
MAX_PANELS = 5
SERIES_LABELS = {"wbc": "WBC", "neutrophils": "neutrophils"}
# Dated points needed for a plot: one date says nothing about a course.
MIN_DATES = 2
LABELLED_POINTS = 16  # a series with more points labels only its highest
FIGURE_WIDTH = 7.5  # inches
MARGIN_LEFT = 1.05  # inches: room for a panel's name and unit, or a lane's drug name
PANEL_HEIGHT, LANE_HEIGHT = 1.15, 0.24
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22")


@dataclass(frozen=True)
class Point:
    """A dated value: ``day`` where it is drawn, ``precision`` of the written date ("day",
    "month", "year"), ``derived`` when worked out from a relative time."""

    day: datetime.date
    value: float
    precision: str
    derived: bool
    iso: str


@dataclass(frozen=True)
class Panel:
    title: str
    unit: str
    series: tuple[tuple[str, tuple[Point, ...]], ...]  # (label, points in date order)


@dataclass(frozen=True)
class Lane:
    """A row of treatment marks: ``kind`` "drug", "surgery", "radiotherapy" or "other"."""

    label: str
    kind: str
    marks: tuple[tuple[Point, str], ...]  # (date, what was given: a name or a dose)


@dataclass(frozen=True)
class TimelineData:
    panels: tuple[Panel, ...]
    lanes: tuple[Lane, ...]
    dropped_panels: tuple[str, ...] = ()  # analytes with dated values beyond MAX_PANELS

    @property
    def dates(self) -> set[datetime.date]:
        days = {p.day for panel in self.panels for _, points in panel.series for p in points}
        days |= {p.day for lane in self.lanes for p, _ in lane.marks}
        return days


def parse_date(iso: str | None) -> tuple[datetime.date, str] | None:
    """(the day a date is drawn at, its precision): a month at its 15th, a year at 1 July.

    >>> parse_date("2012-08-25"), parse_date("2012-06"), parse_date("2023"), parse_date("soon")
    ((datetime.date(2012, 8, 25), 'day'), (datetime.date(2012, 6, 15), 'month'), (datetime.date(2023, 7, 1), 'year'), None)
    """
    if not iso:
        return None
    try:
        if len(iso) >= 10:
            return datetime.date.fromisoformat(iso[:10]), "day"
        if len(iso) == 7:
            return datetime.date(int(iso[:4]), int(iso[5:7]), 15), "month"
        if len(iso) == 4:
            return datetime.date(int(iso), 7, 1), "year"
    except ValueError:
        return None
    return None


def _get(record, name: str):
    return record.get(name) if isinstance(record, dict) else getattr(record, name, None)


def timeline_data(case) -> TimelineData | None:
    """What the plot of one case shows, or None when fewer than ``MIN_DATES`` dates are known."""
    panels, dropped = [], []
    for title, unit, analytes in PANELS:
        series = []
        for analyte in analytes:
            points = []
            for lab in case.labs:
                if _get(lab, "analyte") != analyte:
                    continue
                parsed = parse_date(_get(lab, "date"))
                if parsed:
                    points.append(Point(parsed[0], float(_get(lab, "value")), parsed[1],
                                        bool(_get(lab, "date_derived")), _get(lab, "date")))
            if points:
                # one value per date and value: a value the text repeats is drawn once
                unique = {(p.day, p.value): p for p in points}
                series.append((SERIES_LABELS.get(analyte, title), tuple(sorted(unique.values(), key=lambda p: p.day))))
        if series:
            (panels if len(panels) < MAX_PANELS else dropped).append(Panel(title, unit, tuple(series)))
    data = TimelineData(tuple(panels), _lanes(case.treatments), tuple(p.title for p in dropped))
    if not data.panels and not any(lane.kind != "other" for lane in data.lanes):
        return None
    if len(data.dates) < MIN_DATES:
        return None
    return data


def _lanes(treatments) -> tuple[Lane, ...]:
    drug_lanes: dict[str, list] = {}
    surgery, radiotherapy, other = [], [], []
    for treatment in treatments:
        parsed = parse_date(_get(treatment, "date"))
        if not parsed:
            continue
        point = Point(parsed[0], 0.0, parsed[1], False, _get(treatment, "date"))
        kind, name = _get(treatment, "kind"), _get(treatment, "name")
        generics = list(_get(treatment, "drugs") or ())
        if kind == "surgery":
            surgery.append((point, name))
        elif kind == "radiotherapy":
            radiotherapy.append((point, " ".join(filter(None, (name, _get(treatment, "dose"))))))
        elif kind in ("drug", "systemic"):
            cancer = [g for g in generics if is_cancer_drug(g)]
            for generic in cancer:
                drug_lanes.setdefault(generic, []).append((point, generic))
            if kind == "drug" and not cancer:
                other.append((point, name))
    lanes = [Lane("surgery", "surgery", _unique(surgery))] if surgery else []
    lanes += [Lane(name, "drug", _unique(marks)) for name, marks in drug_lanes.items()]
    if radiotherapy:
        lanes.append(Lane("radiotherapy", "radiotherapy", _unique(radiotherapy)))
    if other:
        lanes.append(Lane("other drugs", "other", _unique(other)))
    return tuple(lanes)


def _unique(marks: list) -> tuple:
    seen = {}
    for point, text in sorted(marks, key=lambda m: m[0].day):
        seen.setdefault(point.day, (point, text))
    return tuple(seen.values())


# --- drawing ------------------------------------------------------------------------------------


def timeline_figure(case, title: str | None = None):
    """The case's timeline as a matplotlib Figure, or None (see ``timeline_data``)."""
    import matplotlib

    data = timeline_data(case)
    if data is None:
        return None
    with matplotlib.rc_context(_SVG_RC):  # the fonts are chosen as the texts are made
        return draw(data, title)


def draw(data: TimelineData, title: str | None = None):
    import matplotlib

    matplotlib.use("Agg", force=False)  # never a window, whatever the user's default backend
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    rows = len(data.panels) + (1 if data.lanes else 0)
    lane_height = max(0.5, LANE_HEIGHT * (len(data.lanes) + 1))
    heights = [PANEL_HEIGHT] * len(data.panels) + ([lane_height] if data.lanes else [])
    # Fixed margins, not a layout engine: measuring every label to place the axes took most of
    # the time of a plot, and a page of 1,000 reports draws hundreds.
    top, bottom = (0.45 if title else 0.2), 0.55
    height = sum(heights) + top + bottom + 0.1 * rows
    figure = Figure(figsize=(FIGURE_WIDTH, height))
    figure.subplots_adjust(left=MARGIN_LEFT / FIGURE_WIDTH, right=1 - 0.15 / FIGURE_WIDTH,
                           top=1 - top / height, bottom=bottom / height, hspace=0.1 * rows / sum(heights) + 0.08)
    axes = figure.subplots(rows, 1, sharex=True, squeeze=False, height_ratios=heights)[:, 0]
    if title:
        figure.suptitle(title, fontsize=9, x=0.01, y=1 - 0.08 / height, horizontalalignment="left",
                        verticalalignment="top")
    surgery_days = [p.day for lane in data.lanes if lane.kind == "surgery" for p, _ in lane.marks]
    for ax, panel in zip(axes, data.panels):
        _draw_panel(ax, panel)
        for day in surgery_days:
            ax.axvline(day, color="#888888", linestyle=":", linewidth=0.8, zorder=0)
    if data.lanes:
        _draw_lanes(axes[-1], data.lanes, surgery_days)
    days = sorted(data.dates)
    margin = max(datetime.timedelta(days=4), (days[-1] - days[0]) * 0.04)
    axes[-1].set_xlim(days[0] - margin, days[-1] + margin)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    axes[-1].xaxis.set_major_locator(locator)
    axes[-1].xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    for ax in axes:
        ax.tick_params(labelsize=7)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    _legend(figure, data)
    return figure


def _span(point: Point) -> tuple[float, float] | None:
    """Half-widths (days) of the bar over a month or a year without a day."""
    if point.precision == "month":
        return (14, 14)
    if point.precision == "year":
        return (181, 183)
    return None


def _draw_points(ax, points, ys, colour: str, marker: str = "o", size: float = 4.5) -> None:
    """Points as few artists as possible (one per style): a plot draws hundreds of them."""
    for hollow in (False, True):
        chosen = [(p, y) for p, y in zip(points, ys) if p.derived == hollow]
        if chosen:
            ax.plot([p.day for p, _ in chosen], [y for _, y in chosen], marker=marker, markersize=size,
                    color=colour, markerfacecolor="white" if hollow else colour, markeredgecolor=colour,
                    linestyle="none")
    coarse = [(p, y) for p, y in zip(points, ys) if _span(p)]
    if coarse:
        ax.errorbar([p.day for p, _ in coarse], [y for _, y in coarse],
                    xerr=[[datetime.timedelta(days=_span(p)[i]) for p, _ in coarse] for i in (0, 1)],
                    color=colour, linewidth=0.8, capsize=2, linestyle="none")


def _draw_panel(ax, panel: Panel) -> None:
    for index, (label, points) in enumerate(panel.series):
        colour = COLOURS[index % len(COLOURS)]
        ax.plot([p.day for p in points], [p.value for p in points], color=colour, linewidth=1.1, label=label)
        _draw_points(ax, points, [p.value for p in points], colour)
        highest = max(points, key=lambda p: p.value)
        for point in points:
            if len(points) <= LABELLED_POINTS or point is highest:
                ax.annotate(_number(point.value), (point.day, point.value), textcoords="offset points",
                            xytext=(0, 4), ha="center", fontsize=6.5, color=colour,
                            fontweight="bold" if point is highest else "normal")
    top = max(p.value for _, points in panel.series for p in points)
    ax.set_ylim(0, top * 1.25 if top > 0 else 1)
    ax.set_ylabel(f"{panel.title}\n{panel.unit}", fontsize=7)
    if len(panel.series) > 1:
        ax.legend(fontsize=6, frameon=False, loc="upper left")


def _draw_lanes(ax, lanes: tuple[Lane, ...], surgery_days) -> None:
    shapes = {"surgery": ("v", "#444444"), "radiotherapy": ("s", "#ff7f0e"), "other": ("|", "#aaaaaa")}
    for row, lane in enumerate(lanes):
        y = len(lanes) - row
        marker, colour = shapes.get(lane.kind, ("o", COLOURS[(row + 1) % len(COLOURS)]))
        days = [p.day for p, _ in lane.marks]
        if lane.kind == "drug":  # doses within a course joined by a bar
            start = days[0]
            for before, after in zip(days, days[1:] + [None]):
                if after is None or (after - before).days > COURSE_GAP_DAYS:
                    if before > start:
                        ax.plot([start, before], [y, y], color=colour, linewidth=3, alpha=0.35, solid_capstyle="butt")
                    start = after
        _draw_points(ax, [p for p, _ in lane.marks], [y] * len(lane.marks), colour, marker, 5)
        if lane.kind == "surgery":
            for point, text in lane.marks:
                ax.annotate(text, (point.day, y), textcoords="offset points", xytext=(4, 3), fontsize=6,
                            color=colour, annotation_clip=True)
    for day in surgery_days:
        ax.axvline(day, color="#888888", linestyle=":", linewidth=0.8, zorder=0)
    ax.set_yticks(range(len(lanes), 0, -1), [lane.label for lane in lanes], fontsize=7)
    ax.set_ylim(0.4, len(lanes) + 0.7)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)


def _legend(figure, data: TimelineData) -> None:
    from matplotlib.lines import Line2D

    derived = any(p.derived for panel in data.panels for _, points in panel.series for p in points)
    coarse = any(p.precision != "day" for panel in data.panels for _, points in panel.series for p in points)
    handles = [Line2D([], [], marker="o", color="#555555", linestyle="none", markersize=4, label="date written")]
    if derived:
        handles.append(Line2D([], [], marker="o", color="#555555", markerfacecolor="white", linestyle="none",
                              markersize=4, label="date worked out from a relative time"))
    if coarse:
        handles.append(Line2D([], [], marker="|", color="#555555", linestyle="-", markersize=6,
                              label="month or year only"))
    note = f" (not drawn: {', '.join(data.dropped_panels)})" if data.dropped_panels else ""
    figure.legend(handles=handles, loc="lower left", ncols=len(handles) + bool(note), fontsize=6, frameon=False,
                  bbox_to_anchor=(0.0, 0.0), borderaxespad=0.2)
    if note:
        figure.text(0.99, 0.01, note.strip(), fontsize=6, ha="right", va="bottom", color="#666666")


def _number(value: float) -> str:
    return f"{value:.6g}"


# --- bytes --------------------------------------------------------------------------------------

# No date in the SVG metadata and fixed element ids: the same case gives the same bytes.
# One font named (not matplotlib's list of ten fallbacks, repeated in every text of the SVG).
_SVG_RC = {"svg.fonttype": "none", "svg.hashsalt": "caselit", "font.family": "sans-serif",
           "font.sans-serif": ["DejaVu Sans"]}


def figure_bytes(figure, fmt: str, dpi: int = 110) -> bytes:
    """A figure as "svg" (text kept as text, no date) or "png" bytes."""
    import matplotlib

    out = io.BytesIO()
    with matplotlib.rc_context(_SVG_RC):
        metadata = {"Date": None, "Creator": None} if fmt == "svg" else {"Software": None}
        figure.savefig(out, format=fmt, dpi=dpi, metadata=metadata)
    return out.getvalue()


def timeline_svg(case, title: str | None = None) -> str | None:
    """The case's timeline as SVG text (no XML declaration: ready to inline in HTML), or None."""
    figure = timeline_figure(case, title)
    if figure is None:
        return None
    svg = figure_bytes(figure, "svg").decode("utf-8")
    return svg[svg.index("<svg"):]


def timeline_png(case, title: str | None = None, dpi: int = 110) -> bytes | None:
    """The case's timeline as PNG bytes, or None."""
    figure = timeline_figure(case, title)
    return None if figure is None else figure_bytes(figure, "png", dpi)
