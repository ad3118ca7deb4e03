"""Mentions built the way case assembly gets them, from sentences written for the tests."""
from pipeline.cases.mentions import Mention


def as_mentions(doc, groups, sections=None) -> list[Mention]:
    """The findings of ``doc`` in ``groups`` as the patient's affirmed mentions, in text order.
    ``sections``: (name, start) pairs in order; by default the whole text is one "case" section."""
    sections = sections or [("case", 0)]
    out = []
    for group in groups:
        for span in doc.spans[group] if group in doc.spans else ():
            name, start = [s for s in sections if s[1] <= span.start_char][-1]
            sentence = span.sent
            out.append(Mention(group, span.label_, span._.value, span.text, span.start_char, span.end_char,
                               sentence.text.strip(), sentence.start_char, name, start, "patient"))
    return sorted(out, key=lambda m: m.start)
