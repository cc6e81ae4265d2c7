"""Headlines and first paragraphs side by side, with tone and loaded words.

Reads results only, never re-runs an analyser: the lead's sentiment is the
mean VADER compound of its sentences, taken from the article's ``sentiment``
result; the headline's is the score of the headline's sentence in the
article's :class:`~analysis.results.article.Headline` (which the pipeline
analysed like the body). Loaded words come from the ``loaded`` results of the
body and of the headline.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.results.article import Article
from analysis.results.comparison import Lead, WordHit
from analysis.results.loaded import LoadedMatch


def _hits(matches: Sequence[LoadedMatch], start: int, end: int) -> tuple[WordHit, ...]:
    return tuple(
        WordHit(m.start, m.end, m.text, m.category, m.neutral)
        for m in matches
        if start <= m.start and m.end <= end
    )


def lead_of(article: Article) -> Lead:
    """One article's headline and lead."""
    first = article.paragraphs[0] if article.paragraphs else None
    start, end = (first.start, first.end) if first else (0, 0)
    inside = [s.compound for s in article.sentiment.sentences if start <= s.start < end]
    mean = round(sum(inside) / len(inside), 3) if inside else None
    head = article.headline
    title = head.title if article.title else None
    headline_score = None
    head_hits: tuple[WordHit, ...] = ()
    if title is not None:
        scored = next((s for s in head.sentiment.sentences if s.start == title.start), None)
        if scored is not None and not scored.error:
            headline_score = round(scored.compound, 3)
        head_hits = _hits(head.loaded.matches, title.start, title.end)
    return Lead(
        article.id,
        article.outlet,
        article.title,
        article.text[start:end],
        start,
        end,
        mean,
        headline_score,
        _hits(article.loaded.matches, start, end),
        head_hits,
    )


def build_leads(articles: Sequence[Article]) -> tuple[Lead, ...]:
    """Every article's headline and lead, in story order."""
    return tuple(lead_of(a) for a in articles)
