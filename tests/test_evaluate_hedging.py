"""Tests for analysis.evaluate.hedging on a tiny CSV written here."""

from __future__ import annotations

import pytest

from analysis.evaluate import hedging as evaluate_hedging

# Our own sentences in the CoNLL-2010 CSV layout; the third spans two lines.
ROWS = """text,label
"Some critics say the bridge is unsafe.",1
"The bridge opened in May 2020.",0
"It may rain tomorrow
in the north.",1
"The bridge is 300 metres long.",1
"Some 300 people came.",0
"She clearly won.",0
"Users may choose a colour.",0
"""


def test_evaluate_hedging_scores_by_hand(tmp_path):
    path = tmp_path / "tiny.csv"
    path.write_text(ROWS, encoding="utf-8")
    # Flagged: rows 1 and 3 (true), row 5 (approximator, false); row 4 missed;
    # row 7's "may" is a permission, not a guess, and is not flagged.
    assert evaluate_hedging.evaluate(path) == {
        "n": 7,
        "precision": 0.6667,
        "recall": 0.6667,
        "f1": 0.6667,
    }


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Rows 1, 3, 5, 7: two hits, one false alarm (row 5), one correct miss.
        ("odd", {"n": 4, "precision": 0.6667, "recall": 1.0, "f1": 0.8}),
        # Rows 2, 4, 6: nothing flagged, row 4 missed.
        ("even", {"n": 3, "precision": 0.0, "recall": 0.0, "f1": 0.0}),
    ],
)
def test_evaluate_hedging_halves(tmp_path, rows, expected):
    path = tmp_path / "tiny.csv"
    path.write_text(ROWS, encoding="utf-8")
    assert evaluate_hedging.evaluate(path, rows=rows) == expected


def test_evaluate_hedging_rejects_unknown_rows(tmp_path):
    path = tmp_path / "tiny.csv"
    path.write_text(ROWS, encoding="utf-8")
    with pytest.raises(ValueError, match="rows must be one of"):
        evaluate_hedging.evaluate(path, rows="third")


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("It is believed he fled.", True),
        ("Officials spoke on condition of anonymity.", True),
        ("He clearly fled.", False),
        ("He fled in May.", False),
        ("He may have fled.", True),
        ("Users may choose a colour.", False),
        ("Several residents fled.", True),
    ],
)
def test_evaluate_hedging_flag_categories(sentence, flagged):
    assert evaluate_hedging.is_flagged(sentence) is flagged


def test_evaluate_hedging_counts_quoted_cues():
    assert evaluate_hedging.is_flagged('He said "it may rain".')


def test_evaluate_hedging_rejects_wrong_columns(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("sentence,gold\nx,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="text"):
        evaluate_hedging.evaluate(path)
