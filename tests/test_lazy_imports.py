"""What a refresh loads before it knows it needs it: nothing heavy. spaCy only when a report
is run through the pipeline (cached results unpickle into plain records), pandas only when a
new sheet or a table format is written."""
import subprocess
import sys

HEAVY = ("spacy", "pandas", "pyarrow", "matplotlib", "openpyxl")

CHECK = """
import sys, pickle
import pipeline.cli, pipeline.commands.refresh, pipeline.batch.refresh, pipeline.review.refresh
from pipeline.cases.record import Case
import pipeline.cases.labs, pipeline.cases.mentions  # what unpickling cached results loads
case = pickle.loads(pickle.dumps(Case(doc="a.txt", age=54.0, sex="female")))
from pipeline.export.table import case_row
case_row(case)
print(" ".join(sorted(name for name in {heavy} if name in sys.modules)))
"""


def test_a_refresh_from_cached_results_loads_no_heavy_library():
    done = subprocess.run([sys.executable, "-c", CHECK.format(heavy=HEAVY)], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == []
