#!/usr/bin/env python3
"""The same patient, whatever page it is printed on: a perturbation check of the pipeline.

usage: python scripts/perturb_check.py [--templates a|b|c|PATH] [--shared ../shared]
                                       [--maccrobat 40] [--dev] [--only NAME,...]
                                       [--examples 5] [--json OUT.json]

Each base report (MACCROBAT texts: short, one patient; the short dev abstracts) is set on
the kinds of page a journal gives it: page furniture before and after (navigation, authors
and affiliations, history and DOI boxes, licences, keywords, declarations, a reference list,
captions, cookie banners, related articles), its case under the headings of different
journal styles and split over them, an introduction and a discussion that speak of the
disease, of other published patients and of drugs, and surface changes (hard line wraps with
hyphenation, non-breaking spaces, unicode variants, reference markers, headings run into the
text). The pipeline runs in process on the base and on every variant; every patient field
that differs from the base's output is reported, grouped by perturbation.

The metric: the share of (base report, perturbation) pairs whose patient fields are all
identical, overall and per field. The page text comes from a template file
(``scripts/perturb/templates_{a,b,c}.toml``): set A is the one fixes are checked against, sets
B and C, differently worded, are kept for final checks (B found one class of errors that was
then fixed; C was written after that, as a fresh check). The shared texts are read at run
time and never copied into the repository.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
import zlib
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

FIELDS = ("age", "sex", "primary_site", "histology", "figo_stage", "metastasis_sites",
          "wbc_values", "wbc_max", "drugs", "dates", "outcome")
LIST_FIELDS = ("metastasis_sites", "wbc_values", "drugs", "dates")
MAX_BASE_CHARACTERS = 6000  # the dev "abstracts" that are whole pages already are left out
SENTENCE_END = re.compile(r"(?<=[a-z0-9)%][.!?])\s+(?=[A-Z])")
WRAP_COLUMNS = 72


# -- base reports -----------------------------------------------------------------------------

def split_title(text: str) -> tuple[str | None, str]:
    """(title, body) of a base text: a short first line followed by a blank line is its title;
    the page's own author lines and an "Abstract" heading before the body are dropped."""
    lines = text.strip().split("\n")
    title = None
    if len(lines) > 2 and len(lines[0]) < 200 and not lines[1].strip() and not lines[0].rstrip().endswith("."):
        title, lines = lines[0].strip(), lines[2:]
    for index, line in enumerate(lines[:15]):
        if line.strip().lower() in ("abstract", "summary"):
            lines = lines[index + 1:]
            break
    return title, "\n".join(lines).strip()


