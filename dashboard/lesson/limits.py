"""The known limits of each figure, read from the analyser that computes it.

Each analyser module in ``analysis/measures/`` may declare ``LIMITATIONS``, a
tuple of sentences in plain words; the teacher key shows them as they are,
so a limit is written once, next to the code it describes. The analyser is
the first step of the figure's path (``("hedging", "rates", "hedge")`` is
computed by ``analysis.measures.hedging``).
"""

from __future__ import annotations

import importlib

from analysis.results.figures import Figure

MEASURES = "analysis.measures"


def analyser(fig: Figure) -> str:
    """The analyser that computes a figure ("sentiment", "hedging", "loaded", "readability")."""
    return fig.path[0]


def limitations(fig: Figure) -> tuple[str, ...]:
    """The ``LIMITATIONS`` its analyser declares, or ``()`` when it declares none.

    Not every analyser declares them yet (hedging and loaded do not today);
    one without shows none rather than a copy kept here that would go stale.

    Args:
        fig: A figure whose path starts with an analyser's result.
    """
    module = importlib.import_module(f"{MEASURES}.{analyser(fig)}")
    return tuple(vars(module).get("LIMITATIONS", ()))
