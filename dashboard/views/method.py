"""Method, for teachers: what each figure counts, an example from this story, its limits.

The sections come from :func:`dashboard.lesson.method.method_sections` (plain
words, each with an example from the story on screen and how well it agrees
with human judgements); developer detail lives in ``docs/``. The word lists
can be browsed below them.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.text.lexicon import available_lexicons, load_lexicon
from dashboard import ui
from dashboard.builders.escape import md_escape
from dashboard.builders.view import View
from dashboard.lesson.method import method_sections

# The data tables the analysers read that are weights, not word lists a
# teacher would browse.
HIDDEN_LEXICONS = frozenset({"actor_tone_weights", "vader_calibration"})


def lexicon_browser() -> None:
    """Pick a lexicon; show its sources, licence and entries."""
    names = [n for n in available_lexicons() if n not in HIDDEN_LEXICONS]
    if not names:
        st.caption("No lexicons found.")
        return
    name = st.selectbox("Lexicon", names, key="lexicon_name")
    lexicon = load_lexicon(name)
    st.markdown(f"**{md_escape(lexicon.title)}**")
    st.markdown(md_escape(lexicon.description))
    st.markdown(f"**Sources:** {md_escape(lexicon.sources)}")
    st.markdown(f"**Licence:** {md_escape(lexicon.licence)}")
    query = st.text_input("Search the entries", key="lexicon_query").strip().lower()
    rows = [
        {
            "term": e.term, "category": e.category, "form": e.pos,
            "connotation": e.connotation, "neutral alternative": e.neutral,
            "context rule": e.context, "note": e.note,
        }
        for e in lexicon.entries
        if not query or query in e.term.lower() or query in e.category.lower()
    ]
    table = pd.DataFrame(rows)
    if not table.empty:
        table = table.loc[:, (table != "").any(axis=0)]
    st.caption(f"{len(rows)} of {len(lexicon.entries)} entries")
    st.dataframe(table, hide_index=True, width="stretch", key="lexicon_table")


def render(view: View | None) -> None:
    """Draw the method page: one section per figure, then the word lists."""
    story = view.story if view is not None else None
    name = view.name if view is not None else str
    for i, section in enumerate(method_sections(story, name)):
        if i == 0:
            st.title(section.title)
        else:
            st.subheader(section.title)
        st.markdown(section.body)
    with st.expander("The word lists behind the figures", expanded=False):
        lexicon_browser()


ui.run_page("method", render, needs_story=False)
