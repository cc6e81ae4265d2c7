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
from functools import cache, lru_cache
from itertools import accumulate
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from analysis.measures.vader_explain import read_table
from analysis.results.sentiment import WordContribution

WEIGHTS_TABLE = Path(__file__).resolve().parent.parent / "lexicons" / "actor_tone_weights.tsv"
CLASSES = ("negative", "neutral", "positive")
WINDOW = 4
"""Plain words on each side of a mention that count as its context."""
NEAR, MID = 2, 6
"""Word distances that bound "next to the mention" and "near it"."""
TOP_PHRASES = 3
"""Phrases kept per actor: the ones that moved its tone most."""
MENTION_PHRASES = 6
"""Phrases kept per mention (the actor's are chosen from them)."""
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
_POSSESSIVE = ("'s", "’s")
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


class Feature(NamedTuple):
    """One feature of a mention: its name, value and the span it comes from."""

    name: str
    value: float
    start: int
    end: int


class MentionTone(NamedTuple):
    """The model's verdict on one mention (a named tuple: one is built per mention).

    Args:
        probabilities: P(negative), P(neutral), P(positive).
        tone: ``P(positive) - P(negative)``, -1..+1.
        label: The most probable class.
        phrases: ``(start, end, weight)`` of the words whose features moved
            the tone most (at most :data:`MENTION_PHRASES`, strongest first;
            weight: share of the positive-minus-negative logit).

    """

    probabilities: tuple[float, float, float]
    tone: float
    label: str
    phrases: tuple[tuple[int, int, float], ...]


@cache
def weights() -> tuple[dict[str, tuple[float, float, float]], tuple[float, float, float]]:
    """Read the weights table: per feature (negative, neutral, positive), and the biases."""
    table = {
        row["term"]: (float(row["negative"]), float(row["neutral"]), float(row["positive"]))
        for row in read_table(WEIGHTS_TABLE)
    }
    bias = table.pop("bias", (0.0, 0.0, 0.0))
    _word_weights.cache_clear()  # weights of the previous table, if it was reloaded
    _model.cache_clear()
    return table, bias


@cache
def _model() -> _Model:
    """The current weights table arranged as a :class:`_Model`."""
    table, _ = weights()
    lex = {
        (pol == "pos", side == "L", bucket, cut == "cut"): table.get(
            f"lex_{pol}_{side}_{bucket}_{cut}"
        )
        for pol in ("pos", "neg")
        for side in ("L", "R")
        for bucket in ("near", "mid", "far")
        for cut in ("cut", "same")
    }
    return _Model(
        table.get("sentence_compound"),
        lex,
        table.get("role_speaker"),
        table.get("role_possessive"),
        table.get("role_in_quote"),
        table.get("role_sentence_start"),
    )


_CONTENT, _GRAMMAR, _OTHER = 0, 1, 2


class _Sentence(NamedTuple):
    """The words of one sentence, shared by its mentions (offsets relative to it)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    lower: tuple[str, ...]
    kinds: tuple[int, ...]


Weights = tuple[float, float, float]
"""A feature's weights for (negative, neutral, positive)."""


class _Bag(NamedTuple):
    """A sentence's words under the current weights.

    ``sums``, ``words`` and ``moved`` are the bag of words ("S:" features);
    ``left`` and ``right`` hold each word's "L:" / "R:" weights, for when it
    stands just before or after a mention (None: not a feature, or no weight).
    """

    sums: Weights
    words: dict[int, Weights]
    moved: dict[tuple[int, int], float]
    left: tuple[Weights | None, ...]
    right: tuple[Weights | None, ...]


class _Model(NamedTuple):
    """The weights of the features that do not name a word, looked up by position.

    ``lex`` is indexed by (positive, left side, distance bucket, clause cut),
    as :func:`features` names them ``lex_{pos|neg}_{L|R}_{bucket}_{cut|same}``.
    """

    compound: Weights | None
    lex: dict[tuple[bool, bool, str, bool], Weights | None]
    speaker: Weights | None
    possessive: Weights | None
    in_quote: Weights | None
    sentence_start: Weights | None


# Words, not sentences, are cached: words repeat in any text, while a cache
# keyed by sentence text would pay only across articles that share sentences
# (flattering the benchmark corpus, which recombines a few hundred sentences).
WORD_CACHE = 65_536
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
_FIRST, _SECOND, _THIRD = itemgetter(0), itemgetter(1), itemgetter(2)


