"""Decoded text normalised the same way whatever the format it was read from.

Normalisation folds compatibility characters (NFKC: fullwidth "６１．４", ligatures, "Ⅲ", "㎎")
except those whose folding changes a value (superscripts in "10⁹/L", "½", "µ", "™", "º"), and
removes layout noise: CR/LF variants, odd spaces, zero-width characters. Mojibake (UTF-8 decoded
twice upstream) is undone line by line.
"""
from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import is_bad

_NEWLINES = re.compile(r"[\u2028\u2029\x85]")  # CR and CRLF are replaced first: faster
# NBSP, narrow NBSP, figure/thin/en/em spaces, ideographic space... -> an ordinary space.
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Zero-width characters and soft hyphens split words invisibly in scraped text.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
# Control characters other than tab and newline; form feeds end a page, so become newlines.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Compatibility characters NFKC must leave alone: super/subscripts ("10⁹/L" is not "109/L"),
# vulgar fractions ("1½" is not "11⁄2"), the micro sign, ™/℠ ("Taxol™" is not "TaxolTM"), and
# the ordinal indicators often typed as a degree sign ("38.5ºC").
_KEEP_UNFOLDED = re.compile(r"[\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be\u2070-\u209f"
                            r"\u2122\u2120\u2150-\u215f\u2189]")

_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a]")
# Hyphens typeset as Unicode (NFKC keeps U+2010, makes U+2011 U+2010) are the ASCII hyphen
# the tokenizer and the patterns know ("post‑operative", "G‑CSF").
_HYPHENS = {"\u2010": "-", "\u2011": "-"}


def fold_compatibility(text: str) -> str:
    """NFKC, except for the characters whose folding changes what a value means.

    >>> fold_compatibility("ＷＢＣ ６１．４×10⁹／L, stage ⅢC1, 1½ years, ﬁbrosis")
    'WBC 61.4×10⁹/L, stage IIIC1, 1½ years, fibrosis'
    """
    if text.isascii():
        return text
    folds = {}
    for char in set(text):
        if char > "\x9f" and not _KEEP_UNFOLDED.match(char):
            folded = unicodedata.normalize("NFKC", char)
            folded = _HYPHENS.get(folded, folded)
            if folded != char:
                folds[char] = folded
    if len(folds) <= 16:  # str.replace is C-fast and holds two copies at most
        for char, folded in folds.items():
            text = text.replace(char, folded)
    else:  # one regex pass: str.translate with a dict is slow on long texts
        text = re.compile(f"[{''.join(map(re.escape, folds))}]").sub(lambda m: folds[m.group()], text)
    # Canonical composition ("e" + combining acute -> "é") only where combining marks are.
    return unicodedata.normalize("NFC", text) if _COMBINING.search(text) else text


# A middle dot between digits is a decimal point, The Lancet's house style ("11·5 × 10⁹/L", "aged
# 2·5 years", "0·5 mg/kg"), not a product: the patterns read "."; one character for one, so offsets
# hold. "3·10⁹/L" (a dot before a power of ten) stays a product.
_DECIMAL_DOT = re.compile(r"(?<=\d)\u00b7(?=\d)(?!10\s*(?:[\u2070-\u2079\u00b9\u00b2\u00b3^]|\*\*|[eE]\d))")
MAX_RUN = 20
_LONG_RUN = re.compile(r"([^\w\s])\1{%d,}" % MAX_RUN)
# Texts are normalised a block of lines at a time: each pass copies the text and a regex with
# many matches builds a string per match, so a whole 20 MB text would briefly take ten times its
# size. Every step below is confined to a line (blocks end after a \n, so "\r\n" stays whole)
# or, on a line, to a word (a block may end with a space before a letter or digit, which no
# step changes); trailing spaces are removed from the lines a block ends, not from its last line.
BLOCK_CHARACTERS = 1 << 20
_WORD_START = re.compile(r" (?=[A-Za-z0-9])")


