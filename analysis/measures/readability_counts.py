"""textstat's readability formulas as plain functions of counts taken once.

textstat 0.7 computes each formula from the raw text, and every formula
re-derives words, syllables, difficult words and polysyllables word by word:
one article costs eight passes over its words, each a syllable lookup. Here
the text is read once into :class:`Counts`, every distinct word is looked up
once (its syllables by textstat's own rule: the first CMU pronunciation's
stressed phones, else Pyphen's hyphenation points + 1), and each formula is
textstat's own expression, in textstat's order, over those counts. What a
word contributes (syllables, polysyllabic, unfamiliar, difficult, its letters)
is one cached row (:func:`word_facts`, bounded, shared by every article of the
process), and the sums are taken in C. The
results are equal to textstat's to the last bit (``tests/test_readability.py``
checks the seeds, a generated corpus and odd strings); textstat stays the
reference, and nothing of its private modules is patched for these figures.

The word rule is textstat's, not Slant's (:func:`analysis.text.segment.count_words`):
the formulas were calibrated with it. Settings are textstat's defaults for
``en_US``.
"""

from __future__ import annotations

import importlib.util
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress, islice, repeat
from operator import mul
from pathlib import Path

# textstat's English settings (textstat.backend.utils.constants.LANG_CONFIGS["en"]).
LANG = "en_US"
FRE_BASE = 206.835
FRE_SENTENCE_LENGTH = 1.015
FRE_SYLLABLES_PER_WORD = 84.6
FOG_SYLLABLE_THRESHOLD = 3

# textstat's punctuation rules (backend.utils.constants and
# backend.transformations._remove_punctuation).
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION_KEEP_APOSTROPHE = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_WORD_RUN = re.compile(r"\w+")
# A token holding a word character, found from its start to its first word
# character (so a long token of punctuation costs one scan, not one per character).
_WORDY_TOKEN = re.compile(r"(?<!\S)\S*?\w")
_ALPHABETIC_RUN = re.compile(r"[^\W\d_]+")
# Letters of the Latin alphabet: ASCII and the Latin-1 / Latin Extended blocks.
_LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
LATIN_SYMBOLS = "\u00d7\u00f7"
"""The characters of that range that are not word characters: the signs × and ÷."""

FORMULAS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)
"""The grade formulas of this module, by name (textstat's names; ``text_standard`` apart)."""

LINSEAR_WORDS = 100
"""The Linsear Write formula (part of the consensus) reads the first 100 words."""
WORD_CACHE = 65_536
"""Distinct words whose facts are kept (about 10 MB; a long news run stays mostly in it)."""


@dataclass(frozen=True)
class Counts:
    """What the formulas need from one text, counted once.

    Args:
        words: Words after textstat's punctuation removal.
        tokens: Whitespace-separated tokens, punctuation kept.
        sentences: textstat's sentence count (pieces of 3+ words).
        syllables: Syllables of all words.
        polysyllables: Words of 3 or more syllables.
        difficult: Words not on the Dale-Chall easy list with 3+ syllables
            (Gunning fog's "complex words").
        unfamiliar: Words not on the Dale-Chall easy list (Dale-Chall).
        letters: Word characters (letters, digits, underscore), for Coleman-Liau.
        characters: Non-space characters, for ARI.
        alphabetic: Letters (word characters but digits and underscore), and
        latin: those of the Latin alphabet (ASCII, Latin-1 and Latin
            Extended blocks, the signs × and ÷ included as the range has them),
            for Slant's check that the text is in a Latin script.
        linsear_easy: Linsear Write's easy words (1-2 syllables) in its sample.
        linsear_hard: Its hard words (3+ syllables).
        linsear_sentences: textstat's sentence count of that sample.
    """

    words: int
    tokens: int
    sentences: int
    syllables: int
    polysyllables: int
    difficult: int
    unfamiliar: int
    letters: int
    characters: int
    alphabetic: int
    latin: int
    linsear_easy: int
    linsear_hard: int
    linsear_sentences: int


