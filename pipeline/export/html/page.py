"""The review page: one self-contained HTML file (inline CSS, inline SVG, one small inline script;
nothing loaded from elsewhere) that opens from disk.

- The Table-1 view: one row per patient (filter box, click a header to sort); each value links to
  the sentence it came from.
- Each report opens beside the table: the patient's row in full, the time-line plot of each
  patient (``pipeline.export.plots``), and the report's text with every finding marked
  (``marks.py``). A report's part of the page is an HTML ``<template>``: the browser parses it but
  renders it only when the report is opened, so a page of 1,000 reports stays quick to open.

Written as the cases come (a report's template as soon as its cases are in), so memory holds one
report at a time plus the table's rows.
"""
from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from itertools import groupby
from typing import BinaryIO

from pipeline.cases.record import Case
from pipeline.export.html.marks import Mark, field_label, marked_html, qualifier_text
from pipeline.export.summary import treatment_summary

# The table's columns: (header, the case field its value and links come from).
COLUMNS = (
    ("Report", None), ("Case", None), ("Age", "age"), ("Sex", "sex"), ("Primary site", "primary_site"),
    ("Histology", "histology"), ("FIGO", "figo_stage"), ("Metastasis / recurrence", "metastasis_sites"),
    ("WBC max ×10⁹/L", "wbc_max"), ("WBC values ×10⁹/L", "wbc_values"), ("Treatment", "treatment"),
    ("Drugs", "drugs"), ("Outcome", "outcome"),
)
# Where a value's link points: the evidence of this field (wbc_max is one of the WBC values).
EVIDENCE_FIELD = {"wbc_max": "wbc_values"}
LEGEND = ("age", "sex", "primary_site", "histology", "figo_stage", "metastasis_sites", "wbc_values", "drugs",
          "dates", "outcome", "treatments", "lab")
# Qualifiers that say nothing about why a finding was left out.
NOT_REASONS = frozenset({"subject=patient", "subject=probable", "section=case"})
PlotFunction = Callable[[Case], "str | None"]


def _asset(name: str) -> str:
    return resources.files("pipeline.export.html").joinpath(name).read_text(encoding="utf-8")


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _text(value: object) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.6g}"
    return str(value)


def no_plot(case: Case) -> None:
    """The plot function of a page without plots."""
    return None


def write_html(cases: Iterable[Case], handle: BinaryIO, report_texts=None, plot: PlotFunction | None = None,
               title: str = "caselit review", jobs: int = 1) -> None:
    """Write the page of ``cases`` (in report order) into an open binary file.

    ``report_texts``: a ``ReportTexts`` (or anything with ``text(name, evidence)``) to mark the
    findings in the full text; without it, or when a report's file is not found, the page shows
    the evidence sentences. ``plot(case)`` gives a case's SVG (default: ``timeline_svg``;
    ``no_plot`` for none); ``jobs`` > 1 draws the plots in that many processes.
    """
    if plot is None:
        from pipeline.export.plots import timeline_svg

        plot = timeline_svg
    write = lambda text: handle.write(text.encode("utf-8"))  # noqa: E731
    write(_head(title))
    rows, reports, patients = [], 0, 0
    pairs = _plotted(cases, plot, jobs)
    for number, (doc, group) in enumerate(groupby(pairs, key=lambda pair: pair[0].doc), start=1):
        report_cases = list(group)
        report_id = f"r{number}"
        reports += 1
        patients += len(report_cases)
        write(report_template(report_id, report_cases, report_texts))
        rows.extend(table_row(report_id, case) for case, _ in report_cases)
    write(_table(rows, reports, patients))
    write(f"<script>{_asset('page.js')}</script>\n</body>\n</html>\n")


# Plots drawn ahead of the page, per process: enough to keep every process busy, few in memory.
_PLOTS_AHEAD_PER_JOB = 4


def _plotted(cases: Iterable[Case], plot: PlotFunction, jobs: int) -> Iterator[tuple[Case, str | None]]:
    """(case, its plot's SVG) in the order of ``cases``; with ``jobs`` > 1 the plots (the slow part
    of a page: up to 0.4 s each) are drawn in that many processes."""
    if jobs <= 1 or plot is no_plot:
        for case in cases:
            yield case, plot(case)
        return
    import collections
    import multiprocessing
    import sys
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        waiting: collections.deque = collections.deque()
        for case in cases:
            waiting.append((case, pool.submit(plot, case)))
            if len(waiting) >= jobs * _PLOTS_AHEAD_PER_JOB:
                case, future = waiting.popleft()
                yield case, future.result()
        while waiting:
            case, future = waiting.popleft()
            yield case, future.result()


