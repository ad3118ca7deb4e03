from dataclasses import dataclass


@dataclass(frozen=True)
class DateValue:
    """A calendar date, e.g. ``DateValue("2012-04-18", "day", "April 18, 2012")``.

    ``iso`` carries the precision written ("2012-04-18", "1993-10", "2019"); ``precision`` is
    "day", "month" or "year". ``inferred_year`` marks a date written without its year ("in
    June") that took the year of the nearest full date before it. ``metadata`` marks
    publication metadata (received, accepted, published dates, citations, reference lists).
    """

    iso: str
    precision: str
    written: str
    inferred_year: bool = False
    metadata: bool = False

    def norm(self) -> str:
        """The value of the table's ``dates`` field: the ISO date with the precision written.

        >>> DateValue("1993-10", "month", "late October 1993").norm()
        '1993-10'
        """
        return self.iso
