"""Result types of the hedging analyser (:mod:`analysis.measures.hedging`).

Types only: this module imports nothing else of the project.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HedgeMatch:
    """One hedging cue in the text.

    Args:
        start: Offset of the first character in ``doc.text``.
        end: Offset one past the last character.
        text: ``doc.text[start:end]``.
        category: One of :data:`CATEGORIES`.
        rule: ``"lexicon"`` for a plain lexicon match, otherwise the name of the
            context rule that accepted it (e.g. ``"number_follows"``).
        entry: The headword of the lexicon row that fired (see
            :attr:`analysis.text.lexicon.Entry.headword`).
        in_quote: Whether it lies inside a direct quote (the speaker's words).
        kind: The guideline class: ``hedge``, ``booster``, ``weasel``,
            ``peacock`` (unprovable praise, counted with ``weasel``) or
            ``anonymous_source``.
        context: What the context rule found ("pronoun subject", "number
            follows", "worried"), or "".
        weight: The learned probability (0..1) that the cue's sentence is
            uncertain, from the sentence model over all the sentence's weighed
            cues; None when the row and its rule decide alone.
        decided_by: ``"weight"`` when that probability reaching the threshold
            made it count (weasels, peacocks, modals after a noun,
            approximators and other ambiguous cues), ``"rule"`` when the
            lexicon row and its context rule decide alone (epistemic hedges
            the guidelines define, anonymous sources, boosters).

    """

    start: int
    end: int
    text: str
    category: str
    rule: str
    entry: str
    in_quote: bool
    kind: str = ""
    context: str = ""
    weight: float | None = None
    decided_by: str = "rule"


@dataclass(frozen=True)
class HedgingCounts:
    """Number of matches per category."""

    hedge: int = 0
    booster: int = 0
    weasel: int = 0
    anonymous_source: int = 0


@dataclass(frozen=True)
class HedgingRates:
    """Matches per 100 words, per category."""

    hedge: float = 0.0
    booster: float = 0.0
    weasel: float = 0.0
    anonymous_source: float = 0.0

    @property
    def weasel_and_anonymous(self) -> float:
        """Weasel words and anonymous sources together, per 100 words."""
        return self.weasel + self.anonymous_source


@dataclass(frozen=True)
class HedgingResult:
    """Hedging in one article.

    Args:
        matches: Every cue found, in text order, quoted ones included.
        counts: The outlet's own cues (outside quotes), per category.
        quoted: Cues inside direct quotes (the speakers'), per category.
        rates: ``counts`` per 100 words of the article.
        balance: ``(hedges - boosters) / (hedges + boosters)`` over the
            outlet's own cues: +1 all hedges, -1 all boosters, 0 even; None
            when there are neither.
        word_count: The word count the rates were computed from.

    """

    matches: tuple[HedgeMatch, ...]
    counts: HedgingCounts
    quoted: HedgingCounts
    rates: HedgingRates
    balance: float | None
    word_count: int
