"""The dashboard in a real browser: headless Chromium driven by Playwright.

Starts ``streamlit run dashboard/app.py`` on a free local port, loads every page
of the seed story, checks that no error element appears and saves screenshots,
then opens a saved story whose article is hostile (``<script>``, ``<img
onerror>``, Markdown and LaTeX) and checks that it is shown as inert text.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PAGES = {
    "": ".slant-cards",
    "article": ".slant-text",
    "compare": ".slant-row",
    "coverage": "[data-testid='stVegaLiteChart']",
    "method": "[data-testid='stDataFrame']",
    "own_articles": "[data-testid='stFileUploader']",
}
ERRORS = "[data-testid='stException'], [data-testid='stAlertContentError']"
HOSTILE_TITLE = "Hostile $5 and $10 **bold** :red[x]"
HOSTILE = (
    "<script>window.__pwned = 1; alert('x')</script> Officials said "
    "<img src=x onerror=\"window.__pwned = 2\"> the plan costs $5 and $10 billion. "
    "**bold** claims :red[x] and [x](javascript:alert(2)) appeared. </mark></div> "
    "Critics slammed the deal &amp; the talks. The minister may resign soon, reportedly."
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError("streamlit did not start")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A Streamlit server over a store holding one hostile story."""
    from dashboard.store import StoredFile, save_story

    store = tmp_path_factory.mktemp("store")
    hostile = save_story(
        HOSTILE_TITLE,
        [StoredFile("evil<b>x.txt", HOSTILE.encode()),
         StoredFile("calm.txt", b"The council met on Monday and agreed the budget. "
                                b"Members said the vote was close.")],
        {"calm": "<img src=x onerror=alert(3)> Times"},
        root=store,
    )
    port = _free_port()
    env = dict(os.environ, SLANT_STORE=str(store), PYTHONUNBUFFERED="1")
    log = (store.parent / "streamlit.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/app.py",
         "--server.port", str(port), "--server.headless", "true",
         "--server.address", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process)
        yield url, hostile.id
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
        )
        yield chromium
        chromium.close()


def _open(browser, url: str, ready: str):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_selector(ready, timeout=120_000)
    # Let the script run finish (the status widget disappears when it has).
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    page.wait_for_timeout(500)
    return page, dialogs


@pytest.mark.parametrize("path", list(PAGES))
def test_browser_dashboard_page_has_no_error(server, browser, path, tmp_path):
    url, _ = server
    page, dialogs = _open(browser, f"{url}/{path}", PAGES[path])
    try:
        assert page.locator(ERRORS).count() == 0, page.locator(ERRORS).all_inner_texts()
        assert not dialogs
        page.screenshot(path=str(tmp_path / f"{path or 'overview'}.png"), full_page=True)
    finally:
        page.close()


def test_browser_dashboard_overview_shows_outlets(server, browser):
    url, _ = server
    page, _ = _open(browser, url, ".slant-cards")
    try:
        assert page.locator(".slant-card").count() == 5
        assert "HERE Orlando" in page.locator(".slant-cards").inner_text()
        assert page.locator("[data-testid='stVegaLiteChart']").count() >= 4
    finally:
        page.close()


def test_browser_dashboard_hostile_article_is_inert(server, browser, tmp_path):
    url, story_id = server
    page, dialogs = _open(browser, f"{url}/article?story=saved:{story_id}", ".slant-text")
    try:
        page.wait_for_timeout(1000)
        assert page.locator(ERRORS).count() == 0
        assert not dialogs
        assert page.evaluate("() => window.__pwned === undefined")
        assert page.locator("[onerror]").count() == 0
        assert page.locator("img[src='x']").count() == 0
        scripts = page.evaluate(
            "() => Array.from(document.scripts).map(s => s.textContent).join('\\n')"
        )
        assert "__pwned" not in scripts
        shown = page.locator(".slant-text").first.inner_text()
        assert "<script>window.__pwned = 1; alert('x')</script>" in shown
        assert "$5 and $10 billion. **bold** claims :red[x]" in shown
        # Hover and click details survive the HTML sanitiser: a focusable mark
        # with its details in title and data attributes, shown after a click.
        mark = page.locator(".slant-text mark[data-detail][tabindex]").first
        assert "neutral alternative" in mark.get_attribute("title")
        mark.click()
        after = mark.evaluate("m => getComputedStyle(m, '::after').content")
        assert "neutral alternative" in after
        # The outlet without a name is called after its file, shown escaped.
        assert "evil<b>x" in page.locator("[data-testid='stHtml']").first.inner_text()
        page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)

        page.goto(f"{url}/?story=saved:{story_id}")
        page.wait_for_selector(".slant-cards", timeout=120_000)
        page.wait_for_timeout(1000)
        title = page.locator("h1").first.inner_text()
        assert title.strip() == HOSTILE_TITLE
        assert "<img src=x onerror=alert(3)> Times" in page.locator(".slant-cards").inner_text()
        assert page.locator("[onerror]").count() == 0
        assert page.evaluate("() => window.__pwned === undefined")
    finally:
        page.close()


def test_browser_dashboard_classroom_mode(server, browser):
    url, _ = server
    page, _ = _open(browser, url, ".slant-cards")
    try:
        page.get_by_text("Classroom mode").click()
        page.wait_for_function(
            "() => document.querySelector('.slant-cards')"
            " && document.querySelector('.slant-cards').innerText.includes('Outlet A')",
            timeout=60_000,
        )
        text = page.locator(".slant-cards").inner_text()
        assert "HERE Orlando" not in text and "Outlet E" in text
        assert page.locator("header[data-testid='stHeader']").is_hidden()
    finally:
        page.close()
