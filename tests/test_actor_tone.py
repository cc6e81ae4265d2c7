"""Tests for analysis.measures.actor_tone: the features of a mention and the model's verdict."""

from __future__ import annotations

import math

import pytest

from analysis.measures import actor_tone
from analysis.measures.actor_tone import features, mention_tone
from analysis.measures.vader_explain import explain


def _features(sentence, mention):
    start = sentence.index(mention)
    ex = explain(sentence)
    found = features(
        sentence, (0, len(sentence)), (start, start + len(mention)), ex.words, ex.vader
    )
    return {f.name: (round(f.value, 4), sentence[f.start : f.end]) for f in found}


def test_actor_tone_features_hand_checked():
    # Critics(0) slammed(1) Trump(2) over(3) the(4) failed(5) deal(6)
    f = _features("Critics slammed Trump over the failed deal.", "Trump")
    # "critics" (-1.2 in VADER) right before the mention, no comma between
    assert f["lex_neg_L_near_same"] == (0.3, "Critics")
    # "failed" (-2.3): three words after the mention
    assert f["lex_neg_R_mid_same"] == (0.575, "failed")
    # plain words in the window; "Critics" is capitalised (names and dates
    # never become cues) and "the" is grammar, so it is only a window word
    assert f["L:slammed"] == (1.0, "slammed") and "L:critics" not in f
    assert f["R:the"] == (1.0, "the") and "S:the" not in f
    assert f["S:deal"] == (1.0, "deal") and "S:trump" not in f
    assert not any(name.startswith("role_") for name in f)


def test_actor_tone_features_clause_boundary_and_distance():
    # "disaster" (-3.1) is eight words after the mention, past a comma and a quote mark
    f = _features('Warren said, "The plan, sadly, is a disaster."', "Warren")
    assert f["lex_neg_R_far_cut"] == (0.775, "disaster")
    assert f["lex_neg_R_mid_cut"] == (0.45, "sadly")


@pytest.mark.parametrize(
    ("sentence", "mention", "role"),
    [
        ("Warren said the plan was a disaster.", "Warren", "role_speaker"),
        ("The plan was a disaster, according to Warren.", "Warren", "role_speaker"),
        ("Trump’s plan is great, she said.", "Trump", "role_possessive"),
        ("She said “Trump is great” twice.", "Trump", "role_in_quote"),
        ("Trump left.", "Trump", "role_sentence_start"),
    ],
)
def test_actor_tone_roles(sentence, mention, role):
    assert role in _features(sentence, mention)


@pytest.mark.parametrize(
    ("sentence", "mention", "role"),
    [
        ("The senator met Warren and said nothing.", "Warren", "role_speaker"),
        ("Trump left; she said “go” twice.", "Trump", "role_in_quote"),
        ("Then Trump left.", "Trump", "role_sentence_start"),
        ("Trump left.", "Trump", "role_possessive"),
    ],
)
def test_actor_tone_roles_do_not_fire(sentence, mention, role):
    assert role not in _features(sentence, mention)


def test_actor_tone_curly_quotes_do_not_hide_words():
    # VADER alone misses 'great,”' (it strips only ASCII punctuation)
    f = _features("“Trump’s plan is great,” she said.", "Trump")
    assert f["lex_pos_R_mid_same"] == (round(3.1 / 4, 4), "great")


def test_actor_tone_probabilities_and_tone():
    sentence = "Critics slammed Trump over the failed deal."
    ex = explain(sentence)
    tone = mention_tone(sentence, (0, len(sentence)), (16, 21), ex.words, ex.vader)
    assert sum(tone.probabilities) == pytest.approx(1.0)
    assert tone.tone == pytest.approx(tone.probabilities[2] - tone.probabilities[0])
    assert tone.label == "negative"
    for start, end, weight in tone.phrases:
        assert abs(weight) >= actor_tone.MIN_PHRASE_WEIGHT
        assert sentence[start:end].lower() not in {"the", "over"}
    assert tone.phrases[0][2] < 0


def test_actor_tone_weights_table_header():
    header = actor_tone.WEIGHTS_TABLE.read_text(encoding="utf-8").splitlines()[:5]
    assert any(h.startswith("# trained on: NewsMTSC") for h in header)
    assert any(h.startswith("# licence:") and "MIT" in h for h in header)


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Critics slammed Trump over the failed deal, and the deal failed.", "Trump"),
        ("Fans praised Smith for her brilliant, generous work.", "Smith"),
        ("Smith praised Smith-Jones.", "Smith-Jones"),
        ('Warren said, "The plan, sadly, is a disaster," and praised the good deal.', "Warren"),
        ("Allies of the brave Trump’s team were angry - and hurt - by the attack.", "Trump"),
    ],
)
def test_actor_tone_sentence_bag_shortcut_equals_all_features(sentence, mention):
    # mention_tone adds the bag of words once per sentence; the logits must be
    # those of the full feature list that training sees
    start = sentence.index(mention)
    ex = explain(sentence)
    table, bias = actor_tone.weights()
    logits = list(bias)
    for f in features(
        sentence, (0, len(sentence)), (start, start + len(mention)), ex.words, ex.vader
    ):
        w = table.get(f.name, (0.0, 0.0, 0.0))
        logits = [v + w[c] * f.value for c, v in enumerate(logits)]
    exp = [math.exp(v - max(logits)) for v in logits]
    expected = [e / sum(exp) for e in exp]
    tone = mention_tone(
        sentence, (0, len(sentence)), (start, start + len(mention)), ex.words, ex.vader
    )
    assert tone.probabilities == pytest.approx(tuple(expected), abs=1e-12)


def test_actor_tone_sentence_words_and_offsets_from_one_split():
    from analysis.measures.actor_tone import _CONTENT, _GRAMMAR, _OTHER, _WORD, _sentence

    sent = _sentence("Mr. Ruiz's plan—backed by 54 members—won't pass.")
    # Checked by hand: Mr | Ruiz's | plan | backed | by | 54 | members | won't | pass
    assert sent.lower == ("mr", "ruiz's", "plan", "backed", "by", "54", "members", "won't", "pass")
    assert sent.starts == (0, 4, 11, 16, 23, 26, 29, 37, 43)
    assert sent.ends == (2, 10, 15, 22, 25, 28, 36, 42, 47)
    assert sent.kinds[:3] == (_OTHER, _OTHER, _CONTENT) and sent.kinds[4] == _GRAMMAR
    for text in ("", "   ", "—", "a", " a-b’c  d_e 1x ", "__x__ ’tis"):
        found = list(_WORD.finditer(text))
        got = _sentence(text)
        assert got.starts == tuple(m.start() for m in found)
        assert got.ends == tuple(m.end() for m in found)
