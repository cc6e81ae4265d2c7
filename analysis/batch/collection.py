"""The cyclic garbage collector tuned for a batch run: fewer, cheaper collections.

A batch run (``slant analyze`` streaming a table, a pool worker) allocates
hundreds of thousands of short-lived containers per second, nearly all freed
by reference counting as soon as an article is written. CPython's collector
still runs a young-generation pass after every 700 net allocations and, every
hundred of those, a full pass that traverses every object alive: the lexicons,
the word caches and the dictionaries loaded once at start. In a 1,000-article
run that was 0.2-0.3 V (``benchmarks/bench_pipeline.py`` prints it).

Two changes, both about when the collector looks, never about what it frees:

* the data loaded at start (after :func:`analysis.pipeline.warm_up`) is moved
  to the permanent generation (:func:`gc.freeze`), so full passes no longer
  traverse it (and forked workers do not touch its pages, which stay shared);
* the young generation is collected after :data:`YOUNG_THRESHOLD` net
  allocations instead of 700: the objects of one article are long gone by
  then, and a reference cycle waits at most that many allocations longer.

Only batch entry points use it (the CLI's stream, pool workers); the
dashboard and library callers keep the interpreter's defaults.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 20_000
"""Net container allocations between young-generation collections (CPython: 700)."""


def tune_for_batch() -> tuple[int, int, int]:
    """Freeze what is alive now and raise the young threshold, for the rest of the process.

    Returns:
        The thresholds before the change, for :func:`restore`.
    """
    before = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, before[1], before[2])
    return before


def restore(thresholds: tuple[int, int, int]) -> None:
    """Undo :func:`tune_for_batch`: the old thresholds, frozen objects collectable again."""
    gc.set_threshold(*thresholds)
    gc.unfreeze()


@contextmanager
def batch_collection() -> Iterator[None]:
    """:func:`tune_for_batch` for the ``with`` block, then the previous settings.

    Yields:
        Nothing.
    """
    before = tune_for_batch()
    try:
        yield
    finally:
        restore(before)
