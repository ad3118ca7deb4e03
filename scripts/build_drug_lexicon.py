"""Builds models/drugs/generated.tsv from the drug-named-entity-recognition package.

The package (MIT licence, Fast Data Science) ships a dictionary of drug names and synonyms
derived from DrugBank, MeSH, MedlinePlus, the NHS website and Wikipedia. It is a broad but
noisy base: MeSH brings protein and drug-class headings, Wikipedia brings template pages,
DrugBank brings elements, nutrients and lab analytes (oxygen, water, glucose, creatinine).
This script keeps the drug entries, maps each written name to lowercase INN generics and
writes one ``written<TAB>generics`` row per name (generics joined by ``|``).

Our curated files in models/drugs/ shape the output:
- inn.tsv: other names of a generic (US adopted names, old names) -> INN, applied to the
  package's canonical names, so "acetaminophen" entries come out as "paracetamol";
- not_drugs.tsv: names that are not drugs (classes, analytes, contrast agents, English
  words); rows whose name or generic is listed are dropped.
curated.tsv (brands, combinations, abbreviations, regimens) is read at run time on top of
the generated file and needs no rebuild.

Run after changing inn.tsv or not_drugs.tsv, or when the package is upgraded:
    .venv/bin/python scripts/build_drug_lexicon.py
The runtime never imports the package (loading it takes seconds).
"""
from __future__ import annotations

import bz2
import importlib.metadata
import pickle
import re
from pathlib import Path

import drug_named_entity_recognition
from drug_named_entity_recognition.util import stopwords as package_stopwords
from spacy.lang.en.stop_words import STOP_WORDS

MODELS = Path(__file__).resolve().parents[1] / "models" / "drugs"
OUTPUT = MODELS / "generated.tsv"

# Entries backed by a drug source; MeSH-only entries are mostly proteins, genes and classes.
DRUG_SOURCES = {"drugbank_id", "medline_plus_id", "nhs_url", "wikipedia_url"}
NOISE = re.compile(
    r"template|infobox|wikipedia|^list of|^category:|unspecified|\bvaccine|\bpollen\b|\bextract\b|allergen|"
    # microorganisms (probiotics here, pathogens in case reports), cell and blood products, plant parts
    r"lactobac|bifidobac|bacillus|clostridium|streptococcus|staphylococcus|escherichia|enterococcus|"
    r"propionibacterium|mycobacterium|saccharomyces|\bcells?\b|\bstem\b|\bplasma\b|\bblood\b|therapy|"
    r"\b(?:root|leaf|leaves|seed|fruit|bark|flower|whole|juice|dander|hair|feather|venom|rhizome|peel|kernel)\b"
)
# Trailing salt and ester words: "doxorubicin hydrochloride" is doxorubicin, as the contract
# records generics without the salt ("medroxyprogesterone", not "medroxyprogesterone acetate").
SALTS = re.compile(
    r"\s+(?:hydrochloride|hcl|dihydrochloride|sodium|disodium|potassium|calcium|magnesium|sulfate|sulphate|"
    r"mesylate|mesilate|maleate|citrate|tartrate|bitartrate|acetate|phosphate|besylate|besilate|fumarate|"
    r"succinate|hyclate|bromide|chloride|lactate|gluconate|hydrobromide|monohydrate|dihydrate|trihydrate|"
    r"anhydrous|dipropionate|propionate|valerate|palmitate|pamoate|tosylate|malate|embonate|nitrate|"
    r"hemihydrate|free base|base)$"
)
# Dosage forms: "clonidine patch" and "isotretinoin capsules" are clonidine and isotretinoin.
FORMS = re.compile(
    r"\s+(?:(?:nasal|sublingual|buccal|topical|oral|transdermal|ophthalmic|vaginal|rectal|extended-release|"
    r"delayed-release|controlled-release)\s+)?(?:patch|cream|ointment|gel|spray|capsules?|tablets?|solution|"
    r"injection|powder|lotion|drops|suppositor(?:y|ies)|film|inhaler|system|otic)$"
)
COMBINATION = re.compile(r",\s*and\s+|\s+and\s+|,\s+|\s*/\s*|\s+with\s+|\s*\+\s*")
PARENTHETICAL = re.compile(r"\s+\([^()]*\)")
# A clean name: letters, digits, spaces and the punctuation of drug names; no wiki markup,
# no IUPAC names with commas or brackets.
CLEAN = re.compile(r"[^\W_][\w\-'.+/() ]*")
# "potassium chloride" is a drug in its own right, not a salt of potassium.
MINERALS = {"sodium", "potassium", "calcium", "magnesium", "iron", "zinc", "lithium", "aluminium", "aluminum", "copper", "ammonium", "barium", "silver"}
MIN_LENGTH = 6  # shorter package names are mostly foreign brands and codes ("modus", "il-2")
MAX_LENGTH = 50
MAX_WORDS = 4


