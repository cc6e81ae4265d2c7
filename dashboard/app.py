"""Slant's dashboard: run ``bash scripts/dashboard.sh`` (or ``streamlit run dashboard/app.py``).

The frame: it checks the server's safety settings, warms the chart renderer
and the seed story, draws the sidebar (classroom controls, story picker,
downloads; see :mod:`dashboard.sidebar`) and runs the page chosen in the
navigation. Each page is a script in ``dashboard/views/``; the pages import
downwards only (:mod:`dashboard.ui`, :mod:`dashboard.stories`,
:mod:`dashboard.builders`).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

# ``streamlit run dashboard/app.py`` puts dashboard/ on the path, not the
# repository root; add it so ``analysis`` and ``dashboard`` import without an
# installed package.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

import streamlit as st  # noqa: E402

from dashboard import settings  # noqa: E402

ICON = Path(__file__).resolve().parent / "static" / "slant.png"
# A local file: as the page icon, a ":material/..." icon is fetched from Google's
# font servers. (In the navigation they come from the font Streamlit serves itself.)
st.set_page_config(page_title="Slant", page_icon=str(ICON), layout="wide")
settings.enforce()
_unsafe = settings.address_problem()
if _unsafe:
    st.error(_unsafe)
    st.stop()

try:
    from dashboard import sidebar, ui
except Exception:  # noqa: BLE001 - a broken install must not show a traceback
    logging.getLogger("slant.dashboard").exception("Slant could not start")
    from analysis import messages  # a leaf of the standard library only: it still loads

    st.error(messages.APP_FAILED_TO_START)
    st.stop()

PAGES = [
    st.Page("views/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("views/article.py", title="Article", icon=":material/article:"),
    st.Page("views/compare.py", title="Compare", icon=":material/compare_arrows:"),
    st.Page("views/coverage.py", title="Coverage", icon=":material/grid_on:"),
    st.Page("views/method.py", title="Method", icon=":material/functions:"),
    st.Page("views/export.py", title="Export", icon=":material/download:"),
    st.Page("views/own_articles.py", title="Your articles", icon=":material/folder_open:"),
]

ui.warm_renderer()
navigation = st.navigation(PAGES)
try:
    sidebar.sidebar()
except Exception:  # noqa: BLE001 - never a traceback on screen
    ui.log.exception("the sidebar failed")
    st.error(ui.FRIENDLY_ERROR)
navigation.run()
