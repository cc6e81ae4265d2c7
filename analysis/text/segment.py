"""Sentence and word segmentation with exact character offsets.

Sentences come from `sentencex` (Wikimedia, MIT), chosen over pysbd and syntok
after comparing all three on news text (``benchmarks/segmenters.py``; the README
records the figures): it handles "U.S." before a new sentence, titles such as
"Gen." and "Sen.", quotes that end sentences and decimals, and it is about ten
times faster than pysbd, which matters because segmentation runs beside VADER on
every article.

sentencex returns strings, not offsets, so each piece is located in the source
with ``str.find`` from the previous end: linear, and exact by construction.

Rules added on real news (300 articles from three US outlets): a title before
a name ("Ms. Pelosi", "Sen. Schumer") and a party-state tag ("D-N.Y.",
"R-S.C.") never end a sentence, nor does "p.m." before a weekday or a time
zone ("5 p.m. Eastern time"); sentences run together after a closing quote
('said."This', 'choosing.’It', "war.It's") are split between the characters.
A quote of several sentences stays one sentence: it is one attributed
statement, and splitting it would leave its second half without the "she
said" that the comparison and the sourcing figures attach to it.

sentencex never sees more than ``PIECE_CHARS`` characters at once (it is
quadratic on unclosed quotes and on "!"/"?" before a non-space), so the cost
of a paragraph is linear in its length. The rest is linear too, and cheap
beside VADER: the non-ASCII-space copy is made once per text (and not at all
when there is none), the rules that join sentencex's pieces read only the
last few characters of a sentence, "no."/"May." are looked for only where
they occur, and spans are built with the cyclic collector paused
(:mod:`analysis.text.bulk`). ``tests/test_segment.py`` counts what sentencex
reads, so a quadratic regression fails a test rather than a stopwatch.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from analysis.results.doc import Span
from analysis.text.bulk import no_collection

# A word is a run of letters or digits, allowing inner apostrophes, hyphens and
# the decimal/thousands separators of figures, so "U.S.-Japan", "2%", "$5.2"
# and "don't" each count once. Punctuation and symbols are not words.
# Written as runs of letters and digits joined by runs of those marks, each
# run possessive: the same matches as ``[^\W_](?:[\w'’.,\-]*[^\W_])?`` (the
# longest run of word characters and marks, cut back to its last letter or
# digit; a test compares the two), without backtracking over "said," or "U.S.".
_WORD = re.compile(r"[^\W_]++(?:[_'’.,\-]++[^\W_]++)*+")

# Blank-line or single-newline paragraph breaks: news copied from the web puts
# one paragraph per line, hand-written text often leaves a blank line.
_PARAGRAPH = re.compile(r"[^\n]+")

# sentencex 1.0.32 panics (a Rust PanicException, not an Exception) on a
# capital letter, a non-ASCII space and a full stop ("Plan A\u00a0."). It is
# given a copy with every space other than " " and "\n" replaced by " ": one
# character for one, so every offset still indexes the original text.
_ODD_SPACE = re.compile(r"[^\S \n]")


# "at 5 p.m. Monday." is one sentence, but sentencex (and pysbd) split after
# "p.m." whatever follows: a weekday, a time zone ("5 p.m. Eastern time") or
# a lower-case word is joined back.
_TIME_END = re.compile(r"\b[ap]\.m\.\s*$")
_TIME_CONTINUES = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Eastern|Central|Mountain"
    r"|Pacific|Atlantic|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET)\b|[a-z]"
)
# A title before a name ("Ms. Pelosi", "Sen. Schumer", "Lt. Gen. Smith"):
# sentencex knows some of these ("Mr.", "Dr.") but not all, and split 86
# times in 300 real articles on "Ms." alone. A capitalised word after one
# continues the sentence.
_TITLE_END = re.compile(
    r"(?<![\w.])(?:Mr|Ms|Mrs|Mx|Messrs|Mmes|Dr|Prof|Sen|Sens|Rep|Reps|Gov|Lt|Gen|Col|Maj|Capt"
    r"|Cmdr|Adm|Sgt|Cpl|Pvt|St|Rev|Fr|Msgr|Hon|Pres|Supt|Det|Insp|Atty|Amb|Gens)\.\s*$"
)
_NAME_STARTS = re.compile(r"[A-Z]")
# A party and state ("D-N.Y.", "R-S.C.") or initials ("J. R. Smith") cut
# after one letter: a piece ending in a lone capital and a full stop, followed
# by another capital and a full stop, is one abbreviation.
_INITIAL_END = re.compile(r"(?<![A-Za-z])[A-Z]\.\s*$")
_INITIAL_STARTS = re.compile(r"[A-Z]\.")


# Each rule above ends in a full stop (then only spaces) and matches at most
# eight characters with the one it looks behind at ("Messrs." and the
# character before it), so only that tail of the previous sentence is read,
# not the whole of it.
_TAIL = 16


def _continues(previous: str, part: str) -> bool:
    """Whether sentencex's break between ``previous`` and ``part`` is no sentence end."""
    end = previous.rstrip()
    if not end.endswith("."):
        return False
    tail = end[-_TAIL:]
    return bool(
        (_TIME_END.search(tail) and _TIME_CONTINUES.match(part))
        or (_TITLE_END.search(tail) and _NAME_STARTS.match(part))
        or (_INITIAL_END.search(tail) and _INITIAL_STARTS.match(part))
    )


