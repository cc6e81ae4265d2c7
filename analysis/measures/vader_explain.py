"""VADER's sentence score, with the share each word had in it.

This module re-runs the steps of ``SentimentIntensityAnalyzer.polarity_scores``
(vaderSentiment 3.3.2) one for one, using VADER's own lexicon, emoji table,
constants and helper functions, but keeps a record of what happened to every
word. Because it *is* the scoring pass, the explanation costs nothing extra: the
sentence is read once, and the tests check that the compound equals the one
``polarity_scores`` returns.

How a compound score is made (VADER):

1. Each word found in the lexicon gets its valence (-4..+4), changed by rules:
   a preceding booster or dampener ("very", "slightly"), a negation within
   three words ("not", "never", "n't", "no"), ALL CAPS in a mixed-case
   sentence, a few idioms, "least", and "but" (words before "but" count half,
   words after it one and a half times).
2. The adjusted valences are added up into a raw sum ``x``; "!" (up to four)
   and "?" (two or more) push ``x`` further from zero.
3. The compound is ``x / sqrt(x*x + 15)``, rounded to four decimals.

How the explanation divides the compound (our decomposition): step 3 is not
linear, so a word's effect cannot be read off on its own. We give each word the
share of the compound that its adjusted valence had of the raw sum,
``contribution = adjusted * compound / x``, and the punctuation term the same
way. The contributions and the punctuation term therefore add up exactly to the
compound, and each word's sign and relative weight are those VADER used. When
the raw sum is exactly zero (words cancel), the slope of step 3 at zero,
``1 / sqrt(15)``, is used, so opposite words still show opposite shares that
sum to zero.

News adjustment (on by default, :data:`DEFAULT_ADJUSTED`): the small table in
``analysis/lexicons/vader_news.tsv`` (1) leaves out words such as "United",
"Supreme" or "Defense" when they are capitalised inside a sentence, because
they are then part of a name ("United States", "Defense Secretary") and VADER
would count them as praise, and (2) adds a few speech-manner adverbs VADER
lacks ("harshly" takes the value of "harsh"), (3) reads curly quotes as
straight ones, so that a word next to one ('“peace', 'great,”') is found, and
(4) applies the news senses of ``analysis/lexicons/vader_senses.tsv``: words in
an institutional, procedural or quantity sense ("defense minister", "security
ties", "council approves", "fare increase") are not scored, and a positive word
harmed by a verb ("undermine trust") is reversed. With ``adjusted=False`` the
scores are plain VADER's, bit for bit.

Calibration (on by default with the adjustment): the score is
``scale * compound + sum(weight[word] * adjusted / valence)``, fitted to the
NYT-editorial human ratings (``analysis/lexicons/vader_calibration.tsv``,
written by :mod:`analysis.evaluate.calibrate`). Each word's share becomes
``scale * share + weight * adjusted / valence`` and the punctuation share is
scaled, so the shares still add up exactly to the score; a score past +-1 is
clipped by scaling every share alike.

Over-long "sentences" (text with no sentence punctuation) are scored in chunks
of at most :data:`MAX_WORDS_PER_CALL` words and their compounds averaged;
VADER's running time grows with the square of the sentence length, and a sum
over hundreds of words saturates at +-1 anyway.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, compress
from operator import add, itemgetter
from pathlib import Path
from typing import NamedTuple

from vaderSentiment import vaderSentiment as _vs

from analysis.measures import calibration as _calibration

# Re-exported: callers and tests read these from vader_explain as before.
from analysis.measures.calibration import (  # noqa: F401
    CALIBRATION_TABLE,
    Calibration,
    read_table,
)
from analysis.measures.vader_tokens import TOKEN_ROWS, straighten, token_row
from analysis.results.sentiment import WordContribution

MAX_WORDS_PER_CALL = 200
"""Most whitespace-separated words scored in one pass; longer runs are chunked."""

ALPHA = 15
"""VADER's normalisation constant: compound = x / sqrt(x*x + ALPHA)."""

DEFAULT_ADJUSTED = True
"""Apply the news adjustment unless told otherwise (it raised both Pearson r and
macro F1 on the NYT-editorial development set; figures in docs/sentiment.md)."""

_LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"
NEWS_TABLE = _LEXICONS / "vader_news.tsv"
SENSES_TABLE = _LEXICONS / "vader_senses.tsv"

