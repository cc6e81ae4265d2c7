"""Pick the ``map`` the pipeline runs its chunks with: this process, a pool, or Dask."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

Mapper = Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[Any]]
"""``map(fn, chunks)`` yielding ``fn(chunk)`` in order: the built-in :func:`map`, or an
engine's ``map_chunks`` with its settings bound (see :mod:`analysis.pipeline`)."""


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - macOS and Windows have no affinity call
        return os.cpu_count() or 1


def mapper(
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    min_chunks: int = 0,
    warm_up: Callable[[], None] | None = None,
) -> Mapper:
    """The ``map(fn, chunks)`` of the chosen engine, with its settings bound.

    Args:
        engine: "local" or "dask".
        workers: Processes (local), or the size of the ``LocalCluster`` Dask
            starts when no scheduler is given; None: every usable core.
        scheduler: A Dask scheduler's address.
        min_chunks: Local engine: run in this process unless the input has
            more than this many chunks (a pool costs more than a short job).
        warm_up: Local engine: called once before the pool starts, so worker
            processes fork with the lazily loaded data already in memory.

    Returns:
        A function ``map(fn, chunks)`` yielding results in order.
    """
    size = workers if workers is not None else usable_cores()
    if engine == "dask":
        from analysis.batch.engines.dask import map_chunks as dask_map

        return partial(dask_map, scheduler=scheduler, workers=size)
    if size <= 1:
        # In this process: the built-in map, and no pool machinery imported.
        return map
    from analysis.batch.engines.local import map_chunks as local_map

    return partial(local_map, workers=size, min_chunks=min_chunks, warm_up=warm_up)
