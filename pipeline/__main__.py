"""``python -m pipeline`` is the ``caselit`` command."""
from pipeline.cli import main

raise SystemExit(main())
