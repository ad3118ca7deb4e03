"""A report's text (or its evidence sentences) with every finding marked, as HTML.

Each piece of evidence of the cases (``Case.evidence``: field, value, offsets, qualifiers, kept) is
a mark coloured by its field (displaCy's span style): a finding in the table is solid; one left out
of the table is struck through and grey with the reason (negated, hypothetical, another patient's,
the literature's, a threshold...) written after it, unless the table holds its value from another
sentence (then it is only dotted: the reviewer need not look twice). Marks may overlap ("cervical"
is a site inside the histology "cervical squamous carcinoma"): the text is cut at every mark's
start and end, and each piece is shown in the colour of the narrowest finding over it, kept ones
first, with every finding over it in its tooltip.
"""
from __future__ import annotations

import html
from functools import lru_cache
from dataclasses import dataclass

from pipeline.cases.record import FIELDS

# Fields with a colour of their own (page.css): the contract's, treatments and the time line;
# any other field is a lab value or measure ("tumour_size", "scc_ag", ...).
OWN_COLOUR = frozenset(FIELDS) | {"treatments", "timeline"}
FIELD_LABELS = {
    "primary_site": "primary site", "figo_stage": "FIGO", "metastasis_sites": "metastasis",
    "wbc_values": "WBC", "wbc_max": "WBC max", "treatments": "treatment", "timeline": "time",
}
# How a qualifier reads beside a left-out finding.
QUALIFIER_WORDS = {
    "negated": "negated", "hypothetical": "hypothetical", "historical": "history", "threshold": "threshold",
    "subject=other": "another patient", "subject=literature": "the literature", "subject=family": "family",
    "subject=unknown": "patient not named", "subject=probable": "probably the patient",
    "subject=patient": "the patient", "subject=generic": "a general statement",
}


@dataclass(frozen=True)
class Mark:
    """One finding to mark: ``start``/``end`` in the text; ``state`` "kept", "again" (left out,
    value in the table from elsewhere) or "out" (left out of the table)."""

    start: int
    end: int
    field: str
    state: str
    mark_id: str
    tooltip: str
    note: str = ""  # written after a left-out finding: why

    @property
    def css_class(self) -> str:
        return _css_class(self.field, self.state)


@lru_cache(maxsize=1024)
def _css_class(field: str, state: str) -> str:
    return f"f-{field if field in OWN_COLOUR else 'lab'} {state}"


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field, field.replace("_", " "))


@lru_cache(maxsize=4096)
def qualifier_text(qualifiers: tuple[str, ...]) -> str:
    """Qualifiers as words: ("hypothetical", "subject=other", "section=discussion") ->
    "hypothetical, another patient, discussion".

    >>> qualifier_text(("hypothetical", "subject=other", "section=discussion"))
    'hypothetical, another patient, discussion'
    """
    words = []
    for qualifier in qualifiers:
        if qualifier in QUALIFIER_WORDS:
            words.append(QUALIFIER_WORDS[qualifier])
        elif qualifier.startswith("section="):
            section = qualifier.partition("=")[2]
            if section != "case":
                words.append(section)
        else:
            words.append(qualifier.replace("=", ": "))
    return ", ".join(dict.fromkeys(words))


def marked_html(text: str, marks: list[Mark], offset: int = 0) -> str:
    """``text`` (which starts at ``offset`` of the report) as escaped HTML with the marks.

    >>> m = Mark(2, 13, "age", "kept", "e1", "age: 40")
    >>> marked_html("A 40-year-old woman.", [m])
    'A <mark class="f-age kept" id="e1" title="age: 40">40-year-old<sup>age</sup></mark> woman.'
    """
    size = len(text)
    spans = sorted(((max(m.start - offset, 0), min(m.end - offset, size), m) for m in marks
                    if m.end > offset and m.start < offset + size and m.end > m.start), key=lambda s: (s[0], -s[1]))
    cuts = sorted({0, size} | {s[0] for s in spans} | {s[1] for s in spans})
    out, active, next_span, placed = [], [], 0, set()
    for left, right in zip(cuts, cuts[1:]):
        while next_span < len(spans) and spans[next_span][0] <= left:
            active.append(spans[next_span])
            next_span += 1
        if active:
            active = [s for s in active if s[1] > left]
        piece = html.escape(text[left:right], quote=False)
        if not active:
            out.append(piece)
            continue
        over = [m for start, end, m in active if end >= right]  # every active span covers [left, right)
        shown = min(over, key=lambda m: (m.state != "kept", m.end - m.start))
        ids = [m.mark_id for m in over if m.mark_id not in placed]
        placed.update(ids)
        anchors = "".join(f'<a id="{i}"></a>' for i in ids[1:])
        labels = "".join(_label(m) for m in _unique_labels([m for start, end, m in active if end == right]))
        tips = over[0].tooltip if len(over) == 1 else "\n".join(dict.fromkeys(m.tooltip for m in over))
        id_attr = f' id="{ids[0]}"' if ids else ""
        out.append(f'{anchors}<mark class="{shown.css_class}"{id_attr} title="{html.escape(tips)}">{piece}{labels}</mark>')
    return "".join(out)


def _unique_labels(marks: list[Mark]) -> list[Mark]:
    seen, unique = set(), []
    for mark in sorted(marks, key=lambda m: m.state != "kept"):
        key = (field_label(mark.field), mark.note)
        if key not in seen:
            seen.add(key)
            unique.append(mark)
    return unique


@lru_cache(maxsize=4096)
def _label_html(field: str, note: str) -> str:
    text = field_label(field)
    if note:
        return f'<sup class="why">{html.escape(text)}: {html.escape(note)}</sup>'
    return f"<sup>{html.escape(text)}</sup>"


def _label(mark: Mark) -> str:
    return _label_html(mark.field, mark.note)
