"""Turn a raw article into headline, standfirst, byline and a clean body.

Everything taken out is recorded with a reason, because users see it: a
teacher must be able to check that nothing of the story was lost.

The cleaner works on lines (one paragraph per line is how web copy arrives) in
four passes, each general rather than tuned to one site:

1. **Rules** from ``data/boilerplate.toml``: a line pattern, a reason and a
   scope (the line, a list after it, the rest of the page, or the next block).
2. **Heuristics** no single pattern can express: runs of link-list items,
   author bios recognised by several bio cues together.
3. **Header zone**: the headline (a short line without a full stop near the
   top), the standfirst around it, bylines and image captions.
4. **Structure** inside the body: crossheads (short title-case headings
   between paragraphs, such as "Strength in Unity") and a teaser paragraph
   that repeats the lede are listed as removed blocks with their own rules
   ("crosshead", "teaser"), so headings are never measured as sentences and
   the lede is not measured twice.
5. **Duplicates**: exact and near-duplicate paragraphs (rapidfuzz ratio).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from analysis.results.doc import Removed
from analysis.text import literals
from analysis.text.segment import count_sentences, count_words, split_sentences, word_spans

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

# Near-duplicate threshold (rapidfuzz ratio, 0-100) and the shortest paragraph
# it applies to: short lines such as "He left." repeat legitimately.
NEAR_DUPLICATE_RATIO = 90.0
NEAR_DUPLICATE_MIN_WORDS = 8
# Past this many paragraphs only exact duplicates are removed, keeping the
# pairwise near-duplicate check from going quadratic on huge files.
NEAR_DUPLICATE_MAX_PARAGRAPHS = 400
# The headline must be among the first few lines, and be short.
HEADLINE_MAX_LINE = 3
HEADLINE_MAX_WORDS = 25
STANDFIRST_MAX_WORDS = 80
CAPTION_MAX_WORDS = 35
# A line this long, or with two sentences, is body text: it ends a list.
BODY_MIN_WORDS = 30
# Page furniture, bios and captions are short. A line longer than this is body
# text and is never given to the rule and heuristic patterns, so their cost per
# line is bounded whatever a hostile file holds (one 50 KB "word" passes the
# word-count guard).
FURNITURE_MAX_CHARS = 2_000

_BULLET = re.compile(r"^\s*[-•*·▪●◦]\s+")
_TERMINAL = re.compile(r"[.!?…][\"”’)\]]*$")
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
_LINK_ITEM = re.compile(r"^[^.!?]{2,60}:\s+\S[^.!?]*$")
# "By Jane Doe", "Martin Fackler", "By JANE DOE and JOHN SMITH, Associated Press",
# "Jane Doe, Staff Writer": two to four capitalised name words, an optional
# "and", and an optional affiliation after a comma. Case matters here.
_BYLINE = re.compile(
    r"^(?:[Bb][Yy]\s+)?([A-Z][\w'’.-]+)((?:\s+and)?\s+[A-Z][\w'’.-]+){1,3}(\s*,\s*[\w .]{2,40})?$"
)
# Capitalised words that make a short line a label or a date, not a name.
_NOT_NAMES = frozenset(
    """updated published posted news world live breaking opinion analysis video photos
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december""".split()
)
# A dateline ("LONDON (Reuters) -", "TOKYO —") opens the lede, never a standfirst.
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}(\([^)]{1,40}\))?\s*[-—–]\s")
_NORMALISE = re.compile(r"[\W_]+")
_BY_PREFIX = re.compile(r"^by\s+", re.IGNORECASE)
_PREV_WORD = re.compile(r"(\w+)\W*$")  # searched up to a match: the word before it


@dataclass(frozen=True)
class Rule:
    """One boilerplate rule from the data file."""

    id: str
    pattern: re.Pattern[str]
    reason: str
    scope: str


@dataclass(frozen=True)
class Heuristics:
    """Cue lists and thresholds for the heuristic passes."""

    bio_cues: tuple[re.Pattern[str], ...]
    bio_words: tuple[literals.Strings | None, ...]
    any_bio_word: literals.Strings | None
    bio_min_cues: int
    caption: re.Pattern[str]
    caption_not_after: frozenset[str]
    link_run_min: int
    max_line_words: int


@dataclass(frozen=True)
class Cleaned:
    """The result of cleaning one raw article.

    Args:
        title: The detected headline, or "" when none was found.
        standfirst: The summary line(s) around the headline, or "".
        byline: The detected byline, or "".
        text: The cleaned body, one paragraph per line.
        removed: Every block taken out, with its reason.
    """

    title: str
    standfirst: str
    byline: str
    text: str
    removed: tuple[Removed, ...]


@cache
def _config() -> tuple[tuple[Rule, ...], Heuristics]:
    data = tomllib.loads(
        resources.files("analysis.data").joinpath("boilerplate.toml").read_text("utf-8")
    )
    rules = tuple(
        Rule(r["id"], re.compile(r["pattern"], re.IGNORECASE), r["reason"], r["scope"])
        for r in data["rule"]
    )
    h = data["heuristics"]
    verbs = "|".join(h["caption_verbs"])
    # The words each cue spells out: a line without them is not searched
    # for that cue (same counts, a tenth of the cost; see text/literals.py).
    bio_words = tuple(literals.required(c, re.IGNORECASE) for c in h["bio_cues"])
    heuristics = Heuristics(
        bio_cues=tuple(re.compile(c, re.IGNORECASE) for c in h["bio_cues"]),
        bio_words=bio_words,
        any_bio_word=literals.union(bio_words),
        bio_min_cues=int(h["bio_min_cues"]),
        caption=re.compile(rf"\b({verbs})\b", re.IGNORECASE),
        caption_not_after=frozenset(h["caption_not_after"]),
        link_run_min=int(h["link_run_min"]),
        max_line_words=int(h["max_line_words"]),
    )
    return rules, heuristics


def rules() -> tuple[Rule, ...]:
    """The boilerplate rules, loaded once from the data file."""
    return _config()[0]


class _Lines:
    """Mutable working state: which lines are still kept, and why others went."""

    def __init__(self, raw: str) -> None:
        self.text = [line.strip() for line in raw.split("\n")]
        self.kept = [bool(t) for t in self.text]
        self.removed: list[tuple[int, Removed]] = []

    def live(self) -> list[int]:
        return [i for i, k in enumerate(self.kept) if k]

    def take(self, indices: list[int]) -> None:
        """Move lines out of the body without recording a removal (headline, byline)."""
        for i in indices:
            self.kept[i] = False

    def remove(self, indices: list[int], reason: str, rule: str) -> None:
        indices = [i for i in indices if self.kept[i]]
        if not indices:
            return
        for i in indices:
            self.kept[i] = False
        block = "\n".join(self.text[i] for i in indices)
        self.removed.append((indices[0], Removed(block, reason, rule)))


def clean(raw: str) -> Cleaned:
    r"""Clean one article.

    Args:
        raw: The decoded file text, newlines normalised to ``\\n``.

    Returns:
        Headline, standfirst, byline, body and the record of removals.
    """
    lines = _Lines(raw)
    _apply_rules(lines)
    _apply_heuristics(lines)
    before = (list(lines.kept), list(lines.removed))
    title, standfirst, byline = _header_zone(lines)
    if not any(lines.kept):
        # A text with no body after its "headline" is all body: a short note
        # such as "Hello." or a last line without a full stop is not a title.
        lines.kept, lines.removed = before
        title = standfirst = byline = ""
    _remove_structure(lines)
    _remove_duplicates(lines, title)
    body = "\n".join(lines.text[i] for i in lines.live())
    removed = tuple(r for _, r in sorted(lines.removed, key=lambda pair: pair[0]))
    return Cleaned(title, standfirst, byline, body, removed)


# Rules, lists, the header zone and deduplication each measure the same lines;
# remembering recent lines' measures makes cleaning a third faster.
@lru_cache(maxsize=256)
def _words(line: str) -> int:
    return count_words(line)


@lru_cache(maxsize=256)
def _sentences(line: str) -> int:
    return max(1, count_sentences(line))


def _is_body(line: str) -> bool:
    return _words(line) > BODY_MIN_WORDS or (_sentences(line) >= 2 and _words(line) > 12)


def _matching_rule(line: str) -> Rule | None:
    rule_list, heuristics = _config()
    if len(line) > FURNITURE_MAX_CHARS or _words(line) > heuristics.max_line_words:
        return None
    return next((r for r in rule_list if r.pattern.search(line)), None)


def _apply_rules(lines: _Lines) -> None:
    live = lines.live()
    pos = 0
    while pos < len(live):
        i = live[pos]
        rule = _matching_rule(lines.text[i]) if lines.kept[i] else None
        if rule is None:
            pos += 1
            continue
        if rule.scope == "rest":
            lines.remove(live[pos:], rule.reason, rule.id)
            return
        taken = [i]
        nxt = pos + 1
        if rule.scope == "list":
            while nxt < len(live) and _continues_list(lines.text[live[nxt]]):
                taken.append(live[nxt])
                nxt += 1
        elif (
            rule.scope == "block"
            and nxt < len(live)
            and _matching_rule(lines.text[live[nxt]]) is None
        ):
            taken.append(live[nxt])
            nxt += 1
        lines.remove(taken, rule.reason, rule.id)
        pos = nxt


def _continues_list(line: str) -> bool:
    if _matching_rule(line) is not None:
        return False  # another rule starts its own block, with its own reason
    return bool(_BULLET.match(line)) or not _is_body(line)


def _is_link_item(line: str) -> bool:
    # "Outlet: Headline" or a bare address, with or without a bullet. Plain
    # bullets are not enough: a list of policies inside the body is prose.
    if len(line) > FURNITURE_MAX_CHARS:
        return False
    bullet = _BULLET.match(line)  # matching, not sub(): sub scans the whole line
    item = line[bullet.end() :] if bullet else line
    # The word count first: it is cached, and it spares most paragraphs a scan for an address.
    return bool(_LINK_ITEM.match(item)) or _words(item) <= 20 and bool(_URL.search(item))


def _apply_heuristics(lines: _Lines) -> None:
    _, h = _config()
    live = lines.live()
    run: list[int] = []
    for i in [*live, None]:
        if i is not None and _is_link_item(lines.text[i]):
            run.append(i)
            continue
        if len(run) >= h.link_run_min:
            lines.remove(run, "link list: a run of links to other pages", "link_density")
        run = []
    for i in lines.live():
        if _bio_cues(lines.text[i], h) >= h.bio_min_cues:
            lines.remove(
                [i], "author bio: describes the writer or the site, not the story", "bio_cues"
            )


def _bio_cues(line: str, h: Heuristics) -> int:
    """How many distinct bio cues ``line`` holds (0 for long lines: body text)."""
    if len(line) > FURNITURE_MAX_CHARS:
        return 0
    low = literals.lowered(line)
    if not literals.may_match(h.any_bio_word, low):
        return 0  # the common case: one pass over the words of all cues
    return sum(
        1
        for cue, words in zip(h.bio_cues, h.bio_words, strict=True)
        if literals.may_match(words, low) and cue.search(line)
    )


def _is_headline(line: str) -> bool:
    words = _words(line)
    return (
        3 <= words <= HEADLINE_MAX_WORDS
        and not line.endswith((".", ":", ";", ","))
        and (line[0].isupper() or line[0].isdigit())
        and _sentences(line) == 1
    )


def _is_caption(line: str) -> bool:
    _, h = _config()
    return (
        _words(line) <= CAPTION_MAX_WORDS
        and _sentences(line) == 1
        and not any(q in line for q in '"“”')
        and any(_main_verb(line, m.start(), h) for m in h.caption.finditer(line))
    )


def _main_verb(line: str, start: int, h: Heuristics) -> bool:
    """Whether the visual verb at ``start`` can be the line's main verb.

    It cannot when the word before it is one of ``caption_not_after``.
    """
    before = _PREV_WORD.search(line, 0, start)
    return before is None or before.group(1).lower() not in h.caption_not_after


def _is_byline(line: str) -> bool:
    if _words(line) > 8 or _TERMINAL.search(line) or not _BYLINE.match(line):
        return False
    name = line.split(",")[0]
    return not any(word.lower() in _NOT_NAMES for word in (m.group() for m in word_spans(name)))


def _header_zone(lines: _Lines) -> tuple[str, str, str]:
    live = lines.live()
    head = None
    for pos, i in enumerate(live[:HEADLINE_MAX_LINE]):
        if _is_headline(lines.text[i]):
            head = pos
            break
        if _words(lines.text[i]) > STANDFIRST_MAX_WORDS:
            break  # prose before any headline: this article starts with its body
    if head is None:
        return "", "", ""
    title = lines.text[live[head]]
    standfirst = [lines.text[i] for i in live[:head]]
    # Headline and standfirst are shown apart from the body, not dropped.
    lines.take(live[: head + 1])
    byline = ""
    pending: int | None = None  # a possible standfirst, confirmed below
    confirmed = False
    repeated = False  # the line before was the headline again
    for i in live[head + 1 :]:
        line = lines.text[i]
        if _normalise(line) == _normalise(title):
            lines.remove([i], "duplicate headline: repeats the headline", "duplicate_headline")
            repeated = pending is None
            continue
        if _is_caption(line):
            lines.remove([i], "image caption: describes a photo, not the story", "caption")
            confirmed = pending is not None
        elif not byline and _is_byline(line):
            byline = _BY_PREFIX.sub("", line)
            lines.take([i])
            confirmed = pending is not None
        elif byline or pending is not None or not _could_be_standfirst(line):
            break  # the body starts here
        else:
            pending = i
            # A page that repeats its header block (headline, then deck) puts
            # the deck right under the repeated headline.
            confirmed = repeated
        repeated = False
    # Newspaper layout puts the standfirst before the photo and the byline, so
    # either confirms it, as does a repeated header block. Without them the
    # line is the lede and stays in the body: a standfirst is what comes
    # before the body, and a short first paragraph (16 of 300 real articles)
    # must never be dropped from the text.
    if pending is not None and confirmed:
        standfirst.append(lines.text[pending])
        lines.take([pending])
    return title, "\n".join(standfirst), byline


def _could_be_standfirst(line: str) -> bool:
    return (
        _sentences(line) == 1
        and _words(line) <= STANDFIRST_MAX_WORDS
        and not _is_body(line)
        and not _DATELINE.match(line)
    )


# Crossheads: at most this many words, no final punctuation, every word
# capitalised but these function words.
CROSSHEAD_MAX_WORDS = 12
_SMALL_WORDS = frozenset(
    """a an the and or nor but of in on at to for with from by as into onto over under
    amid amidst among about after before between vs via per than up out off""".split()
)
_CROSSHEAD_END = re.compile(r"[.!?…,;:\"”’)]$")
# A teaser repeats the lede: this share of the content words of its first
# sentence (words of 4+ letters) recur in the first sentence of the paragraph
# after it, and it has at least this many of them.
TEASER_OVERLAP = 0.6
TEASER_MIN_WORDS = 8
_CONTENT_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _is_crosshead(line: str) -> bool:
    # The cheap tests first: most lines are long prose paragraphs, whose words
    # need never be listed (``_words`` counts the same matches, cached).
    if _CROSSHEAD_END.search(line) or not (line[0].isupper() or line[0].isdigit()):
        return False
    if not 2 <= _words(line) <= CROSSHEAD_MAX_WORDS:
        return False
    words = [m.group() for m in word_spans(line)]
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL_WORDS for w in words)


def _is_prose(line: str) -> bool:
    return bool(_TERMINAL.search(line)) and _words(line) >= NEAR_DUPLICATE_MIN_WORDS


def _remove_structure(lines: _Lines) -> None:
    live = lines.live()
    for pos in range(1, len(live) - 1):
        i = live[pos]
        if (
            _is_crosshead(lines.text[i])
            and _is_prose(lines.text[live[pos - 1]])
            and _is_prose(lines.text[live[pos + 1]])
        ):
            lines.remove(
                [i], "crosshead: a heading inside the article, not a sentence", "crosshead"
            )
    live = lines.live()
    if len(live) >= 2 and _repeats_lede(lines.text[live[0]], lines.text[live[1]]):
        lines.remove(
            [live[0]], "teaser: a summary that repeats the lede of the next paragraph", "teaser"
        )


def _first_sentence_words(line: str) -> set[str]:
    first = next((p for p in split_sentences(line) if p.strip()), line)
    return {w.lower() for w in _CONTENT_WORD.findall(first)}


def _repeats_lede(teaser: str, lede: str) -> bool:
    if not (_is_prose(teaser) and _is_prose(lede)):
        return False
    words = _first_sentence_words(teaser)
    if len(words) < TEASER_MIN_WORDS:
        return False
    return len(words & _first_sentence_words(lede)) >= TEASER_OVERLAP * len(words)


def _normalise(line: str) -> str:
    return _NORMALISE.sub(" ", line.lower()).strip()


def _could_be_near(a: int, b: int) -> bool:
    """Whether ``fuzz.ratio`` of texts ``a`` and ``b`` long can reach :data:`NEAR_DUPLICATE_RATIO`.

    The ratio is ``100 × (1 - d / (a + b))`` for an edit distance ``d``
    (insertions and deletions) of at least the difference in length.
    """
    return 100 * abs(a - b) <= (100 - NEAR_DUPLICATE_RATIO) * (a + b)


def _key_words(key: str) -> int:
    """``count_words(key)`` for a :func:`_normalise` key: its runs of letters and digits."""
    return key.count(" ") + 1 if key else 0


def _remove_duplicates(lines: _Lines, title: str) -> None:
    from rapidfuzz import fuzz

    seen: dict[str, int] = {}
    kept: list[tuple[int, str, int]] = []
    live = lines.live()
    near = len(live) <= NEAR_DUPLICATE_MAX_PARAGRAPHS
    for number, i in enumerate(live, start=1):
        key = _normalise(lines.text[i])
        if key in seen:
            lines.remove([i], f"duplicate paragraph: repeats paragraph {seen[key]}", "duplicate")
            continue
        if near and _key_words(key) >= NEAR_DUPLICATE_MIN_WORDS:
            # Only paragraphs of about the same length can be near-duplicates
            # (see _could_be_near), and with a cutoff rapidfuzz gives up early
            # on the rest; a score at or over the cutoff is the full score.
            size = len(key)
            match = next(
                (
                    (n, s)
                    for n, other, other_size in kept
                    if _could_be_near(size, other_size)
                    and (s := fuzz.ratio(key, other, score_cutoff=NEAR_DUPLICATE_RATIO))
                    >= NEAR_DUPLICATE_RATIO
                ),
                None,
            )
            if match is not None:
                lines.remove(
                    [i],
                    f"near-duplicate paragraph: {match[1]:.0f}% the same as paragraph {match[0]}",
                    "near_duplicate",
                )
                continue
        seen[key] = number
        kept.append((number, key, len(key)))
