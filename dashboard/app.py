"""Slant's dashboard: run ``streamlit run dashboard/app.py``.

The entrypoint owns the state: it draws the story picker and the classroom
switches (see :mod:`dashboard.state`), then runs the page chosen in the
navigation. Each page is a file in this folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

# ``streamlit run dashboard/app.py`` puts dashboard/ on the path, not the
# repository root; add it so ``analysis`` and ``dashboard`` import without an
# installed package.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

import streamlit as st  # noqa: E402

st.set_page_config(page_title="Slant", page_icon=":material/newspaper:", layout="wide")

try:
    from dashboard import state
except Exception:  # noqa: BLE001 - a broken install must not show a traceback
    import logging

    logging.getLogger("slant.dashboard").exception("Slant could not start")
    from analysis import messages  # a leaf of the standard library only: it still loads

    st.error(messages.APP_FAILED_TO_START)
    st.stop()

PAGES = [
    st.Page("overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("article.py", title="Article", icon=":material/article:"),
    st.Page("compare.py", title="Compare", icon=":material/compare_arrows:"),
    st.Page("coverage.py", title="Coverage", icon=":material/grid_on:"),
    st.Page("method.py", title="Method", icon=":material/functions:"),
    st.Page("own_articles.py", title="Your articles", icon=":material/folder_open:"),
]

navigation = st.navigation(PAGES)
try:
    state.sidebar()
except Exception:  # noqa: BLE001 - never a traceback on screen
    state.log.exception("the sidebar failed")
    st.error(state.FRIENDLY_ERROR)
navigation.run()
