"""Overview: one card per outlet with its key figures, then charts comparing them.

The charts are pictures drawn on the server (no tooltips needed here), so the
page opens without loading Vega in the browser; the Article page has the
sentence-by-sentence detail.
"""

from __future__ import annotations

import streamlit as st

from analysis.results import figures as figs
from dashboard import ui
from dashboard.builders.cards import cards_html
from dashboard.builders.escape import md_escape
from dashboard.builders.tables import html_table
from dashboard.builders.view import View

CHARTS = (
    ("Sentence sentiment", "sentence_sentiment"),
    ("Sentiment through the article", "sentiment_arc"),
    ("Hedging and sourcing", "hedging_rates"),
    ("Loaded wording", "loaded_rates"),
    ("Readability", "readability"),
)


def figures_table(view: View) -> str:
    """The card figures of every outlet as a plain HTML table, with units."""
    headers = ["Outlet", "Kind", "Words"] + [
        f"{f.label} ({f.unit})" if f.unit else f.label for f in figs.CARD_FIGURES
    ]
    rows = [
        [view.name(a.id), view.kind(a), f"{a.word_count:,}"]
        + [figs.formatted(a, f) for f in figs.CARD_FIGURES]
        for a in view.articles
    ]
    return html_table(headers, rows, numeric=range(2, len(headers)))


def render(view: View) -> None:
    """Draw the overview."""
    info = view.story.story
    st.title(md_escape(info.title))
    details = [f"{len(view.articles)} articles"]
    if info.date:
        details.append(md_escape(info.date))
    st.caption(" · ".join(details))
    ui.show_errors(view)
    st.html(cards_html(view))
    st.caption(
        "Bars share one scale per figure across the outlets, so you can compare lengths "
        "directly. The sentiment bar grows left (negative) or right (positive) from the "
        "middle line. Hover a figure for its definition."
    )
    with st.expander("The same figures as a table"):
        st.html(figures_table(view))
    ui.svg_charts(view, CHARTS)


ui.run_page("overview", render)
