"""Tone towards one actor: what a sentence says about it, not the sentence's mood.

For each mention of an actor in a sentence we read the words around the
mention and weigh them by where they stand (see :func:`features`):

* VADER's sentiment words (after Slant's news adjustment), by distance from the
  mention (next to it, within six words, further), side (before or after it) and
  whether a clause boundary (, ; : dash, bracket, quote mark) lies between;
* the plain words just before and after the mention ("criticized X", "X
  praised"), which carry who acts on whom, and the other words of the sentence
  (a bag of words, as a weaker signal); only lower-case content words count,
  never grammar words ("the", "that") or capitalised names and dates;
* the mention's role: the speaker of a quote or a verb of saying ("X said"), a
  possessive ("X's"), inside a quote, at the start of the sentence;
* the whole sentence's VADER score, as a weak prior.

A small multinomial logistic model (three classes: negative, neutral,
positive) weighs these features; its weights are a data file,
``analysis/lexicons/actor_tone_weights.tsv``, fitted on NewsMTSC with folds
grouped by article (:mod:`analysis.evaluate.train_actors`). The tone is
``P(positive) - P(negative)``; every feature that moved it is tied to a span of
the text, so the phrases that set an actor's tone can be shown.

The same :func:`mention_tone` scores the NewsMTSC rows (:mod:`analysis.evaluate.actors`)
and the actors of an article (:func:`actor_tone`).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.results.doc import Span
from analysis.results.sentiment import TonePhrase, WordContribution

WEIGHTS_TABLE = Path(__file__).resolve().parent.parent / "lexicons" / "actor_tone_weights.tsv"
CLASSES = ("negative", "neutral", "positive")
WINDOW = 4
"""Plain words on each side of a mention that count as its context."""
NEAR, MID = 2, 6
"""Word distances that bound "next to the mention" and "near it"."""
TOP_PHRASES = 3
"""Phrases kept per actor: the ones that moved its tone most."""
MIN_PHRASE_WEIGHT = 0.05
"""A word that moved the positive-minus-negative logit by less is not listed."""

_WORD = re.compile(r"[\w][\w'’\-]*")
_BOUNDARY = re.compile(r"[,;:()\[\]\"“”—–]| - ")
_SPEECH = frozenset(
    """said says say told tells tell added adds asked asks argued argues stated states
    wrote writes claimed claims insisted insists noted notes explained explains
    warned warns suggested suggests responded responds replied replies tweeted
    tweets declared declares announced announces according""".split()
)
_SPEECH_BRIDGE = frozenset("also has had then later again".split())
_QUOTES = "\"“”"
# Words that carry grammar, not tone: never features on their own (the
# negators "not", "no", "never", "without" and "against" are kept).
_FUNCTION = frozenset(
    """a an the and or but nor so yet for in on at to of by with from as into onto over
    under after before during since until about between through within while when where
    which who whom whose what why how if then than though although because unless whether
    this that these those it its he she they we i you his her their our my your him them
    us me there here all any some each every both either neither such other another one
    two three four five six seven eight nine ten is are was were be been being has have
    had do does did will would can could should may might must shall also just only even
    still up out off down s 's ’s""".split()
)
_PLAIN = re.compile(r"[a-z][a-z'’\-]*")


@dataclass(frozen=True)
class Feature:
    """One feature of a mention: its name, value and the span it comes from."""

    name: str
    value: float
    start: int
    end: int


@dataclass(frozen=True)
class MentionTone:
    """The model's verdict on one mention.

    Args:
        probabilities: P(negative), P(neutral), P(positive).
        tone: ``P(positive) - P(negative)``, -1..+1.
        label: The most probable class.
        phrases: Spans whose features moved the tone, strongest first, with
            their share of the positive-minus-negative logit.

    """

    probabilities: tuple[float, float, float]
    tone: float
    label: str
    phrases: tuple[TonePhrase, ...]


@cache
def weights() -> tuple[dict[str, tuple[float, float, float]], tuple[float, float, float]]:
    """Read the weights table: per feature (negative, neutral, positive), and the biases."""
    table: dict[str, tuple[float, float, float]] = {}
    columns: list[str] = []
    for line in WEIGHTS_TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not columns:
            columns = cells
            continue
        table[cells[0]] = (float(cells[1]), float(cells[2]), float(cells[3]))
    bias = table.pop("bias", (0.0, 0.0, 0.0))
    return table, bias


def _distance_bucket(d: int) -> str:
    return "near" if d <= NEAR else "mid" if d <= MID else "far"


