"""Markdown markup in a text file (a paper converted to Markdown, a page saved as ``.md``): the
markup of its headings and bold labels taken off, so that "## Case presentation" and
"**Discussion**" read as the heading lines they are, and "**Case 1:** A 45-year-old man" as a
label before its text. The words themselves are kept; links, lists and tables are left as they
are (a table's " | " cells are read as a table's row).

>>> plain_markdown("## Case presentation\\nA 40-year-old man.\\n**Discussion**\\n**Case 2:** A girl.")
'Case presentation\\nA 40-year-old man.\\nDiscussion\\nCase 2: A girl.'
"""
from __future__ import annotations

import re

# An ATX heading: "## Case presentation", "### 2.1 Case 1 ##" (one to six marks and a space).
ATX_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(?P<text>[^\n]*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
# A line that is all bold or italic ("**Discussion**", "__Case report__", "*Conclusion*"), with
# its colon inside or outside the marks.
EMPHASISED_LINE = re.compile(r"^[ \t]*(?P<mark>\*\*|__|\*|_)(?P<text>[^\n*_]{1,120}?)(?P=mark)[ \t]*(?P<colon>:?)[ \t]*$", re.MULTILINE)
# A bold label that opens a line ("**Case 1:** A 45-year-old man", "**Background** The ...").
BOLD_LABEL = re.compile(r"^(?P<indent>[ \t]*)(?:\*\*|__)(?P<text>[^\n*_]{1,80}?)(?:\*\*|__)(?=[ \t]*\S)", re.MULTILINE)


def plain_markdown(text: str) -> str:
    """``text`` with the markup of Markdown headings and bold labels taken off (unchanged when it
    has none)."""
    if "#" not in text and "**" not in text and "__" not in text and "*" not in text:
        return text
    text = ATX_HEADING.sub(lambda m: m.group("text"), text)
    text = EMPHASISED_LINE.sub(lambda m: m.group("text").strip() + m.group("colon"), text)
    return BOLD_LABEL.sub(lambda m: m.group("indent") + m.group("text"), text)
