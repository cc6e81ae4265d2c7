"""Write a story as JSON, JSONL, CSV or a plain-text table.

All formats are views of the same :class:`~analysis.results.article.Story`; the CLI and
the dashboard's download buttons call these functions, so they never drift.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from analysis.input.loading import show_controls
from analysis.outputs.serialize import dumps
from analysis.results import figures
from analysis.results.article import Article, FileError, Story

# OWASP CSV injection: a cell starting with one of these can run as a formula
# in a spreadsheet, so text cells that do are prefixed with a single quote.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def story_json(story: Story, indent: int | None = 2) -> str:
    """The JSON contract: ``{"story", "articles", "comparison", "errors"}``.

    Args:
        story: The analysed story.
        indent: JSON indentation (None for compact).

    Returns:
        The JSON text (non-finite numbers as null).
    """
    return dumps(story, indent=indent)


def article_jsonl(item: Article | FileError) -> str:
    """One line of JSONL: an article, or ``{"error": {...}}`` for a failure.

    Args:
        item: An analysed article or the error that replaced it.

    Returns:
        A single line of JSON without the newline.
    """
    if isinstance(item, FileError):
        return dumps({"error": item})
    return dumps(item)


def safe_cell(value: Any) -> Any:
    """Neutralise a CSV cell that a spreadsheet would run as a formula.

    Numbers pass through untouched (a negative score stays a number); text
    starting with ``= + - @``, tab or carriage return gets a leading ``'``.

    Args:
        value: A cell value.

    Returns:
        The value, safe to open in a spreadsheet.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def attr_path(obj: Any, *path: str) -> Any:
    """Follow attribute names from ``obj``, stopping at the first None.

    Kept for the dashboard's charts; new code reads figures through
    :func:`analysis.results.figures.get` and the figures table.

    Args:
        obj: A result object, or None.
        *path: Attribute names, e.g. ``("sentiment", "mean")``.

    Returns:
        The value at the end of the path, or None when any step is missing.
    """
    for name in path:
        if obj is None:
            return None
        obj = getattr(obj, name, None)
    return obj


def article_row(article: Article) -> dict[str, Any]:
    """The flat CSV row for one article: its key figures (:data:`FIGURES`).

    Args:
        article: An analysed article.

    Returns:
        Column name to value, in display order.
    """
    return figures.row(article)


def _cell(value: Any) -> Any:
    # Control and bidi characters as visible stand-ins first (so `cat out.csv`
    # cannot drive the terminal), then formula-safe for spreadsheets.
    return safe_cell(show_controls(value) if isinstance(value, str) else value)


def story_csv(articles: Iterable[Article]) -> str:
    """One row per article, every text cell formula-safe.

    Args:
        articles: Analysed articles.

    Returns:
        CSV text with a header row.
    """
    rows = [article_row(a) for a in articles]
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
    return buffer.getvalue()
