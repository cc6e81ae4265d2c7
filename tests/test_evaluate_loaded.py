"""Tests for analysis.evaluate.loaded on a tiny BABE-format file written here."""

from __future__ import annotations

from pathlib import Path

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


def test_evaluate_loaded_quoted_words_are_not_predictions():
    # The speaker's words are counted apart, never as the outlet's: not predictions.
    text = 'The mayor called the plan "bizarre" and slammed it.'
    assert evaluate_loaded.predicted_words(text) == {"slammed"}
    assert evaluate_loaded.predicted_words("The mayor called the plan bizarre.") == {"bizarre"}


def test_evaluate_loaded_emphatic_verbs_are_not_predictions():
    # "emphasized" is shown, but not claimed to be loaded: it predicts nothing.
    assert evaluate_loaded.predicted_words("She emphasized the plan.") == set()
    assert evaluate_loaded.predicted_words("She slammed the plan.") == {"slammed"}


def test_evaluate_loaded_smoothed_precision():
    assert evaluate_loaded.smoothed_precision(0, 0) == 0.5  # unseen: the hand judgement
    assert evaluate_loaded.smoothed_precision(3, 3) == pytest.approx(3.5 / 4)
    assert evaluate_loaded.smoothed_precision(0, 9) == pytest.approx(0.05)


def _table():
    """Two rows: core "slam" (protected), core "bizarre", candidates "weird", "vast" and "odd"."""
    slam = evaluate_loaded.Entry("slam", "attribution", "verb", "x", "criticize")
    bizarre = evaluate_loaded.Entry("bizarre", "emotive", "fixed", "x", "odd")
    weird = evaluate_loaded.Entry("weird", "emotive", "fixed", "x", "unusual")
    vast = evaluate_loaded.Entry("vast", "intensifier", "fixed", "x", "large")
    odd = evaluate_loaded.Entry("odd", "emotive", "fixed", "x", "unusual")
    rows = [
        evaluate_loaded.Row("a", frozenset({"slammed", "weird"}), "t1"),
        evaluate_loaded.Row("b", frozenset(), "t2"),
    ]
    per_row = (
        ((0, frozenset({"slammed"})), (2, frozenset({"weird"}))),
        ((0, frozenset({"slam"})), (1, frozenset({"bizarre"})), (2, frozenset({"weird"}))),
    )
    return evaluate_loaded.MatchTable(per_row, (slam, bizarre, weird, vast, odd), 2), rows


def test_evaluate_loaded_choose_by_training_precision():
    table, rows = _table()
    setting = evaluate_loaded.Setting
    # On both rows: slam 1/2 (protected), bizarre 0/1 -> 0.25, weird 1/2 -> 0.5;
    # vast and odd unseen: intensifier has no matched candidate (0.5), emotive has
    # weird's 1 of 2 -> (1 + 1) / (2 + 2) = 0.5.
    keep = evaluate_loaded.choose(table, rows, [0, 1], setting(0.5, 0.0, 0.5))
    assert keep == [True, True, True, True, True]
    # The default never keeps an unseen candidate.
    keep = evaluate_loaded.choose(table, rows, [0, 1], setting(0.5, 0.0))
    assert keep == [True, True, True, False, False]
    keep = evaluate_loaded.choose(table, rows, [0, 1], setting(0.6, 0.3, 0.6))
    assert keep == [True, False, False, False, False]
    # A verb of saying is protected: no threshold drops it.
    keep = evaluate_loaded.choose(table, rows, [0, 1], setting(0.9, 0.9))
    assert keep == [True, False, False, False, False]
    # Judged on row 0 only, bizarre is unseen (0.5) and weird is 1/1 (0.75); emotive
    # then has 1 of 1 -> 2/3 for odd.
    keep = evaluate_loaded.choose(table, rows, [0], setting(0.6, 0.3, 0.6))
    assert keep == [True, True, True, False, True]


def test_evaluate_loaded_unseen_candidate_borrows_its_word_class_precision():
    # Matched: "weird" (emotive adjective) twice and right, "disgrace" (emotive
    # noun) once and wrong. Never matched: "odd" (emotive adjective), "mess"
    # (emotive noun) and "rage" (emotive verb, a class with nothing matched).
    # odd borrows the emotive adjectives' (2 + 1) / (2 + 2) = 0.75, mess the
    # emotive nouns' (0 + 1) / (1 + 2) = 0.33, rage falls back to all emotive
    # candidates: (2 + 1) / (3 + 2) = 0.6.
    entry = evaluate_loaded.Entry
    weird = entry("weird", "emotive", "adj", "x", "unusual")
    disgrace = entry("disgrace", "emotive", "noun", "x", "failure")
    odd = entry("odd", "emotive", "adj", "x", "unusual")
    mess = entry("mess", "emotive", "noun", "x", "problem")
    rage = entry("rage", "emotive", "verb", "x", "spread")
    rows = [
        evaluate_loaded.Row("a", frozenset({"weird"}), "t1"),
        evaluate_loaded.Row("b", frozenset({"weird"}), "t2"),
    ]
    per_row = (
        ((0, frozenset({"weird"})),),
        ((0, frozenset({"weird"})), (1, frozenset({"disgrace"}))),
    )
    table = evaluate_loaded.MatchTable(per_row, (weird, disgrace, odd, mess, rage), 0)
    keep = evaluate_loaded.choose(table, rows, [0, 1], evaluate_loaded.Setting(0.6, 0.0, 0.55))
    assert keep == [True, False, True, False, True]
    assert evaluate_loaded.word_class(mess) == ("emotive", "noun")


