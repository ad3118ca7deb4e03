"""A polite HTTP client for the literature services: a rate limit, retries with backoff on
429 and 5xx (honouring Retry-After), a timeout on every request, and an on-disk cache.

NCBI allows 3 requests a second without an API key and 10 with one; going over earns a 429.
Answers are cached by URL (without the key and e-mail, which do not change them), so that
running the same fetch twice does not ask the services again.
"""
from __future__ import annotations

import email.utils
import hashlib
import os
import random
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import urlencode

import requests

from pipeline import __version__
from pipeline.files import try_write_bytes

RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
# Query parameters that identify the caller, not the answer: left out of cache keys.
_PRIVATE_PARAMS = frozenset({"api_key", "email", "tool"})


class FetchError(Exception):
    """A request that failed for good; ``str()`` is one line naming what was asked."""

    def __init__(self, what: str, reason: str):
        self.what = what
        self.reason = " ".join(str(reason).split())
        super().__init__(f"{what}: {self.reason}")


class RateLimiter:
    """At most ``per_second`` calls a second, spaced evenly, across threads.

    >>> clock = iter([0.0, 0.0, 0.1]).__next__
    >>> waits = []
    >>> limiter = RateLimiter(3, clock=clock, sleep=waits.append)
    >>> limiter.wait(); limiter.wait(); limiter.wait()
    >>> [round(w, 3) for w in waits]
    [0.333, 0.567]
    """

    def __init__(self, per_second: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.interval = 1.0 / per_second
        self.clock, self.sleep = clock, sleep
        self._next = float("-inf")
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            now = self.clock()
            if now < self._next:
                self.sleep(self._next - now)
                now = self._next
            self._next = now + self.interval


def default_cache_dir() -> Path:
    """'http' in caselit's cache folder (beside the results cache): $CASELIT_CACHE_DIR/http,
    else $XDG_CACHE_HOME/caselit/http, else ~/.cache/caselit/http."""
    configured = os.environ.get("CASELIT_CACHE_DIR")
    if configured:
        return Path(configured).expanduser() / "http"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "caselit" / "http"


class HttpClient:
    """GET with a rate limit, retries, a timeout and a cache; answers are bytes.

    ``timeout`` (seconds) bounds connecting and each wait for data; ``retries`` is how many
    times a failed request (429, 5xx, timeout, connection error) is tried again, waiting
    ``backoff`` × 2^attempt seconds, or what the server's Retry-After says (at most
    ``max_wait``). ``cache_dir=None`` turns the cache off.
    """

    def __init__(
        self,
        per_second: float = 3.0,
        timeout: float = 30.0,
        retries: int = 4,
        backoff: float = 1.0,
        max_wait: float = 60.0,
        cache_dir: str | os.PathLike | None = None,
        cache_days: float = 30.0,
        contact: str | None = None,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.limiter = RateLimiter(per_second, sleep=sleep)
        self.timeout, self.retries, self.backoff, self.max_wait = timeout, retries, backoff, max_wait
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.cache_seconds = cache_days * 86400
        self.sleep = sleep
        self.session = session or requests.Session()
        agent = f"caselit/{__version__} (python-requests)"
        self.session.headers["User-Agent"] = f"{agent} mailto:{contact}" if contact else agent
        self.requests_sent = 0

    def get(self, url: str, params: Mapping[str, object] | None = None, *, what: str | None = None,
            missing_ok: bool = False) -> bytes | None:
        """The body of a 200 answer; None for a 404 when ``missing_ok``; FetchError otherwise."""
        params = {k: v for k, v in (params or {}).items() if v is not None}
        what = what or url
        cached = self._cache_path(url, params)
        if cached is not None and cached.is_file() and time.time() - cached.stat().st_mtime < self.cache_seconds:
            return cached.read_bytes()
        for attempt in range(self.retries + 1):
            self.limiter.wait()
            self.requests_sent += 1
            try:
                response = self.session.get(url, params=params, timeout=self.timeout)
            except requests.Timeout:
                failure, wait = f"no answer within {self.timeout:g} s", None
            except requests.ConnectionError as error:
                failure, wait = f"cannot connect ({_short(error)})", None
            except requests.RequestException as error:
                raise FetchError(what, f"request failed ({_short(error)})") from None
            else:
                if response.status_code == 200:
                    if cached is not None:
                        try_write_bytes(cached, response.content)  # a cache: a failure costs a request
                    return response.content
                if response.status_code == 404 and missing_ok:
                    return None
                if response.status_code not in RETRIED_STATUSES:
                    raise FetchError(what, f"HTTP {response.status_code} {response.reason or ''}".strip())
                failure = f"HTTP {response.status_code} {response.reason or ''}".strip()
                wait = _retry_after(response.headers.get("Retry-After"))
            if attempt == self.retries:
                break
            if wait is None:
                wait = self.backoff * 2**attempt * (1 + 0.1 * random.random())
            self.sleep(min(wait, self.max_wait))
        tries = self.retries + 1
        raise FetchError(what, f"{failure} (after {tries} attempt{'s' if tries > 1 else ''})")

    def _cache_path(self, url: str, params: Mapping[str, object]) -> Path | None:
        if self.cache_dir is None:
            return None
        public = sorted((k, str(v)) for k, v in params.items() if k not in _PRIVATE_PARAMS)
        key = hashlib.sha256(f"{url}?{urlencode(public)}".encode()).hexdigest()
        return self.cache_dir / key[:2] / key


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (a number of seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _short(error: Exception) -> str:
    text = str(error.__cause__ or error)
    return text if len(text) < 160 else text[:157] + "..."
