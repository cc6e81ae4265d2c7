"""Aligned groups as results, each with a fact label and structured links."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.compare.align import KEYWORDS, Alignment, Edge
from analysis.compare.labels import fact_label, stem_articles
from analysis.compare.units import Unit
from analysis.results.comparison import Group, Link, Member

MAX_REASONS = 3


def link(edge: Edge, articles: Sequence, al: Alignment) -> Link:
    """One explained edge as a result: article ids, shared words, score."""
    ua, ub = al.units[edge.x], al.units[edge.y]
    return Link(
        a=articles[ua.article].id,
        b=articles[ub.article].id,
        a_sentence=ua.sentence,
        b_sentence=ub.sentence,
        score=round(edge.score, 3),
        anchor=edge.anchor,
        shared=edge.shared,
        distinctive=edge.distinctive,
        quote=edge.quote,
        cosine=edge.cosine,
        evidence=edge.evidence,
    )


def representative(units: Sequence[Unit]) -> Unit:
    """The member sharing most words with the others (shortest among equals)."""
    common = set(keywords_stems(units))
    return max(units, key=lambda u: (len(u.stems & common), -len(u.text)))


def build_groups(articles: Sequence, al: Alignment) -> tuple[Group, ...]:
    """The alignment's groups as result objects, in story order."""
    out = []
    for gi, members in enumerate(al.groups):
        units = [al.units[m] for m in members]
        edges = al.explained(gi, MAX_REASONS)
        total = len(al.group_edges[gi])
        quote = next((e.quote for e in edges if e.anchor), "")
        out.append(
            Group(
                id=gi,
                label=fact_label(units, al.idf, quote, al.themes),
                members=tuple(
                    Member(articles[u.article].id, u.start, u.end, u.text, u.sentence)
                    for u in units
                ),
                links=tuple(link(e, articles, al) for e in edges),
                more_links=max(0, total - MAX_REASONS),
                quote=quote,
                score=round(max((e.score for e in al.group_edges[gi]), default=0.0), 3),
                keywords=_keywords(units, al),
                articles=tuple(dict.fromkeys(articles[u.article].id for u in units)),
            )
        )
    return tuple(out)


def keywords_stems(units) -> list[str]:
    """Stems used by at least two articles of the group."""
    return [s for s, arts in stem_articles(units).items() if len(arts) >= 2]



def _keywords(units, al: Alignment) -> tuple[str, ...]:
    stems = sorted(keywords_stems(units), key=lambda s: (-al.idf.get(s, 0.0), s))[:KEYWORDS]
    return tuple(next(u.surface[s] for u in units if s in u.surface) for s in stems)
