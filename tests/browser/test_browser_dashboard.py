"""The dashboard in a real browser: headless Chromium driven by Playwright.

Starts ``streamlit run dashboard/app.py`` on a free local port and checks every
page of the seed story at projector size (1280×720) and at 1600×1000, in the
normal and the classroom mode. Screenshots of each land in
``tests/browser/artifacts/`` (git-ignored) to look at. The checks read the
rendered page: no error element, no request to any address but the app's own,
no chart label or legend cut short by Vega ("…"), no chart drawn smaller than
the height it declares, every coverage row labelled, chart text at least
14 px and dark, card bars that keep their width, the Reveal control and the
first contrast on screen without scrolling, and no chart or table toolbar in
classroom mode. Further tests: classroom mode survives a reload and a new tab,
the sidebar can be reopened, and a saved story whose article is hostile is
shown as inert text.
"""

import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PAGES = {
    "": ".slant-cards",
    "article": ".slant-text",
    "compare": ".slant-row",
    "coverage": "[data-testid='stVegaLiteChart'] svg",
    # The word-list expander comes after every teacher's section of the page.
    "method": "[data-testid='stExpander']",
    "export": "[data-testid='stDownloadButton']",
    "own_articles": "[data-testid='stFileUploader']",
}
VIEWPORTS = {"1280x720": (1280, 720), "1600x1000": (1600, 1000)}
MODES = {"normal": "", "classroom": "classroom=true"}
OUTLETS = [
    "Unnamed rewrite",
    "The New York Times (republished copy)",
    "HERE Orlando",
    "Wire report (agency not named)",
    "Devdiscourse",
]
ERRORS = "[data-testid='stException'], [data-testid='stAlertContentError']"
HOSTILE_TITLE = "Hostile $5 and $10 **bold** :red[x]"
HOSTILE = (
    "<script>window.__pwned = 1; alert('x')</script> Officials said "
    "<img src=x onerror=\"window.__pwned = 2\"> the plan costs $5 and $10 billion. "
    "**bold** claims :red[x] and [x](javascript:alert(2)) appeared. </mark></div> "
    "Critics slammed the deal &amp; the talks. The minister may resign soon, reportedly."
)
MIN_FONT_PX = 14

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, timeout: float = 120) -> None:
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


def _start(args: list[str], cwd: Path, env: dict) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    log = (Path(env["SLANT_STORE"]).parent / f"streamlit-{port}.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
         "--server.port", str(port), "--server.headless", "true", *args],
        cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    _wait_healthy(url, process)
    return process, url


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


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
    env = dict(os.environ, SLANT_STORE=str(store), PYTHONUNBUFFERED="1")
    process, url = _start(["--server.address", "127.0.0.1"], ROOT, env)
    try:
        yield url, hostile.id
    finally:
        _stop(process)


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def coverage_labels():
    """The coverage chart's row labels, as the dashboard builds them for the seeds."""
    from analysis.pipeline import analyze_paths
    from dashboard.builders.charts import coverage_label

    story = analyze_paths([ROOT / "seeds"])
    return [coverage_label(i, row) for i, row in enumerate(story.comparison.coverage)]


def _settle(page, ready: str) -> None:
    page.wait_for_selector(ready, timeout=120_000)
    # Let the script run finish (the status widget disappears when it has).
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    page.wait_for_timeout(800)


def _open(browser, url: str, ready: str, size: tuple[int, int] = (1400, 1000)):
    """Open ``url``; return the page, its dialogs and every URL the page requested."""
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    _settle(page, ready)
    return page, dialogs, requests


def _outside(requests: list[str], url: str) -> list[str]:
    """Requests to anywhere but the app itself (data: and blob: URLs stay in the page)."""
    return [r for r in requests if not r.startswith((url, "data:", "blob:", "about:"))]


