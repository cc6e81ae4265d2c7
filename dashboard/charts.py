"""Altair charts of a story, one function per chart, each with its reading hint.

Every chart colours outlets with the view's shared scale (:meth:`View.domain`
and :meth:`View.range`), so an outlet has the same colour on every page and in
the handout. Each function returns ``(chart, sentence)``: the sentence tells a
reader what to look at, and is shown under the chart.

Chart data contains outlet names and article text; Vega-Lite draws it as SVG
or canvas text (never as HTML), and tooltips are escaped by vega-embed.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from analysis.outputs.export import attr_path
from dashboard.state import View

HEDGE_LABELS = {
    "hedge": "Hedges",
    "booster": "Boosters",
    "weasel": "Weasel words",
    "anonymous_source": "Anonymous sources",
}
TIP_CHARS = 140
"""Characters of a sentence shown in a tooltip."""


def _short(text: str, limit: int = TIP_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def color(view: View, field: str = "outlet", title: str | None = "Outlet") -> alt.Color:
    """The outlet colour encoding shared by all charts."""
    return alt.Color(
        f"{field}:N",
        scale=alt.Scale(domain=view.domain(), range=view.range()),
        legend=(
            alt.Legend(title=title, orient="bottom", columns=2, labelLimit=260) if title else None
        ),
    )


def figures(view: View) -> pd.DataFrame:
    """One row per article with the key figures shown on the overview.

    Columns: ``id, outlet, kind, words, sentiment, hedges, boosters, weasels,
    loaded, grade, grade_reliable, grade_note`` (rates per 100 words; None
    where an analyser gave no result).
    """
    rows = []
    for a in view.articles:
        rates = attr_path(a, "hedging", "rates")
        weasels = None
        if rates is not None:
            weasels = rates.weasel + rates.anonymous_source
        rows.append(
            {
                "id": a.id,
                "outlet": view.name(a.id),
                "kind": view.kind(a),
                "words": a.word_count,
                "sentiment": attr_path(a, "sentiment", "mean"),
                "hedges": attr_path(rates, "hedge"),
                "boosters": attr_path(rates, "booster"),
                "weasels": weasels,
                "loaded": attr_path(a, "loaded", "rate"),
                "grade": attr_path(a, "readability", "flesch_kincaid_grade"),
                "grade_reliable": bool(attr_path(a, "readability", "reliable")),
                "grade_note": attr_path(a, "readability", "reason") or "",
            }
        )
    return pd.DataFrame(rows)


def sentence_sentiment(view: View) -> tuple[alt.Chart | None, str]:
    """Every sentence's VADER score as a tick, one row per outlet."""
    rows = []
    for a in view.articles:
        if a.sentiment is None:
            continue
        for i, s in enumerate(a.sentiment.sentences, start=1):
            rows.append(
                {
                    "outlet": view.name(a.id),
                    "sentence": i,
                    "score": s.compound,
                    "text": _short(a.text[s.start : s.end]),
                }
            )
    hint = (
        "Each tick is one sentence, placed by its VADER score (-1 negative, +1 positive). "
        "Look at where each outlet's ticks bunch up and how far they spread, not at one tick."
    )
    if not rows:
        return None, hint
    data = pd.DataFrame(rows)
    ticks = (
        alt.Chart(data)
        .mark_tick(thickness=2, size=22, opacity=0.8)
        .encode(
            x=alt.X("score:Q", scale=alt.Scale(domain=[-1, 1]), title="Sentence sentiment"),
            y=alt.Y("outlet:N", sort=view.domain(), title=None, axis=alt.Axis(labelLimit=240)),
            color=color(view, title=None),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("sentence:Q", title="Sentence"),
                alt.Tooltip("score:Q", format="+.2f", title="Score"),
                alt.Tooltip("text:N", title="Text"),
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#888").encode(x="x:Q")
    return (ticks + zero).properties(height=alt.Step(34)), hint


def sentiment_arc(view: View) -> tuple[alt.Chart | None, str]:
    """The smoothed sentence score from the top of each article to the end."""
    rows = []
    for a in view.articles:
        for point in attr_path(a, "sentiment", "arc") or ():
            rows.append(
                {
                    "outlet": view.name(a.id),
                    "position": point.position,
                    "smoothed": point.smoothed,
                    "score": point.compound,
                }
            )
    hint = (
        "Read each line from the top of the article (left) to the end (right): it is the "
        "average tone of five neighbouring sentences. Look for where an outlet turns "
        "negative, and whether it opens or closes on that."
    )
    if not rows:
        return None, hint
    chart = (
        alt.Chart(pd.DataFrame(rows))
        .mark_line(point=True, strokeWidth=2.5)
        .encode(
            x=alt.X("position:Q", scale=alt.Scale(domain=[0, 1]), title="Position in article",
                    axis=alt.Axis(format="%")),
            y=alt.Y("smoothed:Q", scale=alt.Scale(domain=[-1, 1]), title="Tone (5-sentence mean)"),
            color=color(view),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("smoothed:Q", format="+.2f", title="Smoothed"),
                alt.Tooltip("score:Q", format="+.2f", title="This sentence"),
            ],
        )
        .properties(height=360)
    )
    return chart, hint


def _rate_bars(view: View, data: pd.DataFrame, title: str) -> alt.Chart:
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("category:N", title=None, sort=list(dict.fromkeys(data["category"]))),
            yOffset=alt.YOffset("outlet:N", sort=view.domain()),
            x=alt.X("rate:Q", title=title),
            color=color(view),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("category:N", title="Category"),
                alt.Tooltip("rate:Q", format=".2f", title="Per 100 words"),
                alt.Tooltip("count:Q", title="Count"),
            ],
        )
        .properties(height=alt.Step(9))
    )


