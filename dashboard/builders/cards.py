"""The outlet cards of the overview and the handout: one card per article.

Each card shows the figures marked ``card`` in :data:`analysis.results.figures.FIGURES`
with their units, and a bar per figure on a scale shared across the outlets.
The bar sits on its own line under its figure, so it keeps its width however
narrow the card gets (five cards on a 1280 px projector).
"""

from __future__ import annotations

import math

from analysis.results import figures as figs
from analysis.results.article import Article
from dashboard.builders.escape import esc
from dashboard.builders.view import View

CARD_CSS = """
<style>
.slant-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
  gap: 0.8rem; margin-bottom: 0.5rem; }
.slant-card { border: 1px solid #d0d5dd; border-top: 6px solid var(--c); border-radius: 6px;
  padding: 0.6rem 0.7rem; background: #fff; min-width: 0; }
.slant-card .outlet { font-weight: 700; color: var(--c); font-size: 1.05em;
  overflow-wrap: anywhere; }
.slant-card .kind { font-size: 0.8em; color: #444; text-transform: uppercase;
  letter-spacing: 0.03em; }
.slant-card .headline { font-weight: 600; margin: 0.35rem 0; line-height: 1.3; }
.slant-card .meta { font-size: 0.82em; color: #444; margin-bottom: 0.3rem; }
.slant-card .fig { margin: 0.35rem 0 0.1rem 0; font-size: 0.88em; }
.slant-card .fig .top { display: flex; justify-content: space-between; gap: 0.3em;
  flex-wrap: wrap; }
.slant-card .val { font-variant-numeric: tabular-nums; font-weight: 700; }
.slant-card .unit { font-weight: 400; color: #444; font-size: 0.9em; }
.slant-card .bar { position: relative; height: 0.6em; min-width: 3rem; background: #e3e6eb;
  border-radius: 3px; margin-top: 0.15rem; }
.slant-card .bar .fill { position: absolute; top: 0; bottom: 0; background: var(--c);
  border-radius: 3px; }
.slant-card .bar .mid { position: absolute; left: 50%; top: -2px; bottom: -2px; width: 1px;
  background: #666; }
.slant-card .note { font-size: 0.75em; color: #7a5c00; }
</style>
"""
"""Styles for :func:`cards_html`."""


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return None if math.isnan(value) else float(value)


def bar(value: float | None, scale: float, centred: bool) -> str:
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


def unit_text(fig: figs.Figure) -> str:
    """The unit as shown after a card value ("per 100 words", "(-1 to +1)")."""
    if " to " in fig.unit:
        return f"({fig.unit})"
    return fig.unit


def scales(articles: tuple[Article, ...]) -> dict[str, float]:
    """One bar scale per card figure, shared across the outlets."""
    out = {}
    for fig in figs.CARD_FIGURES:
        values = [
            abs(v) for a in articles
            if figs.is_reliable(a, fig) and (v := _number(figs.value(a, fig))) is not None
        ]
        top = max(values, default=0.0)
        out[fig.name] = max(top, 0.2) if fig.centred else top
    return out


def figure_html(article: Article, fig: figs.Figure, scale: float) -> str:
    """One figure on a card: label, value with its unit, and the bar."""
    shown = figs.formatted(article, fig)
    value = _number(figs.value(article, fig)) if shown != "—" else None
    unit = f' <span class="unit">{esc(unit_text(fig))}</span>' if shown != "—" else ""
    return (
        f'<div class="fig" title="{esc(fig.help)}"><div class="top"><span>{esc(fig.label)}</span>'
        f'<span class="val">{esc(shown)}{unit}</span></div>'
        f"{bar(value, scale, fig.centred)}</div>"
    )


def card_html(view: View, article: Article, scale: dict[str, float]) -> str:
    """One outlet's card, every text escaped."""
    note = ""
    readability = article.readability
    if readability is not None and not readability.reliable and readability.reason:
        note = f'<div class="note">Reading grade: {esc(readability.reason)}</div>'
    kind = view.kind(article)
    byline = "" if view.anonymous or not article.byline else f" · by {esc(article.byline)}"
    headline = article.title or "(no headline found)"
    body = "".join(figure_html(article, fig, scale[fig.name]) for fig in figs.CARD_FIGURES)
    return (
        f'<div class="slant-card" style="--c:{view.color(article.id)}">'
        f'<div class="outlet">{esc(view.name(article.id))}</div>'
        f'<div class="kind">{esc(kind)}</div>'
        f'<div class="headline">{esc(headline)}</div>'
        f'<div class="meta">{article.word_count:,} words{byline}</div>'
        f"{body}{note}</div>"
    )


def cards_html(view: View) -> str:
    """The outlet cards, bars on scales shared across outlets, with their styles."""
    scale = scales(view.articles)
    cards = "".join(card_html(view, a, scale) for a in view.articles)
    return CARD_CSS + f'<div class="slant-cards">{cards}</div>'
