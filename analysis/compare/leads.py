"""Headlines and first paragraphs side by side, with tone and loaded words.

Sentiment is the mean VADER compound of the lead's sentences, taken from the
article's ``sentiment`` result; the headline is scored the same way. Loaded
words come from the article's ``loaded`` result (and the same lexicon for the
headline). When an analyser was skipped its figures are ``None`` or empty.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.results.comparison import Lead, WordHit


def _headline_sentiment(title: str) -> float | None:
    from analysis.measures.sentiment import score_sentence

    scored = score_sentence(title)
    return None if scored.error else round(scored.compound, 3)


def _headline_loaded(title: str) -> tuple[WordHit, ...]:
    from analysis.measures.loaded import find_matches

    return tuple(
        WordHit(m.start, m.end, m.text, m.category, m.neutral) for m in find_matches(title)
    )


def lead_of(article) -> Lead:
    """One article's headline and lead."""
    paras = article.paragraphs or ()
    first = paras[0] if paras else None
    start, end = (first.start, first.end) if first else (0, 0)
    title = getattr(article, "title", "") or ""
    sentiment = getattr(article, "sentiment", None)
    mean = headline_score = None
    if sentiment is not None:
        inside = [s.compound for s in sentiment.sentences if start <= s.start < end]
        mean = round(sum(inside) / len(inside), 3) if inside else None
        headline_score = _headline_sentiment(title) if title else None
    loaded = getattr(article, "loaded", None)
    lead_hits: tuple[WordHit, ...] = ()
    head_hits: tuple[WordHit, ...] = ()
    if loaded is not None:
        lead_hits = tuple(
            WordHit(m.start, m.end, m.text, m.category, m.neutral)
            for m in loaded.matches
            if start <= m.start and m.end <= end
        )
        head_hits = _headline_loaded(title) if title else ()
    return Lead(
        article.id,
        getattr(article, "outlet", "") or "",
        title,
        article.text[start:end],
        start,
        end,
        mean,
        headline_score,
        lead_hits,
        head_hits,
    )


def build_leads(articles: Sequence) -> tuple[Lead, ...]:
    """Every article's headline and lead, in story order."""
    return tuple(lead_of(a) for a in articles)
