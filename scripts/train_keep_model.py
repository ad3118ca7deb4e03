#!/usr/bin/env python3
"""Learn the keep / leave-out decision of findings and compare it with the rules.

usage: python scripts/train_keep_model.py [--shared ../shared] [--out out/eval-learn] [--extract]
                                          [--folds 5] [--C 0.1] [--with-rules] [--crossed] [--final]
                                          [--train NAME=GOLD.jsonl,PRED.jsonl ...] [--test NAME=GOLD.jsonl,PRED.jsonl ...]

Reads caselit's JSONL of dev, fulltext, onc2 and MACCROBAT from ``--out`` (``--extract``
writes it first, with ``caselit extract FOLDER -o OUT/SET.jsonl --no-cache -q``). Every
evidence record of a contract field is a sample; its label is whether its normalised value
is in the gold for its field and patient (the ``caselit evaluate`` normalisation; MACCROBAT:
its scored fields only, ages within 0.02 as its scorer does). Features: see
``pipeline/cases/keep_model.py``. A logistic regression is cross-validated by documents
(GroupKFold) on the documents outside the held-out third of fulltext and onc2
(``scripts/score_all.heldout``), and compared with the rules on the same candidates:

- candidate level: each (case, field, value) that some mention proposes; the rules keep it
  when it is in their row, the model when its best mention scores above the threshold;
- end to end: the set-level P/R/F1 of the row re-derived from the model (list fields: the
  values kept; scalars: the best value when it reaches the threshold; wbc_max from the
  values; a field with no candidate keeps the rules' value, e.g. a sex implied by the site),
  scored the way score_all.py scores.

``--train`` adds another annotated set to the training documents (every document of it): its
gold in the ``caselit evaluate`` format and caselit's JSONL of its texts. A gold document may
list the fields its annotators labelled (``"labelled": ["age", "sex", "outcome"]``): only those
give samples and scores. ``--test`` names a set scored once, with the held-out third, by
``--final``.

``--final`` (once, at the very end) fits on every non-held-out document, writes the model to
``models/keep/keep_model.json`` and prints the held-out third's scores only: no document of
it is ever printed. With ``--rows DIR`` it also writes the re-derived rows of each scored set
(``DIR/<set>-with-rules.jsonl``, ``DIR/<set>-plain.jsonl``) for ``caselit evaluate``.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from pipeline.cases.keep_model import (  # noqa: E402
    CANDIDATE_FIELDS, LIST_FIELDS, CaseContext, candidate_features,
)
from pipeline.evaluate import normalise  # noqa: E402
from score_all import heldout  # noqa: E402

SETS = ("dev", "fulltext", "onc2", "maccrobat")
MACCROBAT_FIELDS = ("age", "sex", "drugs", "dates", "wbc_values")
SCALARS = tuple(f for f in CANDIDATE_FIELDS if f not in LIST_FIELDS)
MIN_DOCS = 5  # a feature is kept when it occurs in at least this many training documents
MODEL_PATH = ROOT / "models" / "keep" / "keep_model.json"


# ---------------------------------------------------------------- data
def set_paths(shared: Path, name: str) -> tuple[Path, Path]:
    if name == "maccrobat":
        base = shared / "external" / "maccrobat"
        return base / "texts", base / "gold.jsonl"
    return shared / "eval" / name, shared / "eval" / f"{name}-gold.jsonl"


def extract(shared: Path, out: Path) -> None:
    caselit = str(Path(sys.executable).with_name("caselit"))
    out.mkdir(parents=True, exist_ok=True)
    for name in SETS:
        folder, _ = set_paths(shared, name)
        subprocess.run([caselit, "extract", str(folder), "-o", str(out / f"{name}.jsonl"), "--no-cache", "-q"], check=False)


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def match(set_name: str, field: str, value, gold) -> bool:
    """Is ``value`` one of the gold's values (or accepted alternatives) for ``field``?"""
    wanted = gold if isinstance(gold, list) else [gold]
    wanted = [normalise(w) for w in wanted if normalise(w) is not None]
    got = normalise(value)
    if got is None:
        return False
    if set_name == "maccrobat" and isinstance(got, float):
        return any(isinstance(w, float) and abs(w - got) <= 0.02 for w in wanted)
    return got in wanted


