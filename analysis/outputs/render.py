"""Plain-text rendering of a comparison, for ``slant analyze --format table``.

Pure: no Streamlit, no colour codes; one string per line.
"""

from __future__ import annotations

from collections.abc import Callable

from analysis.compare.scorer import FEATURES
from analysis.results.comparison import Comparison, Contrast, Link, Reuse

MAX_REUSE_PAIRS = 10
MAX_COVERAGE_ROWS = 30
MAX_CONTRASTS = 20
MAX_DIFFERENCES_SHOWN = 4


def short_names(article_ids: tuple[str, ...]) -> dict[str, str]:
    """Ids shortened for display, when that keeps them apart.

    Args:
        article_ids: The comparison's article ids.

    Returns:
        Each id mapped to the part before "_" ("000_8c1b..." -> "000"), or to
        itself when two ids would share a short name.
    """
    heads = {a: a.split("_", 1)[0] or a for a in article_ids}
    if len(set(heads.values())) == len(heads):
        return heads
    return {a: a for a in article_ids}


def link_text(link: Link, name: Callable[[str], str]) -> str:
    """One link of a group in words, outlets named by ``name``.

    Args:
        link: The structured link.
        name: Formats an article id (an outlet name, a blind letter, a short id).

    Returns:
        "A and B share the quote “...”" or "A and B share 4 content words
        (x, y, z; cosine 0.34)".
    """
    who = f"{name(link.a)} and {name(link.b)}"
    if link.anchor and link.quote:
        return f"{who} share the quote “{link.quote}”"
    words = ", ".join(link.shared[:5])
    text = f"{who} share {len(link.shared)} content words ({words}; cosine {link.cosine:.2f})"
    if link.quote:
        text += f" and the quoted words “{link.quote}”"
    if link.evidence:
        why = ", ".join(FEATURES.get(f, f) for f, _ in link.evidence)
        text += f"; score {link.score:.2f} from {why}"
    if link.distinctive and link.cosine < 0.2:
        rare = ", ".join(f"“{w}”" for w in link.distinctive[:3])
        verb = "appears" if len(link.distinctive[:3]) == 1 else "appear"
        text += f"; {rare} {verb} in no other sentence of those articles"
    return text


def contrast_text(contrast: Contrast, name: Callable[[str], str]) -> str:
    """A contrast on one line: the outlets, then each pair of differing words."""
    shown = [d for d in contrast.differences if d.a and d.b] or list(contrast.differences)
    pairs = "; ".join(
        f"{d.a or '(nothing)'!r} vs {d.b or '(nothing)'!r} ({d.kind})"
        for d in shown[:MAX_DIFFERENCES_SHOWN]
    )
    also = "".join(f", {name(p.a)} vs {name(p.b)}" for p in contrast.also)
    who = f"{name(contrast.a.article)} vs {name(contrast.b.article)}{also}"
    return f"[{contrast.group}] {who}: {pairs}"


def reuse_text(r: Reuse, name: Callable[[str], str]) -> str:
    """One pair's reuse: common facts and copying as two figures, and the verdict."""
    verdict = f"  {r.verdict}" if r.verdict else ""
    earlier = f" ({name(r.earlier)} is earlier)" if r.earlier and r.verdict else ""
    return (
        f"{name(r.a)} ~ {name(r.b)}: common facts {r.common_facts:.0%},"
        f" copied wording {r.copying:.0%}{verdict}{earlier}"
    )


def summary_lines(comparison: Comparison) -> list[str]:
    """The comparison as lines of plain text.

    Args:
        comparison: The story's comparison.

    Returns:
        Lines: the ranked contrasts, aligned groups with why they were
        linked, coverage, reuse, quotes and sourcing, and the headlines.
    """
    c = comparison
    names = short_names(c.articles)

    def _short(article_id: str) -> str:
        return names.get(article_id, article_id)

    lines = [f"Comparison of {len(c.articles)} articles"]
    lines += [f"  note: {n}" for n in c.notes]
    lines.append("")
    lines.append(f"Word choices that differ ({len(c.contrasts)}, most telling first)")
    for k in c.contrasts[:MAX_CONTRASTS]:
        lines.append(f"  {contrast_text(k, _short)}")
    if len(c.contrasts) > MAX_CONTRASTS:
        lines.append(f"  ... and {len(c.contrasts) - MAX_CONTRASTS} more")
    lines.append("")
    lines.append(f"Aligned groups ({len(c.groups)})")
    for g in c.groups:
        ids = ", ".join(_short(a) for a in g.articles)
        lines.append(f"  [{g.id}] {g.label}  ({ids})")
        why = "; ".join(link_text(link, _short) for link in g.links)
        if g.more_links:
            why += f"; and {g.more_links} more links"
        lines.append(f"      why: {why}.")
    lines.append("")
    lines.append("Coverage (fact: outlets; * = only one outlet, - = most leave it out)")
    for row in c.coverage[:MAX_COVERAGE_ROWS]:
        flag = "*" if row.only_one else ("-" if row.most_omit else " ")
        ids = ", ".join(_short(a) for a in row.articles)
        lines.append(f"  {flag} {row.label}  [{ids}]")
    if len(c.coverage) > MAX_COVERAGE_ROWS:
        lines.append(f"  ... and {len(c.coverage) - MAX_COVERAGE_ROWS} more facts")
    lines.append("")
    lines.append(
        "Text reuse (common facts: share of sentences in shared facts;"
        " copied wording: share of 5-word runs found in both)"
    )
    for r in c.reuse[:MAX_REUSE_PAIRS]:
        lines.append(f"  {reuse_text(r, _short)}")
    lines.append("")
    lines.append("Quotes")
    for q in c.quotes:
        who = q.speaker or (
            f"(unresolved “{q.unresolved}”)" if q.unresolved else "(speaker not found)"
        )
        if q.role:
            who += f", {q.role}"
        verb = f" {q.verb}" if q.verb else ""
        lines.append(f"  {_short(q.article)}: {q.text}  — {who}{verb}")
    lines.append("")
    lines.append(
        "Sourcing (quote share; sentences named / anonymous-source cues / sentences with no source)"
    )
    for s in c.sourcing:
        lines.append(
            f"  {_short(s.article)}: {s.quote_share:.0%} quoted;"
            f" {s.named} / {s.anonymous} / {s.unsourced}"
        )
    lines.append("")
    lines.append("Headlines")
    for lead in c.leads:
        tone = "" if lead.headline_sentiment is None else f" (tone {lead.headline_sentiment:+.2f})"
        lines.append(f"  {_short(lead.article)}: {lead.headline or '(no headline)'}{tone}")
    return lines
