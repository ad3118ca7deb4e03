from dataclasses import dataclass


@dataclass(frozen=True)
class Stage:
    """A FIGO stage, e.g. ``Stage("IIA1", figo=True, version="2018")``."""

    stage: str
    figo: bool = False  # the text says FIGO explicitly
    version: str | None = None  # "2009", "2018"... when written
