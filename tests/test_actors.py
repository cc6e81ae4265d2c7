"""Tests for analysis.text.actors: guessing actors and finding their mentions."""

from __future__ import annotations

import pytest

from analysis.results.doc import Actor
from analysis.text import actors
from analysis.text.actors import guess_actors, mentions, surname

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


def test_actors_mentions_surname_titles_and_possessives():
    text = "Mr. Trump spoke. Trump's aides and President Trump, then Donald Trump."
    found = mentions(Actor("Donald Trump"), text)
    assert [m.text for m in found] == ["Mr. Trump", "Trump", "President Trump", "Donald Trump"]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_actors_mentions_senator_title_for_full_name():
    text = "Sen. Warren objected; Senator Warren and Elizabeth Warren's staff agreed."
    found = mentions(Actor("Elizabeth Warren"), text)
    assert [m.text for m in found] == ["Sen. Warren", "Senator Warren", "Elizabeth Warren"]


def test_actors_mentions_not_inside_longer_words():
    text = "A trumpet, Trumpet Records and Trumps; TRUMP wins."
    assert [m.text for m in mentions(Actor("Donald Trump"), text)] == ["TRUMP"]


def test_actors_mentions_case_ignored_only_where_safe():
    # capitalised names: any case after a capital; acronyms only as written;
    # a lower-case manifest name in any case
    assert [m.text for m in mentions(Actor("China"), "CHINA, china and China")] == [
        "CHINA",
        "China",
    ]
    assert [m.text for m in mentions(Actor("US"), "Tell us what the US did.")] == ["US"]
    secretary = Actor("Hegseth", ("defence secretary",))
    assert [
        m.text for m in mentions(secretary, "The Defence Secretary and the defence secretary")
    ] == [
        "Defence Secretary",
        "defence secretary",
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Donald Trump", "Trump"),
        ("Mary Kay Ash", "Ash"),
        ("United States", None),
        ("Supreme Court", None),
        ("New York", None),
        ("China", None),
        ("U.S. Navy", None),
        ("President Biden", None),
        ("Donald J. Trump", "Trump"),
    ],
)
def test_actors_surname_only_for_person_names(name, expected):
    assert surname(name) == expected


def test_actors_mentions_place_name_gets_no_surname():
    found = mentions(Actor("United States"), "The United States and the States of Jersey.")
    assert [m.text for m in found] == ["United States"]


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


def test_actors_mention_pattern_matches_the_plain_pattern():
    # The fast pattern (literal first characters, look-behind after them)
    # finds exactly what the look-behind-first pattern finds, titles,
    # boundaries and overlaps included.
    texts = [
        "Mr. Trump said; Mr.Trump; xTrump Trump; MrTrump; TRUMP trump Trump-ish.",
        "Vice  President\n Trump's aide met Vice President President Trump.",
        "aVice President Trump, President Vice President Trump, Mr. Mr. Trump.",
        "Prime Minister Xi met Xi; Sen.Warren and Sen.  Warren; _Warren, 9Trump.",
        "U.S.-Japan ties: U.S. US us; Donald Trump, Donald  Trump and Donald.",
    ]
    for actor in (Actor("Donald Trump", ("Xi", "U.S.")), Actor("Elizabeth Warren"), Actor("US")):
        plain = actors._plain_pattern(actors._names(actor))
        fast = actors._pattern(actor)
        assert fast.pattern != plain.pattern
        for text in texts:
            expected = [(m.start(), m.end()) for m in plain.finditer(text)]
            assert [(m.start, m.end) for m in mentions(actor, text)] == expected
    found = mentions(Actor("Donald Trump"), texts[0])
    assert [m.text for m in found] == ["Mr. Trump", "Trump", "Trump", "TRUMP", "Trump"]


def test_actors_mentions_start_where_the_first_character_class_allows():
    text = "The company said. Sen. Japan replied; the company agreed with JAPAN, not japan."
    found = actors.mentions(Actor("the company"), text)
    assert [m.text for m in found] == ["The company", "the company"]
    # A capitalised name's first letter is case-sensitive, the rest is not.
    assert [m.text for m in actors.mentions(Actor("Japan"), text)] == ["Sen. Japan", "JAPAN"]