CHART_FACTS = """async () => {
  // Charts drawn on the server arrive as SVG images; Vega-Lite charts as inline SVG.
  const inherited = (el, name) => {
    for (let e = el; e && e.getAttribute; e = e.parentNode) {
      const v = e.getAttribute(name) || (e.style && e.style[name]);
      if (v) return v;
    }
    return '';
  };
  const facts = (svg, box, holder, live) => {
    const declared = parseFloat(svg.getAttribute('height'));
    const declaredW = parseFloat(svg.getAttribute('width'));
    const scale = declaredW ? box.width / declaredW : 1;
    const texts = Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim());
    const size = t => parseFloat(
      live ? getComputedStyle(t).fontSize : inherited(t, 'font-size'));
    const fill = t => live ? getComputedStyle(t).fill : inherited(t, 'fill');
    const rgb = c => {
      const m = c.match(/\\d+/g);
      if (c.startsWith('#') && c.length === 7) {
        return [1, 3, 5].map(i => parseInt(c.slice(i, i + 2), 16));
      }
      return m && m.length >= 3 ? m.map(Number) : null;
    };
    return {
      declared, declaredW, height: box.height, width: box.width, scale,
      overflow: holder ? holder.scrollWidth - holder.clientWidth : 0,
      texts: texts.map(t => t.textContent),
      // Labels of one axis or legend that cover each other cannot be read.
      overlaps: (() => {
        const found = [];
        const groups = new Map();
        for (const t of texts) {
          const g = t.closest('.role-axis-label, .role-legend-label, .role-legend-entry');
          // A slanted label's box is wider than its text: boxes of neighbours overlap.
          if (!g || (t.getAttribute('transform') || '').includes('rotate')) continue;
          if (!groups.has(g)) groups.set(g, []);
          groups.get(g).push(t.getBoundingClientRect());
        }
        for (const rects of groups.values()) {
          for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) {
            const a = rects[i], b = rects[j];
            if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1
                && b.top < a.bottom - 1) found.push([i, j]);
          }
        }
        return found.length;
      })(),
      // Text drawn past the edge of its picture is cut off on screen.
      outside: live ? texts.filter(t => {
        const r = t.getBoundingClientRect();
        return r.right > box.right + 1 || r.left < box.left - 1 || r.top < box.top - 1
          || r.bottom > box.bottom + 1;
      }).map(t => t.textContent) : [],
      small: texts.filter(t => size(t) * scale < MIN_FONT_PX)
        .map(t => t.textContent + ' ' + size(t)),
      light: texts.filter(t => {
        const c = rgb(fill(t));
        return c && (0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]) > 110;
      }).map(t => t.textContent + ' ' + fill(t)),
    };
  };
  const out = [];
  for (const img of document.querySelectorAll('.slant-chart img')) {
    if (!img.src.startsWith('data:image/svg+xml')) continue;
    // Draw the picture's SVG off screen at the picture's size, to measure its text.
    const text = await (await fetch(img.src)).text();
    const holder = document.createElement('div');
    holder.style.cssText = 'position:absolute;left:-20000px;top:0';
    holder.innerHTML = text;
    document.body.appendChild(holder);
    const svg = holder.querySelector('svg');
    const box = img.getBoundingClientRect();
    svg.setAttribute('width', box.width);
    svg.setAttribute('height', box.height);
    const f = facts(svg, svg.getBoundingClientRect(), img.parentElement, true);
    f.declared = parseFloat(new DOMParser().parseFromString(text, 'image/svg+xml')
      .documentElement.getAttribute('height'));
    f.scale = box.width / parseFloat(new DOMParser().parseFromString(text, 'image/svg+xml')
      .documentElement.getAttribute('width'));
    f.height = box.height;
    out.push(f);
    holder.remove();
  }
  for (const svg of document.querySelectorAll('[data-testid="stVegaLiteChart"] svg.marks')) {
    const holder = svg.closest('[data-testid="stVegaLiteChart"]');
    out.push(facts(svg, svg.getBoundingClientRect(), holder, true));
  }
  return out;
}""".replace("MIN_FONT_PX", str(MIN_FONT_PX))


