"""caselit: published case reports in, a literature-review table (one row per patient) out.

Data flows one way: ``ingest`` (files -> Report) -> ``nlp`` (Report text -> spaCy Doc with
spans) -> ``cases`` (Doc -> Case records) -> ``export`` (records -> table files).
"""
from pipeline.api import build_nlp, extract, extract_reports
from pipeline.cases.record import Case

__all__ = ["Case", "build_nlp", "extract", "extract_reports"]
__version__ = "0.1.0"
