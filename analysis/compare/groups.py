"""Aligned groups as results, each with a label and a reason in words."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.compare.align import KEYWORDS, LABEL_MAX_WORDS, Alignment, Edge
from analysis.results.comparison import Group, Member

MAX_REASONS = 3


def short_name(article) -> str:
    """How reasons name an article: its outlet, else its id."""
    return getattr(article, "outlet", "") or article.id


def label(text: str, max_words: int = LABEL_MAX_WORDS) -> str:
    """The first ``max_words`` words of a sentence, with "…" when cut."""
    words = text.split()
    if len(words) <= max_words:
        return text
    return " ".join(words[:max_words]).rstrip(",;:") + " …"


def describe(edge: Edge, articles: Sequence, al: Alignment) -> str:
    """One link in words: what the two sentences share."""
    ua, ub = al.units[edge.x], al.units[edge.y]
    who = f"{short_name(articles[ua.article])} and {short_name(articles[ub.article])}"
    if edge.quote and edge.anchor:
        return f"{who} share the quote “{edge.quote}”"
    words = ", ".join(edge.shared[:5])
    text = f"{who} share {len(edge.shared)} content words ({words}; cosine {edge.score:.2f})"
    if edge.quote:
        text += f" and the quoted words “{edge.quote}”"
    if edge.distinctive and edge.score < 0.2:
        rare = ", ".join(f"“{w}”" for w in edge.distinctive[:3])
        verb = "appears" if len(edge.distinctive[:3]) == 1 else "appear"
        text += f"; {rare} {verb} in no other sentence of those articles"
    return text


def build_groups(articles: Sequence, al: Alignment) -> tuple[Group, ...]:
    """The alignment's groups as result objects, in story order."""
    out = []
    for gi, members in enumerate(al.groups):
        units = [al.units[m] for m in members]
        edges = al.explained(gi, MAX_REASONS)
        total = len(al.group_edges[gi])
        quote = next((e.quote for e in edges if e.anchor), "")
        reason = "; ".join(describe(e, articles, al) for e in edges)
        if total > MAX_REASONS:
            reason += f"; and {total - MAX_REASONS} more links"
        keywords = _keywords(units, al)
        common = set(keywords_stems(units))
        rep = max(units, key=lambda u: (len(u.stems & common), -len(u.text)))
        out.append(
            Group(
                id=gi,
                label=label(rep.text),
                members=tuple(
                    Member(articles[u.article].id, u.start, u.end, u.text, u.sentence)
                    for u in units
                ),
                reason=reason + ".",
                quote=quote,
                score=round(max((e.score for e in al.group_edges[gi]), default=0.0), 3),
                keywords=keywords,
                articles=tuple(dict.fromkeys(articles[u.article].id for u in units)),
            )
        )
    return tuple(out)


def keywords_stems(units) -> list[str]:
    """Stems used by at least two articles of the group."""
    seen: dict[str, set[int]] = {}
    for u in units:
        for s in u.stems:
            seen.setdefault(s, set()).add(u.article)
    return [s for s, arts in seen.items() if len(arts) >= 2]


def _keywords(units, al: Alignment) -> tuple[str, ...]:
    stems = sorted(keywords_stems(units), key=lambda s: (-al.idf.get(s, 0.0), s))[:KEYWORDS]
    return tuple(next(u.surface[s] for u in units if s in u.surface) for s in stems)
