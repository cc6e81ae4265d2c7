"""Direct-quote spans.

Words inside quotation marks belong to the person quoted, not to the outlet, so
hedging and loaded-wording matches inside them are reported apart. This module
only finds the spans; who said them is the comparison's job
(:mod:`analysis.compare.quotes`).

Rules, in order of precedence:

* Curly double quotes pair as “ … ”.
* Straight double quotes pair left to right within a paragraph.
* Curly single quotes pair as ‘ … ’ only when ‘ opens at a word start, so the
  apostrophe in "Japan’s" never opens a quote.
* A quote still open at the end of its paragraph runs to the paragraph's end:
  news style opens each paragraph of a long quote and closes only the last.

Opening marks are found by a regex search and each search resumes after the
quote it found, so a paragraph is read about once, however its marks fall.
"""

from __future__ import annotations

import re

from analysis.results.doc import Span

_PAIRS = {"“": "”", '"': '"', "‘": "’"}
# Any opening mark: the regex engine skips the text between quotes in C, so a
# paragraph costs one search per mark, not one Python step per character.
_OPENER = re.compile('[“"‘]')


def find_quotes(text: str, paras: tuple[Span, ...]) -> tuple[Span, ...]:
    """Find direct quotes in ``text``, quote marks included.

    Args:
        text: The cleaned text.
        paras: Its paragraph spans; quotes never cross a paragraph break.

    Returns:
        Non-overlapping quote spans in order.
    """
    out: list[Span] = []
    search = _OPENER.search
    for para in paras:
        i = para.start
        while (m := search(text, i, para.end)) is not None:
            i = m.start()
            ch = text[i]
            if ch == "‘" and not _opens_word(text, i, para.start):
                i += 1
                continue
            j = _find_closer(text, i + 1, para.end, _PAIRS[ch])
            end = para.end if j < 0 else j + 1
            if end - i > 2:  # ignore empty quotes and stray marks
                out.append(Span(i, end, text[i:end]))
            i = end
    return tuple(out)


def _opens_word(text: str, i: int, floor: int) -> bool:
    before = text[i - 1] if i > floor else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-") and after.isalnum()


def _find_closer(text: str, start: int, end: int, closer: str) -> int:
    if closer != "’":
        return text.find(closer, start, end)
    # A closing single quote is one not followed by a letter ("Japan’s" is not).
    j = text.find(closer, start, end)
    while j >= 0 and j + 1 < end and text[j + 1].isalpha():
        j = text.find(closer, j + 1, end)
    return j
