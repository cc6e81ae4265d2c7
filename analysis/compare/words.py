"""Content words: the tokens alignment, labels and contrasts compare.

A content word is a token that is not a function word, lower-cased, with its
possessive dropped and a light suffix stripping applied, so "plans",
"planned" and "planning" all become "plan" and "controversy" stays apart from
"controversial". The stripper handles only English plural, past and
progressive endings; it is deliberately weaker than Porter's (and costs no
import), because over-merging words makes unrelated sentences look alike.
"""

from __future__ import annotations

from functools import cache

from analysis.lexicon import Token, tokenize

# Function words and reporting filler. Our own list (common English function
# words); reporting verbs such as "said" stay content words on purpose, since
# the contrast between "said" and "claimed" is what the comparison shows.
STOPWORDS = frozenset(
    """a an the and but or nor so yet for in on at to of by with from as into onto
    over under after before during since until about against between through
    without within while when where which who whom whose what why how if then
    than though although because unless whether this that these those it its he
    she they we i you his her their our my your him them us me there here all
    any some no not each every both either neither such other another is are was
    were be been being am has have had having do does did doing will would can
    could should may might must shall also just only even still very too more
    most much many own same s 's t mr mrs ms dr up down out off again further
    once per via amid amidst among upon around near across along toward towards
    whose whom one""".split()
)


def stem(word: str) -> str:
    """Strip an English plural, past or progressive ending.

    Args:
        word: A lower-cased word.

    Returns:
        The stem: "plans"/"planned"/"planning" -> "plan", "emphasizes" ->
        "emphasiz", "countries" -> "country".
    """
    w = word
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith(("ches", "shes", "xes", "zes", "sses")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ing") and len(w) > 5:
        w = _undouble(w[:-3])
    elif w.endswith("ed") and len(w) > 4:
        w = _undouble(w[:-2])
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def _undouble(w: str) -> str:
    # "plann" -> "plan", but "spell" and "pass" keep their double letter.
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        return w[:-1]
    return w


def norm(token: Token) -> str:
    """The comparison form of a token: lower-cased, dots trimmed ("U.S." -> "u.s")."""
    return token.norm.strip(".'’")


@cache
def _stem_cached(word: str) -> str:
    return stem(word)


def content_tokens(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """The content words of ``text`` with their offsets and stems.

    Hyphenated compounds are split ("U.S.-Japan" -> "u.s", "japan") so that
    they share words with "Japan" elsewhere.

    Args:
        text: Any text.
        offset: Added to every offset (the text's position in its article).

    Returns:
        ``(start, end, stem)`` triples in text order.
    """
    out: list[tuple[int, int, str]] = []
    for token in tokenize(text):
        pos = 0
        for part in token.text.split("-"):
            start = token.start + pos
            pos += len(part) + 1
            word = part.lower().replace("’", "'").strip(".'")
            if not word or word in STOPWORDS or not any(c.isalnum() for c in word):
                continue
            out.append((offset + start, offset + start + len(part), _stem_cached(word)))
    return out


def content_stems(text: str) -> list[str]:
    """Just the stems of :func:`content_tokens`, in order."""
    return [s for _, _, s in content_tokens(text)]


def plain_words(text: str) -> list[str]:
    """All words of ``text``, lower-cased, for shingles and quote matching."""
    return [t.norm.strip(".") for t in tokenize(text) if t.norm != "'s"]
