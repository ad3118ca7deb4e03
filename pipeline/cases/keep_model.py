"""A learned keep / leave-out score for a finding, from generic features of its evidence.

The rules (``patients.about_patient`` and the per-field choices of ``cells``) decide from
cue lists whether a mention belongs in the row. ``scripts/train_keep_model.py`` fits a
logistic regression on the same evidence records (what ``caselit extract -o X.jsonl`` writes
per case) labelled by the gold tables; this module turns one evidence record and the
evidence of its case into the model's features and scores them from the model's JSON file
(``models/keep/keep_model.json``: feature name -> weight, plus the intercept). Not wired into
the pipeline: an experiment whose numbers are in ``models/keep/README.md``.

Features are generic on purpose - field, section, subject and other qualifiers, words around
the mention (the mention itself and every other finding masked), position in the document,
distance to the case's age, how often the value recurs, sentence shape - never a document
name or an extracted value, so that what is learned can carry to reports never seen.

>>> case = [
...     {"field": "age", "value": 61, "sentence": "A 61-year-old woman was given cisplatin.",
...      "start": 2, "end": 13, "sentence_start": 0, "qualifiers": ["subject=patient", "section=case"]},
...     {"field": "drugs", "value": "cisplatin", "sentence": "A 61-year-old woman was given cisplatin.",
...      "start": 30, "end": 39, "sentence_start": 0, "qualifiers": ["subject=patient", "section=case"]},
... ]
>>> context = CaseContext(case)
>>> features = mention_features(case[1], context)
>>> features["drugs|w=given"], features["drugs|age=same_sentence"]
(1.0, 1.0)
>>> round(probability({"intercept": 0.0, "weights": {"drugs|w=given": 2.0}}, features), 3)
0.881
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

# The contract fields a finding can be a candidate value of (wbc_max follows from wbc_values).
CANDIDATE_FIELDS = ("age", "sex", "primary_site", "histology", "figo_stage", "metastasis_sites",
                    "wbc_values", "drugs", "dates", "outcome")
LIST_FIELDS = frozenset({"metastasis_sites", "wbc_values", "drugs", "dates"})
DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "keep" / "keep_model.json"

WINDOW = 8  # words each side of the mention whose presence is a feature
NEAR = 3  # words immediately before the mention: negation and hedges sit there
WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")
TOKEN = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]|\d+(?:[.,]\d+)?")  # a number becomes "<num>"
# reference markers: "[12]", "[3, 4]", "[5-7]", "et al", "(2015)"
CITATION = re.compile(r"\[\s*\d+(?:\s*[,\u2013\-]\s*\d+)*\s*\]|\bet al\b|\((?:19|20)\d\d[a-z]?\)")


def _get(record, name, default=None):
    if isinstance(record, Mapping):
        return record.get(name, default)
    return getattr(record, name, default)


def split_values(field: str, value) -> list:
    """The candidate values of one evidence record: a drug mention left out of the table
    carries all its generics joined by ", "."""
    if field == "drugs" and isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [value]


def _norm(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return round(float(value), 2)
    return " ".join(str(value).lower().split())


class CaseContext:
    """What the features of one mention need to know of the rest of its case's evidence."""

    def __init__(self, evidence: Iterable):
        self.evidence = [e for e in evidence if _get(e, "start") is not None]
        self.extent = max((_get(e, "end") or 0 for e in self.evidence), default=0) or 1
        self.sentence_order = {s: i for i, s in enumerate(sorted({_get(e, "sentence_start") for e in self.evidence}))}
        spans: dict[tuple, set] = {}
        for e in self.evidence:
            for value in split_values(_get(e, "field"), _get(e, "value")):
                spans.setdefault((_get(e, "field"), _norm(value)), set()).add(_get(e, "start"))
        self.repeats = {key: len(starts) for key, starts in spans.items()}
        self.first_of = {key: min(starts) for key, starts in spans.items()}
        ages = sorted((_get(e, "start"), _get(e, "sentence_start")) for e in self.evidence
                      if _get(e, "field") == "age" and not _other(e))
        self.ages = ages  # (start, sentence_start) of the ages not said of someone else
        # where each field's mentions start: the first and last of a field tell title and
        # summary from the final status ("at the last follow-up ...")
        self.field_span: dict[str, tuple[int, int]] = {}
        for e in self.evidence:
            first, last = self.field_span.get(_get(e, "field"), (_get(e, "start"), _get(e, "start")))
            self.field_span[_get(e, "field")] = (min(first, _get(e, "start")), max(last, _get(e, "start")))
        # every finding of a sentence, to mask it out of its neighbours' word windows
        self.by_sentence: dict[int, list[tuple[int, int, str]]] = {}
        for e in self.evidence:
            self.by_sentence.setdefault(_get(e, "sentence_start"), []).append(
                (_get(e, "start"), _get(e, "end"), _get(e, "field")))


def _other(record) -> bool:
    return any(q in ("subject=other", "subject=family", "subject=generic") for q in _get(record, "qualifiers") or ())


