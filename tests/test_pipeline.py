"""Tests for analysis.pipeline: raw article → Article, loaded story → Story."""

from __future__ import annotations

import dataclasses

import pytest

from analysis import messages
from analysis.input.loading import LoadedStory, RawArticle
from analysis.pipeline import (
    analyse_raw,
    analyse_story,
    analyze_paths,
    make_doc,
    story_actors,
)
from analysis.results.article import Article, FileError, StoryInfo
from analysis.results.doc import Actor, Span

TEXT = "Mr. Hegseth met Gen. Nakatani. “We stand together,” he said.\nJapan agreed."

RAW = RawArticle(
    id="ledger",
    file="ledger.txt",
    text=(
        "Council approves new bike lanes on Main Street\n"
        "By Jane Doe\n"
        "The city council voted 7-2 on Tuesday to add bike lanes. The vote ended a long debate.\n"
        "“This is a good day,” said the mayor. Shop owners disagreed.\n"
        "Leave a Reply\n"
        "Your email address will not be published.\n"
    ),
    outlet="Daily Ledger",
)


def test_pipeline_make_doc_spans():
    doc = make_doc(TEXT, id="d", actors=(Actor("Japan"),))
    assert doc.id == "d"
    assert doc.paragraphs == (
        Span(0, 60, "Mr. Hegseth met Gen. Nakatani. “We stand together,” he said."),
        Span(61, 74, "Japan agreed."),
    )
    assert [s.text for s in doc.sentences] == [
        "Mr. Hegseth met Gen. Nakatani.",
        "“We stand together,” he said.",
        "Japan agreed.",
    ]
    assert doc.quotes == (Span(31, 51, "“We stand together,”"),)
    assert doc.word_count == 12
    assert doc.actors == (Actor("Japan"),)
    assert doc.in_quote(32, 34)
    assert not doc.in_quote(0, 3)


def test_pipeline_analyse_raw_cleans_and_fills_every_slot():
    article = analyse_raw(RAW)
    assert isinstance(article, Article)
    assert article.title == "Council approves new bike lanes on Main Street"
    assert article.byline == "Jane Doe"
    assert article.outlet == "Daily Ledger"
    assert article.text == (
        "The city council voted 7-2 on Tuesday to add bike lanes. The vote ended a long debate.\n"
        "“This is a good day,” said the mayor. Shop owners disagreed."
    )
    assert [r.rule for r in article.removed] == ["comment_form"]
    assert article.source.file == "ledger.txt"
    assert len(article.sentences) == 4
    assert article.quotes[0].text == "“This is a good day,”"
    for slot in ("sentiment", "hedging", "loaded", "readability"):
        assert getattr(article, slot) is not None, slot


def test_pipeline_input_title_and_byline_win_over_detected():
    raw = dataclasses.replace(RAW, title="Given title", byline="Manifest Byline")
    article = analyse_raw(raw)
    assert article.title == "Given title"
    assert article.byline == "Manifest Byline"


def test_pipeline_analysers_can_be_chosen():
    article = analyse_raw(RAW, analysers=["sentiment"])
    assert article.sentiment is not None
    assert (article.hedging, article.loaded, article.readability) == (None, None, None)


def test_pipeline_nothing_left_after_cleaning_is_an_error():
    raw = RawArticle(
        id="x", file="x.txt", text="Leave a Reply\nYour email address will not be published.\n"
    )
    result = analyse_raw(raw)
    assert result == FileError("x.txt", messages.NO_BODY)


def test_pipeline_article_doc_matches_make_doc():
    article = analyse_raw(RAW)
    assert article.doc() == make_doc(article.text, article.id)


def _loaded(*raws: RawArticle, actors=()) -> LoadedStory:
    return LoadedStory(StoryInfo("T", actors=actors), tuple(raws), (FileError("bad.txt", "m"),))


def test_pipeline_analyse_story_keeps_errors_and_reports_progress():
    empty = RawArticle(id="e", file="e.txt", text="Leave a Reply\n")
    seen = []
    story = analyse_story(
        _loaded(RAW, empty, actors=(Actor("Mayor"),)),
        progress=lambda done, total, id: seen.append((done, total, id)),
    )
    assert [a.id for a in story.articles] == ["ledger"]
    assert [e.file for e in story.errors] == ["bad.txt", "e.txt"]
    assert seen == [(1, 2, "ledger"), (2, 2, "e")]
    # One article: nothing to compare.
    assert story.comparison is None
    assert story.story.actors == (Actor("Mayor"),)


def test_pipeline_story_actors_guessed_without_manifest():
    texts = [
        "Mayor Ruth Bell opened the bridge. Ruth Bell said it was safe. Bell smiled.",
        "Ruth Bell cut the ribbon on Monday. Bell thanked the workers.",
    ]
    loaded = LoadedStory(
        StoryInfo("T"), tuple(RawArticle(str(i), f"{i}.txt", t) for i, t in enumerate(texts)), ()
    )
    names = {n for a in story_actors(loaded) for n in a.names}
    assert "Ruth Bell" in names


def test_pipeline_analyze_paths_records_stage_timings(seeds_dir):
    timings: dict[str, float] = {}
    story = analyze_paths([seeds_dir], compare=False, timings=timings)
    assert len(story.articles) == 5
    assert story.comparison is None
    for stage in ("loading", "cleaning", "segmentation", "sentiment", "readability"):
        assert timings[stage] >= 0.0


def test_pipeline_seeds_story_has_comparison(seeds_story):
    assert [a.outlet for a in seeds_story.articles][-1] == "Devdiscourse"
    assert seeds_story.comparison is not None
    assert seeds_story.errors == ()


def _spans(obj, path="article"):
    """Every (path, span-like) in a result tree: objects with start, end and text."""
    if dataclasses.is_dataclass(obj):
        names = {f.name for f in dataclasses.fields(obj)}
        if {"start", "end", "text"} <= names:
            yield path, obj
        for name in names:
            yield from _spans(getattr(obj, name), f"{path}.{name}")
    elif isinstance(obj, tuple):
        for i, item in enumerate(obj):
            yield from _spans(item, f"{path}[{i}]")


@pytest.mark.parametrize("index", range(5))
def test_pipeline_every_span_in_an_article_indexes_its_text(seeds_story, index):
    article = seeds_story.articles[index]
    checked = 0
    for path, span in _spans(article):
        assert article.text[span.start : span.end] == span.text, path
        checked += 1
    assert checked >= len(article.sentences) + len(article.paragraphs)