def _check_charts(page, where: str) -> list[dict]:
    charts = page.evaluate(CHART_FACTS)
    for chart in charts:
        assert chart["height"] >= min(chart["declared"], 100) - 1, (where, chart["height"])
        assert chart["height"] >= chart["declared"] * chart["scale"] - 1, where
        assert chart["overflow"] <= 1, (where, "chart wider than its column", chart["texts"][:3])
        cut = [t for t in chart["texts"] if t.endswith("…") and not re.match(r"\s*\d+\. ", t)]
        assert not cut, (where, "labels cut short", cut)
        assert not chart["outside"], (where, "labels cut at the chart's edge", chart["outside"])
        assert not chart["overlaps"], (where, "labels drawn over each other", chart["texts"][:8])
        assert not chart["small"], (where, "text under 14 px", chart["small"][:5])
        assert not chart["light"], (where, "light text", chart["light"][:5])
    return charts


def _screenshots(page, name: str, size: tuple[int, int]) -> None:
    """Save what is on screen (``-fold``) and the whole page.

    Streamlit scrolls inside its main container, so a "full page" screenshot
    would show only the screen; the window is made as tall as the content.
    """
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-fold.png"))
    tall = page.evaluate(
        "() => Math.max(...Array.from(document.querySelectorAll("
        "'[data-testid=\"stMain\"], [data-testid=\"stSidebarContent\"]'))"
        ".map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": size[0], "height": max(size[1], min(tall + 40, 12000))})
    page.wait_for_timeout(400)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.wait_for_timeout(400)


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("size", list(VIEWPORTS))
@pytest.mark.parametrize("path", list(PAGES))
def test_browser_dashboard_page_is_projector_ready(
    server, browser, path, size, mode, coverage_labels
):
    url, _ = server
    query = MODES[mode]
    width, height = VIEWPORTS[size]
    page, dialogs, requests = _open(
        browser, f"{url}/{path}" + (f"?{query}" if query else ""), PAGES[path], (width, height)
    )
    where = f"{mode} {size} /{path}"
    try:
        _screenshots(page, f"{mode}-{size}-{path or 'overview'}", (width, height))
        assert page.locator(ERRORS).count() == 0, page.locator(ERRORS).all_inner_texts()
        assert not dialogs
        assert not _outside(requests, url), _outside(requests, url)
        charts = _check_charts(page, where)
        if path == "":
            assert len(charts) == 5, where
            bars = page.eval_on_selector_all(
                ".slant-card .bar", "bs => bs.map(b => b.getBoundingClientRect().width)"
            )
            assert bars and min(bars) >= 30, (where, bars)
            assert "per 100 words" in page.locator(".slant-cards").inner_text()
        if path == "coverage":
            shown = {t.strip() for t in charts[0]["texts"]}
            missing = [label for label in coverage_labels if label.strip() not in shown]
            assert not missing, (where, "unlabelled coverage rows", missing[:5])
        if path == "compare":
            last = page.locator(".slant-contrasts .slant-diff").first.bounding_box()
            assert last["y"] + last["height"] <= height, (where, "first contrast below the fold")
        if mode == "classroom":
            body = page.locator("body").inner_text()
            assert not [o for o in OUTLETS if o in body], where
            reveal = page.get_by_role("button", name="Reveal outlets").bounding_box()
            assert reveal and reveal["y"] + reveal["height"] <= height, (where, reveal)
            for toolbar in ("[data-testid='stElementToolbar']", ".vega-embed details"):
                visible = [e for e in page.locator(toolbar).all() if e.is_visible()]
                assert not visible, (where, toolbar)
        assert page.locator(".vega-embed details").count() == 0, (where, "chart menu")
    finally:
        page.close()


def _card_names(page) -> list[str]:
    return page.locator(".slant-card .outlet").all_inner_texts()


