"""The plain-text report that ``slant analyze --format table`` prints.

Its figure lines come from the figures table
(:func:`analysis.results.figures.report_lines`), formatted as the dashboard's
cards format them, so the report, the CSV and the cards cannot drift apart.
Every line passes through :func:`~analysis.input.loading.show_controls` (the
stand-ins file names get), so no title, outlet or quote can send control codes
to the terminal.
"""

from __future__ import annotations

from analysis.input.loading import show_controls
from analysis.results import figures
from analysis.results.article import Article, Story


def _figure_line(article: Article, name: str, figs: tuple[figures.Figure, ...]) -> str:
    # Units only where a bare number would be ambiguous (rates); the others
    # read as they are (+0.57, 90%, grade 11.6).
    shown = "; ".join(
        f"{f.label} {figures.formatted(article, f, unit=f.format == 'rate')}" for f in figs
    )
    return f"  {name:<10} {shown}"


def article_lines(article: Article) -> list[str]:
    """The report block for one article: its figures, as the figures table lists them.

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
    for name, figs in figures.report_lines():
        if name == "reading" and not article.readability.reliable:
            lines.append(f"  {name:<10} not measured: {article.readability.reason}")
            continue
        line = _figure_line(article, name, figs)
        if name == "loaded":
            line += f" ({_loaded_summary(article)})"
        lines.append(line)
    for warning in article.warnings:
        lines.append(f"  warning    {warning}")
    return lines


def _loaded_summary(article: Article) -> str:
    own = [m for m in article.loaded.matches if not m.in_quote]
    loaded = [m.text.lower() for m in own if m.counted]
    emphatic = [m.text.lower() for m in own if not m.counted]
    summary = (
        f"outlet's own words: {', '.join(dict.fromkeys(loaded))}"
        if loaded
        else "none in the outlet's own words"
    )
    if emphatic:
        summary += f"; emphatic, not counted: {', '.join(dict.fromkeys(emphatic))}"
    return summary


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
    return "\n".join(show_controls(line) for line in lines).rstrip()
