"""Tests for analysis.text.tokens: the one word rule, offsets, counting, Doc.tokens."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.pipeline import make_doc
from analysis.results.doc import Doc
from analysis.text import segment, tokens
from analysis.text.cleaning import clean
from analysis.text.tokens import WORD, count_words, tokenize, tokens_of

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))

# Letters of several scripts, digits, apostrophes (straight and curly), the
# possessive letter, joiners, punctuation, an underscore, a combining mark and
# an emoji: every class of character the word rule distinguishes.
ODD_TEXT = st.text(alphabet="aSsZé9Ж東'’ -\u2011\u00a0._,;\u0301🎉\n", max_size=40)


def _words(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("China's navy", ["China", "'s", "navy"]),
        ("China’s navy", ["China", "’s", "navy"]),
        ("CHINA'S", ["CHINA", "'S"]),
        ("O’Brien’s plan", ["O’Brien", "’s", "plan"]),
        ("the 1990's", ["the", "1990", "'s"]),
        ("it's", ["it", "'s"]),  # a contraction splits like a possessive: the rule cannot tell
        ("x's'y", ["x's'y"]),  # the 's is not final: one word
        ("the 's", ["the", "s"]),  # no word before the apostrophe: no possessive
        ("couldn't", ["couldn't"]),
        ("rock 'n' roll", ["rock", "n", "roll"]),  # apostrophes at a word's edge are not kept
        ("war-fighting", ["war", "fighting"]),
        ("U.S.-Japan", ["U", "S", "Japan"]),
        ("5,000 and 3.5%", ["5", "000", "and", "3", "5"]),
        ("snake_case", ["snake", "case"]),
        ("Москва и 東京", ["Москва", "и", "東京"]),
        ("naïve café", ["naïve", "café"]),
        ("cafe\u0301 au lait", ["cafe", "au", "lait"]),  # a combining mark is no letter
        ("great 🎉 news", ["great", "news"]),
        ("", []),
        ("— … 🎉", []),
    ],
)
def test_tokens_word_rule(text, words):
    assert _words(text) == words


@pytest.mark.parametrize(
    ("text", "norms"),
    [
        ("O’Brien’S", ["o'brien", "'s"]),
        ("CHINA'S", ["china", "'s"]),
        ("Москва", ["москва"]),
        # The word before the possessive is lower-cased on its own, so its
        # last sigma is the final form, as the old tokenizer gave it.
        ("ΟΔΟΣ’S", ["οδο\u03c2", "'s"]),
    ],
)
def test_tokens_norm_lower_case_straight_apostrophe(text, norms):
    assert [t.norm for t in tokenize(text)] == norms


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("war room", [False, True]),
        ("war-room", [False, True]),
        ("war\u00a0room", [False, True]),
        ("war\u2010room", [False, True]),
        ("war\n\nroom", [False, True]),
        ("war/room", [False, False]),
        ("war_room", [False, False]),
        ("war, room", [False, False]),
        ("war “room", [False, False]),
        ("China's", [False, True]),  # the possessive always joins its word
        ("great 🎉 news", [False, False]),
    ],
)
def test_tokens_joined_only_by_space_or_hyphen(text, joined):
    assert [t.joined for t in tokenize(text)] == joined


@settings(max_examples=400, deadline=None)
@given(ODD_TEXT)
def test_tokens_are_words_of_the_rule_with_possessives_split(text):
    toks = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert all(t.norm == t.text.lower().replace("’", "'") for t in toks)
    # Put each possessive back on its word: the tokens are then WORD's matches.
    words: list[tuple[int, int]] = []
    for t in toks:
        if t.norm == "'s" and words and words[-1][1] == t.start:
            words[-1] = (words[-1][0], t.end)
        else:
            words.append((t.start, t.end))
    assert words == [m.span() for m in WORD.finditer(text)]
    # ... and a word is split exactly when it ends in 's after something.
    for m in WORD.finditer(text):
        inside = [t.text for t in toks if m.start() <= t.start < m.end()]
        possessive = len(m.group()) > 2 and m.group()[-2:].lower() in ("'s", "’s")
        assert inside == ([m.group()[:-2], m.group()[-2:]] if possessive else [m.group()])


def test_tokens_count_words_hand_checked():
    text = "U.S.-Japan talks, $5.2 billion: China's war-fighting snake_case"
    # U.S.-Japan | talks | 5.2 | billion | China's | war-fighting | snake_case
    assert count_words(text, tokenize(text)) == 7 == segment.count_words(text)
    # U S Japan talks 5 2 billion China 's war fighting snake case
    assert len(tokenize(text)) == 13


@settings(max_examples=400, deadline=None)
@given(ODD_TEXT)
def test_tokens_count_words_equals_segment_count_words(text):
    assert count_words(text, tokenize(text)) == segment.count_words(text)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_tokens_count_words_equals_segment_on_seeds(path):
    text = clean(path.read_text(encoding="utf-8")).text
    assert count_words(text, tokenize(text)) == segment.count_words(text)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_tokens_doc_tokens_equal_tokenize_of_text(path):
    text = clean(path.read_text(encoding="utf-8")).text
    doc = make_doc(text, "seed")
    assert doc.tokens == tokenize(text)
    assert len(doc.tokens) > 100
    assert all(doc.text[t.start : t.end] == t.text for t in doc.tokens)


def test_tokens_doc_equality_ignores_derived_tokens():
    doc = make_doc("Officials said the plan was approved.", "d")
    assert doc.tokens is not None
    assert Doc(doc.id, doc.text, doc.paragraphs, doc.sentences, doc.quotes, doc.word_count) == doc
    assert "tokens" not in repr(doc)


def test_tokens_of_hand_built_doc_tokenises_its_text():
    doc = Doc(id="h", text="China's navy")
    assert doc.tokens is None
    assert [t.text for t in tokens_of(doc)] == ["China", "'s", "navy"]
    made = make_doc("China's navy")
    assert tokens_of(made) is made.tokens


def test_tokens_cache_returns_equal_tokens_after_clearing():
    text = "Hegseth’s “war-fighting” headquarters, 5,000 troops."
    first = tokenize(text)
    tokenize.cache_clear()
    assert tokenize(text) == first == tokens._tokenize(text)


def test_tokens_doc_field_is_flagged_not_to_serialise():
    field = next(f for f in dataclasses.fields(Doc) if f.name == "tokens")
    assert field.metadata["serialize"] is False
    assert not field.compare



def test_tokens_built_without_a_garbage_collection():
    # Tokens hold no references to containers, but each is a tracked tuple:
    # collections during the build traversed all tokens built so far (1 MB of
    # "a-": 2 of 2.4 s, 4x the text 6-8x the time). None runs during it now.
    import gc

    runs: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            runs.append(info["generation"])

    gc.collect()
    gc.callbacks.append(count)
    try:
        built = tokens._tokenize("a-" * 50_000)
    finally:
        gc.callbacks.remove(count)
    # At most one: the deferred collection that the first allocation after
    # the build may start (without the pause: one per 700 objects built).
    assert len(runs) <= 1
    assert len(built) == 50_000
