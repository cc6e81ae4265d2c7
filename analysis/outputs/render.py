"""Plain-text rendering of a comparison, for ``slant analyze --format table``.

Pure: no Streamlit, no colour codes; one string per line.
"""

from __future__ import annotations

from analysis.results.comparison import Comparison

MAX_REUSE_PAIRS = 10
MAX_COVERAGE_ROWS = 30


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


def summary_lines(comparison: Comparison) -> list[str]:
    """The comparison as lines of plain text.

    Args:
        comparison: The story's comparison.

    Returns:
        Lines: aligned groups with their differences, coverage, reuse, quotes
        and sourcing, and the headlines.
    """
    c = comparison
    names = short_names(c.articles)

    def _short(article_id: str) -> str:
        return names.get(article_id, article_id)

    lines = [f"Comparison of {len(c.articles)} articles"]
    lines += [f"  note: {n}" for n in c.notes]
    lines.append("")
    lines.append(f"Aligned groups ({len(c.groups)})")
    for g in c.groups:
        ids = ", ".join(_short(a) for a in g.articles)
        lines.append(f"  [{g.id}] {g.label}  ({ids})")
        lines.append(f"      why: {g.reason}")
        for k in c.contrasts:
            if k.group != g.id:
                continue
            diffs = [d for d in k.differences if d.a and d.b]
            if diffs:
                pairs = "; ".join(f"{d.a!r} vs {d.b!r} ({d.kind})" for d in diffs[:4])
                lines.append(f"      {_short(k.a.article)} vs {_short(k.b.article)}: {pairs}")
    lines.append("")
    lines.append("Coverage (fact: outlets; * = only one outlet, - = most leave it out)")
    for row in c.coverage[:MAX_COVERAGE_ROWS]:
        flag = "*" if row.only_one else ("-" if row.most_omit else " ")
        ids = ", ".join(_short(a) for a in row.articles)
        lines.append(f"  {flag} {row.label}  [{ids}]")
    if len(c.coverage) > MAX_COVERAGE_ROWS:
        lines.append(f"  ... and {len(c.coverage) - MAX_COVERAGE_ROWS} more facts")
    lines.append("")
    lines.append("Text reuse (score = mean of 5-word overlap and aligned-sentence share)")
    for r in c.reuse[:MAX_REUSE_PAIRS]:
        lines.append(
            f"  {_short(r.a)} ~ {_short(r.b)}: {r.score:.2f}"
            f"  (overlap {r.shingles:.2f}, aligned {r.aligned:.2f})"
        )
    lines.append("")
    lines.append("Quotes")
    for q in c.quotes:
        who = q.speaker or "(speaker not found)"
        verb = f" {q.verb}" if q.verb else ""
        lines.append(f"  {_short(q.article)}: {q.text}  — {who}{verb}")
    lines.append("")
    lines.append("Sourcing (quote share; sentences named / anonymous / no source)")
    for s in c.sourcing:
        lines.append(
            f"  {_short(s.article)} {s.outlet}: {s.quote_share:.0%} quoted;"
            f" {s.named} / {s.anonymous} / {s.unsourced}"
        )
    lines.append("")
    lines.append("Headlines")
    for lead in c.leads:
        tone = "" if lead.headline_sentiment is None else f" (tone {lead.headline_sentiment:+.2f})"
        lines.append(f"  {_short(lead.article)}: {lead.headline or '(no headline)'}{tone}")
    return lines
