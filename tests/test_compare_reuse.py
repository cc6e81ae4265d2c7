"""Text reuse, coverage flags and the plain-text summary on small stories."""

from __future__ import annotations

from test_compare_align import BRIDGE, article

from analysis.compare import compare
from analysis.compare.render import summary_lines

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


def test_compare_reuse_coverage_flags():
    rows = compare(BRIDGE).coverage
    snow = next(r for r in rows if "snow" in r.text)
    assert snow.articles == ("c",) and snow.only_one and snow.most_omit
    budget = next(r for r in rows if "budget" in r.text)
    assert set(budget.articles) == {"a", "b"} and not budget.only_one and not budget.most_omit
    opening = next(r for r in rows if len(r.articles) == 3 and "opened" in r.text)
    assert opening.in_first_paragraph == ("a", "b", "c")
    # "Mayor opens the new river bridge", "New bridge opens"; c headlines the snow.
    assert opening.in_headline == ("a", "b")
    assert snow.in_headline == ("c",)
    assert all(0.0 <= p <= 1.0 for p in opening.positions)


def test_compare_reuse_summary_lines_plain_text():
    lines = summary_lines(compare(BRIDGE))
    assert lines[0] == "Comparison of 3 articles"
    assert any("told reporters" in line for line in lines)
    assert any(line.strip().startswith("*") and "snow" in line for line in lines)
