"""The ``caselit`` command (also ``python -m pipeline``): parses arguments and hands them to
the subcommand's module in ``pipeline.commands``."""
from __future__ import annotations

import argparse
import importlib
import logging

from pipeline import __version__
from pipeline.commands import COMMANDS
from pipeline.commands.common import EXIT_STATUS_HELP, FAILED, INTERRUPTED, CommandError, error
from pipeline.spacy_import import defer_spacy_cli


def _parser() -> tuple[argparse.ArgumentParser, dict]:
    parser = argparse.ArgumentParser(
        prog="caselit",
        description="Turn published case reports into a literature-review table, one row per patient.",
        epilog=EXIT_STATUS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"caselit {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    modules = {}
    for name in COMMANDS:
        module = importlib.import_module(f"pipeline.commands.{name}")
        module.add_parser(subparsers)
        modules[name] = module
    return parser, modules


def main(argv: list[str] | None = None) -> int:
    defer_spacy_cli()  # spaCy's own CLI is ~0.3 s of every start and never used here
    parser, modules = _parser()
    args = parser.parse_args(argv)
    # readers warn through logging ("FILE: looks truncated"): one line each, like our errors
    logging.basicConfig(format="caselit: %(message)s", level=logging.WARNING)
    try:
        return modules[args.command].run(args)
    except CommandError as failure:
        error(str(failure))
        return FAILED
    except KeyboardInterrupt:
        # Outputs are written to a temporary file and moved into place only when complete,
        # and every finished report is in the cache at once: nothing to lose, one line to say.
        error("interrupted: outputs were left as they were; finished reports are kept in the "
              "cache, so running the same command again resumes")
        return INTERRUPTED
    except BrokenPipeError:
        # "caselit evaluate ... | head": the reader left; say nothing more, as other tools do
        import os
        import sys

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
