"""The figures table: one declaration behind every flat view."""

from __future__ import annotations

import pytest

from analysis.results import figures
from analysis.results.article import Article


def test_figures_types_come_from_the_result_annotations():
    assert figures.figure("words").kind == "bigint"
    assert figures.figure("sentiment_mean").kind == "double"
    assert figures.figure("readability_reliable").kind == "boolean"
    assert figures.figure("outlet").kind == "string"
    # A property on a result counts: its return annotation gives the type.
    assert figures.figure("weasels_and_anonymous_per_100_words").kind == "double"


def test_figures_wrong_path_is_refused():
    with pytest.raises(TypeError):
        figures.value_type(("sentiment", "no_such_field"), Article)
    with pytest.raises(TypeError):
        figures.value_type(("sentiment", "sentences"), Article)


def test_figures_row_of_the_seeds_matches_the_results(seeds_story):
    article = seeds_story.articles[0]
    row = figures.row(article)
    assert list(row) == [f.name for f in figures.FIGURES]
    assert row["words"] == article.word_count
    assert row["sentiment_mean"] == round(article.sentiment.mean, 4)
    rates = article.hedging.rates
    assert row["weasels_and_anonymous_per_100_words"] == round(
        rates.weasel + rates.anonymous_source, 4
    )


def test_figures_formatting_by_hand():
    fig = figures.figure("sentiment_mean")
    assert figures.format_value(0.1234, fig) == "+0.12"
    assert figures.format_value(0.25, figures.figure("sentiment_positive_share")) == "25%"
    rate = figures.figure("loaded_per_100_words")
    assert figures.format_value(1.25, rate, unit=True) == "1.2 per 100 words"
    assert figures.format_value(None, rate) == "—"
    assert figures.format_value(float("nan"), rate) == "—"
