"""Tests for analysis.evaluate.hedging on a tiny CSV written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.evaluate import hedging as evaluate_hedging
from analysis.evaluate import train_hedging
from analysis.measures.hedging import Weights

DEV = Path("/work/shared/eval/wiki_weasel_dev.csv")

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
    # Flagged: rows 1 and 3 ("Some critics say", "It may"), both true; row 4
    # missed; row 5's "Some 300" is an approximator the weight drops; row 7's
    # "may" is a general permission, which the weight drops too.
    assert evaluate_hedging.evaluate(path) == {
        "n": 7,
        "precision": 1.0,
        "recall": 0.6667,
        "f1": 0.8,
    }


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Rows 1, 3, 5, 7: two hits, no false alarm.
        ("odd", {"n": 4, "precision": 1.0, "recall": 1.0, "f1": 1.0}),
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


# Sentences of our own: "possibly" and "maybe" (rule-decided hedges) in
# uncertain rows, plain facts in the others; "roughly" before a number is
# weight-decided and labelled certain here, so training must learn to drop it.
def _cv_rows(n: int = 40) -> str:
    lines = ["text,label"]
    for i in range(n):
        lines.append(f'"The bridge {i} possibly fell.",1')
        lines.append(f'"The bridge {i} has roughly {i + 3} arches.",0')
        lines.append(f'"The bridge {i} opened in 1990.",0')
    return "\n".join(lines) + "\n"


def test_evaluate_hedging_cv_scores_each_fold_with_its_own_training(tmp_path, monkeypatch):
    path = tmp_path / "cv.csv"
    path.write_text(_cv_rows(), encoding="utf-8")
    seen: list[set[str]] = []
    real_train = evaluate_hedging.train

    def recording_train(texts, labels):
        seen.append(set(texts))
        return real_train(texts, labels)

    monkeypatch.setattr(evaluate_hedging, "train", recording_train)
    result = evaluate_hedging.cross_validate(path, k=5)
    assert result["folds"] == 5 and result["n"] == 120
    assert sum(fold["n"] for fold in result["per_fold"]) == 120
    texts, _ = train_hedging.read_rows(path)
    # The rows each fold was trained on never include the rows it was scored on.
    from analysis.evaluate.folds import grouped_folds

    for trained, (_, test) in zip(seen, grouped_folds(list(range(len(texts))), k=5), strict=True):
        assert not trained & {texts[i] for i in test}
        assert len(trained) == len(texts) - len(test)
    # "possibly" flags exactly the uncertain rows; "roughly" is learned away.
    assert (result["precision"], result["recall"], result["f1"]) == (1.0, 1.0, 1.0)


def test_evaluate_hedging_training_learns_a_negative_weight(tmp_path):
    path = tmp_path / "cv.csv"
    path.write_text(_cv_rows(), encoding="utf-8")
    texts, labels = train_hedging.read_rows(path)
    model = train_hedging.train(texts, labels)
    # "The bridge 3 has roughly 6 arches." as the sentence model sees it.
    (roughly,) = train_hedging.bags(["The bridge 3 has roughly 6 arches."])
    assert roughly[1] is False and "cue=hedge:roughly|number follows" in roughly[0]
    # Every weighed training sentence is certain, so the intercept learns them away.
    assert model.weights["bias"] < -3 and model.probability(roughly[0]) < model.threshold
    # "possibly" is an epistemic hedge the guidelines define: counted by rule, never weighed.
    assert train_hedging.bags(["The bridge 3 possibly fell."]) == [((), True)]


def test_evaluate_hedging_bag_holds_sentence_and_cue_features():
    ((features, by_row),) = train_hedging.bags(["Most of the island flooded."])
    assert not by_row
    assert features[:3] == ("bias", "length<10", "cues=1")
    assert "cue=weasel:most|things" in features and "rule" not in features


def test_evaluate_hedging_threshold_maximises_f1_by_hand():
    # Four weighed sentences, probabilities 0.9, 0.7, 0.6, 0.2 from these
    # weights; labels 1, 0, 1, 0. Thresholds: 0.9 -> F1 2/3, 0.7 -> 1/2,
    # 0.6 -> 4/5, 0.2 -> 2/3. Best: 0.6.
    weights = {"a": 2.1972, "b": 0.8473, "c": 0.4055, "d": -1.3863}
    bags = [(("a",), False), (("b",), False), (("c",), False), (("d",), False)]
    threshold = train_hedging.choose_threshold(bags, [True, False, True, False], weights)
    assert threshold == pytest.approx(0.6, abs=1e-4)
    assert Weights(weights, 0.5).probability(("c",)) >= threshold


def test_evaluate_hedging_rule_decided_sentences_always_flagged():
    # A sentence with a cue counted by its row is flagged whatever the threshold;
    # with only such sentences positive, nothing weighed is worth counting (threshold 1).
    bags = [(("a",), True), (("b",), False)]
    assert train_hedging.choose_threshold(bags, [True, False], {"b": 0.0}) == 1.0


def test_evaluate_hedging_logistic_fit_by_hand():
    # Feature "x" alone: 3 of 4 sentences uncertain -> p(x) = 0.75 without a penalty.
    bags = [(("x",), False)] * 4 + [((), False)]
    weights = train_hedging.fit(bags, [True, True, True, False, True], l2=0.0)
    assert Weights(weights, 0.5).probability(("x",)) == pytest.approx(0.75, abs=0.01)
    # Sentences without a weighed cue take no part in the fit.
    assert set(weights) == {"x"}


def test_evaluate_hedging_cli_json(tmp_path, capsys):
    path = tmp_path / "cv.csv"
    path.write_text(_cv_rows(10), encoding="utf-8")
    assert evaluate_hedging.main([str(path), "--cv", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"n", "folds", "precision", "recall", "f1", "per_fold"}


def test_evaluate_hedging_cli_bad_file_is_one_line(tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text("sentence,gold\nx,1\n", encoding="utf-8")
    assert evaluate_hedging.main([str(path), "--cv"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'text' and 'label'" in err
    assert evaluate_hedging.main([str(tmp_path / "missing.csv")]) == 2


@pytest.mark.skipif(not DEV.exists(), reason="CoNLL-2010 development file not available")
def test_evaluate_hedging_cv_on_development_file():
    # The figure docs/hedging.md reports (cross-validated, never fitted on its folds).
    result = evaluate_hedging.cross_validate(DEV)
    assert result["n"] == 7363
    assert result["f1"] >= 0.64 and result["precision"] >= 0.58
