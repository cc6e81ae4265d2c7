"""Engines that map the per-article analysis over processes or a cluster.

Each engine exposes ``map_chunks(fn, chunks, ...)``: it applies a picklable
function to lists of inputs and yields the results in input order, keeping
only a bounded number of chunks in flight so a table of millions of articles
never sits in memory. :mod:`analysis.batch.engines.local` uses a process pool on
this machine; :mod:`analysis.batch.engines.dask` uses a ``dask.distributed``
cluster (the optional ``slant[dask]`` extra) and is imported only when asked.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any


class EngineError(RuntimeError):
    """An engine could not run; the message (from :mod:`analysis.messages`) is for the user."""


Mapper = Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[Any]]
"""``map(fn, chunks)`` yielding ``fn(chunk)`` in order (see :mod:`analysis.pipeline`)."""


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
    from analysis.batch.engines.local import map_chunks as local_map

    return partial(local_map, workers=size, min_chunks=min_chunks, warm_up=warm_up)


Submit = Callable[[list[Any]], Any]
Await = Callable[[Any], list[Any]]


def ordered_window(
    submit: Submit, wait: Await, chunks: Iterable[list[Any]], window: int
) -> Iterator[list[Any]]:
    """Submit chunks with at most ``window`` in flight; yield results in order.

    Why not ``Pool.imap``: its feeder thread reads the whole input as fast as
    it can, so on a large table memory grows with the number of articles.
    Here the next chunk is read only when the oldest one has come back.

    Args:
        submit: Starts work on one chunk and returns a handle (a future).
        wait: Blocks on a handle and returns the chunk's results.
        chunks: The inputs, already cut into lists.
        window: The most chunks in flight at once (at least 1).

    Yields:
        Each chunk's results, in the order the chunks were given.
    """
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= max(window, 1):
            yield wait(pending.popleft())
    while pending:
        yield wait(pending.popleft())
