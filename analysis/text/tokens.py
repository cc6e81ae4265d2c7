r"""The one word rule: what a word of the cleaned text is, for matching and counting.

**The rule.** A word is a run of letters and digits (any script: ``[^\W_]``),
with inner apostrophes ("couldn't", "O’Brien"): the pattern :data:`WORD`.
Everything else separates words: spaces, punctuation, hyphens, underscores,
symbols and emoji. A possessive ending ("China's", "China’s", "CHINA'S")
becomes a token of its own, ``'s``, so that "communist China" matches inside
"communist China's". Each token records its offsets, its text, its ``norm``
(lower-cased, curly apostrophes made straight) and whether only spaces or
hyphens separate it from the previous token (``joined``), so a phrase may run
across "war room" and "war-room" but not across "war, room".

    "Mr. Hegseth’s “war-fighting” 5,000"
      -> Mr | Hegseth | ’s | war | fighting | 5 | 000

**Counting.** :func:`analysis.text.segment.count_words`, which gives the
denominator of every rate, counts with the same letters-and-digits rule at a
coarser grain: a counted word is a run of tokens with nothing between them but
underscores, apostrophes, full stops, commas and hyphens, so "U.S.-Japan",
"war-fighting", "China's", "5,000" and "$5.2" count once each. In terms of
tokens, a token starts a new counted word unless the gap before it is made of
those characters only (:func:`count_words`; a test checks that it equals
``segment.count_words`` on the seeds, a corpus and random strings). The two
are one rule at two grains: matching needs the parts ("war fighting" and
"war-fighting" are one phrase), while rates count a compound once, as news
style does. ``segment.count_words`` keeps its own pattern: it counts in C
(``findall``) and also runs on lines before a Doc exists (cleaning).

**Speed.** :func:`tokenize` runs the regular expression once (``re.split``
with the possessive split built into the pattern) and builds every token in C
(``map`` over ``zip``, tokens are named tuples): no Python code runs per
token (``benchmarks/bench_tokens.py``). The pattern is linear: its
alternatives start with disjoint characters and the look-arounds are one or
two characters wide.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, repeat
from operator import methodcaller, not_

from analysis.results.doc import Doc, Token
from analysis.text.bulk import no_collection

__all__ = ["WORD", "Token", "count_words", "tokenize", "tokens_of"]

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
"""One word as written, possessive ending included ("China's"): the word rule."""

# WORD with the possessive split built in: the first alternative stops before
# an apostrophe followed by a lone "s" that ends the word; the second takes
# that "'s" (only right after a letter or digit, so a stray "'s" after a space
# stays the word "s", as WORD reads it). Tokens are exactly WORD's matches,
# with a final 's cut off into a token of its own (tests compare the two).
_LETTER = r"[^\W_]"
_APOSTROPHE = "['’]"
# The runs are possessive (``++``, ``*+``): nothing after a run of letters
# can need part of it back, so the engine keeps no backtracking state.
_SPLIT = re.compile(
    rf"({_LETTER}++(?:{_APOSTROPHE}(?![sS](?!{_LETTER}|{_APOSTROPHE}{_LETTER})){_LETTER}++)*+"
    rf"|(?<={_LETTER}){_APOSTROPHE}[sS])"
)

JOINERS = " \t\n\u00a0-\u2010\u2011"
"""Characters that may stand between two words of one phrase (spaces, hyphens)."""

_IN_WORD = "_'’.,-"
# Characters that glue tokens into one counted word ("U.S.-Japan", "5,000").

_STRAIGHTEN = methodcaller("replace", "’", "'")
_NEW = tuple.__new__


def _tokenize(text: str) -> tuple[Token, ...]:
    """Split ``text`` into tokens (see the module docstring); no cache."""
    # parts = [gap, word, gap, word, ..., gap]: running lengths give offsets.
    parts = _SPLIT.split(text)
    words = parts[1::2]
    if not words:
        return ()
    bounds = list(accumulate(map(len, parts)))
    norms = map(str.lower, words)
    if "’" in text:
        norms = map(_STRAIGHTEN, norms)
    # The gap before each word (the last gap, after the last word, is left out).
    joined = list(map(not_, map(str.strip, parts[0:-1:2], repeat(JOINERS))))
    joined[0] = False  # the first token has no previous token to join
    fields = zip(bounds[0:-1:2], bounds[1::2], words, norms, joined, strict=True)
    # Tokens are tracked tuples built in bulk: see analysis.text.bulk (on
    # 1 MB of "a-", 2 of 2.4 s were collections, 4x the text 6-8x the time).
    with no_collection():
        return tuple(map(_NEW, repeat(Token), fields))


# make_doc tokenises each article and hedging (which is still given the text,
# not the Doc) tokenises the same string right after it: a small cache spares
# that second pass. Results never depend on it: tokenisation is a pure
# function of the text and its result is immutable, so a hit and a miss
# return equal tokens. Analysers that receive a Doc read Doc.tokens instead.
@lru_cache(maxsize=4)
def tokenize(text: str) -> tuple[Token, ...]:
    """Split text into word tokens in one pass, by the word rule above.

    Args:
        text: Any text.

    Returns:
        The tokens in order, with offsets into ``text``
        (``text[t.start:t.end] == t.text``).

    """
    return _tokenize(text)


def tokens_of(doc: Doc) -> tuple[Token, ...]:
    """The tokens of a Doc: ``doc.tokens``, or the text tokenised for a hand-built Doc."""
    return doc.tokens if doc.tokens is not None else tokenize(doc.text)


def count_words(text: str, tokens: tuple[Token, ...]) -> int:
    """Count words as :func:`analysis.text.segment.count_words` does, from the tokens.

    Args:
        text: The text the tokens point into.
        tokens: ``tokenize(text)``.

    Returns:
        The number of counted words: tokens not glued to the previous one by
        underscores, apostrophes, full stops, commas or hyphens alone.

    """
    if not tokens:
        return 0
    glued = sum(
        1
        for prev, tok in zip(tokens, tokens[1:], strict=False)
        if not text[prev.end : tok.start].strip(_IN_WORD)
    )
    return len(tokens) - glued