# sentencex reads "no." and "May." as the abbreviations "No." (number) and
# "May." (month), so "He said no. Analysts..." stayed one sentence. A capital
# letter or an opening quote after them starts a new one ("No. 10" does not).
_MISSED_BREAK = re.compile(r"(?:(?<=\b[Nn]o\.)|(?<=\bMay\.))\s+(?=[A-Z“\"‘])")


def _missed_breaks(piece: str) -> list[str]:
    """``piece`` split where :data:`_MISSED_BREAK` matches (read only when "o." or "May." occur)."""
    if "o." in piece or "May." in piece:
        return _MISSED_BREAK.split(piece)
    return [piece]


# sentencex is quadratic on some inputs (an unclosed curly quote, "!" or "?"
# before a non-space: 4x the text cost 15-23x the time), so it never sees more
# than this many characters at once. Text is cut at whitespace; the last two
# sentences of each piece are read again at the start of the next one, so a
# sentence that crosses a cut is segmented whole, with its context, and results
# on ordinary text (sentences far shorter than this) are unchanged. A piece
# with no sentence end at all is cut where it ends: sentences are at most
# PIECE_CHARS long.
PIECE_CHARS = 2_000


def _plain(text: str) -> str:
    """``text`` with every space other than a plain space and a newline made " "."""
    return _ODD_SPACE.sub(" ", text) if _ODD_SPACE.search(text) else text


def _split(text: str, plain: str) -> list[str]:
    """Sentence strings of ``text``; ``plain`` is ``_plain(text)``, which sentencex reads."""
    if len(text) <= PIECE_CHARS:
        return _split_piece(plain)
    out: list[str] = []
    start = 0
    while start < len(text):
        end = _cut(text, start)
        parts = _split_piece(plain[start:end])
        if end >= len(text) or len(parts) < 2:
            # The end, or no sentence end in a whole piece: a "sentence" over
            # PIECE_CHARS (a text without full stops, an unclosed quote) is
            # cut here, so no later stage ever meets an unbounded sentence.
            out.extend(parts)
            start = end
            continue
        # Re-read the last two sentences with what follows them: the last may
        # go on, and a quote opened just before the cut can move the break
        # before it. Only what lies well inside the piece is kept.
        keep = len(parts) - 2 if len(parts) >= 3 else len(parts) - 1
        carried = _offset(text, start, end, parts, keep)
        out.extend(parts[:keep])
        start = carried if carried > start else end
    return out


def _offset(text: str, start: int, end: int, parts: list[str], index: int) -> int:
    """Where ``parts[index]`` starts in ``text`` (the parts are in order from ``start``)."""
    cursor = start
    for number, part in enumerate(parts):
        stripped = part.strip()
        found = text.find(stripped, cursor, end) if stripped else cursor
        if found < 0:
            return -1
        if number == index:
            return found
        cursor = found + len(stripped)
    return -1


def _cut(text: str, start: int) -> int:
    """Where a piece starting at ``start`` ends: at whitespace, at most PIECE_CHARS on."""
    limit = start + PIECE_CHARS
    if limit >= len(text):
        return len(text)
    space = text.rfind(" ", start + PIECE_CHARS // 2, limit)
    if space < 0:
        space = text.rfind("\n", start + PIECE_CHARS // 2, limit)
    return limit if space < 0 else space + 1


def _split_piece(plain: str) -> list[str]:
    """Sentence strings of one bounded piece, already through :func:`_plain`."""
    from sentencex import segment  # imported here: only segmentation needs it

    out: list[str] = []
    for piece in segment("en", plain):
        for part in _missed_breaks(piece):
            if out and _continues(out[-1], part):
                out[-1] += part
            else:
                out.append(part)
    return out


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
    return len(_WORD.findall(text))


def split_sentences(text: str) -> list[str]:
    """Split a short text such as one line into sentence strings (no offsets).

    Args:
        text: Any text.

    Returns:
        The pieces, as sentencex and the rules above cut them.
    """
    return _split(text, _plain(text))


def count_sentences(text: str) -> int:
    """Count the sentences in a short text such as one line.

    Args:
        text: Any text.

    Returns:
        The number of non-blank sentences sentencex finds.
    """
    return sum(1 for piece in _split(text, _plain(text)) if piece.strip())


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
    # Spans are built in bulk (one per sentence; "!)" repeated gives one per
    # two characters): see analysis.text.bulk.
    with no_collection():
        paras = paras if paras is not None else paragraphs(text)
        return tuple(_sentence_spans(text, _plain(text), paras))


def _sentence_spans(text: str, plain: str, paras: tuple[Span, ...]) -> Iterator[Span]:
    """The sentence spans of every paragraph in ``paras``, in order."""
    for para in paras:
        cursor = para.start
        for piece in _split(para.text, plain[para.start : para.end]):
            stripped = piece.strip()
            if not stripped:
                continue
            start = plain.find(stripped, cursor, para.end)
            if start < 0:  # sentencex normalised something: fall back to the rest
                start = cursor
                stripped = text[cursor : para.end].strip()
            end = start + len(stripped)
            yield Span(start, end, text[start:end])
            cursor = end
        if cursor < para.end and text[cursor : para.end].strip():
            tail = _trim(text, cursor, para.end)
            if tail is not None:
                yield tail


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    return Span(start, end, text[start:end])
