"""caselit: published case reports in, a literature-review table (one row per patient) out.

Data flows one way: ``ingest`` (files -> Report) -> ``nlp`` (Report text -> spaCy Doc with
spans) -> ``cases`` (Doc -> Case records) -> ``export`` (records -> table files).

Public API: ``build_nlp()``, ``extract(paths)`` and ``Case``, imported on first use so that
importing one component (``pipeline.nlp.stage``) does not load the whole tool.
"""
__version__ = "0.1.0"
__all__ = ["Case", "build_nlp", "extract"]


def __getattr__(name):
    if name == "Case":
        from pipeline.cases.record import Case

        return Case
    if name in ("build_nlp", "extract"):
        from pipeline import api

        return getattr(api, name)
    raise AttributeError(name)
