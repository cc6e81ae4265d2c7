"""Tests for analysis.evaluate.hedging_variants (features checked by hand on our sentences)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.evaluate import hedging as evaluate_hedging
from analysis.evaluate import hedging_variants as variants
from analysis.evaluate.train_hedging import bag, read_rows

DEV = Path("/work/shared/eval/wiki_weasel_dev.csv")


def test_hedging_variants_current_is_the_shipped_bag():
    for text in ("Some of the critics say it is odd.", "It might fail.", "The sky is blue."):
        assert variants.variant_bag(text) == bag(text)


def test_hedging_variants_second_neighbours_name_the_word_two_away():
    features, always = variants.variant_bag(
        "Some of the critics say it is odd.", variants.second_neighbours
    )
    # "Some" opens the sentence: nothing two words before it; "the" is two after.
    assert "cue=weasel:some|after=2:the" in features
    assert not any(f.startswith("cue=weasel:some|before=2:") for f in features)
    assert always is False


def test_hedging_variants_all_weighed_marks_guideline_hedges():
    # Shipped: "might" after "it" counts by rule, so the sentence has no weighed cue.
    assert variants.variant_bag("It might fail.") == ((), True)
    features, always = variants.variant_bag(
        "It might fail.", variants.class_neighbours, all_weighed=True
    )
    assert always is False
    assert {"byrule", "kind=hedge|before=1:it", "kind=hedge|after=1:fail"} <= set(features)


def test_hedging_variants_cue_position_and_after_be():
    late = "The town hall was rebuilt in stone and glass, and it is notable."
    early = "A notable town hall was rebuilt."
    # "notable" is token 13 of 15 in `late` (3 * 13 // 15 = 2), token 1 of 7 in `early`.
    assert variants.cue_position(late, variants.tokenize(late), _only(late)) == [
        "kind=peacock|third=2"
    ]
    assert variants.cue_position(early, variants.tokenize(early), _only(early)) == [
        "kind=peacock|third=0"
    ]
    assert variants.after_be(late, variants.tokenize(late), _only(late)) == [
        "kind=peacock|after be"
    ]
    assert variants.after_be(early, variants.tokenize(early), _only(early)) == []


def _only(text: str):
    (found,) = variants.candidates(text)
    return found


def test_hedging_variants_sentence_facts():
    text = 'According to the 1990 report, "it failed" (twice).'
    assert variants.sentence_facts(text, variants.tokenize(text)) == [
        "s:year",
        "s:according to",
        "s:quote",
        "s:brackets",
        "s:capitals=0",
    ]


@pytest.mark.skipif(not DEV.exists(), reason="needs the CoNLL-2010 development file")
def test_hedging_variants_current_reproduces_the_evaluator():
    # The same folds, trainer and decision as `evaluate hedging --cv`, so a
    # variant's figure compares with the reported one (P 0.585, R 0.722, F1 0.646).
    texts, labels = read_rows(DEV)
    scores = variants.cross_validate_bags([bag(t) for t in texts], labels, seed=0)
    shipped = evaluate_hedging.cross_validate(DEV)
    assert scores == {k: shipped[k] for k in ("precision", "recall", "f1")}
    assert scores == pytest.approx({"precision": 0.585, "recall": 0.722, "f1": 0.646}, abs=5e-4)
