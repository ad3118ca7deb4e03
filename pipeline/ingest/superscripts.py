"""Superscripts read into plain text (by the HTML, XML and PDF readers): a power of ten or of a
unit as Unicode superscripts ("10⁹/L", "mm³"), a citation number as " [3]" inside the sentence
it supports.
"""
from __future__ import annotations

import re

_SUPERSCRIPTS = str.maketrans("0123456789+-−–()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁻⁽⁾")
_SUP_NUMBER = re.compile(r"[+\-−–]?\d+")
_CITATION = re.compile(r"\[?\d+(?:\s*[,–-]\s*\d+)*\]?")
# A power of ten or a squared/cubed unit: "10<sup>9</sup>/L", "mm<sup>3</sup>", "m<sup>2</sup>".
_POWER_BASE = re.compile(r"(?:\b10|[×x*]\s?10|\b(?:mm|cm|µm|μm|m|dm|km|l|L|µL|μL))\s?$")


def render_superscript(text: str, before: str) -> str:
    """How a superscript reads in plain text, given the text just before it.

    A power of ten or of a unit becomes Unicode superscripts ("10" + "9" -> "10⁹", "mm" + "3"
    -> "mm³"), a citation number stands apart in brackets (" [3,4]"), anything else ("th",
    "®") is kept as written.

    >>> render_superscript("9", "a count of 12.1 × 10"), render_superscript("3,4", "fever.")
    ('⁹', ' [3,4]')
    """
    text = text.strip()
    if _SUP_NUMBER.fullmatch(text) and _POWER_BASE.search(before):
        return text.translate(_SUPERSCRIPTS)
    if _CITATION.fullmatch(text):
        return f" [{text.strip('[]')}]"
    return text


def append_superscript(pieces: list[str], raw: str) -> None:
    """Add a superscript's reading to text being assembled piece by piece.

    A power joins its base ("10 " + "9" -> "10⁹"); a citation after a sentence's full stop
    moves inside the sentence it supports ("fever." + "3,4" -> "fever [3,4]."), so that
    sentence splitting does not open the next sentence with it.

    >>> pieces = ["She had fever.", " "]
    >>> append_superscript(pieces, "3,4"); "".join(pieces)
    'She had fever [3,4]. '
    """
    raw = " ".join(raw.split())
    last = next((i for i in range(len(pieces) - 1, -1, -1) if pieces[i].strip()), None)
    rendered = render_superscript(raw, "".join(pieces[-4:]))
    if last is None:
        pieces.append(rendered.strip())
        return
    if rendered.startswith(" ["):
        text = pieces[last].rstrip()
        if text.endswith((".", ",", ";", ":")):
            pieces[last] = text[:-1] + rendered + text[-1] + pieces[last][len(text):]
            return
    elif rendered != raw:
        for i in range(last, len(pieces)):  # "10 <sup>9</sup>" is one number
            pieces[i] = pieces[i].rstrip(" ") if i == last else ""
    pieces.append(rendered)