def base_reports(shared: Path, maccrobat: int, dev: bool) -> list[tuple[str, str | None, str]]:
    """(name, title, body) of the base reports."""
    bases = []
    if maccrobat:
        files = sorted((shared / "external" / "maccrobat" / "texts").glob("*.txt"))
        step = max(1, len(files) // maccrobat)
        for path in files[::step][:maccrobat]:
            bases.append(("maccrobat/" + path.name, None, path.read_text(encoding="utf-8").strip()))
    if dev:
        for path in sorted((shared / "eval" / "dev").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            if len(text) <= MAX_BASE_CHARACTERS:
                title, body = split_title(text)
                bases.append(("dev/" + path.name, title, body))
    return bases


# -- page building ----------------------------------------------------------------------------

def pick(options: list[str], name: str, salt: str = "") -> str:
    """One of ``options``, the same for a report every run, different between reports."""
    return options[zlib.crc32((name + salt).encode()) % len(options)]


def sentences(body: str) -> list[str]:
    """The body's sentences (MACCROBAT texts hold one per line; abstracts run on)."""
    found = []
    for line in body.split("\n"):
        found.extend(s for s in SENTENCE_END.split(line.strip()) if s)
    return found


def split_case(body: str, headings: list[str]) -> str:
    """The body's sentences shared out over ``headings`` in order, each part under its heading."""
    parts = sentences(body)
    if len(headings) == 1 or len(parts) < len(headings):
        return headings[0] + "\n" + body
    size = len(parts) / len(headings)
    chunks = []
    for index, heading in enumerate(headings):
        piece = parts[round(index * size):round((index + 1) * size)]
        chunks.append(heading + "\n" + " ".join(piece))
    return "\n\n".join(chunks)


def references(templates: dict, name: str) -> str:
    entries = [templates["references"][(i + zlib.crc32(name.encode())) % len(templates["references"])].format(n=i + 1)
               for i in range(20)]
    return templates["references_heading"] + "\n" + "\n".join(entries)


def fill(block: str, title: str) -> str:
    return block.replace("{title}", title)


def page(templates: dict, name: str, title: str, body: str, style: list[str] | None, front: bool, back: bool,
         intro: bool) -> str:
    parts = []
    if front:
        parts.append(fill(pick(templates["front"], name), title))
    else:
        parts.append(title)
    if intro:
        parts.append(pick(templates["introduction"], name))
    parts.append(split_case(body, style) if style else body)
    if intro:
        parts.append(pick(templates["discussion"], name))
    if back:
        parts.append(fill(pick(templates["back"], name), title))
        parts.append(references(templates, name))
        parts.append(fill(pick(templates["tail"], name), title))
    return "\n\n".join(parts)


# -- surface changes --------------------------------------------------------------------------

def hard_wrap(text: str) -> str:
    """Lines cut at WRAP_COLUMNS as a PDF's text layer gives them, a long word hyphenated."""
    out = []
    for line in text.split("\n"):
        current = ""
        for word in line.split(" "):
            if current and len(current) + 1 + len(word) > WRAP_COLUMNS:
                room = WRAP_COLUMNS - len(current) - 2
                if word.isalpha() and len(word) >= 9 and room >= 4:
                    cut = min(room, len(word) - 4)
                    out.append(current + " " + word[:cut] + "-")
                    current = word[cut:]
                    continue
                out.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        out.append(current)
    return "\n".join(out)


def non_breaking(text: str) -> str:
    """Non-breaking and thin spaces where web pages put them: between a number and its unit."""
    text = re.sub(r"(?<=\d) (?=[A-Za-zµμ×x%])", "\u00a0", text)
    return re.sub(r"(?<=\d) (?=×)|(?<=×) (?=10)", "\u2009", text)


UNICODE_SWAPS = [
    (re.compile(r"μ"), "µ"), (re.compile(r"(?<=\d) ?x ?(?=10)"), " × "), (re.compile(r"(?<=\d)-(?=\d)"), "–"),
    (re.compile(r"(?<=\w)'(?=\w)"), "’"), (re.compile(r"10\^?9/"), "10⁹/"), (re.compile(r"(?<=\d)-(?=year|month|week|day)"), "‐"),
    (re.compile(r"(?<=year)-(?=old)"), "‐"), (re.compile(r"(?<=\d)\.(?=\d)"), "."),
]


def unicode_variants(text: str) -> str:
    for pattern, replacement in UNICODE_SWAPS:
        text = pattern.sub(replacement, text)
    return text


def reference_markers(text: str, templates: dict, name: str) -> str:
    """Citation markers at every third sentence's end: a template such as " [{n}]." or
    ".{n},{m}" replaces the full stop ("fever [1].", "fever.1,2 She ...")."""
    styles = templates.get("reference_markers", [" [{n}].", " [{n},{m}]."])
    count = 0

    def mark(match: re.Match) -> str:
        nonlocal count
        count += 1
        if count % 3:
            return match.group()
        return pick(styles, name, str(count)).format(n=count % 20 + 1, m=count % 20 + 2)

    return re.sub(r"(?<=[a-z)])\.(?=\s+[A-Z])", mark, text)


def flattened(text: str) -> str:
    """The page as a scraper that drops line breaks gives it: every heading, list item and
    paragraph run into the next with one space ("... Abstract Introduction ... Case presentation
    Case 1 A 29-year-old man ...")."""
    return re.sub(r"\s*\n\s*", " ", text).strip()


def glued_headings(templates: dict, name: str, title: str, body: str) -> str:
    """The case heading run into the first sentence, as a PDF's text or a flattened page gives it."""
    glue = pick(templates.get("glue", ["{heading}: ", "{heading} "]), name)
    heading = pick(list(templates["styles"].values()), name, "glue")[0]
    return title + "\n\n" + glue.format(heading=heading) + body.lstrip()


# -- the perturbations ------------------------------------------------------------------------

def perturbations(templates: dict, name: str, title: str | None, body: str) -> dict[str, str]:
    """Perturbation name -> page text for one base report."""
    title = title or templates["title"]
    styles = templates["styles"]
    variants = {
        "furniture": page(templates, name, title, body, None, front=True, back=True, intro=False),
        "intro+discussion": page(templates, name, title, body, pick(list(styles.values()), name, "intro"),
                                 front=False, back=False, intro=True),
    }
    for style, headings in styles.items():
        variants[f"style:{style}"] = page(templates, name, title, body, headings, front=False, back=False, intro=False)
    full_style = pick(list(styles.values()), name, "full")
    variants["full page"] = page(templates, name, title, body, full_style, front=True, back=True, intro=True)
    variants["wrap"] = hard_wrap(title + "\n\n" + body)
    variants["full page wrapped"] = hard_wrap(variants["full page"])
    variants["full page flattened"] = flattened(variants["full page"])
    variants["nbsp"] = non_breaking(title + "\n\n" + body)
    variants["unicode"] = unicode_variants(title + "\n\n" + body)
    variants["reference markers"] = title + "\n\n" + reference_markers(body, templates, name)
    variants["glued heading"] = glued_headings(templates, name, title, body)
    variants.update(layouts(templates, name, title, body))
    return variants


# -- article layouts (template keys of set D and later; sets A-C have none) -------------------

def tail_size(parts: list[str]) -> int:
    """How many closing sentences of a case are its course and outcome: the last one of a short
    case, the last two of a longer one."""
    return 1 if len(parts) < 8 else 2


def outcome_section(body: str, headings: list[str]) -> str:
    """The case under ``headings[:-1]`` and its closing sentences under the last heading (a
    CARE "Follow-up and outcomes" or BMJ "Outcome and follow-up" section of their own)."""
    parts = sentences(body)
    if len(parts) < 3:
        return headings[0] + "\n" + body
    cut = len(parts) - tail_size(parts)
    return split_case(" ".join(parts[:cut]), headings[:-1]) + "\n\n" + headings[-1] + "\n" + " ".join(parts[cut:])


def structured_abstract(templates: dict, name: str, body: str) -> str:
    """A structured abstract whose case part is the case's first and closing sentences."""
    parts = sentences(body)
    summary = parts[0] if len(parts) < 2 else parts[0] + " " + " ".join(parts[len(parts) - tail_size(parts):])
    return pick(templates["abstracts"], name).replace("{case}", summary)


def timeline_table(templates: dict, name: str, rows: list[str]) -> str:
    """Sentences as the rows of a flattened "Timeline" table, each after a time label."""
    table = pick(templates["timelines"], name)
    labels = templates["timeline_labels"]
    lines = [templates["timeline_row"].format(label=labels[index % len(labels)], event=row) for index, row in enumerate(rows)]
    return table.replace("{rows}", "\n".join(lines))


def with_legend(templates: dict, name: str, body: str) -> str:
    """The case interrupted by a figure legend between two of its sentences (a PDF's or a web
    page's text where the figure stands in the middle of the case presentation)."""
    parts = sentences(body)
    if len(parts) < 2:
        return body
    middle = len(parts) // 2
    return " ".join(parts[:middle]) + "\n" + pick(templates["legends"], name) + "\n" + " ".join(parts[middle:])


def running_heads(templates: dict, name: str, text: str) -> str:
    """A PDF's text layer: wrapped lines, and a running head and page number every
    ``running_every`` lines, wherever the page breaks (mid-paragraph, mid-sentence)."""
    lines = hard_wrap(text).split("\n")
    every = int(templates.get("running_every", 30))
    out = []
    for index, line in enumerate(lines):
        if index and index % every == 0:
            page_number = index // every + 1
            heads = pick(templates["running_heads"], name)  # a pair: even and odd pages
            out.append(heads[page_number % 2].format(page=page_number))
        out.append(line)
    return "\n".join(out)


def layouts(templates: dict, name: str, title: str, body: str) -> dict[str, str]:
    """Perturbation name -> page text for the article layouts a template set describes."""
    found = {}
    intro = pick(templates["introduction"], name, "layout")
    discussion = pick(templates["discussion"], name, "layout")
    for style, headings in templates.get("outcome_styles", {}).items():
        found[f"outcome section:{style}"] = title + "\n\n" + outcome_section(body, headings)
    if "abstracts" in templates:
        parts = sentences(body)
        heading = pick(templates["body_case_headings"], name)
        abstract = structured_abstract(templates, name, body)
        found["abstract+body"] = "\n\n".join([title, abstract, intro, heading + "\n" + body, discussion])
        if len(parts) >= 3:
            shortened = " ".join(parts[:len(parts) - tail_size(parts)])
            found["outcome in abstract only"] = "\n\n".join([title, abstract, intro, heading + "\n" + shortened, discussion])
    if "boxes" in templates:
        heading = pick(templates["body_case_headings"], name, "boxes")
        boxes = [pick(templates["boxes"], name, str(index)) for index in range(2)]
        found["boxes"] = "\n\n".join([title, intro, heading + "\n" + body, discussion] + boxes)
    if "timelines" in templates:
        parts = sentences(body)
        if len(parts) >= 3:
            cut = len(parts) - tail_size(parts)
            heading = pick(templates["body_case_headings"], name, "timeline")
            found["timeline"] = "\n\n".join([title, heading + "\n" + " ".join(parts[:cut]),
                                              timeline_table(templates, name, parts[cut:]), discussion])
    if "legends" in templates:
        heading = pick(templates["body_case_headings"], name, "legend")
        found["figure legend"] = "\n\n".join([title, intro, heading + "\n" + with_legend(templates, name, body), discussion])
    if "running_heads" in templates:
        heading = pick(templates["body_case_headings"], name, "pdf")
        found["pdf pages"] = running_heads(templates, name, "\n\n".join([title, intro, heading + "\n" + body, discussion]))
    return found


def two_cases(templates: dict, name: str, first: str, second: str) -> str | None:
    """Two base reports on one page as "Case 1" and "Case 2" (None when the set has no such layout)."""
    if "case_pairs" not in templates:
        return None
    headings = pick(templates["case_pairs"], name)
    opening = pick(templates["two_case_openings"], name)
    return "\n\n".join([templates["two_case_title"], opening, headings[0] + "\n" + first, headings[1] + "\n" + second,
                         pick(templates["discussion"], name, "pair")])


# -- running and comparing --------------------------------------------------------------------

def patient_rows(nlp, name: str, text: str) -> list[dict]:
    from pipeline.extraction import report_cases
    from pipeline.ingest.text import read_text

    rows = []
    for report in read_text(text.encode("utf-8"), Path(name.replace("/", "_"))):
        for case in report_cases(nlp, report):
            row = {}
            for field in FIELDS:
                value = getattr(case, field)
                row[field] = sorted(map(str, value)) if field in LIST_FIELDS else value
            rows.append(row)
    return rows


def differences(base: list[dict], variant: list[dict]) -> dict[str, tuple]:
    """Field -> (base value, variant value) for every field that differs; "patients" when the
    number of patients differs (the extra or missing patients' fields are compared to empty)."""
    found = {}
    if len(base) != len(variant):
        found["patients"] = (len(base), len(variant))
    empty = {field: ([] if field in LIST_FIELDS else None) for field in FIELDS}
    for index in range(max(len(base), len(variant))):
        one = base[index] if index < len(base) else empty
        two = variant[index] if index < len(variant) else empty
        for field in FIELDS:
            if one[field] != two[field] and field not in found:
                found[field] = (one[field], two[field])
    return found


def load_templates(which: str) -> dict:
    named = HERE / "perturb" / f"templates_{which}.toml"
    path = named if named.is_file() else Path(which)
    with path.open("rb") as handle:
        return tomllib.load(handle)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--templates", default="a", help="a, b, c (scripts/perturb/templates_X.toml) or a template file")
    parser.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    parser.add_argument("--maccrobat", type=int, default=40, help="how many MACCROBAT texts (spread over the set)")
    parser.add_argument("--no-dev", dest="dev", action="store_false", help="leave out the dev abstracts")
    parser.add_argument("--only", default="", help="comma-separated perturbation names")
    parser.add_argument("--examples", type=int, default=4, help="differences shown per perturbation")
    parser.add_argument("--json", help="write every difference here")
    parser.add_argument("--dump", help="write the page texts of one base report (name) to stdout and stop")
    args = parser.parse_args(argv)
    templates = load_templates(args.templates)
    bases = base_reports(Path(args.shared), args.maccrobat, args.dev)
    only = {o.strip() for o in args.only.split(",") if o.strip()}
    if args.dump:
        for name, title, body in bases:
            if args.dump in name:
                variants = perturbations(templates, name, title, body)
                position = [b[0] for b in bases].index(name)
                paired = two_cases(templates, name, body, bases[(position + 1) % len(bases)][2])
                if paired:
                    variants["two cases"] = paired
                    variants["two cases flattened"] = flattened(paired)
                for label, text in variants.items():
                    if not only or label in only:
                        print(f"===== {label}\n{text}\n")
                return 0
        return 1

    from pipeline.nlp.build import build_nlp
    nlp = build_nlp()
    pairs = Counter()
    same = Counter()
    field_diff: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list] = defaultdict(list)
    every = []
    base_rows = {}
    for position, (name, title, body) in enumerate(bases):
        base = base_rows.get(name) or patient_rows(nlp, name, (title or templates["title"]) + "\n\n" + body)
        base_rows[name] = base
        variants = {label: (text, base) for label, text in perturbations(templates, name, title, body).items()}
        partner_name, _, partner_body = bases[(position + 1) % len(bases)]
        # two case descriptions only: the dev abstracts carry their own headings and introductions
        plain_cases = name.startswith("maccrobat/") and partner_name.startswith("maccrobat/")
        paired = two_cases(templates, name, body, partner_body) if plain_cases else None
        if paired and len(base) == 1:
            partner = base_rows.get(partner_name) or patient_rows(
                nlp, partner_name, (bases[(position + 1) % len(bases)][1] or templates["title"]) + "\n\n" + partner_body)
            base_rows[partner_name] = partner
            if len(partner) == 1:
                variants["two cases"] = (paired, base + partner)
                variants["two cases flattened"] = (flattened(paired), base + partner)
        for label, (text, expected) in variants.items():
            if only and label not in only:
                continue
            group = label.split(":")[0]
            diff = differences(expected, patient_rows(nlp, name, text))
            pairs[group] += 1
            if not diff:
                same[group] += 1
            for field, (one, two) in diff.items():
                field_diff[group][field] += 1
                field_diff["ALL"][field] += 1
                every.append({"doc": name, "perturbation": label, "field": field, "base": one, "variant": two})
                if len(examples[group]) < args.examples:
                    examples[group].append(f"{name} [{label}] {field}: {one!r} -> {two!r}")
    total = sum(pairs.values())
    print(f"templates {args.templates}: {len(bases)} base reports, {total} (report, perturbation) pairs")
    print(f"{'perturbation':<22} {'pairs':>5} {'same':>6}  fields that differ")
    for group in pairs:
        fields = ", ".join(f"{f} {c}" for f, c in field_diff[group].most_common())
        print(f"{group:<22} {pairs[group]:>5} {same[group] / pairs[group]:>6.3f}  {fields}")
    print(f"{'ALL':<22} {total:>5} {sum(same.values()) / max(total, 1):>6.3f}")
    print("per field (share of pairs with the field identical): " + ", ".join(
        f"{f} {1 - field_diff['ALL'][f] / max(total, 1):.3f}" for f in ("patients", "outcome") + FIELDS[:-1]))
    if args.examples:
        for group, lines in examples.items():
            print(f"-- {group}")
            for line in lines:
                print("   " + line[:300])
    if args.json:
        Path(args.json).write_text(json.dumps(every, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
