"""The reviewer's sheet: finding the table in any workbook or CSV (``layout``), mapping its
headers to caselit's columns (``headers``), matching its rows to reports (``matching``),
writing values the way a column already writes them (``style``) and the merge rule of one
cell (``merge.cell_action``)."""
