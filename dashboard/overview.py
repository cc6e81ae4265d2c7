"""Overview: one card per outlet with its key figures, then charts comparing them."""

from __future__ import annotations

import math

import streamlit as st

from dashboard import charts
from dashboard.state import View, esc, md_escape, run_page, show_errors

CARD_CSS = """
<style>
.slant-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr));
  gap: 0.8rem; margin-bottom: 0.5rem; }
.slant-card { border: 1px solid #d0d5dd; border-top: 6px solid var(--c); border-radius: 6px;
  padding: 0.6rem 0.7rem; background: #fff; }
.slant-card .outlet { font-weight: 700; color: var(--c); font-size: 1.05em; }
.slant-card .kind { font-size: 0.8em; color: #555; text-transform: uppercase;
  letter-spacing: 0.03em; }
.slant-card .headline { font-weight: 600; margin: 0.35rem 0; line-height: 1.3; }
.slant-card .meta { font-size: 0.82em; color: #555; margin-bottom: 0.3rem; }
.slant-card .fig { display: grid; grid-template-columns: 5.8em 3.2em 1fr; align-items: center;
  gap: 0.3em; font-size: 0.85em; margin: 0.15rem 0; }
.slant-card .val { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
.slant-card .bar { position: relative; height: 0.6em; background: #eef0f3; border-radius: 3px; }
.slant-card .bar .fill { position: absolute; top: 0; bottom: 0; background: var(--c);
  border-radius: 3px; }
.slant-card .bar .mid { position: absolute; left: 50%; top: -2px; bottom: -2px; width: 1px;
  background: #888; }
.slant-card .note { font-size: 0.75em; color: #8a6d00; }
</style>
"""

MEASURES = (
    ("sentiment", "Sentiment", "Mean VADER score of the sentences, -1 to +1.", True),
    ("hedges", "Hedges", "Hedging words per 100 words (outside quotes).", False),
    ("boosters", "Boosters", "Certainty words per 100 words (outside quotes).", False),
    ("weasels", "Weasels", "Weasel words and anonymous sources per 100 words.", False),
    ("loaded", "Loaded", "Loaded words per 100 words (outside quotes).", False),
    ("grade", "Grade", "Flesch-Kincaid reading grade (US school years).", False),
)
# (column, label, tooltip, centred) for each figure on a card.


def _number(value: object) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _bar(value: float | None, scale: float, centred: bool) -> str:
    """A bar whose geometry comes only from numbers computed here."""
    if value is None or scale <= 0:
        return '<div class="bar"></div>'
    if centred:
        share = max(-1.0, min(1.0, value / scale)) * 50
        left = 50 + min(share, 0)
        return (
            f'<div class="bar"><div class="fill" style="left:{left:.1f}%;'
            f'width:{abs(share):.1f}%"></div><div class="mid"></div></div>'
        )
    width = max(0.0, min(1.0, value / scale)) * 100
    return f'<div class="bar"><div class="fill" style="left:0;width:{width:.1f}%"></div></div>'


def cards_html(view: View) -> str:
    """The outlet cards, every text escaped, bars on scales shared across outlets."""
    table = charts.figures(view)
    scales = {}
    for column, _, _, centred in MEASURES:
        values = [abs(v) for v in map(_number, table[column]) if v is not None]
        top = max(values, default=0.0)
        scales[column] = max(top, 0.2) if centred else top
    cards = []
    for article, (_, row) in zip(view.articles, table.iterrows(), strict=True):
        figs = []
        for column, label, tip, centred in MEASURES:
            value = _number(row[column])
            if column == "grade" and not row["grade_reliable"]:
                text = "—"
                value = None
            elif value is None:
                text = "—"
            elif column == "sentiment":
                text = f"{value:+.2f}"
            else:
                text = f"{value:.1f}"
            figs.append(
                f'<div class="fig" title="{esc(tip)}"><span>{label}</span>'
                f'<span class="val">{text}</span>{_bar(value, scales[column], centred)}</div>'
            )
        note = ""
        if not row["grade_reliable"] and row["grade_note"]:
            note = f'<div class="note">Reading grade: {esc(row["grade_note"])}</div>'
        kind = view.kind(article)
        byline = "" if view.anonymous or not article.byline else f" · by {esc(article.byline)}"
        headline = article.title or "(no headline found)"
        cards.append(
            f'<div class="slant-card" style="--c:{view.color(article.id)}">'
            f'<div class="outlet">{esc(view.name(article.id))}</div>'
            f'<div class="kind">{esc(kind)}</div>'
            f'<div class="headline">{esc(headline)}</div>'
            f'<div class="meta">{article.word_count} words{byline}</div>'
            f'{"".join(figs)}{note}</div>'
        )
    return CARD_CSS + f'<div class="slant-cards">{"".join(cards)}</div>'


def _chart(view: View, title: str, name: str) -> None:
    spec, hint = charts.spec(view, name)
    st.subheader(title)
    if spec is None:
        st.caption("Not available for this story.")
    else:
        st.vega_lite_chart(spec, width="stretch")
    st.caption(hint)


def render(view: View) -> None:
    """Draw the overview."""
    info = view.story.story
    st.title(md_escape(info.title))
    details = [f"{len(view.articles)} articles"]
    if info.date:
        details.append(md_escape(info.date))
    st.caption(" · ".join(details))
    show_errors(view.story)
    st.html(cards_html(view))
    st.caption(
        "Bars share one scale per figure across the outlets, so you can compare lengths "
        "directly. The sentiment bar grows left (negative) or right (positive) from the "
        "middle line. Hover a figure for its definition."
    )
    table = charts.figures(view).drop(columns=["id", "grade_reliable"])
    with st.expander("The same figures as a table"):
        st.dataframe(
            table, hide_index=True, width="stretch",
            column_config={
                "sentiment": st.column_config.NumberColumn("Sentiment", format="%+.2f"),
                "hedges": st.column_config.NumberColumn("Hedges /100", format="%.2f"),
                "boosters": st.column_config.NumberColumn("Boosters /100", format="%.2f"),
                "weasels": st.column_config.NumberColumn("Weasels /100", format="%.2f"),
                "loaded": st.column_config.NumberColumn("Loaded /100", format="%.2f"),
                "grade": st.column_config.NumberColumn("Grade", format="%.1f"),
                "grade_note": "Grade note",
            },
        )
    left, right = st.columns(2)
    with left:
        _chart(view, "Sentence sentiment", "sentence_sentiment")
        _chart(view, "Hedging and sourcing", "hedging_rates")
    with right:
        _chart(view, "Sentiment through the article", "sentiment_arc")
        _chart(view, "Loaded wording", "loaded_rates")
    _chart(view, "Readability", "readability")


# Streamlit runs each page as "__main__"; importing the module (the handout
# reuses its builders) must not draw the page.
if __name__ == "__main__":
    run_page("overview", render)
