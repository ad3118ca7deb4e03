"""A stand-in for NCBI E-utilities and Europe PMC on 127.0.0.1, answering in their real
formats (esearch JSON, efetch PubMed XML and PMC JATS, Europe PMC fullTextXML and search
JSON) from the records in tests/ingest/data. Tests script failures (429, 5xx, slow answers)
per path with ``services.plan(path, *actions)``."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse
from xml.etree.ElementTree import fromstring, tostring

import pytest

DATA = Path(__file__).resolve().parents[1] / "ingest" / "data"
PUBMED_DOCTYPE = ('<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, '
                  '1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n')
EUTILS = "/entrez/eutils"
EPMC = "/europepmc/webservices/rest"


class Services:
    """The records served, the requests received, and scripted failures."""

    def __init__(self):
        set_root = fromstring((DATA / "pubmed-two-articles.xml").read_bytes())
        self.pubmed = {a.find("MedlineCitation/PMID").text: tostring(a, encoding="unicode") for a in set_root}
        jats = (DATA / "jats-article.nxml").read_text(encoding="utf-8")
        self.full_text = {"PMC11234567": jats}  # open access: Europe PMC and PMC have the body
        self.front_only = {}  # PMCID -> JATS without <body>, as PMC answers for other articles
        self.searches = {}  # esearch term -> PMIDs
        self.epmc_searches = {}  # Europe PMC query -> result records
        self.requests: list[tuple[str, dict]] = []
        self._plans: dict[str, list] = {}
        self.lock = threading.Lock()

    def plan(self, path: str, *actions) -> None:
        """Answer the next requests to ``path`` with ``actions`` in turn: an HTTP status
        (int), (status, headers), or ("sleep", seconds) before answering normally."""
        self._plans.setdefault(path, []).extend(actions)

    def next_action(self, path: str):
        with self.lock:
            for prefix, actions in self._plans.items():
                if path.startswith(prefix) and actions:
                    return actions.pop(0)
        return None

    def count(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p.startswith(path))


class Handler(BaseHTTPRequestHandler):
    services: Services

    def log_message(self, *args):  # keep test output clean
        pass

    def send(self, status: int, body: bytes = b"", content_type="text/xml; charset=UTF-8", headers=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urlparse(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        services = self.services
        with services.lock:
            services.requests.append((url.path, query))
        action = services.next_action(url.path)
        if isinstance(action, tuple) and action[0] == "sleep":
            time.sleep(action[1])
        elif isinstance(action, int):
            return self.send(action, b"<error>scripted</error>")
        elif isinstance(action, tuple):
            return self.send(action[0], b"<error>scripted</error>", headers=action[1])
        elif isinstance(action, bytes):
            return self.send(200, action)
        try:
            self.route(url.path, query)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
            pass

    def route(self, path: str, query: dict):
        services = self.services
        if path == f"{EUTILS}/esearch.fcgi":
            ids = services.searches.get(query.get("term"), [])[: int(query.get("retmax", 20))]
            answer = {"header": {"type": "esearch", "version": "0.3"},
                      "esearchresult": {"count": str(len(ids)), "retmax": str(len(ids)), "retstart": "0",
                                        "idlist": ids, "translationset": [], "querytranslation": query.get("term")}}
            return self.send(200, json.dumps(answer).encode(), "application/json; charset=UTF-8")
        if path == f"{EUTILS}/efetch.fcgi" and query.get("db") == "pubmed":
            records = [services.pubmed[i] for i in query.get("id", "").split(",") if i in services.pubmed]
            body = PUBMED_DOCTYPE + "<PubmedArticleSet>\n" + "\n".join(records) + "\n</PubmedArticleSet>\n"
            return self.send(200, body.encode("utf-8"))
        if path == f"{EUTILS}/efetch.fcgi" and query.get("db") == "pmc":
            pmcid = "PMC" + query.get("id", "")
            article = services.full_text.get(pmcid) or services.front_only.get(pmcid)
            if article is None:  # PMC's answer for an unknown id
                body = '<?xml version="1.0" ?>\n<pmc-articleset><error>UID=0: cannot get document summary</error></pmc-articleset>'
            else:
                body = '<?xml version="1.0" ?>\n<pmc-articleset>' + article.split("?>", 1)[1].split(".dtd\">", 1)[-1] + "</pmc-articleset>"
            return self.send(200, body.encode("utf-8"))
        if path.startswith(f"{EPMC}/") and path.endswith("/fullTextXML"):
            pmcid = path.split("/")[-2]
            if pmcid in services.full_text:
                return self.send(200, services.full_text[pmcid].encode("utf-8"), "application/xml")
            return self.send(404, b"")
        if path == f"{EPMC}/search":
            results = services.epmc_searches.get(query.get("query"), [])
            answer = {"version": "6.9", "hitCount": len(results), "request": {"queryString": query.get("query")},
                      "resultList": {"result": results}}
            return self.send(200, json.dumps(answer).encode(), "application/json")
        return self.send(404, b"not found")


@pytest.fixture
def services():
    state = Services()
    handler = type("BoundHandler", (Handler,), {"services": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    state.eutils_url = state.base + EUTILS
    state.europepmc_url = state.base + EPMC
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def no_real_services(monkeypatch, tmp_path):
    """Tests never reach the real services or the user's cache, whatever the environment."""
    monkeypatch.setenv("CASELIT_EUTILS_URL", "http://127.0.0.1:9/entrez/eutils")
    monkeypatch.setenv("CASELIT_EUROPEPMC_URL", "http://127.0.0.1:9/europepmc/webservices/rest")
    monkeypatch.setenv("CASELIT_CACHE_DIR", str(tmp_path / "http-cache"))
    for name in ("NCBI_API_KEY", "NCBI_EMAIL", "CASELIT_EMAIL"):
        monkeypatch.delenv(name, raising=False)
