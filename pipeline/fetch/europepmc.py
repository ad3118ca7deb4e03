"""Europe PMC's REST service: open-access full text as JATS XML, and search.

The base URL is the part up to ``/europepmc/webservices/rest``; ``/{PMCID}/fullTextXML`` and
``/search`` are appended. Full text exists for the open-access subset only: other articles
answer 404.
"""
from __future__ import annotations

import json

from pipeline.fetch.client import FetchError, HttpClient

DEFAULT_EUROPEPMC_URL = "https://www.ebi.ac.uk/europepmc/webservices/rest"


class EuropePMC:
    def __init__(self, client: HttpClient, base_url: str = DEFAULT_EUROPEPMC_URL):
        self.client = client
        self.base_url = base_url.rstrip("/")

    def full_text_xml(self, pmcid: str) -> bytes | None:
        """The article's JATS XML, or None when Europe PMC has no open full text for it."""
        return self.client.get(f"{self.base_url}/{pmcid}/fullTextXML", what=f"Europe PMC full text {pmcid}",
                               missing_ok=True)

    def search(self, query: str, page_size: int = 25) -> list[dict]:
        """Result records (``pmid``, ``pmcid``, ``doi``, ``title``...) of a Europe PMC query."""
        what = f"Europe PMC search {query!r}"
        body = self.client.get(f"{self.base_url}/search", what=what, params={
            "query": query, "format": "json", "resultType": "lite", "pageSize": page_size})
        try:
            results = json.loads(body)["resultList"]["result"]
        except (ValueError, KeyError, TypeError):
            raise FetchError(what, "unexpected answer (not Europe PMC search JSON)") from None
        return [r for r in results if isinstance(r, dict)]