def _bucket(value: float, edges: tuple, names: tuple) -> str:
    for edge, name in zip(edges, names):
        if value < edge:
            return name
    return names[-1]


def _masked_words(record, context: CaseContext) -> tuple[list[str], list[str]]:
    """Lower-cased words left and right of the mention in its sentence, every other finding
    of the sentence replaced by a placeholder naming its field ("<drugs>")."""
    sentence = _get(record, "sentence") or ""
    base = _get(record, "sentence_start") or 0
    start, end = _get(record, "start") - base, _get(record, "end") - base
    if not (0 <= start <= end <= len(sentence)):  # evidence cut from a very long sentence
        return [], []
    spans = [(start, end, None)]
    for o_start, o_end, o_field in context.by_sentence.get(_get(record, "sentence_start"), []):
        o_start, o_end = o_start - base, o_end - base
        if 0 <= o_start < o_end <= len(sentence) and (o_end <= start or o_start >= end):
            spans.append((o_start, o_end, o_field))
    pieces, cursor = [], 0
    for s_start, s_end, s_field in sorted(spans, key=lambda s: (s[0], s[2] is not None)):
        if s_start < cursor:  # overlaps one already placed
            continue
        pieces.append(sentence[cursor:s_start].lower())
        pieces.append(" __mention__ " if s_field is None else f" __{s_field}__ ")
        cursor = s_end
    pieces.append(sentence[cursor:].lower())
    left, _, right = "".join(pieces).partition(" __mention__ ")
    return _tokens(left), _tokens(right)


PLACEHOLDER = re.compile(r"__([a-z_]+?)__")


def _tokens(text: str) -> list[str]:
    out = []
    for piece in text.split():
        holder = PLACEHOLDER.fullmatch(piece)
        if holder:
            out.append(f"<{holder.group(1)}>")
        else:
            out.extend("<num>" if token[0].isdigit() else token for token in TOKEN.findall(piece))
    return out


def mention_features(record, context: CaseContext) -> dict[str, float]:
    """The model's features of one evidence record (a dict or an Evidence) of a case."""
    field = _get(record, "field")
    qualifiers = list(_get(record, "qualifiers") or ())
    start = _get(record, "start") or 0
    sentence = _get(record, "sentence") or ""
    features: dict[str, float] = {}

    def add(name: str, value: float = 1.0):
        features[name] = value
        features[f"{field}|{name}"] = value

    add("bias")
    section = next((q.split("=", 1)[1] for q in qualifiers if q.startswith("section=")), "none")
    subject = next((q.split("=", 1)[1] for q in qualifiers if q.startswith("subject=")), "none")
    add(f"section={section}")
    add(f"subject={subject}")
    add(f"section={section}|subject={subject}")
    for flag in ("negated", "hypothetical", "historical"):
        if flag in qualifiers:
            add(flag)
    relative = start / context.extent
    add(f"pos={min(int(relative * 5), 4)}")
    add("pos", relative)

    order = context.sentence_order.get(_get(record, "sentence_start"), 0)
    if not context.ages:
        add("age=none")
    else:
        nearest = min(context.ages, key=lambda a: abs(a[0] - start))
        if nearest[1] == _get(record, "sentence_start"):
            add("age=same_sentence")
        else:
            steps = abs(context.sentence_order.get(nearest[1], 0) - order)
            add("age_sentences=" + _bucket(steps, (2, 4, 8, 16), ("1", "2-3", "4-7", "8-15", "16+")))
            add("age_chars=" + _bucket(abs(nearest[0] - start), (300, 1000, 3000, 10000), ("<300", "<1k", "<3k", "<10k", "10k+")))
        add("before_first_age" if start < context.ages[0][0] else "after_first_age")

    values = split_values(field, _get(record, "value"))
    key = (field, _norm(values[0]))
    repeats = context.repeats.get(key, 1)
    add("repeats=" + _bucket(repeats, (2, 3, 5, 10), ("1", "2", "3-4", "5-9", "10+")))
    add("first_of_value" if context.first_of.get(key) == start else "later_of_value")
    first, last = context.field_span.get(field, (start, start))
    if start == first:
        add("first_of_field")
    if start == last:
        add("last_of_field")
    # a site also named as the primary is not a metastasis of it (and the reverse)
    twin = {"metastasis_sites": "primary_site", "primary_site": "metastasis_sites"}.get(field)
    if twin and (twin, key[1]) in context.repeats:
        add("also_" + twin)

    words = len(sentence.split())
    add("sentence_words=" + _bucket(words, (8, 16, 32, 64), ("<8", "<16", "<32", "<64", "64+")))
    if CITATION.search(sentence):
        add("citation")
    surface = sentence[start - (_get(record, "sentence_start") or 0):(_get(record, "end") or 0) - (_get(record, "sentence_start") or 0)]
    if surface[:1].isupper():
        add("capitalised")
    if len(surface) > 1 and surface.isupper():
        add("all_caps")
    if field == "drugs" and surface:
        # word endings, not words: INN stems (-mab, -cillin, -azole) name treatments, enzyme and
        # analyte names end otherwise (-ase, -ine of amino acids); kept only when seen in
        # several documents
        last = surface.split()[-1].lower()
        add(f"suffix={last[-3:]}")
        if len(surface.split()) > 1:
            add("several_words")
    if "(" in sentence[:start - (_get(record, "sentence_start") or 0)][-40:] and ")" not in sentence[:start - (_get(record, "sentence_start") or 0)][-40:]:
        add("in_parentheses")

    neighbours = context.by_sentence.get(_get(record, "sentence_start"), [])
    same = len({o[0] for o in neighbours if o[2] == field and o[0] != start})
    add("same_field_in_sentence=" + _bucket(same, (1, 2, 4), ("0", "1", "2-3", "4+")))
    left, right = _masked_words(record, context)
    for word in set(left[-WINDOW:]) | set(right[:WINDOW]):
        add(f"w={word}")
    for word in set(left[-NEAR:]):
        add(f"l={word}")
    return features


