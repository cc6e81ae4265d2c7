"""Content words: the tokens alignment, labels and contrasts compare.

A content word is a token that is not a function word, lower-cased, with its
possessive dropped and a light suffix stripping applied, so "plans",
"planned" and "planning" all become "plan" (and "controversial" and
"controversy" both "controvers"). The stripper handles English plural, past
and progressive endings and "-ial"/"-y"; it is deliberately weaker than
Porter's (and costs no import), because over-merging words makes unrelated
sentences look alike. Numbers written as words count as digits, and a short
list of near-synonyms of general news vocabulary maps each to one word.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from analysis.text.segment import word_spans

# Function words, linking adverbs ("particularly", "furthermore") and the
# commonest verbs of saying. Our own list. "Said" and "told" report nothing by
# themselves; the contrast between "said" and "claimed" is found by the
# attribution rules (analysis.compare.quotes), not by content words.
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
    whose whom one say says said saying tell tells told telling particularly
    especially notably potential potentially currently recently additionally
    furthermore consequently concurrently however meanwhile ongoing including
    various several roughly approximately nearly almost around some percent
    cent""".split()
)
# Distinct words whose parts are remembered (a bound: a long-running
# dashboard compares many stories).
WORD_CACHE = 1 << 16

# Numbers written as words count as the digits ("two percent" and "2%" are
# the same fact: "%" is not a word and "percent" is a stopword).
NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve
        thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty""".split()
    )
}
NUMBER_WORDS.update(
    {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
     "eighty": "80", "ninety": "90", "hundred": "100", "dozen": "12"}
)  # fmt: skip

# Calendar words: a story's facts often share the day, so sharing it is no
# evidence that two sentences report the same fact (see align.distinctive_stems).
DATE_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday
    tomorrow week month year january february march april may june july august
    september october november december""".split()
)


# Near-synonyms of general news vocabulary, one category per row, each word
# mapped to its row's first word, so that "ended"/"concluded"/"wrapped",
# "meeting"/"talks"/"dialogue" count as shared words. A data file (its header
# names its source and licence), read once when first needed.
SYNONYMS_PATH = Path(__file__).resolve().parent.parent / "data" / "synonyms.tsv"


@cache
def synonym_rows(path: Path = SYNONYMS_PATH) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The synonym table: ``(category, words)`` per row, the header skipped."""
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("category\t"):
            continue
        category, _, words = line.partition("\t")
        rows.append((category, tuple(words.split())))
    return tuple(rows)


@cache
def _synonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for _, line in synonym_rows():
        words = [stem(w) for w in line]
        for w in words:
            out.setdefault(w, words[0])
    return out


def stem(word: str) -> str:
    """Strip an English plural, past or progressive ending.

    Args:
        word: A lower-cased word.

    Returns:
        The stem: "plans"/"planned"/"planning" -> "plan", "emphasizes" ->
        "emphasiz", "countries" -> "countr", "controversial"/"controversy" ->
        "controvers".
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
    # "controversial" and "controversy" report one thing.
    if w.endswith("ial") and len(w) > 7:
        w = w[:-3]
    elif w.endswith("y") and len(w) > 6:
        w = w[:-1]
    return w


def _undouble(w: str) -> str:
    # "plann" -> "plan", but "spell" and "pass" keep their double letter.
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        return w[:-1]
    return w


@cache
def _stem_cached(word: str) -> str:
    base = number(word) or stem(word)
    return _synonyms().get(base, base)


def number(word: str) -> str:
    """The digits of a number word or numeral ("two" -> "2", "50,000" -> "50000"), else ""."""
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    plain = word.replace(",", "")
    if plain[:1].isdigit() and plain.replace(".", "", 1).isdigit():
        return plain.rstrip("0").rstrip(".") if "." in plain else plain
    return ""


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
    append = out.append
    tokens = _word_tokens
    for m in word_spans(text):
        # A word's parts and stems depend on the word alone: looked up once per
        # distinct word (news repeats its words), then placed at its offset.
        parts = tokens(m.group())
        if parts:
            base = offset + m.start()
            for s, e, stem in parts:
                append((base + s, base + e, stem))
    return out


@lru_cache(maxsize=WORD_CACHE)
def _word_tokens(word: str) -> tuple[tuple[int, int, str], ...]:
    # The content parts of one word: (start, end, stem), offsets in the word.
    return tuple(
        (start, end, _stem_cached(part))
        for start, end, part in _parts(word, 0)
        if part not in STOPWORDS and any(c.isalnum() for c in part)
    )


def content_stems(text: str) -> list[str]:
    """Just the stems of :func:`content_tokens`, in order."""
    return [s for _, _, s in content_tokens(text)]


def _parts(word: str, start: int) -> list[tuple[int, int, str]]:
    # Split "U.S.-Japan" at hyphens and drop a possessive ("Japan’s" -> "japan").
    out = []
    pos = start
    for part in word.split("-"):
        lower = part.lower().replace("’", "'")
        if lower.endswith("'s"):
            lower = lower[:-2]
        lower = lower.strip(".'")
        if lower:
            out.append((pos, pos + len(part), lower))
        pos += len(part) + 1
    return out


def plain_words(text: str) -> list[tuple[int, int, str]]:
    """Every word of ``text``, lower-cased, possessives dropped, with offsets.

    Used for shingles and quote matching, where function words matter.
    """
    out = []
    for m in word_spans(text):
        word = _plain(m.group())
        if word:
            out.append((m.start(), m.end(), word))
    return out


@lru_cache(maxsize=WORD_CACHE)
def _plain(word: str) -> str:
    # One word as plain_words gives it ("" when nothing is left).
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return word.strip(".'")
