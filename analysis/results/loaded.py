"""Result types of the loaded-wording analyser (:mod:`analysis.measures.loaded`).

Types only: this module imports nothing else of the project.
"""

from __future__ import annotations

from dataclasses import dataclass

LOADED = "loaded"
"""Grade of words that count towards the loaded rate."""

EMPHATIC = "emphatic"
"""Grade of verbs of saying that add weight without judging ("emphasized", "stressed")."""


@dataclass(frozen=True)
class LoadedMatch:
    """One loaded word or phrase in the text.

    Args:
        start: Offset of the first character in ``doc.text``.
        end: Offset one past the last character.
        text: ``doc.text[start:end]``.
        category: One of :data:`CATEGORIES`.
        connotation: What the word adds ("dramatises criticism as an attack").
        neutral: A neutral alternative ("criticized").
        entry: The lexicon headword ("slam" for "slammed").
        in_quote: Whether it lies inside a direct quote (the speaker's words).
        grade: ``"loaded"`` (counted in the loaded rate) or ``"emphatic"`` (a
            verb of saying that adds weight, "emphasized", shown in its own
            colour and never counted as loaded).

    """

    start: int
    end: int
    text: str
    category: str
    connotation: str
    neutral: str
    entry: str
    in_quote: bool
    grade: str = LOADED

    @property
    def counted(self) -> bool:
        """Whether the match counts towards the loaded rate (grade "loaded")."""
        return self.grade == LOADED


@dataclass(frozen=True)
class CategoryRate:
    """Loaded words of one category in one article.

    Args:
        category: The category name.
        count: The outlet's own loaded matches (outside quotes).
        quoted: Loaded matches inside direct quotes (the speakers').
        rate: ``count`` per 100 words of the article.

    """

    category: str
    count: int
    quoted: int
    rate: float


@dataclass(frozen=True)
class LoadedResult:
    """Loaded wording in one article.

    Args:
        matches: Every match, in text order, quoted and emphatic ones included.
        rates: One row per category in :data:`CATEGORIES` order, zeros included;
            loaded-grade matches only.
        count: The outlet's own loaded matches, all categories.
        quoted: Loaded matches inside direct quotes, all categories.
        rate: ``count`` per 100 words.
        word_count: The word count the rates were computed from.
        emphatic: The outlet's own emphatic verbs of saying (outside quotes),
            counted apart and never in ``rate``.

    """

    matches: tuple[LoadedMatch, ...]
    rates: tuple[CategoryRate, ...]
    count: int
    quoted: int
    rate: float
    word_count: int
    emphatic: int = 0
