"""Tests for analysis.text.segment: sentences, paragraphs and word counts for news."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.text import segment
from analysis.text.segment import count_sentences, count_words, paragraphs, sentences

# (text, expected sentences), split by hand.
SENTENCE_CASES = {
    "us_before_new_sentence": (
        "He lives in the U.S. He said no.",
        ["He lives in the U.S.", "He said no."],
    ),
    "titles": (
        "Mr. Smith met Gen. Jones and Sen. Warren on Monday. They talked.",
        ["Mr. Smith met Gen. Jones and Sen. Warren on Monday.", "They talked."],
    ),
    "more_titles": (
        "Dr. Lee works at St. Mary's hospital. Gov. Newsom visited her.",
        ["Dr. Lee works at St. Mary's hospital.", "Gov. Newsom visited her."],
    ),
    "straight_quote_then_attribution": (
        '"We will not back down," she said. The crowd cheered.',
        ['"We will not back down," she said.', "The crowd cheered."],
    ),
    "curly_quote_ends_sentence": (
        "“We will not back down.” The crowd cheered.",
        ["“We will not back down.”", "The crowd cheered."],
    ),
    "question_in_quote": (
        'She asked, "Why now?" Nobody answered.',
        ['She asked, "Why now?"', "Nobody answered."],
    ),
    "dashes": (
        "The plan — which critics call reckless — passed. Nobody objected.",
        ["The plan — which critics call reckless — passed.", "Nobody objected."],
    ),
    "percent": (
        "Prices rose 2%. Analysts were surprised.",
        ["Prices rose 2%.", "Analysts were surprised."],
    ),
    "billions": (
        "The deal is worth $5.2 billion. It closes next year.",
        ["The deal is worth $5.2 billion.", "It closes next year."],
    ),
    "dc_mid_sentence": (
        "He arrived in Washington, D.C. on Monday. He left on Tuesday.",
        ["He arrived in Washington, D.C. on Monday.", "He left on Tuesday."],
    ),
    "dc_ends_sentence": (
        "Officials met in Washington, D.C. The talks failed.",
        ["Officials met in Washington, D.C.", "The talks failed."],
    ),
    "pm_and_month_abbreviation": (
        "The vote is at 3 p.m. on Jan. 5. Results follow.",
        ["The vote is at 3 p.m. on Jan. 5.", "Results follow."],
    ),
    "am_ends_sentence": (
        "It was 3 a.m. The streets were empty.",
        ["It was 3 a.m.", "The streets were empty."],
    ),
    "company_suffix": (
        "The company, Acme Inc., reported a loss. Shares fell.",
        ["The company, Acme Inc., reported a loss.", "Shares fell."],
    ),
    "hyphenated_us_japan": (
        "The U.S.-Japan alliance is strong. It will endure.",
        ["The U.S.-Japan alliance is strong.", "It will endure."],
    ),
    # The next three are where sentencex 1.0.32 goes wrong: it reads "no." as
    # the abbreviation "No." and "May." as an abbreviated month, and splits
    # after "p.m." before a weekday.
    "said_no_then_sentence": (
        "He said no. Analysts were surprised.",
        ["He said no.", "Analysts were surprised."],
    ),
    "month_may_ends_sentence": (
        "Prices rose 2% in May. Analysts were surprised.",
        ["Prices rose 2% in May.", "Analysts were surprised."],
    ),
    "pm_before_weekday": (
        "He met Mr. Smith at 5 p.m. Monday. They talked.",
        ["He met Mr. Smith at 5 p.m. Monday.", "They talked."],
    ),
}


@pytest.mark.parametrize("name", list(SENTENCE_CASES))
def test_segment_news_sentences(name):
    text, expected = SENTENCE_CASES[name]
    assert [s.text for s in sentences(text)] == expected


@pytest.mark.parametrize("name", list(SENTENCE_CASES))
def test_segment_offsets_are_exact(name):
    text, _ = SENTENCE_CASES[name]
    for span in sentences(text):
        assert text[span.start : span.end] == span.text


def test_segment_offsets_in_multi_paragraph_text():
    text = (
        "  Mr. Hegseth met Gen. Nakatani in Tokyo.  He left on Sunday.\n"
        "\n"
        "“America first does not mean America alone,” he said. Japan agreed.\n"
        "It cost $5.2 billion.\n"
    )
    spans = sentences(text)
    assert [s.text for s in spans] == [
        "Mr. Hegseth met Gen. Nakatani in Tokyo.",
        "He left on Sunday.",
        "“America first does not mean America alone,” he said.",
        "Japan agreed.",
        "It cost $5.2 billion.",
    ]
    assert [s.start for s in spans] == [2, 43, 63, 117, 131]
    for span in spans:
        assert text[span.start : span.end] == span.text
    # In order and not overlapping.
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def test_segment_sentence_never_crosses_a_paragraph():
    text = "The talks ended without a deal\nOfficials said more talks were planned."
    assert [s.text for s in sentences(text)] == [
        "The talks ended without a deal",
        "Officials said more talks were planned.",
    ]


def test_segment_repeated_sentence_gets_its_own_offsets():
    text = "He said no. He said no. He said no!"
    starts = [s.start for s in sentences(text)]
    assert len(starts) == len(set(starts))
    for span in sentences(text):
        assert text[span.start : span.end] == span.text


def test_segment_paragraphs_trimmed_with_offsets():
    text = "  First paragraph.  \n\n\tSecond one.\n   \nThird."
    spans = paragraphs(text)
    assert [(p.start, p.end, p.text) for p in spans] == [
        (2, 18, "First paragraph."),
        (23, 34, "Second one."),
        (39, 45, "Third."),
    ]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n"])
def test_segment_blank_text_has_no_spans(text):
    assert paragraphs(text) == ()
    assert sentences(text) == ()
    assert count_words(text) == 0


@pytest.mark.parametrize(
    "text, words",
    [
        ("U.S.-Japan", 1),
        ("$5.2 billion", 2),
        ("2%", 1),
        ("don't", 1),
        ("Japan’s", 1),
        ("7-2", 1),
        ("1,200 cyclists", 2),
        ("U.S. officials", 2),
        ("3 p.m.", 2),
        ("— dash —", 1),
        ("The plan — which critics call reckless — passed.", 7),
        ("“America first does not mean America alone,” he said.", 9),
        ("Prices rose 2% to $81.40 a barrel.", 7),
        ("", 0),
        ("... !!! ???", 0),
    ],
)
def test_segment_count_words(text, words):
    assert count_words(text) == words


@pytest.mark.parametrize(
    "text, count",
    [
        ("He lives in the U.S. He said yes.", 2),
        ("One line without a full stop", 1),
        ("Mr. Smith left. Gen. Jones stayed. Sen. Warren spoke.", 3),
        ("", 0),
    ],
)
def test_segment_count_sentences(text, count):
    assert count_sentences(text) == count


# sentencex 1.0.32 panics (a Rust PanicException, which is not an Exception)
# on a capital letter, then a non-ASCII space, then a full stop. Web copy is
# full of no-break spaces, so one such article must not crash a whole story.
@pytest.mark.parametrize(
    "space",
    ["\u00a0", "\u202f", "\u2009", "\u3000", "\u0085"],
    ids=["nbsp", "narrow_nbsp", "thin", "ideographic", "nel"],
)
def test_segment_unicode_space_before_full_stop(space):
    text = f"The committee chose Plan A{space}. The vote was close."
    spans = sentences(text)
    assert [s.text for s in spans] == [f"The committee chose Plan A{space}.", "The vote was close."]
    assert count_sentences(text) == 2


# --- Real news: titles, party-state tags, times, run-together sentences ---


def _texts(text):
    spans = sentences(text)
    assert all(text[s.start : s.end] == s.text for s in spans)
    return [s.text for s in spans]


@pytest.mark.parametrize(
    "text",
    [
        "“We will act,” said Ms. Pelosi of California.",
        "The bill, which Ms. Pelosi backed, passed.",
        "Asked about it, Mrs. Clinton smiled at Sen. Schumer and Rep. Nadler.",
        "Gov. Newsom met Gen. Milley, Lt. Dan and Prof. Xavier.",
        "The parade went down St. Charles Avenue.",
        "Robert F. Kennedy Jr. said the plan would pass.",
        "Sen. Chuck Schumer, D-N.Y., said it would pass.",
        "Sen. Tim Scott, R-S.C. said it would pass.",
        "The vote is at 5 p.m. Eastern time on Monday.",
        "It starts at 5 p.m. ET on the dot.",
    ],
    ids=["ms", "ms-inside", "mrs-sen-rep", "gov-gen-lt-prof", "st", "jr", "d-ny", "r-sc",
         "pm-eastern", "pm-et"],
)
def test_segment_abbreviation_before_a_name_or_tag_does_not_split(text):
    assert _texts(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said."This is new." She left.', ['He said.', '"This is new."', "She left."]),
        ("I was choosing.’It was later.", ["I was choosing.’", "It was later."]),
        ("It was war.It's over now.", ["It was war.", "It's over now."]),
        ("He thanked Ms. Smith. Ms. Smith agreed.", ["He thanked Ms. Smith.", "Ms. Smith agreed."]),
        ("The meeting ended at 10 a.m. The vote followed.",
         ["The meeting ended at 10 a.m.", "The vote followed."]),
    ],
    ids=["said-quote", "curly-close", "war-its", "name-then-new-sentence", "am-then-sentence"],
)
def test_segment_real_sentence_ends_still_split(text, expected):
    assert _texts(text) == expected


def test_segment_quote_of_several_sentences_is_one_sentence():
    # Decided and documented in the module docstring: the quote is one unit.
    text = 'She said, "We will win. We will fight." Then she left.'
    assert _texts(text) == ['She said, "We will win. We will fight."', "Then she left."]


# --- Bounded work: sentencex sees bounded pieces ---


@pytest.mark.parametrize(
    "unit", ["“a ", "‘a ", "«a ", "a!A", "![", "!)", "?["],
    ids=["ldquo", "lsquo", "guillemet", "bang-letter", "bang-bracket", "bang-paren", "query"],
)
def test_segment_adversarial_text_finishes_with_exact_spans(unit):
    # 4x the text cost 15-23x the time before; 300 KB now finishes at once.
    text = unit * (300_000 // len(unit))
    spans = sentences(text)
    assert all(text[s.start : s.end] == s.text for s in spans)
    covered = "".join(s.text for s in spans)
    assert covered.replace(" ", "") == text.replace(" ", "")


def test_segment_long_paragraph_same_sentences_as_one_pass():
    # Pieces are cut at whitespace and the last sentence of each is read again
    # with what follows, so a long paragraph splits exactly as short ones do.
    sentence_list = [
        f"Plan {i} would pass, Ms. Pelosi said at 5 p.m. Eastern time on Monday."
        for i in range(400)
    ]
    text = " ".join(sentence_list)
    assert len(text) > 10 * segment.PIECE_CHARS
    assert _texts(text) == sentence_list


# --- Bounded work, counted rather than timed ---

# Inputs on which some pass of segmentation was quadratic, or could become so:
# sentencex on unclosed quotes and on "!"/"?" before a non-space, a paragraph
# with no space to cut at, and two short sentences before one of almost a
# whole piece (the worst case for the pieces' re-read sentences).
ADVERSARIAL_UNITS = {
    "ldquo": "“a ",
    "lsquo": "‘a ",
    "bang-letter": "a!A",
    "query-bracket": "?[",
    "no-space": "a-",
    "long-after-short": "Go now. Then ok. " + "yy " * 663 + "end. ",
    "prose": "Officials said the plan would pass, critics said. ",
}


def _fed_to_sentencex(monkeypatch, text: str) -> list[int]:
    """The length of every string sentencex is given while ``text`` is segmented."""
    import sentencex

    fed: list[int] = []
    original = sentencex.segment

    def spy(language: str, piece: str):
        fed.append(len(piece))
        return original(language, piece)

    monkeypatch.setattr(sentencex, "segment", spy)
    spans = sentences(text)
    assert all(text[s.start : s.end] == s.text for s in spans)
    return fed


@pytest.mark.parametrize("unit", list(ADVERSARIAL_UNITS.values()), ids=list(ADVERSARIAL_UNITS))
def test_segment_sentencex_reads_bounded_pieces_a_bounded_number_of_times(monkeypatch, unit):
    # sentencex is quadratic within a piece, so segmentation is linear only if
    # no piece exceeds PIECE_CHARS and the pieces' re-read sentences cost a
    # constant factor: measured at most 3.0x the text (long-after-short);
    # re-reading from the paragraph start, or no cut, gives the text's length
    # in pieces or a piece of the whole text.
    text = unit * (60_000 // len(unit))
    fed = _fed_to_sentencex(monkeypatch, text)
    assert max(fed) <= segment.PIECE_CHARS
    assert sum(fed) <= 3.5 * len(text)
    assert len(fed) <= 4 * len(text) / (segment.PIECE_CHARS / 2)


def test_segment_work_per_character_does_not_grow_with_the_text(monkeypatch):
    # The same unit at 1x and 4x: four times the characters read, give or
    # take the pieces at the two ends (quadratic work would read 16 times).
    unit = ADVERSARIAL_UNITS["long-after-short"]
    small = sum(_fed_to_sentencex(monkeypatch, unit * 10))
    large = sum(_fed_to_sentencex(monkeypatch, unit * 40))
    assert abs(large - 4 * small) <= 4 * segment.PIECE_CHARS


def test_segment_normalises_spaces_once_per_text(monkeypatch):
    # The non-ASCII-space copy is made once for the whole text, not once per
    # paragraph or piece (each a scan of the whole text).
    calls: list[int] = []
    original = segment._plain

    def spy(text: str) -> str:
        calls.append(len(text))
        return original(text)

    monkeypatch.setattr(segment, "_plain", spy)
    text = "\n".join(["Plan\u00a0A passed. It did."] * 50 + ["a!A" * 3_000])
    assert len(sentences(text)) > 100
    assert calls == [len(text)]



def test_segment_spans_built_without_a_garbage_collection():
    # One span per two characters here: collections during the build
    # traversed all spans built so far, 4x the text 6-12x their time.
    import gc

    runs: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            runs.append(info["generation"])

    text = "!)" * 30_000
    gc.collect()
    gc.callbacks.append(count)
    try:
        spans = sentences(text)
    finally:
        gc.callbacks.remove(count)
    # At most one: the deferred collection that the first allocation after
    # the build may start (without the pause: one per 700 objects built).
    assert len(runs) <= 1
    assert len(spans) == 30_001  # "!", then ")!" 29,999 times, then ")"


# The word pattern as first written (with backtracking): the possessive form
# in segment._WORD must find the very same words.
_BACKTRACKING_WORD = re.compile(r"[^\W_](?:[\w'’.,\-]*[^\W_])?")


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="aZé9Ж東'’ -._,;$%\u0301🎉\n", max_size=40))
def test_segment_word_pattern_equals_its_backtracking_form(text):
    assert [m.span() for m in segment._WORD.finditer(text)] == [
        m.span() for m in _BACKTRACKING_WORD.finditer(text)
    ]
