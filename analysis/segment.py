"""Sentence and word segmentation with exact character offsets.

Sentences come from `sentencex` (Wikimedia, MIT), chosen over pysbd and syntok
after comparing all three on news text (``benchmarks/segmenters.py``; the README
records the figures): it handles "U.S." before a new sentence, titles such as
"Gen." and "Sen.", quotes that end sentences and decimals, and it is about ten
times faster than pysbd, which matters because segmentation runs beside VADER on
every article.

sentencex returns strings, not offsets, so each piece is located in the source
with ``str.find`` from the previous end: linear, and exact by construction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from analysis.doc import Span

# A word is a run of letters or digits, allowing inner apostrophes, hyphens and
# the decimal/thousands separators of figures, so "U.S.-Japan", "2%", "$5.2"
# and "don't" each count once. Punctuation and symbols are not words.
_WORD = re.compile(r"[^\W_](?:[\w'’.,\-]*[^\W_])?")

# Blank-line or single-newline paragraph breaks: news copied from the web puts
# one paragraph per line, hand-written text often leaves a blank line.
_PARAGRAPH = re.compile(r"[^\n]+")


def word_spans(text: str) -> Iterator[re.Match[str]]:
    """Yield a match for every word in ``text``.

    Args:
        text: Any text.

    Returns:
        An iterator of regex matches; ``m.start()``/``m.end()`` are offsets.
    """
    return _WORD.finditer(text)


def count_words(text: str) -> int:
    """Count the words in ``text`` the way every rate in Slant does.

    Args:
        text: Any text.

    Returns:
        The number of words ("U.S.-Japan" and "$5.2" count once each).
    """
    return sum(1 for _ in _WORD.finditer(text))


def count_sentences(text: str) -> int:
    """Count the sentences in a short text such as one line.

    Args:
        text: Any text.

    Returns:
        The number of non-blank sentences sentencex finds.
    """
    from sentencex import segment

    return sum(1 for piece in segment("en", text) if piece.strip())


def paragraphs(text: str) -> tuple[Span, ...]:
    """Split ``text`` into paragraph spans, one per non-blank line.

    Args:
        text: Cleaned article text, paragraphs separated by newlines.

    Returns:
        Spans with leading and trailing whitespace trimmed.
    """
    spans = []
    for m in _PARAGRAPH.finditer(text):
        span = _trim(text, m.start(), m.end())
        if span is not None:
            spans.append(span)
    return tuple(spans)


def sentences(text: str, paras: tuple[Span, ...] | None = None) -> tuple[Span, ...]:
    """Split ``text`` into sentence spans, never across a paragraph break.

    Args:
        text: Cleaned article text.
        paras: Its paragraphs, if already computed.

    Returns:
        Sentence spans in order, trimmed of surrounding whitespace.
    """
    from sentencex import segment  # imported here: only segmentation needs it

    out: list[Span] = []
    for para in paras if paras is not None else paragraphs(text):
        cursor = para.start
        for piece in segment("en", para.text):
            stripped = piece.strip()
            if not stripped:
                continue
            start = text.find(stripped, cursor, para.end)
            if start < 0:  # sentencex normalised something: fall back to the rest
                start = cursor
                stripped = text[cursor : para.end].strip()
            end = start + len(stripped)
            out.append(Span(start, end, text[start:end]))
            cursor = end
        if cursor < para.end and text[cursor : para.end].strip():
            tail = _trim(text, cursor, para.end)
            if tail is not None:
                out.append(tail)
    return tuple(out)


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    return Span(start, end, text[start:end])
