"""One colour per outlet, used by every view, chart and export.

The first eight are the Okabe-Ito palette, chosen because it stays
distinguishable for readers with the common forms of colour blindness and on a
washed-out classroom projector; the yellow is left out because it vanishes on
white. Beyond eight outlets the Tableau 20 colours follow.
"""

from __future__ import annotations

from collections.abc import Sequence

PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#8C564B",  # brown
    "#1F77B4", "#AEC7E8", "#FF7F0E", "#FFBB78", "#2CA02C", "#98DF8A", "#D62728",
    "#FF9896", "#9467BD", "#C5B0D5", "#E377C2", "#F7B6D2", "#7F7F7F", "#BCBD22",
    "#17BECF", "#9EDAE5",
)
"""Outlet colours in story order."""


def outlet_colors(ids: Sequence[str]) -> dict[str, str]:
    """Give each article id its colour, in story order (cycling if needed).

    Args:
        ids: Article ids in story order.

    Returns:
        Id to a ``#rrggbb`` colour.
    """
    return {aid: PALETTE[i % len(PALETTE)] for i, aid in enumerate(ids)}
