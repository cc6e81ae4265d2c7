"""Tests for analysis.evaluate.sentiment on a tiny hand-made rating file."""

from __future__ import annotations

import statistics

import pytest

from analysis.evaluate import calibrate
from analysis.evaluate.sentiment import evaluate, macro_f1, pearson, read_rated
from analysis.measures.calibration import read_table

# Our own sentences; the "human" means are invented for the test (-4..+4 scale).
ROWS = (
    "1\t2.0\tThe book was good.\n"  # compound 0.4404 -> positive; 2/4 = 0.5 -> positive
    "2\t-2.0\tIt was terrible!\n"  # -0.5255 -> negative; negative
    "3\t0.0\tThe sky was cold.\n"  # 0.0 -> neutral; neutral
    "4\t1.0\tThe sky was cold today.\n"  # 0.0 -> neutral; 0.25 -> positive (a miss)
    "\n"
    "5\tnot-a-number\tSkipped line.\n"
)


@pytest.fixture
def rated(tmp_path):
    path = tmp_path / "rated.tsv"
    path.write_text(ROWS, encoding="utf-8")
    return path


def test_evaluate_sentiment_reads_rows_and_skips_bad_lines(rated):
    texts, means, skipped = read_rated(rated)
    assert texts[0] == "The book was good." and means == [2.0, -2.0, 0.0, 1.0]
    assert skipped == 1


def test_evaluate_sentiment_figures_hand_checked(rated):
    scores = evaluate(rated, calibrated=False)
    assert scores["n"] == 4 and scores["skipped"] == 1
    # F1: positive 2/3 (1 hit, 1 missed), negative 1, neutral 2/3 (1 hit, 1 false alarm)
    assert scores["macro_f1"] == pytest.approx((2 / 3 + 1 + 2 / 3) / 3, abs=1e-4)
    expected_r = statistics.correlation([0.4404, -0.5255, 0.0, 0.0], [2.0, -2.0, 0.0, 1.0])
    assert scores["pearson_r"] == pytest.approx(expected_r, abs=1e-4)


def test_evaluate_sentiment_json_keys(rated):
    assert {"n", "pearson_r", "macro_f1"} <= set(evaluate(rated))


def test_evaluate_sentiment_empty_file_is_an_error(tmp_path):
    path = tmp_path / "empty.tsv"
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no rated sentences"):
        evaluate(path)


def test_evaluate_sentiment_adjustment_changes_name_sentences(tmp_path):
    path = tmp_path / "names.tsv"
    # "United" counts +1.8 in plain VADER; as part of a name it is left out
    path.write_text("1\t0.0\tThe United States sent ships.\n2\t2.0\tIt was good.\n")
    plain = evaluate(path, adjusted=False)
    adjusted = evaluate(path, adjusted=True)
    # plain: both called positive -> F1 positive 2/3, neutral 0, negative 0 (no cases)
    assert plain["macro_f1"] == pytest.approx(2 / 9, abs=1e-4)
    # adjusted: both right -> positive 1, neutral 1, negative 0
    assert adjusted["macro_f1"] == pytest.approx(2 / 3, abs=1e-4)


@pytest.mark.parametrize(
    ("xs", "ys", "expected"),
    [([1, 2, 3], [2, 4, 6], 1.0), ([1, 2, 3], [3, 2, 1], -1.0), ([1, 1, 1], [1, 2, 3], 0.0)],
)
def test_evaluate_sentiment_pearson(xs, ys, expected):
    assert pearson(xs, ys) == pytest.approx(expected)


def test_evaluate_sentiment_macro_f1_perfect_and_empty_class():
    assert macro_f1(["positive", "negative"], ["positive", "negative"]) == pytest.approx(2 / 3)


def test_evaluate_sentiment_calibrated_by_default(rated):
    # the calibration keeps the signs of these four sentences, so the labels agree
    assert evaluate(rated)["macro_f1"] == evaluate(rated, calibrated=False)["macro_f1"]


def test_evaluate_sentiment_article_of_nyt_id():
    assert calibrate.article_of("12_3") == "12" and calibrate.article_of("7") == "7"


def _many_rows(path):
    # Our own sentences: 12 "articles" of 3 sentences; rated as VADER would, so
    # a calibration has something to learn (scale) and no word weights (each
    # word occurs in fewer than MIN_ARTICLES articles but "good" and "bad").
    lines = []
    for a in range(12):
        lines.append(f"{a}_1\t2.0\tThe food was good.")
        lines.append(f"{a}_2\t-2.0\tThe food was bad.")
        lines.append(f"{a}_3\t0.0\tThe food was served at {a}.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_evaluate_sentiment_cv_refits_per_fold(tmp_path):
    path = _many_rows(tmp_path / "many.tsv")
    scores = evaluate(path, cv=True)
    assert scores["n"] == 36 and scores["folds"] == 5
    # three perfectly separated classes: every held-out fold is right
    assert scores["macro_f1"] == pytest.approx(1.0)
    assert scores["pearson_r"] == pytest.approx(1.0, abs=1e-3)
    assert {"uncalibrated_pearson_r", "uncalibrated_macro_f1"} <= set(scores)


def test_evaluate_sentiment_train_writes_table_with_provenance(tmp_path):
    path = _many_rows(tmp_path / "many.tsv")
    out = tmp_path / "weights.tsv"
    cal, ridge, min_articles = calibrate.train(path, out)
    text = out.read_text(encoding="utf-8")
    assert "# trained on: NYT editorial" in text and "MIT" in text
    assert f"compound\tscale\t{cal.scale:.6f}" in text and ridge in calibrate.RIDGE
    assert min_articles in calibrate.MIN_ARTICLES
    for term, value in (("density", cal.density), ("relief", cal.relief), ("news_tone", cal.tone)):
        assert f"\n{term}\tfeature\t{value:.6f}\t" in text
    # "good" and "bad" occur in all 12 articles, so they get weights (the food
    # words have no VADER valence); the scale stays positive
    assert set(cal.weights) == {"good", "bad"} and cal.scale > 0
    # every weight is written to six places, except those under 5e-4
    written = {r["term"]: float(r["weight"]) for r in read_table(out) if r["category"] == "word"}
    for word, weight in cal.weights.items():
        assert written.get(word, 0.0) == pytest.approx(weight, abs=5e-4)
