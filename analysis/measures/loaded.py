"""Loaded wording: words that carry a judgement a reporter could have avoided.

Entries come from ``analysis/lexicons/loaded.tsv``; each has a category, a
connotation (what the word adds) and a neutral alternative. Categories:

- ``attribution``: attribution verbs other than said/told ("claimed",
  "insisted", "slammed", "lashed out");
- ``manner``: how something was said or done ("spoke harshly", "firmly");
- ``intensifier``: exaggerated degree ("wildly", "absurdly");
- ``label``: labels for actors ("communist China", "regime", "thugs");
- ``conflict``: war and conflict metaphors ("war room", "witch hunt");
- ``emotive``: charged judgement words ("crisis", "bizarre", "aggressive");
- ``puffery``: the writer's own praise or emphasis ("game changer", "crucial").

Inflections and phrases are handled by :mod:`analysis.text.lexicon`; the longest
phrase wins and matches never overlap. Words inside direct quotes are the
speaker's: reported with ``in_quote=True`` and counted apart.
"""

from __future__ import annotations

from collections.abc import Callable

from analysis.results.doc import Doc
from analysis.results.loaded import CategoryRate, LoadedMatch, LoadedResult
from analysis.text.lexicon import Entry, load_lexicon, matcher, tokenize

LEXICON = "loaded"
"""The lexicon file this analyser reads."""

ATTRIBUTION_CATEGORY = "attribution"
"""Category of attribution verbs ("claimed", "slammed"), for the comparison module."""

CATEGORIES = ("attribution", "manner", "intensifier", "label", "conflict", "emotive", "puffery")
"""Category names, in display order."""

NEUTRAL_ATTRIBUTION = frozenset(
    {
        "say", "says", "said", "saying",
        "tell", "tells", "told", "telling",
        "add", "adds", "added", "adding",
        "state", "states", "stated", "stating",
        "according to",
    }
)  # fmt: skip
"""Neutral attribution forms (said, told, according to, added, stated)."""


def lookup(word_or_phrase: str) -> Entry | None:
    """Return the lexicon entry for a word or phrase, any inflection ("slammed": slam).

    Args:
        word_or_phrase: As it appears in text; case and apostrophes do not matter.

    Returns:
        The entry, or None when it is not loaded wording.

    """
    words = [t.norm for t in tokenize(word_or_phrase)]
    return matcher(LEXICON).lookup(words) if words else None


def is_neutral_attribution(word_or_phrase: str) -> bool:
    """Whether a verb of saying is neutral ("said", "told", "according to")."""
    return " ".join(t.norm for t in tokenize(word_or_phrase)) in NEUTRAL_ATTRIBUTION


def find_matches(
    text: str, in_quote: Callable[[int, int], bool] | None = None
) -> tuple[LoadedMatch, ...]:
    """Find every loaded word or phrase in a text.

    Args:
        text: Any text.
        in_quote: Tells whether a span lies in a direct quote; by default
            nothing does.

    Returns:
        Matches in text order, never overlapping, longest phrase first.

    """
    tokens = tokenize(text)
    out = []
    for m in matcher(LEXICON).find(tokens):
        start, end = tokens[m.first].start, tokens[m.last].end
        out.append(
            LoadedMatch(
                start=start,
                end=end,
                text=text[start:end],
                category=m.entry.category,
                connotation=m.entry.connotation,
                neutral=m.entry.neutral,
                entry=m.entry.headword,
                in_quote=bool(in_quote and in_quote(start, end)),
            )
        )
    return tuple(out)


def categories() -> tuple[str, ...]:
    """Return the categories in display order, then any others the lexicon uses."""
    extra = sorted({e.category for e in load_lexicon(LEXICON).entries} - set(CATEGORIES))
    return (*CATEGORIES, *extra)


def analyse(doc: Doc) -> LoadedResult:
    """Find loaded wording in an article.

    Args:
        doc: The cleaned article.

    Returns:
        The matches and, per category, the outlet's own count, the quoted
        count and the rate per 100 words (outlet's words only).

    """
    matches = find_matches(doc.text, doc.in_quote)
    per100 = 100.0 / doc.word_count if doc.word_count > 0 else 0.0
    rows = []
    for category in categories():
        own = sum(1 for m in matches if m.category == category and not m.in_quote)
        quoted = sum(1 for m in matches if m.category == category and m.in_quote)
        rows.append(CategoryRate(category, own, quoted, own * per100))
    count = sum(r.count for r in rows)
    return LoadedResult(
        matches=matches,
        rates=tuple(rows),
        count=count,
        quoted=sum(r.quoted for r in rows),
        rate=count * per100,
        word_count=doc.word_count,
    )
