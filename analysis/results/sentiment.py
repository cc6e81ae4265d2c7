"""Result types of the sentiment analyser (:mod:`analysis.measures.sentiment`).

Types only: this module imports nothing else of the project but other result
types (:class:`~analysis.results.doc.Span`), so reading or writing results never loads VADER.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.results.doc import Span


@dataclass(frozen=True)
class WordContribution:
    """One lexicon word of a sentence and what it did to the compound.

    Args:
        start: Offset of the word in the analysed text (for an emoji, the
            emoji itself; VADER replaces it by its description).
        end: Offset one past the word.
        text: ``text[start:end]``.
        valence: The word's entry in VADER's lexicon (0.0 for a word of
            Slant's news-tone list, which VADER lacks; rule ``news_tone``).
        adjusted: Its valence after VADER's rules, before normalisation (0.0
            for a news-tone word: it counts only through the calibration).
        contribution: Its share of the final score, calibration included (see
            :mod:`analysis.measures.vader_explain`).
        rules: Codes from :data:`RULES` that changed it, in the order applied.
        calibration: The part of ``contribution`` that the calibration's own
            terms for this word added (its weight, its density and relief
            terms; all of it for a news-tone word; 0.0 when there are none).

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
        compound: The sentence's score, -1..+1: VADER's compound with Slant's
            news senses and calibration (see :mod:`analysis.measures.vader_explain`).
        label: "positive", "neutral" or "negative" (thresholds +-0.05).
        explanation: The lexicon words and their shares of ``compound``;
            ``sum(w.contribution) + emphasis == compound``.
        emphasis: Share of ``compound`` due to "!" and "?".
        exclamations: Number of "!" in the sentence.
        questions: Number of "?" in the sentence.
        chunks: Scoring passes (more than 1 only for over-long sentences).
        error: Why the sentence could not be scored, else None.
        vader: VADER's compound before the calibration (news senses applied).

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
    vader: float = 0.0


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
class TonePhrase:
    """A phrase that set an actor's tone, and how far it moved it.

    Args:
        span: The words, offsets into ``doc.text``.
        weight: Its share of the model's positive-minus-negative logit
            (positive pushes the tone up), summed over the actor's mentions.

    """

    span: Span
    weight: float


@dataclass(frozen=True)
class ActorSentiment:
    """The tone an article takes towards one actor, measured at its mentions.

    Args:
        actor: The actor's display name.
        mentions: Number of sentences that mention it (by name, alias, surname
            or title; see :func:`analysis.text.actors.mentions`).
        mean: Mean score of those sentences (the tone *around* the actor,
            kept for comparison), None if there are none.
        sentences: Indexes of those sentences in ``SentimentResult.sentences``.
        tone: The tone *towards* the actor, -1..+1: the mean over its
            mentions of P(positive) - P(negative) (see
            :mod:`analysis.measures.actor_tone`); None if it is not mentioned.
        label: "positive", "neutral" or "negative" (the most probable class
            of the mentions' mean probabilities), None if not mentioned.
        spans: Every mention, offsets into ``doc.text``.
        phrases: The phrases that set the tone, strongest first (at most
            :data:`analysis.measures.actor_tone.TOP_PHRASES`).

    """

    actor: str
    mentions: int
    mean: float | None
    sentences: tuple[int, ...] = ()
    tone: float | None = None
    label: str | None = None
    spans: tuple[Span, ...] = ()
    phrases: tuple[TonePhrase, ...] = ()


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

    @property
    def actor_tones(self) -> str:
        """Each mentioned actor's tone, "China +0.07 (neutral); Japan +0.31 (positive)"."""
        return "; ".join(
            f"{a.actor} {a.tone:+.2f} ({a.label})" for a in self.actors if a.tone is not None
        )
