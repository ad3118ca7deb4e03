from dataclasses import dataclass


@dataclass(frozen=True)
class Drug:
    """A drug mention, e.g. ``Drug(("piperacillin", "tazobactam"), "piperacillin-tazobactam")``.

    ``generics`` are lowercase INN names (a combination or regimen gives all its components);
    ``written`` is the name as the text writes it; ``fuzzy`` marks a misspelling matched by
    edit distance; ``dose`` and ``route`` are filled when written right next to the name.
    """

    generics: tuple[str, ...]
    written: str
    fuzzy: bool = False
    dose: str | None = None
    route: str | None = None