@lru_cache(maxsize=WORD_CACHE)
def _word(word: str) -> tuple[str, int]:
    """A word's lower-case form and kind (see :func:`_sentence`)."""
    lowered = word.lower()
    if _PLAIN.fullmatch(word) is None:
        return lowered, _OTHER
    return lowered, (_GRAMMAR if lowered in _FUNCTION else _CONTENT)


def _sentence(sentence: str) -> _Sentence:
    """Split a sentence into words once, with their kinds.

    Kind: a lower-case content word, a grammar word (:data:`_FUNCTION`), or
    anything else (capitalised words, numbers). An article prepares each
    sentence once (:func:`context`) for all its mentions.
    """
    # split() alternates the text between words and the words themselves, so
    # the running sum of the parts' lengths gives every start and end in C.
    parts = _WORD_SPLIT.split(sentence)
    edges = list(accumulate(map(len, parts)))
    info = list(map(_word, parts[1::2]))
    return _Sentence(
        tuple(edges[0:-1:2]),
        tuple(edges[1::2]),
        tuple(map(_FIRST, info)),
        tuple(map(_SECOND, info)),
    )


@lru_cache(maxsize=WORD_CACHE)
def _word_weights(lowered: str, kind: int) -> tuple[Weights | None, Weights | None, Weights | None]:
    """A word's "S:", "L:" and "R:" weights (None: not a feature, or no weight)."""
    table, _ = weights()
    if kind == _OTHER:
        return None, None, None
    get = table.get
    return (
        get("S:" + lowered) if kind == _CONTENT else None,
        get("L:" + lowered),
        get("R:" + lowered),
    )


def _bag(sent: _Sentence) -> _Bag:
    """The summed weights of a sentence's content words, each word's share, its window weights."""
    rows = list(map(_word_weights, sent.lower, sent.kinds))
    neg = neu = pos = 0.0
    words: dict[int, Weights] = {}
    moved: dict[tuple[int, int], float] = {}
    for k, row in enumerate(rows):
        w = row[0]
        if w is not None:
            neg, neu, pos = neg + w[0], neu + w[1], pos + w[2]
            words[k] = w
            moved[(sent.starts[k], sent.ends[k])] = w[2] - w[0]
    return _Bag((neg, neu, pos), words, moved, tuple(map(_SECOND, rows)), tuple(map(_THIRD, rows)))


def _mention_words(sent: _Sentence, r0: int, r1: int) -> tuple[int, int]:
    """Indexes of the first and last word of a mention at ``[r0, r1)`` of the sentence."""
    first = bisect.bisect_left(sent.starts, r0)
    # A word straddling the mention's start belongs to it.
    if first > 0 and sent.ends[first - 1] > r0:
        first -= 1
    return first, bisect.bisect_left(sent.starts, r1) - 1


def _is_speaker(lower: tuple[str, ...], first: int, last: int) -> bool:
    """Whether the mention of words ``first..last`` speaks ("X said", "according to X")."""
    after = lower[last + 1 : last + 3]
    said = bool(after) and (
        after[0] in _SPEECH
        or (after[0] in _SPEECH_BRIDGE and len(after) > 1 and after[1] in _SPEECH)
    )
    return said or lower[max(0, first - 2) : first] == ("according", "to")


def _in_quote(text: str, start: int, at: int) -> bool:
    """Whether an odd number of quote marks (straight or curly) lies in ``text[start:at]``."""
    marks = text.count('"', start, at) + text.count("“", start, at) + text.count("”", start, at)
    return marks % 2 == 1


def _distance_bucket(d: int) -> str:
    return "near" if d <= NEAR else "mid" if d <= MID else "far"