def doc_fields(set_name: str, gold_doc: dict) -> tuple:
    """The contract fields a gold document was labelled for: MACCROBAT's scored fields, the
    ``labelled`` list of a set whose annotators kept to a few fields, else all; minus ``unscored``."""
    unscored = set(gold_doc.get("unscored", []))
    if set_name == "maccrobat":
        fields = MACCROBAT_FIELDS
    else:
        labelled = gold_doc.get("labelled")
        fields = tuple(f for f in CANDIDATE_FIELDS if f in labelled) if labelled else CANDIDATE_FIELDS
    return tuple(f for f in fields if f not in unscored)


class Case:
    """One predicted row with its gold case and its candidates."""

    def __init__(self, set_name: str, doc: str, row: dict, gold: dict | None, fields: tuple):
        self.set, self.doc, self.row, self.gold, self.fields = set_name, doc, row, gold or {}, fields
        self.group = f"{set_name}/{doc}"


def load(shared: Path, out: Path, split: str, extra: dict | None = None) -> tuple[list[Case], dict]:
    """Cases of the ``split`` ("train": outside the held-out third, "heldout": inside it) and,
    per set, the gold documents of the split (to count what no row predicts). ``extra``: set
    name -> (gold, predictions) of sets used whole (training sets for "train", test sets for
    "heldout")."""
    cases, golds = [], {}
    sources = {}
    for name in SETS:
        folder, gold_path = set_paths(shared, name)
        aside = heldout([p.name for p in folder.iterdir() if p.is_file()]) if name in ("fulltext", "onc2") else set()
        sources[name] = (gold_path, out / f"{name}.jsonl", lambda d, aside=aside: (d in aside) == (split == "heldout"))
    for name, (gold_path, pred_path) in (extra or {}).items():
        sources[name] = (Path(gold_path), Path(pred_path), lambda d: True)
    for name, (gold_path, pred_path, wanted_doc) in sources.items():
        gold_docs = {g["doc"]: g for g in read_jsonl(gold_path)}
        wanted = {d for d in gold_docs if wanted_doc(d)}
        golds[name] = {d: gold_docs[d] for d in wanted}
        for row in read_jsonl(pred_path):
            doc = Path(str(row.get("doc", ""))).name
            if doc not in wanted:
                continue
            gold_doc = gold_docs[doc]
            gold_cases = gold_doc.get("cases", [])
            index = int(row.get("case", 1) or 1)
            gold = gold_cases[index - 1] if index <= len(gold_cases) else {}
            cases.append(Case(name, doc, row, gold, doc_fields(name, gold_doc)))
    return cases, golds


def samples(cases: list[Case], with_rules: bool, crossed: bool = False):
    """One sample per (mention, value): features, label, and the candidate it speaks for."""
    feats, labels, groups, candidates = [], [], [], []
    for case_index, case in enumerate(cases):
        evidence = [e for e in case.row.get("evidence") or [] if e.get("start") is not None]
        context = CaseContext(evidence)
        for record in evidence:
            field = record.get("field")
            if field not in case.fields:
                continue
            for value, features in candidate_features(record, context, case.row if with_rules else None, crossed):
                feats.append(features)
                labels.append(match(case.set, field, value, case.gold.get(field)))
                groups.append(case.group)
                candidates.append((case_index, field, _key(value)))
    return feats, labels, groups, candidates


def _key(value):
    n = normalise(value)
    return n if n is not None else value


def in_row(row: dict, field: str, value) -> bool:
    got = row.get(field)
    values = got if isinstance(got, list) else [got]
    return _key(value) in {_key(v) for v in values if v is not None}


