"""caselit fetch (and extract --pmid) end to end against the local stand-in services."""
import json

import pytest

from pipeline.cli import main
from pipeline.fetch import Fetcher, FetchSettings
from pipeline.ingest import read_report

PMC_ARTICLE, ABSTRACT_ONLY = "39876543", "38765432"  # the first has open full text (PMC11234567)
BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
                  b"<PubmedArticleSet><PubmedArticle>&lol2;</PubmedArticle></PubmedArticleSet>")


def urls(services):
    return ["--eutils-url", services.eutils_url, "--europepmc-url", services.europepmc_url]


def saved_names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_fetch_pmids(services, tmp_path, capsys):
    out = tmp_path / "reports"
    status = main(["fetch", "--pmid", PMC_ARTICLE, ABSTRACT_ONLY, "-o", str(out), *urls(services), "--email", "me@example.org"])
    assert status == 0
    assert saved_names(out) == ["PMC11234567.xml", f"pubmed-{ABSTRACT_ONLY}.xml"]
    # One efetch for both records, with NCBI's identification parameters.
    [(_, efetch)] = [r for r in services.requests if r[0].endswith("efetch.fcgi")]
    assert efetch["id"] == f"{PMC_ARTICLE},{ABSTRACT_ONLY}" and efetch["db"] == "pubmed"
    assert (efetch["tool"], efetch["email"], efetch["retmode"]) == ("caselit", "me@example.org", "xml")
    assert services.count("/europepmc/webservices/rest/PMC11234567/fullTextXML") == 1
    err = capsys.readouterr().err
    assert f"PMID {PMC_ARTICLE}: full text (PMC11234567)" in err and "2 report(s) saved" in err
    # The saved files are what extract reads, with their identifiers.
    [full] = read_report(out / "PMC11234567.xml")
    assert (full.pmid, full.pmcid, full.doi) == (PMC_ARTICLE, "PMC11234567", "10.5555/jicr.2024.0512")
    assert "Outcome and follow-up" in full.text  # the body, not only the abstract
    [abstract] = read_report(out / f"pubmed-{ABSTRACT_ONLY}.xml")
    assert abstract.pmid == ABSTRACT_ONLY and "58,000/µL" in abstract.text


def test_abstracts_only(services, tmp_path):
    out = tmp_path / "reports"
    assert main(["fetch", "--pmid", f"{PMC_ARTICLE},{ABSTRACT_ONLY}", "--abstracts-only", "-o", str(out), *urls(services)]) == 0
    assert saved_names(out) == [f"pubmed-{ABSTRACT_ONLY}.xml", f"pubmed-{PMC_ARTICLE}.xml"]
    [report] = read_report(out / f"pubmed-{PMC_ARTICLE}.xml")
    assert (report.pmcid, report.doi) == ("PMC11234567", "10.5555/jicr.2024.0512")


def test_full_text_from_pmc_when_europe_pmc_has_none(services, tmp_path):
    services.plan("/europepmc/webservices/rest/PMC11234567/fullTextXML", 404)
    out = tmp_path / "reports"
    assert main(["fetch", "--pmid", PMC_ARTICLE, "-o", str(out), *urls(services)]) == 0
    [report] = read_report(out / "PMC11234567.xml")  # efetch db=pmc's <pmc-articleset>
    assert "Outcome and follow-up" in report.text and report.pmid == PMC_ARTICLE
    pmc = [q for p, q in services.requests if p.endswith("efetch.fcgi") and q["db"] == "pmc"]
    assert pmc[0]["id"] == "11234567"  # numeric id, as PMC wants


def test_query(services, tmp_path):
    services.searches["leukemoid reaction AND case reports[pt]"] = [ABSTRACT_ONLY, PMC_ARTICLE]
    out = tmp_path / "reports"
    assert main(["fetch", "--query", "leukemoid reaction AND case reports[pt]", "--retmax", "1",
                 "-o", str(out), *urls(services)]) == 0
    assert saved_names(out) == [f"pubmed-{ABSTRACT_ONLY}.xml"]
    [(_, search)] = [r for r in services.requests if r[0].endswith("esearch.fcgi")]
    assert (search["retmode"], search["retmax"]) == ("json", "1")


