"""Tests for analysis.text.actors: guessing actors and finding their mentions."""

from __future__ import annotations

import pytest

from analysis.results.doc import Actor
from analysis.text.actors import guess_actors, mentions

TEXT = (
    "Defense Secretary Pete Hegseth met officials in Tokyo on Sunday. "
    "Mr. Hegseth said Japan would host a new command. "
    "In March, Hegseth visited Manila. Japan welcomed the plan. "
    "The plan worries Beijing. Officials in Japan were cautious. "
    "On Monday Tokyo said more. Officials declined to comment."
)


def test_actors_guess_most_mentioned_names_first():
    found = guess_actors([TEXT])
    assert [a.name for a in found] == ["Pete Hegseth", "Japan", "Tokyo"]


def test_actors_guess_folds_surname_into_full_name():
    (hegseth,) = [a for a in guess_actors([TEXT]) if a.name == "Pete Hegseth"]
    assert hegseth.aliases == ("Hegseth",)


@pytest.mark.parametrize("word", ["Mr", "Sunday", "Monday", "March", "Officials", "In", "The"])
def test_actors_guess_skips_titles_days_months_and_sentence_starts(word):
    names = {n for a in guess_actors([TEXT], limit=20) for n in a.names}
    assert word not in names


def test_actors_guess_respects_limit_and_minimum():
    assert len(guess_actors([TEXT], limit=1)) == 1
    # Beijing and Manila occur once: below MIN_MENTIONS
    assert "Beijing" not in {a.name for a in guess_actors([TEXT], limit=20)}


def test_actors_guess_counts_across_texts():
    found = guess_actors(["Beijing protested.", "Beijing's envoy left."])
    assert [a.name for a in found] == ["Beijing"]


def test_actors_guess_empty_input():
    assert guess_actors([]) == ()
    assert guess_actors(["", "no names here at all."]) == ()


def test_actors_mentions_names_and_aliases_on_word_boundaries():
    china = Actor("China", ("Beijing", "Chinese"))
    text = "China's navy and Beijing's envoy met Chinese and Indochinese guests in Chinatown."
    found = mentions(china, text)
    assert [m.text for m in found] == ["China", "Beijing", "Chinese"]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_actors_mentions_is_case_sensitive():
    found = mentions(Actor("Turkey"), "We ate turkey in Turkey.")
    assert [(m.start, m.text) for m in found] == [(17, "Turkey")]


def test_actors_mentions_dotted_and_multiword_names():
    us = Actor("U.S.", ("United States",))
    text = "The U.S.-Japan alliance; the United  States said so. US"
    assert [m.text for m in mentions(us, text)] == ["U.S.", "United  States"]


def test_actors_mentions_prefers_longest_name():
    actor = Actor("Pete Hegseth", ("Hegseth",))
    assert [m.text for m in mentions(actor, "Pete Hegseth and Hegseth")] == [
        "Pete Hegseth",
        "Hegseth",
    ]


def test_actors_mentions_empty_actor():
    assert mentions(Actor(""), "anything") == []
