"""The plain-text report that ``slant analyze --format table`` prints.

It shows the figures the dashboard's overview shows, in the same order and
with the same rounding, read from the same :class:`~analysis.results.article.Story`.
"""

from __future__ import annotations

from analysis.results.article import Article, Story


def _num(value: float | None, digits: int = 2, signed: bool = False) -> str:
    if value is None:
        return "–"
    return f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def article_lines(article: Article) -> list[str]:
    """The report block for one article.

    Args:
        article: An analysed article.

    Returns:
        Lines of text, without trailing newlines.
    """
    lines = [
        f"{article.outlet} ({article.kind})  [{article.id}]",
        f"  headline   {article.title or '(none detected)'}",
        f"  words      {article.word_count} in {len(article.sentences)} sentences;"
        f" {len(article.removed)} block(s) of boilerplate removed",
    ]
    s = article.sentiment
    if s is not None:
        lines.append(
            f"  sentiment  mean {_num(s.mean, signed=True)};"
            f" positive {_pct(s.positive_share)}, neutral {_pct(s.neutral_share)},"
            f" negative {_pct(s.negative_share)} of sentences"
        )
    h = article.hedging
    if h is not None:
        r = h.rates
        lines.append(
            f"  hedging    per 100 words: hedges {_num(r.hedge)}, boosters {_num(r.booster)},"
            f" weasel {_num(r.weasel)}, anonymous sources {_num(r.anonymous_source)}"
        )
    lo = article.loaded
    if lo is not None:
        lines.append(f"  loaded     {_num(lo.rate)} per 100 words ({_loaded_summary(article)})")
    rd = article.readability
    if rd is not None:
        if rd.reliable:
            lines.append(
                f"  reading    grade {_num(rd.flesch_kincaid_grade, 1)} (Flesch–Kincaid),"
                f" reading ease {_num(rd.flesch_reading_ease, 1)}"
            )
        else:
            lines.append(f"  reading    not measured: {rd.reason}")
    for warning in article.warnings:
        lines.append(f"  warning    {warning}")
    return lines


def _loaded_summary(article: Article) -> str:
    outlet_words = [m.text for m in article.loaded.matches if not m.in_quote]
    if not outlet_words:
        return "none in the outlet's own words"
    shown = ", ".join(dict.fromkeys(w.lower() for w in outlet_words))
    return f"outlet's own words: {shown}"


def story_table(story: Story) -> str:
    """The whole plain-text report.

    Args:
        story: The analysed story.

    Returns:
        The report text.
    """
    lines = [story.story.title, "=" * len(story.story.title), ""]
    for article in story.articles:
        lines.extend(article_lines(article))
        lines.append("")
    if story.comparison is not None:
        from analysis.outputs.render import summary_lines

        lines.extend(summary_lines(story.comparison))
        lines.append("")
    for error in story.errors:
        where = error.file + (f" (line {error.line})" if error.line else "")
        lines.append(f"not analysed: {where}: {error.message}")
    return "\n".join(lines).rstrip()