def test_browser_dashboard_classroom_survives_reload_and_new_tab(server, browser):
    url, _ = server
    page, _, requests = _open(browser, url, ".slant-cards")
    try:
        page.get_by_text("Classroom mode").click()
        page.wait_for_function(
            "() => document.querySelector('.slant-cards')"
            " && document.querySelector('.slant-cards').innerText.includes('Outlet A')",
            timeout=60_000,
        )
        _settle(page, ".slant-cards")
        assert "classroom=true" in page.url and "letters=" in page.url
        before = list(zip(_card_names(page), page.locator(".slant-card .headline")
                          .all_inner_texts(), strict=True))
        # The letters do not follow file order: the seed story's first file
        # (000, "Unnamed rewrite") is not always Outlet A; the seed is in the URL.
        page.reload()
        _settle(page, ".slant-cards")
        body = page.locator("body").inner_text()
        assert not [o for o in OUTLETS if o in body] and "Martin Fackler" not in body
        assert "Outlet A" in body
        again = list(zip(_card_names(page), page.locator(".slant-card .headline")
                         .all_inner_texts(), strict=True))
        assert again == before
        other, _, _ = _open(browser, page.url, ".slant-cards")
        try:
            assert list(zip(_card_names(other), other.locator(".slant-card .headline")
                            .all_inner_texts(), strict=True)) == before
        finally:
            other.close()
        # Collapse the sidebar, then reopen it from the header: the classroom
        # controls come back.
        page.locator("[data-testid='stSidebar']").hover()
        page.locator("[data-testid='stSidebarCollapseButton'] button").click()
        width = "() => document.querySelector('[data-testid=\"stSidebar\"]')" \
            ".getBoundingClientRect().width"
        page.wait_for_function(f"{width} < 10", timeout=10_000)
        page.locator("[data-testid='stExpandSidebarButton']").click()
        page.wait_for_function(f"{width} > 200", timeout=10_000)
        page.wait_for_timeout(500)
        page.get_by_role("button", name="Reveal outlets").click()
        page.wait_for_function(
            "() => document.querySelector('.slant-cards')"
            " && document.querySelector('.slant-cards').innerText.includes('HERE Orlando')",
            timeout=60_000,
        )
        _settle(page, ".slant-cards")
        assert "revealed=1" in page.url
        page.reload()
        _settle(page, ".slant-cards")
        assert "HERE Orlando" in page.locator(".slant-cards").inner_text()
        assert not _outside(requests, url), _outside(requests, url)
    finally:
        page.close()


def test_browser_dashboard_shuffle_changes_letters(server, browser):
    url, _ = server
    page, _, _ = _open(browser, f"{url}/?classroom=true&letters=1", ".slant-cards")
    try:
        first = page.locator(".slant-card .headline").all_inner_texts()
        page.get_by_role("button", name="Shuffle letters").click()
        page.wait_for_function("() => !location.search.includes('letters=1&')"
                               " && !location.search.endsWith('letters=1')", timeout=60_000)
        _settle(page, ".slant-cards")
        seed = re.search(r"letters=(\d+)", page.url).group(1)
        shuffled = page.locator(".slant-card .headline").all_inner_texts()
        assert sorted(shuffled) == sorted(first)
        page.goto(f"{url}/?classroom=true&letters={seed}")
        _settle(page, ".slant-cards")
        assert page.locator(".slant-card .headline").all_inner_texts() == shuffled
    finally:
        page.close()


def test_browser_dashboard_hostile_article_is_inert(server, browser):
    url, story_id = server
    page, dialogs, _ = _open(browser, f"{url}/article?story=saved:{story_id}", ".slant-text")
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
        mark = page.locator(".slant-text mark.hl-loaded[data-detail][tabindex]").first
        assert "neutral alternative" in mark.get_attribute("title")
        mark.click()
        after = mark.evaluate("m => getComputedStyle(m, '::after').content")
        assert "neutral alternative" in after
        # The outlet without a name is called after its file, shown escaped.
        main = page.locator("[data-testid='stMain'] [data-testid='stHtml']")
        assert "evil<b>x" in main.first.inner_text()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "hostile.png"), full_page=True)

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


def test_browser_dashboard_safe_settings_whatever_the_folder(browser, tmp_path):
    """Started from another folder (no config.toml there), the app refuses or sets safe values."""
    env = dict(os.environ, SLANT_STORE=str(tmp_path / "store"), PYTHONUNBUFFERED="1",
               PYTHONPATH=str(ROOT))
    (tmp_path / "store").mkdir()
    # No address given: Streamlit would listen on every interface; Slant refuses.
    process, url = _start([], tmp_path, env)
    try:
        page, _, _ = _open(browser, url, "[data-testid='stAlertContentError']")
        assert "listens on every network interface" in page.locator("body").inner_text()
        assert page.locator(".slant-cards").count() == 0
        page.close()
    finally:
        _stop(process)
    # An address given, still from another folder: the other settings are set.
    process, url = _start(["--server.address", "127.0.0.1"], tmp_path, env)
    try:
        page, _, _ = _open(browser, f"{url}/own_articles", "[data-testid='stFileUploader']")
        assert "10MB per file" in page.locator("[data-testid='stFileUploader']").inner_text()
        page.close()
    finally:
        _stop(process)


