from dataclasses import dataclass

CATEGORIES = (
    "complete remission",
    "partial response",
    "stable disease",
    "progressive disease",
    "no evidence of disease",
    "alive with disease",
    "died",
    "recovered",
)


@dataclass(frozen=True)
class Outcome:
    """A statement of the patient's status, e.g. ``Outcome("died", "passed away")``.

    ``category`` is one of :data:`CATEGORIES` (the outcome values of the output contract).
    """

    category: str
    written: str
    # the sentence says the status is the latest one ("at the last follow-up", "currently",
    # "to date", "at the 6-month follow-up", "remains")
    last_follow_up: bool = False
    # the nearest subject before the phrase is a group ("78% of the patients died"): usually
    # background or other patients; kept so that the case assembly can decide
    subject_plural: bool = False
    # the nearest subject is the report's own patients as a group ("both patients recovered",
    # "the two children were discharged"): in a multi-patient report, every patient's status
    subject_reported_group: bool = False
    # that group named by the patients' numbers ("cases 1 and 3 recovered", "patients 2-4 died"):
    # the status of those rows only
    cases: tuple[int, ...] = ()
    # the rest of the reported patients after some named by number ("case 2 passed away, while the
    # other cases recovered"): the status of every row but those
    but_cases: tuple[int, ...] = ()
    # the nearest subject is another person than the patient: a relative, a donor, the fetus
    # ("her brother died in an accident")
    subject_other_person: bool = False
    # the nearest subject is a newborn ("the baby died on day 2"): the patient of a newborn's
    # report, another person in a report of the mother
    subject_newborn: bool = False
    # the other person named is "the mother" ("the mother made a good recovery"), not "her
    # mother": the patient herself in a report of a pregnant woman
    subject_mother: bool = False
    # a later sentence tells a new admission of the patient ("she was readmitted", "he returned
    # to the emergency department", "at the current admission"): a recovery told before it is
    # an earlier episode's, not the status at the end of the report
    readmitted_after: bool = False
    # the phrase stands in a summary table's row of a numbered patient ("2<TAB>51<TAB>M<TAB>Died"):
    # ``cases`` holds that number; in a report of one patient the number is a published case's
    table_row: bool = False
    # the phrase only says the patient is alive ("she is still alive 18 months after diagnosis",
    # [survival] of models/outcome/outcome.toml): ``category`` is "alive with disease", which the
    # case assembly keeps only for a cancer case with metastases or a recurrence and no other status
    bare_survival: bool = False

    def norm(self) -> str:
        """The value of the table's ``outcome`` field: the category.

        >>> Outcome("died", "passed away").norm()
        'died'
        """
        return self.category