def test_doi_via_pubmed_then_europe_pmc(services, tmp_path, capsys):
    services.searches['"10.5555/jicr.2024.0512"[doi]'] = [PMC_ARTICLE]
    services.epmc_searches['DOI:"10.5555/other.1"'] = [{"id": ABSTRACT_ONLY, "source": "MED", "pmid": ABSTRACT_ONLY,
                                                         "doi": "10.5555/other.1", "isOpenAccess": "N"}]
    out = tmp_path / "reports"
    status = main(["fetch", "--doi", "10.5555/jicr.2024.0512", "10.5555/other.1", "10.5555/nowhere.9",
                   "-o", str(out), *urls(services)])
    assert status == 1  # two found, one not
    assert saved_names(out) == ["PMC11234567.xml", f"pubmed-{ABSTRACT_ONLY}.xml"]
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("caselit: not fetched")]
    assert errors == ["caselit: not fetched DOI 10.5555/nowhere.9: not found in PubMed or Europe PMC"]


def test_pmcid(services, tmp_path):
    services.front_only["PMC7654321"] = (
        '<?xml version="1.0"?><article><front><article-meta><article-id pub-id-type="pmcid">PMC7654321</article-id>'
        "<title-group><article-title>Vulvar carcinoma with leukocytosis</article-title></title-group>"
        "<abstract><p>A 70-year-old woman.</p></abstract></article-meta></front></article>")
    out = tmp_path / "reports"
    assert main(["fetch", "--pmcid", "PMC11234567", "7654321", "PMC999", "-o", str(out), *urls(services)]) == 1
    assert saved_names(out) == ["PMC11234567.xml", "PMC7654321.xml"]
    [front] = read_report(out / "PMC7654321.xml")
    assert front.text == "Vulvar carcinoma with leukocytosis\n\nAbstract\n\nA 70-year-old woman."


def test_base_urls_from_the_environment(services, tmp_path, monkeypatch):
    monkeypatch.setenv("CASELIT_EUTILS_URL", services.eutils_url)
    monkeypatch.setenv("CASELIT_EUROPEPMC_URL", services.europepmc_url)
    out = tmp_path / "reports"
    assert main(["fetch", "--pmid", ABSTRACT_ONLY, "-o", str(out), "-q"]) == 0
    assert saved_names(out) == [f"pubmed-{ABSTRACT_ONLY}.xml"]


def test_api_key_raises_the_rate_and_is_sent(services, tmp_path, monkeypatch):
    monkeypatch.setenv("NCBI_API_KEY", "secret-key")
    settings = FetchSettings.from_env(eutils_url=services.eutils_url, europepmc_url=services.europepmc_url)
    fetcher = Fetcher(tmp_path / "reports", settings)
    assert fetcher.ncbi_client.limiter.interval == pytest.approx(0.1)  # 10/s with a key
    assert Fetcher(tmp_path, FetchSettings()).ncbi_client.limiter.interval == pytest.approx(1 / 3)
    fetcher.fetch(pmids=[ABSTRACT_ONLY])
    assert services.requests[-1][1]["api_key"] == "secret-key"


def test_429_on_efetch_is_retried(services, tmp_path):
    services.plan("/entrez/eutils/efetch.fcgi", (429, {"Retry-After": "0"}), 503)
    out = tmp_path / "reports"
    settings = FetchSettings(eutils_url=services.eutils_url, europepmc_url=services.europepmc_url,
                             backoff=0.01, cache_dir=None, full_text=False)
    result = Fetcher(out, settings).fetch(pmids=[ABSTRACT_ONLY])
    assert [p.name for p in result.saved] == [f"pubmed-{ABSTRACT_ONLY}.xml"] and not result.failed
    assert result.requests == 3


def test_timeout_is_one_line_and_exit_status(services, tmp_path, capsys):
    services.plan("/entrez/eutils/efetch.fcgi", ("sleep", 0.5))
    out = tmp_path / "reports"
    status = main(["fetch", "--pmid", ABSTRACT_ONLY, "-o", str(out), "--timeout", "0.1", "--retries", "0",
                   "--no-cache", *urls(services)])
    assert status == 2  # nothing saved
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("caselit: not fetched")]
    assert errors == [f"caselit: not fetched PMID {ABSTRACT_ONLY}: no answer within 0.1 s (after 1 attempt)"]


