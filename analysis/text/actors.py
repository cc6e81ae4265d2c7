"""Who a story is about: guessing actors, and finding where they are mentioned.

A story's manifest may list its actors with aliases (``China``: ``Beijing``,
``Chinese``). Without one, :func:`guess_actors` takes the most mentioned
capitalised names: runs of capitalised words, with sentence-opening words,
titles ("Mr.", "President"), months and days left out, and a lone surname
counted towards the full name it belongs to ("Hegseth" -> "Pete Hegseth").

Matching (:func:`mentions`) is on word boundaries, so "China" matches
"China's" but not "Chinatown", and "Trump" not "Trumpet". A person's name
("Donald Trump", "Elizabeth Warren") also matches its surname ("Trump",
"Warren"), and any name may carry a title in front ("Mr. Trump", "Sen.
Warren", "President Trump"), which is then part of the mention. Case is
ignored where that is safe: a capitalised name matches whatever the case of
its other letters ("TRUMP" in a headline) as long as the first letter is a
capital, so "Turkey" does not match "turkey"; acronyms ("US", "NATO") match
only as written, so "US" does not match "us"; a name given in lower case in a
manifest ("defence secretary") matches in any case. Possessives and
hyphenated compounds ("U.S.-Japan") count.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from analysis.results.doc import Actor, Span

MIN_MENTIONS = 2
"""A guessed name must occur at least this often across the texts."""

# A capitalised word ("Hegseth", "O'Brien", "Jean-Luc"), an acronym ("NATO")
# or dotted initials ("U.S."); runs of them separated by single spaces form
# candidate names.
_CAP_WORD = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w'’\-]*[\w])"
_CANDIDATE = re.compile(rf"(?<![\w'’\-]){_CAP_WORD}(?:[ \u00a0]{_CAP_WORD})*")
_PLAIN_WORD = re.compile(r"[A-Z][a-z][\w'’\-]*")
_POSSESSIVE = re.compile(r"['’]s?$")

# Titles and honorifics dropped from the front of a name.
_TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady president vice prime minister
    secretary sen senator rep representative gov governor gen general adm
    admiral col colonel capt captain lt chancellor premier king queen prince
    princess pope rev judge justice chief mayor ambassador defense defence
    foreign state deputy former acting""".split()
)

# Words that are capitalised only because they open a sentence or a headline,
# plus calendar names; a run is cut at any of them.
_STOP = frozenset(
    """a an the and but or nor so yet for in on at to of by with from as into
    onto over under after before during since until about against between
    through without within while when where which who whom whose what why how
    if then than though although because unless whether this that these those
    it its he she they we i you his her their our my your him them us me there
    here all any some no not each every both either neither many much more
    most such other another one two three four five six seven eight nine ten
    first last next is are was were be been has have had do does did will
    would can could should may might must shall also just only even still
    however meanwhile moreover yes mr mrs ms dr said says according
    january february march april may june july august september october
    november december monday tuesday wednesday thursday friday saturday sunday
    today yesterday tomorrow""".split()
)


def _clean_words(run: str) -> list[str]:
    """Split a capitalised run into words, without possessive endings."""
    return [_POSSESSIVE.sub("", w).rstrip(".") if not _is_initials(w) else w for w in run.split()]


def _is_initials(word: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", word))


def _name_parts(run: str) -> list[list[str]]:
    """Cut a run at stopwords, titles, months and days; return the word groups."""
    groups: list[list[str]] = [[]]
    for word in _clean_words(run):
        key = word.lower().rstrip(".")
        if key in _STOP or key in _TITLES:
            if groups[-1]:
                groups.append([])
            continue
        groups[-1].append(word)
    return [g for g in groups if g]


def guess_actors(texts: Iterable[str], limit: int = 6) -> tuple[Actor, ...]:
    """Guess a story's actors: the most mentioned capitalised names in ``texts``.

    Args:
        texts: The articles of a story (guessing over all of them gives every
            outlet the same actors, so their per-actor means compare).
        limit: How many actors to return at most.

    Returns:
        Actors, most mentioned first. A single word that is the last word of a
        longer name ("Hegseth" of "Pete Hegseth") is counted towards that name
        and given as its alias. Names seen fewer than :data:`MIN_MENTIONS`
        times are left out.

    """
    counts: Counter[str] = Counter()
    lowercase_words: set[str] = set()
    for text in texts:
        lowercase_words.update(re.findall(r"\b[a-z][a-z'’\-]+\b", text))
        for m in _CANDIDATE.finditer(text):
            for group in _name_parts(m.group()):
                counts[" ".join(group)] += 1

    # A lone capitalised word that also appears in lower case ("Officials" /
    # "officials") is an ordinary word at the start of a sentence.
    for name in list(counts):
        if " " not in name and name.lower() in lowercase_words:
            del counts[name]

    # Fold a lone surname into the most frequent person-like name ending with
    # it: two or three plain capitalised words whose first word is not itself
    # a frequent name ("Pete Hegseth" takes "Hegseth"; "Japan China", from a
    # list of keywords, does not take "China").
    surname_of: dict[str, str] = {}
    for name, _ in counts.most_common():
        parts = name.split(" ")
        if (
            2 <= len(parts) <= 3
            and all(_PLAIN_WORD.fullmatch(p) for p in parts)
            and counts.get(parts[0], 0) < MIN_MENTIONS
        ):
            surname_of.setdefault(parts[-1], name)
    totals: Counter[str] = Counter()
    aliases: dict[str, list[str]] = {}
    for name, n in counts.items():
        full = surname_of.get(name) if " " not in name else None
        if full is not None:
            totals[full] += n
            aliases.setdefault(full, []).append(name)
        else:
            totals[name] += n
    ranked = [(name, n) for name, n in totals.most_common() if n >= MIN_MENTIONS]
    return tuple(Actor(name, tuple(aliases.get(name, ()))) for name, _ in ranked[:limit])


# Titles that may stand before a mention and are then part of it.
_MENTION_TITLES = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Sen",
    "Senator",
    "Rep",
    "Representative",
    "Gov",
    "Governor",
    "Gen",
    "General",
    "President",
    "Vice President",
    "Prime Minister",
    "Secretary",
    "Chancellor",
    "Mayor",
    "Judge",
    "Justice",
    "Speaker",
    "Leader",
    "Minister",
    "Ambassador",
)
_TITLE_PREFIX = (
    r"(?:(?:"
    + "|".join(r"\s+".join(t.split()) for t in sorted(_MENTION_TITLES, key=len, reverse=True))
    + r")\.?\s+)?"
)