# Rule codes attached to each word, with the sentence a teacher can read out.
RULES: dict[str, str] = {
    "negation": "negated by a nearby 'not', 'never', 'no' or \"n't\" (valence times -0.74)",
    "no_as_negator": "'no' here negates the next word instead of counting on its own",
    "booster": "strengthened by a preceding intensifier such as 'very' or 'extremely'",
    "dampener": "weakened by a preceding word such as 'slightly' or 'kind of'",
    "caps": "written in CAPITALS while the rest of the sentence is not (+-0.733)",
    "never_so": "'never so' / 'so' / 'this' before the word intensifies it (times 1.25)",
    "idiom": "part of a fixed phrase VADER scores as a whole (e.g. 'bad ass')",
    "least": "'least' before the word reverses it (times -0.74)",
    "but_before": "before 'but', so it counts half",
    "but_after": "after 'but', so it counts one and a half times",
    "proper_name": "capitalised inside the sentence, so read as part of a name ('United "
    "States', 'Defense Secretary') and not counted (Slant's news adjustment)",
    "news_lexicon": "not in VADER's lexicon; Slant gives it the value of its adjective "
    "('harshly' as 'harsh')",
    "institutional": "used in its institutional, procedural or quantity sense ('defense "
    "minister', 'security ties', 'intelligence sharing', 'fare increase'), so not counted "
    "(Slant's news senses)",
    "harmed": "what a verb such as 'undermine' or 'erode' harms, so it reads as a loss "
    "(valence times -0.74; Slant's news senses)",
    **_calibration.RULES,
}

_NEGATE = frozenset(_vs.NEGATE)
_NEGATION_CUES = _NEGATE | {"so", "this"}
"""Words that :func:`_negation_check` reads (with any word holding "n't")."""
_BOOSTERS = frozenset(_vs.BOOSTER_DICT)
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_RUN = re.compile(r"\S+")
_HIDDEN = "\x00name"  # stands in for a name word: in no lexicon, list or idiom


@dataclass(frozen=True)
class Explanation:
    """VADER's compound for one text, split into per-word shares.

    Args:
        compound: The score (-1..+1): VADER's compound as ``polarity_scores``
            returns it, or with the calibration applied; for a chunked text,
            the mean over the chunks.
        vader: VADER's compound before the calibration (equal to
            ``compound`` when not calibrated).
        words: The lexicon words, in text order.
        emphasis: The share of the compound due to "!" and "?" (0.0 if none).
        exclamations: Number of "!" in the text.
        questions: Number of "?" in the text.
        chunks: How many scoring passes were needed (1 unless over-long).

    """

    compound: float
    words: tuple[WordContribution, ...]
    emphasis: float = 0.0
    exclamations: int = 0
    questions: int = 0
    chunks: int = 1
    vader: float = 0.0


Word = tuple[int, int, str, float, float, float, tuple[str, ...], float]
"""A :class:`WordContribution`'s fields in order, as a plain tuple (cheap to build)."""


class Scored(NamedTuple):
    """What :func:`explain` returns, with the words as plain tuples.

    The fields are :class:`Explanation`'s; each word is a :data:`Word` whose
    offsets are relative to the scored text. The scoring pass builds these
    tuples, and :func:`contributions` turns them into result objects once, at
    the offset the caller needs (a sentence repeated within an article is
    scored once and placed twice).
    """

    compound: float
    vader: float
    words: tuple[Word, ...]
    emphasis: float
    exclamations: int
    questions: int
    chunks: int


def contributions(words: tuple[Word, ...], offset: int = 0) -> tuple[WordContribution, ...]:
    """The result objects of a :class:`Scored`'s words, offsets shifted by ``offset``."""
    return tuple(
        WordContribution(a + offset, b + offset, text, valence, adjusted, share, rules, cal)
        for a, b, text, valence, adjusted, share, rules, cal in words
    )


def _calibrate(ex: Scored, text: str = "") -> Scored:
    """Apply :func:`calibration` to one pass over ``text``, keeping the shares exact.

    The formula and its terms are :mod:`analysis.measures.calibration`'s; each
    word's share becomes its calibrated share, Slant's news-tone words are
    added, and the shares plus the punctuation share still add up to the score.
    """
    return _calibration.apply(ex, text, calibration())


@cache
def analyzer() -> _vs.SentimentIntensityAnalyzer:
    """Return the process's one VADER analyser (loading the lexicon takes ~50 ms)."""
    return _vs.SentimentIntensityAnalyzer()


