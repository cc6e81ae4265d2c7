"""The printable handout: one self-contained HTML file, no script, no network.

Charts are rendered to inline SVG with vl-convert (the Vega-Lite compiler and
renderer bundled in a Python wheel), so the file needs no JavaScript and no CDN
and prints as it looks.
Every piece of article text and every outlet name is escaped.
"""

from __future__ import annotations

import datetime as dt

from dashboard.builders import charts, highlight, svg
from dashboard.builders.cards import cards_html
from dashboard.builders.contrasts import ROW_CSS, contrast_html, ranked
from dashboard.builders.escape import esc
from dashboard.builders.view import View
from dashboard.lesson.prompts import page_prompts

CONTRASTS = 4
PAGE_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; color: #1a1a1a; max-width: 60rem;
  margin: 1.5rem auto; padding: 0 1rem; line-height: 1.45; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
h2 { border-bottom: 2px solid #ddd; padding-bottom: 0.2rem; margin-top: 2rem; }
.slant-chart svg { max-width: 100%; height: auto; }
.hint { font-size: 0.9em; color: #444; margin-bottom: 1rem; }
.prompt { border: 2px solid #1f5fa8; border-radius: 6px; padding: 0.5rem 0.8rem;
  background: #f2f6fc; margin: 0.8rem 0; }
.prompt::before { content: "Discuss: "; font-weight: 700; }
.answer { border-bottom: 1px solid #999; height: 1.8rem; }
footer { margin-top: 2rem; font-size: 0.8em; color: #666; }
@media print { h2 { break-after: avoid; }
  .slant-chart, .slant-card, .slant-row { break-inside: avoid; } }
"""


def _chart_block(title: str, result: tuple) -> str:
    chart, hint = result[0], result[1]
    if chart is None:
        return ""
    body = svg.svg_block(svg.spec_svg(charts.styled(chart, charts.WIDTH)), title)
    return f"<h3>{esc(title)}</h3>{body}<div class=\"hint\">{esc(hint)}</div>"


def _prompt(view: View, name: str) -> str:
    return (
        f'<div class="prompt">{esc(page_prompts(view.story, view.name)[name])}</div>'
        '<div class="answer"></div><div class="answer"></div>'
    )


def build_handout(view: View) -> str:
    """The whole handout for the current view (names as shown on screen).

    Args:
        view: The current story and naming.

    Returns:
        A complete HTML document.
    """
    story = view.story
    info = story.story
    parts = [
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
        f"<title>{esc(info.title)} — Slant handout</title>",
        f"<style>{PAGE_CSS}{highlight.CSS}</style>",
        ROW_CSS,
        "</head><body>",
        f"<h1>{esc(info.title)}</h1>",
        f"<p>{len(story.articles)} articles"
        + (f" · {esc(info.date)}" if info.date else "")
        + f" · prepared with Slant on {dt.date.today():%d %B %Y}</p>",
        "<h2>The outlets at a glance</h2>",
        cards_html(view),
        _prompt(view, "overview"),
        "<h2>Charts</h2>",
        _chart_block("Sentence sentiment", charts.sentence_sentiment(view)),
        _chart_block("Sentiment through the article", charts.sentiment_arc(view)),
        _chart_block("Hedging and sourcing", charts.hedging_rates(view)),
        _chart_block("Loaded wording", charts.loaded_rates(view)),
        _chart_block("Readability", charts.readability(view)),
    ]
    if story.comparison is not None and story.comparison.contrasts:
        contrasts = ranked(story.comparison)
        parts.append("<h2>Same moment, different words</h2>")
        parts.extend(contrast_html(view, c) for c in contrasts[:CONTRASTS])
        parts.append(_prompt(view, "compare"))
    parts.append("<h2>Opening paragraphs, highlighted</h2>")
    parts.append(highlight.legend(["loaded", "hedges", "boosters", "weasels", "quotes"]))
    for article in view.articles:
        first = article.paragraphs[0] if article.paragraphs else None
        if first is None:
            continue
        marks = [
            highlight.Mark(m.start - first.start, m.end - first.start, m.layer, m.category,
                           m.neutral, m.rule, m.note)
            for m in highlight.marks_for_article(article, ["loaded", "hedges", "boosters",
                                                           "weasels", "quotes"])
            if first.start <= m.start and m.end <= first.end
        ]
        parts.append(
            f'<div class="slant-row" style="--c:{view.color(article.id)}">'
            f'<div class="who">{esc(view.name(article.id))}</div>'
            f"{highlight.render(article.text[first.start:first.end], marks)}</div>"
        )
    parts.append(_prompt(view, "article"))
    parts.append(
        "<footer>Figures come from word lists and formulas (VADER sentiment, Slant's hedging "
        "and loaded-wording lexicons, Flesch-Kincaid). They point to wording worth reading "
        "closely; they do not judge an outlet.</footer></body></html>"
    )
    return "".join(parts)