def normalize_text(text: str) -> str:
    """Newlines to \\n, odd spaces to spaces, invisible and control characters removed,
    compatibility characters folded where that keeps values intact (``fold_compatibility``).

    >>> normalize_text("WBC\\u00a010⁹/L\\r\\nleuko\\u00adcytosis\\x0c")
    'WBC 10⁹/L\\nleukocytosis'
    >>> normalize_text("WBC 11·5 × 10⁹/L; 3·10⁹/L")
    'WBC 11.5 × 10⁹/L; 3·10⁹/L'
    """
    if len(text) <= BLOCK_CHARACTERS:
        return _settled(_normalize_block(text).strip())
    blocks, start = [], 0
    while start < len(text):
        end = text.find("\n", start + BLOCK_CHARACTERS, start + 2 * BLOCK_CHARACTERS) + 1
        if not end:  # a text flattened to one line: cut between a space and a word
            word = _WORD_START.search(text, start + BLOCK_CHARACTERS)
            end = word.end() if word else len(text)
        blocks.append(_normalize_block(text[start:end]))
        start = end
    return _settled("".join(blocks).strip())


def _settled(text: str) -> str:
    """``text`` whose edge lines are normalised again while a mojibake repair still changes them (a
    mis-decoded space at the text's edge, "Â 0", shows only once the edge is stripped): normalising
    twice changes nothing. Every step is confined to a line and the blocks already settled their
    lines, so only the first and the last line are normalised again, never a long text whole (see
    BLOCK_CHARACTERS)."""
    for _ in range(3):
        if text.isascii() or not is_bad(text):
            break
        first_end, last_start = text.find("\n"), text.rfind("\n") + 1
        if first_end < 0:
            again = _normalize_block(text).strip()
        else:
            again = (_normalize_block(text[:first_end]) + text[first_end:last_start]
                     + _normalize_block(text[last_start:])).strip()
        if again == text:
            break
        text = again
    return text


def _without_mojibake(text: str) -> str:
    """UTF-8 read as Mac Roman or Windows-1252 somewhere upstream ("10^3/ŒºL", "12 Âµl", "Ã— 10^9"),
    undone line by line by ftfy's ``fix_encoding``: a page that mixes such lines with correct
    ones (a "μL" elsewhere) is not one mis-decoded text, and lines with no mojibake stay as they are.

    >>> _without_mojibake("WBC 364.6 x10^3/ŒºL\\nplatelets 98 x10^3/μL")
    'WBC 364.6 x10^3/μL\\nplatelets 98 x10^3/μL'
    """
    return "\n".join(ftfy.fix_encoding(line) if is_bad(line) else line for line in text.split("\n"))


def _normalize_block(text: str) -> str:
    text = _normalize_characters(text)
    # mojibake is undone on the normalised text (a control character inside it hides it from ftfy),
    # and the repaired text normalised again, until nothing changes: normalising is idempotent
    for _ in range(3):
        if text.isascii() or not is_bad(text):
            break
        fixed = _without_mojibake(text)
        if fixed == text:
            break
        text = _normalize_characters(fixed)
    return text


def _normalize_characters(text: str) -> str:
    text = fold_compatibility(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = _NEWLINES.sub("\n", text)
        text = _ODD_SPACES.sub(" ", text)
        text = _INVISIBLE.sub("", text)
        if "\u00b7" in text:
            text = _DECIMAL_DOT.sub(".", text)
    text = text.replace("\x0c", "\n")
    text = _CONTROL.sub(" ", text)
    # spaCy's tokenizers take quadratic time on a long run of one punctuation mark ("=====",
    # "(((("); rules and separators never need more than a few
    text = _LONG_RUN.sub(lambda m: m.group(1) * MAX_RUN, text)
    lines = text.split("\n")
    return "\n".join([line.rstrip(" \t") for line in lines[:-1]] + lines[-1:])
