"""Dashboard speed: first render of the seed story, page switches, layer toggles.

Two measurements:

1. **Browser** (what a user waits for): starts ``streamlit run dashboard/app.py``
   on a free local port, waits until its health check answers ("server up"),
   then drives headless Chromium (Playwright, Debian ``/usr/bin/chromium``):

   - first render: from ``page.goto`` to the five outlet cards and the five
     charts on screen and the run finished, for the first session (analysis
     not cached yet: cold) and for new sessions (analysis cached in the
     server); as the baseline, the same for a bare Streamlit page (one line
     of text) served by a second server started in the same run, and the
     ratio of the two medians (target: 1.5 or less);
   - page switch: click a page in the navigation, until that page's content
     is drawn and the script run has finished;
   - layer toggle: click a highlight-layer switch on the Article page, until
     the highlighted text has been redrawn.

2. **AppTest** (server-side script time only, no browser): the same actions
   through ``streamlit.testing.v1.AppTest``.

Usage::

    .venv/bin/python benchmarks/bench_dashboard.py [--rounds 5] [--screenshot docs/overview.png]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
BARE_APP = "import streamlit as st\n\nst.write('Hello')\n"
PAGES = [
    ("Article", ".slant-text"),
    ("Compare", ".slant-row"),
    ("Coverage", "[data-testid='stVegaLiteChart'] svg"),
    ("Method", "[data-testid='stExpander']"),  # the word lists, after every section
    ("Export", "[data-testid='stDownloadButton']"),
    ("Overview", ".slant-cards"),
]
DONE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _summary(name: str, seconds: list[float]) -> str:
    if len(seconds) == 1:
        return f"{name:<44} {seconds[0]:7.3f} s"
    return (
        f"{name:<44} median {statistics.median(seconds):6.3f} s  "
        f"max {max(seconds):6.3f} s  (n={len(seconds)})"
    )


def start_server(store: Path, app: str = "dashboard/app.py") -> tuple[subprocess.Popen, str, float]:
    """Start Streamlit; return the process, its URL and seconds until healthy."""
    port = _free_port()
    env = dict(os.environ, SLANT_STORE=str(store))
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", app,
         "--server.port", str(port), "--server.headless", "true",
         "--server.address", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    while True:
        if process.poll() is not None:
            raise RuntimeError("streamlit exited")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.05)
    return process, url, time.perf_counter() - started


def first_render(browser, url: str) -> tuple[float, object]:
    """Seconds from navigation to cards and charts drawn and the run finished."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(".slant-card", timeout=180_000)
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.slant-chart img'))"
        ".filter(i => i.complete && i.naturalWidth > 0).length >= 5", timeout=180_000,
    )
    page.wait_for_function(DONE, timeout=180_000)
    return time.perf_counter() - start, page