# ---------------------------------------------------------------- model
def vocabulary(feats: list[dict], groups: list[str], min_docs: int = MIN_DOCS) -> set[str]:
    docs = defaultdict(set)
    for features, group in zip(feats, groups):
        for name in features:
            docs[name].add(group)
    return {name for name, seen in docs.items() if len(seen) >= min_docs}


def weights_of(candidates) -> list[float]:
    """Each candidate value weighs 1 however often it is mentioned: a pronoun repeated fifty
    times must not outweigh a drug named once."""
    mentions = Counter(candidates)
    return [1.0 / mentions[c] for c in candidates]


LEARNER = "logistic"  # "boosting": gradient-boosted trees, for comparison only (not exportable to JSON here)


def fit(feats, labels, groups, C: float, weights=None):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    keep = vocabulary(feats, groups, MIN_DOCS if LEARNER == "logistic" else 4 * MIN_DOCS)
    vectorizer = DictVectorizer()
    X = vectorizer.fit_transform([{k: v for k, v in f.items() if k in keep} for f in feats])
    if LEARNER == "boosting":
        from sklearn.ensemble import HistGradientBoostingClassifier

        model = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, max_leaf_nodes=15, random_state=0)
        model.fit(X.astype("float32").toarray(), labels, sample_weight=weights)
        return vectorizer, model
    model = LogisticRegression(C=C, max_iter=3000, solver="lbfgs")
    model.fit(X, labels, sample_weight=weights)
    return vectorizer, model


def predict(vectorizer, model, feats) -> list[float]:
    X = vectorizer.transform(feats)
    if LEARNER == "boosting":
        X = X.astype("float32").toarray()
    return list(model.predict_proba(X)[:, 1])


def as_json(vectorizer, model, threshold: float, thresholds: dict, meta: dict) -> dict:
    names = vectorizer.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0]) if abs(w) >= 1e-4}
    return {**meta, "intercept": round(float(model.intercept_[0]), 4), "threshold": threshold,
            "thresholds": thresholds, "weights": dict(sorted(weights.items()))}


# ---------------------------------------------------------------- decisions and scores
def candidate_scores(candidates, probabilities) -> dict:
    best = {}
    for candidate, p in zip(candidates, probabilities):
        best[candidate] = max(best.get(candidate, 0.0), p)
    return best


def model_rows(cases: list[Case], scores: dict, threshold: float, thresholds: dict, fields=CANDIDATE_FIELDS) -> list[dict]:
    """The rows with every candidate field of ``fields`` re-derived from the model's scores."""
    per_case = defaultdict(lambda: defaultdict(list))
    for (case_index, field, value), p in scores.items():
        if field not in fields:
            continue
        per_case[case_index][field].append((p, value))
    rows = []
    for index, case in enumerate(cases):
        row = dict(case.row)
        for field, scored in per_case[index].items():
            t = thresholds.get(field, threshold)
            if field in LIST_FIELDS:
                row[field] = [v for p, v in scored if p >= t]
            else:
                p, value = max(scored, key=lambda pv: pv[0])
                row[field] = value if p >= t else None
        if "wbc_values" in per_case[index]:
            row["wbc_max"] = max(row["wbc_values"]) if row["wbc_values"] else None
        rows.append(row)
    return rows


