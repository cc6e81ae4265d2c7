"""Charts drawn on the server as SVG with vl-convert (the Vega-Lite compiler in a wheel).

An SVG needs no JavaScript in the browser, so pages whose charts need no
tooltips (the overview, the handout) load without Vega at all; the picture is
the same one the browser would draw.
"""

from __future__ import annotations

import base64
import json
import logging
import re

import vl_convert as vlc

from dashboard.builders.escape import esc

log = logging.getLogger("slant.dashboard")

_SIZE = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"')


def spec_svg(spec: dict) -> str | None:
    """A Vega-Lite spec as an SVG document, or None when it cannot be drawn.

    Args:
        spec: A Vega-Lite spec (for example from
            :func:`dashboard.builders.charts.styled`).

    Returns:
        The ``<svg>`` markup, or None (the failure is logged).
    """
    try:
        return vlc.vegalite_to_svg(spec)
    except Exception:  # noqa: BLE001 - a chart that fails is left out, not the page
        log.exception("could not draw a chart: %s", json.dumps(spec)[:200])
        return None


def svg_size(svg: str) -> tuple[float, float] | None:
    """The ``width`` and ``height`` an SVG declares, in pixels."""
    match = _SIZE.search(svg)
    return (float(match.group(1)), float(match.group(2))) if match else None


def svg_block(svg: str | None, label: str) -> str:
    """The SVG in a box that keeps its size, or a short note when it is missing.

    The picture is shown at its own size (scaled down only when the column is
    narrower), so its text stays as large as it was drawn.

    Args:
        svg: The markup from :func:`spec_svg`.
        label: What the chart shows, for screen readers.
    """
    if not svg:
        return "<p><i>(chart not available)</i></p>"
    return (
        f'<figure class="slant-chart" role="img" aria-label="{esc(label)}" '
        f'style="margin:0.4rem 0;max-width:100%;overflow-x:auto">{svg}</figure>'
    )


FIGURE_CSS = """
<style>
.slant-chart { margin: 1.6rem 0 0.6rem 0; max-width: 100%; }
.slant-chart h3 { font-size: 1.75rem; font-weight: 600; line-height: 1.2;
  margin: 0 0 0.8rem 0; padding: 0; }
.slant-chart img { display: block; max-width: 100%; height: auto; }
.hint { font-size: 0.875rem; line-height: 1.6; color: rgba(49, 51, 63, 0.6);
  margin: 0.4rem 0 0 0; }
</style>
"""
"""Styles for :func:`svg_figure`: the heading and hint as Streamlit draws a subheader, caption.

The hint's rule is a bare class, weaker than the classroom style for
paragraphs, so on a projector it grows like every caption.
"""


def svg_figure(svg: str | None, title: str, hint: str) -> str:
    """A chart as a picture of its SVG under a heading, with its reading hint: plain HTML.

    One HTML block per chart costs the browser far less than a subheader, an
    image element and a caption (each a React component, the image one with
    its own JavaScript chunk). The picture is shown at its own size and
    scaled down only in a narrower column, so its text stays as large as it
    was drawn. (The HTML sanitiser of ``st.html`` would strip inline SVG; a
    ``data:`` image survives it.)

    Args:
        svg: The markup from :func:`spec_svg`, or None when the chart is
            not available for this story.
        title: The chart's heading (also the picture's text alternative).
        hint: How to read it.
    """
    if svg:
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        size = svg_size(svg)
        dims = f' width="{size[0]:g}" height="{size[1]:g}"' if size else ""
        body = f'<img src="data:image/svg+xml;base64,{data}" alt="{esc(title)}"{dims}>'
    else:
        body = '<p class="hint">Not available for this story.</p>'
    return (
        f'<figure class="slant-chart"><h3>{esc(title)}</h3>{body}'
        f'<figcaption><p class="hint">{esc(hint)}</p></figcaption></figure>'
    )


def warm() -> None:
    """Compile and draw one tiny chart, so the first real chart is not the slow one."""
    spec_svg({"data": {"values": [{"x": 1}]}, "mark": "point", "encoding": {"x": {"field": "x"}}})
