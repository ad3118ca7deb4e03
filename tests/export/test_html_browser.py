"""The review page in a real browser: headless Chromium opens the page of the corpus from disk,
with the network off, and the test reads the DOM it renders (``--dump-dom``) after it ran the
page's script; a screenshot is kept in a temporary folder (the CI artefact, not committed).

Needs Debian's ``chromium`` (``.ci/run`` installs it); skipped with the reason where it is absent.
The corpus is extracted once per session (cached in a temporary folder)."""
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BMC = "bmc-cancer-2014-leukemoid-reaction-cervical-cancer.txt"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(BROWSER is None, reason="Chromium is not installed (apt-get install chromium)")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>")


def _chromium(url: str, *args: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="caselit-chromium-") as profile:
        return subprocess.run([BROWSER, *FLAGS, f"--user-data-dir={profile}", *args, url],
                              capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    """The page of ``caselit extract corpus/ -o out/review.html``."""
    out = tmp_path_factory.mktemp("review") / "out" / "review.html"
    env = dict(os.environ, CASELIT_CACHE_DIR=str(tmp_path_factory.mktemp("cache")))
    done = subprocess.run([str(Path(os.sys.executable).with_name("caselit")), "extract", str(ROOT / "corpus"),
                           "-o", str(out), "-q"], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    return out


def _report_id(html: str) -> str:
    return re.search(rf'<tr data-report="(r\d+)"><td class="report"><a href="#r\d+"[^>]*>{re.escape(BMC)}</a>', html).group(1)


def test_page_opens_offline_and_shows_the_bmc_report(page):
    source = page.read_text(encoding="utf-8")
    report = _report_id(source)
    done = _chromium(f"{page.as_uri()}#{report}", "--dump-dom")
    dom = done.stdout
    assert "</html>" in dom, done.stderr[-2000:]
    # the Table-1 row
    row = re.search(rf'<tr data-report="{report}" class="current">(.*?)</tr>', dom, re.S).group(1)
    for value in (">40<", ">female<", ">cervix<", ">squamous cell carcinoma<", ">IIA1<", ">70.37<",
                  "paclitaxel + cisplatin × 2"):
        assert value in row, value
    # the report, rendered from its template into the view by the page's script
    view = re.search(r'<section id="view"[^>]*data-report="(r\d+)"[^>]*>(.*?)</section>', dom, re.S)
    assert view and view.group(1) == report
    shown = view.group(2)
    assert re.search(r'<mark class="f-wbc_values kept"[^>]*>70\.37\*109/L', shown)
    assert re.search(r'<mark class="f-drugs kept"[^>]*>paclitaxel', shown)
    # drugs of other patients (the discussion's literature) are set apart: struck, with the reason
    assert re.search(r'<mark class="f-drugs out"[^>]*>\w+<sup class="why">drugs: another patient', shown)
    # the WBC time line: an inline SVG with the 70.37 peak and the paclitaxel/cisplatin courses
    svg = re.search(r'<div class="plot" data-case="1"><svg.*?</svg>', shown, re.S).group(0)
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "70.37" in texts and "White cells" in " ".join(texts)
    assert "paclitaxel" in texts and "cisplatin" in texts


def test_a_link_to_a_finding_scrolls_to_its_mark(page):
    source = page.read_text(encoding="utf-8")
    report = _report_id(source)
    target = re.search(rf'<a href="#({report}/c1e\d+)">IIA1</a>', source).group(1)
    dom = _chromium(f"{page.as_uri()}#{target}", "--dump-dom").stdout
    mark_id = target.replace("/", "-")
    assert re.search(rf'<mark class="f-figo_stage kept focus" id="{mark_id}"|id="{mark_id}"></a><mark[^>]*focus', dom) \
        or re.search(rf'id="{mark_id}"[^>]*class="[^"]*focus', dom)


def test_screenshot(page):
    shots = Path(os.environ.get("CASELIT_ARTEFACTS") or tempfile.gettempdir()) / "caselit-screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    shot = shots / "review.png"
    shot.unlink(missing_ok=True)
    source = page.read_text(encoding="utf-8")
    _chromium(f"{page.as_uri()}#{_report_id(source)}", f"--screenshot={shot}", "--window-size=1400,900",
              "--hide-scrollbars")
    assert shot.exists() and shot.stat().st_size > 10_000
    assert shot.read_bytes().startswith(b"\x89PNG")
