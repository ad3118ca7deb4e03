"""The self-contained HTML review page (``page.py``), the findings marked in the report text
(``marks.py``) and the report texts read again from their files (``texts.py``)."""
from pipeline.export.html.page import no_plot, write_html
from pipeline.export.html.texts import ReportTexts

__all__ = ["ReportTexts", "no_plot", "write_html"]
