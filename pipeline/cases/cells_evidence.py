"""The evidence of the mentions a case did not use, and the table field and value each mention
speaks to."""
from __future__ import annotations

from pipeline.cases.mentions import Mention
from pipeline.cases.record import Evidence


def _unused(mentions: list[Mention], evidence: list[Evidence]) -> list[Evidence]:
    """Every other mention of the case's text, with its qualifiers: why a drug or a site in
    the text is not in the table (negated, another patient's, background...)."""
    used = {(e.start, e.end) for e in evidence}
    return [
        Evidence(mention_field(m), mention_value(m), m.sentence, m.start, m.end, m.sentence_start, m.qualifiers, kept=False)
        for m in mentions
        if (m.start, m.end) not in used
    ]


def mention_field(mention: Mention) -> str:
    """The table field a mention speaks to."""
    if mention.group == "demographics":
        return mention.label.lower()
    if mention.group == "sites":
        return "primary_site" if mention.value.role == "primary" else "metastasis_sites"
    if mention.group == "measures":
        return "wbc_values" if mention.label.upper() == "WBC" else mention.label.lower()
    fields = {"stage": "figo_stage", "histology": "histology", "drugs": "drugs", "dates": "dates", "outcome": "outcome",
              "procedures": "treatments", "timing": "timeline"}
    return fields.get(
        mention.group, mention.group
    )


def mention_value(mention: Mention):
    """A mention's normalised value, in the form its table field uses: what its value
    dataclass's ``norm()`` returns (the text itself for a finding without a value)."""
    return mention.text if mention.value is None else mention.value.norm()
