"""Values of the context component.

Every finding span gets ``Span._.section`` (the section name) and ``Span._.subject``, one of:

- ``patient``: the sentence names the reported patient ("our patient", "we report", "a case of");
- ``probable``: it refers to a patient by pronoun or clinical verb ("she underwent", "biopsy revealed");
- ``unknown``: nothing tells;
- ``generic``: a general statement ("common sites include the lung and bone");
- ``other``: literature or other patients (citations, "et al.", "previously reported");
- ``family``: a relative or an organ donor, another person than the patient ("her mother had
  breast cancer", "the donor had received meropenem").
"""

SUBJECTS = ("patient", "probable", "unknown", "generic", "other", "family")
