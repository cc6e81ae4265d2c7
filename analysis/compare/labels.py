"""Short fact labels a student can read ("Battle of Iwo Jima", "Signal messaging").

A fact's label is made from its *distinctive* words: the content words its
sentences share (for a group; all of them for a one-outlet fact), ranked by
how rare they are in the story (IDF), names and numbers first among equals.
The label is the shortest run of words, in one member sentence, that holds
the most of the top :data:`LABEL_WORDS` of them (the top one always), so it
reads as written ("2% of its GDP by 2027"); when that run is longer than
:data:`LABEL_MAX_WORDS` words, the words themselves are joined in text order.
A group anchored by a shared quote is labelled by the quote.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.compare.words import content_tokens, number

LABEL_WORDS = 3
LABEL_MAX_WORDS = 7
QUOTE_LABEL_WORDS = 8


def _tokens(u) -> list[tuple[int, int, str, bool]]:
    # (start, end, stem, is_name_or_number) relative to the sentence text.
    out = []
    for start, end, s in content_tokens(u.text):
        word = u.text[start:end]
        named = (start > 0 and word[:1].isupper()) or bool(number(s))
        out.append((start, end, s, named))
    return out


def label_stems(units: Sequence, idf: dict[str, float]) -> list[str]:
    """The fact's distinctive stems, most telling first."""
    seen: dict[str, set[int]] = {}
    named: set[str] = set()
    for u in units:
        for _, _, s, is_named in _tokens(u):
            seen.setdefault(s, set()).add(u.article)
            if is_named:
                named.add(s)
    shared = [s for s, arts in seen.items() if len(arts) >= 2] or list(seen)
    return sorted(shared, key=lambda s: (-round(idf.get(s, 0.0), 6), s not in named, -len(s), s))


def fact_label(units: Sequence, idf: dict[str, float], quote: str = "") -> str:
    """A short label for the fact reported by ``units`` (alignment units).

    Args:
        units: The fact's sentences (``text``, ``article``).
        idf: The story's IDF weights.
        quote: A direct quote shared by the sentences, used as the label.

    Returns:
        A few words from the text, such as "Signal messaging disclosure".
    """
    if quote:
        words = quote.split()
        cut = len(words) > QUOTE_LABEL_WORDS
        return "“" + " ".join(words[:QUOTE_LABEL_WORDS]) + (" …”" if cut else "”")
    top = label_stems(units, idf)[:LABEL_WORDS]
    if not top:
        return " ".join(units[0].text.split()[:LABEL_MAX_WORDS]) if units else ""
    best: tuple[int, int, str] | None = None
    for u in units:
        toks = _tokens(u)
        for i, first in enumerate(toks):
            covered: set[str] = set()
            for j in range(i, len(toks)):
                if toks[j][2] in top:
                    covered.add(toks[j][2])
                if top[0] not in covered or toks[i][2] not in top or toks[j][2] not in top:
                    continue
                text = u.text[first[0] : toks[j][1]]
                key = (-len(covered), len(text.split()), text)
                if best is None or key < best:
                    best = key
    if best is not None and best[1] <= LABEL_MAX_WORDS:
        return best[2]
    # Too far apart: the words themselves, in the order the first member uses them.
    for u in units:
        words = []
        for start, end, s, _ in _tokens(u):
            if s in top and s not in {w[0] for w in words}:
                words.append((s, u.text[start:end]))
        if words:
            return " ".join(w for _, w in words)
    return " ".join(units[0].text.split()[:LABEL_MAX_WORDS])
