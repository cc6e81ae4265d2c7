"""Export: the story as CSV and JSON, the printable handout, the worksheet and the key.

The download buttons live on a page of their own, not in the sidebar: on the
first screen each kind of widget makes the browser fetch its own JavaScript
before the page is drawn (see docs/dashboard.md, "Speed").
"""

from __future__ import annotations

import streamlit as st

from dashboard import sidebar, ui
from dashboard.builders.escape import md_escape
from dashboard.builders.view import View


def render(view: View) -> None:
    """Draw the export page."""
    st.title("Export")
    st.caption(md_escape(view.story.story.title))
    sidebar.downloads(view)


ui.run_page("export", render)