def features(
    text: str,
    sentence: tuple[int, int],
    mention: tuple[int, int],
    words: Sequence[WordContribution],
    compound: float,
    bag: bool = True,
) -> list[Feature]:
    """The features of one mention (offsets into ``text``).

    Args:
        text: The text the sentence lies in.
        sentence: ``(start, end)`` of the sentence in ``text``.
        mention: ``(start, end)`` of the mention in ``text``.
        words: The sentence's VADER words (offsets into ``text``).
        compound: The sentence's VADER compound (before calibration).
        bag: Include the sentence's bag of words ("S:" features); :func:`mention_tone`
            adds their weights once per sentence instead (same sum, less work).

    Returns:
        Features, each with the span of the word that gave it.

    """
    s0, s1 = sentence
    m0, m1 = mention
    sent = _sentence(text[s0:s1])
    starts, ends, lower, kinds = sent.starts, sent.ends, sent.lower, sent.kinds
    first, last = _mention_words(sent, m0 - s0, m1 - s0)
    out: list[Feature] = [Feature("sentence_compound", compound, s0, s1)]
    for w in words:
        if w.adjusted and (w.end <= m0 or w.start >= m1):
            k = bisect.bisect_right(starts, w.start - s0) - 1
            if w.end <= m0:
                side, d, cut = "L", first - k, _BOUNDARY.search(text, w.end, m0)
            else:
                side, d, cut = "R", k - last, _BOUNDARY.search(text, m1, w.start)
            polarity = "pos" if w.adjusted > 0 else "neg"
            name = f"lex_{polarity}_{side}_{_distance_bucket(max(1, d))}_{'cut' if cut else 'same'}"
            out.append(Feature(name, abs(w.adjusted) / 4, w.start, w.end))
    # Plain words: lower-case content words only (capitalised words are names
    # and dates, which belong to one story, not to tone).
    if bag:
        for k, kind in enumerate(kinds):
            if kind == _CONTENT and (k < first or k > last):
                out.append(Feature("S:" + lower[k], 1.0, starts[k] + s0, ends[k] + s0))
    for k in range(max(0, first - WINDOW), first):
        if kinds[k] != _OTHER:
            out.append(Feature("L:" + lower[k], 1.0, starts[k] + s0, ends[k] + s0))
    for k in range(last + 1, min(len(starts), last + 1 + WINDOW)):
        if kinds[k] != _OTHER:
            out.append(Feature("R:" + lower[k], 1.0, starts[k] + s0, ends[k] + s0))
    if _is_speaker(lower, first, last):
        out.append(Feature("role_speaker", 1.0, m0, m1))
    if text[m1 : m1 + 2] in _POSSESSIVE or text[m1 - 2 : m1] in _POSSESSIVE:
        out.append(Feature("role_possessive", 1.0, m0, m1))
    if _in_quote(text, s0, m0):
        out.append(Feature("role_in_quote", 1.0, m0, m1))
    if first == 0:
        out.append(Feature("role_sentence_start", 1.0, m0, m1))
    return out


class Context(NamedTuple):
    """One sentence, prepared once for the tone at each of its mentions.

    Built by :func:`context`; :func:`tone_at` scores a mention in it.
    ``lex`` holds, for each VADER word that moved the score, its
    ``(start, end)`` in the text, its word index in the sentence, whether it
    is positive, and the feature value ``abs(adjusted) / 4``.
    """

    text: str
    start: int
    end: int
    sent: _Sentence
    bag: _Bag
    compound: float
    lex: tuple[tuple[int, int, int, bool, float], ...]


def context(
    text: str,
    sentence: tuple[int, int],
    words: Sequence[WordContribution],
    compound: float,
) -> Context:
    """Prepare the sentence at ``sentence`` of ``text`` (see :func:`features` for the args)."""
    s0, s1 = sentence
    sentence_text = text[s0:s1]
    sent = _sentence(sentence_text)
    starts = sent.starts
    lex = tuple(
        (
            w.start,
            w.end,
            bisect.bisect_right(starts, w.start - s0) - 1,
            w.adjusted > 0,
            abs(w.adjusted) / 4,
        )
        for w in words
        if w.adjusted
    )
    return Context(text, s0, s1, sent, _bag(sent), compound, lex)


def mention_tone(
    text: str,
    sentence: tuple[int, int],
    mention: tuple[int, int],
    words: Sequence[WordContribution],
    compound: float,
) -> MentionTone:
    """The tone towards the actor mentioned at ``mention`` (see :func:`features`)."""
    return tone_at(context(text, sentence, words, compound), mention)