# --- a hostile upload in one session does not stall another -----------------------

HOSTILE_UNIT = "a!A"
"""sentencex is quadratic on ``!`` before a non-space (issue 16); bounded, 1 MB still
takes tens of seconds of analysis, all in the worker process."""
HOSTILE_BYTES = 1_000_000
SLOWDOWN_BAR = 3.0
CHART_IMAGES = 5
HEALTH_TIMEOUT_S = 3.0


def _seeds_render_seconds(browser, url: str, shot: str | None = None) -> float:
    """Seconds from navigation to the seeds' cards and five charts drawn, run finished.

    Each call opens a new tab, so a new session: its script runs on the server.
    """
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(".slant-card", timeout=120_000)
        page.wait_for_function(
            "(n) => Array.from(document.querySelectorAll('.slant-chart img'))"
            ".filter(i => i.complete && i.naturalWidth > 0)"
            ".length >= n", arg=CHART_IMAGES, timeout=120_000,
        )
        page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000
        )
        seconds = time.perf_counter() - start
        assert page.locator(ERRORS).count() == 0
        if shot:
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / shot))
        return seconds
    finally:
        page.close()


def _analysis_workers(server_pid: int) -> list:
    """The analysis worker processes of a server: children of its multiprocessing fork server."""
    psutil = pytest.importorskip("psutil")
    workers = []
    for child in psutil.Process(server_pid).children(recursive=True):
        try:
            parent = child.parent()
            if (parent is not None and "forkserver" in " ".join(parent.cmdline())
                    and child.status() != psutil.STATUS_ZOMBIE):
                workers.append(child)
        except psutil.Error:
            continue
    return workers


