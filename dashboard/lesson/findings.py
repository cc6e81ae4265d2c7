"""What the lesson picks out of a story's results, shared by prompts, printouts and Method.

Read-only views over the analysed :class:`~analysis.results.article.Story`:
which contrasts to ask about (the comparison's own order, first = most
telling), which difference of a contrast to show, which facts only one
outlet reports, who hedges most, the most loaded headline, and what Slant's
word lists say about each side of a contrast (the teacher key's answers).
Nothing here re-runs an analyser or ranks contrasts: the comparison does that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from analysis.results.article import Article, Story
from analysis.results.comparison import Comparison, Contrast, CoverageRow, Difference, Lead
from analysis.results.doc import Span
from analysis.results.hedging import HedgeMatch
from analysis.results.loaded import LoadedMatch

QUOTE_KIND = "quote"
"""The comparison's kind for the same statement quoted in different words."""
PLAIN_KIND = "wording"
"""The comparison's kind for plain rewording (nothing loaded, no verb of saying)."""
M = TypeVar("M", HedgeMatch, LoadedMatch)

LESS_CERTAIN = frozenset({"hedge", "weasel", "anonymous_source"})
"""Hedging categories that make a claim sound less certain; "booster" makes it more."""


@dataclass(frozen=True)
class Pick:
    """A contrast chosen for the lesson, with the difference it is asked about.

    Args:
        number: Its number on the worksheet and the key (1, 2, 3).
        contrast: The contrast.
        difference: The difference shown (see :func:`shown_difference`).
    """

    number: int
    contrast: Contrast
    difference: Difference


@dataclass(frozen=True)
class SideFacts:
    """What Slant's word lists found in one side of a contrast.

    Args:
        article: The article id.
        words: The side's differing words ("" when it has none in their place).
        category: Their loaded-lexicon category, "" when not in the lexicon.
        neutral: The lexicon's neutral alternative, "" when none.
        loaded: Loaded words in the side's sentence, outside quotes.
        hedges: Hedges, weasel words and anonymous sources in it, outside quotes.
        boosters: Boosters in it, outside quotes.
    """

    article: str
    words: str
    category: str
    neutral: str
    loaded: tuple[LoadedMatch, ...]
    hedges: tuple[HedgeMatch, ...]
    boosters: tuple[HedgeMatch, ...]

    @property
    def certainty(self) -> int:
        """Boosters minus hedges: higher sounds more certain."""
        return len(self.boosters) - len(self.hedges)


@dataclass(frozen=True)
class Verdict:
    """The answers Slant gives for one contrast.

    Args:
        a: Side ``a``'s facts.
        b: Side ``b``'s facts.
        more_loaded: The id of the side with more loaded words, None when even.
        more_certain: The id of the side that sounds more certain by its
            boosters and hedges, None when even.
    """

    a: SideFacts
    b: SideFacts
    more_loaded: str | None
    more_certain: str | None


def shown_difference(contrast: Contrast) -> Difference | None:
    """The difference of a contrast that the lesson asks about.

    The comparison lists a contrast's differences most telling first; among
    them the lesson prefers one with words on both sides that is more than
    plain rewording, then a one-sided one that is, then any two-sided one.

    Args:
        contrast: A contrast.

    Returns:
        The difference, or None when the contrast has none.
    """
    ds = contrast.differences
    for wanted in (
        lambda d: d.a and d.b and d.kind != PLAIN_KIND,
        lambda d: d.kind != PLAIN_KIND,
        lambda d: d.a and d.b,
    ):
        found = next((d for d in ds if wanted(d)), None)
        if found is not None:
            return found
    return ds[0] if ds else None


def lesson_contrasts(comparison: Comparison | None, n: int = 3) -> tuple[Pick, ...]:
    """Up to ``n`` contrasts for the worksheet, in the comparison's order.

    Contrasts whose shown difference is more than plain rewording come first;
    a contrast repeating the words of one already picked is skipped.

    Args:
        comparison: The story's comparison, or None.
        n: How many to pick.

    Returns:
        The picks, numbered from 1.
    """
    if comparison is None:
        return ()
    candidates = []
    seen = set()
    for contrast in comparison.contrasts:
        d = shown_difference(contrast)
        if d is None:
            continue
        key = (d.kind, frozenset({d.a.lower(), d.b.lower()}))
        if key in seen:
            continue
        seen.add(key)
        candidates.append((d.kind == PLAIN_KIND, contrast, d))
    candidates.sort(key=lambda c: c[0])  # stable: the comparison's order within each kind
    return tuple(Pick(i, c, d) for i, (_, c, d) in enumerate(candidates[:n], start=1))


def top_contrast(comparison: Comparison | None) -> Pick | None:
    """The contrast the Compare prompt asks about (the first lesson contrast)."""
    picks = lesson_contrasts(comparison, 1)
    return picks[0] if picks else None