@cache
def news_adjustments() -> tuple[frozenset[str], dict[str, float]]:
    """Read the news table: words left out as names, and words added with a valence."""
    names: set[str] = set()
    added: dict[str, float] = {}
    for row in read_table(NEWS_TABLE):
        if row.get("category") == "proper_name":
            names.add(row["term"].lower())
        elif row.get("category") == "manner":
            added[row["term"].lower()] = float(row["valence"])
    return frozenset(names), added


def _sense_key(word: str) -> str:
    """A lower-cased VADER word without its possessive ending ("japan's" -> "japan")."""
    return word.removesuffix("'s").removesuffix("’s")


@dataclass(frozen=True)
class Sense:
    """One row of the senses table: a phrase whose listed words are not scored.

    Args:
        positions: For each word of the phrase, the forms it may take (None
            for "*", any word).
        neutral: The forms that are not scored where the phrase matches.
        category: "institutional", "procedural" or "quantity".
        reason: Why, in words a reader can understand.

    """

    positions: tuple[frozenset[str] | None, ...]
    neutral: frozenset[str]
    category: str
    reason: str


@cache
def news_senses() -> tuple[dict[str, tuple[Sense, ...]], frozenset[str]]:
    """Read the senses table: phrases indexed by their first word, and the harm verbs."""
    by_first: dict[str, list[Sense]] = {}
    harm: set[str] = set()
    for row in read_table(SENSES_TABLE):
        if row["category"] == "harm_verb":
            harm.update(row["term"].split("|"))
            continue
        positions = tuple(
            None if cell == "*" else frozenset(_sense_key(f) for f in cell.split("|"))
            for cell in row["term"].split(" ")
        )
        sense = Sense(
            positions, frozenset(row["neutral"].split("|")), row["category"], row["reason"]
        )
        for form in positions[0] or ():
            by_first.setdefault(form, []).append(sense)
    return {k: tuple(v) for k, v in by_first.items()}, frozenset(harm)


@cache
def _neutral_forms() -> frozenset[str]:
    """Every word form a sense can take out of scoring, with its possessive."""
    forms = {f for senses in news_senses()[0].values() for sense in senses for f in sense.neutral}
    return frozenset(forms | {f + "'s" for f in forms})


def sense_matches(lower: list[str]) -> dict[int, Sense]:
    """Word positions that a phrase of the senses table takes out of scoring.

    Args:
        lower: VADER's words of one sentence, lower-cased.

    Returns:
        For each position not to score, the table row that matched there.

    """
    if _neutral_forms().isdisjoint(lower):
        return {}  # most sentences: no word the table could take out
    by_first, _ = news_senses()
    n = len(lower)
    hidden: dict[int, Sense] = {}
    # Only positions whose word can be a phrase's first word are tried (found
    # in C); the other positions' phrase lists are empty.
    for i in compress(range(n), map(_first_forms().__contains__, lower)):
        for sense in by_first.get(_sense_key(lower[i]), ()):
            positions = sense.positions
            end = i + len(positions)
            if end > n:
                continue
            # The first word fits: the phrase was found by it. A plain loop
            # that stops at the first word that does not fit.
            for p, w in zip(positions[1:], lower[i + 1 : end], strict=True):
                if p is not None and _sense_key(w) not in p:
                    break
            else:
                for j in range(i, end):
                    if _sense_key(lower[j]) in sense.neutral:
                        hidden.setdefault(j, sense)
    return hidden


@cache
def _first_forms() -> frozenset[str]:
    """Every lower-cased word whose :func:`_sense_key` can be a phrase's first word.

    A key ``k`` comes from ``k``, ``k's``, ``k’s`` or ``k’s's`` (the two
    endings are removed in that order), so this holds all four of each first word.
    """
    firsts = news_senses()[0]
    return frozenset(k + end for k in firsts for end in ("", "'s", "’s", "’s's"))


@cache
def calibration() -> Calibration:
    """The calibration's weights (read once per process by :mod:`analysis.measures.calibration`)."""
    return _calibration.calibration()


@cache
def lexicon_for(adjusted: bool) -> dict[str, float]:
    """Return VADER's lexicon, with Slant's added words when ``adjusted``."""
    base = analyzer().lexicon
    if not adjusted:
        return base
    merged = dict(base)
    merged.update(news_adjustments()[1])
    return merged