class _HealthPoller(threading.Thread):
    """Polls ``/_stcore/health`` until stopped; records each answer's status and latency."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.answers: list[tuple[int | str, float]] = []
        self.started: list[float] = []
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.is_set():
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(
                    f"{self.url}/_stcore/health", timeout=HEALTH_TIMEOUT_S
                ) as response:
                    status: int | str = response.status
            except OSError as exc:  # a timeout is an answer that did not come
                status = type(exc).__name__
            self.started.append(start)
            self.answers.append((status, time.perf_counter() - start))
            self.halt.wait(0.25)


def test_browser_dashboard_hostile_upload_does_not_stall_other_sessions(browser, tmp_path):
    """Issue 16: while one session analyses a hostile 1 MB upload, another's page stays fast.

    Session one uploads ``a!A`` repeated to 1 MB on "Your articles" and starts the
    analysis; while its worker process runs (checked before and after each
    measured render, and the page shows the running state), new sessions open
    the seeds' overview, until session one shows its result. Every one of
    those renders must take under 3× the median of renders measured just
    before on the idle server, and every health check must answer 200 within
    3 s (on our shared two cores under load 9, the slowest took 1.1 s; the
    story's own page must also name the article it left out). (Before the
    result was bounded and the cache written by the worker,
    the server unpickled 333,000 sentences and wrote 120 MB of JSON after the
    worker ended: one render took 19 s and health checks timed out.)
    """
    from dashboard.stories import ANALYSING

    store = tmp_path / "store"
    store.mkdir()
    env = dict(os.environ, SLANT_STORE=str(store), PYTHONUNBUFFERED="1")
    process, url = _start(["--server.address", "127.0.0.1"], ROOT, env)
    try:
        _seeds_render_seconds(browser, url)  # the seeds analysed and the renderer warm
        normal = [_seeds_render_seconds(browser, url) for _ in range(3)]
        assert not _analysis_workers(process.pid)

        one = browser.new_page(viewport={"width": 1280, "height": 720})
        one.goto(f"{url}/own_articles")
        _settle(one, "[data-testid='stFileUploader']")
        data = ("Officials said the plan was approved on Monday.\n"
                + HOSTILE_UNIT * (HOSTILE_BYTES // len(HOSTILE_UNIT)) + "\n").encode()
        one.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
            files=[{"name": "hostile.txt", "mimeType": "text/plain", "buffer": data}]
        )
        one.wait_for_selector("[data-testid='stFileChipName']", timeout=60_000)
        one.wait_for_selector("[data-testid='stFileChipIconSpinner']", state="detached",
                              timeout=60_000)
        _settle(one, "[data-testid='stFileChipName']")
        one.get_by_label("Story title").fill("Hostile upload")
        poller = _HealthPoller(url)
        poller.start()
        one.get_by_role("button", name="Analyse and save").click()
        deadline = time.monotonic() + 60
        while not _analysis_workers(process.pid):
            assert time.monotonic() < deadline, "the analysis worker never started"
            time.sleep(0.1)
        running = one.get_by_text(ANALYSING)
        running.wait_for(timeout=30_000)
        running.scroll_into_view_if_needed()
        ARTIFACTS.mkdir(exist_ok=True)
        one.screenshot(path=str(ARTIFACTS / "hostile-upload-running.png"))

        # New sessions open the seeds for as long as session one is analysing:
        # in the worker, and then while the server takes the result in.
        loaded, with_worker = [], 0
        while one.get_by_text(ANALYSING).count():
            before = _analysis_workers(process.pid)
            shot = f"hostile-upload-other-{len(loaded)}.png" if len(loaded) < 3 else None
            loaded.append(_seeds_render_seconds(browser, url, shot))
            after = {w.pid for w in _analysis_workers(process.pid)}
            with_worker += bool(before) and all(w.pid in after for w in before)
            assert len(loaded) < 200, "the analysis never ended"
        poller.halt.set()
        poller.join()

        done = time.perf_counter()

        # Session one ends with its story (or a message), never a traceback:
        # the article is too long for the dashboard, and its overview says so.
        _settle(one, "[data-testid='stFileUploader']")
        one.screenshot(path=str(ARTIFACTS / "hostile-upload-done.png"))
        assert one.locator(ERRORS).count() == 0, one.locator(ERRORS).all_inner_texts()
        one.get_by_text("Open the overview").click()
        _settle(one, "[data-testid='stExpander']")
        one.screenshot(path=str(ARTIFACTS / "hostile-upload-overview.png"))
        told = one.locator("[data-testid='stExpander']").inner_text()
        # Left out for its 333,335 sentences; on a very busy machine the time
        # budget may run out first, which is also a bounded end with a message.
        assert ("hostile.txt: this article has 333,335 sentences and the dashboard shows at "
                "most 20,000" in told or "did not finish within 120 s" in told), told
        one.close()

        assert with_worker >= 2, (f"only {with_worker} render(s) while the worker ran: "
                                  "the measurement needs a longer analysis", loaded)
        ratio = statistics.median(loaded) / statistics.median(normal)
        slowest = max(s for _, s in poller.answers)
        # Shown with -s (and -rP): the figures behind the verdict.
        slow = [(round(t - done, 1), s) for t, (_, s) in zip(poller.started, poller.answers,
                                                             strict=True) if s > 0.5]
        print(f"normal {normal}, during the analysis {loaded}, ratio {ratio:.2f}; "
              f"{len(poller.answers)} health checks, slowest {slowest:.3f} s, "
              f"over 0.5 s (seconds before the end, seconds): {slow}")
        assert ratio < SLOWDOWN_BAR, (normal, loaded)
        # Not one of them stalled (a median would hide one render held 19 s).
        assert max(loaded) < SLOWDOWN_BAR * statistics.median(normal), (normal, loaded)
        failed = [a for a in poller.answers if a[0] != 200]
        assert poller.answers and not failed, failed
        assert slowest < HEALTH_TIMEOUT_S
    finally:
        _stop(process)
