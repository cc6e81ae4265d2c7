"""How VADER reads a token, shared by the scoring pass and the calibration.

VADER splits a text on whitespace and strips ASCII punctuation from each
token's ends, unless that leaves two characters or fewer (so ":)" survives
as an emoticon). :mod:`analysis.measures.vader_explain` scores the words so
read and :mod:`analysis.measures.calibration` finds its news-tone words the
same way, so both call :func:`token_row`; curly quotes are first made
straight (:func:`straighten`), one character for one, so offsets hold.
"""

from __future__ import annotations

import string

PUNCT = string.punctuation
_STRAIGHT = str.maketrans("\u201c\u201d\u2018\u2019", "\"\"''")

TOKEN_ROWS: dict[str, tuple[str, str, int]] = {}
"""VADER's word for each whitespace-separated token seen: (word, lower-cased, where it starts)."""
TOKEN_ROWS_MAX = 50_000
"""Tokens kept in :data:`TOKEN_ROWS` before it is emptied (a few MB)."""


def straighten(text: str) -> str:
    """``text.translate(_STRAIGHT)``: curly quotes made straight, one character for one.

    Four ``replace`` calls (in C) rather than ``str.translate``, whose table
    look-up per character is slow on non-ASCII text; same result.
    """
    return (
        text.replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("\u2018", "'")
        .replace("\u2019", "'")
    )


def token_row(token: str) -> tuple[str, str, int]:
    """VADER's ``SentiText`` word for one token, lower-cased, with its offset in the token.

    Remembered in :data:`TOKEN_ROWS`: a news text repeats most of its tokens,
    so each is worked out once (callers read the dict with ``map`` in C and
    call this only for tokens not seen yet).
    """
    row = TOKEN_ROWS.get(token)
    if row is None:
        stripped = token.strip(PUNCT)
        if len(stripped) <= 2:
            row = (token, token.lower(), 0)
        else:
            row = (stripped, stripped.lower(), len(token) - len(token.lstrip(PUNCT)))
        if len(TOKEN_ROWS) >= TOKEN_ROWS_MAX:
            TOKEN_ROWS.clear()
        TOKEN_ROWS[token] = row
    return row