def bare_render(browser, url: str) -> float:
    """Seconds from navigation to a bare Streamlit page's text and the run finished."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("[data-testid='stMarkdownContainer']", timeout=180_000)
    page.wait_for_function(DONE, timeout=180_000)
    seconds = time.perf_counter() - start
    page.close()
    return seconds


def browser_figures(rounds: int, screenshot: Path | None) -> list[str]:
    """Run the browser measurements; return printable lines."""
    from playwright.sync_api import sync_playwright

    lines = []
    with tempfile.TemporaryDirectory() as store:
        process, url, up = start_server(Path(store))
        try:
            lines.append(_summary("server start until healthy", [up]))
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS
                )
                cold, page = first_render(browser, url)
                lines.append(_summary("first render, seeds, cold (analysis runs)", [cold]))
                page.close()
                warm = []
                for _ in range(rounds):
                    seconds, page = first_render(browser, url)
                    warm.append(seconds)
                    page.close()
                if screenshot is not None:
                    page = browser.new_page(viewport={"width": 1600, "height": 1150})
                    page.goto(url)
                    page.wait_for_selector(".slant-card", timeout=180_000)
                    page.wait_for_function(DONE, timeout=180_000)
                    page.wait_for_timeout(2000)
                    page.screenshot(path=str(screenshot))
                    page.close()
                lines.append(_summary("first render, seeds, new session (cached)", warm))
                # Baseline: a bare Streamlit page from a second server, measured
                # in turns with the seeds so both see the same machine load.
                bare_dir = Path(store) / "bare"
                bare_dir.mkdir()
                (bare_dir / "bare.py").write_text(BARE_APP)
                bare_process, bare_url, _ = start_server(Path(store), str(bare_dir / "bare.py"))
                try:
                    bare_render(browser, bare_url)  # its first session, like the cold one above
                    paired, baseline = [], []
                    for _ in range(rounds):
                        seconds, page = first_render(browser, url)
                        page.close()
                        paired.append(seconds)
                        baseline.append(bare_render(browser, bare_url))
                finally:
                    bare_process.terminate()
                    bare_process.wait(10)
                lines.append(_summary("seeds, new session (paired with the bare page)", paired))
                lines.append(_summary("baseline: bare Streamlit page, new session", baseline))
                ratio = statistics.median(paired) / statistics.median(baseline)
                lines.append(f"{'first render ÷ bare page (medians)':<44} {ratio:7.2f} ×")

                _, page = first_render(browser, url)
                switches: dict[str, list[float]] = {name: [] for name, _ in PAGES}
                for _ in range(rounds):
                    for name, ready in PAGES:
                        start = time.perf_counter()
                        page.locator("[data-testid='stSidebarNav']").get_by_text(
                            name, exact=True
                        ).click()
                        page.wait_for_selector(ready, timeout=60_000)
                        page.wait_for_function(DONE, timeout=60_000)
                        switches[name].append(time.perf_counter() - start)
                everything = [s for values in switches.values() for s in values]
                lines.append(_summary("page switch, all pages", everything))
                for name, values in switches.items():
                    lines.append(_summary(f"  page switch to {name}", values))

                page.locator("[data-testid='stSidebarNav']").get_by_text(
                    "Article", exact=True
                ).click()
                page.wait_for_selector(".slant-text mark", timeout=60_000)
                page.wait_for_function(DONE, timeout=60_000)
                toggles = []
                for i in range(rounds * 2):
                    start = time.perf_counter()
                    page.locator("[data-testid='stButtonGroup']").get_by_text(
                        "Loaded wording", exact=True
                    ).click()
                    expect_marks = i % 2 == 1  # every second click turns it back on
                    page.wait_for_function(
                        "(want) => (document.querySelector('.slant-text .hl-loaded') !== null)"
                        " === want", arg=expect_marks, timeout=60_000,
                    )
                    page.wait_for_function(DONE, timeout=60_000)
                    toggles.append(time.perf_counter() - start)
                lines.append(_summary("layer toggle (Loaded wording)", toggles))
                process.terminate()
                process.wait(10)

                # A restart over the same store: the analysis comes from the disk
                # cache, so only the imports remain.
                process, url, up = start_server(Path(store))
                restart, page = first_render(browser, url)
                page.close()
                lines.append(_summary("first render after restart (disk cache)", [restart]))
                browser.close()
        finally:
            process.terminate()
            process.wait(10)
    return lines


def apptest_figures(rounds: int) -> list[str]:
    """Server-side script times through AppTest."""
    from streamlit.testing.v1 import AppTest

    lines = []
    with tempfile.TemporaryDirectory() as store:
        os.environ["SLANT_STORE"] = store
        app = str(ROOT / "dashboard" / "app.py")
        at = AppTest.from_file(app, default_timeout=300)
        start = time.perf_counter()
        at.run()
        first = time.perf_counter() - start
        lines.append(_summary("AppTest first run (imports + analysis)", [first]))
        times = []
        for _ in range(rounds):
            at = AppTest.from_file(app, default_timeout=300)
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
        lines.append(_summary("AppTest new session, overview (cached)", times))
        switches = []
        for _ in range(rounds):
            for page in ("views/article.py", "views/compare.py", "views/coverage.py",
                         "views/method.py", "views/own_articles.py", "views/overview.py"):
                start = time.perf_counter()
                at.switch_page(page).run()
                switches.append(time.perf_counter() - start)
        lines.append(_summary("AppTest page switch, all pages", switches))
        at.switch_page("views/article.py").run()
        toggles = []
        for i in range(rounds * 2):
            start = time.perf_counter()
            layers = ["quotes", "hedges"] + (["loaded"] if i % 2 == 1 else [])
            at.pills(key="layers").set_value(layers).run()
            toggles.append(time.perf_counter() - start)
        lines.append(_summary("AppTest layer toggle", toggles))
    return lines


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--screenshot", type=Path, help="save the overview here (PNG)")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-apptest", action="store_true")
    args = parser.parse_args()
    lines = []
    if not args.no_browser:
        if Path(CHROMIUM).exists():
            lines += browser_figures(args.rounds, args.screenshot)
        else:
            lines.append(f"browser figures skipped: {CHROMIUM} not found")
    if not args.no_apptest:
        lines += apptest_figures(args.rounds)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