def end_to_end(cases: list[Case], rows: list[dict], golds: dict) -> dict:
    """set -> field -> [tp, fp, fn], as caselit evaluate (and MACCROBAT's score.py) count."""
    counts = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    predicted = defaultdict(dict)
    for case, row in zip(cases, rows):
        predicted[(case.set, case.doc)][int(row.get("case", 1) or 1)] = row
    for set_name, docs in golds.items():
        for doc, gold_doc in docs.items():
            labelled = doc_fields(set_name, gold_doc)  # wbc_max goes with wbc_values
            fields = [f for f in SCALARS + ("wbc_max",) + tuple(sorted(LIST_FIELDS, key=CANDIDATE_FIELDS.index))
                      if f in labelled or (f == "wbc_max" and "wbc_values" in labelled)]
            unscored = set(gold_doc.get("unscored", []))
            gold_cases = gold_doc.get("cases", [])
            got_cases = predicted.get((set_name, doc), {})
            numbers = sorted(set(range(1, len(gold_cases) + 1)) | set(got_cases))
            for number in numbers:
                gold = gold_cases[number - 1] if number <= len(gold_cases) else {}
                got = got_cases.get(number, {})
                for field in fields:
                    if field in unscored:
                        continue
                    c = counts[set_name][field]
                    if field in LIST_FIELDS:
                        wanted = {_key(v) for v in gold.get(field) or [] if normalise(v) is not None}
                        values = {_key(v) for v in got.get(field) or [] if normalise(v) is not None}
                        if set_name == "maccrobat" and field == "wbc_values":
                            hit = {v for v in values if any(abs(v - w) <= 0.02 for w in wanted)}
                            c[0] += len(hit)
                            c[1] += len(values) - len(hit)
                            c[2] += len(wanted) - len(hit)
                            continue
                        c[0] += len(wanted & values)
                        c[1] += len(values - wanted)
                        c[2] += len(wanted - values)
                    else:
                        value, wanted = got.get(field), gold.get(field)
                        has_gold = any(normalise(w) is not None for w in (wanted if isinstance(wanted, list) else [wanted]))
                        if has_gold and value is not None and match(set_name, field, value, wanted):
                            c[0] += 1
                            continue
                        c[1] += normalise(value) is not None
                        c[2] += has_gold
    return counts


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def candidate_counts(cases, candidates, labels, scores, threshold, thresholds, set_name=None):
    """field -> rules [tp, fp, fn], model [tp, fp, fn] over the candidates (list fields: each
    value; scalars: the value chosen among the candidates)."""
    label_of = {}
    for candidate, label in zip(candidates, labels):
        label_of[candidate] = label_of.get(candidate, False) or label
    out = defaultdict(lambda: ([0, 0, 0], [0, 0, 0]))
    rows = model_rows(cases, scores, threshold, thresholds)
    for (case_index, field, value), label in label_of.items():
        case = cases[case_index]
        if set_name and case.set != set_name:
            continue
        rules = in_row(case.row, field, value)
        model = in_row(rows[case_index], field, value)
        for decided, c in ((rules, out[field][0]), (model, out[field][1])):
            c[0] += decided and label
            c[1] += decided and not label
            c[2] += (not decided) and label
    return out


def report(title, cases, candidates, labels, scores, golds, threshold, thresholds, fields=CANDIDATE_FIELDS) -> None:
    print(f"\n## {title}\n")
    print("Candidate level (values some mention proposes; label: in the gold of its field and patient)\n")
    print(f"| field | candidates | positives | rules P | rules R | rules F1 | model P | model R | model F1 |")
    print("|---|---|---|---|---|---|---|---|---|")
    counts = candidate_counts(cases, candidates, labels, scores, threshold, thresholds)
    totals = ([0, 0, 0], [0, 0, 0])
    for field in CANDIDATE_FIELDS:
        if field not in counts:
            continue
        rules, model = counts[field]
        n = sum(1 for c in set(candidates) if c[1] == field)
        pos = rules[0] + rules[2]
        for t, c in zip(totals, (rules, model)):
            for i in range(3):
                t[i] += c[i]
        print(f"| {field} | {n} | {pos} | " + " | ".join(f"{x:.3f}" for x in prf(*rules) + prf(*model)) + " |")
    print("| ALL | | | " + " | ".join(f"{x:.3f}" for x in prf(*totals[0]) + prf(*totals[1])) + " |")

    rules_e2e = end_to_end(cases, [c.row for c in cases], golds)
    model_e2e = end_to_end(cases, model_rows(cases, scores, threshold, thresholds), golds)
    print("\nEnd to end (set-level micro-F1 of the rows, as score_all.py counts; rules -> model)\n")
    rows_of_table = list(SCALARS) + ["wbc_max"] + [f for f in CANDIDATE_FIELDS if f in LIST_FIELDS]
    print("| field | " + " | ".join(golds) + " |")
    print("|---|" + "---|" * len(golds))
    for field in rows_of_table:
        cells = []
        for set_name in golds:
            if field not in rules_e2e[set_name]:
                cells.append("-")
                continue
            r, m = prf(*rules_e2e[set_name][field])[2], prf(*model_e2e[set_name][field])[2]
            cells.append(f"{r:.3f} -> {m:.3f}")
        print(f"| {field} | " + " | ".join(cells) + " |")
    cells = []
    for set_name in golds:
        r = [sum(c[i] for c in rules_e2e[set_name].values()) for i in range(3)]
        m = [sum(c[i] for c in model_e2e[set_name].values()) for i in range(3)]
        cells.append(f"{prf(*r)[2]:.3f} -> {prf(*m)[2]:.3f}")
    print("| ALL (micro) | " + " | ".join(cells) + " |")
    if set(fields) != set(CANDIDATE_FIELDS):
        hybrid = end_to_end(cases, model_rows(cases, scores, threshold, thresholds, fields), golds)
        cells = []
        for set_name in golds:
            r = [sum(c[i] for c in rules_e2e[set_name].values()) for i in range(3)]
            m = [sum(c[i] for c in hybrid[set_name].values()) for i in range(3)]
            cells.append(f"{prf(*r)[2]:.3f} -> {prf(*m)[2]:.3f}")
        print(f"| ALL, model on {', '.join(fields)} only | " + " | ".join(cells) + " |")


