"""Helpers shared by several test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import re

from analysis.results.doc import Doc, Span

_QUOTE = re.compile(r"“[^”]*”|\"[^\"\n]*\"")


def hand_doc(text: str) -> Doc:
    """A Doc built by hand: quotes are “...” or "..." runs, words split on spaces.

    Analyser tests use it instead of the pipeline so that they depend on the
    analyser alone, with word counts a reader can check by eye.
    """
    quotes = tuple(Span(m.start(), m.end(), m.group()) for m in _QUOTE.finditer(text))
    return Doc(id="t", text=text, quotes=quotes, word_count=len(text.split()))
