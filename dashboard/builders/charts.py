"""Altair charts of a story, one function per chart, each with its reading hint.

Every chart colours outlets with the view's shared scale (:meth:`View.domain`
and :meth:`View.range`), so an outlet has the same colour on every page and in
the handout. Each function returns ``(chart, sentence)``: the sentence tells a
reader what to look at, and is shown under the chart. :func:`styled` gives
every chart the projector styling (large dark axis text, legends that are
never cut, no "Copy Vega-Lite spec" menu).

Chart data contains outlet names and article text; Vega-Lite draws it as SVG
or canvas text (never as HTML), and tooltips are escaped by vega-embed.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from analysis.results import figures as figs
from dashboard.builders.view import View

HEDGE_LABELS = {
    "hedge": "Hedges",
    "booster": "Boosters",
    "weasel": "Weasel words",
    "anonymous_source": "Anonymous sources",
}
TIP_CHARS = 140
"""Characters of a sentence shown in a tooltip."""
FONT_SIZE = 16
"""Axis, legend and title text in pixels: readable from the back of a room."""
INK = "#1a1a1a"
WIDTH = 720
"""Width in pixels of the charts drawn as pictures on the server (the overview's),
labels and legend included: it fits the main column at 1280 px in classroom mode,
so the picture is never scaled down and its text stays 16 px."""
EVERY_LABEL = alt.Axis(labelOverlap=False)
"""A category axis that labels every row (Vega would drop labels that touch)."""
SCORE_TICKS = alt.Axis(values=[-1, -0.5, 0, 0.5, 1])
"""Ticks of a -1..+1 score. Pictures drawn on the server are laid out with the
server's fonts and shown with the browser's, so number labels get room to spare."""
FEW_TICKS = alt.Axis(tickCount=5)
ROW = 34
"""Height of one category row in pixels: room for one line of 16 px labels."""


def _short(text: str, limit: int = TIP_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def styled(chart: alt.TopLevelMixin, width: int | None = None) -> dict[str, Any]:
    """The chart's Vega-Lite spec with Slant's projector styling.

    Labels are never truncated (``labelLimit=0``), axis and legend text is
    16 px and nearly black (category axes use :data:`EVERY_LABEL`, so each
    outlet and fact keeps its label; numbers thin out rather than overlap),
    and the chart menu (export, "Copy Vega-Lite spec") is switched off. In
    the browser it is drawn as SVG, so its text can be read (and checked).

    Args:
        chart: An Altair chart.
        width: A fixed width in pixels (charts drawn on the server); None lets
            the page give it its container's width.

    Returns:
        The spec as a dict.
    """
    text = {"labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE, "labelColor": INK,
            "titleColor": INK}
    if width is not None:
        # "fit-x" makes the whole picture (axis labels and legend included) this
        # wide. A picture carries its own alt text, so the per-mark ARIA labels
        # (every sentence's text again) are left out: half the bytes.
        chart = chart.properties(
            width=width, autosize=alt.AutoSizeParams(type="fit-x", contains="padding")
        ).configure(aria=False)
    return (
        chart.configure_axis(labelLimit=0, titleFontWeight="normal", **text)
        .configure_legend(labelLimit=0, titleLimit=0, symbolSize=160, **text)
        .configure_view(stroke=None)
        .properties(usermeta={"embedOptions": {"actions": False, "renderer": "svg"}})
        .to_dict()
    )


def color(view: View, field: str = "outlet", title: str | None = "Outlet") -> alt.Color:
    """The outlet colour encoding shared by all charts."""
    return alt.Color(
        f"{field}:N",
        scale=alt.Scale(domain=view.domain(), range=view.range()),
        legend=(alt.Legend(title=title, orient="bottom", columns=2) if title else None),
    )


def figures(view: View) -> pd.DataFrame:
    """One row per article with the card figures (:data:`figures.CARD_FIGURES`).

    Columns: ``id``, ``outlet``, ``kind``, one per card figure (None where an
    analyser gave no result or the value is unreliable), ``grade_reliable``
    and ``grade_note``.
    """
    rows = []
    for a in view.articles:
        row: dict[str, Any] = {"id": a.id, "outlet": view.name(a.id), "kind": view.kind(a)}
        for fig in figs.CARD_FIGURES:
            ok = figs.is_reliable(a, fig)
            row[fig.name] = figs.value(a, fig) if ok else None
        row["grade_reliable"] = figs.is_reliable(a, figs.figure("flesch_kincaid_grade"))
        row["grade_note"] = (a.readability.reason if a.readability else "") or ""
        rows.append(row)
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
            x=alt.X("score:Q", scale=alt.Scale(domain=[-1, 1]), title="Sentence sentiment",
                    axis=SCORE_TICKS),
            y=alt.Y("outlet:N", sort=view.domain(), title=None, axis=EVERY_LABEL),
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
    return (ticks + zero).properties(height=alt.Step(ROW + 6)), hint


def sentiment_arc(view: View) -> tuple[alt.Chart | None, str]:
    """The smoothed sentence score from the top of each article to the end."""
    rows = []
    for a in view.articles:
        for point in a.sentiment.arc if a.sentiment else ():
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
                    axis=alt.Axis(format="%", values=[0, 0.25, 0.5, 0.75, 1])),
            y=alt.Y("smoothed:Q", scale=alt.Scale(domain=[-1, 1]), title="Tone (5-sentence mean)",
                    axis=SCORE_TICKS),
            color=color(view),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("smoothed:Q", format="+.2f", title="Smoothed"),
                alt.Tooltip("score:Q", format="+.2f", title="This sentence"),
            ],
        )
        .properties(height=340)
    )
    return chart, hint


def _rate_bars(view: View, data: pd.DataFrame, title: str) -> alt.Chart:
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("category:N", title=None, sort=list(dict.fromkeys(data["category"])),
                    axis=EVERY_LABEL),
            yOffset=alt.YOffset("outlet:N", sort=view.domain()),
            x=alt.X("rate:Q", title=title, axis=FEW_TICKS),
            color=color(view),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("category:N", title="Category"),
                alt.Tooltip("rate:Q", format=".2f", title="Per 100 words"),
                alt.Tooltip("count:Q", title="Count"),
            ],
        )
        .properties(height=alt.Step(12))
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
        for rate in a.loaded.rates if a.loaded else ():
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
    data = figures(view).rename(columns={"flesch_kincaid_grade": "grade"})
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
            y=alt.Y("outlet:N", sort=view.domain(), title=None, axis=EVERY_LABEL),
            x=alt.X("grade:Q", title="Reading grade (Flesch-Kincaid)", axis=FEW_TICKS),
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
        .properties(height=alt.Step(ROW))
    )
    return chart, hint


COVERAGE_STATES = ("in the headline", "in the first paragraph", "later in the text", "not reported")
COVERAGE_COLORS = ("#08306b", "#2171b5", "#9ecae1", "#f2f2f2")
COVERAGE_LABEL_CHARS = 48
"""Characters of a fact's label on the coverage chart (the full text is in the tooltip)."""


def _slant_padding(view: View) -> dict[str, int]:
    """Room on the right for slanted outlet names, which Vega does not count in the width."""
    longest = max((len(name) for name in view.domain()), default=0)
    return {"left": 5, "top": 5, "bottom": 5, "right": min(260, 8 * longest)}


def coverage_label(i: int, row: Any) -> str:
    """The y-axis label of coverage row ``i``: number, ★/∅ mark and a short label.

    The one place that reads a coverage row's label (the comparison will give
    facts their own labels).
    """
    mark = "★ " if row.only_one else ("∅ " if row.most_omit else "")
    return f"{i + 1:>2}. {mark}{_short(row.label, COVERAGE_LABEL_CHARS)}"


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
    for i, row in enumerate(comparison.coverage if comparison else ()):
        label = coverage_label(i, row)
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
        alt.Chart(data, padding=_slant_padding(view))
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("outlet:N", sort=view.domain(), title=None,
                    axis=alt.Axis(orient="top", labelAngle=-35, labelOverlap=False)),
            y=alt.Y("fact:N", sort=order, title=None, axis=EVERY_LABEL),
            color=alt.Color(
                "where:N",
                scale=alt.Scale(domain=list(COVERAGE_STATES), range=list(COVERAGE_COLORS)),
                legend=alt.Legend(title="Reported", orient="bottom", columns=2),
            ),
            tooltip=[
                alt.Tooltip("fact:N", title="Fact"),
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("where:N", title="Where"),
            ],
        )
        # A fixed step per outlet: the chart never depends on the width of its
        # container (a Vega chart laid out while its column is still being
        # sized can collapse to a strip).
        .properties(height=alt.Step(ROW - 6), width=alt.Step(64))
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
        "(common facts). Outlets covering one event share facts without copying; copied "
        "wording (shared five-word runs) is its own figure, in the tooltip and below. "
        "Click a cell to see the shared passages."
    )
    rows = []
    for r in comparison.reuse if comparison else ():
        for x, y in ((r.a, r.b), (r.b, r.a)):
            rows.append(
                {
                    "a": view.name(x), "b": view.name(y), "a_id": x, "b_id": y,
                    "facts": r.common_facts, "copying": r.copying,
                    "verdict": r.verdict or "common facts only",
                }
            )
    data = pd.DataFrame(rows)
    if data.empty:
        return None, hint, data
    pair = alt.selection_point(name="pair", fields=["a_id", "b_id"], on="click")
    chart = (
        alt.Chart(data, padding=_slant_padding(view))
        .mark_rect(stroke="white", strokeWidth=2)
        .encode(
            x=alt.X("a:N", sort=view.domain(), title=None,
                    axis=alt.Axis(labelAngle=-35, labelOverlap=False)),
            y=alt.Y("b:N", sort=view.domain(), title=None, axis=EVERY_LABEL),
            color=alt.Color("facts:Q", scale=alt.Scale(scheme="blues", domain=[0, 1]),
                            legend=alt.Legend(title="Common facts", format="%")),
            opacity=alt.condition(pair, alt.value(1.0), alt.value(0.55)),
            tooltip=[
                alt.Tooltip("a:N", title="Outlet"),
                alt.Tooltip("b:N", title="and"),
                alt.Tooltip("facts:Q", format=".0%", title="Common facts"),
                alt.Tooltip("copying:Q", format=".0%", title="Copied wording (5-word runs)"),
                alt.Tooltip("verdict:N", title="Reading"),
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
"""Chart builders by name."""
