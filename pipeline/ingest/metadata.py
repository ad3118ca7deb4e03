"""Bibliographic details found in a report's plain text: title, DOI, PMID, PMCID.

Scraped pages start with navigation ("Skip to main content"), journal headers ("Vol. 51 ›
Issue 6"), author and affiliation lines, or are a single long line ("Title - PubMed - NCBI
Warning: ..."), so the title is the first line that survives a few junk tests, and none when
the text opens straight into the body.
"""
from __future__ import annotations

import re

# DOI syntax (Crossref's recommended pattern): 10.<registrant>/<suffix without spaces>;
# ASCII only, so that a DOI run into CJK text ("...0591。摘要") ends where the DOI does.
_DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"'<>\[\]{}\x80-\U0010ffff]+")
_DOI_LABEL = re.compile(r"(?:\bdoi\b\s*[:.]?\s*\[?|doi\.org/)$", re.IGNORECASE)
_PMID = re.compile(r"\b(?:PMID|PubMed\s*ID)\s*[:#]?\s*(\d{1,9})\b", re.IGNORECASE)
_PMCID = re.compile(r"\bPMC\s?(\d{4,9})\b")
_PMCID_LABELLED = re.compile(r"\bPMCID\s*:?\s*PMC\s?(\d{4,9})\b", re.IGNORECASE)


def find_doi(text: str) -> str | None:
    """The article's DOI: the first one labelled "doi:"/doi.org, else the first one written.

    >>> find_doi("Gut. 1995;36:303. doi: 10.1136/gut.36.2.303. [PubMed]")
    '10.1136/gut.36.2.303'
    >>> find_doi("Lancet. https://doi.org/10.1016/S0140-6736(20)30183-5).")
    '10.1016/S0140-6736(20)30183-5'
    """
    first = None
    for match in _DOI.finditer(text):
        doi = _trim_doi(match.group())
        if "/" not in doi or doi.endswith("/"):
            continue
        if _DOI_LABEL.search(text[max(0, match.start() - 12) : match.start()]):
            return doi
        first = first or doi
    return first


def _trim_doi(doi: str) -> str:
    # Sentence punctuation after a DOI is not part of it; a closing bracket is, when the
    # DOI opened it, as in 10.1016/S0140-6736(20)30183-5.
    while doi and doi[-1] in ".,;:)]}>'\"":
        if doi[-1] == ")" and doi.count("(") >= doi.count(")"):
            break
        doi = doi[:-1]
    return doi


def find_pmid(text: str) -> str | None:
    """The first labelled PubMed ID ("PMID: 12345678")."""
    match = _PMID.search(text)
    return match.group(1) if match else None


def find_pmcid(text: str) -> str | None:
    """The PubMed Central ID, "PMC" + digits: labelled "PMCID:" first, else the first one."""
    match = _PMCID_LABELLED.search(text) or _PMCID.search(text)
    return f"PMC{match.group(1)}" if match else None


# --- title -----------------------------------------------------------------------------

# Lines that are never a title: site chrome, journal headers, dates, licences, contacts.
_JUNK = re.compile(
    r"skip to |main content|javascript|\bcookies?\b|sign in|\blog ?in\b|\bmenu\b|\bsearch\b"
    r"|previous articles?|next articles?|view affiliations|full text|pdf\b|download"
    r"|\bvol(?:ume)?\b\.?\s*\d|\bissue\b|\bdoi\b|https?://|www\.|@|©|copyright|issn"
    r"|\b(?:received|accepted|published|revised)\b(?:\s*(?:date|online|on)\b)?\s*[:\d]"
    r"|citation:|correspondence|corresponding|e-?mail"
    r"|open access|research output|article number|\bpages?\s*:"
    r"|\blogo|\blink to\b|\bpm(?:c)?id\s*:"  # a journal's logo link, PubMed's identifier line
    r"|\b(?:19|20)\d{2}\s+[a-z]{3,9}(?:\s+\d{1,2})?\s*;\s*\d"  # a citation line: "Urol Case Rep. 2017 May; 12: 78"
    r"|\b(?:19|20)\d{2}\b[^\n;]{0,20};\s*\d+\s*\(\s*[\w-]+\s*\)\s*:\s*\d",  # "2011; 119(4): 208", "1999 Apr-Jun;18(2):80"
    re.IGNORECASE,
)
# Headings of the article body: the title comes before them, never after.
_SECTION = re.compile(
    r"(?:abstract|background|introduction|summary|objectives?|aims?|methods?|results?"
    r"|keywords?|key words|case presentation|case description|discussion|conclusions?"
    r"|references)\b\W*(?:and \w+\W*)?",
    re.IGNORECASE,
)
# Article-type labels and page furniture that may stand above the title ("Main Article Content": Open
# Journal Systems' pages).
_LABEL = re.compile(
    r"(?:case(?: reports?)?|clinical case|original(?: article)?|research(?: article)?"
    r"|review(?: article)?|letters?(?: to the editor)?|editorial|brief report|short communication"
    r"|articles?|article text|main article content|authors?|affiliations?|full text|provisionally accepted)\W*",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"\s(?:›|»|>|/|\|)\s")
_AFFILIATION = re.compile(
    r"\b(?:department|university|hospital|institute|faculty|school of|college|clinic|centre"
    r"|center)\b",
    re.IGNORECASE,
)
# A single scraped line holds the title up to the site name or the page chrome after it.
_SCRAPED_END = re.compile(
    r"\s+(?:-\s+PubMed\b|\|\s|Warning:|-\s+NCBI\b)|\s{2,}", re.IGNORECASE
)
# A Vancouver-style author list glued to a title: "... literature Priya R, Virmani N, ..."
_TRAILING_AUTHORS = re.compile(
    r"(?:\s+[A-Z][\w'’-]+\s[A-Z]{1,3},)+(?:\s+[A-Z][\w'’-]+\s[A-Z]{1,3}\b)?.*$"
)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_LONG_LINE = 400  # longer than any title: a scraped page flattened to one line, or body text
_LINES_TO_SCAN = 40


