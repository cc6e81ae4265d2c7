"""Contrasts: like with like, quote fidelity, ranking, duplicates, word diff."""

from __future__ import annotations

from test_compare_align import BRIDGE, article

from analysis.compare import compare
from analysis.compare.rank import (
    alike,
    contrast_weight,
    difference_weight,
    only_here,
    rank_contrasts,
)
from analysis.results.comparison import Contrast, Difference, Group, Member, Side


def _diffs(result):
    return [(d.a, d.b, d.kind) for c in result.contrasts for d in c.differences]


def test_compare_contrasts_quote_wording_differs():
    a = article("a", "The mayor called the depot a “war-fighting headquarters” for the buses.")
    b = article("b", "The mayor called the depot a “battle headquarters” for the buses.")
    result = compare([a, b])
    assert ("war-fighting headquarters", "battle headquarters", "quote") in _diffs(result)


def test_compare_contrasts_paraphrase_without_quote_marks():
    a = article("a", "Mayor Ruiz said “the bridge joins our whole city together” on Monday.")
    b = article("b", "Mayor Ruiz said the bridge joins the whole city together on Monday.")
    diff = next(d for c in compare([a, b]).contrasts for d in c.differences if d.kind == "quote")
    assert diff.a == "the bridge joins our whole city together"
    assert diff.b_category == "paraphrase"
    assert b.text[diff.b_start : diff.b_end] == diff.b
    assert "bridge joins the whole city together" in diff.b


def test_compare_contrasts_same_quote_is_no_difference():
    assert all(kind != "quote" for _, _, kind in _diffs(compare(BRIDGE)))


def test_compare_contrasts_name_against_phrase_dropped():
    # "Japanese" / "U.S" and "defeated" / "residents on food assistance" are
    # what differs in place, but not like with like.
    a = article("a", "Japanese officials praised the harbour plan on Monday.")
    b = article("b", "U.S officials praised the harbour plan on Monday.")
    assert _diffs(compare([a, b])) == []
    c = article("c", "The council defeated the harbour plan on Monday night.")
    d = article("d", "The council residents on food assistance harbour plan on Monday night.")
    assert all(k != "wording" for _, _, k in _diffs(compare([c, d])))


def test_compare_contrasts_verbs_of_saying_paired():
    diffs = _diffs(compare(BRIDGE))
    assert ("said", "told reporters", "attribution") in diffs
    assert ("said", "insisted", "attribution") in diffs


def test_compare_contrasts_offsets_point_into_each_article():
    texts = {a.id: a.text for a in BRIDGE}
    for c in compare(BRIDGE).contrasts:
        for d in c.differences:
            if d.a:
                assert texts[c.a.article][d.a_start : d.a_end] == d.a
            if d.b:
                assert texts[c.b.article][d.b_start : d.b_end] == d.b


def _contrast(group, a, b, *diffs):
    return Contrast(group, Side(a, "x"), Side(b, "y"), tuple(diffs))


def test_compare_contrasts_loaded_verb_of_saying_outranks_plainer_verbs():
    manner = Difference("emphasized", "spoke harshly", "attribution", b_category="manner")
    claimed = Difference("said", "claimed", "attribution", b_category="attribution")
    emphatic = Difference("emphasized", "said", "attribution", a_category="attribution")
    plain = Difference("said", "told reporters", "attribution")
    quote = Difference("battle headquarters", "war-fighting headquarters", "quote")
    loaded = Difference("", "slammed", "loaded", b_category="emotive")
    weights = [difference_weight(d) for d in (manner, claimed, emphatic, plain, quote, loaded)]
    # loaded vs emphatic or neutral 10+5; emphatic vs neutral 10+2; two
    # neutral verbs 10; a quote 8; a one-sided emotive word 4+2-1.
    assert weights == [15, 15, 12, 10, 8, 5]
    ranked = rank_contrasts(
        [
            _contrast(0, "a", "b", loaded),
            _contrast(1, "a", "b", quote),
            _contrast(2, "a", "b", manner),
            _contrast(3, "a", "b", plain),
            _contrast(4, "a", "b", emphatic),
        ]
    )
    assert [c.group for c in ranked] == [2, 4, 3, 1, 0]
    assert [c.weight for c in ranked] == [contrast_weight(c) for c in ranked]


def test_compare_contrasts_equal_weights_most_alike_sentences_first():
    verbs = Difference("said", "told reporters", "attribution")
    other = Difference("said", "told", "attribution")
    mayor = Side("a", "The mayor said fares rise.")
    far = Contrast(0, mayor, Side("b", "Riders were told nothing."), (verbs,))
    near = Contrast(1, mayor, Side("c", "The mayor told fares rise."), (other,))
    assert alike(near) == round(4 / 6, 6)  # the, mayor, fares, rise of six words
    assert alike(far) == 0.0
    assert [c.group for c in rank_contrasts([far, near])] == [1, 0]


def test_compare_contrasts_duplicates_collapse_with_every_pair():
    said = Difference("said", "claimed", "attribution")
    swapped = Difference("claimed", "said", "attribution")
    ranked = rank_contrasts(
        [
            _contrast(0, "a", "b", said),
            _contrast(3, "b", "c", swapped),
            _contrast(1, "a", "c", said),
        ]
    )
    assert len(ranked) == 1
    assert [(p.group, p.a, p.b) for p in ranked[0].also] == [(1, "a", "c"), (3, "b", "c")]


def test_compare_contrasts_only_here_words():
    group = Group(
        0,
        "label",
        (
            Member("a", 10, 29, "The mayor opened it", 0),
            Member("b", 0, 24, "The mayor inaugurated it", 0),
        ),
    )
    spans = only_here(group)
    assert spans == {"a": ((20, 26),), "b": ((10, 21),)}  # "opened", "inaugurated"