def hedging_rates(view: View) -> tuple[alt.Chart | None, str]:
    """Hedges, boosters, weasels and anonymous sources per 100 words."""
    rows = []
    for a in view.articles:
        if a.hedging is None:
            continue
        for field, label in HEDGE_LABELS.items():
            rows.append(
                {
                    "outlet": view.name(a.id),
                    "category": label,
                    "rate": getattr(a.hedging.rates, field),
                    "count": getattr(a.hedging.counts, field),
                }
            )
    hint = (
        "Bars count the outlet's own words per 100 words (quotes left out). Many hedges and "
        "few boosters sound cautious; weasel words and anonymous sources leave the reader "
        "unable to check who says so."
    )
    if not rows:
        return None, hint
    return _rate_bars(view, pd.DataFrame(rows), "Per 100 words"), hint


def loaded_rates(view: View) -> tuple[alt.Chart | None, str]:
    """Loaded words per 100 words, by lexicon category."""
    rows = []
    for a in view.articles:
        for rate in attr_path(a, "loaded", "rates") or ():
            rows.append(
                {
                    "outlet": view.name(a.id),
                    "category": rate.category.replace("_", " ").capitalize(),
                    "rate": rate.rate,
                    "count": rate.count,
                }
            )
    hint = (
        "Loaded words carry a judgement that a neutral word would not (e.g. 'slammed' for "
        "'criticized'). Compare bar lengths within a category: a longer bar means more "
        "such words per 100 words, outside quotes."
    )
    if not rows:
        return None, hint
    return _rate_bars(view, pd.DataFrame(rows), "Per 100 words"), hint


def readability(view: View) -> tuple[alt.Chart | None, str]:
    """Flesch-Kincaid grade per outlet; faded bars are unreliable."""
    data = figures(view)
    data = data[data["grade"].notna()] if not data.empty else data
    hint = (
        "The US school grade a reader needs, from sentence and word length "
        "(Flesch-Kincaid). Differences of a grade or two are normal between outlets; faded "
        "bars are texts too short or too unpunctuated to measure reliably."
    )
    if data.empty:
        return None, hint
    labels = {True: "reliable", False: "unreliable"}
    data = data.assign(reliability=data["grade_reliable"].map(labels))
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("outlet:N", sort=view.domain(), title=None, axis=alt.Axis(labelLimit=240)),
            x=alt.X("grade:Q", title="Reading grade (Flesch-Kincaid)"),
            color=color(view, title=None),
            opacity=alt.Opacity(
                "reliability:N", scale=alt.Scale(domain=["reliable", "unreliable"], range=[1, 0.3]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("grade:Q", format=".1f", title="Grade"),
                alt.Tooltip("grade_note:N", title="Note"),
            ],
        )
        .properties(height=alt.Step(30))
    )
    return chart, hint


COVERAGE_STATES = ("in the headline", "in the first paragraph", "later in the text", "not reported")
COVERAGE_COLORS = ("#08306b", "#2171b5", "#9ecae1", "#f2f2f2")


