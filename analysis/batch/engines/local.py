"""Run the per-article analysis in worker processes on this machine.

Articles are independent, so they are analysed in chunks by a
:class:`~concurrent.futures.ProcessPoolExecutor` (processes, because the
analysis is pure Python and the GIL would serialise threads). The parent only
reads input and writes output; results come back in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from analysis.batch.engines import ordered_window

CHUNKS_IN_FLIGHT_PER_WORKER = 3
"""Chunks queued per worker: enough that no worker waits, few enough to bound memory."""


def map_chunks(
    fn: Callable[[list[Any]], list[Any]], chunks: Iterable[list[Any]], workers: int = 1
) -> Iterator[list[Any]]:
    """Apply ``fn`` to each chunk, in ``workers`` processes, results in order.

    Args:
        fn: A picklable (top-level or ``functools.partial``) function of a chunk.
        chunks: Lists of inputs.
        workers: Processes to use; 1 runs in this process, with no pool at all.

    Yields:
        ``fn(chunk)`` for each chunk, in input order.
    """
    if workers <= 1:
        for chunk in chunks:
            yield fn(chunk)
        return
    pool = ProcessPoolExecutor(max_workers=workers)

    def submit(chunk: list[Any]) -> Future:
        return pool.submit(fn, chunk)

    try:
        yield from ordered_window(
            submit, Future.result, chunks, workers * CHUNKS_IN_FLIGHT_PER_WORKER
        )
    finally:
        # On an early exit (Ctrl-C, a closed pipe) drop the queued chunks
        # instead of finishing them.
        pool.shutdown(wait=True, cancel_futures=True)
