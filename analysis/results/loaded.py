"""Result types of the loaded-wording analyser (:mod:`analysis.measures.loaded`).

Types only: this module imports nothing else of the project.
"""

from __future__ import annotations

from dataclasses import dataclass


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

    """

    start: int
    end: int
    text: str
    category: str
    connotation: str
    neutral: str
    entry: str
    in_quote: bool


@dataclass(frozen=True)
class CategoryRate:
    """Loaded words of one category in one article.

    Args:
        category: The category name.
        count: The outlet's own matches (outside quotes).
        quoted: Matches inside direct quotes (the speakers').
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
        matches: Every match, in text order, quoted ones included.
        rates: One row per category in :data:`CATEGORIES` order, zeros included.
        count: The outlet's own matches, all categories.
        quoted: Matches inside direct quotes, all categories.
        rate: ``count`` per 100 words.
        word_count: The word count the rates were computed from.

    """

    matches: tuple[LoadedMatch, ...]
    rates: tuple[CategoryRate, ...]
    count: int
    quoted: int
    rate: float
    word_count: int
