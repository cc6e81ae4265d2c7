r"""The words a regular expression cannot match without: a cheap, exact prefilter.

The cleaner tests every short line against ten case-insensitive bio cues
(``data/boilerplate.toml``). Python's ``re`` cannot skip ahead to a pattern
that starts with ``\b`` or a look-behind, so each cue costs a scan of the
whole line, and almost no line holds any cue. But every cue spells out some
word: "reporter", ".com", "years of". :func:`required` reads a pattern's
parse tree and returns a set of such strings, one of which is inside every
match; :func:`may_match` then rules a pattern out with ``str`` searches on
the line lowered once, and only the patterns it admits are run.

It is exact, never a guess:

* Only ASCII literals are collected, and the line is lowered with
  ``str.lower``, which agrees with ``re``'s case folding on ASCII. The four
  non-ASCII characters that ``re.IGNORECASE`` also matches to an ASCII letter
  (:data:`ASCII_FOLDS`: "İ", "ı", "ſ" and the Kelvin sign) switch the
  prefilter off for their line: every pattern is then run.
* Any part of the tree it does not understand counts as "could be anything",
  so a pattern it cannot read is always run (slower, never wrong).

``tests/test_literals.py`` checks that the prefilter admits every line a
pattern matches, on the seeds, a generated corpus and odd strings.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as _sre_constants
    from re import _parser as _sre_parse
else:  # pragma: no cover - exercised on Python 3.10 only
    import sre_constants as _sre_constants
    import sre_parse as _sre_parse

ASCII_FOLDS = "\u0130\u0131\u017f\u212a"
"""Non-ASCII characters that ``re.IGNORECASE`` matches to ASCII letters (a test scans Unicode)."""

MAX_ALTERNATIVES = 64
"""The most strings one required set may hold (past it, the set is split)."""
SELECTIVE = 6
"""Strings this long are rare enough in prose; among them, fewer strings are searched faster."""

_LITERAL = _sre_constants.LITERAL
_SUBPATTERN = _sre_constants.SUBPATTERN
_BRANCH = _sre_constants.BRANCH
_REPEATS = (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT)
# Zero-width items: they consume nothing, so literals on either side stay adjacent.
_ZERO_WIDTH = (_sre_constants.AT, _sre_constants.ASSERT, _sre_constants.ASSERT_NOT)

Strings = frozenset[str]
"""A set of strings one of which every match contains."""


def required(pattern: str, flags: int = 0) -> Strings | None:
    """Strings (lower case) one of which every match of ``pattern`` contains.

    Args:
        pattern: A regular expression.
        flags: Its ``re`` flags.

    Returns:
        Of the sets the parse tree proves necessary, the one cheapest to rule
        lines out with (strings of :data:`SELECTIVE` characters or more, then
        as few as possible), or None when none is found: the pattern must
        then always be run.
    """
    return _best(_sequence(_sre_parse.parse(pattern, flags)))


def _best(candidates: Iterable[Strings]) -> Strings | None:
    """The most useful necessary set: selective strings, and few of them to search for."""
    usable = [c for c in candidates if c and "" not in c]
    return max(usable, key=_usefulness, default=None)


def _usefulness(strings: Strings) -> tuple[int, int, int]:
    shortest = _shortest(strings)
    return min(shortest, SELECTIVE), -len(strings), shortest


def _shortest(strings: Strings) -> int:
    return min(map(len, strings))


def _sequence(items: Iterable[tuple]) -> list[Strings]:
    """Necessary string sets of a sequence: runs of items that match few exact strings.

    Every item of a sequence takes part in every match, so each run of exact
    items (and each of its prefixes) is a necessary set, as is any necessary
    set of one item.
    """
    found: list[Strings] = []
    run: Strings = frozenset({""})
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        found.extend(_inner(op, av))
        found.append(run)
        exact = _exact(op, av)
        if exact is not None and len(run) * len(exact) <= MAX_ALTERNATIVES:
            run = frozenset(a + b for a, b in itertools.product(run, exact))
        else:
            run = exact if exact is not None else frozenset({""})
    found.append(run)
    return found


def _exact(op: object, av: Any) -> Strings | None:
    """Every string this item can match, when they are few ASCII literals; else None."""
    if op is _LITERAL:
        char = chr(av)
        return frozenset({char.lower()}) if char.isascii() else None
    if op is _SUBPATTERN:
        return _exact_sequence(av[-1])
    if op is _BRANCH:
        options: set[str] = set()
        for branch in av[1]:
            exact = _exact_sequence(branch)
            if exact is None:
                return None
            options |= exact
        return frozenset(options) if len(options) <= MAX_ALTERNATIVES else None
    if op in _REPEATS:
        low, high, body = av
        exact = _exact_sequence(body)
        if exact is None or high > 1:
            return None
        return exact | {""} if low == 0 else exact
    return None


def _exact_sequence(items: Iterable[tuple]) -> Strings | None:
    out: Strings = frozenset({""})
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        exact = _exact(op, av)
        if exact is None or len(out) * len(exact) > MAX_ALTERNATIVES:
            return None
        out = frozenset(a + b for a, b in itertools.product(out, exact))
    return out


def _inner(op: object, av: Any) -> list[Strings]:
    """Necessary sets inside an item that is not exact as a whole."""
    if op is _SUBPATTERN:
        return _sequence(av[-1])
    if op in _REPEATS and av[0] >= 1:
        return _sequence(av[2])
    if op is _BRANCH:
        # One of the branches matched: the union of one necessary set per branch.
        union: set[str] = set()
        for branch in av[1]:
            best = _best(_sequence(branch))
            if best is None:
                return []
            union |= best
        return [frozenset(union)]
    return []


def lowered(line: str) -> str | None:
    """``line`` lowered for :func:`may_match`, or None when the prefilter cannot be used."""
    if not line.isascii() and any(char in line for char in ASCII_FOLDS):
        return None
    return line.lower()


def may_match(words: Strings | None, low: str | None) -> bool:
    """Whether a pattern needing one of ``words`` may match the line lowered as ``low``."""
    if words is None or low is None:
        return True
    return any(map(low.__contains__, words))


def union(sets: Iterable[Strings | None]) -> Strings | None:
    """Strings one of which a match of any of several patterns contains (None if one has none)."""
    out: set[str] = set()
    for strings in sets:
        if strings is None:
            return None
        out |= strings
    return frozenset(out)
