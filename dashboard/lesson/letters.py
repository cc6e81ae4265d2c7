"""Blind letters for a story's outlets: "Outlet A", "Outlet B"... in a shuffled order.

A class that has seen a story once must not be able to tell from the letters
which outlet is which, so the letters need not follow file order: a shuffle
seed reorders them. The same seed always gives the same letters (the
dashboard keeps it in the page address, and the teacher key prints it), and
the dashboard, the worksheet and the key all take their letters from
:func:`letters`, so they agree.
"""

from __future__ import annotations

import random
from collections.abc import Sequence


def letter(i: int) -> str:
    """The ``i``-th outlet letter (0 is "A"): A to Z, then 27, 28...

    Args:
        i: Position in letter order, from 0.

    Returns:
        The letter, without the "Outlet " prefix.
    """
    return chr(ord("A") + i) if i < 26 else str(i + 1)


def letter_order(ids: Sequence[str], seed: int | None = None) -> tuple[str, ...]:
    """Article ids in letter order: the first gets "Outlet A".

    Args:
        ids: Article ids in story (file) order.
        seed: The shuffle seed. ``None`` or 0 keeps file order (0 because the
            dashboard's address uses it for "not shuffled"); any other integer
            gives a fixed shuffle (Python's ``random.Random(seed).shuffle``,
            stable across runs and Python versions).

    Returns:
        The same ids, reordered.
    """
    order = list(ids)
    if seed:
        random.Random(seed).shuffle(order)
    return tuple(order)


def letters(ids: Sequence[str], seed: int | None = None) -> dict[str, str]:
    """Article id to its blind name ("Outlet A"...), in letter order.

    Args:
        ids: Article ids in story (file) order.
        seed: The shuffle seed (see :func:`letter_order`).

    Returns:
        A dict whose iteration order is letter order (A first).
    """
    return {aid: f"Outlet {letter(i)}" for i, aid in enumerate(letter_order(ids, seed))}
