"""Result types of the sentiment analyser (:mod:`analysis.measures.sentiment`).

Types only: this module imports nothing else of the project but other result
types, so reading or writing results never loads VADER.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WordContribution:
    """One lexicon word of a sentence and what it did to the compound.

    Args:
        start: Offset of the word in the analysed text (for an emoji, the
            emoji itself; VADER replaces it by its description).
        end: Offset one past the word.
        text: ``text[start:end]``.
        valence: The word's entry in VADER's lexicon.
        adjusted: Its valence after VADER's rules, before normalisation.
        contribution: Its share of the final score, calibration included (see
            :mod:`analysis.measures.vader_explain`).
        rules: Codes from :data:`RULES` that changed it, in the order applied.
        calibration: The part of ``contribution`` that the calibration's own
            weight for this word added (0.0 when the word has none).

    """

    start: int
    end: int
    text: str
    valence: float
    adjusted: float
    contribution: float
    rules: tuple[str, ...] = ()
    calibration: float = 0.0


@dataclass(frozen=True)
class SentenceSentiment:
    """VADER's verdict on one sentence.

    Args:
        start: Offset of the sentence in ``doc.text``.
        end: Offset one past it.
        compound: VADER's compound score, -1..+1.
        label: "positive", "neutral" or "negative" (thresholds +-0.05).
        explanation: The lexicon words and their shares of ``compound``;
            ``sum(w.contribution) + emphasis == compound``.
        emphasis: Share of ``compound`` due to "!" and "?".
        exclamations: Number of "!" in the sentence.
        questions: Number of "?" in the sentence.
        chunks: Scoring passes (more than 1 only for over-long sentences).
        error: Why the sentence could not be scored, else None.

    """

    start: int
    end: int
    compound: float
    label: str
    explanation: tuple[WordContribution, ...] = ()
    emphasis: float = 0.0
    exclamations: int = 0
    questions: int = 0
    chunks: int = 1
    error: str | None = None


@dataclass(frozen=True)
class ArcPoint:
    """The sentiment arc at one sentence.

    Args:
        position: Where the sentence's middle falls in the text, 0..1.
        compound: The sentence's compound.
        smoothed: Mean compound of the :data:`SMOOTHING_WINDOW` sentences
            centred on this one (fewer at the ends).

    """

    position: float
    compound: float
    smoothed: float


@dataclass(frozen=True)
class ActorSentiment:
    """The tone of the sentences that mention one actor.

    Args:
        actor: The actor's display name.
        mentions: Number of sentences that mention it (by name or alias).
        mean: Mean compound of those sentences, None if there are none.
        sentences: Indexes of those sentences in ``SentimentResult.sentences``.

    """

    actor: str
    mentions: int
    mean: float | None
    sentences: tuple[int, ...] = ()


@dataclass(frozen=True)
class SentimentResult:
    """Sentiment of an article, built from its sentences.

    Args:
        mean: Mean sentence compound, None if there are no sentences.
        positive_share: Share of sentences with compound >= 0.05 (None if no sentences).
        neutral_share: Share of sentences in between.
        negative_share: Share of sentences with compound <= -0.05.
        sentences: One entry per ``doc.sentences`` entry, in order.
        most_positive: Index of the sentence with the highest compound, if any
            sentence is positive; else None.
        most_negative: Index of the lowest, if any sentence is negative.
        arc: Compound by position in the article.
        actors: Per-actor means, in the order of the actors.
        actors_guessed: True when the actors were guessed from capitalised names.

    """

    mean: float | None
    positive_share: float | None
    neutral_share: float | None
    negative_share: float | None
    sentences: tuple[SentenceSentiment, ...]
    most_positive: int | None
    most_negative: int | None
    arc: tuple[ArcPoint, ...]
    actors: tuple[ActorSentiment, ...]
    actors_guessed: bool = False