def test_evaluate_loaded_category_precision():
    assert evaluate_loaded.category_precision(0, 0) == 0.5
    assert evaluate_loaded.category_precision(1, 2) == 0.5
    assert evaluate_loaded.category_precision(0, 6) == pytest.approx(0.125)


def test_evaluate_loaded_best_setting_keeps_the_precision_floor(monkeypatch):
    # Three topics alike: core "slam" finds 1 of 6 gold words; candidate "weird"
    # adds 2 words, 1 gold. Held out, keeping it gives P 2/3, R 2/6, F1 0.444;
    # dropping it P 1, R 1/6, F1 0.286.
    slam = evaluate_loaded.Entry("slam", "attribution", "verb", "x", "criticize")
    weird = evaluate_loaded.Entry("weird", "emotive", "fixed", "x", "unusual")
    gold = frozenset({"slammed", "weird", "g1", "g2", "g3", "g4"})
    rows = [evaluate_loaded.Row("a", gold, t) for t in ("t1", "t2", "t3")]
    found = ((0, frozenset({"slammed"})), (1, frozenset({"weird", "plan"})))
    table = evaluate_loaded.MatchTable((found,) * 3, (slam, weird), 1)
    keep = evaluate_loaded.Setting(0.0, 0.0, 0.0)
    drop = evaluate_loaded.Setting(1.1, 0.0, 1.0)
    monkeypatch.setattr(evaluate_loaded, "SETTINGS", (drop, keep))
    monkeypatch.setattr(evaluate_loaded, "PRECISION_FLOOR", 0.6)
    assert evaluate_loaded.best_setting(table, rows, [0, 1, 2]) == keep
    monkeypatch.setattr(evaluate_loaded, "PRECISION_FLOOR", 0.8)
    assert evaluate_loaded.best_setting(table, rows, [0, 1, 2]) == drop
    # No setting reaches the floor: the most precise one wins.
    monkeypatch.setattr(evaluate_loaded, "PRECISION_FLOOR", 1.1)
    assert evaluate_loaded.best_setting(table, rows, [0, 1, 2]) == drop


def _babe_file(tmp_path, rows):
    path = tmp_path / "cv.csv"
    lines = [HEADER.rstrip("\n")]
    for text, topic, words in rows:
        lines.append(f"{text};x;o;{topic};;Biased;o;{words}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_evaluate_loaded_topic_spellings_share_a_fold(tmp_path):
    path = _babe_file(
        tmp_path,
        [("A.", "blm", "[]"), ("B.", "black lives matter", "[]"), ("C.", "taxes", "[]")],
    )
    rows = evaluate_loaded.read_rows(path)
    folds = evaluate_loaded.topic_folds(rows, range(len(rows)))
    assert sorted(sorted(test) for _, test in folds) == [[0, 1], [2]]


def test_evaluate_loaded_cross_validate_holds_out_each_topic(tmp_path):
    path = _babe_file(
        tmp_path,
        [
            ("Critics slammed the bizarre plan.", "t1", "['slammed', 'bizarre']"),
            ("The radical group met.", "t2", "[]"),
            ("Critics slammed the deal.", "t3", "['slammed']"),
        ],
    )
    result = evaluate_loaded.cross_validate(path)
    assert result["n"] == 3 and result["folds"] == 3
    assert [f["topic"] for f in result["per_fold"]] == ["t1", "t2", "t3"]
    # t1: {slammed, bizarre} all gold -> P 1, R 1; t2: {radical}, no gold -> 0, 0;
    # t3: {slammed} gold -> 1, 1 (no candidate occurs, so none changes a figure).
    assert [f["f1"] for f in result["per_fold"]] == [1.0, 0.0, 1.0]
    assert result["f1"] == pytest.approx(round(2 / 3, 4))
    # Pooled: hits 3, predicted 4, gold 3.
    assert result["pooled"] == {"precision": 0.75, "recall": 1.0, "f1": 0.8571}


BABE_DEV = Path("/work/shared/eval/babe_dev.csv")


@pytest.mark.skipif(not BABE_DEV.exists(), reason="BABE development file not present")
def test_evaluate_loaded_shipped_candidates_are_the_selected_ones():
    from analysis.text.lexicon import load_lexicon

    chosen = evaluate_loaded.select(BABE_DEV)
    pool = {e.term for e in evaluate_loaded.candidate_pool()}
    shipped = {e.term for e in load_lexicon("loaded").entries if e.term in pool}
    assert shipped == set(chosen["kept"])
    assert chosen["core_dropped"] == []


def test_evaluate_loaded_main_json_and_bad_file(tmp_path, capsys):
    path = tmp_path / "tiny.csv"
    path.write_text(ROWS, encoding="utf-8")
    assert evaluate_loaded.main([str(path), "--format", "json"]) == 0
    assert '"f1": 0.6' in capsys.readouterr().out
    assert evaluate_loaded.main([str(tmp_path / "missing.csv")]) == 2
    err = capsys.readouterr().err
    assert "missing.csv" in err and "Traceback" not in err
    bad = tmp_path / "bad.csv"
    bad.write_text("text,label\nx,1\n", encoding="utf-8")
    assert evaluate_loaded.main([str(bad), "--cv"]) == 2
    assert "biased_words" in capsys.readouterr().err
