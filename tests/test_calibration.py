"""The run-time calibration (analysis/measures/calibration.py) and its news-tone list."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.evaluate import calibrate
from analysis.measures import calibration, vader_explain, vader_tokens
from analysis.measures.calibration import Calibration, apply, news_tone, terms
from analysis.measures.vader_explain import explain, score

# A made-up calibration, so the expectations below do not move when the
# shipped table is retrained: every term's factor is a round number.
CAL = Calibration(scale=0.5, weights={"good": 0.1}, density=0.4, relief=-1.0, tone=0.2)


def _calibrated(text, cal=CAL):
    return apply(score(text, calibrated=False), text, cal)


def test_calibration_news_tone_word_hand_checked():
    # "massacred" is not in VADER's list: 0.2 * -1, the only word, 4 tokens
    out = _calibrated("Villagers were massacred yesterday.")
    (word,) = out.words
    assert out.vader == 0.0 and out.compound == pytest.approx(-0.2)
    assert word[2] == "massacred" and word[3] == 0.0 and word[4] == 0.0
    assert word[6] == ("news_tone", "calibrated") and word[7] == pytest.approx(-0.2)


def test_calibration_news_tone_negated_and_after_but():
    # "not a blunder": -1 * -0.74; after "but" a word counts 1.5 times
    (word,) = _calibrated("It was not a blunder.").words
    assert word[5] == pytest.approx(0.2 * -1 * -0.74) and "negation" in word[6]
    (word,) = _calibrated("They tried, but it was a debacle.").words
    assert word[5] == pytest.approx(0.2 * -1.5) and "but_after" in word[6]


def test_calibration_news_tone_offsets_round_trip():
    text = "A “breakthrough,” they said; the bribery (alleged) went on."
    ex = explain(text, 7)
    spans = [(w.start, w.end, w.text) for w in ex.words]
    assert ("breakthrough", "bribery") == tuple(t for *_, t in spans if t != "said")
    for start, end, word in spans:
        assert (" " * 7 + text)[start:end] == word


def test_calibration_relief_turns_a_harm_into_good_news():
    # "violence" (VADER -3.1) three words after "reduce"
    text = "The plan will reduce the violence."
    plain = score(text, calibrated=False)
    (harm,) = [w for w in plain.words if w[4] < 0]
    out = _calibrated(text)
    (word,) = [w for w in out.words if w[2] == harm[2]]
    # scale * share + relief * share + density * adjusted / 6 tokens
    expected = 0.5 * harm[5] - 1.0 * harm[5] + 0.4 * harm[4] / 6
    assert word[5] == pytest.approx(expected) and "relieved" in word[6]
    assert out.compound > 0 > plain.compound


def test_calibration_relief_needs_the_verb_before():
    out = _calibrated("The violence will not reduce the plan.")
    assert all("relieved" not in w[6] for w in out.words)


@pytest.mark.parametrize(
    "text",
    [
        "Villagers were massacred yesterday.",
        "The plan will reduce deaths, but the bribery went on!",
        "It was not a blunder, and a breakthrough; good.",
        "",
        "The minister met the council.",
    ],
)
def test_calibration_shares_sum_to_score(text):
    out = _calibrated(text)
    assert sum(w[5] for w in out.words) + out.emphasis == pytest.approx(out.compound, abs=1e-12)


def test_calibration_clipped_score_stays_exact():
    cal = Calibration(1.0, {}, 0.0, 0.0, 0.9)
    out = _calibrated("A massacre, a slaughter and bloodshed.", cal)
    assert out.compound == pytest.approx(-1.0)
    assert sum(w[5] for w in out.words) + out.emphasis == pytest.approx(-1.0, abs=1e-12)


def test_calibration_no_tone_word_leaves_a_neutral_sentence_at_zero():
    out = _calibrated("The committee met on Tuesday in the capital.")
    assert out.compound == 0.0 and out.words == ()


@pytest.mark.parametrize(
    "topic",
    ["obama", "iraq", "tax", "taxes", "defense", "security", "health", "economy", "budget",
     "war", "police", "election", "china", "trump", "immigration", "abortion", "nuclear"],
)
def test_calibration_topic_words_are_not_news_tone_words(topic):
    words, relief = news_tone()
    assert topic not in words and topic not in relief


def test_calibration_news_tone_list_is_not_vader():
    words, relief = news_tone()
    lexicon = SentimentIntensityAnalyzer().lexicon
    assert words and not set(words) & set(lexicon)
    assert {"reduce", "prevent", "fewer"} <= relief
    assert set(words.values()) == {1.0, -1.0}


def test_calibration_news_tone_table_header_and_categories():
    header = calibration.NEWS_TONE_TABLE.read_text(encoding="utf-8").splitlines()[:4]
    assert any(h.startswith("# licence: CC0") for h in header)
    assert any(h.startswith("# sources: Written for Slant") for h in header)
    categories = {r["category"] for r in calibration.read_table(calibration.NEWS_TONE_TABLE)}
    assert "relief_verb" in categories and len(categories) >= 8


def test_calibration_table_has_the_learned_terms():
    cal = vader_explain.calibration()
    assert cal.scale > 0 and cal.tone > 0 and cal.density > 0
    assert cal.relief < -cal.scale  # a relieved harm reads as good news


def test_calibration_fit_design_matches_run_time():
    texts = [
        "The plan will reduce deaths, but the bribery went on!",
        "It was not a blunder, and a breakthrough; good.",
        "The book was good.",
    ]
    rows = calibrate.explanations(texts)
    cal = Calibration(0.5, {"good": 0.1, "bad": -0.2}, 0.4, -1.0, 0.2)
    coef = [cal.scale, cal.density, cal.relief, cal.tone, 0.1]
    design = calibrate._design(rows, ["good"], range(len(texts)))
    assert list(design @ coef) == pytest.approx(list(calibrate.predict(rows, range(3), cal)))


def test_calibration_terms_count_tokens():
    text = "Villagers were massacred yesterday."
    assert terms(score(text, calibrated=False), text).tokens == 4


def test_calibration_straighten_by_hand():
    assert vader_tokens.straighten("“War,” he said, ‘isn’t’ it") == '"War," he said, \'isn\'t\' it'


@given(st.text(alphabet="ab \"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00e9\U0001f600", max_size=30))
def test_calibration_straighten_equals_its_translate_table(text):
    # The four replace calls must do what the one-for-one table says.
    assert vader_tokens.straighten(text) == text.translate(vader_tokens._STRAIGHT)
