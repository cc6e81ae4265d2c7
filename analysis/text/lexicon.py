"""Lexicon files and a linear-time phrase matcher.

Slant's word lists (hedging cues, loaded wording) are plain data files in
``analysis/lexicons/``: tab-separated, one entry a row, with a comment header
that names the list's sources and licence. This module reads them lazily and
matches them against text.

Matching never uses a regular expression built from the lexicon. The text is
tokenised once by the one word rule of :mod:`analysis.text.tokens` (an
analyser reads ``Doc.tokens``). Phrases are indexed by their first token: a
position whose token starts no phrase costs one dict look-up, done in C for
the whole sequence before the scan; a position that does start one costs at
most one look-up per phrase length in use for that word, longest first. The
cost is therefore at most ``tokens x longest phrase`` dict look-ups: linear in
the length of the text, whatever the text contains (see
``benchmarks/bench_lexicon.py``).

File format (``<name>.tsv``)::

    # title: Hedging and certainty cues
    # description: ...
    # sources: ...
    # licence: ...
    term<TAB>category<TAB>pos<TAB>...      <- column names, ``term`` first
    may<TAB>hedge<TAB>fixed<TAB>...

Term syntax:

- Words are separated by spaces; hyphens and apostrophes are matched as in the
  text, so ``war-fighting`` also matches "war fighting" (a hyphen or spaces
  between two words are treated alike).
- ``(is|are|was|were)`` lists alternatives (each may be several words, as in
  ``(a source|sources)``); an empty alternative, as in ``(widely|)``, makes
  the slot optional.

Inflection is generated at load time from the ``pos`` column, so the matcher
itself only ever compares exact (lower-cased) tokens:

- ``verb``: the first word gets -s, -ed and -ing forms (slam: slams, slammed,
  slamming; lash out: lashes out, lashed out, lashing out), plus the irregular
  forms in :data:`IRREGULAR_VERBS`. Over-generated non-words ("admited") are
  harmless because they never occur in text.
- ``noun``: the last word gets its plural (thug: thugs; illegal alien: illegal
  aliens), with :data:`IRREGULAR_NOUNS` for the few irregular ones.
- ``adj``: the last word gets its -ly adverb and its comparative and
  superlative (stupid: stupidly, stupider, stupidest; clumsy: clumsily;
  pathetic: pathetically), so one row covers "a clumsy plan" and "clumsily
  planned".
- anything else (``fixed``, ``adv``): matched as written.

When two rows generate the same surface form, both are kept and tried in file
order: the first whose context rule accepts the match wins (so "some" can be an
approximator before a number and a vague quantifier elsewhere).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from operator import attrgetter, or_
from pathlib import Path

from analysis import messages
from analysis.text.tokens import Token, tokenize

__all__ = [
    "Entry", "Lexicon", "PhraseMatch", "PhraseMatcher", "Token", "adjective_forms",
    "available_lexicons", "expand_term", "load_lexicon", "matcher", "normalise", "noun_forms",
    "read_lexicon", "tokenize", "verb_forms",
]  # fmt: skip

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"
"""Where the lexicon data files live."""

# A term piece: "(alternative|alternative two)" or a plain word.
_PIECE_RE = re.compile(r"\(([^()]*)\)|[^\s()]+")

IRREGULAR_VERBS: dict[str, tuple[str, ...]] = {
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "hit": ("hits", "hitting"),
    "strike": ("strikes", "struck", "striking"),
    "fight": ("fights", "fought", "fighting"),
    "think": ("thinks", "thought", "thinking"),
    "lie": ("lies", "lied", "lying"),
    "break": ("breaks", "broke", "broken", "breaking"),
    "seek": ("seeks", "sought", "seeking"),
    "go": ("goes", "went", "gone", "going"),
    "take": ("takes", "took", "taken", "taking"),
    "make": ("makes", "made", "making"),
}
"""Irregular verb forms the ``verb`` inflection cannot derive by rule."""

IRREGULAR_NOUNS: dict[str, tuple[str, ...]] = {
    "crisis": ("crises",),
    "thesis": ("theses",),
    "man": ("men",),
    "woman": ("women",),
    "person": ("people",),
}
"""Irregular plurals the ``noun`` inflection cannot derive by rule."""

_VOWELS = frozenset("aeiou")

ERR_UNKNOWN_LEXICON = messages.LEXICON_UNKNOWN
ERR_NO_COLUMNS = messages.LEXICON_NO_COLUMNS
ERR_BAD_ROW = messages.LEXICON_BAD_ROW


@dataclass(frozen=True)
class Entry:
    """One row of a lexicon.

    Args:
        term: The headword or phrase as written in the file.
        category: The entry's category (``hedge``, ``attribution`` ...).
        pos: How it inflects: ``verb``, ``noun``, ``adj`` or ``fixed``.
        connotation: For loaded wording, what the word adds ("implies doubt").
        neutral: A neutral alternative a reporter could have used.
        context: The name of a context rule that must accept each match, or "".
        note: Free text for the lexicon browser.
        grade: For loaded wording, how strong the word is: "" (the lexicon's
            default) or a grade name such as ``emphatic``.

    """

    term: str
    category: str
    pos: str = "fixed"
    connotation: str = ""
    neutral: str = ""
    context: str = ""
    note: str = ""
    grade: str = ""

    @property
    def headword(self) -> str:
        """The term with each ``(a|b)`` group reduced to its first non-empty choice.

        "(speak|talk) harshly" gives "speak harshly"; "(is|are) expected to"
        gives "is expected to". Used to name the entry in match output.
        """
        words = (next((alt for alt in alts if alt), "") for alts in _term_pieces(self.term))
        return " ".join(word for word in words if word)


@dataclass(frozen=True)
class Lexicon:
    """A lexicon file: its header metadata and its entries.

    Args:
        name: The file name without ``.tsv``.
        title: A one-line title.
        description: What the list is for.
        sources: Where its entries come from.
        licence: The licence of the list.
        columns: The column names, in file order.
        entries: The rows, in file order, as :class:`Entry` (columns that
            :class:`Entry` has no field for are left out).
        rows: The same rows as raw cells, one per column (padded with ""), so
            a lexicon browser can show every column, including ones only that
            lexicon uses (e.g. ``valence``).

    """

    name: str
    title: str
    description: str
    sources: str
    licence: str
    columns: tuple[str, ...]
    entries: tuple[Entry, ...]
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class PhraseMatch:
    """A lexicon phrase found in a token sequence.

    Args:
        first: Index of the first token.
        last: Index of the last token (inclusive).
        entry: The lexicon row that produced the phrase.
        rule: Which rule accepted it (``"lexicon"`` or a context rule's name).

    """

    first: int
    last: int
    entry: Entry
    rule: str


def normalise(word: str) -> str:
    """Lower-case a word and straighten its apostrophes."""
    return word.lower().replace("’", "'")


def _ends_consonant_y(word: str) -> bool:
    """Whether a word ends in a consonant and "y" (bully, clumsy): the y turns to i."""
    return word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS


def _may_double(word: str) -> bool:
    """Whether a consonant-vowel-consonant ending may double (slammed, grimmer).

    We add both spellings rather than guess stress; the wrong one never occurs.
    """
    return (
        len(word) >= 3
        and word[-1] not in _VOWELS
        and word[-1] not in "wxy"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )


def verb_forms(verb: str) -> set[str]:
    """Return the base form of a verb with its -s, -ed and -ing forms.

    Args:
        verb: A lower-case base form ("slam").

    Returns:
        The forms ("slam", "slams", "slammed", "slamming", ...).

    """
    if verb in IRREGULAR_VERBS:
        return {verb, *IRREGULAR_VERBS[verb]}
    forms = {verb}
    if verb.endswith("e"):
        forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif _ends_consonant_y(verb):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        forms |= {verb + "s", verb + "ed", verb + "ing"}
    if _may_double(verb):
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms


def noun_forms(noun: str) -> set[str]:
    """Return the singular of a noun with its plural.

    Args:
        noun: A lower-case singular ("thug").

    Returns:
        The forms ("thug", "thugs").

    """
    if noun in IRREGULAR_NOUNS:
        return {noun, *IRREGULAR_NOUNS[noun]}
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return {noun, noun + "es"}
    if _ends_consonant_y(noun):
        return {noun, noun[:-1] + "ies"}
    return {noun, noun + "s"}


def adjective_forms(adjective: str) -> set[str]:
    """Return an adjective with its -ly adverb, comparative and superlative.

    Args:
        adjective: A lower-case adjective ("clumsy").

    Returns:
        The forms ("clumsy", "clumsily", "clumsier", "clumsiest"). As with
        verbs, over-generated non-words ("furiouser") never occur in text.
        An adjective in -ly ("ugly") gets its degrees only ("uglier", "ugliest").

    """
    forms = {adjective}
    if adjective.endswith("ly"):
        # "ugly", "deadly": degrees only; the adverb would be the word itself.
        return forms | {adjective[:-1] + "ier", adjective[:-1] + "iest"}
    if adjective.endswith("ic"):
        forms.add(adjective + "ally")
    elif adjective.endswith("le") and len(adjective) > 3 and adjective[-3] not in _VOWELS:
        forms.add(adjective[:-1] + "y")  # terrible: terribly
    elif _ends_consonant_y(adjective):
        forms.add(adjective[:-1] + "ily")
    elif adjective.endswith("ll"):
        forms.add(adjective + "y")  # full: fully
    elif adjective.endswith("ue"):
        forms.add(adjective[:-1] + "ly")  # true: truly
    else:
        forms.add(adjective + "ly")
    if adjective.endswith("e"):
        forms |= {adjective + "r", adjective + "st"}
    elif _ends_consonant_y(adjective):
        forms |= {adjective[:-1] + "ier", adjective[:-1] + "iest"}
    else:
        forms |= {adjective + "er", adjective + "est"}
        if _may_double(adjective):
            forms |= {adjective + adjective[-1] + "er", adjective + adjective[-1] + "est"}
    return forms


def _term_pieces(term: str) -> list[list[str]]:
    """Split a term into pieces, each a list of alternatives ("(a|b c)" or a word)."""
    pieces = []
    for m in _PIECE_RE.finditer(term):
        pieces.append(m.group(1).split("|") if m.group(1) is not None else [m.group()])
    return pieces


def _term_slots(term: str) -> list[list[tuple[str, ...]]]:
    """Parse a term into slots, each a list of alternative token tuples."""
    return [
        [tuple(t.norm for t in tokenize(alt)) for alt in alternatives]
        for alternatives in _term_pieces(term)
    ]


def expand_term(term: str, pos: str = "fixed") -> set[tuple[str, ...]]:
    """List every token sequence a lexicon term stands for.

    Args:
        term: The term as written in the file ("(is|was) expected to").
        pos: ``verb`` inflects the first word, ``noun`` the last.

    Returns:
        Lower-cased token tuples, e.g. ``{("is", "expected", "to"), ...}``.

    """
    phrases: set[tuple[str, ...]] = set()
    for combo in itertools.product(*_term_slots(term)):
        words = tuple(itertools.chain.from_iterable(combo))
        if not words:
            continue
        if pos == "verb":
            phrases |= {(form, *words[1:]) for form in verb_forms(words[0])}
        elif pos == "noun":
            phrases |= {(*words[:-1], form) for form in noun_forms(words[-1])}
        elif pos == "adj":
            phrases |= {(*words[:-1], form) for form in adjective_forms(words[-1])}
        else:
            phrases.add(words)
    return phrases


def _parse(name: str, lines: Iterable[str]) -> Lexicon:
    """Parse the lines of a lexicon file (see the module docstring)."""
    meta: dict[str, str] = {}
    columns: tuple[str, ...] = ()
    entries: list[Entry] = []
    rows: list[tuple[str, ...]] = []
    fields = set(Entry.__dataclass_fields__)
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if sep and not columns:
                meta[key.strip().lower()] = value.strip()
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not columns:
            if cells[0] != "term":
                raise ValueError(ERR_NO_COLUMNS.format(name=name))
            columns = tuple(cells)
            continue
        if len(cells) > len(columns):
            raise ValueError(
                ERR_BAD_ROW.format(name=name, line=number, expected=len(columns), got=len(cells))
            )
        row = {
            col: cell for col, cell in zip(columns, cells, strict=False) if col in fields and cell
        }
        entries.append(Entry(**row))
        rows.append(tuple(cells) + ("",) * (len(columns) - len(cells)))
    if not columns:
        raise ValueError(ERR_NO_COLUMNS.format(name=name))
    return Lexicon(
        name=name,
        title=meta.get("title", name),
        description=meta.get("description", ""),
        sources=meta.get("sources", ""),
        licence=meta.get("licence", meta.get("license", "")),
        columns=columns,
        entries=tuple(entries),
        rows=tuple(rows),
    )


def available_lexicons() -> tuple[str, ...]:
    """Return the names of the lexicons shipped with Slant, for the lexicon browser."""
    return tuple(sorted(p.stem for p in LEXICON_DIR.glob("*.tsv")))


@cache
def load_lexicon(name: str) -> Lexicon:
    """Read a lexicon file (once; later calls reuse it).

    Args:
        name: A name from :func:`available_lexicons`, e.g. ``"loaded"``.

    Returns:
        The lexicon with its header metadata and entries.

    Raises:
        KeyError: If there is no such lexicon.
        ValueError: If the file is malformed.

    """
    if name not in available_lexicons():
        raise KeyError(
            ERR_UNKNOWN_LEXICON.format(name=name, available=", ".join(available_lexicons()))
        )
    return read_lexicon(LEXICON_DIR / f"{name}.tsv")


def read_lexicon(path: Path) -> Lexicon:
    """Read a lexicon-format file from any path (not cached).

    Used for data files in the lexicon format that are not shipped lexicons,
    such as a pool of candidate entries that tuning chooses from.

    Args:
        path: A ``.tsv`` file in the format described in the module docstring.

    Returns:
        The lexicon, named after the file's stem.

    Raises:
        ValueError: If the file is malformed.

    """
    with path.open(encoding="utf-8") as handle:
        return _parse(path.stem, handle)


_NORM = attrgetter("norm")
_JOINED = attrgetter("joined")

Accept = Callable[[Sequence[Token], int, int, Entry], "str | None"]
"""A context rule hook: ``(tokens, first, last, entry) -> rule name or None``."""


class PhraseMatcher:
    """Finds lexicon phrases in a token sequence, longest first, without overlap.

    Args:
        entries: Lexicon rows; each is expanded with :func:`expand_term`.

    """

    def __init__(self, entries: Iterable[Entry]):
        self._phrases: dict[tuple[str, ...], list[Entry]] = {}
        # For each first word, the phrase lengths that start with it, longest
        # first, so a position costs one look-up per length actually in use.
        lengths: dict[str, set[int]] = {}
        for entry in entries:
            for phrase in expand_term(entry.term, entry.pos):
                self._phrases.setdefault(phrase, []).append(entry)
                lengths.setdefault(phrase[0], set()).add(len(phrase))
        self._lengths = {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}
        self._longest = max((n[0] for n in self._lengths.values()), default=0)
        # Where a phrase can start: its first word when it is one word long,
        # else its first two words. Most tokens that begin some phrase ("the",
        # "to", "in") begin only longer ones and are followed by a word none
        # of them continues with; these two sets rule them out in C.
        self._single = frozenset(p[0] for p in self._phrases if len(p) == 1)
        self._pairs = frozenset(p[:2] for p in self._phrases if len(p) > 1)

    def __len__(self) -> int:
        return len(self._phrases)

    def lookup(self, words: Sequence[str]) -> Entry | None:
        """Return the first entry for an exact (normalised) token sequence, if any."""
        entries = self._phrases.get(tuple(words))
        return entries[0] if entries else None

    def candidates(self, tokens: Sequence[Token], i: int) -> Iterator[tuple[int, Entry]]:
        """Phrases starting at token ``i``, longest first, as (last index, entry).

        A phrase with several rows yields each of them, in file order.
        """
        window = tokens[i : i + self._longest]
        norms, joined = list(map(_NORM, window)), list(map(_JOINED, window))
        for last, entry in self._candidates(norms, joined, 0):
            yield i + last, entry

    def _candidates(self, norms: list[str], joined: list[bool], i: int) -> list[tuple[int, Entry]]:
        """:meth:`candidates` on the token columns ``norm`` and ``joined``."""
        out: list[tuple[int, Entry]] = []
        for length in self._lengths.get(norms[i], ()):
            last = i + length - 1
            if last >= len(norms) or not all(joined[i + 1 : last + 1]):
                continue
            for entry in self._phrases.get(tuple(norms[i : last + 1]), ()):
                out.append((last, entry))
        return out

    def find(self, tokens: Sequence[Token], accept: Accept | None = None) -> list[PhraseMatch]:
        """Scan left to right, taking the longest accepted phrase at each position.

        Args:
            tokens: From :func:`tokenize` (or ``Doc.tokens``).
            accept: Optional context rule hook; it returns the name of the rule
                that accepted a candidate, or None to reject it (a shorter
                candidate at the same position is then tried).

        Returns:
            Matches in text order; they never overlap.

        """
        # The token columns, then the positions the scan below visits.
        norms, joined = _columns(tokens)
        # Positions whose word begins some phrase (one dict look-up per token,
        # in C); of those, only the ones whose word is a one-word phrase or
        # whose word and the next begin a longer one (None stands after the
        # last word: no pair holds it). Every other position has no candidate.
        lengths = self._lengths
        first = list(itertools.compress(range(len(norms)), map(lengths.__contains__, norms)))
        words = list(map(norms.__getitem__, first))
        following = norms[1:]
        following.append(None)
        starts = itertools.compress(
            first,
            map(
                or_,
                map(self._single.__contains__, words),
                map(self._pairs.__contains__,
                    zip(words, map(following.__getitem__, first), strict=True)),
            ),
        )
        matches: list[PhraseMatch] = []
        covered = 0  # tokens before this index lie inside a match already taken
        for i in starts:
            if i < covered:
                continue
            for last, entry in self._candidates(norms, joined, i):
                rule = "lexicon" if accept is None else accept(tokens, i, last, entry)
                if rule is not None:
                    matches.append(PhraseMatch(i, last, entry, rule))
                    covered = last + 1
                    break
        return matches


_LAST_COLUMNS: tuple[Sequence[Token] | None, list[str], list[bool]] = (None, [], [])
"""The last token tuple whose columns :func:`_columns` built, and those columns."""


def _columns(tokens: Sequence[Token]) -> tuple[list[str], list[bool]]:
    """The ``norm`` and ``joined`` columns of ``tokens`` (read, never changed, by callers).

    Hedging and loaded wording each match the same tokens of a text, one after
    the other: the columns of the last token tuple are kept (one entry, and
    only for a tuple, which cannot change; the identity test is safe because
    the entry holds the tuple itself), so the second matcher reuses them.
    """
    global _LAST_COLUMNS
    last = _LAST_COLUMNS  # one read: another thread may replace the entry meanwhile
    if last[0] is tokens:
        return last[1], last[2]
    norms, joined = list(map(_NORM, tokens)), list(map(_JOINED, tokens))
    if type(tokens) is tuple:
        _LAST_COLUMNS = (tokens, norms, joined)
    return norms, joined


@cache
def matcher(name: str) -> PhraseMatcher:
    """Return the phrase matcher for a lexicon (built once)."""
    return PhraseMatcher(load_lexicon(name).entries)