def first_word(name: str) -> str:
    return re.split(r"[\s\-/(]", name, maxsplit=1)[0]


def read_tsv(name: str) -> list[dict[str, str]]:
    lines = [line for line in (MODELS / name).read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, (cell.strip() for cell in line.split("\t")))) for line in lines[1:]]


def main() -> None:
    package_dir = Path(drug_named_entity_recognition.__file__).parent
    with bz2.open(package_dir / "drug_ner_dictionary.pkl.bz2", "rb") as handle:
        data = pickle.load(handle)
    variant_to_canonical = data["drug_variant_to_canonical"]
    canonical_data = data["drug_canonical_to_data"]

    inn = {row["written"].lower(): tuple(row["generics"].split("|")) for row in read_tsv("inn.tsv")}
    not_drugs = {row["written"].lower() for row in read_tsv("not_drugs.tsv")}
    # The package's own stop list (firms, countries, English words) and spaCy's; a name that
    # is such a word, or starts with one ("medical air", "common sage oil"), is dropped.
    english = {w.lower() for w in package_stopwords} | set(STOP_WORDS) | {
        "medical", "common", "normal", "basic", "free", "protein", "skin", "children", "contact", "cancer",
        "long", "first", "two", "oral", "influenza", "open", "conserved", "human", "natural", "red",
        "blue", "green", "white", "black", "yellow", "oil", "water", "salt", "sugar", "extract",
    }

    kept = {
        name
        for name, info in canonical_data.items()
        if DRUG_SOURCES & set(info) and not NOISE.search(name) and name not in not_drugs
    }

    def base_name(name: str) -> str:
        name = PARENTHETICAL.sub("", name).strip()
        while True:
            stripped = FORMS.sub("", SALTS.sub("", name))
            if stripped == name or stripped in MINERALS or not (stripped in kept or stripped in inn):
                return name
            name = stripped
        return name

    def generics(canonical: str) -> tuple[str, ...] | None:
        name = base_name(canonical)
        parts = [base_name(p) for p in COMBINATION.split(name) if p]
        # A combination is split only when every part is itself a known drug; otherwise the
        # separator is part of one name ("sodium phosphate, dibasic").
        if len(parts) > 1 and all(p in kept or p in inn for p in parts):
            names = parts
        else:
            names = [name]
        out: list[str] = []
        for part in names:
            for generic in inn.get(part, (part,)):
                if generic in not_drugs:
                    return None
                if generic not in out:
                    out.append(generic)
        return tuple(out)

    rows: dict[str, tuple[str, ...]] = {}
    for variant, canonicals in variant_to_canonical.items():
        canonical = canonicals[0]
        if canonical not in kept:
            continue
        written = " ".join(variant.lower().split())
        if (
            len(written) < MIN_LENGTH and written != canonical
            or len(written) > MAX_LENGTH
            or len(written.split()) > MAX_WORDS
            or written in not_drugs
            or written in english
            or NOISE.search(written)
            or ", " in written  # inverted index forms ("hydrochloride, prazosin")
            or not re.search(r"[a-z]{3}", written)
            or re.search(r"\d", written) and len(written) <= MIN_LENGTH
            or not CLEAN.fullmatch(written)
            or first_word(written) in english
            or not re.match(r"[a-z][a-z]", first_word(written))  # "2-...", "s-adenosyl...": chemical names
        ):
            continue
        target = generics(canonical)
        if not target or not all(CLEAN.fullmatch(g) and len(g) <= MAX_LENGTH for g in target):
            continue
        # The package files some chemical synonyms of one component under a combination
        # ("19-norethisterone" under elagolix/estradiol/norethindrone): keep combination names only
        # when they read as a brand or name the parts.
        if len(target) > 1 and re.search(r"\d", written):
            continue
        rows[written] = target
    for written, target in inn.items():  # the other names themselves
        rows.setdefault(written, target)

    version = importlib.metadata.version("drug-named-entity-recognition")
    header = [
        f"# Drug names -> lowercase INN generics, generated by scripts/build_drug_lexicon.py from the",
        f"# drug-named-entity-recognition package {version} (MIT licence, Fast Data Science Ltd;",
        "# its dictionary is derived from DrugBank, MeSH, MedlinePlus, NHS and Wikipedia drug pages).",
        "# Filtered: drug sources only, no names shorter than 6 characters unless generic, no names",
        "# listed in not_drugs.tsv; US and old names mapped through inn.tsv. Do not edit by hand:",
        "# change inn.tsv / not_drugs.tsv / the script and rebuild; curated.tsv takes precedence.",
        "written\tgenerics",
    ]
    body = [f"{w}\t{'|'.join(g)}" for w, g in sorted(rows.items())]
    OUTPUT.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"{len(body)} names, {len({g for t in rows.values() for g in t})} generics -> {OUTPUT}")


if __name__ == "__main__":
    main()
