"""Text reuse between articles: copied wording and common facts, apart."""

from __future__ import annotations

from dataclasses import replace

from test_compare_align import BRIDGE, article

from analysis.compare import compare
from analysis.compare.reuse import same_order, verdict
from analysis.results.article import Source

TEXT = (
    "The river bridge opened on Monday after three years of work by the county.\n"
    "Engineers said the steel deck had passed every load test in the spring."
)


def test_compare_reuse_copy_is_copying_and_common_facts():
    result = compare([article("a", TEXT), article("b", TEXT)])
    (pair,) = result.reuse
    assert (pair.copying, pair.common_facts, pair.verdict) == (1.0, 1.0, "copy")
    assert pair.shared[0].words == 27  # the whole text, across the paragraph break


def test_compare_reuse_independent_texts_are_not_listed():
    other = "Farmers in the valley expect a late harvest because of the cold.\nPrices rose."
    assert compare([article("a", TEXT), article("b", other)]).reuse == ()


def test_compare_reuse_common_facts_without_copying_is_no_rewrite():
    # BRIDGE: a and b report the same three facts in their own words.
    pairs = {(r.a, r.b): r for r in compare(BRIDGE).reuse}
    ab = pairs[("a", "b")]
    assert ab.common_facts == 1.0
    assert ab.copying < 0.5
    ac = pairs[("a", "c")]
    assert ac.common_facts == round(4 / 6, 3)


def test_compare_reuse_pairs_sorted_by_common_facts_then_copying():
    reuse = compare(BRIDGE).reuse
    keys = [(r.common_facts, r.copying) for r in reuse]
    assert keys == sorted(keys, reverse=True)


def test_compare_reuse_verdict_needs_copying_or_close_paraphrase():
    assert verdict(0.6, 0.0) == "copy"
    assert verdict(0.06, 0.0) == "likely rewrite"
    assert verdict(0.0, 0.4) == "likely rewrite"
    assert verdict(0.0, 0.0, facts=0.8, order=0.9) == "likely rewrite"
    assert verdict(0.0, 0.0, facts=0.8, order=0.5) == ""
    assert verdict(0.02, 0.1, facts=0.3, order=1.0) == ""


def test_compare_reuse_same_order_counts_pairs_of_facts():
    assert same_order([(0, 0), (1, 1), (2, 2)]) == 1.0
    assert same_order([(0, 2), (1, 1), (2, 0)]) == 0.0
    assert same_order([(0, 0), (1, 2), (2, 1)]) == 2 / 3
    assert same_order([(0, 0)]) == 0.0


def test_compare_reuse_direction_from_dates():
    a = replace(article("a", TEXT), source=Source(file="a", date="2025-03-30"))
    b = replace(article("b", TEXT), source=Source(file="b", date="2025-03-29"))
    (pair,) = compare([a, b]).reuse
    assert pair.earlier == "b"
    (undated,) = compare([article("a", TEXT), article("b", TEXT)]).reuse
    assert undated.earlier == ""


def test_compare_reuse_left_out_above_the_cap_with_a_note(monkeypatch):
    import analysis.compare as comparison_module

    monkeypatch.setattr(comparison_module, "REUSE_MAX_ARTICLES", 2)
    result = compare(BRIDGE)
    assert result.reuse == ()
    assert any("Pairwise reuse is left out above 2 articles" in n for n in result.notes)


def test_compare_reuse_large_story_lists_closest_partners(monkeypatch):
    import analysis.compare.reuse as reuse_module

    monkeypatch.setattr(reuse_module, "ALL_PAIRS_MAX", 2)
    monkeypatch.setattr(reuse_module, "PARTNERS", 1)
    story = [article(f"x{i}", TEXT) for i in range(4)]
    pairs = compare(story).reuse
    # Each article keeps its closest partner; all pairs tie, so position
    # decides: x0's is x1, x1's is x0, x2's and x3's are x0. Not all 6 pairs.
    assert [(r.a, r.b) for r in pairs] == [("x0", "x1"), ("x0", "x2"), ("x0", "x3")]


def test_compare_reuse_shingles_leave_out_quoted_runs_and_keep_repeats():
    from analysis.compare.reuse import _kept, _shingles

    words = "a b c d e f a b c d e".split()
    # No quotes: 7 runs; "a b c d e" at positions 0 and 6 (both kept).
    index = _shingles(words, [])
    assert len(index) == 6 and list(index[tuple("abcde")]) == [0, 6]
    assert list(index[tuple("bcdef")]) == [1]
    # Words 1..6 quoted (6 words): runs starting at 1 and 2 lie wholly inside.
    assert _kept(7, [(1, 7)]) == [(0, 1), (3, 7)]
    index = _shingles(words, [(1, 7)])
    assert tuple("bcdef") not in index and tuple("cdefa") not in index
    assert list(index[tuple("abcde")]) == [0, 6]
    # A quoted stretch shorter than a run leaves every run.
    assert _kept(7, [(2, 5)]) == [(0, 7)]


def test_compare_reuse_shared_groups_same_by_bit_sets(monkeypatch):
    # Counting a pair's sentences in common groups through bit sets (big
    # groups) gives what the walk over each group's pairs gives.
    import analysis.compare.reuse as reuse_module
    from analysis.compare.align import align

    story = [article(f"x{i}", TEXT) for i in range(4)] + [article("y", BRIDGE[0].text)]
    al = align(story)
    monkeypatch.setattr(reuse_module, "BITS_SHARE", 0)  # never bit sets
    walked, walked_groups, _ = reuse_module._together(al, len(story))
    monkeypatch.setattr(reuse_module, "BITS_SHARE", 10**6)  # always bit sets
    counted, counted_groups, _ = reuse_module._together(al, len(story))
    assert walked and counted == walked
    assert all(counted_groups(p) == walked_groups(p) for p in walked)
    assert counted_groups((0, 99)) == walked_groups((0, 99)) == []
