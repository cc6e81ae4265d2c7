"""Tests for analysis.pipeline: raw article → Article, loaded story → Story."""

from __future__ import annotations

import dataclasses

import builders
import pytest

from analysis import messages, pipeline, registry
from analysis.input.loading import LoadedStory, RawArticle
from analysis.measures import readability_counts
from analysis.pipeline import (
    analyse_raw,
    analyse_story,
    analyse_stream,
    analysis_key,
    analyze_paths,
    headline_doc,
    make_doc,
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
    assert article.sentiment.sentences[0].start == 0
    assert article.readability.words == article.word_count
    assert article.headline.text == "Council approves new bike lanes on Main Street"


def test_pipeline_input_title_and_byline_win_over_detected():
    raw = dataclasses.replace(RAW, title="Given title", byline="Manifest Byline")
    article = analyse_raw(raw)
    assert article.title == "Given title"
    assert article.byline == "Manifest Byline"


def test_pipeline_headline_is_analysed_like_the_body():
    raw = dataclasses.replace(RAW, title="Critics slammed the reckless plan")
    article = analyse_raw(raw)
    head = article.headline
    assert head.doc == headline_doc("Critics slammed the reckless plan", "", "ledger")
    assert head.title == Span(0, 33, "Critics slammed the reckless plan")
    # One sentence per line, scored whole, as a headline is read.
    assert [(s.start, s.end) for s in head.sentiment.sentences] == [(0, 33)]
    assert head.sentiment.sentences[0].compound < 0
    assert [m.text for m in head.loaded.matches] == ["slammed", "reckless"]
    assert article.headline_loaded_count == head.loaded.count == 2


def test_pipeline_headline_doc_keeps_the_standfirst_as_a_second_line():
    doc = headline_doc("Title here", "A standfirst follows.")
    assert doc.text == "Title here\nA standfirst follows."
    assert [s.text for s in doc.sentences] == ["Title here", "A standfirst follows."]
    assert headline_doc("", "").sentences == ()


def test_pipeline_analyser_failure_costs_only_that_article(monkeypatch):
    builders.fail_on(monkeypatch, "boom", analyser=1)
    bad = RawArticle(id="bad", file="bad.txt", text="It went boom on Monday.")
    story = analyse_story(_loaded(RAW, bad, actors=(Actor("Mayor"),)), compare=False)
    assert [a.id for a in story.articles] == ["ledger"]
    assert story.errors[-1] == FileError(
        "bad.txt", messages.ANALYSIS_FAILED.format(reason="ValueError: bad input")
    )
    assert story.errors[-1].message.code == "E303"


def test_pipeline_lone_surrogate_is_one_error_not_a_crash():
    raws = [
        RawArticle(id="good", file="s.jsonl:1", text="Officials said on Monday it would pass."),
        RawArticle(id="bad", file="s.jsonl:2", text="Lone \udfff here. Officials said so."),
    ]
    results = list(analyse_stream(raws, (Actor("Officials"),)))
    assert isinstance(results[0], Article)
    assert isinstance(results[1], FileError) and results[1].file == "s.jsonl:2"
    assert "UnicodeEncodeError" in results[1].message


def test_pipeline_nothing_left_after_cleaning_is_an_error():
    raw = RawArticle(
        id="x", file="x.txt", text="Leave a Reply\nYour email address will not be published.\n"
    )
    result = analyse_raw(raw)
    assert result == FileError("x.txt", messages.NO_BODY)


def test_pipeline_article_holds_the_doc_it_was_analysed_from():
    article = analyse_raw(RAW)
    assert article.doc == make_doc(article.text, article.id)
    assert (article.paragraphs, article.sentences, article.quotes, article.word_count) == (
        article.doc.paragraphs, article.doc.sentences, article.doc.quotes, article.doc.word_count
    )


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
    story = analyse_story(loaded, compare=False)
    names = {n for a in story.story.actors for n in a.names}
    assert "Ruth Bell" in names
    # Guessed once, for the story, and every record says so.
    assert story.story.actors_guessed is True
    assert all(a.sentiment.actors_guessed for a in story.articles)
    assert all(a.doc.actors == story.story.actors for a in story.articles)


def test_pipeline_named_actors_are_not_marked_guessed():
    story = analyse_story(_loaded(RAW, actors=(Actor("Mayor"),)), compare=False)
    assert story.story.actors_guessed is False
    assert story.articles[0].sentiment.actors_guessed is False


def test_pipeline_actors_are_guessed_from_cleaned_text():
    # The raw file repeats a name only in its boilerplate; the cleaned text
    # does not have it, so it is not an actor.
    body = "Ruth Bell opened the bridge. Ruth Bell said it was safe.\n"
    boiler = "Leave a Reply\nYour email address will not be published.\n"
    raws = (RawArticle("a", "a.txt", body + boiler),)
    story = analyse_story(LoadedStory(StoryInfo("T"), raws, ()), compare=False)
    assert [a.name for a in story.story.actors] == ["Ruth Bell"]
    assert "Leave" not in {n for a in story.story.actors for n in a.names}


def test_pipeline_renaming_outlets_needs_no_analysis(monkeypatch):
    calls = []
    for analyser in registry.ANALYSERS:
        real = analyser.function
        monkeypatch.setitem(
            analyser.__dict__, "function", lambda doc, real=real, name=analyser.name: (
                calls.append(name), real(doc))[1]
        )
    other = dataclasses.replace(RAW, id="other", outlet="Other Times")
    loaded = _loaded(RAW, other, actors=(Actor("Mayor"),))
    story = analyse_story(loaded)
    # 4 analysers on each body, 3 on each headline.
    assert len(calls) == 2 * (4 + 3)
    renamed_input = dataclasses.replace(
        loaded, articles=tuple(dataclasses.replace(r, outlet="Renamed") for r in loaded.articles)
    )
    assert analysis_key(renamed_input) == analysis_key(loaded)
    renamed = story.with_outlets({"ledger": "Renamed Ledger"})
    assert len(calls) == 14  # nothing re-analysed
    assert [a.outlet for a in renamed.articles] == ["Renamed Ledger", "Other Times"]
    assert renamed.comparison.leads[0].outlet == "Renamed Ledger"
    assert renamed.articles[0].sentiment is story.articles[0].sentiment
    # What the analysis reads does change the key.
    retitled = dataclasses.replace(loaded, articles=(dataclasses.replace(RAW, text="Other."),))
    assert analysis_key(retitled) != analysis_key(loaded)


def test_pipeline_comparison_is_capped_with_a_note(monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_COMPARED_ARTICLES", 2)
    raws = [dataclasses.replace(RAW, id=f"a{i}") for i in range(4)]
    story = analyse_story(_loaded(*raws, actors=(Actor("Mayor"),)))
    assert len(story.articles) == 4
    assert story.comparison.articles == ("a0", "a1")
    assert story.comparison.notes[0] == messages.COMPARISON_CAPPED.format(
        limit=2, left=2, first="a2", last="a3"
    )


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
        for name in names - {"headline"}:  # the headline's offsets index its own text
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
    head = article.headline
    for path, span in _spans(head, "headline"):
        assert head.text[span.start : span.end] == span.text, path
        checked += 1
    assert head.text.startswith(article.title)


def test_pipeline_an_empty_guess_is_not_guessed_again_per_article(monkeypatch):
    # The story-wide guess found no one: no article (or headline) guesses on its own.
    import analysis.text.actors

    calls = []
    monkeypatch.setattr(analysis.text.actors, "guess_actors",
                        lambda texts, *a, **k: calls.append(1) or ())
    raws = (RawArticle("a", "a.txt", "it rained. it rained again.", title="Rain"),)
    story = analyse_story(LoadedStory(StoryInfo("T"), raws, ()), compare=False)
    assert calls == [1]
    assert story.story.actors == () and story.story.actors_guessed
    assert story.articles[0].sentiment.actors == ()


def test_pipeline_row_actors_are_measured_in_their_article(tmp_path):
    from analysis.pipeline import analyze_paths

    table = tmp_path / "rows.jsonl"
    table.write_text(
        '{"text": "Sen. Warren praised the plan. Warren called it a triumph.",'
        ' "actors": ["Elizabeth Warren"]}\n'
        '{"text": "The plan passed on Monday.", "actors": 5}\n',
        encoding="utf-8",
    )
    story = analyze_paths([table], compare=False)
    first, second = story.articles
    (warren,) = first.sentiment.actors
    # "Sen. Warren" and "Warren": two sentences mention her by title and surname.
    assert (warren.actor, warren.mentions, warren.tone is not None) == ("Elizabeth Warren", 2, True)
    assert first.doc.actors_guessed is False
    assert "Elizabeth Warren" not in [a.actor for a in second.sentiment.actors]
    assert second.warnings == (messages.ROW_BAD_ACTORS.format(line=2),)


def test_pipeline_warm_up_loads_readability_hyphenation_fallback():
    # Workers fork after warm_up: a table it misses is loaded again in each.
    for cached in (readability_counts._pyphen, readability_counts.syllables,
                   readability_counts.text_syllables, readability_counts.word_facts):
        cached.cache_clear()
    pipeline.warm_up()
    assert readability_counts._pyphen.cache_info().currsize == 1


def test_pipeline_stored_article_keeps_no_tokens():
    # The analysers read Doc.tokens; the article kept afterwards does not
    # carry them (derived from the text, and most of an article's objects).
    article = analyse_raw(RawArticle(id="a", file="a.txt", text=TEXT))
    assert isinstance(article, Article)
    assert article.doc.tokens is None
    assert article.doc == make_doc(article.doc.text, "a")