def tone_at(ctx: Context, mention: tuple[int, int]) -> MentionTone:
    """The tone towards the actor mentioned at ``mention`` of a prepared sentence.

    The logits are those of :func:`features` weighed by the table, added in
    the same order (so the floats agree bit for bit); the features are looked
    up by position instead of being listed by name.
    """
    _, bias = weights()
    model = _model()
    text, s0 = ctx.text, ctx.start
    sent, bag = ctx.sent, ctx.bag
    starts, ends, lower = sent.starts, sent.ends, sent.lower
    m0, m1 = mention
    r0, r1 = m0 - s0, m1 - s0
    neg, neu, pos = bag.sums
    # The sentence's bag of words is summed once per sentence; the mention's
    # own words are taken out again (they are never features of their mention).
    # Offsets in ``moved`` are relative to the sentence. ``moved`` keeps the
    # bag's words in their order; words that are not (or no longer) in it go
    # to ``extra``, in the order first moved: the two together are the one
    # dict of :func:`features`' order, and only ``extra`` can hold grammar words.
    moved = dict(bag.moved)
    extra: dict[tuple[int, int], float] = {}
    first = bisect.bisect_left(starts, r0)
    # A word straddling the mention's start belongs to it.
    if first > 0 and ends[first - 1] > r0:
        first -= 1
    last = bisect.bisect_left(starts, r1) - 1
    bag_words = bag.words
    if bag_words:
        for k in range(first, last + 1):
            w = bag_words.get(k)
            if w is not None:
                neg, neu, pos = neg - w[0], neu - w[1], pos - w[2]
                del moved[(starts[k], ends[k])]
    neg, neu, pos = neg + bias[0], neu + bias[1], pos + bias[2]
    w = model.compound
    if w is not None:
        value = ctx.compound
        neg, neu, pos = neg + w[0] * value, neu + w[1] * value, pos + w[2] * value
    lex_weights = model.lex
    search = _BOUNDARY.search
    for a, b, k, positive, value in ctx.lex:
        if b <= m0:
            left, d, cut = True, first - k, search(text, b, m0)
        elif a >= m1:
            left, d, cut = False, k - last, search(text, m1, a)
        else:
            continue
        bucket = "near" if d <= NEAR else "mid" if d <= MID else "far"
        w = lex_weights[positive, left, bucket, cut is not None]
        if w is not None:
            neg, neu, pos = neg + w[0] * value, neu + w[1] * value, pos + w[2] * value
            key = (a - s0, b - s0)
            share = (w[2] - w[0]) * value
            if key in moved:
                moved[key] += share
            else:
                extra[key] = extra.get(key, 0.0) + share
    # Window words have the value 1.0: ``w * 1.0`` is ``w``, so it is left out.
    # Left window first, then right: the order of the float sums is kept.
    for window, near in (
        (bag.left, range(max(0, first - WINDOW), first)),
        (bag.right, range(last + 1, min(len(starts), last + 1 + WINDOW))),
    ):
        for k in near:
            w = window[k]
            if w is not None:
                neg, neu, pos = neg + w[0], neu + w[1], pos + w[2]
                key = (starts[k], ends[k])
                if key in moved:
                    moved[key] += w[2] - w[0]
                else:
                    extra[key] = extra.get(key, 0.0) + (w[2] - w[0])
    roles = []
    if _is_speaker(lower, first, last):
        roles.append(model.speaker)
    if text[m1 : m1 + 2] in _POSSESSIVE or text[m1 - 2 : m1] in _POSSESSIVE:
        roles.append(model.possessive)
    if _in_quote(text, s0, m0):
        roles.append(model.in_quote)
    if first == 0:
        roles.append(model.sentence_start)
    key = (r0, r1)
    for w in roles:
        if w is not None:
            neg, neu, pos = neg + w[0], neu + w[1], pos + w[2]
            if key in moved:
                moved[key] += w[2] - w[0]
            else:
                extra[key] = extra.get(key, 0.0) + (w[2] - w[0])
    top = max(neg, neu, pos)
    e0, e1, e2 = math.exp(neg - top), math.exp(neu - top), math.exp(pos - top)
    total = e0 + e1 + e2
    p0, p1, p2 = e0 / total, e1 / total, e2 / total
    # The first most probable class, as ``max`` picks it.
    best = 0
    if p1 > p0:
        best = 1
    if p2 > (p1 if best else p0):
        best = 2
    # Grammar words next to the mention ("by", "against") count in the model
    # but are not listed as phrases: a reader looks for the words that judge.
    # The bag holds content words only, so only ``extra`` needs the test.
    cutoff = MIN_PHRASE_WEIGHT
    strong = [
        (a + s0, b + s0, share)
        for (a, b), share in moved.items()
        if share >= cutoff or share <= -cutoff
    ]
    if extra:
        strong += [
            (a + s0, b + s0, share)
            for (a, b), share in extra.items()
            if (share >= cutoff or share <= -cutoff)
            and text[a + s0 : b + s0].lower() not in _FUNCTION
        ]
    strong.sort(key=_strength)
    return MentionTone((p0, p1, p2), p2 - p0, CLASSES[best], tuple(strong[:MENTION_PHRASES]))


def _strength(phrase: tuple[int, int, float]) -> float:
    """Sort key: the strongest phrase first."""
    return -abs(phrase[2])
