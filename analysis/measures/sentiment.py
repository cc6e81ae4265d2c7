"""Sentence-by-sentence sentiment with VADER, explained word by word.

Every sentence of the cleaned text is scored on its own with VADER (see
:mod:`analysis.measures.vader_explain`); an article is never scored in one call, because
VADER's compound adds word valences before squashing them into -1..+1 and so
saturates on long texts. The article figures are summaries of the sentence
scores: their mean, the shares of positive / neutral / negative sentences, the
most positive and most negative sentence, an arc by position, and the tone
towards each actor, measured at each of its mentions by
:mod:`analysis.measures.actor_tone` (what the sentence says about the actor,
not the mood of the sentences it appears in).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from analysis import messages
from analysis.measures import actor_tone
from analysis.measures.vader_explain import MAX_WORDS_PER_CALL, Scored, contributions, score
from analysis.results.doc import Actor, Doc, Span
from analysis.results.sentiment import (
    ActorSentiment,
    ArcPoint,
    SentenceSentiment,
    SentimentResult,
    TonePhrase,
)
from analysis.text import actors as _actors

POSITIVE_THRESHOLD = 0.05
"""A sentence with compound >= this is positive (VADER's own convention)."""
NEGATIVE_THRESHOLD = -0.05
"""A sentence with compound <= this is negative."""
SMOOTHING_WINDOW = 5
"""Sentences in the centred moving average of the arc."""
GUESSED_ACTORS = 6
"""Actors guessed from the text when the story names none."""

LIMITATIONS: tuple[str, ...] = (
    "VADER scores words from a fixed list built from ratings of social-media text; words it "
    "does not know count as nothing. Plain VADER has no entry for 'harshly', so 'He spoke "
    "harshly of the peace agreement.' is scored on 'peace' and 'agreement' alone and comes "
    "out clearly positive (+0.77). Slant adds 'harshly', yet the sentence still scores "
    "positive (+0.37). Slant's own list of news words knows 'rebuked', 'slammed' and "
    "'lambasted', but each counts little against 'peace' and 'agreement': 'He rebuked the "
    "peace agreement.' scores +0.51.",
    "Words such as 'war', 'threat', 'attack' or 'killed' count as negative whoever is framed: "
    "a sentence about defending against a threat is as negative as one making the threat. The "
    "score measures the tone of the words, not the writer's stance.",
    "Words used in an institutional sense are left out ('defense minister', 'security ties', "
    "'health care', 'intelligence sharing', 'council approves', 'fare increase'), but only in "
    "the phrases Slant's table lists; other uses still count ('a spirited defense' is praise, "
    "rightly, but so is 'a defense contract' if the table misses it).",
    "The score is calibrated to how people rated New York Times opinion sentences: VADER's "
    "score is scaled down, short sentences count a little stronger, some words are weighted "
    "up or down, Slant's own list of news words VADER lacks ('massacred', 'bribery', "
    "'breakthrough') counts, and 'reduce deaths' or 'fight cancer' reads as good news. "
    "Cross-validated, this agrees somewhat better with the people than VADER alone (Pearson "
    "r 0.54 against 0.50; a single person agrees with the group at about 0.75), so treat "
    "small differences as noise.",
    "Negation is only seen within three words ('not very good'); sarcasm, irony and "
    "quotation of someone else's words are not recognised.",
    "Each sentence is scored on its own and the article figure is the mean of the sentences, "
    "so a long article is not pushed to +1 or -1; a 'sentence' of more than "
    f"{MAX_WORDS_PER_CALL} words (text with no full stops) is scored in pieces of "
    f"{MAX_WORDS_PER_CALL} words and the pieces averaged.",
    "The tone towards an actor is read at each mention from the words near it, the words "
    "just before and after it (who acts on whom) and whether the actor is speaking; a small "
    "model trained on annotated news sentences (NewsMTSC) weighs them. On sentences it was "
    "not trained on it gets about two mentions in three right (macro F1 0.64, "
    "cross-validated). It misses sarcasm, tone carried by a whole paragraph, and mentions "
    "by pronoun ('he', 'the minister'); mentions are names, aliases, surnames and titled "
    "names ('Mr. Trump', 'Sen. Warren').",
    "Scores between -0.05 and +0.05 are called neutral. Most news sentences are neutral or "
    "mildly toned; small differences between outlets (under about 0.1) are within noise.",
)
"""Plain-language limits of the sentiment figures, for the dashboard."""

ERR_SCORING = messages.SENTENCE_NOT_SCORED


def label(compound: float) -> str:
    """VADER's three classes: positive, neutral or negative."""
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


def score_sentence(text: str, span: Span | None = None) -> SentenceSentiment:
    """Score one sentence; never raises.

    Args:
        text: The whole text the sentence lies in.
        span: The sentence within ``text``; the whole text if None.

    Returns:
        The sentence's score and explanation, offsets into ``text``.

    """
    start, end = (span.start, span.end) if span is not None else (0, len(text))
    return _sentence_result(start, end, _score(text[start:end]))


def _score(sentence: str) -> Scored | str:
    """The sentence's score, or why it could not be scored (never raises)."""
    try:
        return score(sentence)
    except Exception as exc:  # noqa: BLE001 - a bad sentence must not sink the article
        return ERR_SCORING.format(reason=type(exc).__name__)


def _sentence_result(start: int, end: int, scored: Scored | str) -> SentenceSentiment:
    """The result for the sentence at ``[start, end)`` from its :class:`Scored`."""
    if isinstance(scored, str):
        return SentenceSentiment(start, end, 0.0, "neutral", error=scored)
    return SentenceSentiment(
        start=start,
        end=end,
        compound=scored.compound,
        label=label(scored.compound),
        explanation=contributions(scored.words, start),
        emphasis=scored.emphasis,
        exclamations=scored.exclamations,
        questions=scored.questions,
        chunks=scored.chunks,
        vader=scored.vader,
    )


def _score_sentences(doc: Doc) -> tuple[SentenceSentiment, ...]:
    """Score every sentence of ``doc``, each distinct sentence text once."""
    seen: dict[str, Scored | str] = {}
    text = doc.text
    out = []
    for s in doc.sentences:
        start, end = s.start, s.end
        sentence = text[start:end]
        scored = seen.get(sentence)
        if scored is None:
            scored = seen[sentence] = _score(sentence)
        out.append(_sentence_result(start, end, scored))
    return tuple(out)


def analyse(doc: Doc) -> SentimentResult:
    """Score every sentence of ``doc`` and summarise.

    Args:
        doc: The cleaned article. Its ``actors`` are used for per-actor
            means; when it has none, up to :data:`GUESSED_ACTORS` are guessed
            from its capitalised names.

    Returns:
        The article's sentiment.

    """
    scored = _score_sentences(doc)
    compounds = [s.compound for s in scored]
    n = len(compounds)
    actor_list: Sequence[Actor] = doc.actors
    guessed = doc.actors_guessed
    if not actor_list and not doc.actors_guessed and doc.text.strip():
        # Only for a Doc built outside the pipeline: the pipeline decides the
        # story's actors once (and marks a guess, even an empty one).
        actor_list = _actors.guess_actors([doc.text], limit=GUESSED_ACTORS)
        guessed = True
    # Sentences prepared for actor tone, by index, shared by all actors.
    contexts: dict[int, actor_tone.Context] = {}
    starts = [s.start for s in scored]
    actor_results = tuple(
        _actor_sentiment(a, doc.text, scored, starts, contexts) for a in actor_list
    )
    if n == 0:
        return SentimentResult(None, None, None, None, (), None, None, (), actor_results, guessed)

    labels = [s.label for s in scored]
    hi = max(range(n), key=compounds.__getitem__)
    lo = min(range(n), key=compounds.__getitem__)
    return SentimentResult(
        mean=sum(compounds) / n,
        positive_share=labels.count("positive") / n,
        neutral_share=labels.count("neutral") / n,
        negative_share=labels.count("negative") / n,
        sentences=scored,
        most_positive=hi if labels[hi] == "positive" else None,
        most_negative=lo if labels[lo] == "negative" else None,
        arc=_arc(scored, len(doc.text)),
        actors=actor_results,
        actors_guessed=guessed,
    )


def _arc(scored: Sequence[SentenceSentiment], length: int) -> tuple[ArcPoint, ...]:
    """Compound by the relative position of each sentence's middle."""
    half = SMOOTHING_WINDOW // 2
    compounds = [s.compound for s in scored]
    points = []
    for i, s in enumerate(scored):
        window = compounds[max(0, i - half) : i + half + 1]
        position = (s.start + s.end) / 2 / length if length else 0.0
        points.append(ArcPoint(position, s.compound, sum(window) / len(window)))
    return tuple(points)


def _actor_sentiment(
    actor: Actor,
    text: str,
    scored: Sequence[SentenceSentiment],
    starts: Sequence[int],
    contexts: dict[int, actor_tone.Context],
) -> ActorSentiment:
    """The tone towards ``actor``, measured at each of its mentions.

    Each mention inside a sentence is scored by
    :func:`analysis.measures.actor_tone.mention_tone`; the actor's tone is the
    mean of the mentions' tones, its label the most probable class of their
    mean probabilities, and its phrases the spans that moved the tone most
    over all mentions (the mention itself left out). ``mean`` keeps the older
    figure, the mean score of the sentences that mention the actor.
    ``starts`` are the sentences' start offsets; ``contexts`` holds the
    sentences already prepared for actor tone (by index); new ones are added.
    """
    spans = _actors.mentions(actor, text)
    hit: set[int] = set()
    tones: list[actor_tone.MentionTone] = []
    tone_at, prepare, find = actor_tone.tone_at, actor_tone.context, bisect.bisect_right
    for m in spans:
        m0, m1 = m.start, m.end
        k = find(starts, m0) - 1
        if k < 0:
            continue
        s = scored[k]
        if m1 > s.end:
            continue
        hit.add(k)
        ctx = contexts.get(k)
        if ctx is None:
            ctx = contexts[k] = prepare(text, (s.start, s.end), s.explanation, s.vader)
        tones.append(tone_at(ctx, (m0, m1)))
    indexes = tuple(sorted(hit))
    mean = sum(scored[k].compound for k in indexes) / len(indexes) if indexes else None
    if not tones:
        return ActorSentiment(actor.name, len(indexes), mean, indexes, spans=tuple(spans))
    # One pass over the mentions, each sum added in the order ``sum`` adds it.
    p0 = p1 = p2 = total = 0
    mention_keys = {(m.start, m.end) for m in spans}
    moved: dict[tuple[int, int], float] = {}
    for (q0, q1, q2), t, _, t_phrases in tones:
        p0, p1, p2, total = p0 + q0, p1 + q1, p2 + q2, total + t
        for a, b, weight in t_phrases:
            key = (a, b)
            if key not in mention_keys:
                moved[key] = moved.get(key, 0.0) + weight
    n = len(tones)
    probs = (p0 / n, p1 / n, p2 / n)
    tone = total / n
    label_ = actor_tone.CLASSES[max(range(3), key=probs.__getitem__)]
    sign = {"positive": 1.0, "negative": -1.0}.get(label_, 0.0)
    ranked = sorted(moved.items(), key=lambda kv: -(kv[1] * sign if sign else abs(kv[1])))
    phrases = tuple(
        TonePhrase(Span(a, b, text[a:b]), w)
        for (a, b), w in ranked[: actor_tone.TOP_PHRASES]
        if (w * sign > 0 if sign else True)
    )
    return ActorSentiment(
        actor.name, len(indexes), mean, indexes, tone, label_, tuple(spans), phrases
    )
