"""caselit fetch --pmid/--pmcid/--doi/--query ... -o DIR: reports from PubMed, PMC and Europe
PMC saved where ``caselit extract DIR`` reads them. ``caselit extract`` takes the same source
options (``add_source_arguments``) and fetches before it extracts."""
from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.commands.common import FAILED, OK, SOME_FAILED, error

FETCH_EXIT_STATUS = """\
exit status: 0 when every requested report was saved, 1 when some could not be fetched (the
others are saved), 2 when none was saved for a failure, or nothing could be done (no
identifiers, unwritable folder).

environment: NCBI_API_KEY, NCBI_EMAIL (or CASELIT_EMAIL), CASELIT_EUTILS_URL and
CASELIT_EUROPEPMC_URL stand in for the options of the same names; the HTTP cache is http/ in
CASELIT_CACHE_DIR when that is set.
"""


def add_source_arguments(parser: argparse.ArgumentParser, for_extract: bool = False) -> None:
    """The options naming reports to fetch and how to reach the services."""
    group = parser.add_argument_group("reports to fetch" if for_extract else "reports")
    group.add_argument("--pmid", nargs="+", action="extend", default=[], metavar="PMID",
                       help="PubMed IDs (several, or comma-separated)")
    group.add_argument("--pmcid", nargs="+", action="extend", default=[], metavar="PMCID",
                       help="PubMed Central IDs (PMC1234567)")
    group.add_argument("--doi", nargs="+", action="extend", default=[], metavar="DOI",
                       help="DOIs, looked up in PubMed then Europe PMC")
    group.add_argument("--query", metavar="TEXT", help="a PubMed query, e.g. '\"leukemoid reaction\" AND case reports[pt]'")
    group.add_argument("--retmax", type=int, default=20, metavar="N", help="at most N records for --query (default 20)")
    service = parser.add_argument_group("services")
    service.add_argument("--api-key", metavar="KEY", help="NCBI API key (10 requests/s instead of 3); env NCBI_API_KEY")
    service.add_argument("--email", metavar="ADDRESS", help="contact address sent to NCBI; env NCBI_EMAIL")
    service.add_argument("--eutils-url", metavar="URL", help="E-utilities base, up to /entrez/eutils; env CASELIT_EUTILS_URL")
    service.add_argument("--europepmc-url", metavar="URL",
                         help="Europe PMC REST base, up to /europepmc/webservices/rest; env CASELIT_EUROPEPMC_URL")
    service.add_argument("--abstracts-only", action="store_true", help="save PubMed records, never full texts")
    service.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS", help="per request (default 30)")
    service.add_argument("--retries", type=int, default=4, metavar="N",
                         help="retries after a 429, 5xx or timeout, with backoff (default 4)")
    prefix = "fetch-" if for_extract else ""  # extract has caches of its own
    service.add_argument(f"--{prefix}cache-dir", dest="fetch_cache_dir", metavar="DIR",
                         help="HTTP cache folder (default: http/ in $CASELIT_CACHE_DIR or ~/.cache/caselit)")
    service.add_argument(f"--no-{prefix}cache", dest="fetch_no_cache", action="store_true",
                         help="neither read nor write the HTTP cache")


def wants_fetch(args) -> bool:
    return bool(args.pmid or args.pmcid or args.doi or args.query)


def fetch_into(args, out_dir: Path) -> tuple[list[Path], int]:
    """Fetch what ``args`` names into ``out_dir``; print a line per failure (and per saved
    report unless quiet). Returns the saved files and the number of failures."""
    from pipeline.fetch import Fetcher, FetchError, FetchSettings, parse_ids

    settings = FetchSettings.from_env(
        api_key=args.api_key, email=args.email, eutils_url=args.eutils_url,
        europepmc_url=args.europepmc_url, timeout=args.timeout, retries=args.retries,
        full_text=not args.abstracts_only, retmax=args.retmax,
        **({"cache_dir": None} if args.fetch_no_cache else
           {"cache_dir": Path(args.fetch_cache_dir)} if args.fetch_cache_dir else {}),
    )
    quiet = getattr(args, "quiet", False)
    fetcher = Fetcher(out_dir, settings, report=(lambda message: None) if quiet else error)
    try:
        result = fetcher.fetch(parse_ids(args.pmid), parse_ids(args.pmcid), parse_ids(args.doi), args.query)
    except FetchError as failure:
        error(f"cannot fetch: {failure}")
        return [], 1
    for failure in result.failed:
        error(f"not fetched {failure}")
    return result.saved, len(result.failed)


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "fetch",
        help="download case reports from PubMed / PMC / Europe PMC",
        description="Save reports named by PMID, PMCID, DOI or a PubMed query in DIR, one XML file per\n"
        "article: the open-access full text (Europe PMC, else PMC) when there is one, else the\n"
        "PubMed record (title and abstract). Then: caselit extract DIR -o table.xlsx",
        epilog=FETCH_EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to save the reports in")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    add_source_arguments(parser)
    return parser


def run(args) -> int:
    if not wants_fetch(args):
        error("nothing to fetch: give --pmid, --pmcid, --doi or --query")
        return FAILED
    saved, failures = fetch_into(args, Path(args.output))
    if not args.quiet:
        error(f"{len(saved)} report(s) saved in {args.output}" + (f"; {failures} not fetched" if failures else ""))
    if failures:
        return SOME_FAILED if saved else FAILED
    return OK
