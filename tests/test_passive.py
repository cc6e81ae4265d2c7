"""Tests for analysis.measures.passive: the be/get + participle heuristic."""

from __future__ import annotations

import pytest

from analysis.measures.passive import find_passives, irregular_participles, is_participle, summarise
from analysis.results.doc import Span


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The plan was quickly approved by parliament.", [("was quickly approved", True)]),
        ("Mistakes were made.", [("were made", False)]),
        ("The law has been widely criticised.", [("been widely criticised", False)]),
        ("He got arrested on Monday.", [("got arrested", False)]),
        ("The report is being reviewed.", [("is being reviewed", False)]),
        ("The base will be built by U.S. engineers.", [("be built", True)]),
        ("The deal was signed by the end of May.", [("was signed", False)]),
        ("It was signed by 2030.", [("was signed", False)]),
        ("It was signed by Friday.", [("was signed", False)]),
        ("He was not seen, by all accounts.", [("was not seen", False)]),
        ("Talks weren't held.", [("weren't held", False)]),
        ("The minister approved the plan.", []),
        ("Hegseth was in Japan.", []),
        ("They need more ships.", []),
        ("The speech was a success.", []),
        ("The ship has sailed.", []),
    ],
)
def test_passive_find_hand_checked(sentence, expected):
    found = find_passives(sentence)
    assert [(v.text, v.agent) for v in found] == expected
    for v in found:
        assert sentence[v.start : v.end] == v.text


def test_passive_adjectival_participle_is_a_known_false_positive():
    # documented limitation: "was tired" looks like a passive
    assert [v.text for v in find_passives("She was tired.")] == ["was tired"]


def test_passive_offsets_within_sentence_bounds():
    text = "Intro words. The bill was passed. The end was written."
    start = text.index("The bill")
    end = text.index(" The end")
    (verb,) = find_passives(text, start, end)
    assert (verb.text, text[verb.start : verb.end]) == ("was passed", "was passed")


def test_passive_irregular_list_loaded_from_data():
    words = irregular_participles()
    assert {"taken", "made", "written", "held"} <= words
    assert "gone" not in words  # intransitive, left out on purpose
    assert all(not w.startswith("#") for w in words)


@pytest.mark.parametrize(
    ("word", "expected"), [("approved", True), ("taken", True), ("need", False), ("red", False)]
)
def test_passive_is_participle(word, expected):
    assert is_participle(word) is expected


def test_passive_summary_shares_hand_checked():
    text = "The plan was approved by MPs. Mistakes were made. We won. It rained."
    spans = []
    pos = 0
    for part in ["The plan was approved by MPs.", "Mistakes were made.", "We won.", "It rained."]:
        i = text.index(part, pos)
        spans.append(Span(i, i + len(part), part))
        pos = i + len(part)
    summary = summarise(text, tuple(spans))
    assert summary.passive_share == 0.5  # 2 of 4 sentences
    assert summary.agentless_passive_share == 0.25  # only "Mistakes were made."
    assert summary.sentences == tuple(spans[:2])
    assert [v.text for v in summary.verbs] == ["was approved", "were made"]


def test_passive_summary_without_sentences():
    summary = summarise("", ())
    assert (summary.passive_share, summary.agentless_passive_share) == (None, None)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Reduced relatives: a participle after a noun, "by" + its doer.
        ("The plan announced by the administration was praised.",
         [("announced", True, True), ("was praised", False, False)]),
        ("A report, published by the agency, said so.", [("published", True, True)]),
        ("The bill, approved by the senate on Monday, is set to become law.",
         [("approved", True, True)]),
        # Not reduced relatives: a means, a pronoun subject, a simple past.
        ("She arrived by train.", []),
        ("The team traveled by bus.", []),
        ("They announced by email that it closed.", []),
        ("The police arrested a man.", []),
        # Semi-modals are not passives.
        ("The council is set to vote on Monday.", []),
        ("He was supposed to go.", []),
        ("Talks are poised to resume.", []),
    ],
)
def test_passive_reduced_relatives_and_semi_modals(sentence, expected):
    found = find_passives(sentence)
    assert [(v.text, v.agent, v.reduced) for v in found] == expected
    for v in found:
        assert sentence[v.start : v.end] == v.text