# A last word that makes a two- or three-word name a place or a body, not a
# person, so it gets no surname alias ("United States" never matches "States").
_NOT_SURNAMES = frozenset(
    """states kingdom nations union party department court house council ministry
    republic korea africa america arabia zealand coast island islands city county
    bank street times post news force forces army navy office agency committee senate
    congress administration government guard service association organization
    corporation company group command university college school institute foundation
    fund reserve commission security affairs sea strait river mountains east west
    north south minister secretary president york jersey carolina dakota virginia
    airlines motors media network league club square hall center centre""".split()
)


def surname(name: str) -> str | None:
    """The surname of a person's name ("Donald Trump" -> "Trump"), else None.

    A name counts as a person's when it is two or three plain capitalised
    words ("Pete Hegseth", "Mary Kay Ash", "Donald J. Trump") whose last word is not a word of
    places and bodies ("United States", "Supreme Court").
    """
    parts = name.split()
    middle_initial = len(parts) == 3 and re.fullmatch(r"[A-Z]\.", parts[1]) is not None
    plain = [p for k, p in enumerate(parts) if not (k == 1 and middle_initial)]
    if not 2 <= len(parts) <= 3 or not all(_PLAIN_WORD.fullmatch(p) for p in plain):
        return None
    if parts[-1].lower() in _NOT_SURNAMES or parts[0].lower().rstrip(".") in _TITLES:
        return None
    return parts[-1]


def _form(name: str, guard: str = "") -> str:
    """The regex for one name, case-insensitive where that is safe (see module docs).

    ``guard`` is put right after the name's first character (see :func:`_pattern`).
    """
    words = name.split()
    if name.islower():
        return "(?i:" + r"\s+".join(map(re.escape, words)) + ")"
    out = []
    for w in words:
        acronym = w.isupper() or _is_initials(w) or not w[:1].isupper()
        rest = re.escape(w[1:]) if acronym else "(?i:" + re.escape(w[1:]) + ")"
        out.append(re.escape(w[0]) + (guard if not out else "") + rest)
    return r"\s+".join(out)


# After a mention's first character: the character before it is no word
# character (the look-behind spans the first character and the one before).
_GUARD = r"(?<![\w][\s\S])"
_TITLES_ORDERED = sorted(_MENTION_TITLES, key=len, reverse=True)


def _names(actor: Actor) -> list[str]:
    """The names a mention of ``actor`` may use (surnames added), longest first."""
    names = {n.strip() for n in actor.names if n.strip()}
    names.update(filter(None, (surname(n) for n in list(names))))
    return sorted(names, key=len, reverse=True)


def _plain_pattern(names: list[str]) -> re.Pattern[str]:
    """The mention pattern as written first: a look-behind, an optional title, the names.

    Word boundaries that also work for names ending in "." ("U.S.").
    """
    alternatives = "|".join(_form(n) for n in names)
    return re.compile(rf"(?<![\w]){_TITLE_PREFIX}(?:{alternatives})(?![\w])")


@lru_cache(maxsize=256)
def _pattern(actor: Actor) -> re.Pattern[str] | None:
    names = _names(actor)
    if not names:
        return None
    if any(n.islower() for n in names):
        # A lower-case name matches in any case from its first letter on: no
        # literal first character to skip to.
        return _plain_pattern(names)
    # The same matches as :func:`_plain_pattern`, tried in the same order
    # (each title with every name, then every name alone), written as one
    # alternation whose every branch starts with a literal character, the
    # look-behind moved after it: ``re`` then skips in C to the characters a
    # mention can start with, where a leading look-behind made it try every
    # position (three times faster on the corpus).
    alternatives = "|".join(_form(n) for n in names)
    titled = (
        t[0] + _GUARD + r"\s+".join([t.split()[0][1:], *t.split()[1:]]) for t in _TITLES_ORDERED
    )
    branches = [rf"{t}\.?\s+(?:{alternatives})(?![\w])" for t in titled]
    branches += [rf"{_form(n, _GUARD)}(?![\w])" for n in names]
    return re.compile("|".join(branches))


def mentions(actor: Actor, text: str) -> list[Span]:
    """Where ``actor`` (by its name or any alias) is mentioned in ``text``.

    Args:
        actor: The actor to look for.
        text: The text to search.

    Returns:
        Spans into ``text``, in order, not overlapping (the longest name wins
        where names overlap, e.g. "Pete Hegseth" over "Hegseth"); a title in
        front is part of the span ("Mr. Trump").

    """
    pattern = _pattern(actor)
    if pattern is None:
        return []
    return [Span(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