def guess_title(text: str) -> str | None:
    """The first line that looks like an article title, or None. A later line of the page's head
    that names the article's type the way a case report's title ends ("...: a case report and
    literature review", "Report of two cases") is the title rather than a navigation item above it
    ("Journals & Books").

    >>> guess_title("Skip to main content\\n\\nLeukaemoid reaction in cancer\\n\\nAbstract")
    'Leukaemoid reaction in cancer'
    >>> guess_title("Journals & Books\\nCutaneous metastasis of cervical cancer: a case report\\nAbstract")
    'Cutaneous metastasis of cervical cancer: a case report'
    >>> guess_title("Abstract\\nA 51-year-old woman presented with a breast lump. She had a fever.")
    """
    candidates = _title_lines(text)
    named = next((line for line in candidates if _TYPE_ENDING.search(line)), None)
    return _tidy(named or candidates[0]) if candidates else None


# How a case report's title names its type at its end, after a colon, a dash or a full stop
# (": a case report", "- case report and review of the literature", ". Report of a case") or
# with "and"/"with" ("... and literature review"); a journal's name ("Journal of Medical Case
# Reports", "BMJ Case Reports") has no such separator.
_TYPE_ENDING = re.compile(
    r"(?:[:.\-–—]\s*(?:an?\s+)?(?:case\s+reports?|case\s+series|(?:a\s+)?report\s+of\s+(?:a|an|one|two|three|four|five|\d+)"
    r"\s+(?:\w+\s+)?cases?)|\b(?:and|with)\s+(?:an?\s+)?(?:review\s+of\s+(?:the\s+)?literature|literature\s+review))\W*$",
    re.IGNORECASE,
)


def _title_lines(text: str) -> list[str]:
    """The lines of the page's head that may be its title, in order, up to the first line of the
    body; a page scraped to one line gives its <title> alone."""
    found: list[str] = []
    scanned = 0
    for raw in _lines(text):
        line = raw.strip(" \t•·*#-–—")  # bullets, Markdown heading marks and bold
        if not line:
            continue
        scanned += 1
        if scanned > _LINES_TO_SCAN:
            break
        if len(line) > _LONG_LINE:
            if scanned == 1:  # a page scraped to one line starts with its <title>
                scraped = _scraped_title(line)
                return [scraped] if scraped else []
            return found
        if _SECTION.fullmatch(line):
            return found
        if _LABEL.fullmatch(line) or _JUNK.search(line) or _BREADCRUMB.search(line):
            continue
        if _is_body(line):
            return found
        if (_AFFILIATION.search(line) and "," in line) or _is_author_line(line):
            continue
        if _looks_like_title(line):
            found.append(line)
    return found


def _lines(text: str):
    """The lines of ``text`` one by one: only the first few are needed, and splitting a dump of
    millions of lines builds them all."""
    start = 0
    while True:
        end = text.find("\n", start)
        if end == -1:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


def _scraped_title(line: str) -> str | None:
    head = _SCRAPED_END.split(line, maxsplit=1)[0]
    head = _TRAILING_AUTHORS.sub("", head).strip()
    if head.startswith("[") and "]" in head:  # PubMed's translated titles: "[Title]."
        head = head[1:].replace("]", "", 1)
    if _is_body(head) or not _looks_like_title(head):
        return None
    return _tidy(head)


_PARTICLES = {"de", "van", "von", "da", "di", "der", "el", "la", "le", "dos", "du"}


def _is_author_line(line: str) -> bool:
    """'Yu Liu, Xiaoting Zhou, Hongling Peng' or 'Mingwei Yang1*, Lin Yang1': names only."""
    if re.search(r"\bet al\b", line):
        return True
    parts = [p.strip() for p in re.split(r",|;|\band\b|&", line) if p.strip()]
    if len(parts) < 2:
        return False
    named = 0
    for part in parts:
        words = re.sub(r"[\d*†‡§()]+", " ", part).split()
        if 1 <= len(words) <= 4 and all(w[0].isupper() or w in _PARTICLES for w in words):
            named += len(words) >= 2 or bool(re.search(r"\d|\*", part))
    return named >= max(2, 0.8 * len(parts))


def _is_body(line: str) -> bool:
    """Running text: a long line with a sentence break, or several full sentences."""
    # Titles may hold one full stop ("Orbital cellulitis. A case report") but stay short.
    return len(line) > 100 and _SENTENCE_BREAK.search(line) is not None


def _looks_like_title(line: str) -> bool:
    if len(line) < 8 or not re.search(r"[^\W\d_]", line):
        return False
    return len(line.split()) >= 2 or bool(_CJK.search(line))


def _tidy(title: str) -> str:
    title = " ".join(title.split())
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1]
    return title.strip() or None


# An article's own identifiers are in its header (or a page's): scanning a dump of many
# megabytes for them costs seconds and finds the references' identifiers.
IDENTIFIER_SCAN = 100_000


def text_metadata(text: str) -> dict[str, str | None]:
    """Report fields found in plain text: title, doi, pmid, pmcid (None when absent)."""
    head = text[:IDENTIFIER_SCAN]
    return {
        "title": guess_title(text),
        "doi": find_doi(head),
        "pmid": find_pmid(head),
        "pmcid": find_pmcid(head),
    }
