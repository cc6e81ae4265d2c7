"""Text reuse between articles."""

from __future__ import annotations

from test_compare_align import BRIDGE, article

from analysis.compare import compare

TEXT = (
    "The river bridge opened on Monday after three years of work by the county.\n"
    "Engineers said the steel deck had passed every load test in the spring."
)


def test_compare_reuse_copy_scores_one():
    result = compare([article("a", TEXT), article("b", TEXT)])
    (pair,) = result.reuse
    assert (pair.shingles, pair.aligned, pair.score) == (1.0, 1.0, 1.0)
    assert pair.shared[0].words == 27  # the whole text, across the paragraph break


def test_compare_reuse_independent_texts_share_nothing():
    other = "Farmers in the valley expect a late harvest because of the cold.\nPrices rose."
    (pair,) = compare([article("a", TEXT), article("b", other)]).reuse
    assert (pair.shingles, pair.aligned, pair.score, pair.shared) == (0.0, 0.0, 0.0, ())


def test_compare_reuse_pairs_sorted_by_score():
    scores = [r.score for r in compare(BRIDGE).reuse]
    assert scores == sorted(scores, reverse=True)
    assert len(scores) == 3
