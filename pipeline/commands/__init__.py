"""The subcommands of ``caselit``: one module each, with ``add_parser(subparsers)`` and
``run(args) -> exit status``. The CLI lists them in ``COMMANDS``."""

COMMANDS = ("extract", "refresh", "evaluate", "fetch", "report", "plot")
