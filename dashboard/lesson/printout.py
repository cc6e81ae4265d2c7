"""The frame shared by the worksheet and the teacher key: one self-contained HTML page.

Offline and script-free: system fonts, inline CSS, bars as inline SVG drawn
from numbers computed here, no link to anything outside the file. It prints
on A4 and US Letter alike: the page size is left to the printer (``@page``
sets margins only, narrow enough for both), text is 11.5 pt, and each section
starts on a new page.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

from analysis.results import figures
from analysis.results.article import Article
from dashboard.lesson.text import esc

CSS = """
@page { margin: 14mm 13mm 15mm 13mm; }
* { box-sizing: border-box; }
html { font-size: 11.5pt; }
body { font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans",
  sans-serif; color: #111; line-height: 1.4; margin: 0 auto; max-width: 48rem; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.3rem 0; }
h2 { font-size: 1.25rem; margin: 0 0 0.6rem 0; border-bottom: 2px solid #333;
  padding-bottom: 0.15rem; }
h3 { font-size: 1.05rem; margin: 0.9rem 0 0.3rem 0; }
p { margin: 0.35rem 0; }
.lede { color: #333; }
.meta-line { display: flex; gap: 1.5rem; margin: 0.6rem 0 1rem 0; }
.meta-line span { flex: 1; border-bottom: 1px solid #555; padding-bottom: 0.9rem; }
section { margin-top: 1.4rem; }
section + section { break-before: page; page-break-before: always; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.5rem; }
.card { border: 1.5px solid #333; border-radius: 4px; padding: 0.4rem 0.5rem;
  break-inside: avoid; page-break-inside: avoid; }
.card .who { font-weight: 700; font-size: 1.15rem; }
.card .headline { font-weight: 600; margin: 0.2rem 0; line-height: 1.25; }
.card .words { font-size: 0.85rem; color: #333; }
.fig { display: grid; grid-template-columns: 1fr auto; align-items: baseline;
  font-size: 0.9rem; margin-top: 0.25rem; column-gap: 0.4rem; }
.unit { font-size: 0.8em; font-weight: 400; color: #444; }
mark { background: none; color: inherit; font-weight: 700; text-decoration: underline; }
.fig .val { font-weight: 700; font-variant-numeric: tabular-nums; text-align: right; }
.fig svg { grid-column: 1 / 3; display: block; }
.version { display: grid; grid-template-columns: 6.5rem 1fr; gap: 0.5rem; margin: 0.3rem 0; }
.version .who { font-weight: 700; }
.differs { font-size: 0.95rem; margin: 0.3rem 0 0.4rem 7rem; }
.ask { margin: 0.35rem 0; }
.box { display: inline-block; width: 0.85em; height: 0.85em; border: 1.3px solid #222;
  vertical-align: -0.1em; margin: 0 0.2em 0 0.8em; }
.lines div { border-bottom: 1px solid #777; height: 1.7rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #888; padding: 0.2rem 0.3rem; vertical-align: top; text-align: left; }
th { background: #eee; }
.nowrap { white-space: nowrap; }
td.mark { text-align: center; font-weight: 700; width: 2.2rem; }
td.ticks { white-space: nowrap; font-size: 0.85rem; }
td.ticks .box { margin-left: 0.35em; }
.small { font-size: 0.85rem; color: #333; }
.quote { margin: 0.15rem 0 0.15rem 1rem; }
.prompt { border: 1.5px solid #333; border-radius: 4px; padding: 0.4rem 0.6rem;
  margin: 0.8rem 0 0.2rem 0; }
.answer-key { border-left: 4px solid #333; padding-left: 0.6rem; margin: 0.6rem 0; }
ul { margin: 0.2rem 0 0.4rem 1.1rem; padding: 0; }
li { margin: 0.1rem 0; }
footer { margin-top: 1.2rem; font-size: 0.8rem; color: #444; }
"""
"""Styles for both printouts (system fonts; no colour needed to read them)."""

BAR_WIDTH = 160
BAR_HEIGHT = 8
CENTRED_MIN_SCALE = 0.2


def document(title: str, body: Iterable[str], footer: str = "") -> str:
    """A complete HTML document around already-escaped ``body`` parts.

    Args:
        title: The document title, plain text (escaped here).
        body: HTML fragments (sections), already escaped.
        footer: A closing note, plain text (escaped here).

    Returns:
        The document.
    """
    end = f"<footer>{esc(footer)}</footer>" if footer else ""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
        + "".join(body) + end + "</body></html>"
    )


def section(heading: str, inner: str, intro: str = "") -> str:
    """One printed section: a heading (plain text), an optional intro, and HTML."""
    lead = f'<p class="lede">{esc(intro)}</p>' if intro else ""
    return f"<section><h2>{esc(heading)}</h2>{lead}{inner}</section>"


def answer_lines(n: int = 2) -> str:
    """Ruled lines to write an answer on."""
    return '<div class="lines">' + "<div></div>" * n + "</div>"


def box(label: str) -> str:
    """A tick box followed by its (plain-text) label."""
    return f'<span class="box"></span>{esc(label)}'


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def scales(articles: Iterable[Article]) -> dict[str, float]:
    """For each card figure, the value drawn at full length: the largest across the articles."""
    articles = tuple(articles)
    out = {}
    for fig in figures.CARD_FIGURES:
        values = [
            abs(v) for a in articles
            if figures.is_reliable(a, fig) and (v := _number(figures.value(a, fig))) is not None
        ]
        top = max(values, default=0.0)
        # A -1..+1 score near zero everywhere should look small, not full.
        out[fig.name] = max(top, CENTRED_MIN_SCALE) if fig.centred else top
    return out


def bar_svg(value: float | None, scale: float, centred: bool) -> str:
    """A bar as inline SVG; its geometry comes only from the numbers given.

    The SVG sits inline in HTML, so it needs no namespace declaration (and so
    carries no URL).

    Args:
        value: The figure, or None (an empty track is drawn).
        scale: The value drawn at full length (half length for a centred bar).
        centred: Grow left or right from the middle (a -1..+1 score).
    """
    w, h = BAR_WIDTH, BAR_HEIGHT
    parts = [f'<rect x="0" y="0" width="{w}" height="{h}" fill="#e6e6e6"/>']
    if value is not None and scale > 0:
        share = max(-1.0, min(1.0, value / scale))
        if centred:
            x = w / 2 + min(share, 0) * w / 2
            parts.append(f'<rect x="{x:.1f}" y="0" width="{abs(share) * w / 2:.1f}" '
                         f'height="{h}" fill="#333"/>')
        else:
            parts.append(f'<rect x="0" y="0" width="{max(share, 0) * w:.1f}" height="{h}" '
                         'fill="#333"/>')
    if centred:
        parts.append(f'<rect x="{w / 2 - 0.5:.1f}" y="-2" width="1" height="{h + 4}" fill="#000"/>')
    return (
        f'<svg width="100%" height="{h}" '
        f'viewBox="0 -2 {w} {h + 4}" preserveAspectRatio="none" role="img" '
        'aria-hidden="true">' + "".join(parts) + "</svg>"
    )


def unit_html(fig: figures.Figure) -> str:
    """The figure's unit, small and in brackets, after its label ("" when it has none)."""
    return f' <span class="unit">({esc(fig.unit)})</span>' if fig.unit else ""


def marked(text: str, words: str) -> str:
    """``text`` escaped, with the first whole-word occurrence of ``words`` marked.

    Args:
        text: A sentence, plain text.
        words: The words to mark (case-insensitive); "" marks nothing.

    Returns:
        HTML.
    """
    found = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text, re.IGNORECASE) if words else None
    if found is None:
        return esc(text)
    start, end = found.span()
    return f"{esc(text[:start])}<mark>{esc(text[start:end])}</mark>{esc(text[end:])}"


def figure_rows(article: Article, scale: Mapping[str, float]) -> str:
    """The card figures of one article: label and unit, value, bar."""
    out = []
    for fig in figures.CARD_FIGURES:
        shown = figures.formatted(article, fig)
        value = _number(figures.value(article, fig)) if shown != "—" else None
        out.append(
            f'<div class="fig"><span>{esc(fig.label)}{unit_html(fig)}</span>'
            f'<span class="val">{esc(shown)}</span>'
            f"{bar_svg(value, scale[fig.name], fig.centred)}</div>"
        )
    return "".join(out)
