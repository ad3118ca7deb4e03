"""The HTTP client: rate limit, retries with backoff and Retry-After, timeouts, cache."""
import doctest
import time

import pytest

from pipeline.fetch import FetchError, HttpClient, RateLimiter
from pipeline.fetch import client as client_module


class FakeClock:
    def __init__(self):
        self.now = 0.0
        self.slept = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


@pytest.mark.parametrize("per_second", [3, 10])
def test_rate_limit_spaces_requests(per_second):
    clock = FakeClock()
    limiter = RateLimiter(per_second, clock=clock, sleep=clock.sleep)
    for _ in range(per_second * 2 + 1):
        limiter.wait()
    # 2 s worth of requests after the first: never more than per_second in any second
    assert clock.now == pytest.approx(2.0)
    assert all(s == pytest.approx(1 / per_second) for s in clock.slept)


def test_rate_limit_does_not_wait_after_a_pause():
    clock = FakeClock()
    limiter = RateLimiter(3, clock=clock, sleep=clock.sleep)
    limiter.wait()
    clock.now += 5
    limiter.wait()
    assert clock.slept == []


def client(tmp_path=None, **options):
    waits = []
    options.setdefault("sleep", waits.append)
    made = HttpClient(per_second=1000, backoff=0.5, cache_dir=tmp_path, **options)
    return made, waits


def test_ok_and_parameters(services):
    http, _ = client()
    body = http.get(services.eutils_url + "/esearch.fcgi", {"db": "pubmed", "term": "x", "api_key": "K", "email": None})
    assert b"esearchresult" in body
    path, query = services.requests[-1]
    assert path.endswith("/esearch.fcgi") and query == {"db": "pubmed", "term": "x", "api_key": "K"}


def test_429_is_retried_after_the_time_the_server_asks(services):
    services.plan("/entrez/eutils/esearch.fcgi", (429, {"Retry-After": "2"}), (429, {"Retry-After": "1"}))
    http, waits = client()
    assert b"esearchresult" in http.get(services.eutils_url + "/esearch.fcgi", {"term": "x"})
    assert [w for w in waits if w >= 0.01] == [2.0, 1.0]
    assert services.count("/entrez/eutils/esearch.fcgi") == 3


def test_retry_after_as_http_date_and_capped(services):
    services.plan("/entrez/eutils/esearch.fcgi", (429, {"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"}))
    http, waits = client(max_wait=5)
    http.get(services.eutils_url + "/esearch.fcgi", {"term": "x"})
    assert [w for w in waits if w >= 0.01] == [5]


def test_5xx_backs_off_exponentially_then_gives_up(services):
    services.plan("/entrez/eutils/efetch.fcgi", 503, 502, 500, 503)
    http, waits = client(retries=3)
    with pytest.raises(FetchError) as raised:
        http.get(services.eutils_url + "/efetch.fcgi", {"db": "pubmed", "id": "1"}, what="PubMed records 1")
    assert str(raised.value) == "PubMed records 1: HTTP 503 Service Unavailable (after 4 attempts)"
    backoffs = [w for w in waits if w >= 0.01]
    assert [round(w / 0.5) for w in backoffs] == [1, 2, 4]  # 0.5 s × 2^attempt, plus <10% jitter


def test_other_errors_are_not_retried(services):
    services.plan("/entrez/eutils/efetch.fcgi", 400)
    http, _ = client()
    with pytest.raises(FetchError, match="HTTP 400"):
        http.get(services.eutils_url + "/efetch.fcgi", {"db": "pubmed"})
    assert services.count("/entrez/eutils/efetch.fcgi") == 1


def test_404_is_none_when_allowed(services):
    http, _ = client()
    assert http.get(services.europepmc_url + "/PMC1/fullTextXML", missing_ok=True) is None
    with pytest.raises(FetchError, match="HTTP 404"):
        http.get(services.europepmc_url + "/PMC1/fullTextXML")


def test_timeout_then_success(services):
    services.plan("/entrez/eutils/esearch.fcgi", ("sleep", 1.0))
    http, _ = client(timeout=0.2, retries=2)
    started = time.monotonic()
    assert b"esearchresult" in http.get(services.eutils_url + "/esearch.fcgi", {"term": "x"})
    assert time.monotonic() - started < 1.0  # the slow answer was not waited for


def test_timeout_gives_up(services):
    services.plan("/entrez/eutils/esearch.fcgi", ("sleep", 0.6), ("sleep", 0.6))
    http, _ = client(timeout=0.15, retries=1)
    with pytest.raises(FetchError, match=r"search: no answer within 0\.15 s \(after 2 attempts\)"):
        http.get(services.eutils_url + "/esearch.fcgi", {"term": "x"}, what="search")


def test_connection_refused_is_one_line():
    http, _ = client(retries=1, timeout=2)
    with pytest.raises(FetchError, match=r"^http://127\.0\.0\.1:9/x: cannot connect") as raised:
        http.get("http://127.0.0.1:9/x")
    assert "\n" not in str(raised.value)


def test_cache_answers_repeat_requests(services, tmp_path):
    http, _ = client(tmp_path / "cache")
    url = services.eutils_url + "/efetch.fcgi"
    first = http.get(url, {"db": "pubmed", "id": "39876543", "api_key": "A"})
    # Same request with another key and e-mail: the same answer, from the cache.
    again = HttpClient(per_second=1000, cache_dir=tmp_path / "cache").get(url, {"db": "pubmed", "id": "39876543", "api_key": "B", "email": "x@y"})
    assert first == again and services.count("/entrez/eutils/efetch.fcgi") == 1
    assert not any("A" == p.name for p in (tmp_path / "cache").rglob("*"))
    http.get(url, {"db": "pubmed", "id": "38765432"})  # another request is asked
    assert services.count("/entrez/eutils/efetch.fcgi") == 2


def test_failures_are_not_cached(services, tmp_path):
    services.plan("/entrez/eutils/esearch.fcgi", 500)
    http, _ = client(tmp_path / "cache", retries=0)
    with pytest.raises(FetchError):
        http.get(services.eutils_url + "/esearch.fcgi", {"term": "x"})
    assert b"esearchresult" in http.get(services.eutils_url + "/esearch.fcgi", {"term": "x"})


def test_expired_cache_is_asked_again(services, tmp_path):
    http, _ = client(tmp_path / "cache", cache_days=0)
    for _ in range(2):
        http.get(services.eutils_url + "/esearch.fcgi", {"term": "x"})
    assert services.count("/entrez/eutils/esearch.fcgi") == 2


def test_docstring_examples():
    assert doctest.testmod(client_module).failed == 0
