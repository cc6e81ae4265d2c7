"""Tests for analysis.evaluate.loaded on a tiny BABE-format file written here."""

from __future__ import annotations

import pytest

from analysis.evaluate import loaded as evaluate_loaded

HEADER = "text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"
ROWS = (
    HEADER
    + "Critics slammed the bizarre plan.;x;o;t;;Biased;o;['slammed', 'bizarre']\n"
    + "The radical group met.;x;o;t;;Non-biased;o;[]\n"
    + "The mayor's corrupt deal.;x;o;t;;Biased;o;['corrupt', 'deal']\n"
    + "A left-wing paper wrote.;x;o;t;;Biased;o;['left-wing']\n"
)


def test_evaluate_loaded_scores_by_hand(tmp_path):
    path = tmp_path / "tiny.csv"
    path.write_text(ROWS, encoding="utf-8")
    # Predicted words: {slammed, bizarre}, {radical}, {corrupt}, {} -> 4.
    # Gold words: {slammed, bizarre}, {}, {corrupt, deal}, {left, wing} -> 6.
    # Hits: 2 + 0 + 1 + 0 = 3.  P = 3/4, R = 3/6, F1 = 0.6.
    assert evaluate_loaded.evaluate(path) == {
        "n": 4,
        "precision": 0.75,
        "recall": 0.5,
        "f1": 0.6,
    }


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ("['Left-wing', 'mob']", {"left", "wing", "mob"}),
        ("[]", set()),
        ("", set()),
        ("not a list", set()),
        ("'just a string'", set()),
    ],
)
def test_evaluate_loaded_gold_words(cell, words):
    assert evaluate_loaded.gold_words(cell) == words


def test_evaluate_loaded_predicted_words_of_phrase():
    assert evaluate_loaded.predicted_words("He lashed out again.") == {"lashed", "out"}


def test_evaluate_loaded_rejects_wrong_columns(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("text,label\nx,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="biased_words"):
        evaluate_loaded.evaluate(path)
