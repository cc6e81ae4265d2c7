"""Coverage: which outlet reports which fact, and how much text they share."""

from __future__ import annotations

import streamlit as st

from analysis.results.comparison import Reuse
from dashboard import ui
from dashboard.builders.escape import esc
from dashboard.builders.view import View

PASSAGES_SHOWN = 5


def _pair_label(view: View, reuse: Reuse) -> str:
    return f"{view.name(reuse.a)} and {view.name(reuse.b)} ({reuse.common_facts:.0%} common facts)"


def passages_html(view: View, reuse: Reuse) -> str:
    """The longest passages two articles share, escaped."""
    if not reuse.shared:
        return "<p><i>No passage of five or more words is shared word for word.</i></p>"
    items = "".join(
        f"<blockquote style='border-left:4px solid #9ecae1;margin:0.4rem 0;"
        f"padding:0.2rem 0.6rem;white-space:pre-wrap'>{esc(p.text)}"
        f"<div style='font-size:0.8em;color:#666'>{p.words} words</div></blockquote>"
        for p in reuse.shared[:PASSAGES_SHOWN]
    )
    return (
        f"<div><b style='color:{view.color(reuse.a)}'>{esc(view.name(reuse.a))}</b> and "
        f"<b style='color:{view.color(reuse.b)}'>{esc(view.name(reuse.b))}</b> share "
        f"{reuse.copying:.0%} of their five-word runs (copied wording); "
        f"{reuse.common_facts:.0%} of their sentences report the same facts"
        f"{'; ' + esc(reuse.verdict) if reuse.verdict else ''}.</div>{items}"
    )


def _selected_pair(event) -> tuple[str, str] | None:
    try:
        points = event.selection["pair"]
    except (AttributeError, KeyError, TypeError):
        return None
    if not points:
        return None
    point = points[0]
    return point.get("a_id"), point.get("b_id")


def render(view: View) -> None:
    """Draw the coverage page."""
    st.title("Coverage")
    comparison = view.story.comparison
    if comparison is None:
        st.info("The comparison is not available for this story, so there is no coverage map.")
        return

    st.header("Facts and outlets")
    spec, hint = ui.chart_spec(view, "coverage")
    if spec is None:
        st.caption("No facts were found to compare.")
    else:
        ui.interactive_chart(spec)
    st.caption(hint)
    only_one = [r for r in comparison.coverage if r.only_one]
    most_omit = [r for r in comparison.coverage if r.most_omit and not r.only_one]
    left, right = st.columns(2)
    with left:
        st.subheader("★ Reported by one outlet only")
        st.html(
            "<ul>" + "".join(
                f"<li><b style='color:{view.color(r.articles[0])}'>"
                f"{esc(view.name(r.articles[0]))}</b>: {esc(r.label)}</li>"
                for r in only_one if r.articles
            ) + "</ul>" if only_one else "<p><i>None.</i></p>"
        )
    with right:
        st.subheader("∅ Left out by most outlets")
        st.html(
            "<ul>" + "".join(
                f"<li>{esc(r.label)} <span style='color:#666'>(only "
                f"{esc(', '.join(view.name(a) for a in r.articles))})</span></li>"
                for r in most_omit
            ) + "</ul>" if most_omit else "<p><i>None.</i></p>"
        )

    st.header("Text reuse")
    spec, hint = ui.chart_spec(view, "reuse")
    if spec is None:
        st.caption("No reuse figures for this story.")
        return
    event = ui.interactive_chart(spec, on_select="rerun", key="reuse_chart",
                                 selection_mode="pair")
    st.caption(hint)
    pairs = list(comparison.reuse)
    selected = _selected_pair(event)
    # Follow a click on the chart, but only when the click changed, so that a
    # later choice in the box below is not overridden by the old click.
    if selected is not None and selected != st.session_state.get("reuse_clicked"):
        st.session_state["reuse_clicked"] = selected
        for i, r in enumerate(pairs):
            if {r.a, r.b} == set(selected):
                st.session_state["reuse_pair"] = i
    if st.session_state.get("reuse_pair") not in range(len(pairs)):
        st.session_state["reuse_pair"] = 0
    chosen = st.selectbox(
        "Shared passages between", range(len(pairs)), key="reuse_pair",
        format_func=lambda i: _pair_label(view, pairs[i]),
    )
    st.html(passages_html(view, pairs[chosen]))


ui.run_page("coverage", render)