def features(
    text: str,
    sentence: tuple[int, int],
    mention: tuple[int, int],
    words: Sequence[WordContribution],
    compound: float,
) -> list[Feature]:
    """The features of one mention (offsets into ``text``).

    Args:
        text: The text the sentence lies in.
        sentence: ``(start, end)`` of the sentence in ``text``.
        mention: ``(start, end)`` of the mention in ``text``.
        words: The sentence's VADER words (offsets into ``text``).
        compound: The sentence's VADER compound (before calibration).

    Returns:
        Features, each with the span of the word that gave it.

    """
    s0, s1 = sentence
    m0, m1 = mention
    tokens = [m.span() for m in _WORD.finditer(text, s0, s1)]
    starts = [a for a, _ in tokens]
    inside = [k for k, (a, b) in enumerate(tokens) if a < m1 and b > m0]
    first = inside[0] if inside else bisect.bisect_left(starts, m1)
    last = inside[-1] if inside else first - 1
    out: list[Feature] = [Feature("sentence_compound", compound, s0, s1)]

    def where(a: int, b: int) -> tuple[str, int, bool]:
        """Side, word distance and whether a clause boundary lies between."""
        k = bisect.bisect_right(starts, a) - 1
        if b <= m0:
            return "L", max(1, first - k), bool(_BOUNDARY.search(text, b, m0))
        return "R", max(1, k - last), bool(_BOUNDARY.search(text, m1, a))

    for w in words:
        if w.end <= m0 or w.start >= m1:
            if not w.adjusted:
                continue
            side, d, cut = where(w.start, w.end)
            polarity = "pos" if w.adjusted > 0 else "neg"
            name = f"lex_{polarity}_{side}_{_distance_bucket(d)}_{'cut' if cut else 'same'}"
            out.append(Feature(name, abs(w.adjusted) / 4, w.start, w.end))
    lower = text.lower()
    # Plain words: lower-case content words only (capitalised words are names
    # and dates, which belong to one story, not to tone).
    plain = [_PLAIN.fullmatch(text, a, b) is not None for a, b in tokens]
    for k, (a, b) in enumerate(tokens):
        if plain[k] and lower[a:b] not in _FUNCTION and (k < first or k > last):
            out.append(Feature(f"S:{lower[a:b]}", 1.0, a, b))
    for k in range(max(0, first - WINDOW), first):
        a, b = tokens[k]
        if plain[k]:
            out.append(Feature(f"L:{lower[a:b]}", 1.0, a, b))
    for k in range(last + 1, min(len(tokens), last + 1 + WINDOW)):
        a, b = tokens[k]
        if plain[k]:
            out.append(Feature(f"R:{lower[a:b]}", 1.0, a, b))
    after = [lower[a:b] for a, b in tokens[last + 1 : last + 3]]
    before = [lower[a:b] for a, b in tokens[max(0, first - 2) : first]]
    said = bool(after) and (
        after[0] in _SPEECH or (after[0] in _SPEECH_BRIDGE and len(after) > 1 and after[1] in _SPEECH)
    )
    if said or before == ["according", "to"]:
        out.append(Feature("role_speaker", 1.0, m0, m1))
    if text[m1 : m1 + 2] in ("'s", "’s") or text[m1 - 2 : m1] in ("'s", "’s"):
        out.append(Feature("role_possessive", 1.0, m0, m1))
    if sum(text.count(q, s0, m0) for q in _QUOTES) % 2 == 1:
        out.append(Feature("role_in_quote", 1.0, m0, m1))
    if first == 0:
        out.append(Feature("role_sentence_start", 1.0, m0, m1))
    return out


def mention_tone(
    text: str,
    sentence: tuple[int, int],
    mention: tuple[int, int],
    words: Sequence[WordContribution],
    compound: float,
) -> MentionTone:
    """The tone towards the actor mentioned at ``mention`` (see :func:`features`)."""
    table, bias = weights()
    logits = list(bias)
    moved: dict[tuple[int, int], float] = {}
    for f in features(text, sentence, mention, words, compound):
        w = table.get(f.name)
        if w is None:
            continue
        for c in range(3):
            logits[c] += w[c] * f.value
        if f.name != "sentence_compound":
            key = (f.start, f.end)
            moved[key] = moved.get(key, 0.0) + (w[2] - w[0]) * f.value
    top = max(logits)
    exp = [math.exp(v - top) for v in logits]
    total = sum(exp)
    probs = (exp[0] / total, exp[1] / total, exp[2] / total)
    best = max(range(3), key=probs.__getitem__)
    # Grammar words next to the mention ("by", "against") count in the model
    # but are not listed as phrases: a reader looks for the words that judge.
    phrases = tuple(
        TonePhrase(Span(a, b, text[a:b]), share)
        for (a, b), share in sorted(moved.items(), key=lambda kv: -abs(kv[1]))
        if abs(share) >= MIN_PHRASE_WEIGHT and text[a:b].lower() not in _FUNCTION
    )
    return MentionTone(probs, probs[2] - probs[0], CLASSES[best], phrases)