def candidate_features(record, context: CaseContext, row: Mapping | None = None,
                       crossed: bool = False) -> list[tuple[object, dict]]:
    """(value, features) for each candidate value of one evidence record. With the rules' row
    (the case as ``caselit extract`` wrote it), the rules' decision is a feature too: whether
    this mention is the evidence of a kept value, and whether its value is in the row.
    ``crossed``: every feature is also crossed with that decision (``crossed_with_rules``)."""
    field = _get(record, "field")
    base = mention_features(record, context)
    if row is not None and _get(record, "kept"):
        base["rules_kept"] = base[f"{field}|rules_kept"] = 1.0
    out = []
    for value in split_values(field, _get(record, "value")):
        features = dict(base)
        if row is not None and in_row(row, field, value):
            features["rules_row"] = features[f"{field}|rules_row"] = 1.0
        out.append((value, crossed_with_rules(features) if crossed and row is not None else features))
    return out


def crossed_with_rules(features: Mapping[str, float]) -> dict[str, float]:
    """The features once more, prefixed by the rules' decision on the value (``kept:`` when it
    is in the rules' row, ``left:`` when not). With the rules' decision as a plain feature, a
    linear model can only shift every value the same way; crossed, the same words can weigh
    differently against a value the rules kept (is it a false positive?) and one they left out
    (is it a value they missed?)."""
    side = "kept:" if "rules_row" in features else "left:"
    out = dict(features)
    out.update({side + name: value for name, value in features.items()})
    return out


def in_row(row: Mapping, field: str, value) -> bool:
    """Is ``value`` (normalised) the row's value, or one of its values, for ``field``?"""
    got = row.get(field)
    values = got if isinstance(got, list) else [got]
    return _norm(value) in {_norm(v) for v in values if v is not None}


def probability(model: Mapping, features: Mapping[str, float]) -> float:
    """The model's probability that the mention's value belongs in the row."""
    weights = model["weights"]
    z = model.get("intercept", 0.0) + sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


def load_model(path: str | Path = DEFAULT_MODEL) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def case_scores(model: Mapping, evidence: Iterable, row: Mapping | None = None) -> dict[tuple[str, object], float]:
    """(field, value) -> the highest probability among the mentions of that value in a case's
    evidence: what a list field would keep above the threshold, and the scalar's best value.
    ``row``: the rules' row, needed by a model trained with the rules' decision as a feature."""
    evidence = list(evidence)
    context = CaseContext(evidence)
    uses_rules = bool(model.get("with_rules"))
    crossed = bool(model.get("crossed"))
    if uses_rules and row is None:
        raise ValueError("this model reads the rules' decision: pass the rules' row")
    fields = set(model.get("fields") or CANDIDATE_FIELDS)
    scores: dict[tuple[str, object], float] = {}
    for record in evidence:
        field = _get(record, "field")
        if field not in fields:
            continue
        for value, features in candidate_features(record, context, row if uses_rules else None, crossed):
            key = (field, _norm(value))
            scores[key] = max(scores.get(key, 0.0), probability(model, features))
    return scores


def decide(model: Mapping, evidence: Iterable, row: Mapping | None = None) -> dict[str, object]:
    """The row's values as the model would fill them from the case's evidence: list fields keep
    every value at or above the field's threshold; a scalar takes its best value when that one
    reaches the threshold. Only the model's ``fields``; a field with no candidate is absent
    (the caller keeps its own)."""
    thresholds = model.get("thresholds", {})
    best: dict[str, tuple[float, object]] = {}
    lists: dict[str, list] = {}
    for (field, value), p in case_scores(model, evidence, row).items():
        threshold = thresholds.get(field, model.get("threshold", 0.5))
        if field in LIST_FIELDS:
            lists.setdefault(field, [])
            if p >= threshold:
                lists[field].append(value)
        elif field not in best or p > best[field][0]:
            best[field] = (p, value)
    row: dict[str, object] = {field: sorted(values, key=str) for field, values in lists.items()}
    for field, (p, value) in best.items():
        row[field] = value if p >= thresholds.get(field, model.get("threshold", 0.5)) else None
    return row
