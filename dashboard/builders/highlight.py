"""Article text as HTML with highlighted spans, safe to show in a browser.

:func:`render` is a pure function: cleaned text plus a list of :class:`Mark`
spans in, one HTML string out. Every character of the article is passed
through :func:`html.escape`, and so is every attribute value, so an article
containing ``<script>`` or ``<img onerror=...>`` shows those characters and
nothing runs. Removing the tags from the output and unescaping the rest gives
back the source text exactly (the tests check this property on arbitrary
Unicode), so highlights can never shift, drop or invent text.

Spans may overlap (a hedge inside a quote inside a sentence). Nested spans
become nested elements; where two spans cross, the inner one is closed and
reopened at the crossing, so the HTML is always well nested.

:func:`marks_for_article` turns an analysed article's results into marks, one
layer per kind of cue, for the dashboard's switchable layers.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from analysis.results.article import Article

LAYERS: tuple[str, ...] = (
    "sentiment", "quotes", "loaded", "hedges", "boosters", "weasels", "passive"
)
"""Highlight layers, outermost first (the order marks nest in)."""

LAYER_LABELS: dict[str, str] = {
    "sentiment": "Sentence sentiment (shading)",
    "quotes": "Direct quotes",
    "loaded": "Loaded wording",
    "hedges": "Hedges",
    "boosters": "Boosters",
    "weasels": "Weasel words and anonymous sources",
    "passive": "Passive, doer not named",
    "emphatic": "Emphatic verb of saying (not counted as loaded)",
    "attribution": "Attribution verb",
    "differs": "Words the other versions do not use",
}
"""What each layer is called in the legend and the layer switches."""

LAYER_HELP: dict[str, str] = {
    "sentiment": "Green sentences read positive to VADER, red ones negative; the stronger "
    "the shade, the stronger the score.",
    "quotes": "Words inside quotation marks are the speaker's, not the outlet's.",
    "loaded": "Words that carry a judgement; hover or click for a neutral alternative.",
    "hedges": "Words that make a claim less certain (may, reportedly, about 50,000).",
    "boosters": "Words that make a claim sound certain (clearly, made it clear).",
    "weasels": "Claims credited to nobody in particular, or to a source the reader cannot "
    "check.",
    "passive": "A passive verb that does not say who acted ('mistakes were made').",
    "emphatic": "A verb of saying that adds weight without judging (emphasized, stressed); "
    "shown apart from loaded words and not counted with them.",
    "attribution": "The verb that introduces what someone said (said, emphasized, spoke "
    "harshly).",
    "differs": "Underlined words appear in this version but not in the others.",
}
"""One sentence per layer for the legend."""

EXTRA_LAYERS: tuple[str, ...] = ("attribution", "emphatic", "differs")
"""Layers used by the comparison views: attribution verbs and words one version lacks."""

_TAG = {"sentiment": "span", "quotes": "span", "differs": "span"}
_ORDER = {layer: i for i, layer in enumerate(LAYERS[:2] + EXTRA_LAYERS + LAYERS[2:])}

CSS = """
.slant-text { white-space: pre-wrap; line-height: 1.7; font-size: 1.02em; }
.slant-text mark { padding: 0 1px; border-radius: 3px; color: inherit; cursor: help; }
.slant-text mark:focus { outline: 2px solid #1f5fa8; }
.slant-text mark:focus::after {
  content: " [" attr(data-detail) "]"; font-size: 0.85em; color: #1a1a1a;
  background: #fffbe6; border: 1px solid #c9b458; border-radius: 3px; padding: 0 3px;
}
.hl-hedges { background: #cfe2ff; }
.hl-boosters { background: #ffd8a8; }
.hl-weasels { background: #e5dbff; outline: 1px dashed #7048e8; }
.hl-loaded { background: #ffe066; font-weight: 600; }
.hl-quotes { font-style: italic; border-bottom: 2px dotted #495057; }
.hl-sentiment { border-radius: 2px; }
.hl-attribution { background: #d3f9d8; border-bottom: 2px solid #2b8a3e; }
.hl-emphatic { background: #e7f5ff; border-bottom: 2px dashed #1864ab; }
.hl-passive { background: #f1f3f5; border-bottom: 2px solid #495057; }
.hl-differs { text-decoration: underline 2px #d6336c; text-underline-offset: 3px; }
.slant-legend { display: flex; flex-wrap: wrap; gap: 0.4em 1.2em; font-size: 0.9em;
  margin: 0.3em 0 0.8em 0; }
.slant-legend .swatch { display: inline-block; padding: 0 0.4em; border-radius: 3px; }
.hl-pos { background: rgba(47, 158, 68, 0.30); }
.hl-neg { background: rgba(224, 49, 49, 0.30); }
"""
"""Styles for :func:`render` and :func:`legend` output."""


@dataclass(frozen=True)
class Mark:
    """One highlighted span.

    Args:
        start: Offset of the first character in the text.
        end: Offset one past the last character.
        layer: One of :data:`LAYERS`.
        category: The cue's category ("hedge", "attribution", "negative" ...).
        neutral: A neutral alternative, if the lexicon gives one.
        rule: The rule that fired (lexicon entry or context rule).
        note: Any further explanation, shown on hover.
        score: For sentence shading, the sentence's compound (-1..+1).
    """

    start: int
    end: int
    layer: str
    category: str = ""
    neutral: str = ""
    rule: str = ""
    note: str = ""
    score: float | None = None

    @property
    def detail(self) -> str:
        """The hover / click text: category, neutral alternative, rule, note."""
        parts = []
        if self.category:
            parts.append(self.category.replace("_", " "))
        if self.neutral:
            parts.append(f"neutral alternative: {self.neutral}")
        if self.rule:
            parts.append(f"rule: {self.rule}")
        if self.note:
            parts.append(self.note)
        return "; ".join(parts)


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _open(mark: Mark) -> str:
    layer = mark.layer if mark.layer in _ORDER else "other"
    tag = _TAG.get(layer, "mark")
    classes = f"hl hl-{layer}"
    style = ""
    if layer == "sentiment":
        score = mark.score or 0.0
        if score >= 0.05:
            classes += " hl-pos"
        elif score <= -0.05:
            classes += " hl-neg"
        # Only a number computed here reaches the style attribute.
        alpha = 0.0 if abs(score) < 0.05 else round(0.08 + 0.32 * min(abs(score), 1.0), 3)
        rgb = "47, 158, 68" if score > 0 else "224, 49, 49"
        style = f' style="background: rgba({rgb}, {alpha});"'
    detail = _attr(mark.detail)
    attrs = (
        f'class="{classes}" title="{detail}" data-detail="{detail}"'
        f' data-category="{_attr(mark.category)}" data-neutral="{_attr(mark.neutral)}"'
        f' data-rule="{_attr(mark.rule)}"'
    )
    if tag == "mark":
        attrs += ' tabindex="0"'
    return f"<{tag} {attrs}{style}>"


def _close(mark: Mark) -> str:
    return f"</{_TAG.get(mark.layer, 'mark')}>"


def render(text: str, marks: Iterable[Mark], css_class: str = "slant-text") -> str:
    """The text as HTML with each mark wrapped around its span.

    Args:
        text: The cleaned article text (untrusted).
        marks: Spans to highlight; out-of-range parts are clipped, empty ones
            dropped, overlaps allowed.
        css_class: Class of the wrapping ``<div>``.

    Returns:
        ``<div class="...">...</div>``. Stripping every tag and unescaping
        entities gives back ``text`` exactly.
    """
    n = len(text)
    spans = []
    for mark in marks:
        start, end = max(0, mark.start), min(n, mark.end)
        if start < end:
            spans.append((start, end, mark))
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, (start, end, _) in enumerate(spans):
        starts.setdefault(start, []).append(i)
        ends.setdefault(end, []).append(i)
    cuts = sorted({0, n, *starts, *ends})
    stack: list[int] = []
    out = [f'<div class="{_attr(css_class)}">']
    for a, b in zip(cuts, cuts[1:] + [n], strict=True):
        ending = set(ends.get(a, ()))
        if ending.intersection(stack):
            # Close down to the deepest ending mark, then reopen the marks
            # above it that continue: the HTML stays well nested and a mark is
            # only split where two spans cross.
            k = min(i for i, m in enumerate(stack) if m in ending)
            out.extend(_close(spans[m][2]) for m in reversed(stack[k:]))
            reopen = [m for m in stack[k:] if m not in ending]
            del stack[k:]
            for m in reopen:
                out.append(_open(spans[m][2]))
                stack.append(m)
        # Longer spans open first so that shorter ones nest inside them.
        for m in sorted(
            starts.get(a, ()),
            key=lambda i: (-spans[i][1], _ORDER.get(spans[i][2].layer, 99), i),
        ):
            out.append(_open(spans[m][2]))
            stack.append(m)
        if b > a:
            out.append(html.escape(text[a:b], quote=True))
    out.append("</div>")
    return "".join(out)


def legend(layers: Sequence[str]) -> str:
    """An HTML legend for the given layers (fixed text only, no article text).

    Args:
        layers: Layer names from :data:`LAYERS`.

    Returns:
        A ``<div>`` with one swatch and explanation per layer.
    """
    items = []
    for layer in layers:
        if layer not in _ORDER:
            continue
        if layer == "sentiment":
            swatch = (
                '<span class="swatch hl-pos">positive</span> '
                '<span class="swatch hl-neg">negative</span>'
            )
        else:
            swatch = f'<span class="swatch hl-{layer}">{_attr(LAYER_LABELS[layer])}</span>'
        items.append(f'<span title="{_attr(LAYER_HELP[layer])}">{swatch}</span>')
    return f'<div class="slant-legend">{"".join(items)}</div>'


def _signed(value: float) -> str:
    return f"{value:+.2f}"


def sentence_note(sentence: Any, limit: int = 5) -> str:
    """The words that moved a sentence's sentiment, biggest share first.

    Args:
        sentence: A :class:`analysis.measures.sentiment.SentenceSentiment`.
        limit: Most words to name.

    Returns:
        E.g. ``"peace +0.45, agreement +0.32"``, or a statement that no
        lexicon word was found.
    """
    if sentence.error:
        return str(sentence.error)
    # A word whose share rounds to zero did not move the score as shown
    # ("defense +0.00"): naming it would teach the wrong reason.
    words = sorted(
        (w for w in sentence.explanation if round(w.contribution, 2) != 0),
        key=lambda w: abs(w.contribution), reverse=True,
    )
    if not words:
        if sentence.explanation:
            return "its lexicon words cancel out or weigh almost nothing, so neutral"
        return "no word in VADER's lexicon, so neutral"
    shown = ", ".join(f"{w.text} {_signed(w.contribution)}" for w in words[:limit])
    more = f" and {len(words) - limit} more" if len(words) > limit else ""
    return f"moved by {shown}{more}"


_HEDGE_LAYER = {
    "hedge": "hedges",
    "booster": "boosters",
    "weasel": "weasels",
    "anonymous_source": "weasels",
}


def marks_for_article(article: Article, layers: Iterable[str] = LAYERS) -> list[Mark]:
    """The marks for an analysed article, for the chosen layers.

    Args:
        article: An :class:`analysis.results.article.Article`.
        layers: Which of :data:`LAYERS` to include.

    Returns:
        Marks with offsets into ``article.text``.
    """
    wanted = set(layers)
    marks: list[Mark] = []
    if "sentiment" in wanted:
        for s in article.sentiment.sentences:
            marks.append(
                Mark(
                    s.start, s.end, "sentiment", category=s.label,
                    rule="VADER", note=f"{_signed(s.compound)}, {sentence_note(s)}",
                    score=s.compound,
                )
            )
    if "quotes" in wanted:
        for q in article.quotes:
            marks.append(Mark(q.start, q.end, "quotes", category="direct quote"))
    if "loaded" in wanted:
        for m in article.loaded.matches:
            note = m.connotation + (" (inside a quote: the speaker's word)" if m.in_quote else "")
            marks.append(
                Mark(
                    m.start, m.end, "loaded" if m.counted else "emphatic",
                    category=m.category, neutral=m.neutral,
                    rule=f"loaded lexicon: {m.entry}", note=note,
                )
            )
    if "passive" in wanted:
        for v in article.readability.passives:
            if not v.agent:
                marks.append(Mark(v.start, v.end, "passive", category="passive, no doer",
                                  rule="passive voice", note="who acted is not said"))
    for m in article.hedging.matches:
        layer = _HEDGE_LAYER.get(m.category)
        if layer is None or layer not in wanted:
            continue
        rule = f"lexicon: {m.entry}" + ("" if m.rule == "lexicon" else f" ({m.rule})")
        note = "inside a quote: the speaker's word" if m.in_quote else ""
        marks.append(Mark(m.start, m.end, layer, category=m.category, rule=rule, note=note))
    return marks


def highlight_article(article: Article, layers: Iterable[str] = LAYERS) -> str:
    """:func:`render` of an article's text with the marks of ``layers``."""
    return render(article.text, marks_for_article(article, layers))
