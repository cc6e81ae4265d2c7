"""Article: the cleaned text with switchable highlight layers, one or two side by side."""

from __future__ import annotations

import streamlit as st

from analysis.results.article import Article
from dashboard import ui
from dashboard.builders import highlight
from dashboard.builders.escape import esc, md_escape
from dashboard.builders.tables import html_table
from dashboard.builders.view import View

LAYER_SHORT = {
    "sentiment": "Sentence sentiment",
    "quotes": "Quotes",
    "loaded": "Loaded wording",
    "hedges": "Hedges",
    "boosters": "Boosters",
    "weasels": "Weasels and anonymous sources",
    "passive": "Passive, no doer",
}
LAYER_DEFAULTS = {
    "sentiment": False, "quotes": True, "loaded": True, "hedges": True, "boosters": True,
    "weasels": True, "passive": False,
}


@st.cache_data(show_spinner=False, max_entries=256)
def _highlighted(view_key: str, article_id: str, layers: tuple[str, ...], _article: Article) -> str:
    """Highlighted HTML for one article and layer set (cached per story content)."""
    return highlight.highlight_article(_article, layers)


def chosen_layers() -> tuple[str, ...]:
    """The layer switches (pills that wrap on a projector); returns the layers on."""
    if "layers" not in st.session_state:
        st.session_state["layers"] = [k for k, on in LAYER_DEFAULTS.items() if on]
    chosen = st.pills(
        "Highlight", list(highlight.LAYERS), selection_mode="multi", key="layers",
        format_func=LAYER_SHORT.get,
        help="Switch each kind of highlight on or off. " + " ".join(
            f"{LAYER_SHORT[k]}: {highlight.LAYER_HELP[k]}" for k in highlight.LAYERS
        ),
    )
    return tuple(layer for layer in highlight.LAYERS if layer in (chosen or ()))


def _header(view: View, article: Article) -> str:
    kind = view.kind(article)
    parts = [f"{article.word_count} words"]
    if kind:
        parts.insert(0, esc(kind))
    if article.byline and not view.anonymous:
        parts.append(f"by {esc(article.byline)}")
    standfirst = (
        f'<p style="font-style:italic;margin:0.2rem 0 0.6rem 0">{esc(article.standfirst)}</p>'
        if article.standfirst else ""
    )
    return (
        f'<div style="border-left:6px solid {view.color(article.id)};padding-left:0.6rem">'
        f'<div style="font-weight:700;color:{view.color(article.id)}">'
        f"{esc(view.name(article.id))}</div>"
        f'<div style="font-size:1.35em;font-weight:700;line-height:1.25;margin:0.2rem 0">'
        f"{esc(article.title or '(no headline found)')}</div>"
        f'<div style="font-size:0.85em;color:#555">{" · ".join(parts)}</div>{standfirst}</div>'
    )


MARK_HEADERS = ("Text", "Layer", "Category", "Neutral alternative", "Rule", "Note")
SENTENCE_HEADERS = ("#", "Score", "Sentence", "Moved by")


def marks_rows(article: Article, layers: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every highlighted cue (not sentence shading) with its details, one row each."""
    return [
        (
            article.text[mark.start : mark.end],
            highlight.LAYER_LABELS[mark.layer],
            mark.category.replace("_", " "),
            mark.neutral,
            mark.rule,
            mark.note,
        )
        for mark in highlight.marks_for_article(article, layers)
        if mark.layer != "sentiment"
    ]


def sentence_rows(article: Article) -> list[tuple[str, ...]]:
    """Each sentence, its score and the words that moved it."""
    return [
        (str(i), f"{s.compound:+.2f}", article.text[s.start : s.end], highlight.sentence_note(s))
        for i, s in enumerate(article.sentiment.sentences if article.sentiment else (), start=1)
    ]


def show_article(view: View, article: Article, layers: tuple[str, ...], slot: str) -> None:
    """Draw one article: header, warnings, highlighted text, details, removed blocks."""
    st.html(_header(view, article))
    for warning in article.warnings:
        st.warning(md_escape(warning))
    st.html(f"<style>{highlight.CSS}</style>" + highlight.legend(layers))
    st.html(_highlighted(view.key, article.id, layers, article))
    # Plain HTML tables: a collapsed section must not load the dataframe grid.
    marks = marks_rows(article, layers)
    with st.expander(f"Highlighted words and why ({len(marks)})"):
        if not marks:
            st.caption("No highlighted words in the layers switched on.")
        else:
            st.html(html_table(MARK_HEADERS, marks))
    sentences = sentence_rows(article)
    with st.expander("Sentence by sentence: the words that moved the sentiment"):
        if not sentences:
            st.caption("Sentiment was not analysed for this article.")
        else:
            st.html(html_table(SENTENCE_HEADERS, sentences, numeric=(0, 1)))
    with st.expander(f"Removed before analysis ({len(article.removed)} blocks)"):
        if not article.removed:
            st.caption("Nothing was removed.")
        if view.anonymous and article.removed:
            # Bylines, bios and link lists name the outlet: only the reasons are
            # shown until the teacher reveals the outlets.
            st.caption("The removed text is hidden until the outlets are revealed.")
            st.html("<ul>" + "".join(f"<li>{esc(b.reason)}</li>" for b in article.removed)
                    + "</ul>")
            return
        for block in article.removed:
            st.html(
                f"<div style='margin:0.3rem 0'><b>{esc(block.reason)}</b> "
                f"<span style='color:#777;font-size:0.8em'>({esc(block.rule)})</span></div>"
                f"<div style='white-space:pre-wrap;color:#555;border-left:3px solid #ccc;"
                f"padding-left:0.5rem;font-size:0.9em'>{esc(block.text)}</div>"
            )


def _picker(view: View, label: str, key: str, default: int) -> Article:
    ids = [a.id for a in view.articles]
    if st.session_state.get(key) not in ids:
        st.session_state[key] = ids[min(default, len(ids) - 1)]
    chosen = st.selectbox(label, ids, key=key, format_func=view.name)
    return view.story.article(chosen)


def render(view: View) -> None:
    """Draw the article view."""
    st.title("Article")
    two = st.toggle(
        "Two articles side by side", key="side_by_side", disabled=len(view.articles) < 2
    )
    layers = chosen_layers()
    if two and len(view.articles) >= 2:
        left, right = st.columns(2)
        with left:
            first = _picker(view, "Left", "article_left", 0)
            show_article(view, first, layers, "left")
        with right:
            second = _picker(view, "Right", "article_right", 1)
            show_article(view, second, layers, "right")
    else:
        article = _picker(view, "Article", "article_left", 0)
        show_article(view, article, layers, "one")
    st.caption(
        "Hover over a highlighted word for its category, a neutral alternative and the rule "
        "that found it; click it (or press Tab) to pin the details. With sentence shading on, "
        "hover a sentence to see the words that moved its score."
    )


ui.run_page("article", render)
