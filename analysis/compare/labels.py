"""Short fact labels a student can read ("Battle of Iwo Jima", "Signal messaging").

A fact's label is made from its *distinctive* words: the content words its
sentences share (for a group; all of them for a one-outlet fact), ranked by
how rare they are in the story (IDF), names and numbers first among equals.
The label is the run of words, in one member sentence, whose telling words
weigh most (at most :data:`LABEL_WORDS` content words and
:data:`LABEL_MAX_WORDS` words), so it reads as written ("2% of its GDP by
2027").
A group anchored by a shared quote is labelled by the quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from analysis.compare.words import WORD_CACHE, content_tokens, number

LABEL_WORDS = 3
LABEL_MAX_WORDS = 6
NAME_BONUS = 1.2
LABEL_SENTENCES = 12
QUOTE_LABEL_WORDS = 8
# A number joined to a unit by a hyphen ("85-minute", "3.5-mile"): a modifier.
_MEASURE = re.compile(r"\d-[^\W\d_]+$")


@lru_cache(maxsize=WORD_CACHE)
def _is_number(stem: str) -> bool:
    return bool(number(stem))


def _tokens(u) -> list[tuple[int, int, str]]:
    # (start, end, stem) relative to the sentence text.
    return content_tokens(u.text)


def label_weights(
    units: Sequence, idf: dict[str, float], themes: frozenset[str] = frozenset()
) -> dict[str, float]:
    """How telling each content word of a fact is, for its label.

    The IDF of words used by two or more of the fact's articles (all words
    for a one-outlet fact), times the share of the fact's articles that use
    them (a word all outlets chose names the fact better than one two of
    five did), and :data:`NAME_BONUS` for names and numbers. Story themes
    (``themes``: "Hegseth", "Japan") name no fact.
    """
    seen = stem_articles(units)
    named: set[str] = set()
    for u in units:
        # A stem once found to be a name or number needs no second look.
        for s in u.stems - named:
            word = u.surface.get(s, "")
            if _is_number(s) or (word[:1].isupper() and not u.text.startswith(word)):
                named.add(s)
    n = len({u.article for u in units})
    shared = [s for s, arts in seen.items() if len(arts) >= 2] or list(seen)
    weights = {
        s: idf.get(s, 0.0) * len(seen[s]) / n * (NAME_BONUS if s in named else 1.0) for s in shared
    }
    # In a story of a few sentences every word is a "theme": then keep them.
    return {s: w for s, w in weights.items() if s not in themes} or weights


def stem_articles(units) -> dict[str, set[int]]:
    """Each stem of the units -> the articles using it, in order of first use.

    Copies of one sentence share their stems: each distinct set is read once.
    """
    articles_of: dict[frozenset[str], set[int]] = {}
    for u in units:
        articles_of.setdefault(u.stems, set()).add(u.article)
    seen: dict[str, set[int]] = {}
    for stems, arts in articles_of.items():
        for s in stems:
            seen.setdefault(s, set()).update(arts)
    return seen


def label_stems(
    units: Sequence, idf: dict[str, float], themes: frozenset[str] = frozenset()
) -> list[str]:
    """The fact's distinctive stems, most telling first."""
    weights = label_weights(units, idf, themes)
    return sorted(weights, key=lambda s: (-round(weights[s], 6), -len(s), s))


def fact_label(
    units: Sequence, idf: dict[str, float], quote: str = "", themes: frozenset[str] = frozenset()
) -> str:
    """A short label for the fact reported by ``units`` (alignment units).

    Args:
        units: The fact's sentences (``text``, ``article``).
        idf: The story's IDF weights.
        quote: A direct quote shared by the sentences, used as the label.
        themes: The story's theme stems, which name no fact.

    Returns:
        A few words as written in one of the sentences, such as "Signal
        messaging disclosure": the run of at most :data:`LABEL_WORDS`
        content words (:data:`LABEL_MAX_WORDS` words in all) whose label
        weights sum highest, starting and ending on a weighted word.
    """
    if quote:
        words = quote.split()
        cut = len(words) > QUOTE_LABEL_WORDS
        return "“" + " ".join(words[:QUOTE_LABEL_WORDS]) + (" …”" if cut else "”")
    weights = label_weights(units, idf, themes)
    best: tuple[float, int, str] | None = None
    # Copies of one sentence offer the same runs: look at a few distinct texts.
    texts = list({u.text: u for u in units}.values())[:LABEL_SENTENCES]
    for u in texts:
        toks = _tokens(u)
        for i, first in enumerate(toks):
            if weights.get(first[2], 0.0) <= 0:
                continue
            total, used = 0.0, set()
            for j in range(i, min(len(toks), i + LABEL_WORDS)):
                stem = toks[j][2]
                if stem not in used:
                    total += weights.get(stem, 0.0)
                    used.add(stem)
                if weights.get(stem, 0.0) <= 0:
                    continue
                text = u.text[first[0] : toks[j][1]]
                n_words = len(text.split())
                if n_words > LABEL_MAX_WORDS:
                    break
                key = (-round(total, 6), n_words, text)
                if best is None or key < best:
                    best = key[:2] + (_whole_name(u.text, toks, i, j),)
    if best is not None:
        return _tidy(best[2])
    return " ".join(units[0].text.split()[:LABEL_MAX_WORDS]) if units else ""


def _whole_name(text: str, toks: list[tuple[int, int, str]], i: int, j: int) -> str:
    """The run of tokens ``i`` to ``j`` in ``text``, not cut inside a name.

    A run that ends on a capitalised word followed by another (the story's
    theme "Hegseth" weighs nothing, so "Secretary Pete" would be chosen) is
    carried on to the name's last word, and one that starts inside a name
    ("States stands shoulder") back to its first, within
    :data:`LABEL_MAX_WORDS` words; a possessive ending is dropped
    ("President Donald Trump").
    """

    def joined(a: int, b: int) -> bool:  # tokens a and b are one name, a space apart
        return (
            toks[a][1] + 1 == toks[b][0]
            and text[toks[a][0]].isupper()
            and text[toks[b][0]].isupper()
        )

    while (
        i > 0
        and joined(i - 1, i)
        and len(text[toks[i - 1][0] : toks[j][1]].split()) <= LABEL_MAX_WORDS
    ):
        i -= 1
    start, end = toks[i][0], toks[j][1]
    while (
        j + 1 < len(toks)
        and joined(j, j + 1)
        and len(text[start : toks[j + 1][1]].split()) <= LABEL_MAX_WORDS
    ):
        j += 1
        end = toks[j][1]
    # "85-minute" describes a noun: the label goes on to it ("85-minute meeting").
    if (
        j + 1 < len(toks)
        and _MEASURE.search(text, start, end)
        and len(text[start : toks[j + 1][1]].split()) <= LABEL_MAX_WORDS
    ):
        end = toks[j + 1][1]
    label = text[start:end]
    for ending in ("'s", "’s"):
        if label.endswith(ending) and label[: -len(ending)][-1:].isalpha():
            return label[: -len(ending)]
    return label


def _tidy(text: str) -> str:
    # No dangling punctuation, and no quote mark left open ("a \"war").
    text = text.strip(" ,;:")
    if sum(text.count(c) for c in '"“”') % 2:
        text = "".join(c for c in text if c not in '"“”')
    return text
