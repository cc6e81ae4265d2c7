"""Run the per-article analysis in worker processes on this machine.

Articles are independent, so they are analysed in chunks by a
:class:`~concurrent.futures.ProcessPoolExecutor` (processes, because the
analysis is pure Python and the GIL would serialise threads). The parent only
reads input and writes output; results come back in input order.
"""

from __future__ import annotations

import itertools
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from analysis import messages
from analysis.batch.collection import tune_for_batch
from analysis.batch.engines import EngineError, ordered_window

CHUNKS_IN_FLIGHT_PER_WORKER = 3
"""Chunks queued per worker: enough that no worker waits, few enough to bound memory."""


def _start_worker() -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent stops
    # the run and says so once; workers must not each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker only ever runs the batch: the data it was forked with is
    # frozen and its collector tuned for good (analysis.batch.collection).
    tune_for_batch()


def map_chunks(
    fn: Callable[[list[Any]], list[Any]],
    chunks: Iterable[list[Any]],
    workers: int = 1,
    min_chunks: int = 0,
    warm_up: Callable[[], None] | None = None,
) -> Iterator[list[Any]]:
    """Apply ``fn`` to each chunk, in ``workers`` processes, results in order.

    Args:
        fn: A picklable (top-level or ``functools.partial``) function of a chunk.
        chunks: Lists of inputs.
        workers: Processes to use; 1 runs in this process, with no pool at all.
        min_chunks: Run in this process when there are no more chunks than
            this: the first ``min_chunks + 1`` are read ahead to find out.
        warm_up: Called once before the pool starts (see
            :func:`analysis.batch.engines.mapper`).

    Yields:
        ``fn(chunk)`` for each chunk, in input order.

    Raises:
        EngineError: When a worker process died (often: out of memory).
    """
    iterator = iter(chunks)
    head = list(itertools.islice(iterator, min_chunks + 1)) if workers > 1 else []
    if workers <= 1 or len(head) <= min_chunks:
        for chunk in itertools.chain(head, iterator):
            yield fn(chunk)
        return
    if warm_up is not None:
        warm_up()
    chunks = itertools.chain(head, iterator)
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker)

    def submit(chunk: list[Any]) -> Future:
        return pool.submit(fn, chunk)

    try:
        yield from ordered_window(
            submit, Future.result, chunks, workers * CHUNKS_IN_FLIGHT_PER_WORKER
        )
    except BrokenProcessPool as exc:
        raise EngineError(messages.WORKER_DIED) from exc
    finally:
        # On an early exit (Ctrl-C, a closed pipe) drop the queued chunks
        # instead of finishing them.
        pool.shutdown(wait=True, cancel_futures=True)