def _head(title: str) -> str:
    legend = "".join(f'<mark class="f-{f}">{_esc(field_label(f))}</mark>' for f in LEGEND)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{_esc(title)}</title>\n<style>\n{_asset('page.css')}</style>\n</head>\n<body>\n"
        f"<header><h1>{_esc(title)}</h1>"
        "<input id=\"filter\" type=\"search\" placeholder=\"filter rows (all words)\" aria-label=\"filter rows\">"
        f"<span class=\"legend\">{legend}<mark class=\"f-drugs out\">left out<sup class=\"why\">why</sup></mark></span>"
        "</header>\n<section id=\"view\" aria-live=\"polite\"></section>\n"
    )


def _table(rows: list[str], reports: int, patients: int) -> str:
    header = "".join(f"<th>{_esc(name)}</th>" for name, _ in COLUMNS)
    return (
        f"<main><table id=\"cases\" data-reports=\"{reports}\" data-patients=\"{patients}\">\n"
        f"<thead><tr>{header}</tr></thead>\n<tbody>\n" + "".join(rows) + "</tbody></table></main>\n"
    )


# --- the table ----------------------------------------------------------------------------------


class _Links:
    """Field -> where each of its values was read (the mark ids of the kept evidence)."""

    def __init__(self, report_id: str, case: Case):
        self.by_field: dict[str, list[tuple[str, str]]] = {}
        for index, item in enumerate(case.evidence):
            if item.kept:
                self.by_field.setdefault(item.field, []).append(
                    (_value_key(item.value), f"{report_id}/c{case.case}e{index}"))

    def link(self, field: str, value: object) -> str | None:
        found = self.by_field.get(EVIDENCE_FIELD.get(field, field))
        if not found:
            return None
        key = _value_key(value)
        for candidate, target in found:
            if candidate == key:
                return target
        for candidate, target in found:
            if key and (key in candidate or candidate in key):
                return target
        return found[0][1]


def _value_key(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_value_key(v) for v in value)
    return _text(value).lower().strip() if value is not None else ""


def _linked(links: _Links, field: str, value: object) -> str:
    target = links.link(field, value)
    text = _esc(_text(value))
    return f'<a href="#{_esc(target)}">{text}</a>' if target else text


def table_row(report_id: str, case: Case) -> str:
    """One patient's row: each value a link to its sentence."""
    links = _Links(report_id, case)
    cells = [f'<td class="report"><a href="#{report_id}" title="{_esc(case.title or case.doc)}">{_esc(case.doc)}</a></td>',
             f"<td>{case.case}</td>"]
    for _, field in COLUMNS[2:]:
        if field == "treatment":
            summary = _esc(treatment_summary(case.treatments) or "")
            cells.append(f'<td class="treat"><div class="clamp" title="{summary}">{summary}</div></td>')
            continue
        value = getattr(case, field)
        if isinstance(value, list):  # at most a few lines shown: the cell's title holds them all
            items = "; ".join(_linked(links, field, v) for v in value)
            cells.append(f'<td><div class="clamp" title="{_esc("; ".join(map(_text, value)))}">{items}</div></td>'
                         if len(value) > 3 else f"<td>{items}</td>")
        elif value is None:
            cells.append("<td></td>")
        else:
            cells.append(f"<td>{_linked(links, field, value)}</td>")
    return f'<tr data-report="{report_id}">' + "".join(cells) + "</tr>\n"


# --- a report -----------------------------------------------------------------------------------


def report_template(report_id: str, plotted: list[tuple[Case, str | None]], report_texts) -> str:
    """The part of the page a report opens: its patients (row, plot SVG) and its marked text."""
    cases = [case for case, _ in plotted]
    first = cases[0]
    parts = [f'<template id="t-{report_id}">',
             f'<a class="close" href="#">close ✕</a><h2>{_esc(first.doc)}</h2>', _meta(first)]
    for case, svg in plotted:
        parts.append(_patient(case, svg, len(cases) > 1))
    evidence = [item for case in cases for item in case.evidence]
    text = report_texts.text(first.doc, evidence) if report_texts is not None else None
    marks = list(_marks(report_id, cases))
    if text is not None:
        parts.append(f'<h3>Report text</h3><div class="text">{marked_html(text, marks)}</div>')
    else:
        parts.append('<h3>Evidence sentences</h3><p class="note">The report file was not found (or changed '
                     "since the extraction): its sentences that hold findings are shown.</p>")
        parts.append(f'<div class="sentences">{_sentences(cases, marks)}</div>')
    parts.append("</template>\n")
    return "".join(parts)


