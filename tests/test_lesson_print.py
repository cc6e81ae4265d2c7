"""Both printouts: self-contained, script-free, blind where they must be, and printable.

The static checks run everywhere; the browser check prints each file to PDF
in headless Chromium (A4 and US Letter), checks the pages, and saves the PDFs
and a PNG of the first page for a person to look at (in ``$SLANT_ARTEFACTS``
when set, else the test's temporary folder).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dashboard.lesson.teacher_key import teacher_key_html
from dashboard.lesson.text import esc
from dashboard.lesson.worksheet import worksheet_html

TESTS = Path(__file__).resolve().parent
STORIES = {
    "seeds": TESTS.parent / "seeds",
    "own": TESTS / "lesson_story",
    "bus": TESTS / "gold" / "alignment" / "bus-fares" / "articles",
}
CHROMIUM = Path("/usr/bin/chromium")
SEED = 3


@pytest.fixture(scope="module", params=list(STORIES))
def printed(request):
    """(name, story, worksheet HTML, key HTML) for each story."""
    from analysis.pipeline import analyze_paths

    story = analyze_paths([STORIES[request.param]])
    return request.param, story, worksheet_html(story, SEED), teacher_key_html(story, SEED)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def _tags(html: str):
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_lesson_print_files_are_offline_and_script_free(printed):
    _, _, sheet, key = printed
    for html in (sheet, key):
        assert "<script" not in html.lower()
        tags = _tags(html)
        assert tags[0][0] == "html" and not any(t == "script" for t, _ in tags)
        for tag, attrs in tags:
            for attr, value in attrs:
                assert not attr.startswith("on"), (tag, attr)
                assert attr not in ("src", "href", "srcset", "action"), (tag, attr)
                assert not re.search(r"(https?:)?//", value or ""), (tag, attr, value)
        style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
        assert "url(" not in style and "@import" not in style and "http" not in style


def test_lesson_print_files_are_printable(printed):
    _, _, sheet, key = printed
    for html in (sheet, key):
        style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
        assert "@page" in style
        assert "break-before: page" in style
        size = float(re.search(r"html \{ font-size: ([\d.]+)pt; \}", style).group(1))
        assert 11 <= size <= 12
        # No fixed page size, so the printer's A4 or Letter paper is used.
        assert "size:" not in style.split("@page", 1)[1].split("}", 1)[0]


def test_lesson_print_key_names_every_outlet_and_the_worksheet_none(printed):
    _, story, sheet, key = printed
    texts = " ".join(a.text + " " + a.title for a in story.articles).lower()
    for a in story.articles:
        assert esc(a.outlet) in key
        assert esc(a.source.file) in key
        for real in (a.outlet, a.byline, a.source.file, a.source.url):
            if real:
                assert real.lower() not in sheet.lower(), real
        # Ids and kinds are words an article may use itself; unless it does,
        # they must not appear either.
        for word in (a.id, a.kind):
            if word and word.lower() not in texts:
                assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", sheet, re.I), word


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium")
def test_lesson_print_to_pdf_in_chromium(printed, tmp_path):
    playwright = pytest.importorskip("playwright.sync_api")
    name, _, sheet, key = printed
    out = Path(os.environ.get("SLANT_ARTEFACTS", tmp_path)) / "lesson"
    out.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            for kind, html in (("worksheet", sheet), ("key", key)):
                path = out / f"{name}_{kind}.html"
                path.write_text(html, encoding="utf-8")
                # An A4 page's printable width at 96 px per inch, less the margins.
                page = browser.new_page(viewport={"width": 695, "height": 1000})
                requests = []
                page.on("request", lambda r, seen=requests: seen.append(r.url))
                page.goto(path.as_uri())
                page.emulate_media(media="print")
                assert requests == [path.as_uri()], requests  # nothing fetched
                overflow = page.evaluate(
                    "() => document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 0, f"{kind} is {overflow}px wider than the page"
                for paper in ("A4", "Letter"):
                    pdf = page.pdf(format=paper, print_background=True)
                    assert pdf.startswith(b"%PDF") and _pages(pdf) >= 1
                    (out / f"{name}_{kind}_{paper}.pdf").write_bytes(pdf)
                page.close()
        finally:
            browser.close()
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:
        for kind in ("worksheet", "key"):
            subprocess.run(
                [pdftoppm, "-png", "-r", "70", "-f", "1", "-l", "2",
                 str(out / f"{name}_{kind}_A4.pdf"), str(out / f"{name}_{kind}_A4")],
                check=True, timeout=60,
            )
            # pdftoppm pads the page number to the width of the last page's.
            first = sorted(out.glob(f"{name}_{kind}_A4-*1.png"))
            assert first and first[0].stat().st_size > 0
