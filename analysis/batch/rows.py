"""The flat row of an analysed article, for Parquet and Spark.

The columns are the figures table's (:func:`analysis.results.figures.columns`,
types read from the result dataclasses), then ``error``, ``error_line`` and
``json`` (the article's full JSONL line, so nothing is lost).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from analysis.outputs.export import article_jsonl
from analysis.results import figures
from analysis.results.article import Article, FileError

EXTRA_COLUMNS: tuple[tuple[str, str], ...] = (
    ("error", "string"),
    ("error_line", "bigint"),
    ("json", "string"),
)
"""Columns after the figures: what went wrong, on which line, and the full JSON."""


def columns() -> tuple[tuple[str, str], ...]:
    """``(name, kind)`` of every column of the flat row, in order."""
    return (*figures.columns(), *EXTRA_COLUMNS)


def parquet_columns() -> list[str]:
    """Column names of the flat row."""
    return [name for name, _ in columns()]


def spark_schema() -> str:
    """The flat row as a Spark DDL schema string, for ``mapInPandas``."""
    return ", ".join(f"`{name}` {kind.upper()}" for name, kind in columns())


def coerce(kind: str, value: Any) -> Any:
    """Make ``value`` fit a column of ``kind`` (None when it cannot)."""
    if value is None:
        return None
    if kind == "string":
        return value if isinstance(value, str) else str(value)
    if kind == "double":
        return float(value) if isinstance(value, (int, float)) else None
    if kind == "bigint":
        return int(value) if isinstance(value, (int, float)) else None
    return bool(value)


def parquet_row(result: Article | FileError, line: str | None = None) -> dict[str, Any]:
    """The flat row for an article or an error.

    An error's row has ``file``, ``error``, ``error_line`` and ``json`` set and
    every figure null.

    Args:
        result: An analysed article, or the error that replaced it.
        line: Its JSONL line, when already built.

    Returns:
        Column name to value.
    """
    if isinstance(result, FileError):
        row: dict[str, Any] = {"file": result.file, "error": result.message,
                               "error_line": result.line}
    else:
        row = figures.row(result)
    row["json"] = article_jsonl(result) if line is None else line
    return row


@dataclass(frozen=True)
class Outcome:
    """What the streaming path keeps of one analysed article.

    Args:
        line: The article's JSONL line (``{"error": ...}`` for a failure).
        error: The error, when the article could not be analysed.
        row: The flat Parquet row, when one was asked for.
    """

    line: str
    error: FileError | None = None
    row: dict[str, Any] | None = None


def outcome(result: Article | FileError, rows: bool = False) -> Outcome:
    """Serialise one result where it was analysed (a worker's ``finish`` step).

    Serialising in the worker keeps the parent's share of the work, and what
    crosses between processes, down to one string per article.

    Args:
        result: An analysed article, or the error that replaced it.
        rows: Also build the flat row for Parquet output.
    """
    line = article_jsonl(result)
    error = result if isinstance(result, FileError) else None
    return Outcome(line, error, parquet_row(result, line) if rows else None)
