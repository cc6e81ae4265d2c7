"""Article text can never attack its reader through an export or a view (issue 7, cases 10, 14).

Markup, Markdown and spreadsheet formulas in an article are data: every
export keeps them literally, the highlighted HTML escapes them, and CSV cells
that a spreadsheet would run are neutralised as OWASP recommends.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest

from analysis.input.loading import LoadedStory, RawArticle
from analysis.outputs.export import (
    FORMULA_PREFIXES,
    article_jsonl,
    article_row,
    safe_cell,
    story_csv,
    story_json,
)
from analysis.outputs.report import story_table
from analysis.outputs.serialize import from_dict
from analysis.pipeline import analyse_story
from analysis.results.article import Story, StoryInfo
from dashboard.builders.highlight import highlight_article, render

HOSTILE = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "</mark></div><b>",
    "&amp; &lt;",
    "$5 and $10",
    "**bold**",
    ":red[x]",
    "[x](javascript:alert(3))",
)


LEADS = (
    "The report, allegedly leaked on Monday, quoted",
    "Investigators in three cities allegedly found",
    "A spokesman for the ministry allegedly wrote",
    "Court filings released this week allegedly show",
    "The opposition leader allegedly told reporters",
    "Several bank statements allegedly list",
    "An anonymous post on a forum allegedly contained",
    "The final draft of the bill allegedly included",
)


def _story() -> Story:
    # Distinct lines, so the near-duplicate cleaner keeps every one.
    body = "\n".join(f"{lead} {h} before the vote." for lead, h in zip(LEADS, HOSTILE, strict=True))
    raws = (
        RawArticle("a", "a.txt", body, title="<b>Title</b> & =cmd|' /C calc'!A0", outlet="@Outlet"),
        RawArticle("b", "b.txt", "A calm second article.\nIt says little.", outlet="-Other"),
    )
    return analyse_story(LoadedStory(StoryInfo("<i>story</i>"), raws, ()), compare=False)


@pytest.fixture(scope="module")
def story() -> Story:
    return _story()


def test_hardening_export_json_keeps_text_literally(story):
    data = json.loads(story_json(story))
    text = data["articles"][0]["doc"]["text"]
    for hostile in HOSTILE:
        assert hostile in text
    assert data["articles"][0]["title"] == "<b>Title</b> & =cmd|' /C calc'!A0"
    assert from_dict(Story, data).articles[0].text == story.articles[0].text


def test_hardening_export_jsonl_keeps_text_literally(story):
    line = article_jsonl(story.articles[0])
    assert "\n" not in line
    assert json.loads(line)["doc"]["text"] == story.articles[0].text


def test_hardening_export_table_report_keeps_text_literally(story):
    table = story_table(story)
    assert "<b>Title</b> & =cmd|' /C calc'!A0" in table
    assert "@Outlet" in table


def test_hardening_highlight_escapes_and_stays_aligned(story):
    article = story.articles[0]
    out = highlight_article(article)
    # No markup from the article survives as markup: only the renderer's own
    # div, span and mark tags appear.
    assert set(re.findall(r"</?([a-zA-Z]+)", out)) <= {"div", "span", "mark"}
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "javascript:alert(3)" in out  # as text inside the div, not as a link
    assert "href" not in out
    # Tags stripped and entities unescaped give back the text exactly.
    visible = html.unescape(re.sub(r"<[^>]*>", "", out))
    assert visible == article.text
    for hostile in HOSTILE:
        assert hostile in visible


def test_hardening_highlight_marks_cover_their_words(story):
    article = story.articles[0]
    hedges = [m for m in article.hedging.matches if m.text.lower() == "allegedly"]
    assert len(hedges) == len(HOSTILE)
    out = render(article.text, [])
    assert html.unescape(re.sub(r"<[^>]*>", "", out)) == article.text


# 14. CSV formula injection -------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("", ""),
        (-0.5, -0.5),
        (-3, -3),
        (0.0, 0.0),
        (None, None),
        (True, True),
    ],
)
def test_hardening_csv_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_hardening_csv_formula_prefixes_are_owasps():
    assert set(FORMULA_PREFIXES) == {"=", "+", "-", "@", "\t", "\r"}


def test_hardening_csv_export_neutralises_text_keeps_numbers(story):
    rows = list(csv.DictReader(io.StringIO(story_csv(story.articles))))
    a, b = rows
    assert a["title"] == "'<b>Title</b> & =cmd|' /C calc'!A0"[1:]  # starts with "<": untouched
    assert a["outlet"] == "'@Outlet"
    assert b["outlet"] == "'-Other"
    # Numeric columns are written as numbers, never prefixed, even when negative.
    for row, article in zip(rows, story.articles, strict=True):
        assert row["words"] == str(article.word_count)
        expected = article_row(article)["sentiment_mean"]
        assert row["sentiment_mean"] == ("" if expected is None else str(expected))
    negative = [r["sentiment_mean"] for r in rows if r["sentiment_mean"].startswith("-")]
    assert all(not v.startswith("'") for v in negative)


def test_hardening_csv_negative_score_stays_numeric():
    raws = (RawArticle("n", "n.txt", "This is a terrible, horrible, awful disaster.\nIt was bad."),)
    story = analyse_story(LoadedStory(StoryInfo("s"), raws, ()), compare=False)
    (row,) = csv.DictReader(io.StringIO(story_csv(story.articles)))
    assert float(row["sentiment_mean"]) < 0
    assert row["sentiment_mean"] == str(article_row(story.articles[0])["sentiment_mean"])


def test_hardening_csv_title_formula_neutralised():
    raws = (RawArticle("f", "f.txt", "Body text here.\nMore body.", title="=2+5", outlet="+Out"),)
    story = analyse_story(LoadedStory(StoryInfo("s"), raws, ()), compare=False)
    (row,) = csv.DictReader(io.StringIO(story_csv(story.articles)))
    assert row["title"] == "'=2+5"
    assert row["outlet"] == "'+Out"


def test_hardening_json_never_writes_nan():
    data = {"x": float("nan"), "y": [float("inf"), 1.5]}
    from analysis.outputs.serialize import finite

    assert json.dumps(finite(data), allow_nan=False) == '{"x": null, "y": [null, 1.5]}'
