"""Tests for analysis.evaluate.actors and analysis.evaluate.train_actors on hand-made rows."""

from __future__ import annotations

import json

import pytest

from analysis.evaluate import actors, train_actors
from analysis.measures import actor_tone

# Our own sentences, in NewsMTSC's format; polarity is what we read in them.
ROWS = [
    ("a_1_1_0_x", "Critics slammed Trump over the failed deal.", "Trump", -1),
    ("a_1_1_1_x", "Fans praised Smith for her brilliant, generous work.", "Smith", 1),
    ("a_2_2_0_x", "Smith arrived in Tokyo on Monday.", "Smith", 0),
    ("a_2_2_1_x", "The corrupt senator Jones lied to voters again.", "Jones", -1),
]


def _write(path, rows, extra=()):
    lines = []
    for row_id, sentence, mention, polarity in rows:
        start = sentence.index(mention)
        lines.append(
            json.dumps(
                {
                    "mention": mention,
                    "polarity": polarity,
                    "from": start,
                    "to": start + len(mention),
                    "sentence": sentence,
                    "id": row_id,
                }
            )
        )
    path.write_text("\n".join([*lines, *extra]) + "\n", encoding="utf-8")
    return path


def test_evaluate_actors_figures_hand_checked(tmp_path):
    # the shipped model gets all four right (see test_sentiment's hand-checked labels)
    path = _write(tmp_path / "rows.jsonl", ROWS)
    scores = actors.evaluate(path)
    assert scores == {"n": 4, "macro_f1": 1.0, "accuracy": 1.0}


def test_evaluate_actors_one_miss_hand_checked(tmp_path):
    # label the neutral row positive: predicted neutral -> one miss.
    # F1: negative 1 (2 of 2), positive 2/3 (1 hit, 1 missed), neutral 0 (no hit)
    rows = [*ROWS[:2], (ROWS[2][0], ROWS[2][1], ROWS[2][2], 1), ROWS[3]]
    scores = actors.evaluate(_write(tmp_path / "rows.jsonl", rows))
    assert scores["macro_f1"] == pytest.approx((1 + 2 / 3 + 0) / 3, abs=1e-4)
    assert scores["accuracy"] == 0.75


def test_evaluate_actors_skips_bad_lines(tmp_path):
    extra = [
        "not json",
        json.dumps({"sentence": "No offsets."}),
        json.dumps({"mention": "X", "polarity": 2, "from": 0, "to": 1, "sentence": "X", "id": "b"}),
    ]
    scores = actors.evaluate(_write(tmp_path / "rows.jsonl", ROWS, extra))
    assert scores["n"] == 4 and scores["skipped"] == 3


def test_evaluate_actors_empty_file_is_an_error(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no target rows"):
        actors.evaluate(path)


@pytest.mark.parametrize(
    ("row_id", "article"),
    [
        ("allsides_1000_401_25_Reality Leigh Winner_0_6", "allsides_1000_401"),
        ("allsides_1018_408_1_Hillary Clinton_2_17", "allsides_1018_408"),
        ("polusa_v1_115906714_-1_17_Charlie_32_39", "polusa_v1_115906714_-1"),
    ],
)
def test_evaluate_actors_article_of_newsmtsc_id(row_id, article):
    assert train_actors.article_of(row_id) == article


def _many(path):
    # 10 "articles" with the same three kinds of row: a clear pattern to learn
    rows = []
    for a in range(10):
        rows.append((f"allsides_{a}_0_0_x", f"Critics attacked Lee {a} times.", "Lee", -1))
        rows.append((f"allsides_{a}_0_1_x", f"Fans adored Kim {a} times.", "Kim", 1))
        rows.append((f"allsides_{a}_0_2_x", f"Park visited town {a} times.", "Park", 0))
    return _write(path, rows)


def test_evaluate_actors_cv_learns_a_clear_pattern(tmp_path):
    scores = actors.evaluate(_many(tmp_path / "many.jsonl"), cv=True)
    assert scores["n"] == 30 and scores["folds"] == 5 and scores["macro_f1"] == 1.0


def test_evaluate_actors_trained_table_is_read_back(tmp_path, monkeypatch):
    out = tmp_path / "weights.tsv"
    n = train_actors.train(_many(tmp_path / "many.jsonl"), out)
    text = out.read_text(encoding="utf-8")
    assert "# trained on: NewsMTSC" in text and "MIT" in text and n > 0
    monkeypatch.setattr(actor_tone, "WEIGHTS_TABLE", out)
    actor_tone.weights.cache_clear()
    try:
        table, _ = actor_tone.weights()
        assert "L:attacked" in table and "L:adored" in table
        # attacked: pushes towards negative; adored: towards positive
        assert table["L:attacked"][0] > table["L:attacked"][2]
        assert table["L:adored"][2] > table["L:adored"][0]
    finally:
        actor_tone.weights.cache_clear()


def test_evaluate_actors_uses_the_article_function(tmp_path, monkeypatch):
    calls = []
    real = actors.mention_tone

    def spy(*args):
        calls.append(args[2])
        return real(*args)

    monkeypatch.setattr(actors, "mention_tone", spy)
    actors.evaluate(_write(tmp_path / "rows.jsonl", ROWS[:1]))
    assert calls == [(16, 21)]
