"""Finds laboratory values and clinical measures and gives each to its analyte ("WBC:
5.93*109/L", "leukocytosis (47,680/µl)", "neutrophils: 58%", "Hb 10.7 g/dL", "SCCA and CA125
had decreased to 1.0 ng/ml and 49.46 U/L, respectively", "a fever of 39.2°C", "a 68*63*58 mm
mass", "45 Gy in 25 fractions").

A value is a number with a unit, found by regex over ``doc.text`` (scispaCy keeps "109/L" or
"30,400/µL" in one token, so token patterns are fragile): a cell count (units.py), another
quantity (quantities.py) or a tumour size (sizes_doses.py, with a radiation dose's total).
Numbers just before it that share its unit ("from 12,000 to 30,000/µL") are values too
(values.py), and a range after or before the patient's value is its reference range
(references.py). Each value goes to the nearest analyte keyword before it in its sentence,
or, in a "respectively" sentence, to the keyword in the same list position (assignment.py);
the keyword's family and the unit's dimension name the analyte
(vocabulary.py, ``models/measures/analytes.tsv``: a NEUT keyword with a count is the neutrophil
count, with a percentage the neutrophil fraction). Temperatures, radiation doses and tumour
sizes are known from their unit alone. Only analytes marked ``emit`` are written out; the
others are known so that their values are not taken for another analyte's. A white-cell count
is also read without a unit ("WBC was 18", unitless.py, its number read by bare_numbers.py),
its table row or column cell by cell (table_values.py; the cells of the layouts flattened
without tabs or borders are found by table_rows.py), and its course after it ("18 → 12 → 9",
courses.py). Whether a value is a patient's result or a threshold, and blood's or another
fluid's, is read by qualifiers.py; the keyword, number and analyte records it passes around
are in matches.py.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.nlp.base import Component, Finding
from pipeline.nlp.measures.assignment import Assigner, words_before
from pipeline.nlp.measures.bare_numbers import BareNumbers
from pipeline.nlp.measures.courses import Courses
from pipeline.nlp.measures.matches import Item, Keyword
from pipeline.nlp.measures.model import Measure
from pipeline.nlp.measures.qualifiers import ValueQualifiers
from pipeline.nlp.measures.quantities import convert, parse_quantity_number, parse_unit, quantity_grammar
from pipeline.nlp.measures.sizes_doses import SizesAndDoses
from pipeline.nlp.measures.table_values import TableValues
from pipeline.nlp.measures.units import grammar, parse_number, to_float, within
from pipeline.nlp.measures.unitless import UnitlessReader
from pipeline.nlp.measures.values import ValueFinder
from pipeline.nlp.measures.vocabulary import Vocabulary
from pipeline.nlp.text import merge_windows

GROUP = "measures"


# The keyword family of the vital signs and fever (models/measures/keywords.tsv), words that name no
# laboratory value: a count after one may go on with the white-cell course before it.
VITAL_SIGNS = "VITAL"


class MeasureMatcher(Component):
    """Puts laboratory values and measures in ``doc.spans["measures"]`` with a
    :class:`Measure` in ``Span._.value``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("caselit_measures")
    >>> doc = nlp("On admission her WBC count was 30,400/µL and rose to 70.37*109/L.")
    >>> [(s.label_, s._.value.value) for s in doc.spans["measures"]]
    [('WBC', 30.4), ('WBC', 70.37)]
    >>> doc = nlp("Hb was 10.7 g/dL, CRP 112 mg/L (normal <5 mg/L) and her temperature 39.2 °C.")
    >>> [(s.label_, s._.value.value, s._.value.unit) for s in doc.spans["measures"] if not s._.value.threshold]
    [('HAEMOGLOBIN', 107.0, 'g/L'), ('CRP', 112.0, 'mg/L'), ('TEMPERATURE', 39.2, '°C')]
    """

    group = GROUP

    def __init__(
        self,
        nlp: Language,
        name: str = "caselit_measures",
        patterns: str = "patterns/measures.toml",
        keywords: str = "measures/keywords.tsv",
        analytes: str = "measures/analytes.tsv",
        unitless: bool = True,
    ):
        super().__init__(nlp, name)
        self.patterns = patterns
        self.analytes_file = analytes  # plausible ranges are read from it too
        tables = grammar(patterns)
        spec = tables["spec"]
        self.count = tables["count"]
        self.quantity = quantity_grammar(patterns)["quantity"]
        self.max_quantity_distance = int(spec.get("max_quantity_distance", 100))
        self.not_body_temperature = regex_cache.compile(spec["not_body_temperature"])
        self.unitless = unitless
        # the parts it calls: where the numbers are, which keyword and analyte they belong to,
        # what a value is (a result or a threshold, blood's or another fluid's), and the readers
        # of courses, bare numbers, table rows and columns, tumour sizes and doses
        self.values = ValueFinder(spec, patterns)
        self.vocabulary = Vocabulary(spec, keywords, analytes, patterns)
        self.assign = Assigner(spec, self.vocabulary, self.count)
        self.qualify = ValueQualifiers(spec)
        self.courses = Courses(spec, patterns, analytes)
        bare = BareNumbers(spec, patterns, analytes)
        table_values = TableValues(spec, patterns, bare, self.qualify)
        self.sizes_doses = SizesAndDoses(spec, patterns, analytes, self.vocabulary, self.assign, self.qualify)
        self.read_unitless = UnitlessReader(spec, patterns, self.vocabulary, self.assign, bare, table_values, self.courses, self.qualify)

    def find(self, doc: Doc, text: str) -> list[Finding]:
        """Counts, other quantities, tumour sizes and unitless counts, each as a
        :class:`Finding` normalised to its analyte's canonical unit."""
        spans, seen = [], set()
        # Keywords are looked for only around values: one scan of the whole text with every
        # analyte's keywords would cost more than the tokenizer.
        for items in self.values.counts(text):
            for item in items:
                self._add(text, item, items[0].start, spans, seen)
        for finding in [f for f in spans if f.label == "WBC" and not f.value.threshold]:
            self.courses.add_continued(text, finding, spans, seen)
        groups = list(self.values.quantities(text))
        # the keywords around all quantities, found in one scan of their merged windows
        reach = self.max_quantity_distance + 50
        near = []
        for items in groups:
            for item in items:
                item.near = self.vocabulary.by_dimension.get(item.unit.dimension) is None and self.vocabulary.may_have_keyword(text, item, reach)
                if item.near:
                    near.append((item.start, item.end))
        keywords = [k for start, end in merge_windows(near, reach, reach, len(text)) for k in self.vocabulary.keywords_in(text, start, end)]
        for items in groups:
            for item in items:
                self._add_quantity(text, item, items[0].start, keywords, spans, seen)
        self.sizes_doses.add_sizes(text, spans, seen)
        if self.unitless:
            for keyword in self.vocabulary.unitless_keywords(text):
                self.read_unitless.add(text, keyword, spans, seen)
        return spans

    def _add(self, text, item: Item, first: int, spans, seen) -> None:
        """Adds a count's number (``item``, of the list starting at ``first``) as the value of the
        analyte its keyword names."""
        if (item.start, item.end) in seen:
            return
        sentence, keywords = self.assign.context(text, item.start)
        keyword, listed = self.assign.assigned(text, item, sentence, keywords)
        inside = self.assign.label_inside(text, item) if not listed else None
        if inside is not None:
            keyword = inside
        # "1,300 /µL WBC, 30,000 /µL platelets": the name written after the unit, unless a name
        # before is followed by this value ("WBC 18,000/mm3 neutrophil predominance")
        label = self.assign.label_after(text, item) if not listed and (keyword is None or not self.vocabulary.value_follows(text, keyword)) else None
        if label is not None:
            keyword = label
        found = self.vocabulary.analyte(keyword.family, None) if keyword else None
        if found is None and keyword is not None and not listed and inside is None and label is None:
            keyword = self._course_goes_on(item, keyword, sentence, spans)
            found = self.vocabulary.analyte(keyword.family, None) if keyword else None
        if found is None or not found[0].emit:
            return
        if keyword and not listed and not self.assign.first_value_after(text, keyword, first):
            # "a leukocyte count of 21,000/mm3, including 16,400/mm3 neutrophils": a second value
            # with another analyte's name right after its unit is that analyte's
            after = self.vocabulary.keyword_after(text, item)
            if after is not None and after.family != keyword.family and not self.vocabulary.value_follows(text, after):
                found = self.vocabulary.analyte(after.family, None)
                if found is None or not found[0].emit:
                    return
                keyword = Keyword(item.start, item.start, after.family)
        analyte = found[0]
        # the white-cell count keeps its own, tested rules; other counts must follow their keyword
        if analyte.name != "wbc" and not listed and not self.assign.first_value_after(text, keyword, first):
            return
        number = parse_number(item.number, item.exponent)
        if number is None:
            return
        value = to_float(number, item.exponent)
        if not within(value, analyte.name, self.analytes_file) or self.qualify.in_other_fluid(text, keyword, item, sentence):
            return
        if self.qualify.in_other_fluid_column(text, item.start):
            return
        end = item.unit_end if item.has_own_unit(self.count, text) else item.end
        comparator, threshold = self.qualify.qualifiers(text, keyword, item, sentence)
        measure = Measure(analyte.label, value, analyte.unit, text[item.start : end], threshold or item.reference, comparator)
        seen.add((item.start, item.end))
        spans.append(Finding(item.start, end, analyte.label, measure))

    @staticmethod
    def _course_goes_on(item: Item, keyword: Keyword, sentence: tuple[int, int], spans: list[Finding]) -> Keyword | None:
        """The white-cell count a count goes on with when the word nearest before it names no count
        ("leukocytosis (19,120/µL) without fever, which worsened 3 weeks later (36,160/µL)": a
        symptom or vital sign takes no cells per volume): the last count found before that word in the
        sentence, when it is the white cells', else None. Only the words of vital signs are passed over."""
        if keyword.family != VITAL_SIGNS:
            return None  # a laboratory name of no count ("CD4 count of 567 cells/mm3") names its own value
        before = [f for f in spans if sentence[0] <= f.start and f.end <= keyword.start]
        if before and before[-1].label == "WBC" and not before[-1].value.threshold:
            return Keyword(item.start, item.start, "WBC")
        return None

    def _add_quantity(self, text, item: Item, first: int, near: list[Keyword], spans, seen) -> None:
        """A quantity's number as the value of the analyte its unit names (temperature, dose) or
        of a keyword among ``near``, in the analyte's canonical unit."""
        if (item.start, item.end) in seen:
            return
        analyte = self.vocabulary.by_dimension.get(item.unit.dimension)
        if analyte is not None:
            # known from the unit: the qualifiers read the words just before the value
            sentence = self.assign.sentence(text, item.start)
            keyword = words_before(text, sentence, item.start)
            read = item.unit
        elif not item.near:
            return
        else:
            sentence = self.assign.sentence(text, item.start)
            reach = self.max_quantity_distance + 50
            low, high = max(sentence[0], item.start - reach), min(sentence[1], item.start + reach)
            keywords = [k for k in near if low <= k.start and k.end <= high]
            keyword = self.vocabulary.keyword_after(text, item) if item.unit.dimension == "percent" else None
            if keyword is None:
                keyword, listed = self.assign.assigned(text, item, sentence, keywords)
                if keyword is None or item.start - keyword.end > self.max_quantity_distance:
                    return
                # a reference range in brackets belongs to the value just before it
                if not listed and not item.reference and not self.assign.first_value_after(text, keyword, first):
                    return
            found = self.vocabulary.analyte(keyword.family, item.unit)
            if found is None:
                return
            analyte, read = found
            if keyword.start > item.start:  # "80% polymorphs": qualifiers read the words before
                keyword = Keyword(item.start, item.start, keyword.family)
            if self.qualify.in_other_fluid(text, keyword, item, sentence):
                return
        if not analyte.emit:
            return
        number = parse_quantity_number(item.number)
        target = parse_unit(analyte.unit, self.patterns)
        value = convert(number, read, target) if number is not None and target is not None else None
        if value is None:
            return
        fractions = None
        if analyte.dimension == "dose":
            dose = self.sizes_doses.dose(text, item, value)
            if dose is None:
                return
            value, fractions = dose
        elif analyte.dimension == "temperature" and self.not_body_temperature.search(text, max(sentence[0], item.start - 80), item.start):
            return
        value = float(value)
        if not within(value, analyte.name, self.analytes_file):
            return
        end = item.unit_end if item.has_own_unit(self.quantity, text) else item.end
        comparator, threshold = self.qualify.qualifiers(text, keyword, item, sentence)
        measure = Measure(analyte.label, value, analyte.unit, text[item.start : end], threshold or item.reference, comparator, fractions=fractions)
        seen.add((item.start, item.end))
        spans.append(Finding(item.start, end, analyte.label, measure))