# ---------------------------------------------------------------- main
def cross_validate(cases, feats, labels, groups, candidates, folds, C, weights=None, seed=None):
    from sklearn.model_selection import GroupKFold

    probabilities = [0.0] * len(feats)
    splitter = GroupKFold(n_splits=folds) if seed is None else GroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, test in splitter.split(feats, labels, groups):
        vectorizer, model = fit([feats[i] for i in train], [labels[i] for i in train], [groups[i] for i in train], C,
                                [weights[i] for i in train] if weights else None)
        for i, p in zip(test, predict(vectorizer, model, [feats[i] for i in test])):
            probabilities[i] = p
    return probabilities


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--out", default=str(ROOT / "out" / "eval-learn"))
    parser.add_argument("--extract", action="store_true", help="run caselit extract on the four sets first")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--C", type=float, default=0.1, help="inverse L2 strength of the logistic regression")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--with-rules", action="store_true", help="also give the model the rules' decision")
    parser.add_argument("--crossed", action="store_true",
                        help="with --with-rules: also cross every feature with the rules' decision")
    parser.add_argument("--weighted", action="store_true", help="weigh each candidate value 1 (1/mentions a sample)")
    parser.add_argument("--write-model", action="store_true",
                        help="fit on all non-held-out documents and write models/keep/keep_model.json")
    parser.add_argument("--final", action="store_true",
                        help="--write-model, then score the held-out third (once, at the very end)")
    parser.add_argument("--fields", default=",".join(CANDIDATE_FIELDS),
                        help="the fields the model decides (the others stay the rules'): a hybrid line is printed")
    parser.add_argument("--seed", type=int, help="shuffle the documents into folds with this seed")
    parser.add_argument("--train", action="append", default=[], metavar="NAME=GOLD,PRED",
                        help="another annotated set to train on, whole: its gold and caselit's JSONL of its texts")
    parser.add_argument("--test", action="append", default=[], metavar="NAME=GOLD,PRED",
                        help="a set scored once by --final, with the held-out third")
    parser.add_argument("--rows", help="with --final: write the re-derived rows of each scored set here")
    parser.add_argument("--learner", choices=("logistic", "boosting"), default="logistic",
                        help="boosting: gradient-boosted trees, cross-validation only, for comparison")
    args = parser.parse_args(argv)
    global LEARNER
    LEARNER = args.learner
    if LEARNER == "boosting" and (args.write_model or args.final):
        parser.error("only the logistic regression is written as JSON")
    fields = tuple(f for f in args.fields.split(",") if f)
    shared, out = Path(args.shared), Path(args.out)
    if args.extract:
        extract(shared, out)
    cases, golds = load(shared, out, "train", named_sets(parser, args.train))
    if args.crossed and not args.with_rules:
        parser.error("--crossed needs --with-rules")
    feats, labels, groups, candidates = samples(cases, args.with_rules, args.crossed)
    print(f"{len(cases)} rows of {len(set(groups))} documents; {len(feats)} samples, {sum(labels)} positive;"
          f" by set: {dict(Counter(c.set for c in cases))}")
    thresholds: dict = {}
    if not (args.final or args.write_model):
        weights = weights_of(candidates) if args.weighted else None
        probabilities = cross_validate(cases, feats, labels, groups, candidates, args.folds, args.C, weights, args.seed)
        scores = candidate_scores(candidates, probabilities)
        report(f"{args.folds}-fold cross-validation by document (C={args.C}, threshold {args.threshold}"
               f"{', with the rules decision as a feature' if args.with_rules else ''})",
               cases, candidates, labels, scores, golds, args.threshold, thresholds, fields)
        return 0
    weights = weights_of(candidates) if args.weighted else None
    vectorizer, model = fit(feats, labels, groups, args.C, weights)
    meta = {"model": "logistic regression over pipeline/cases/keep_model.py features",
            "trained": date.today().isoformat(), "C": args.C, "min_docs": MIN_DOCS,
            "samples": len(feats), "documents": len(set(groups)), "with_rules": args.with_rules, "crossed": args.crossed,
            "weighted": args.weighted, "fields": list(fields)}
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(json.dumps(as_json(vectorizer, model, args.threshold, thresholds, meta), indent=0) + "\n")
    print(f"wrote {MODEL_PATH.relative_to(ROOT)} ({len(vectorizer.get_feature_names_out())} features)")
    if not args.final:
        return 0
    # the held-out third, once: the shipped model, and the same model without the rules' decision
    variants = [(args.with_rules, vectorizer, model)]  # the plain variant is never crossed
    if args.with_rules:
        plain = samples(cases, False)
        variants.append((False, *fit(plain[0], plain[1], plain[2], args.C, weights)))
    test_cases, test_golds = load(shared, out, "heldout", named_sets(parser, args.test))
    test_golds = {k: v for k, v in test_golds.items() if v}
    for with_rules, vectorizer, model in variants:
        t_feats, t_labels, t_groups, t_candidates = samples(test_cases, with_rules, with_rules and args.crossed)
        scores = candidate_scores(t_candidates, predict(vectorizer, model, t_feats))
        report(f"held-out third, model {'with' if with_rules else 'without'} the rules' decision as a feature"
               f" (fitted on all {len(set(groups))} other documents)",
               test_cases, t_candidates, t_labels, scores, test_golds, args.threshold, thresholds, fields)
        if args.rows:
            write_rows(Path(args.rows), "with-rules" if with_rules else "plain", test_cases,
                       model_rows(test_cases, scores, args.threshold, thresholds, fields))
    return 0


def named_sets(parser, specs: list[str]) -> dict:
    """``NAME=GOLD,PRED`` -> {NAME: (GOLD, PRED)}."""
    sets = {}
    for spec in specs:
        name, _, paths = spec.partition("=")
        gold, _, pred = paths.partition(",")
        if not (name and gold and pred) or name in SETS:
            parser.error(f"expected NAME=GOLD.jsonl,PRED.jsonl with a new NAME, got {spec!r}")
        sets[name] = (gold, pred)
    return sets


def write_rows(folder: Path, variant: str, cases: list[Case], rows: list[dict]) -> None:
    """One JSONL per scored set of the rows the model re-derived, for ``caselit evaluate``."""
    folder.mkdir(parents=True, exist_ok=True)
    by_set = defaultdict(list)
    for case, row in zip(cases, rows):
        by_set[case.set].append(row)
    for set_name, set_rows in by_set.items():
        with (folder / f"{set_name}-{variant}.jsonl").open("w", encoding="utf-8") as handle:
            for row in set_rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.exit(main())
