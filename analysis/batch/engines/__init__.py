"""Engines that map the per-article analysis over processes or a cluster.

Each engine exposes ``map_chunks(fn, chunks, ...)``: it applies a picklable
function to lists of inputs and yields the results in input order, keeping
only a bounded number of chunks in flight so a table of millions of articles
never sits in memory. :mod:`analysis.batch.engines.local` uses a process pool on
this machine; :mod:`analysis.batch.engines.dask` uses a ``dask.distributed``
cluster (the optional ``slant[dask]`` extra) and is imported only when asked.
:func:`analysis.batch.maps.mapper` picks one.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any


class EngineError(RuntimeError):
    """An engine could not run; the message (from :mod:`analysis.messages`) is for the user."""


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