def coverage(view: View) -> tuple[alt.Chart | None, str, pd.DataFrame]:
    """Facts (rows) against outlets (columns), coloured by where each is reported.

    Returns:
        The chart, its hint, and the table it was drawn from.
    """
    comparison = view.story.comparison
    hint = (
        "Each row is one fact (a sentence the outlets share, or one only one outlet has). "
        "Dark cells report it high up; empty cells leave it out. Rows marked ★ appear in "
        "only one outlet; rows marked ∅ are left out by most."
    )
    rows = []
    for i, row in enumerate(getattr(comparison, "coverage", ()) or ()):
        mark = "★ " if row.only_one else ("∅ " if row.most_omit else "")
        label = f"{i + 1:>2}. {mark}{_short(row.label, 70)}"
        for a in view.articles:
            if a.id in row.in_headline:
                where = COVERAGE_STATES[0]
            elif a.id in row.in_first_paragraph:
                where = COVERAGE_STATES[1]
            elif a.id in row.articles:
                where = COVERAGE_STATES[2]
            else:
                where = COVERAGE_STATES[3]
            rows.append(
                {
                    "fact": label,
                    "outlet": view.name(a.id),
                    "where": where,
                    "only_one": row.only_one,
                    "most_omit": row.most_omit,
                    "outlets": len(row.articles),
                }
            )
    data = pd.DataFrame(rows)
    if data.empty:
        return None, hint, data
    order = list(dict.fromkeys(data["fact"]))
    chart = (
        alt.Chart(data)
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("outlet:N", sort=view.domain(), title=None,
                    axis=alt.Axis(orient="top", labelAngle=-25, labelLimit=180,
                                  labelOverlap=False)),
            y=alt.Y("fact:N", sort=order, title=None, axis=alt.Axis(labelLimit=420)),
            color=alt.Color(
                "where:N",
                scale=alt.Scale(domain=list(COVERAGE_STATES), range=list(COVERAGE_COLORS)),
                legend=alt.Legend(title="Reported", orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("fact:N", title="Fact"),
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("where:N", title="Where"),
            ],
        )
        .properties(height=alt.Step(20))
    )
    return chart, hint, data


def reuse(view: View) -> tuple[alt.Chart | None, str, pd.DataFrame]:
    """Pairwise text reuse as a symmetric heatmap you can click.

    Returns:
        The chart (with a point selection named ``pair``), its hint and data.
    """
    comparison = view.story.comparison
    hint = (
        "Each cell is the share of two articles' sentences that report the same facts "
        "(common facts). Outlets covering one event share facts without copying: the "
        "tooltip gives copied wording (shared five-word runs) as its own figure. Click a "
        "cell to see the shared passages."
    )
    rows = []
    for r in getattr(comparison, "reuse", ()) or ():
        for x, y in ((r.a, r.b), (r.b, r.a)):
            rows.append(
                {
                    "a": view.name(x), "b": view.name(y), "a_id": x, "b_id": y,
                    "facts": r.common_facts, "copying": r.copying,
                }
            )
    data = pd.DataFrame(rows)
    if data.empty:
        return None, hint, data
    pair = alt.selection_point(name="pair", fields=["a_id", "b_id"], on="click")
    chart = (
        alt.Chart(data)
        .mark_rect(stroke="white", strokeWidth=2)
        .encode(
            x=alt.X("a:N", sort=view.domain(), title=None,
                    axis=alt.Axis(labelAngle=-25, labelLimit=180, labelOverlap=False)),
            y=alt.Y("b:N", sort=view.domain(), title=None, axis=alt.Axis(labelLimit=240)),
            color=alt.Color("facts:Q", scale=alt.Scale(scheme="blues", domain=[0, 1]),
                            legend=alt.Legend(title="Common facts", format="%")),
            opacity=alt.condition(pair, alt.value(1.0), alt.value(0.55)),
            tooltip=[
                alt.Tooltip("a:N", title="Outlet"),
                alt.Tooltip("b:N", title="and"),
                alt.Tooltip("facts:Q", format=".0%", title="Common facts"),
                alt.Tooltip("copying:Q", format=".0%", title="Copied wording (5-word runs)"),
            ],
        )
        .add_params(pair)
        .properties(height=alt.Step(44), width=alt.Step(90))
    )
    return chart, hint, data


BUILDERS = {
    "sentence_sentiment": sentence_sentiment,
    "sentiment_arc": sentiment_arc,
    "hedging_rates": hedging_rates,
    "loaded_rates": loaded_rates,
    "readability": readability,
    "coverage": coverage,
    "reuse": reuse,
}
"""Chart builders by name, for :func:`spec`."""


@st.cache_data(show_spinner=False, max_entries=512)
def _spec(view_key: str, name: str, _view: View) -> tuple[dict | None, str]:
    chart, hint = BUILDERS[name](_view)[:2]
    return (None if chart is None else chart.to_dict()), hint


def spec(view: View, name: str) -> tuple[dict | None, str]:
    """A chart's Vega-Lite spec and hint, built and validated once per story and naming.

    Altair validates a chart against the Vega-Lite schema every time it is
    converted, which costs more than drawing it; caching the spec keeps page
    switches fast.

    Args:
        view: The current view (its ``key`` names the story content and naming).
        name: A key of :data:`BUILDERS`.

    Returns:
        The spec (None when there is nothing to draw) and the reading hint.
    """
    return _spec(view.key, name, view)
