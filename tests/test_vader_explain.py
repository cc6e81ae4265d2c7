"""Tests for analysis.measures.vader_explain: VADER's score, reconstructed word by word."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SentimentIntensityAnalyzer

from analysis.measures import vader_explain, vader_tokens
from analysis.measures.vader_explain import MAX_WORDS_PER_CALL, explain

_SIA = SentimentIntensityAnalyzer()

SENTENCES = [
    "The book was good.",
    "The book was not good.",
    "The book was very good!",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "At least it isn't a horrible book.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Sentiment analysis has never been this good!",
    "With VADER, sentiment analysis is the shit!",
    "Without a doubt, excellent idea.",
    "No problem, no worries.",
    "There is no hope or joy here.",
    "Is this really fair?? Really???",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "good good but good",
    "good but bad bad",
    "It was a war, a threat and a crisis.",
    "Come back: no",
    "...",
    "!!!",
    "😁😁",
    "",
    "   ",
    # idioms are only looked for from the fourth word on, behind a cheap test
    # of the words at i and i - 2: each phrase must still be found
    "They said it was the kiss of death for the plan.",
    "The old hotel food was to die for, they said.",
    "We all waited at the bus stop in the rain.",
    "Oh yeah right, as if that was a good idea.",
    "She left him with a broken heart and no money.",
    "The crowd felt a beating heart of hope here.",
    "It was a kind of good result for the team.",
    "It was sort of bad for all of us today.",
    "Honestly this new phone is the bomb for sure.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_vader_explain_compound_equals_vader(sentence):
    assert explain(sentence, adjusted=False).compound == _SIA.polarity_scores(sentence)["compound"]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_vader_explain_contributions_sum_to_compound(sentence):
    ex = explain(sentence)
    total = sum(w.contribution for w in ex.words) + ex.emphasis
    assert total == pytest.approx(ex.compound, abs=1e-9)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_vader_explain_offsets_point_into_text(sentence):
    text = "Lead in. " + sentence
    ex = explain(sentence, offset=9)
    for w in ex.words:
        assert text[w.start : w.end] == w.text


def test_vader_explain_plain_word_hand_checked():
    # good = 1.9; compound = 1.9 / sqrt(1.9**2 + 15) = 0.4404
    ex = explain("The book was good.", calibrated=False)
    assert ex.compound == 0.4404
    (good,) = ex.words
    assert (good.text, good.valence, good.adjusted, good.rules) == ("good", 1.9, 1.9, ())
    assert good.contribution == pytest.approx(0.4404)


def test_vader_explain_negation_hand_checked():
    # not good = 1.9 * -0.74 = -1.406; -1.406 / sqrt(1.406**2 + 15) = -0.3412
    ex = explain("The book was not good.", calibrated=False)
    (good,) = ex.words
    assert good.adjusted == pytest.approx(-1.406)
    assert good.rules == ("negation",)
    assert ex.compound == -0.3412


def test_vader_explain_booster_and_exclamation_hand_checked():
    # very good = 1.9 + 0.293 = 2.193; "!" adds 0.292 -> x = 2.485; 2.485 / sqrt(x*x + 15) = 0.54
    ex = explain("The book was very good!", calibrated=False)
    (good,) = ex.words
    assert good.adjusted == pytest.approx(2.193)
    assert good.rules == ("booster",)
    assert ex.compound == 0.54
    assert ex.exclamations == 1
    assert ex.emphasis == pytest.approx(0.292 * 0.54 / 2.485)
    assert good.contribution == pytest.approx(2.193 * 0.54 / 2.485)


def test_vader_explain_but_hand_checked():
    # good before "but" halves (0.95), bad after it counts 1.5 times (-3.75): x = -2.8
    ex = explain("It was good but bad.", calibrated=False)
    good, bad = ex.words
    assert (good.adjusted, good.rules) == (pytest.approx(0.95), ("but_before",))
    assert (bad.adjusted, bad.rules) == (pytest.approx(-3.75), ("but_after",))
    assert ex.compound == round(-2.8 / math.sqrt(2.8**2 + 15), 4) == -0.5859


def test_vader_explain_caps_rule_recorded():
    ex = explain("The food was GOOD and cheap.", calibrated=False)
    good = next(w for w in ex.words if w.text == "GOOD")
    assert good.rules == ("caps",)
    assert good.adjusted == pytest.approx(1.9 + 0.733)


def test_vader_explain_no_before_lexicon_word():
    # "no" before a lexicon word negates it instead of scoring itself
    ex = explain("There is no hope here.", calibrated=False)
    no, hope = ex.words
    assert no.rules == ("no_as_negator",) and no.adjusted == 0.0
    assert hope.rules == ("negation",) and hope.adjusted == pytest.approx(1.9 * -0.74)


def test_vader_explain_emoji_points_at_emoji():
    text = "Great news 😁"
    ex = explain(text, adjusted=False)
    emoji_words = [w for w in ex.words if w.start == text.index("😁")]
    assert emoji_words and all(w.text == "😁" for w in emoji_words)
    assert ex.compound == _SIA.polarity_scores(text)["compound"]


def test_vader_explain_cancelling_words_keep_opposite_shares():
    # good (+1.9) and abandon (-1.9) cancel: compound 0, shares +-1.9 / sqrt(15)
    ex = explain("good abandon", adjusted=False)
    assert ex.compound == 0.0 == _SIA.polarity_scores("good abandon")["compound"]
    good, abandon = ex.words
    assert good.contribution == pytest.approx(1.9 / math.sqrt(15))
    assert abandon.contribution == pytest.approx(-1.9 / math.sqrt(15))


@pytest.mark.parametrize("text", ["Come back: no", "no", "...", "!!!", "😁", "😁😁", "?", ""])
def test_vader_explain_vader_index_error_cases_do_not_raise(text):
    ex = explain(text)
    assert -1.0 <= ex.compound <= 1.0


def test_vader_explain_long_text_is_chunked():
    words = ["good"] + ["plain"] * (MAX_WORDS_PER_CALL - 1)
    text = " ".join(words * 2 + ["bad"])
    ex = explain(text, adjusted=False)
    assert ex.chunks == 3
    first = _SIA.polarity_scores(" ".join(words))["compound"]
    last = _SIA.polarity_scores("bad")["compound"]
    assert ex.compound == pytest.approx((2 * first + last) / 3)
    assert sum(w.contribution for w in ex.words) + ex.emphasis == pytest.approx(ex.compound)
    for w in ex.words:
        assert text[w.start : w.end] == w.text


def test_vader_explain_chunk_size_bounds_one_call(monkeypatch):
    seen = []
    real = vader_explain._explain_once

    def spy(text, adjusted=False):
        seen.append(len(text.split()))
        return real(text, adjusted)

    monkeypatch.setattr(vader_explain, "_explain_once", spy)
    explain("word " * (3 * MAX_WORDS_PER_CALL + 5))
    assert max(seen) <= MAX_WORDS_PER_CALL and len(seen) == 4


def test_vader_explain_random_sentences_match_vader():
    rng = random.Random(7)
    lexicon = sorted(_SIA.lexicon)
    vocab = (
        rng.sample(lexicon, 200)
        + list(BOOSTER_DICT)
        + NEGATE
        + ["but", "BUT", "least", "at", "very", "no", "kind", "of", "never", "so", "this"]
        + ["without", "doubt", "the", "shit", "bad", "ass", "GOOD", "!", "??", "😁", ":)"]
    )
    for _ in range(2000):
        text = " ".join(rng.choice(vocab) for _ in range(rng.randint(1, 14)))
        ex = explain(text, adjusted=False)
        assert ex.compound == _SIA.polarity_scores(text)["compound"], text
        total = sum(w.contribution for w in ex.words) + ex.emphasis
        assert total == pytest.approx(ex.compound, abs=1e-9), text


# The news adjustment (analysis/lexicons/vader_news.tsv)

NAME_CASES = [
    ("The United States sent ships.", "The Zzname States sent ships."),
    # first word: not a name by capitals, but "defense secretary" is an institutional sense
    (
        "Defense Secretary Pete Hegseth was not happy.",
        "Zzname Secretary Pete Hegseth was not happy.",
    ),
    (
        "He met the Defense Secretary and the Supreme Court.",
        "He met the Zzname Secretary and the Zzname Court.",
    ),
    ("They were united and happy.", None),  # lower case: an ordinary word
    ("The UNITED front was great.", None),  # ALL CAPS is emphasis, not a name
    ("Not the United Nations, but good.", "Not the Zzname Nations, but good."),
]


@pytest.mark.parametrize(("sentence", "as_unknown"), NAME_CASES)
def test_vader_explain_names_scored_as_unknown_words(sentence, as_unknown):
    # a hidden name word behaves exactly like a word VADER does not know
    expected = _SIA.polarity_scores(as_unknown or sentence)["compound"]
    ex = explain(sentence, adjusted=True, calibrated=False)
    assert ex.compound == expected
    assert sum(w.contribution for w in ex.words) + ex.emphasis == pytest.approx(ex.compound)


def test_vader_explain_name_word_shown_with_zero_share():
    ex = explain("The United States sent ships.", adjusted=True)
    (united,) = ex.words
    assert (united.text, united.valence, united.adjusted, united.contribution) == (
        "United",
        1.8,
        0.0,
        0.0,
    )
    assert united.rules == ("proper_name",)


def test_vader_explain_manner_adverb_added():
    # "harshly" takes VADER's value for "harsh" (-1.9): -1.9 / sqrt(1.9**2 + 15) = -0.4404
    plain = explain("He spoke harshly.", adjusted=False)
    adjusted = explain("He spoke harshly.", adjusted=True, calibrated=False)
    assert plain.compound == 0.0 and plain.words == ()
    assert adjusted.compound == -0.4404
    assert adjusted.words[0].rules == ("news_lexicon",)


def test_vader_explain_adjustment_is_default():
    assert vader_explain.DEFAULT_ADJUSTED is True
    assert explain("He spoke harshly.", calibrated=False).compound == -0.4404
    assert explain("He spoke harshly.").vader == -0.4404


_PIECES = st.one_of(
    st.text(max_size=3),
    st.sampled_from(["good", "bad", "not", "but", "no", "very", "GOOD", "😁", "!", "??", "\r\n"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=15).map(" ".join))
def test_vader_explain_arbitrary_text(text):
    ex = explain(text, adjusted=False)
    assert ex.compound == _SIA.polarity_scores(text)["compound"]
    assert sum(w.contribution for w in ex.words) + ex.emphasis == pytest.approx(ex.compound)
    for w in ex.words:
        assert 0 <= w.start < w.end <= len(text) and text[w.start : w.end] == w.text


# News senses (analysis/lexicons/vader_senses.tsv): institutional, procedural and
# quantity senses are not scored; harm verbs reverse what they harm.

SENSE_CASES = [
    # (sentence, word that must be taken out of scoring)
    ("Japan's defense minister arrived on Sunday.", "defense"),
    ("The two countries deepened their security ties.", "security"),
    ("Officials spoke of national security.", "security"),
    ("The Justice Department opened an inquiry.", None),  # capitalised: a name already
    ("The justice department opened an inquiry.", "justice"),
    ("Congress debated health care again.", "care"),
    ("Special interests wrote the bill.", "interests"),
    ("He promised more defense spending.", "defense"),
    ("Tokyo joined the security alliance.", "security"),
    ("They resumed intelligence sharing last year.", "sharing"),
    ("He denied the sharing of military information on Signal.", "sharing"),
    ("Council approves 50-cent bus fare increase", "approves"),
    ("Council approves 50-cent bus fare increase", "increase"),
]


@pytest.mark.parametrize(("sentence", "word"), SENSE_CASES)
def test_vader_explain_sense_not_scored(sentence, word):
    ex = explain(sentence, calibrated=False)
    if word is None:
        assert all(w.contribution == 0.0 for w in ex.words)
        return
    (hit,) = [w for w in ex.words if w.text.lower() == word]
    assert hit.rules == ("institutional",) and hit.adjusted == 0.0 and hit.contribution == 0.0


# Sentences we wrote where the same words keep their ordinary, evaluative sense.
SENSE_MISSES = [
    ("He mounted a spirited defense of his friend.", "defense"),
    ("The children felt a sense of security at home.", "security"),
    ("Sharing a meal with neighbours is a joy.", "sharing"),
    ("Voters trust the mayor.", "trust"),
    ("Critics approved of the new park.", "approved"),
    ("She showed real care for her patients.", "care"),
]


@pytest.mark.parametrize(("sentence", "word"), SENSE_MISSES)
def test_vader_explain_sense_does_not_fire_on_ordinary_use(sentence, word):
    ex = explain(sentence, calibrated=False)
    (hit,) = [w for w in ex.words if w.text.lower() == word]
    assert "institutional" not in hit.rules and hit.adjusted > 0


def test_vader_explain_fare_headlines_neutral_and_spin():
    # The neutral headline has no word left to score: exactly 0.0; the spin
    # headline keeps "secures" (+1.3 in VADER): 1.3 / sqrt(1.3**2 + 15) = 0.3182
    assert explain("Council approves 50-cent bus fare increase").compound == 0.0
    spin = explain("Council secures transit's future with modest fare adjustment", calibrated=False)
    assert spin.compound == 0.3182


def test_vader_explain_harm_verb_reverses_what_it_harms():
    # undermine -1.2; trust 2.3 * -0.74 = -1.702; x = -2.902 -> -2.902 / sqrt(x*x + 15) = -0.5996
    ex = explain("The row could undermine trust.", calibrated=False)
    undermine, trust = ex.words
    assert undermine.rules == () and undermine.adjusted == -1.2
    assert trust.rules == ("harmed",) and trust.adjusted == pytest.approx(2.3 * -0.74)
    assert ex.compound == -0.5996


@pytest.mark.parametrize(
    "sentence",
    ["They trust the plan and will not undermine it.", "Trust grew after the talks."],
)
def test_vader_explain_harm_verb_needs_to_come_first(sentence):
    (trust,) = [w for w in explain(sentence, calibrated=False).words if w.text.lower() == "trust"]
    assert "harmed" not in trust.rules and trust.adjusted == 2.3


def test_vader_explain_senses_table_has_reasons():
    rows = vader_explain.read_table(vader_explain.SENSES_TABLE)
    header = vader_explain.SENSES_TABLE.read_text(encoding="utf-8").splitlines()[:4]
    assert any(h.startswith("# licence:") for h in header)
    assert any(h.startswith("# sources:") for h in header)
    for row in rows:
        assert row["category"] in {"institutional", "procedural", "quantity", "harm_verb"}
        assert len(row["reason"]) > 20, row


# The calibration (analysis/lexicons/vader_calibration.tsv)


def test_vader_explain_calibration_hand_checked():
    # score = scale * 0.4404 + weight["good"] * 1.9 / 1.9 + density * 1.9 / 4 tokens,
    # the factors read from the table
    cal = vader_explain.calibration()
    ex = explain("The book was good.")
    (good,) = ex.words
    correction = cal.weights.get("good", 0.0) + cal.density * 1.9 / 4
    expected = cal.scale * 0.4404 + correction
    assert ex.vader == 0.4404 and ex.compound == pytest.approx(expected, abs=1e-12)
    assert good.calibration == pytest.approx(correction, abs=1e-12)
    assert good.contribution == pytest.approx(ex.compound, abs=1e-12)


def test_vader_explain_calibration_reverses_with_negation():
    cal = vader_explain.calibration()
    ex = explain("The book was not good.")
    (good,) = ex.words
    # the word's weight and its density term (adjusted -1.406 over 5 tokens) both reverse
    expected = cal.weights.get("good", 0.0) * -0.74 + cal.density * 1.9 * -0.74 / 5
    assert good.calibration == pytest.approx(expected, abs=1e-12)


def test_vader_explain_calibration_table_header():
    header = vader_explain.CALIBRATION_TABLE.read_text(encoding="utf-8").splitlines()[:5]
    assert any(h.startswith("# trained on: NYT editorial") for h in header)
    assert any(h.startswith("# licence:") and "MIT" in h for h in header)
    assert vader_explain.calibration().scale > 0


def test_vader_explain_calibrated_score_clipped_and_exact(monkeypatch):
    monkeypatch.setattr(
        vader_explain, "calibration", lambda: vader_explain.Calibration(3.0, {"good": 0.5})
    )
    ex = explain("Good, good, very good and great!")
    assert ex.compound == pytest.approx(1.0)
    assert sum(w.contribution for w in ex.words) + ex.emphasis == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("sentence", SENTENCES + [s for s, _ in SENSE_CASES + SENSE_MISSES])
def test_vader_explain_calibrated_contributions_sum_to_score(sentence):
    ex = explain(sentence)
    total = sum(w.contribution for w in ex.words) + ex.emphasis
    assert total == pytest.approx(ex.compound, abs=1e-12)
    assert -1.0 <= ex.compound <= 1.0


def test_vader_explain_calibrated_long_text_exact():
    text = " ".join(["It was a good and fair deal, not a bad one!"] * 40)
    ex = explain(text)
    assert ex.chunks > 1
    assert sum(w.contribution for w in ex.words) + ex.emphasis == pytest.approx(ex.compound)


@settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES, max_size=15).map(" ".join))
def test_vader_explain_calibrated_arbitrary_text_exact(text):
    ex = explain(text)
    assert sum(w.contribution for w in ex.words) + ex.emphasis == pytest.approx(ex.compound)


# The scores-first pass (words as tuples, a table of tokens)


def test_vader_explain_idiom_changes_the_word_it_holds():
    # "kiss of death": death (-2.9) becomes the idiom's -1.5
    ex = explain("They said it was the kiss of death.", adjusted=False)
    death = next(w for w in ex.words if w.text == "death")
    assert death.adjusted == -1.5 and "idiom" in death.rules


def test_vader_explain_score_offsets_are_relative_and_explain_shifts_them():
    sentence = "The “peace” plan was not good, but fair."
    scored = vader_explain.score(sentence)
    ex = explain(sentence, offset=100)
    assert [(a + 100, b + 100) for a, b, *_ in scored.words] == [(w.start, w.end) for w in ex.words]
    assert [w[2] for w in scored.words] == ["peace", "good", "fair"]
    assert vader_explain.contributions(scored.words, 100) == ex.words


def test_vader_explain_token_table_stays_bounded(monkeypatch):
    monkeypatch.setattr(vader_tokens, "TOKEN_ROWS", {})
    monkeypatch.setattr(vader_tokens, "TOKEN_ROWS_MAX", 50)
    for k in range(120):
        vader_tokens.token_row(f"word{k},")
    assert 0 < len(vader_tokens.TOKEN_ROWS) <= 50
    assert vader_tokens.token_row("(great),") == ("great", "great", 1)
    assert vader_tokens.token_row(":)") == (":)", ":)", 0)


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Not a good  day", [0, 4, 6, 12]),  # two spaces: found one by one
        (" Not a good day", [1, 5, 7, 12]),  # a space in front
        ("Not a good day", [0, 4, 6, 11]),  # single spaces: summed
        ("Not\ta\ngood day", [0, 4, 6, 11]),
    ],
)
def test_vader_explain_token_starts_any_spacing(text, starts):
    assert vader_explain._token_starts(text, text.split()) == starts


def test_vader_explain_good_word_offsets_after_odd_spacing():
    scored = vader_explain.score("It was  not\tgood,   but  nice.")
    assert [(a, b, word) for a, b, word, *_ in scored.words] == [(12, 16, "good"), (25, 29, "nice")]


def test_vader_explain_emoji_table_has_no_ascii_character():
    # An ASCII text is passed over without looking for emoji: safe only
    # while VADER's emoji table holds no ASCII character.
    assert not vader_explain._ascii_emoji()
    assert min(vader_explain._emoji_chars()) == "©"


@pytest.mark.parametrize(
    "sentence",
    [
        "It is good.",  # no word before it reaches a rule
        "This is not good.",  # negation one word before
        "It is very good.",  # a booster
        "It is not really very good.",  # negation three words before, boosters
        "So good, this good, never so good.",  # "so" / "this" / "never so"
        "He is a bad ass and kind of nice.",  # an idiom, "kind of"
        "At least it is good, at least not bad, the least good.",  # "least"
    ],
)
def test_vader_explain_rules_before_a_word_match_vader(sentence):
    # The pass skips the steps that cannot change a word (nothing before it
    # is a negation, "so", "this", a booster or part of an idiom); each kind
    # of word before must still be scored as VADER scores it.
    expected = _SIA.polarity_scores(sentence)["compound"]
    assert explain(sentence, adjusted=False).compound == expected