@cache
def _cmu() -> dict[str, int]:
    from analysis.measures.offline import cmu_syllables

    return cmu_syllables()


@cache
def _pyphen():  # noqa: ANN202 - pyphen has no type hints
    import pyphen

    return pyphen.Pyphen(lang=LANG)


@cache
def easy_words() -> frozenset[str]:
    """The Dale-Chall easy words, read from textstat's own resource file.

    The file is found without importing textstat, whose import loads its whole
    backend (and would reach for NLTK).
    """
    spec = importlib.util.find_spec("textstat")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("textstat")
    path = Path(spec.origin).parent / "resources" / "en" / "easy_words.txt"
    with path.open(encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle)


@lru_cache(maxsize=65_536)
def syllables(word: str) -> int:
    """Syllables of one lower-case word by textstat's rule.

    The first CMU pronunciation's stressed phones when the word is in the
    dictionary, else Pyphen's hyphenation points plus one.
    """
    count = _cmu().get(word)
    if count is not None:
        return count
    return len(_pyphen().positions(word)) + 1


@lru_cache(maxsize=65_536)
def text_syllables(text: str) -> int:
    """Syllables of ``text`` as textstat's ``count_syllables`` counts them."""
    return sum(syllables(word) for word in strip_punctuation(text).lower().split())


def strip_punctuation(text: str) -> str:
    """Punctuation removed as textstat's ``remove_punctuation(text, rm_apostrophe=False)``."""
    return _PUNCTUATION_KEEP_APOSTROPHE.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))


def word_list(text: str) -> list[str]:
    """Words as textstat's ``list_words(text)``: punctuation removed, split on whitespace."""
    return strip_punctuation(text).split()


def sentence_count(text: str) -> int:
    """Sentences as textstat's ``count_sentences``: pieces of 2 words or fewer do not count."""
    if not text:
        return 0
    pieces = _SENTENCE.findall(text)
    # ``len(word_list(piece)) <= 2``, decided without building the words: a
    # token (between spaces) keeps a word after punctuation removal exactly
    # when it holds a word character, since a kept apostrophe is followed by a
    # letter. Only the first three such tokens are looked for (the search
    # stops there), all in C: ``next`` gives None when a piece has no third.
    thirds = map(next, map(islice, map(_WORDY_TOKEN.finditer, pieces), repeat(2), repeat(None)),
                 repeat(None))
    return max(1, len(pieces) - list(thirds).count(None))


@lru_cache(maxsize=WORD_CACHE)
def word_facts(word: str) -> tuple[int, bool, bool, int, int, int, bool]:
    """What the formulas need of one word of :func:`word_list`, by textstat's rules.

    Cached across articles: news repeats its words, so most lookups in a
    long run are hits (the cache is bounded, see :data:`WORD_CACHE`).

    Returns:
        Its syllables, whether it is polysyllabic (3+), whether it is
        unfamiliar (not on the Dale-Chall easy list), its word characters,
        letters and Latin letters (see :class:`Counts`), and whether it is
        difficult (unfamiliar with 3+ syllables: Gunning fog's complex words).
    """
    n = text_syllables(word)
    lower = word.lower()
    unfamiliar = lower not in easy_words()
    # textstat re-reads the lower-cased word here, which differs from ``n``
    # only for letters whose lower case adds a combining mark.
    difficult = unfamiliar and text_syllables(lower) >= FOG_SYLLABLE_THRESHOLD
    return (
        n,
        n >= 3,
        unfamiliar,
        _run_length(_WORD_RUN, word),
        _run_length(_ALPHABETIC_RUN, word),
        _run_length(_LATIN_RUN, word),
        difficult,
    )


