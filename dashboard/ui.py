"""What every page draws with: the current view, the safety net, charts and tables.

Pages call :func:`run_page` at the end of their script; it turns any
exception into a friendly message (details go to the server console, never to
the screen). Charts that need no tooltips are drawn on the server as SVG and
cached per spec (:func:`svg_charts`); the others are Vega-Lite charts in the
browser without their export menu (:func:`interactive_chart`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import streamlit as st

from dashboard.builders import charts, svg
from dashboard.builders.escape import esc, md_escape
from dashboard.builders.view import View
from dashboard.lesson.prompts import page_prompts

log = logging.getLogger("slant.dashboard")

FRIENDLY_ERROR = (
    "Something went wrong while drawing this part of the page. The details were written to "
    "the console where Slant is running; the other views still work. Try another story or "
    "reload the page."
)
NO_STORY = "No story is loaded. Pick one in the sidebar, or add your own on 'Your articles'."
NO_ARTICLES = (
    "This story has no article that could be analysed. The messages below say why for each "
    "file; fix or replace those files on 'Your articles'."
)
VIEW_KEY = "view"

CLASSROOM_CSS = """
<style>
html { font-size: 21px !important; }
[data-testid="stAppViewContainer"] p, [data-testid="stAppViewContainer"] li,
.slant-text { font-size: 1.12rem; }
[data-testid="stToolbar"] [data-testid="stMainMenu"], [data-testid="stAppDeployButton"],
[data-testid="stDecoration"], [data-testid="stStatusWidget"], #MainMenu, footer,
[data-testid="stElementToolbar"], .vega-embed summary, .vega-embed .vega-actions {
  display: none !important; }
.block-container { padding-top: 4rem !important; }
h1 { font-size: 2.1rem !important; padding-top: 0.4rem !important; }
h2 { font-size: 1.6rem !important; }
</style>
"""
"""Projector mode: larger type; developer menus and chart/table toolbars hidden.

The header stays: it holds the control that reopens a collapsed sidebar.
"""


def current() -> View | None:
    """The view built by the sidebar for this script run."""
    return st.session_state.get(VIEW_KEY)


def run_page(name: str, render: Callable[[View], None], needs_story: bool = True) -> None:
    """Draw a page inside the safety net.

    Args:
        name: The page's key in :data:`dashboard.lesson.prompts.PAGES`.
        render: Draws the page from the view (None on pages that need no story).
        needs_story: When True and no story is loaded, say so instead.
    """
    view = current()
    if view is not None and view.classroom:
        # Prompts follow the story on screen (its top contrast, a fact one
        # outlet alone reports ...), naming outlets as the view does.
        prompt = page_prompts(view.story, view.name).get(name)
        if prompt:
            st.info(f"**Discuss:** {md_escape(prompt)}", icon=":material/forum:")
    if needs_story:
        if view is None:
            st.info(NO_STORY)
            return
        if not view.articles:
            st.warning(NO_ARTICLES)
            show_errors(view)
            return
    try:
        render(view)
    except Exception:  # noqa: BLE001 - never a traceback on screen
        log.exception("page %s failed", name)
        st.error(FRIENDLY_ERROR)


def show_errors(view: View) -> None:
    """List the files that could not be read, each named (escaped)."""
    errors = view.story.errors
    if not errors:
        return
    with st.expander(f"{len(errors)} file(s) or row(s) could not be analysed", True):
        rows = "".join(
            f"<li><code>{esc(e.file)}</code>: {esc(e.message)}</li>" for e in errors
        )
        st.html(f"<ul class='slant-errors'>{rows}</ul>")


@st.cache_data(show_spinner=False, max_entries=256)
def _svg(view_key: str, name: str, _view: View) -> tuple[str | None, str]:
    chart, hint = charts.BUILDERS[name](_view)[:2]
    if chart is None:
        return None, hint
    return svg.spec_svg(charts.styled(chart, charts.WIDTH)), hint


@st.cache_data(show_spinner=False, max_entries=256)
def _figure(view_key: str, name: str, title: str, _view: View) -> str:
    picture, hint = _svg(view_key, name, _view)
    return svg.svg_figure(picture, title, hint)


def svg_charts(view: View, shown: Sequence[tuple[str, str]]) -> None:
    """Draw charts as SVG pictures made on the server, each with its heading and hint.

    All of them go in one HTML block (see :func:`svg.svg_figure`). The
    pictures are cached per story, naming and chart (the spec is a function
    of these), so a page switch costs no chart compilation.

    Args:
        view: The current view (its ``key`` names the story content and naming).
        shown: ``(title, name)`` pairs, ``name`` a key of :data:`charts.BUILDERS`.
    """
    st.html(svg.FIGURE_CSS + "".join(_figure(view.key, name, title, view) for title, name in shown))


@st.cache_data(show_spinner=False, max_entries=256)
def _spec(view_key: str, name: str, _view: View) -> tuple[dict | None, str]:
    chart, hint = charts.BUILDERS[name](_view)[:2]
    return (None if chart is None else charts.styled(chart)), hint


def chart_spec(view: View, name: str) -> tuple[dict | None, str]:
    """A chart's styled Vega-Lite spec and hint, built and validated once per story and naming.

    Altair validates a chart against the Vega-Lite schema every time it is
    converted, which costs more than drawing it; caching keeps page switches fast.
    """
    return _spec(view.key, name, view)


def interactive_chart(spec: dict, **kwargs) -> object:
    """Draw a Vega-Lite spec in the browser (tooltips, clicks); its menu is off in the spec.

    The spec sets its own width (a step per outlet, or pixels): a chart that
    stretches to its column can be laid out before the column has its width
    and collapse to a strip.

    Args:
        spec: A spec from :func:`chart_spec` or :func:`charts.styled`.
        **kwargs: Passed to :func:`st.vega_lite_chart` (``on_select``, ``key``...).

    Returns:
        What :func:`st.vega_lite_chart` returns (the selection event, if any).
    """
    return st.vega_lite_chart(spec, width="content", **kwargs)


@st.cache_resource(show_spinner=False)
def warm_renderer() -> bool:
    """Compile one chart at start-up, so the first visitor's charts are not the slow ones."""
    svg.warm()
    return True
