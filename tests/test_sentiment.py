"""Tests for analysis.measures.sentiment: per-sentence VADER scores and their summary."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.measures import actor_tone, sentiment
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
    def boom(text):
        raise IndexError("list index out of range")

    monkeypatch.setattr(sentiment, "score", boom)
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
    assert set(data["actors"][0]) >= {
        "actor",
        "mentions",
        "mean",
        "sentences",
        "tone",
        "label",
        "spans",
        "phrases",
    }


def test_sentiment_limitations_name_the_known_blind_spots():
    joined = " ".join(sentiment.LIMITATIONS)
    assert "harshly" in joined and "war" in joined and "defense minister" in joined
    assert "calibrated" in joined and "NewsMTSC" in joined and "pronoun" in joined


# Tone towards each actor, measured at its mentions (analysis/measures/actor_tone.py)


def test_sentiment_actor_tone_is_target_dependent():
    # one sentence, two actors, opposite treatment: the co-occurrence mean is
    # the same for both, the tone is not
    text = "Japan praised the treaty, while China was condemned for its brutal aggression."
    result = sentiment.analyse(make_doc(text, (Actor("Japan"), Actor("China"))))
    japan, china = result.actors
    assert japan.mean == china.mean
    assert china.label == "negative" and china.tone < -0.3
    assert japan.tone > china.tone + 0.3 and japan.label != "negative"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Critics slammed Trump over the failed deal.", "Donald Trump", "negative"),
        ("Fans praised Smith for her brilliant, generous work.", "Jane Smith", "positive"),
        ("Smith arrived in Tokyo on Monday.", "Jane Smith", "neutral"),
        ("The corrupt senator Jones lied to voters again.", "Bob Jones", "negative"),
    ],
)
def test_sentiment_actor_tone_labels_hand_checked(text, name, expected):
    (actor,) = sentiment.analyse(make_doc(text, (Actor(name),))).actors
    assert actor.label == expected


def test_sentiment_actor_tone_phrases_and_spans_round_trip():
    text = "Critics slammed President Trump over the failed deal. Trump’s aides were quiet."
    (trump,) = sentiment.analyse(make_doc(text, (Actor("Donald Trump"),))).actors
    assert [m.text for m in trump.spans] == ["President Trump", "Trump"]
    assert trump.mentions == 2 and trump.sentences == (0, 1)
    assert trump.phrases and {p.span.text for p in trump.phrases} <= {
        "slammed",
        "failed",
        "Critics",
        "quiet",
        "aides",
    }
    for span in [*trump.spans, *(p.span for p in trump.phrases)]:
        assert text[span.start : span.end] == span.text
    assert all(p.weight < 0 for p in trump.phrases) and trump.tone < 0
    # the mention itself is never listed as a phrase that set the tone
    assert not {(p.span.start, p.span.end) for p in trump.phrases} & {
        (m.start, m.end) for m in trump.spans
    }


def test_sentiment_actor_tone_is_mean_of_mention_tones():
    text = "Critics slammed Trump. Fans praised Trump for his generous gift."
    (trump,) = sentiment.analyse(make_doc(text, (Actor("Trump"),))).actors
    doc = make_doc(text)
    tones = []
    for k, m in enumerate([text.index("Trump"), text.rindex("Trump")]):
        s = doc.sentences[k]
        ex = explain(s.text, offset=s.start)
        tones.append(
            actor_tone.mention_tone(text, (s.start, s.end), (m, m + 5), ex.words, ex.vader).tone
        )
    assert trump.tone == pytest.approx(sum(tones) / 2)
    assert tones[0] < 0 < tones[1]


def test_sentiment_actor_not_mentioned_has_no_tone():
    (peru,) = sentiment.analyse(make_doc("Japan won.", (Actor("Peru"),))).actors
    assert (peru.mentions, peru.tone, peru.label, peru.spans, peru.phrases) == (
        0,
        None,
        None,
        (),
        (),
    )


# Acceptance on the seed story (issue 13): sentiment does not come from topic words

INSTITUTIONAL = {"defense", "defence", "security", "sharing", "trust"}


def test_sentiment_seed_sentences_not_moved_by_institutional_words_alone(seeds_story):
    checked = 0
    for article in seeds_story.articles:
        for s in article.sentiment.sentences:
            movers = {w.text.lower() for w in s.explanation if abs(w.contribution) > 1e-9}
            checked += 1
            assert not movers or not movers <= INSTITUTIONAL, (
                article.id,
                article.text[s.start : s.end],
            )
            for w in s.explanation:
                if w.text.lower() in INSTITUTIONAL and abs(w.contribution) > 1e-9:
                    # what is left of them is evaluative: harmed trust, or an ordinary sense
                    sentence = article.text[s.start : s.end].lower()
                    assert "harmed" in w.rules or "defense minister" not in sentence
    # The seeds have 76 body sentences (10, 11, 23, 25, 7) since the cleaner
    # drops 002's seven crossheads and 004's teaser (84 before, hence the old
    # bound of 80): the check must have looked at nearly all of them.
    assert checked >= 70


def _seed_sentence(story, article_prefix, words):
    article = next(a for a in story.articles if a.id.startswith(article_prefix))
    for s in article.sentiment.sentences:
        text = article.text[s.start : s.end]
        if all(w in text for w in words):
            return text, s
    raise AssertionError(words)


def test_sentiment_seed_signal_sentence_is_neutral(seeds_story):
    text, s = _seed_sentence(seeds_story, "001", ("sharing of military information", "Signal"))
    assert s.compound == 0.0 and s.label == "neutral"
    (sharing,) = [w for w in s.explanation if w.text == "sharing"]
    assert sharing.rules == ("institutional",)


def test_sentiment_seed_undermine_trust_sentence_is_negative(seeds_story):
    text, s = _seed_sentence(seeds_story, "000", ("controversy", "undermine trust"))
    assert s.label == "negative"
    rules = {w.text: w.rules for w in s.explanation}
    assert rules["sharing"] == ("institutional",) and "harmed" in rules["trust"]


def test_sentiment_seed_defense_minister_not_praise(seeds_story):
    text, s = _seed_sentence(seeds_story, "001", ("Japan’s defense minister",))
    (defense,) = [w for w in s.explanation if w.text == "defense"]
    assert defense.rules == ("institutional",) and defense.contribution == 0.0
    # plain VADER counts it as praise
    plain = explain(text, adjusted=False)
    assert next(w for w in plain.words if w.text == "defense").contribution > 0


def test_sentiment_seed_china_not_upbeat_in_000(seeds_story):
    # co-occurrence called China +0.52 in 000 (sentences about deterring China)
    article = next(a for a in seeds_story.articles if a.id.startswith("000"))
    china = next(a for a in article.sentiment.actors if a.actor == "China")
    assert china.label != "positive" and china.tone < 0.2


def test_sentiment_repeated_sentence_scored_once_with_its_own_offsets(monkeypatch):
    text = "Good news came. It was a sad day. Good news came."
    calls = []
    real = sentiment.score

    def spy(sentence):
        calls.append(sentence)
        return real(sentence)

    monkeypatch.setattr(sentiment, "score", spy)
    result = sentiment.analyse(make_doc(text))
    first, _, last = result.sentences
    assert calls == ["Good news came.", "It was a sad day."]
    assert first.compound == last.compound and first.explanation != last.explanation
    assert [w.start for w in last.explanation] == [w.start + 34 for w in first.explanation]
    for s in (first, last):
        assert all(text[w.start : w.end] == w.text for w in s.explanation)