def _meta(case: Case) -> str:
    bits = [_esc(case.title)] if case.title else []
    where = " ".join(_esc(v) for v in (case.journal, case.year) if v)
    if where:
        bits.append(where)
    if case.doi:
        bits.append(f'DOI <a href="https://doi.org/{_esc(case.doi)}">{_esc(case.doi)}</a>')
    if case.pmid:
        bits.append(f"PMID {_esc(case.pmid)}")
    return f'<p class="meta">{" · ".join(bits)}</p>' if bits else ""


def _patient(case: Case, svg: str | None, several: bool) -> str:
    rows = []
    summary = treatment_summary(case.treatments)
    fields = [("Age", case.age), ("Sex", case.sex), ("Primary site", case.primary_site), ("Histology", case.histology),
              ("FIGO stage", " ".join(filter(None, (case.figo_stage, f"({case.figo_version})" if case.figo_version else None))) or None),
              ("TNM", case.tnm), ("Metastasis / recurrence", "; ".join(case.metastasis_sites) or None),
              ("WBC max ×10⁹/L", case.wbc_max), ("Treatment", summary), ("Outcome", case.outcome)]
    for name, value in fields:
        if value not in (None, ""):
            rows.append(f"<tr><th>{_esc(name)}</th><td>{_esc(_text(value))}</td></tr>")
    heading = f"<h3>Patient {case.case}</h3>" if several else ""
    figure = f'<div class="plot" data-case="{case.case}">{svg}</div>' if svg else \
        '<p class="meta">No time line: fewer than two dated values or treatments.</p>'
    return f'{heading}<table class="row">{"".join(rows)}</table>{figure}'


def _marks(report_id: str, cases: list[Case]) -> Iterator[Mark]:
    several = len(cases) > 1
    for case in cases:
        in_row = _row_values(case)
        who = f"patient {case.case} · " if several else ""
        for index, item in enumerate(case.evidence):
            value = _value_key(item.value)
            why = qualifier_text(tuple(item.qualifiers))
            if item.kept:
                state, note, status = "kept", "", "in the table"
            elif _in_row(in_row.get(item.field), value):
                state, note, status = "again", "", "left out, in the table from another sentence"
            else:
                reasons = qualifier_text(tuple(q for q in item.qualifiers if q not in NOT_REASONS))
                state, note, status = "out", reasons or "left out", "left out"
            tooltip = f"{who}{field_label(item.field)}: {value} · {status}" + (f" ({why})" if why else "")
            yield Mark(item.start, item.end, item.field, state, f"{report_id}-c{case.case}e{index}", tooltip, note)


def _row_values(case: Case) -> dict[str, set[str]]:
    values: dict[str, set[str]] = {}
    for field in ("age", "sex", "primary_site", "histology", "figo_stage", "metastasis_sites", "wbc_values",
                  "drugs", "dates", "outcome"):
        value = getattr(case, field)
        items = value if isinstance(value, list) else [value] if value is not None else []
        values[field] = {_value_key(v) for v in items}
    values["treatments"] = {t.name.lower() for t in case.treatments} | {g for t in case.treatments for g in t.drugs}
    values["timeline"] = {e.date for e in case.timeline}
    return values


def _in_row(row: set[str] | None, value: str) -> bool:
    if not row or not value:
        return False
    return value in row or all(part.strip() in row for part in value.split(","))


def _sentences(cases: list[Case], marks: list[Mark]) -> str:
    sentences: dict[int, str] = {}
    for case in cases:
        for item in case.evidence:
            if item.sentence and item.sentence_start not in sentences:
                sentences[item.sentence_start] = item.sentence
    out = []
    for start in sorted(sentences):
        sentence = sentences[start]
        near = [m for m in marks if start <= m.start and m.end <= start + len(sentence)]
        out.append(f"<p>{marked_html(sentence, near, offset=start)}</p>")
    return "".join(out)