def test_second_run_comes_from_the_cache(services, tmp_path):
    for run in range(2):
        assert main(["fetch", "--pmid", PMC_ARTICLE, "-o", str(tmp_path / f"run{run}"), *urls(services),
                     "--cache-dir", str(tmp_path / "cache")]) == 0
    assert services.count("/entrez/eutils/efetch.fcgi") == 1
    assert (tmp_path / "run0" / "PMC11234567.xml").read_bytes() == (tmp_path / "run1" / "PMC11234567.xml").read_bytes()


@pytest.mark.parametrize("ids, line", [
    (["--pmid", "12ab"], "PMID 12ab: not a PubMed ID"),
    (["--pmid", "../../etc/passwd"], "PMID ../../etc/passwd: not a PubMed ID"),
    (["--pmcid", "PMC12/../x"], "PMCID PMC12/../x: not a PMC ID"),
    (["--doi", "not-a-doi"], "DOI not-a-doi: not a DOI"),
    (["--pmid", "11111111"], "PMID 11111111: PubMed has no such record"),
])
def test_bad_identifiers(services, tmp_path, capsys, ids, line):
    out = tmp_path / "reports"
    assert main(["fetch", *ids, "-o", str(out), *urls(services)]) == 2
    assert f"caselit: not fetched {line}" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_remote_data_never_names_files(services, tmp_path):
    """A server answering with hostile identifiers cannot write outside the folder."""
    record = services.pubmed[ABSTRACT_ONLY].replace(
        '<ArticleId IdType="pubmed">38765432</ArticleId>',
        '<ArticleId IdType="pubmed">38765432</ArticleId><ArticleId IdType="pmc">PMC1/../../../evil</ArticleId>')
    services.pubmed[ABSTRACT_ONLY] = record
    services.pubmed["../../evil"] = record.replace("<PMID Version=\"1\">38765432", "<PMID Version=\"1\">../../evil")
    out = tmp_path / "deep" / "reports"
    assert main(["fetch", "--pmid", ABSTRACT_ONLY, "-o", str(out), *urls(services)]) == 0
    assert saved_names(out) == [f"pubmed-{ABSTRACT_ONLY}.xml"]
    cache = tmp_path / "http-cache"
    written = [p for p in tmp_path.rglob("*") if p.is_file() and cache not in p.parents]
    assert written == [out / f"pubmed-{ABSTRACT_ONLY}.xml"]


def test_hostile_xml_answer_is_refused(services, tmp_path, capsys):
    services.plan("/entrez/eutils/efetch.fcgi", BILLION_LAUGHS)
    assert main(["fetch", "--pmid", ABSTRACT_ONLY, "-o", str(tmp_path / "r"), *urls(services), "--no-cache"]) == 2
    assert "unreadable answer (XML declares entities" in capsys.readouterr().err


def test_nothing_to_fetch(tmp_path, capsys):
    assert main(["fetch", "-o", str(tmp_path)]) == 2
    assert "nothing to fetch" in capsys.readouterr().err


def test_extract_fetches_then_extracts(services, tmp_path):
    out = tmp_path / "table.jsonl"
    status = main(["extract", "--pmid", PMC_ARTICLE, ABSTRACT_ONLY, "-o", str(out), "-q", *urls(services),
                   "--no-cache", "--no-fetch-cache"])
    assert status == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_pmid = {row["pmid"]: row for row in rows}
    assert set(by_pmid) == {PMC_ARTICLE, ABSTRACT_ONLY}
    assert by_pmid[PMC_ARTICLE]["figo_stage"] == "IIIC1" and by_pmid[PMC_ARTICLE]["age"] == 58
    assert by_pmid[ABSTRACT_ONLY]["age"] == 63
    assert saved_names(tmp_path / "table-reports") == ["PMC11234567.xml", f"pubmed-{ABSTRACT_ONLY}.xml"]


def test_extract_with_inputs_and_a_failed_fetch(services, tmp_path, capsys):
    report = tmp_path / "case.txt"
    report.write_text("A 45-year-old woman with cervical cancer, FIGO stage IIB.", encoding="utf-8")
    out = tmp_path / "table.csv"
    status = main(["extract", str(report), "--pmid", "11111111", "-o", str(out), *urls(services),
                   "--fetch-dir", str(tmp_path / "fetched"), "--no-cache"])
    assert status == 1  # the table is written; one requested report was missing
    assert "not fetched PMID 11111111" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8").count("case.txt") == 1


def test_extract_without_inputs(tmp_path, capsys):
    assert main(["extract", "-o", str(tmp_path / "t.csv")]) == 2
    assert "nothing to read" in capsys.readouterr().err
