"""The document object every analyser reads.

Loading and cleaning turn a raw file into a :class:`Doc`: the cleaned body text
plus its paragraphs, sentences and direct quotes, all as character spans into
that text. Analysers are plain functions ``analyse(doc) -> Result`` (see
:mod:`analysis.registry`), so they never re-split or re-clean the text and all
of their offsets agree with one another.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple


@dataclass(frozen=True)
class Span:
    """A run of the cleaned text: ``doc.text[start:end] == text``.

    Args:
        start: Offset of the first character in the cleaned text.
        end: Offset one past the last character.
        text: The characters themselves, kept so that JSON readers need not
            slice; tests check that they round-trip exactly.
    """

    start: int
    end: int
    text: str


# --- wp-tokens: the token type of Doc.tokens (built by analysis.text.tokens) ---
class Token(NamedTuple):
    """One word of the text, as :mod:`analysis.text.tokens` defines a word.

    A named tuple, not a dataclass: an article has hundreds of tokens and a
    tuple is built in C (see ``benchmarks/bench_tokens.py``).

    Args:
        start: Offset of the first character.
        end: Offset one past the last character.
        text: The word as written: ``doc.text[start:end] == text``.
        norm: Lower-cased, with curly apostrophes made straight.
        joined: Whether only spaces or hyphens separate it from the previous
            token, so that a phrase may continue across the gap.

    """

    start: int
    end: int
    text: str
    norm: str
    joined: bool


# --- end wp-tokens ---


@dataclass(frozen=True)
class Actor:
    """Someone the story is about, with the names it goes by.

    Args:
        name: Display name, e.g. ``"China"``.
        aliases: Other surface forms, e.g. ``("Beijing", "Chinese")``.
    """

    name: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by its aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Removed:
    """A block the cleaner took out of the raw text, and why.

    Args:
        text: The removed text as it stood in the raw file.
        reason: A sentence a reader can understand ("comment form").
        rule: The identifier of the rule or heuristic that fired.
    """

    text: str
    reason: str
    rule: str


@dataclass(frozen=True)
class Doc:
    """A cleaned article, ready for the analysers.

    Args:
        id: The article's identifier within its story.
        text: The cleaned body (headline and standfirst are kept apart).
        paragraphs: Paragraph spans into ``text``.
        sentences: Sentence spans into ``text``, in order, not overlapping.
        quotes: Direct-quote spans into ``text``, quote marks included.
        word_count: Words in ``text`` as counted by :func:`analysis.text.segment.count_words`.
        actors: The story's actors, for per-actor measures.
        actors_guessed: True when ``actors`` were guessed from the story's
            capitalised names rather than named by a manifest.
        tokens: The words of ``text`` by the one word rule of
            :mod:`analysis.text.tokens`, filled once by
            :func:`analysis.pipeline.make_doc`; None for a Doc built by hand
            (analysers then tokenise ``text`` themselves). Derived from
            ``text``, so it takes no part in equality, is left out of repr,
            and its field metadata says ``serialize: False``.
    """

    id: str
    text: str
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    quotes: tuple[Span, ...] = ()
    word_count: int = 0
    actors: tuple[Actor, ...] = ()
    actors_guessed: bool = False
    # Tokens once, on the Doc (issue 11 item 5). Derived from
    # ``text``: not compared, not shown, and flagged so that serialisers leave
    # it out (JSON readers re-tokenise if they need it).
    tokens: tuple[Token, ...] | None = field(
        default=None, compare=False, repr=False, metadata={"serialize": False}
    )

    def in_quote(self, start: int, end: int) -> bool:
        """Whether the span ``[start, end)`` lies inside a direct quote."""
        starts, reach = self._quote_index
        i = bisect_right(starts, start) - 1
        # Some quote starting at or before ``start`` reaches ``end`` exactly
        # when the furthest end among them does: one bisection per call, so
        # checking every match of a long, quote-heavy text stays linear.
        return i >= 0 and reach[i] >= end

    @cached_property
    def _quote_index(self) -> tuple[list[int], list[int]]:
        """Quote starts in order, and the furthest quote end up to each of them."""
        ordered = sorted(self.quotes, key=lambda q: q.start)
        reach: list[int] = []
        furthest = -1
        for q in ordered:
            furthest = max(furthest, q.end)
            reach.append(furthest)
        return [q.start for q in ordered], reach
