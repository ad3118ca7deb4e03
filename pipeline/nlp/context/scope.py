"""How far a ConText cue reaches (NegEx's windows, lists, clauses, treatments given after a
negation, conditions after a finding), and the qualifiers it sets on a finding:
``_.negated``, ``_.hypothetical``, ``_.historical``, and ``_.subject`` for a relative's."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from pipeline import regex_cache

FORWARD_WINDOW = 10  # tokens a forward cue reaches (NegEx uses 5 words; lists need more)
BACKWARD_WINDOW = 6
# A negation reaches further along a list of findings ("no evidence of hydronephrosis, para-aortic
# lymphadenopathy, or liver metastases"; "no other abnormal findings, such as ascites or lung
# metastasis") as long as no word between opens another clause (`list_breaks` and
# `clause_openers` of context.toml).
LIST_WINDOW = 24
TREATMENT_GROUPS = ("drugs", "procedures")


# Verbs that put a patient "on" a drug: "started on warfarin" is the drug's own verb.
ON_VERBS = frozenset({"started", "put", "placed", "kept", "maintained", "continued", "restarted", "switched",
                      "being", "be", "was", "were", "is", "are", "remained", "stayed", "been"})


def _sentence_of(item: Span | Token) -> Span:
    """The sentence of a span or token, or the whole text when the pipeline set no sentences."""
    return item.sent if item.doc.has_annotation("SENT_START") else item.doc[:]


def _closes_a_bracket(between: Span) -> bool:
    """Whether the words between a forward cue and a finding close a bracket they did not open: the
    cue stood inside it."""
    depth = 0
    for token in between:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            if depth == 0:
                return True
            depth -= 1
    return False


# Words that join a predicate of its own to a negated one ("did not receive chemotherapy and died").
COORDINATORS = frozenset({"and", "but", "then"})


# A conjunction that opens a clause of its own, and the subjects such a clause may open on
# ("... could not be performed as the patient passed away", "... because she died").
SUBORDINATORS = frozenset({"as", "because", "since", "when", "until", "before", "after"})
CLAUSE_SUBJECTS = frozenset({"the", "he", "she", "they", "our", "this", "patient"})


def _subordinate_subject(between) -> bool:
    """Whether a conjunction and a subject open another clause between a negation and a status."""
    tokens = list(between)
    return any(a.lower_ in SUBORDINATORS and b.lower_ in CLAUSE_SUBJECTS for a, b in zip(tokens, tokens[1:]))


class CueScope:
    """Sets the qualifiers of one finding from the cues of its sentence, for ``ContextQualifier``."""

    def __init__(self, spec: dict):
        self.clause_openers = frozenset(spec["clause_openers"])
        self.conclusion = regex_cache.compile(spec["conclusion"], re.IGNORECASE) if spec.get("conclusion") else None
        self.given_after_treatment = regex_cache.compile(spec["given_after_treatment"], re.IGNORECASE)
        self.given_in_past = regex_cache.compile(spec["given_in_past"], re.IGNORECASE)
        self.list_breaks = regex_cache.compile(spec["list_breaks"], re.IGNORECASE) \
            if spec.get("list_breaks") else None
        self.modals = regex_cache.compile(spec["modals"], re.IGNORECASE)
        self.negation_glue = regex_cache.compile(spec["negation_glue"], re.IGNORECASE)
        self.patient_nominative = regex_cache.compile(spec["patient_nominative"], re.IGNORECASE)
        self.terminators = regex_cache.compile(spec["terminators"], re.IGNORECASE)
        self.treatment_done = regex_cache.compile(spec["treatment_done"], re.IGNORECASE)
        self.treatment_verbs = regex_cache.compile(spec["treatment_verbs"], re.IGNORECASE)
        self.received_verbs = regex_cache.compile(spec.get("received_verbs", "(?!)"), re.IGNORECASE)
        self.family_attribute_before = regex_cache.compile(spec.get("family_attribute_before", "(?!)"), re.IGNORECASE)
        self.patient_main_verb = regex_cache.compile(spec.get("patient_main_verb", "(?!)"), re.IGNORECASE)
        self.relatives_presented_before = regex_cache.compile(spec.get("relatives_presented_before", "(?!)"),
                                                              re.IGNORECASE)
        self.failed_after_neither = regex_cache.compile(spec.get("failed_after_neither", "(?!)"), re.IGNORECASE)

    def qualify(self, doc: Doc, span: Span, cues: list, group: str = "") -> None:
        flags = {"negated": False, "hypothetical": False, "historical": False, "family": False, "refused": False}
        # a treatment that failed was given: the "not" of "did not respond to", the "no" of "no
        # improvement despite" negate no drug or procedure (NegEx's pseudo-negations)
        failed = [(c[0], c[1]) for c in cues if c[2] == "pseudo"] if group in TREATMENT_GROUPS else []
        # "denied taking any medications other than ibuprofen": the exception is affirmed
        exceptions = [(c[0], c[1]) for c in cues if c[2] == "exception"]
        # a modal inside the authors' phrase that presents their patient ("we would like to report")
        presenting = [(c[0], c[1]) for c in cues if c[2] == "patient"]
        for start, end, category, direction in cues:
            if category not in flags or start < span.end and end > span.start:
                continue
            if category == "hypothetical" and any(s <= start and end <= e and e - s > end - start for s, e in presenting):
                continue
            if failed and category == "negated" and any(s <= start and end <= e for s, e in failed):
                continue
            if category == "negated" and group in TREATMENT_GROUPS and doc[start:end].text.lower() in ("neither", "nor") \
                    and self._failed_after(doc, span):
                continue  # "neither cryoprecipitate nor DDAVP was effective": both were given, and failed
            if category == "negated" and direction == "forward" \
                    and any(end <= s and e <= span.start for s, e in exceptions):
                continue
            if direction == "forward" and end <= span.start and span.start - end < FORWARD_WINDOW:
                between = doc[end:span.start]
            elif direction == "forward" and end <= span.start and span.start - end < LIST_WINDOW \
                    and category in ("negated", "hypothetical") and group not in TREATMENT_GROUPS \
                    and self._a_list(doc[end:span.start]):
                # a list reaches further: "no fever, chills, ... or night sweats", "the differential
                # diagnosis included hepatic tumours (eg, biliary cystadenoma, cystadenocarcinoma and
                # intrahepatic cholangiocarcinoma)"
                between = doc[end:span.start]
            elif direction == "backward" and start >= span.end and start - span.end < BACKWARD_WINDOW:
                between = doc[span.end:start]
            else:
                continue
            if any(self.terminators.match(token.text) for token in between):
                continue
            if direction == "forward" and _closes_a_bracket(between):
                continue  # "stage IA1 (without LVSI) SCC of the cervix": the cue's reach ends with its brackets
            if self._concluded(between):
                continue
            if category == "negated" and direction == "backward" and group == "outcome" \
                    and any(token.lower_ == "and" for token in between):
                continue  # "her symptoms resolved and surgery was not required": a status is a clause of
                # its own, and the negation after "and" is the next clause's
            if category == "negated" and direction == "forward" and group == "outcome" \
                    and (any(t.lower_ in COORDINATORS for t in between) or doc[span.start].lower_ in COORDINATORS
                         or self.treatment_verbs.match(doc[end - 1].text) or self.received_verbs.match(doc[end - 1].text)):
                continue  # "he never regained consciousness and died", "she had no further seizures and made
                # a full recovery": the status is a predicate of its own after "and"; "a man who had not
                # received prophylaxis died of rabies": the negation is of the treatment its cue names
            if category == "negated" and direction == "forward" and group == "outcome" and _subordinate_subject(between):
                continue  # "the work-up could not be performed as the patient passed away": the status is
                # the predicate of a clause of its own, with its own subject
            if category == "negated" and direction == "forward" and group == "outcome" \
                    and len(between) and between[-1].text == ",":
                continue  # "she did not follow up, ultimately dying from complications": the status
                # after the comma opens a clause of its own
            if category == "negated" and direction == "forward" and self._next_clause(between):
                continue
            if category == "negated" and group in TREATMENT_GROUPS and direction == "forward" \
                    and doc[start:end].text.lower() == "without" and self._on_a_treatment(between):
                continue  # "recovered without further complications on anticonvulsants and arginine"
            if category == "negated" and group == "stage" and any(t.text == "(" for t in between[-2:]):
                continue  # "no metastases to the nodes, omentum or peritoneum (stage IC)": the summary
            # a verb of giving after other words gives the treatment to the patient: "he received a
            # kidney from his brother and was started on tacrolimus" (a relative as the subject of
            # the giving is read by _other_persons); "The family refused surgery, and the patient
            # was treated with ciprofloxacin": the refusal is of the surgery
            if category in ("negated", "hypothetical", "family", "refused") and group in TREATMENT_GROUPS \
                    and direction == "forward" \
                    and self._given_after(between):
                continue
            if category == "family" and any(self.patient_nominative.match(t.text) for t in between):
                continue  # "her mother gave her paracetamol", "his father had diabetes and he ..."
            if category == "family" and self._new_person_after_clause(between):
                continue  # "Because of her family history of X, a 41-year-old woman was referred"
            if category == "family" and self._patients_own_clause(doc, start, between):
                continue  # "Our patient with a family history of X was diagnosed with X in 2002"
            if category == "family" and self._relatives_presented(doc, start):
                continue  # "This report concerns a brother and sister ... who developed CLL": the patients
            flags[category] = True
        if not flags["hypothetical"] and self._conditional(doc, span, cues):
            flags["hypothetical"] = True
        # a refusal negates the treatment refused, not what is said next ("and died")
        span._.negated = flags["negated"] or flags["refused"] and group in TREATMENT_GROUPS
        # "She completed the planned six cycles of carboplatin": a plan carried out
        span._.hypothetical = flags["hypothetical"] and not (group in TREATMENT_GROUPS and self._carried_out(span))
        span._.historical = flags["historical"]
        if flags["family"]:
            span._.subject = "family"

    def _failed_after(self, doc: Doc, span: Span) -> bool:
        """True when the rest of the treatment's sentence says that what "neither ... nor" lists
        did not work (``failed_after_neither``: "... were effective", "... proved successful")."""
        sentence = _sentence_of(span)
        return self.failed_after_neither.match(doc.text, span.end_char, sentence.end_char) is not None

    def _conditional(self, doc: Doc, span: Span, cues: list) -> bool:
        """True when a condition follows the finding in its clause ("metronidazole if the
        diarrhoea persists", "rituximab in case of relapse"; `conditional` cues of cues.tsv): a
        plan, unless a verb of giving in the past stands before it in its sentence ("She was
        given paracetamol if febrile") or a comma or conjunction opens another clause between."""
        for start, end, category, _ in cues:
            if category != "conditional" or start < span.end or start - span.end >= BACKWARD_WINDOW:
                continue
            between = doc[span.end:start]
            if any(t.text in (",", ";", ":") or t.lower_ in ("and", "but", "or", "then") for t in between):
                continue
            if any(self.terminators.match(t.text) for t in between):
                continue
            sentence = _sentence_of(span)
            if self.given_in_past.search(doc.text, sentence.start_char, span.start_char):
                continue
            return True
        return False

    def _a_list(self, between: Span) -> bool:
        """True when the words between a negation and a finding are a list of findings: commas
        or "or"/"nor" between them and no word that opens another clause ("was", "she", ...)."""
        if self.list_breaks is None or not any(t.text in (",", "or", "nor") for t in between):
            return False
        if any(self.list_breaks.match(t.text) for t in between):
            return False
        # "..., and a biopsy of the bone showed": "and" before a determiner starts a clause
        return not any(a.lower_ == "and" and b.lower_ in self.clause_openers for a, b in zip(between, between[1:]))

    def _next_clause(self, between) -> bool:
        """True when ", and" / ", but" opens another clause between a negation and a finding:
        a determiner or possessive after it, or a verb before the finding ("no distant
        metastasis, and FIGO stage was IB": the stage is not negated; "no fever, chills, and
        night sweats" stays one list)."""
        if self.list_breaks is None:
            return False
        tokens = list(between)
        for i in range(len(tokens) - 2):
            if tokens[i].text == "," and tokens[i + 1].lower_ in ("and", "but"):
                rest = tokens[i + 2:]
                if rest[0].lower_ in self.clause_openers or any(self.list_breaks.match(t.text) for t in rest):
                    return True
        return False

    def _concluded(self, between) -> bool:
        """True when a comma and a concluding participle stand between a cue and a finding
        ("negative for E-cadherin, indicating gastric metastasis"): the conclusion is another clause."""
        if self.conclusion is None:
            return False
        tokens = list(between)
        return any(tokens[i].text == "," and self.conclusion.match(tokens[i + 1].text) for i in range(len(tokens) - 1))

    def _given_after(self, between: Span) -> bool:
        """Whether a verb of giving stands between a negation and a treatment with other words
        before it: "No complications occurred, and he was discharged on aspirin" (given), not
        "was not given cisplatin" (the verb is what is negated)."""
        for index, token in enumerate(between):
            if self.treatment_verbs.match(token.text):
                before = index - 1  # the word before the verb's auxiliaries: "will (be) started" is a plan
                while before >= 0 and self.negation_glue.match(between[before].text):
                    before -= 1
                if before < 0 or self.modals.match(between[before].text):
                    return False
                return True
        return False

    def _carried_out(self, span: Span) -> bool:
        """Whether the sentence of a treatment says it was carried out ("completed", "tolerated",
        "ceftriaxone was started")."""
        text = span.doc.text
        if self.given_after_treatment.match(text, span.end_char, span.end_char + 120):
            return True
        sentence = _sentence_of(span)
        return any(self.treatment_done.match(token.text) for token in sentence)

    @staticmethod
    def _on_a_treatment(between: Span) -> bool:
        """ "without X on Y": what the patient went without is X; "on" after it opens the treatment
        she was on ("recovered without complications on anticonvulsants and arginine"), unless a
        verb puts her on it ("without being started on warfarin" stays negated)."""
        tokens = list(between)
        return any(t.lower_ == "on" and i > 0 and tokens[i - 1].lower_ not in ON_VERBS for i, t in enumerate(tokens))

    def _patients_own_clause(self, doc: Doc, cue_start: int, between: Span) -> bool:
        """A family history told as the patient's attribute ("a woman with a family history of
        breast cancer"), then the patient's own main verb before the finding ("... was diagnosed
        with breast cancer in 2002"): the finding is the patient's."""
        sentence = _sentence_of(doc[cue_start])
        before = doc.text[sentence.start_char:doc[cue_start].idx]
        return bool(self.family_attribute_before.search(before)) and bool(self.patient_main_verb.search(between.text))

    def _relatives_presented(self, doc: Doc, cue_start: int) -> bool:
        """The family word is the object of the authors' presenting phrase ("We describe two sisters
        with ...", "This report concerns a brother and sister"): the relatives are the report's patients."""
        sentence = _sentence_of(doc[cue_start])
        return bool(self.relatives_presented_before.search(doc.text[sentence.start_char:doc[cue_start].idx]))

    @staticmethod
    def _new_person_after_clause(between: Span) -> bool:
        """A leading clause's family cue ("Because of her family history of breast cancer,") ends
        at its comma: the indefinite article right after it opens the sentence's own subject ("a
        41-year-old woman was referred"), a person the family cue does not describe."""
        words = [t.text for t in between]
        return len(words) >= 2 and words[-2] == "," and words[-1].lower() in ("a", "an")
