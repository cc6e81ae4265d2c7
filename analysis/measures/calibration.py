"""The calibration of VADER's score to human ratings of news sentences (run time).

One scored pass of :mod:`analysis.measures.vader_explain` (a ``Scored``: the
compound and its words as tuples) and the text it scored become the
calibrated score::

    score = scale   * compound
          + density * sum(adjusted) / tokens
          + relief  * sum(share of each negative word after a relief verb)
          + tone    * sum(polarity of each news-tone word, signed by its rules)
          + sum(weight[word] * adjusted / valence)

clipped to -1..+1. Every term is a sum over words, so each word's share of
the score is exact: the shares plus the scaled punctuation share add up to
the score (and when the score is clipped every share is scaled alike).

* ``density``: VADER adds word values up, so a long sentence with one strong
  word scores like a short one; people rate the short one stronger. Each
  lexicon word also counts by its value divided by the sentence's length.
* ``relief``: "reduce deaths", "fight cancer", "fewer victims" are good news,
  while VADER counts the harm. A VADER word with a negative value within
  three words after a relief verb of ``news_tone.tsv`` gets this learned term
  (rule ``relieved``).
* ``tone``: words of news that VADER lacks ("massacred", "bribery",
  "blunder", "breakthrough", "rescuing"), from Slant's own list
  ``analysis/lexicons/news_tone.tsv``, each +1 or -1, reversed by a negation
  within three words before it (times -0.74, as VADER does) and weighed by
  "but" as VADER weighs its words. They appear in the explanation with
  valence and adjusted value 0.0 (they are not VADER's) and the rule
  ``news_tone``.
* ``weight[word]``: one correction per VADER word, signed as VADER's rules
  signed the word (a negated word's correction is reversed too).

The weights are fitted by :mod:`analysis.evaluate.calibrate` and read from
``analysis/lexicons/vader_calibration.tsv``; both tables are read lazily,
once per process, in pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import compress
from pathlib import Path
from typing import Any, NamedTuple

from vaderSentiment import vaderSentiment as _vs

from analysis.measures.vader_tokens import straighten, token_row

_LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"
CALIBRATION_TABLE = _LEXICONS / "vader_calibration.tsv"
NEWS_TONE_TABLE = _LEXICONS / "news_tone.tsv"

RULES: dict[str, str] = {
    "news_tone": "not in VADER's list; Slant's own list of news words marks it as good or "
    "bad news (a killing, a blunder, a rescue), and the calibration gives it its weight",
    "relieved": "a harm that a verb such as 'reduce', 'prevent' or 'fight' acts against, "
    "so the calibration reads it as less bad or as good news",
    "calibrated": "weighted by Slant's calibration against human ratings of news sentences",
}
"""Rule codes the calibration adds to a word, with the sentence a teacher can read out."""

_NEGATE = frozenset(_vs.NEGATE)
_WINDOW = 3
"""Words before a word in which a negation or a relief verb acts (VADER's own reach)."""


@dataclass(frozen=True)
class Calibration:
    """The fitted correction (see the module docstring for the formula).

    Args:
        scale: Factor on VADER's compound.
        weights: Correction per lower-cased VADER word.
        density: Factor on the sum of adjusted values divided by the sentence's tokens.
        relief: Factor on the shares of negative words after a relief verb.
        tone: Weight of one news-tone word (polarity +-1).

    """

    scale: float
    weights: dict[str, float]
    density: float = 0.0
    relief: float = 0.0
    tone: float = 0.0


def read_table(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated data file with ``#`` header lines and a column row.

    Used for every sentiment data file (news table, senses, calibration,
    news-tone words, actor-tone weights).
    """
    rows: list[dict[str, str]] = []
    columns: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not columns:
            columns = cells
            continue
        rows.append(dict(zip(columns, cells, strict=False)))
    return rows


@cache
def calibration() -> Calibration:
    """Read the calibration table (once per process)."""
    scale = 1.0
    weights: dict[str, float] = {}
    features: dict[str, float] = {}
    for row in read_table(CALIBRATION_TABLE):
        if row["category"] == "scale":
            scale = float(row["weight"])
        elif row["category"] == "feature":
            features[row["term"]] = float(row["weight"])
        else:
            weights[row["term"]] = float(row["weight"])
    return Calibration(
        scale,
        weights,
        features.get("density", 0.0),
        features.get("relief", 0.0),
        features.get("news_tone", 0.0),
    )


@cache
def news_tone() -> tuple[dict[str, float], frozenset[str]]:
    """Read the news-tone table: word -> polarity, and the relief verbs."""
    words: dict[str, float] = {}
    relief: set[str] = set()
    for row in read_table(NEWS_TONE_TABLE):
        if row["category"] == "relief_verb":
            relief.add(row["term"])
        else:
            words[row["term"]] = float(row["polarity"])
    return words, frozenset(relief)


_KEYS: dict[str, str] = {}
"""The key of each token seen (a news text repeats most of its tokens)."""
_KEYS_MAX = 50_000
"""Tokens kept in :data:`_KEYS` before it is emptied (a few MB)."""


def _key(token: str) -> str:
    """A token as VADER reads it, lower-cased, without a possessive ending."""
    key = _KEYS.get(token)
    if key is None:
        key = token_row(token)[1].removesuffix("'s")
        if len(_KEYS) >= _KEYS_MAX:
            _KEYS.clear()
        _KEYS[token] = key
    return key


class Terms(NamedTuple):
    """The calibration's inputs for one pass, before any weight is applied.

    Args:
        ratios: Per VADER word: ``adjusted / valence`` (0.0 for a word without valence).
        density: Per VADER word: ``adjusted / tokens``.
        relieved: Per VADER word: whether a relief verb stands before it.
        tone: The news-tone words: ``(start, end, text, value, rules)``, value
            the polarity signed by negation and "but", offsets into the text.
        tokens: Whitespace-separated tokens of the text.

    """

    ratios: tuple[float, ...]
    density: tuple[float, ...]
    relieved: tuple[bool, ...]
    tone: tuple[tuple[int, int, str, float, tuple[str, ...]], ...]
    tokens: int


def terms(ex: Any, text: str) -> Terms:
    """Work out :class:`Terms` for one uncalibrated pass over ``text``.

    Args:
        ex: The pass (``vader_explain.Scored``; its words' offsets into ``text``).
        text: The text that was scored.

    """
    words, relief = news_tone()
    if "\u201c" in text or "\u201d" in text or "\u2018" in text or "\u2019" in text:
        tokens = straighten(text).split()
    else:
        tokens = text.split()
    n = len(tokens) or 1
    get = _KEYS.get
    keys = list(map(get, tokens))  # the cached keys, in C; None where not cached yet
    if None in keys:
        keys = [k if k is not None else _key(t) for k, t in zip(keys, tokens, strict=True)]
    ratios = tuple(w[4] / w[3] if w[3] else 0.0 for w in ex.words)
    density = tuple(w[4] / n for w in ex.words)
    relieved: tuple[bool, ...] = (False,) * len(ex.words)
    found = list(compress(range(len(keys)), map(words.__contains__, keys)))
    if not found and relief.isdisjoint(keys):
        return Terms(ratios, density, relieved, (), len(tokens))
    starts = _token_starts(text, len(keys))
    if not relief.isdisjoint(keys):
        relieved = tuple(
            w[4] < 0 and any(k in relief for k in keys[max(0, i - _WINDOW) : i])
            for w, i in zip(ex.words, _positions(ex.words, starts), strict=True)
        )
    tone = tuple(_tone_word(text, keys, starts, i, words[keys[i]]) for i in found)
    return Terms(ratios, density, relieved, tone, len(tokens))


def _token_starts(text: str, n: int) -> list[int]:
    """Where each of the first ``n`` whitespace-separated tokens of ``text`` starts."""
    starts: list[int] = []
    pos = 0
    for token in text.split()[:n]:
        pos = text.find(token, pos)
        starts.append(pos)
        pos += len(token)
    return starts


def _positions(words: tuple[Any, ...], starts: list[int]) -> list[int]:
    """The token index of each scored word (the last token starting at or before it)."""
    out: list[int] = []
    k = 0
    for w in words:
        while k + 1 < len(starts) and starts[k + 1] <= w[0]:
            k += 1
        out.append(k)
    return out


def _tone_word(
    text: str, keys: list[str], starts: list[int], i: int, polarity: float
) -> tuple[int, int, str, float, tuple[str, ...]]:
    """One news-tone word: its span, its signed value and the rules that changed it."""
    value = polarity
    rules = ["news_tone"]
    before = keys[max(0, i - _WINDOW) : i]
    if any(k in _NEGATE or "n't" in k for k in before):
        value *= _vs.N_SCALAR
        rules.append("negation")
    if "but" in keys:
        but = keys.index("but")
        if i < but:
            value *= 0.5
            rules.append("but_before")
        elif i > but:
            value *= 1.5
            rules.append("but_after")
    # Curly quotes are read as straight ones (one character for one, so the
    # offsets hold), as the scoring pass reads them.
    word, _, lead = token_row(straighten(text[starts[i] :].split(maxsplit=1)[0]))
    start = starts[i] + lead
    end = start + len(word)
    return start, end, text[start:end], value, tuple(rules)


def apply(ex: Any, text: str, cal: Calibration) -> Any:
    """Calibrate one pass, keeping the shares exact.

    Args:
        ex: The uncalibrated pass (``vader_explain.Scored``).
        text: The text it scored (word offsets point into it).
        cal: The weights.

    Returns:
        The pass with the calibrated score, the words' new shares (news-tone
        words added in text order), ``vader`` holding the uncalibrated compound.

    """
    t = terms(ex, text)
    if not ex.words and not t.tone:
        return ex  # nothing to weigh: the score stays 0.0
    weights, scale = cal.weights, cal.scale
    corrections = [
        weights.get(w[2].lower(), 0.0) * ratio
        + cal.density * dens
        + (cal.relief * w[5] if rel else 0.0)
        for w, ratio, dens, rel in zip(ex.words, t.ratios, t.density, t.relieved, strict=True)
    ]
    shares = [scale * w[5] + c for w, c in zip(ex.words, corrections, strict=True)]
    tone = [cal.tone * value for *_, value, _ in t.tone]
    emphasis = scale * ex.emphasis
    total = sum(shares) + sum(tone) + emphasis
    shrink = 1.0 / abs(total) if abs(total) > 1.0 else 1.0
    out = [
        (
            a,
            b,
            word,
            valence,
            adjusted,
            share * shrink,
            _rules(rules, c, rel),
            c * shrink,
        )
        for (a, b, word, valence, adjusted, _, rules, _), share, c, rel in zip(
            ex.words, shares, corrections, t.relieved, strict=True
        )
    ]
    if t.tone:
        out.extend(
            (a, b, word, 0.0, 0.0, s * shrink, (*rules, "calibrated") if s else rules, s * shrink)
            for (a, b, word, _, rules), s in zip(t.tone, tone, strict=True)
        )
        out.sort(key=lambda w: w[0])
    return ex._replace(
        compound=total * shrink,
        vader=ex.compound,
        words=tuple(out),
        emphasis=emphasis * shrink + 0.0,
    )


def _rules(rules: tuple[str, ...], correction: float, relieved: bool) -> tuple[str, ...]:
    """A VADER word's rules with the calibration's own added."""
    if relieved:
        rules = (*rules, "relieved")
    return (*rules, "calibrated") if correction else rules