def explain(
    text: str, offset: int = 0, *, adjusted: bool | None = None, calibrated: bool | None = None
) -> Explanation:
    """Score ``text`` as VADER does and explain the score word by word.

    Args:
        text: One sentence (or any short text).
        offset: Added to every word offset, so that a sentence's words point
            into the article it was sliced from.
        adjusted: Apply the news adjustment; :data:`DEFAULT_ADJUSTED` if None.
        calibrated: Apply the calibration to human ratings (only on top of the
            news adjustment); the same as ``adjusted`` if None.

    Returns:
        The explanation; texts of more than :data:`MAX_WORDS_PER_CALL` words
        are scored in chunks and their compounds averaged.

    """
    s = score(text, adjusted=adjusted, calibrated=calibrated)
    return Explanation(
        compound=s.compound,
        words=contributions(s.words, offset),
        emphasis=s.emphasis,
        exclamations=s.exclamations,
        questions=s.questions,
        chunks=s.chunks,
        vader=s.vader,
    )


def score(text: str, *, adjusted: bool | None = None, calibrated: bool | None = None) -> Scored:
    """:func:`explain` without the result objects: offsets relative to ``text``.

    Args:
        text: One sentence (or any short text).
        adjusted: As for :func:`explain`.
        calibrated: As for :func:`explain`.

    Returns:
        The score and its words as tuples (see :class:`Scored`).

    """
    adjust = DEFAULT_ADJUSTED if adjusted is None else adjusted
    calibrate = adjust if calibrated is None else calibrated and adjust
    bounds = _chunk_bounds(text)
    if len(bounds) == 1:
        once = _explain_once(text, adjust)
        return _calibrate(once, text) if calibrate else once
    parts = [_explain_once(text[a:b], adjust) for a, b in bounds]
    if calibrate:
        parts = [_calibrate(p, text[a:b]) for p, (a, b) in zip(parts, bounds, strict=True)]
    parts = [_shifted(p, a) for p, (a, _) in zip(parts, bounds, strict=True)]
    share = 1.0 / len(parts)
    words = tuple(
        (a, b, word, valence, adjusted_, contribution * share, rules, cal * share)
        for part in parts
        for a, b, word, valence, adjusted_, contribution, rules, cal in part.words
    )
    return Scored(
        compound=sum(p.compound for p in parts) * share,
        vader=sum(p.vader for p in parts) * share,
        words=words,
        emphasis=sum(p.emphasis for p in parts) * share,
        exclamations=sum(p.exclamations for p in parts),
        questions=sum(p.questions for p in parts),
        chunks=len(parts),
    )


def _shifted(part: Scored, by: int) -> Scored:
    """A chunk's pass with its word offsets made relative to the whole text."""
    words = tuple(
        (a + by, b + by, text, valence, adjusted, share, rules, cal)
        for a, b, text, valence, adjusted, share, rules, cal in part.words
    )
    return part._replace(words=words)


def _chunk_bounds(text: str) -> list[tuple[int, int]]:
    """Cut ``text`` at whitespace into runs of at most MAX_WORDS_PER_CALL words."""
    # More words than that need at least two characters each (a word and a
    # space), so a short text is one run without looking at it.
    if len(text) <= 2 * MAX_WORDS_PER_CALL or len(text.split()) <= MAX_WORDS_PER_CALL:
        return [(0, len(text))]
    starts = [m.start() for m in _RUN.finditer(text)]
    cuts = starts[::MAX_WORDS_PER_CALL] + [len(text)]
    return [(cuts[k], cuts[k + 1]) for k in range(len(cuts) - 1)]


@cache
def _emoji_chars() -> frozenset[str]:
    """List the single characters VADER's emoji table can replace."""
    return frozenset(k for k in analyzer().emojis if len(k) == 1)


@cache
def _ascii_emoji() -> bool:
    """Whether VADER's emoji table holds an ASCII character (it holds none: © is the first)."""
    return any(c.isascii() for c in _emoji_chars())


