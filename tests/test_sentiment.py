"""Tests for analysis.measures.sentiment: per-sentence VADER scores and their summary."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.measures import sentiment
from analysis.measures.vader_explain import explain
from analysis.results.doc import Actor, Doc, Span

_SIA = SentimentIntensityAnalyzer()


def make_doc(text: str, actors: tuple[Actor, ...] = ()) -> Doc:
    """A Doc with naive sentence spans (up to and including . ! or ?)."""
    spans = tuple(
        Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\s.!?][^.!?]*[.!?]*", text)
    )
    return Doc(id="t", text=text, sentences=spans, actors=actors, word_count=len(text.split()))


TEXT = "The plan is good. The sky was cold. It was terrible! Talks went well."


def test_sentiment_sentence_scores_equal_vader():
    result = sentiment.analyse(make_doc(TEXT))
    doc = make_doc(TEXT)
    assert len(result.sentences) == len(doc.sentences) == 4
    for s, span in zip(result.sentences, doc.sentences, strict=True):
        assert (s.start, s.end) == (span.start, span.end)
        assert s.vader == _SIA.polarity_scores(span.text)["compound"]
        assert s.compound == explain(span.text).compound


def test_sentiment_summary_hand_checked():
    # VADER: good 0.4404, cold (not in the lexicon) 0.0,
    # terrible! -0.5255 (-2.1 - 0.292 = -2.392, normalised), well 0.2732;
    # the calibration rescales them but keeps their signs
    result = sentiment.analyse(make_doc(TEXT))
    assert [s.vader for s in result.sentences] == [0.4404, 0.0, -0.5255, 0.2732]
    compounds = [s.compound for s in result.sentences]
    assert compounds[1] == 0.0 and compounds[0] > 0.05 and compounds[2] < -0.05
    assert result.mean == pytest.approx(sum(compounds) / 4)
    assert (result.positive_share, result.neutral_share, result.negative_share) == (0.5, 0.25, 0.25)
    assert (result.most_positive, result.most_negative) == (0, 2)
    assert [s.label for s in result.sentences] == ["positive", "neutral", "negative", "positive"]


def test_sentiment_explanations_sum_to_compound():
    result = sentiment.analyse(make_doc(TEXT))
    for s in result.sentences:
        assert sum(w.contribution for w in s.explanation) + s.emphasis == pytest.approx(s.compound)
        for w in s.explanation:
            assert TEXT[w.start : w.end] == w.text
    terrible = result.sentences[2]
    assert terrible.exclamations == 1 and terrible.emphasis < 0


def test_sentiment_arc_positions_and_smoothing():
    result = sentiment.analyse(make_doc(TEXT))
    positions = [p.position for p in result.arc]
    assert positions == sorted(positions) and 0 < positions[0] and positions[-1] < 1
    # window of 5 centred on the first sentence covers sentences 0..2
    compounds = [s.compound for s in result.sentences]
    assert result.arc[0].smoothed == pytest.approx(sum(compounds[:3]) / 3)


def test_sentiment_long_article_does_not_saturate():
    text = " ".join(["The plan is good."] * 40)
    whole = _SIA.polarity_scores(text)["compound"]
    result = sentiment.analyse(make_doc(text))
    assert whole > 0.99  # one VADER call over the article saturates
    assert result.mean == pytest.approx(explain("The plan is good.").compound)


@pytest.mark.parametrize("text", ["", "   "])
def test_sentiment_empty_text_has_no_scores(text):
    result = sentiment.analyse(make_doc(text))
    assert result.mean is None and result.positive_share is None and result.sentences == ()
    assert result.most_positive is None and result.arc == ()


def test_sentiment_very_short_text_still_scored():
    result = sentiment.analyse(make_doc("Hello."))
    assert result.mean == 0.0 and result.neutral_share == 1.0
    assert result.most_positive is None and result.most_negative is None


@pytest.mark.parametrize("text", ["Come back: no", "I said no", "...", "!!!", "😁😁", "?!"])
def test_sentiment_vader_edge_cases_never_raise(text):
    doc = Doc(id="t", text=text, sentences=(Span(0, len(text), text),))
    result = sentiment.analyse(doc)
    assert result.sentences[0].vader == _SIA.polarity_scores(text)["compound"]


def test_sentiment_scoring_failure_becomes_neutral_with_reason(monkeypatch):
    def boom(text, offset=0):
        raise IndexError("list index out of range")

    monkeypatch.setattr(sentiment, "explain", boom)
    result = sentiment.analyse(make_doc("Good news."))
    (s,) = result.sentences
    assert (s.compound, s.label) == (0.0, "neutral")
    assert s.error == sentiment.ERR_SCORING.format(reason="IndexError")


def test_sentiment_actor_means_count_shared_sentences_for_both():
    text = "China praised the good deal. Japan was sad. China and Japan met. Nothing else."
    china = Actor("China", ("Beijing",))
    japan = Actor("Japan")
    nobody = Actor("Peru")
    result = sentiment.analyse(make_doc(text, (china, japan, nobody)))
    compounds = [s.compound for s in result.sentences]
    by_name = {a.actor: a for a in result.actors}
    assert by_name["China"].sentences == (0, 2)
    assert by_name["China"].mean == pytest.approx((compounds[0] + compounds[2]) / 2)
    assert by_name["Japan"].sentences == (1, 2)
    assert by_name["Japan"].mean == pytest.approx((compounds[1] + compounds[2]) / 2)
    assert (by_name["Peru"].mentions, by_name["Peru"].mean) == (0, None)
    assert result.actors_guessed is False


def test_sentiment_actor_mentioned_twice_in_a_sentence_counts_once():
    text = "Japan, yes Japan, did well. Japan lost."
    result = sentiment.analyse(make_doc(text, (Actor("Japan"),)))
    (japan,) = result.actors
    assert japan.mentions == 2 and japan.sentences == (0, 1)


def test_sentiment_actors_guessed_without_manifest():
    text = "Japan won. Japan lost badly. Kenya drew."
    result = sentiment.analyse(make_doc(text))
    assert result.actors_guessed is True
    assert [a.actor for a in result.actors] == ["Japan"]


def test_sentiment_result_is_json_ready():
    result = sentiment.analyse(make_doc(TEXT, (Actor("Talks"),)))
    data = json.loads(json.dumps(dataclasses.asdict(result)))
    assert set(data) >= {"mean", "positive_share", "neutral_share", "negative_share"}
    assert set(data["sentences"][0]) >= {"start", "end", "compound", "explanation"}
    assert set(data["sentences"][0]["explanation"][0]) >= {
        "start",
        "end",
        "text",
        "valence",
        "contribution",
        "rules",
    }
    assert set(data["actors"][0]) >= {"actor", "mentions", "mean"}


def test_sentiment_limitations_name_the_known_blind_spots():
    joined = " ".join(sentiment.LIMITATIONS)
    assert "harshly" in joined and "war" in joined and "both" in joined