def quote_difference(comparison: Comparison | None) -> tuple[Contrast, Difference] | None:
    """The first difference of the quote-wording kind, if the comparison has one."""
    if comparison is None:
        return None
    for contrast in comparison.contrasts:
        for d in contrast.differences:
            if d.kind == QUOTE_KIND and d.a and d.b:
                return contrast, d
    return None


def only_one_rows(comparison: Comparison | None) -> tuple[CoverageRow, ...]:
    """Facts only one outlet reports, most prominent first.

    Prominent means in the headline, then in the first paragraph, then
    earlier in the article; otherwise the comparison's order.
    """
    if comparison is None:
        return ()
    rows = [r for r in comparison.coverage if len(r.articles) == 1]
    return tuple(
        sorted(
            rows,
            key=lambda r: (
                not r.in_headline,
                not r.in_first_paragraph,
                r.positions[0] if r.positions else 1.0,
            ),
        )
    )


def hedging_extremes(story: Story) -> tuple[Article, Article] | None:
    """The article that hedges most and the one that hedges least.

    Returns:
        ``(most, least)`` by hedges per 100 words, or None when no article
        hedges, or all hedge equally (nothing to discuss).
    """
    rated = [a for a in story.articles if a.hedging is not None]
    if len(rated) < 2:
        return None
    most = max(rated, key=lambda a: a.hedging.rates.hedge)
    least = min(rated, key=lambda a: a.hedging.rates.hedge)
    if most.hedging.rates.hedge <= least.hedging.rates.hedge:
        return None
    return most, least


def most_loaded_headline(comparison: Comparison | None) -> Lead | None:
    """The lead whose headline has the most loaded words (the first on a tie), or None."""
    if comparison is None:
        return None
    best = max(comparison.leads, key=lambda lead: len(lead.headline_loaded), default=None)
    return best if best is not None and best.headline_loaded else None


def first_loaded(story: Story) -> tuple[Article, LoadedMatch] | None:
    """The story's first loaded word outside quotes (articles in story order)."""
    for article in story.articles:
        if article.loaded is None:
            continue
        for m in article.loaded.matches:
            if not m.in_quote:
                return article, m
    return None


def sentence_at(article: Article, offset: int) -> Span | None:
    """The sentence of ``article`` that holds character ``offset``."""
    return next((s for s in article.sentences if s.start <= offset < s.end), None)


def _own(matches: tuple[M, ...], start: int, end: int) -> tuple[M, ...]:
    """The matches inside ``[start, end)`` that are the outlet's own words (not quoted)."""
    return tuple(m for m in matches if start <= m.start and m.end <= end and not m.in_quote)


def _loaded_in(article: Article, start: int, end: int) -> tuple[LoadedMatch, ...]:
    return _own(article.loaded.matches, start, end) if article.loaded is not None else ()


def _hedges_in(article: Article, start: int, end: int) -> tuple[HedgeMatch, ...]:
    return _own(article.hedging.matches, start, end) if article.hedging is not None else ()


def _side(story: Story, contrast: Contrast, d: Difference, side: str) -> SideFacts:
    s = contrast.a if side == "a" else contrast.b
    article = story.article(s.article)
    hedging = _hedges_in(article, s.start, s.end)
    words, category, neutral = (
        (d.a, d.a_category, d.a_neutral) if side == "a" else (d.b, d.b_category, d.b_neutral)
    )
    return SideFacts(
        article=s.article,
        words=words,
        category=category,
        neutral=neutral,
        loaded=_loaded_in(article, s.start, s.end),
        hedges=tuple(m for m in hedging if m.category in LESS_CERTAIN),
        boosters=tuple(m for m in hedging if m.category == "booster"),
    )


def _more(a: int, b: int, a_id: str, b_id: str) -> str | None:
    return a_id if a > b else b_id if b > a else None


def verdict(story: Story, pick: Pick) -> Verdict:
    """What Slant's word lists say about both sides of a picked contrast.

    More loaded: the side whose sentence has more loaded words outside quotes;
    when they have as many, the side whose differing words are in the loaded
    lexicon and the other's are not. More certain: boosters minus hedges
    (hedges, weasel words and anonymous sources) in each sentence.

    Args:
        story: The analysed story.
        pick: A contrast from :func:`lesson_contrasts`.

    Returns:
        Both sides' facts and the two answers.
    """
    c, d = pick.contrast, pick.difference
    a, b = _side(story, c, d, "a"), _side(story, c, d, "b")
    loaded = _more(len(a.loaded), len(b.loaded), a.article, b.article)
    if loaded is None:
        loaded = _more(bool(a.category), bool(b.category), a.article, b.article)
    return Verdict(a, b, loaded, _more(a.certainty, b.certainty, a.article, b.article))
