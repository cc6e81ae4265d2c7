"""Compare: the same moment as each outlet wrote it, word choices side by side.

The most telling contrast comes first, right under the title, so it is on
screen without scrolling on a 1280×720 projector; the search box follows it.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from analysis.results.comparison import Contrast
from dashboard import ui
from dashboard.builders import charts, highlight
from dashboard.builders.charts import color, styled
from dashboard.builders.contrasts import (
    ROW_CSS,
    contrast_html,
    contrast_text,
    group_block,
    leads_html,
    ranked,
)
from dashboard.builders.escape import md_escape
from dashboard.builders.tables import html_table
from dashboard.builders.view import View

NO_COMPARISON = (
    "The cross-outlet comparison is not available for this story (it needs at least two "
    "articles, and is skipped for very large batches)."
)
CONTRASTS_SHOWN = 8
# Beyond these, large stories would send megabytes of HTML to the browser; the
# search box reaches the rest.
CONTRASTS_MAX = 60
GROUPS_MAX = 60
QUERY = "compare_query"


def matching(contrasts: list[Contrast], query: str) -> list[Contrast]:
    """The contrasts whose texts or differing words contain ``query`` (all when empty)."""
    query = query.strip().lower()
    return [c for c in contrasts if not query or query in contrast_text(c)]


def quote_rows(view: View) -> list[tuple[str, str, str, str]]:
    """Direct quotes with their speaker and attribution verb, per outlet."""
    comparison = view.story.comparison
    return [
        (view.name(q.article), q.speaker or "(not named)", q.verb or "(none)", q.text)
        for q in (comparison.quotes if comparison else ())
    ]


def verbs_chart(view: View, rows: list[tuple[str, str, str, str]]) -> alt.Chart | None:
    """How often each outlet uses each attribution verb."""
    if not rows:
        return None
    table = pd.DataFrame(rows, columns=["outlet", "speaker", "verb", "quote"])
    counts = table.groupby(["outlet", "verb"]).size().reset_index(name="count")
    return (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("verb:N", title=None, sort="-x"),
            x=alt.X("count:Q", title="Quotes introduced", axis=alt.Axis(tickMinStep=1)),
            color=color(view),
            tooltip=["outlet:N", "verb:N", "count:Q"],
        )
        .properties(height=alt.Step(28))
    )


def contrasts_section(view: View, query: str) -> None:
    """The contrasts, most telling first (all matches when searching)."""
    shown = matching(ranked(view.story.comparison), query)
    if not shown:
        st.caption("No contrast matches this search." if query else "No contrasts found.")
        return
    limit = len(shown) if query else CONTRASTS_SHOWN
    # One HTML block for all contrasts: far cheaper for the browser to draw
    # than one Streamlit element per contrast.
    more = ""
    extra = shown[limit:CONTRASTS_MAX]
    if extra:
        more = (
            f"<details><summary>{len(extra)} more contrasts</summary>"
            + "".join(contrast_html(view, c) for c in extra)
            + "</details>"
        )
    st.html(
        '<div class="slant-contrasts">'
        + "".join(contrast_html(view, c) for c in shown[:limit])
        + more + "</div>"
    )
    if len(shown) > max(limit, CONTRASTS_MAX):
        st.caption(
            f"{len(shown) - max(limit, CONTRASTS_MAX)} more contrasts; search for a word to "
            "find them."
        )


def render(view: View) -> None:
    """Draw the comparison page."""
    st.title("Compare the outlets")
    comparison = view.story.comparison
    if comparison is None:
        st.info(NO_COMPARISON)
        return
    st.html(f"<style>{highlight.CSS}</style>{ROW_CSS}")
    query = st.session_state.get(QUERY, "")
    contrasts_section(view, query)
    st.caption(
        "The same moment in two outlets' words, the most telling first. Green: attribution "
        "verbs (how a statement is introduced); yellow: loaded words. "
        "Below each pair, the words that differ and a neutral alternative where the lexicon "
        "has one."
    )
    st.text_input(
        "Find a word or phrase in the contrasts and aligned sentences", key=QUERY,
        placeholder="e.g. harshly, emphasized, aggression",
    )
    query = query.strip().lower()

    st.header("Aligned sentences")
    st.caption(
        "Sentences from different outlets that report the same thing, one row per outlet. "
        "Underlined words appear in that version only; green marks attribution verbs, "
        "yellow marks loaded words. Hover any mark for details."
    )
    groups = [
        g for g in comparison.groups
        if not query or any(query in m.text.lower() for m in g.members)
    ]
    if groups:
        st.html("".join(group_block(view, g, opened=bool(query)) for g in groups[:GROUPS_MAX]))
    if len(groups) > GROUPS_MAX:
        st.caption(f"{len(groups) - GROUPS_MAX} more groups; search for a word to find them.")
    if not groups:
        st.caption("No aligned group matches this search." if query else "No aligned groups.")

    st.header("Headlines and leads")
    st.caption("How each outlet opens the story: the headline and the first paragraph.")
    st.html(leads_html(view))

    st.header("Quotes and attribution verbs")
    st.caption(
        "Who is quoted, and with which verb. 'Said' is neutral; verbs such as 'slammed' or "
        "'spoke harshly' tell the reader how to take the quote."
    )
    rows = quote_rows(view)
    chart = verbs_chart(view, rows)
    if chart is not None:
        ui.interactive_chart(styled(chart, width=charts.WIDTH))
    st.html(html_table(("Outlet", "Speaker", "Verb", "Quote"), rows))
    sourcing = [
        (view.name(s.article), s.quotes, f"{s.quote_share:.0%}", s.named, s.anonymous,
         s.unsourced)
        for s in comparison.sourcing
    ]
    if sourcing:
        st.html(html_table(
            ("Outlet", "Quotes", "Share of text quoted", "Named sources", "Anonymous sources",
             "Unsourced claims"),
            sourcing, numeric=range(1, 6),
        ))
    for note in comparison.notes:
        st.caption(md_escape(view.scrub(note)))


ui.run_page("compare", render)