def _demojize(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """VADER's emoji replacement, keeping where each output character came from.

    Returns:
        The text VADER scores, and for each of its characters the start and end
        offset of the source character (an emoji's description points at the
        emoji); both maps are None when the text has no emoji, as is usual.

    """
    # ``isascii`` is answered without reading the text; only a text with
    # other characters (curly quotes, dashes) is checked character by character.
    if (text.isascii() and not _ascii_emoji()) or _emoji_chars().isdisjoint(text):
        return text, None, None
    emojis = analyzer().emojis
    out: list[str] = []
    src_start: list[int] = []
    src_end: list[int] = []
    prev_space = True
    for k, ch in enumerate(text):
        desc = emojis.get(ch)
        if desc is not None:
            piece = desc if prev_space else " " + desc
            prev_space = False
        else:
            piece = ch
            prev_space = ch == " "
        out.append(piece)
        src_start.extend([k] * len(piece))
        src_end.extend([k + 1] * len(piece))
    return "".join(out), src_start, src_end


@cache
def _scorable(adjusted: bool) -> frozenset[str]:
    """Lower-cased words VADER scores from the lexicon: in it, and not boosters."""
    return frozenset(lexicon_for(adjusted)).difference(_vs.BOOSTER_DICT)


def _negated(word_lower: str) -> bool:
    """VADER's ``negated([word])`` for one lower-cased word."""
    return word_lower in _NEGATE or "n't" in word_lower


def _explain_once(text: str, adjusted: bool = False) -> Scored:
    """One VADER pass over ``text`` (mirrors ``polarity_scores`` step by step).

    Scores first: each token costs a split and a table look-up, and only the
    lexicon words (usually two or three a sentence) go through VADER's rules
    and get an offset and an entry in the result. Offsets are relative to
    ``text``.
    """
    sia = analyzer()
    lexicon = lexicon_for(adjusted)
    # VADER strips only ASCII punctuation from a word's ends, so 'great,”' or
    # '“peace' is not found; news text is full of curly quotes. Straightening
    # them (one character for one, so offsets stay) lets those words count.
    if adjusted and ("\u201c" in text or "\u201d" in text or "\u2018" in text or "\u2019" in text):
        text_read = straighten(text)
    else:
        text_read = text
    demojized, src_start, src_end = _demojize(text_read)
    # ``str.split()`` gives VADER's tokens (``polarity_scores`` strips the text
    # and splits it on whitespace).
    tokens = demojized.split()
    exclamations = demojized.count("!")
    questions = demojized.count("?")
    n = len(tokens)
    if n == 0:
        return Scored(0.0, 0.0, (), 0.0, exclamations, questions, 1)
    rows = list(map(TOKEN_ROWS.get, tokens))  # in C; tokens not seen yet are None
    if None in rows:
        rows = [r or token_row(t) for r, t in zip(rows, tokens, strict=True)]
    words = list(map(_FIRST, rows))
    lower = list(map(_SECOND, rows))
    names: list[int] = []
    neutral: list[int] = []
    hidden: dict[int, str] = {}  # position -> the lexicon word hidden there
    if adjusted:
        # A capitalised name word is hidden from every rule, exactly as if the
        # sentence had an unknown word there.
        proper = news_adjustments()[0]
        if not proper.isdisjoint(lower):
            for i in compress(range(1, n), map(proper.__contains__, lower[1:])):
                if words[i][0].isupper() and not words[i].isupper():
                    names.append(i)
                    hidden[i] = lower[i]
                    words[i] = lower[i] = _HIDDEN
        # A word in its institutional sense ("defense minister") is hidden the same way.
        senses = sense_matches(lower)
        for i in senses:
            if lower[i] in lexicon:
                neutral.append(i)
                hidden[i] = lower[i]
                words[i] = lower[i] = _HIDDEN
    # VADER's allcap_differential: some words, not all, in capitals.
    is_cap_diff = 0 < n - sum(map(str.isupper, words)) < n

    sentiments: list[float] = [0] * n
    rules: dict[int, list[str]] = {}
    scored_at: list[int] = []  # positions whose valence VADER computed from the lexicon
    scorable = _scorable(adjusted)
    for i in list(compress(range(n), map(scorable.__contains__, lower))):
        if lower[i] == "kind" and i < n - 1 and lower[i + 1] == "of":
            continue  # VADER leaves "kind of" to the next word
        scored_at.append(i)
        noted: list[str] = []
        rules[i] = noted
        sentiments[i] = _valence(i, words, lower, is_cap_diff, noted, lexicon)

    if adjusted:
        _harm_check(lower, sentiments, rules, scored_at)
    _but_check(lower, sentiments, rules)

    sum_s = float(sum(sentiments))
    amplifier = sia._punctuation_emphasis(demojized)
    signed_amp = 0.0
    if sum_s > 0:
        sum_s += amplifier
        signed_amp = amplifier
    elif sum_s < 0:
        sum_s -= amplifier
        signed_amp = -amplifier
    compound = round(_vs.normalize(sum_s, ALPHA), 4)

    scale = compound / sum_s if sum_s != 0 else 1.0 / math.sqrt(ALPHA)
    for i in names:
        rules[i] = ["proper_name"]
    for i in neutral:
        rules[i] = ["institutional"]
    if names or neutral:
        scored_at = sorted(scored_at + names + neutral)
    out: list[Word] = []
    if scored_at:
        starts = _token_starts(demojized, tokens[: scored_at[-1] + 1])
        for i in scored_at:
            word, _, lead = rows[i]
            a = starts[i] + lead
            b = a + len(word)
            if src_start is None or src_end is None:
                start, end = a, b
            else:
                start, end = src_start[a], src_end[b - 1]
            out.append(
                (
                    start,
                    end,
                    text[start:end],
                    # A hidden word keeps its own entry: the text span may be an
                    # emoji that VADER read as its description ("🗽" as "statue").
                    lexicon[hidden.get(i, lower[i])],
                    float(sentiments[i]),
                    sentiments[i] * scale,
                    tuple(rules[i]),
                    0.0,
                )
            )
    return Scored(
        compound,
        compound,
        tuple(out),
        signed_amp * scale + 0.0,  # never -0.0 in JSON
        exclamations,
        questions,
        1,
    )


def _token_starts(text: str, tokens: list[str]) -> list[int]:
    """Where each of ``tokens``, the first tokens of ``text.split()``, starts in ``text``."""
    joined = " ".join(tokens)
    if text.startswith(joined):
        # Single spaces between the tokens and none in front, as in almost
        # every sentence: token k starts after the k tokens before it and k
        # spaces (sums in C).
        lengths = map(len, tokens[:-1])
        return list(map(add, accumulate(lengths, initial=0), range(len(tokens))))
    # Otherwise: the first occurrence after the previous token, as only
    # whitespace lies between them.
    starts: list[int] = []
    pos = 0
    for token in tokens:
        pos = text.find(token, pos)
        starts.append(pos)
        pos += len(token)
    return starts


def _valence(
    i: int,
    words: list[str],
    lower: list[str],
    is_cap_diff: bool,
    rules: list[str],
    lexicon: dict[str, float],
) -> float:
    """VADER's ``sentiment_valence`` for the lexicon word at ``i``, noting rules.

    The arithmetic is done in VADER's order so that floats agree bit for bit.
    """
    n = len(words)
    item = words[i]
    lw = lower[i]
    valence = lexicon[lw]
    if lw not in analyzer().lexicon:
        rules.append("news_lexicon")
    if lw == "no" and i != n - 1 and lower[i + 1] in lexicon:
        valence = 0.0
        rules.append("no_as_negator")
    if (
        (i > 0 and lower[i - 1] == "no")
        or (i > 1 and lower[i - 2] == "no")
        or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor"))
    ):
        valence = lexicon[lw] * _vs.N_SCALAR
        rules.append("negation")
    if item.isupper() and is_cap_diff:
        if valence > 0:
            valence += _vs.C_INCR
        else:
            valence -= _vs.C_INCR
        rules.append("caps")

    # The loop below reads only the three words before. ``_negation_check``
    # changes nothing unless one of them is a negation or "so" / "this",
    # ``_special_idioms_check`` nothing unless the word or the one two before
    # it belongs to an idiom, and a word that is not a booster adds 0.0: most
    # words need none of it, only the ``+ 0.0`` (which turns -0.0 into 0.0).
    window = lower[max(0, i - 3) : i]
    negations = not _NEGATION_CUES.isdisjoint(window) or "n't" in " ".join(window)
    idioms = _idiom_words()
    if not (
        negations
        or not _BOOSTERS.isdisjoint(window)
        or (i > 2 and (lw in idioms or lower[i - 2] in idioms))
    ):
        if not all(map(lexicon.__contains__, window)):
            valence = valence + 0.0
        return _least_check(valence, i, lower, rules, lexicon)
    for start_i in range(3):
        before = i - (start_i + 1)
        if i > start_i and lower[before] not in lexicon:
            s = (
                _vs.scalar_inc_dec(words[before], valence, is_cap_diff)
                if lower[before] in _vs.BOOSTER_DICT
                else 0.0  # what scalar_inc_dec returns for any other word
            )
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            if s != 0:
                rules.append("booster" if _vs.BOOSTER_DICT[lower[before]] > 0 else "dampener")
            if negations:
                valence = _negation_check(valence, lower, start_i, i, rules)
            if start_i == 2 and (lw in idioms or lower[i - 2] in idioms):
                valence = _special_idioms_check(valence, lower, i, rules)

    return _least_check(valence, i, lower, rules, lexicon)


def _least_check(
    valence: float, i: int, lower: list[str], rules: list[str], lexicon: dict[str, float]
) -> float:
    """VADER's ``_least_check``: "least" before the word reverses it, unless "at least"."""
    if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * _vs.N_SCALAR
            rules.append("least")
    elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        valence = valence * _vs.N_SCALAR
        rules.append("least")
    return valence


def _negation_check(
    valence: float, lower: list[str], start_i: int, i: int, rules: list[str]
) -> float:
    """VADER's ``_negation_check`` (including its operator precedence at distance 3)."""
    if start_i == 0 and _negated(lower[i - 1]):
        valence = valence * _vs.N_SCALAR
        rules.append("negation")
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
            rules.append("never_so")
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            pass
        elif _negated(lower[i - 2]):
            valence = valence * _vs.N_SCALAR
            rules.append("negation")
    if start_i == 2:
        if (lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this")) or (
            lower[i - 1] == "so" or lower[i - 1] == "this"
        ):
            valence = valence * 1.25
            rules.append("never_so")
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            pass
        elif _negated(lower[i - 3]):
            valence = valence * _vs.N_SCALAR
            rules.append("negation")
    return valence


@cache
def _idiom_words() -> frozenset[str]:
    """The words of VADER's multi-word idioms and boosters ("kiss of death", "kind of")."""
    phrases = [k for k in (*_vs.SPECIAL_CASES, *_vs.BOOSTER_DICT) if " " in k]
    return frozenset(word for phrase in phrases for word in phrase.split(" "))


def _special_idioms_check(valence: float, lower: list[str], i: int, rules: list[str]) -> float:
    """VADER's ``_special_idioms_check`` (only reached for i > 2)."""
    # Every phrase below holds the word at i or at i - 2; a phrase can only
    # match if all its words are words of VADER's phrases.
    if lower[i] not in _idiom_words() and lower[i - 2] not in _idiom_words():
        return valence
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in _vs.SPECIAL_CASES:
            valence = _vs.SPECIAL_CASES[seq]
            rules.append("idiom")
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in _vs.SPECIAL_CASES:
            valence = _vs.SPECIAL_CASES[zeroone]
            rules.append("idiom")
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in _vs.SPECIAL_CASES:
            valence = _vs.SPECIAL_CASES[zeroonetwo]
            rules.append("idiom")
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in _vs.BOOSTER_DICT:
            valence = valence + _vs.BOOSTER_DICT[n_gram]
            rules.append("booster" if _vs.BOOSTER_DICT[n_gram] > 0 else "dampener")
    return valence


def _harm_check(
    lower: list[str], sentiments: list[float], rules: dict[int, list[str]], scored_at: list[int]
) -> None:
    """Reverse a positive word within three words after a harm verb ("undermine trust")."""
    harm = news_senses()[1]
    if harm.isdisjoint(lower):
        return
    for i in scored_at:
        if sentiments[i] > 0 and any(w in harm for w in lower[max(0, i - 3) : i]):
            sentiments[i] = sentiments[i] * _vs.N_SCALAR
            rules[i].append("harmed")


def _but_check(lower: list[str], sentiments: list[float], rules: dict[int, list[str]]) -> None:
    """VADER's ``_but_check``, applied in place, noting which positions it scaled.

    VADER looks each value up with ``list.index``, so when two words share a
    value the first one may be scaled twice and the other not at all. We keep
    that behaviour (the point is to explain VADER's score, not to fix it).
    Zeros are skipped: scaling them changes nothing.
    """
    if "but" not in lower:
        return
    bi = lower.index("but")
    for k in range(len(sentiments)):
        sentiment = sentiments[k]
        if sentiment == 0:
            continue
        si = sentiments.index(sentiment)
        if si < bi:
            sentiments[si] = sentiment * 0.5
            rules[si].append("but_before")
        elif si > bi:
            sentiments[si] = sentiment * 1.5
            rules[si].append("but_after")
