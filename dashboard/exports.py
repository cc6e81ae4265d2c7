"""The sidebar's download buttons: CSV, JSON (as the CLI writes them) and the handout."""

from __future__ import annotations

import re

import streamlit as st

from analysis import messages
from dashboard.state import View

ANONYMOUS_NOTE = messages.APP_ANONYMOUS_EXPORTS


def file_stem(title: str) -> str:
    """A safe ASCII file name stem from a story title."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()[:50]
    return stem or "story"


def sidebar_downloads(view: View) -> None:
    """Draw the export buttons for the current story."""
    from analysis.outputs.export import story_csv, story_json

    stem = file_stem(view.story.story.title)
    st.divider()
    st.caption("Export")
    if view.anonymous:
        st.caption(ANONYMOUS_NOTE)
    else:
        story = view.story
        st.download_button(
            "CSV (one row per article)", lambda: story_csv(story.articles),
            file_name=f"{stem}.csv", mime="text/csv", key="dl_csv", on_click="ignore",
        )
        st.download_button(
            "JSON (as the CLI)", lambda: story_json(story),
            file_name=f"{stem}.json", mime="application/json", key="dl_json", on_click="ignore",
        )

    def handout() -> str:
        from dashboard.handout import build_handout

        return build_handout(view)

    st.download_button(
        "Printable handout (HTML)", handout, file_name=f"{stem}-handout.html",
        mime="text/html", key="dl_handout", on_click="ignore",
        help="One self-contained HTML file with the charts and highlighted excerpts; "
        "works offline and prints well.",
    )
