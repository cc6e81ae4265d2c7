"""Tests for analysis.measures.loaded: categories, inflections, phrases, quotes, lookup, seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from handmade import hand_doc

from analysis.measures import loaded
from analysis.results.doc import Doc
from analysis.text.lexicon import load_lexicon

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.category) for m in loaded.find_matches(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The senator claimed victory.", [("claimed", "attribution")]),
        ("He lashed out at reporters.", [("lashed out", "attribution")]),
        ("She spoke harshly of the deal.", [("spoke harshly", "manner")]),
        ("They stand firmly together.", [("firmly", "manner")]),
        ("The rules are wildly unpopular.", [("wildly", "intensifier")]),
        ("Officials of the regime met.", [("regime", "label")]),
        ("The war room opened.", [("war room", "conflict")]),
        ("It is a crisis.", [("crisis", "emotive")]),
        ("It is a game changer.", [("game changer", "puffery")]),
        ("The minister said the talks went well.", []),
    ],
)
def test_loaded_categories(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("form", ["slam", "slams", "slammed", "slamming", "SLAMMED"])
def test_loaded_inflections_of_slam(form):
    (m,) = loaded.find_matches(f"Critics {form} the plan.")
    assert m.text == form and m.entry == "slam" and m.category == loaded.ATTRIBUTION_CATEGORY


@pytest.mark.parametrize(
    "phrase",
    [
        "claimed", "insisted", "admitted", "conceded", "boasted", "slammed", "blasted",
        "vowed", "warned", "emphasized", "underscored", "stressed", "touted", "lashed out",
        "harshly", "sharply", "fiercely", "firmly", "aggressively", "spoke harshly",
        "communist China", "regime", "radical", "extremist", "illegal aliens", "thugs", "mob",
        "war room", "battle headquarters", "war-fighting", "crisis", "slam",
        "game changer", "crucial", "significant move", "in a significant move",
    ],
)  # fmt: skip
def test_loaded_lexicon_covers_required_terms(phrase):
    assert loaded.lookup(phrase) is not None


def test_loaded_longest_phrase_wins_without_overlap():
    text = "In a significant move, the war-fighting headquarters opened."
    assert found(text) == [
        ("In a significant move", "puffery"),
        ("war-fighting headquarters", "conflict"),
    ]


def test_loaded_match_fields():
    (m,) = loaded.find_matches("Critics blasted the plan.")
    assert (m.start, m.end, m.text) == (8, 15, "blasted")
    assert m.entry == "blast" and m.neutral and m.connotation and not m.in_quote


def test_loaded_quoted_words_are_the_speakers():
    doc = hand_doc("Critics slammed the plan. “It is a crisis,” she said.")
    result = loaded.analyse(doc)
    assert [(m.text, m.in_quote) for m in result.matches] == [("slammed", False), ("crisis", True)]
    assert (result.count, result.quoted) == (1, 1)
    rates = {r.category: r for r in result.rates}
    assert rates["attribution"].count == 1 and rates["emotive"].quoted == 1
    assert rates["emotive"].count == 0


def test_loaded_rates_per_100_words():
    doc = hand_doc("Critics slammed the bizarre plan.")  # 5 words, 2 matches
    result = loaded.analyse(doc)
    assert result.rate == pytest.approx(40.0)
    assert [r.category for r in result.rates][: len(loaded.CATEGORIES)] == list(loaded.CATEGORIES)
    assert {r.category: r.rate for r in result.rates}["attribution"] == pytest.approx(20.0)


def test_loaded_empty_doc():
    result = loaded.analyse(Doc(id="e", text=""))
    assert result.matches == () and result.count == 0 and result.rate == 0.0


@pytest.mark.parametrize(
    ("word", "headword"),
    [("slammed", "slam"), ("Lashing out", "lash out"), ("thugs", "thug"), ("SAID", None)],
)
def test_loaded_lookup(word, headword):
    entry = loaded.lookup(word)
    assert (entry.term if entry else None) == headword


@pytest.mark.parametrize(
    ("word", "neutral"),
    [("said", True), ("told", True), ("according to", True), ("added", True), ("stated", True),
     ("slammed", False), ("claimed", False)],
)  # fmt: skip
def test_loaded_neutral_attribution(word, neutral):
    assert loaded.is_neutral_attribution(word) is neutral
    assert (loaded.lookup(word) is None) is neutral


def test_loaded_every_entry_has_connotation_and_neutral():
    entries = load_lexicon("loaded").entries
    assert all(e.connotation and e.neutral for e in entries)
    assert {e.category for e in entries} == set(loaded.CATEGORIES)


def test_loaded_spans_round_trip():
    text = "He slammed—“bizarre!”—the so-called mob’s war-fighting, ‘radical’ crisis."
    for m in loaded.find_matches(text):
        assert text[m.start : m.end] == m.text


def test_loaded_seed_001_acceptance():
    text = (SEEDS / "001_7071a2296e3eb8a2.txt").read_text(encoding="utf-8")
    result = loaded.analyse(hand_doc(text))
    by_text = {m.text: m for m in result.matches}
    assert by_text["spoke harshly"].category == "manner"
    assert not by_text["spoke harshly"].in_quote
    start = text.index("communist China’s aggressive and coercive actions")
    near = [
        (m.text, m.category, m.in_quote) for m in result.matches if start <= m.start < start + 50
    ]
    assert near == [
        ("communist China", "label", True),
        ("aggressive", "emotive", True),
        ("coercive", "emotive", True),
    ]
    assert all(text[m.start : m.end] == m.text for m in result.matches)
