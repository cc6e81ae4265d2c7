"""Tests for analysis.text.quotes: direct-quote spans, quote marks included."""

from __future__ import annotations

import pytest

from analysis.text.quotes import find_quotes
from analysis.text.segment import paragraphs


def _quotes(text: str) -> list[str]:
    spans = find_quotes(text, paragraphs(text))
    for span in spans:
        assert text[span.start : span.end] == span.text
    return [span.text for span in spans]


@pytest.mark.parametrize(
    "text, quotes",
    [
        pytest.param("He said “we will win” and left.", ["“we will win”"], id="curly_double"),
        pytest.param('He said "we will win" and left.', ['"we will win"'], id="straight_double"),
        pytest.param(
            'A "first" and a "second" quote.', ['"first"', '"second"'], id="two_straight_pairs"
        ),
        pytest.param(
            "“One,” he said, “two.”", ["“One,”", "“two.”"], id="quote_split_by_attribution"
        ),
        pytest.param("The navy said ‘no comment’ today.", ["‘no comment’"], id="curly_single"),
        pytest.param(
            "The ‘war room’ opens in Japan’s capital.", ["‘war room’"], id="single_then_apostrophe"
        ),
        pytest.param("Japan’s and China’s ministers met.", [], id="apostrophes_only"),
        pytest.param("Rock ’n’ roll is back.", [], id="elision_marks"),
        pytest.param("He said: ‘It’s over’.", ["‘It’s over’"], id="apostrophe_inside_single"),
        pytest.param(
            "It was the ’90s, he said ‘we are done’.", ["‘we are done’"], id="decade_apostrophe"
        ),
        pytest.param(
            "“He called it ‘a disgrace’ on Monday,” she said.",
            ["“He called it ‘a disgrace’ on Monday,”"],
            id="single_nested_in_double",
        ),
        pytest.param('An empty "" pair.', [], id="empty_quote_ignored"),
        pytest.param("No quotes here at all.", [], id="none"),
    ],
)
def test_quotes_find(text, quotes):
    assert _quotes(text) == quotes


def test_quotes_unclosed_runs_to_paragraph_end():
    text = "“This is not over, she said.\nShe left the room."
    assert _quotes(text) == ["“This is not over, she said."]


def test_quotes_long_quote_reopened_each_paragraph():
    # News style: each paragraph of a long quote opens, only the last closes.
    text = "“We will stay,” he said.\n“We will not leave.\n“We never have.”"
    assert _quotes(text) == ["“We will stay,”", "“We will not leave.", "“We never have.”"]


def test_quotes_never_cross_paragraphs():
    text = 'He said "we will\nwin" today.'
    spans = find_quotes(text, paragraphs(text))
    assert all("\n" not in s.text for s in spans)


def test_quotes_offsets_in_a_seed_paragraph():
    text = (
        "“America first does not mean America alone,” Mr. Hegseth told reporters. "
        "“America and Japan stand firmly together.”"
    )
    spans = find_quotes(text, paragraphs(text))
    assert [(s.start, s.end) for s in spans] == [(0, 44), (73, 115)]


# --- Bounded work, counted rather than timed ---


@pytest.mark.parametrize(
    "unit", ["“a ", '"a ', "‘a ", "“a” ", "‘a’s ", "Japan’s "],
    ids=["open-curly", "open-straight", "open-single", "closed-curly", "apostrophe", "possessive"],
)
def test_quotes_each_character_scanned_for_a_closer_at_most_twice(monkeypatch, unit):
    # A quote search resumes after the quote it found (or at the paragraph's
    # end when it is unclosed), so the closer searches cover the text about
    # once; resuming one character on would scan to the end of the paragraph
    # from every mark: quadratic on "“a “a “a ...".
    from analysis.text import quotes

    scanned: list[int] = []
    original = quotes._find_closer

    def spy(text: str, start: int, end: int, closer: str) -> int:
        found = original(text, start, end, closer)
        scanned.append((end if found < 0 else found + 1) - start)
        return found

    monkeypatch.setattr(quotes, "_find_closer", spy)
    text = unit * (30_000 // len(unit))
    spans = find_quotes(text, paragraphs(text))
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert sum(scanned) <= 2 * len(text)
