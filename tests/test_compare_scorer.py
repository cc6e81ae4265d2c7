"""The learned pair scorer: its formula, its explanations and its table."""

from __future__ import annotations

from math import exp

import pytest
from test_compare_align import BRIDGE

from analysis.compare import compare
from analysis.compare.scorer import (
    FEATURES,
    WEIGHTS_PATH,
    Weights,
    contributions,
    load_weights,
    pair_features,
    probability,
)
from analysis.outputs.render import link_text


def _weights(**weights: float) -> Weights:
    full = {f: 0.0 for f in FEATURES} | weights
    return Weights(full, {f: 0.0 for f in FEATURES} | {"cos": 0.1}, -2.0, 0.3, 0.3, 0.2)


def _features(**values: float) -> dict[str, float]:
    base = pair_features(
        cos=0.0,
        rule=False,
        shared_idf=0.0,
        rare=0,
        numbers=0,
        names=0,
        quoted=0,
        ratio=0.0,
        mutual=False,
        distance=0.0,
        lede=False,
        length_ratio=0.0,
        theme_share=0.0,
    )
    return base | values


def test_compare_scorer_probability_is_the_logistic_of_the_weighted_sum():
    # -2 + 10 * 0.3 + 1 * 1 = 2  ->  1 / (1 + e^-2) = 0.8808
    w = _weights(cos=10.0, mutual=1.0)
    p = probability(_features(cos=0.3, mutual=1.0), w)
    assert p == pytest.approx(1 / (1 + exp(-2.0)))
    assert round(p, 4) == 0.8808


def test_compare_scorer_contributions_are_pushes_against_the_mean():
    # cos: 10 * (0.3 - 0.1) = 2.0; mutual: 1 * (1 - 0) = 1.0; the rest 0.
    w = _weights(cos=10.0, mutual=1.0)
    pushes = contributions(_features(cos=0.3, mutual=1.0), w)
    assert pushes[:2] == [("cos", 2.0), ("mutual", 1.0)]
    assert all(c == 0.0 for _, c in pushes[2:])


def test_compare_scorer_features_cap_counts():
    f = pair_features(
        cos=0.5, rule=True, shared_idf=0.0, rare=7, numbers=5, names=9, quoted=20,
        ratio=1.0, mutual=True, distance=0.25, lede=True, length_ratio=0.5, theme_share=0.0,
    )  # fmt: skip
    assert (f["rare"], f["nums"], f["names"], f["quote"], f["anchor"]) == (3.0, 2.0, 3.0, 1.0, 1.0)
    assert set(f) == set(FEATURES)


def test_compare_scorer_table_says_what_it_was_trained_on():
    header = [line for line in WEIGHTS_PATH.read_text("utf-8").splitlines() if line[:1] == "#"]
    text = "\n".join(header)
    assert "tests/gold/alignment" in text and "CC0" in text and "licence" in text
    w = load_weights()
    assert set(w.weights) == set(FEATURES)
    assert 0 < w.match <= w.link < 1 and 0 < w.average < 1


def test_compare_scorer_table_missing_a_feature_is_a_clear_error(tmp_path):
    lines = WEIGHTS_PATH.read_text("utf-8").splitlines()
    broken = tmp_path / "w.tsv"
    broken.write_text("\n".join(x for x in lines if not x.startswith("lede\t")) + "\n")
    with pytest.raises(ValueError, match=r"E940.*lede|lede.*train_alignment"):
        load_weights(broken)


def test_compare_scorer_links_show_the_features_that_set_the_score():
    result = compare(BRIDGE)
    links = [link for g in result.groups for link in g.links if link.evidence]
    assert any(not link.anchor for link in links)
    for link in links:
        pushes = [c for _, c in link.evidence]
        assert all(f in FEATURES for f, _ in link.evidence)
        assert pushes == sorted(pushes, reverse=True) and min(pushes) > 0
        assert 0 < link.cosine <= 1 and 0 < link.score <= 1
        if not link.anchor:  # a quote anchor is told by its quote
            text = link_text(link, str)
            assert f"score {link.score:.2f} from {FEATURES[link.evidence[0][0]]}" in text
