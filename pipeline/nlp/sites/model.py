from dataclasses import dataclass

# The site-list name of a region outside the annotation contract's list.
OTHER = "other"
# The lexicon's site of a local recurrence that names no organ ("a local recurrence was
# observed"): case assembly puts the case's primary site there.
LOCAL = "local"


@dataclass(frozen=True)
class Site:
    """An anatomical site and what it is for the cancer, e.g.
    ``Site("liver", role="metastasis", written="hepatic", cue="metastases to")``.

    ``site`` is a name of the annotation contract's site list ("other" for organs outside it);
    ``role`` is "primary", "metastasis", "recurrence", "involvement" or "mention"; ``cue`` is the
    text that gave the role (None for a plain mention).
    """

    site: str
    role: str
    written: str
    cue: str | None = None

    def norm(self) -> str:
        """The normalised value: the site name of the annotation contract's list.

        >>> Site("liver", role="metastasis", written="hepatic", cue="metastases to").norm()
        'liver'
        """
        return self.site