def _run_length(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` ``pattern`` (a run of one class) covers."""
    return sum(map(len, pattern.findall(text)))


def count(text: str) -> Counts:
    """Read ``text`` once into the counts every formula needs.

    Every distinct word is looked up once (:func:`word_facts`) and the sums
    are taken in C (``map``, ``compress``), so the cost per word is a
    ``Counter`` update. Character counts come from the words too: removing
    punctuation keeps every word character, and splitting removes only
    spaces, which are never word characters (a test scans all of Unicode).

    Args:
        text: The text, as textstat would receive it.

    Returns:
        The counts.
    """
    words = word_list(text)
    tokens = text.split()
    per_word = Counter(words)
    times = list(per_word.values())
    # One row of facts per distinct word, turned into one column per fact.
    facts = list(zip(*map(word_facts, per_word), strict=True)) or [()] * 7
    syllables_of, polysyllabic, unfamiliar, word_chars, alphabetic, latin, difficult = facts
    sample, used = _linsear_sample(words, tokens)
    linsear = Counter(map(_linsear_kind, map(text_syllables, sample)))
    return Counts(
        words=len(words),
        tokens=len(tokens),
        sentences=sentence_count(text),
        syllables=sum(map(mul, syllables_of, times)),
        polysyllables=sum(compress(times, polysyllabic)),
        difficult=sum(compress(times, difficult)),
        unfamiliar=sum(compress(times, unfamiliar)),
        letters=sum(map(mul, word_chars, times)),
        # str.split() splits on exactly what \s matches (Py_UNICODE_ISSPACE).
        characters=sum(map(len, tokens)),
        alphabetic=sum(map(mul, alphabetic, times)),
        # The two symbols of the Latin-1 block are punctuation, not in any word.
        latin=sum(map(mul, latin, times)) + sum(map(text.count, LATIN_SYMBOLS)),
        linsear_easy=linsear[1],
        linsear_hard=linsear[3],
        linsear_sentences=sentence_count(" ".join(tokens[:used])),
    )


def _linsear_kind(syllables: int) -> int:
    """1 for Linsear Write's easy words (1-2 syllables), 3 for hard ones, 0 for neither."""
    if syllables >= 3:
        return 3
    return 1 if syllables > 0 else 0


def _linsear_sample(words: list[str], tokens: list[str]) -> tuple[list[str], int]:
    """The first :data:`LINSEAR_WORDS` words and how many tokens they took, as textstat reads them.

    A token's punctuation is removed on its own (the rules look one character
    ahead, never across a space), so the words of the first 100 tokens are
    ``word_list`` of those tokens joined; when none of them is all punctuation
    those are the sample, and only otherwise are tokens read one by one.
    """
    if len(tokens) <= LINSEAR_WORDS:
        return words, len(tokens)
    head = word_list(" ".join(tokens[:LINSEAR_WORDS]))
    if len(head) == LINSEAR_WORDS:
        return head, LINSEAR_WORDS
    sample: list[str] = []
    used = 0
    while used < len(tokens) and len(sample) < LINSEAR_WORDS:
        word = strip_punctuation(tokens[used])
        used += 1
        if word:
            sample.append(word)
    return sample, used


def words_per_sentence(c: Counts) -> float:
    """Mean words per sentence (0.0 without sentences)."""
    return c.words / c.sentences if c.sentences else 0.0


def syllables_per_word(c: Counts) -> float:
    """Mean syllables per word (0.0 without words)."""
    return c.syllables / c.words if c.words else 0.0


def flesch_reading_ease(c: Counts) -> float:
    """Flesch reading ease: 206.835 - 1.015 × words/sentence - 84.6 × syllables/word."""
    wps, spw = words_per_sentence(c), syllables_per_word(c)
    if wps == 0 or spw == 0:
        return 0.0
    return FRE_BASE - FRE_SENTENCE_LENGTH * wps - FRE_SYLLABLES_PER_WORD * spw


def flesch_kincaid_grade(c: Counts) -> float:
    """Flesch-Kincaid grade: 0.39 × words/sentence + 11.8 × syllables/word - 15.59."""
    wps, spw = words_per_sentence(c), syllables_per_word(c)
    if wps == 0 or spw == 0:
        return 0.0
    return (0.39 * wps) + (11.8 * spw) - 15.59


def gunning_fog(c: Counts) -> float:
    """Gunning fog: 0.4 × (words/sentence + 100 × complex words/words)."""
    if c.words == 0:
        return 0.0
    per_difficult = 100 * c.difficult / c.words
    return 0.4 * (words_per_sentence(c) + per_difficult)


def smog_index(c: Counts) -> float:
    """SMOG: 1.043 × √(30 × polysyllables/sentences) + 3.1291."""
    if c.sentences == 0:
        return 0.0
    return (1.043 * (30 * (c.polysyllables / c.sentences)) ** 0.5) + 3.1291


def coleman_liau_index(c: Counts) -> float:
    """Coleman-Liau: 0.058 × letters per 100 words - 0.296 × sentences per 100 words - 15.8."""
    letters = (c.letters / c.words if c.words else 0.0) * 100
    sentences = (c.sentences / c.words if c.words else 0.0) * 100
    if letters == 0 or sentences == 0:
        return 0.0
    return (0.058 * letters) - (0.296 * sentences) - 15.8


def automated_readability_index(c: Counts) -> float:
    """ARI: 4.71 × characters/token + 0.5 × words/sentence - 21.43."""
    a = c.characters / c.tokens if c.tokens else 0.0
    b = words_per_sentence(c)
    if a == 0 or b == 0:
        return 0.0
    return (4.71 * a) + (0.5 * b) - 21.43


def dale_chall_readability_score(c: Counts) -> float:
    """Dale-Chall: 0.1579 × % unfamiliar words + 0.0496 × words/sentence (+3.6365 over 5%)."""
    if c.words == 0:
        return 0.0
    per_difficult = 100 * c.unfamiliar / c.words
    score = (0.1579 * per_difficult) + (0.0496 * words_per_sentence(c))
    if per_difficult > 5:
        score += 3.6365
    return score


def linsear_write_formula(c: Counts) -> float:
    """Linsear Write over the first 100 words, as textstat's consensus uses it."""
    if c.linsear_sentences == 0:
        return 0.0
    number = float((c.linsear_easy * 1 + c.linsear_hard * 3) / c.linsear_sentences)
    if number <= 20:
        number -= 2
    return number / 2


_FLESCH_BANDS = ((90, (5,)), (80, (6,)), (70, (7,)), (60, (8, 9)), (50, (10,)), (40, (11,)),
                 (30, (12,)))
"""Flesch reading ease bands (lower bound, grades) in textstat's consensus vote."""


def _flesch_band(score: float) -> tuple[int, ...]:
    for floor, grades in _FLESCH_BANDS:
        if floor <= score < floor + 10:
            return grades
    return (13,)


def text_standard(c: Counts) -> float:
    """The consensus grade, as textstat's ``text_standard(float_output=True)``: 1 to 18.

    The most common of the floor, ceiling and rounding of each grade formula,
    with Flesch reading ease mapped to bands, as textstat votes.
    """
    # The vote's order matters: Counter.most_common breaks ties by first seen.
    score = flesch_kincaid_grade(c)
    grade: list[int] = [math.floor(score), math.ceil(score), round(score)]
    grade.extend(_flesch_band(flesch_reading_ease(c)))
    for fn in (
        smog_index,
        coleman_liau_index,
        automated_readability_index,
        dale_chall_readability_score,
        linsear_write_formula,
        gunning_fog,
    ):
        score = fn(c)
        grade.extend([math.floor(score), math.ceil(score), round(score)])
    value = float(Counter(grade).most_common(1)[0][0])
    return float(max(1, min(value, 18)))
