"""Plain HTML tables: cheap for the browser, printable, every cell escaped.

A Streamlit dataframe loads a grid component of several hundred kilobytes of
JavaScript; a table that is only read (the overview's figures, the quotes)
needs none of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from dashboard.builders.escape import esc

TABLE_CSS = """
<style>
.slant-table { border-collapse: collapse; width: 100%; font-size: 0.92em; margin: 0.3rem 0; }
.slant-table th, .slant-table td { border-bottom: 1px solid #dde1e6; padding: 0.25rem 0.5rem;
  text-align: left; vertical-align: top; }
.slant-table th { background: #f2f4f7; font-weight: 600; }
.slant-table td.num { text-align: right; font-variant-numeric: tabular-nums; }
</style>
"""
"""Styles for :func:`html_table`."""


def html_table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], numeric: Sequence[int] = ()
) -> str:
    """A table with a header row; each cell is escaped text.

    Args:
        headers: Column titles.
        rows: The cells, already formatted as the reader should see them.
        numeric: Indexes of the columns to align right.

    Returns:
        The styles and a ``<table>``.
    """
    right = set(numeric)
    num = ' class="num"'
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(
            f"<td{num if i in right else ''}>{esc(cell)}</td>" for i, cell in enumerate(row)
        ) + "</tr>"
        for row in rows
    )
    return (
        f'{TABLE_CSS}<table class="slant-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )
