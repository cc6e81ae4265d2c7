"""The alignment's units and pair-score store, shared by the clustering and the passes after it.

:mod:`analysis.compare.align` builds the units and scores the pairs;
:mod:`analysis.compare.regroup` regroups sentences after the clustering.
Both read these types, so they live below both.
"""

from __future__ import annotations

from dataclasses import dataclass

# One article's sentences in one group: at most this many (a many-to-one
# fact: one outlet tells in two or three sentences what another tells in one).
MAX_PER_ARTICLE = 3
UNNAMED = "?"
"""A sentence's speaker (:attr:`Unit.speakers`) when it quotes someone it does
not name ("'...,' he said." with the pronoun unresolved, or a quote going on
from the sentence before): most often the person the sentence before it is
about. Set by :func:`analysis.compare.quotes.sentence_speakers`."""


@dataclass
class Unit:
    """One alignable sentence (internal)."""

    article: int
    sentence: int
    start: int
    end: int
    text: str
    stems: frozenset[str]
    surface: dict[str, str]
    quotes: tuple[tuple[tuple[str, ...], str], ...]  # (words, original text)
    sig: int = 0
    position: float = 0.0  # 0 = the article's first sentence, 1 = its last
    names: frozenset[str] = frozenset()  # stems written with a capital letter
    speakers: frozenset[str] = frozenset()  # who it quotes or reports (quotes.speaker_key)


def pair_score(scores: dict[int, float], a: int, b: int, n: int) -> float:
    """The stored score of signatures ``a`` and ``b`` (1.0 for the same signature)."""
    if a == b:
        return 1.0
    if a > b:
        a, b = b, a
    return scores.get(a * n + b, 0.0)


@dataclass
class Scores:
    """Every candidate pair's score, in a compact store keyed ``a * n + b`` (``a < b``).

    Args:
        matches: Pairs scoring at least the ``match`` threshold.
        support: Pairs below it (and above :data:`SUPPORT_MIN`): they count
            in a group's average but never match.
        cosines: The content-word cosine of every matching pair (reuse reads
            it: a close paraphrase, not just the same fact).
        n: The number of signatures.
    """

    matches: dict[int, float]
    support: dict[int, float]
    cosines: dict[int, float]
    n: int
