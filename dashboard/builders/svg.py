"""Charts drawn on the server as SVG with vl-convert (the Vega-Lite compiler in a wheel).

An SVG needs no JavaScript in the browser, so pages whose charts need no
tooltips (the overview, the handout) load without Vega at all; the picture is
the same one the browser would draw.
"""

from __future__ import annotations

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


def warm() -> None:
    """Compile and draw one tiny chart, so the first real chart is not the slow one."""
    spec_svg({"data": {"values": [{"x": 1}]}, "mark": "point", "encoding": {"x": {"field": "x"}}})
