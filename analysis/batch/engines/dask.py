"""Run the per-article analysis on a Dask cluster (``pip install 'slant[dask]'``).

The same pure function the local engine runs is submitted, one chunk of
articles per task, to a ``dask.distributed`` scheduler: an existing cluster
given by address, or a :class:`~dask.distributed.LocalCluster` started here.
Only a bounded window of chunks is in flight, so the input is streamed, and
results are gathered back in input order. This module is imported only for
``--engine dask``; nothing else in Slant imports Dask.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from analysis import messages
from analysis.batch.engines import EngineError, ordered_window

CHUNKS_IN_FLIGHT_PER_THREAD = 3
"""Chunks queued per worker thread of the cluster."""
CONNECT_TIMEOUT = "10s"


def map_chunks(
    fn: Callable[[list[Any]], list[Any]],
    chunks: Iterable[list[Any]],
    scheduler: str | None = None,
    workers: int = 2,
) -> Iterator[list[Any]]:
    """Apply ``fn`` to each chunk on a Dask cluster, results in input order.

    Args:
        fn: A picklable function of a chunk (the workers must be able to
            import ``analysis``: install Slant on every worker).
        chunks: Lists of inputs.
        scheduler: The scheduler's address (``tcp://host:8786``); without it a
            ``LocalCluster`` of ``workers`` single-threaded processes is started.
        workers: Processes of the local cluster (ignored with ``scheduler``).

    Yields:
        ``fn(chunk)`` for each chunk, in input order.

    Raises:
        EngineError: Dask is not installed, or the scheduler cannot be reached.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise EngineError(messages.NO_DASK) from exc

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        else:
            cluster = LocalCluster(
                n_workers=max(workers, 1),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                # No dashboard, and its HTTP port picked freely (8787 may be taken).
                scheduler_kwargs={"dashboard": False, "dashboard_address": ":0"},
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        raise EngineError(messages.DASK_CONNECT.format(address=scheduler, reason=exc)) from exc
    try:
        threads = sum(client.nthreads().values()) or 1

        def submit(chunk: list[Any]) -> Any:
            # pure=False: the result is deterministic, but hashing every chunk
            # to build a task key would cost more than it saves.
            return client.submit(fn, chunk, pure=False)

        def wait(future: Any) -> list[Any]:
            result = future.result()
            future.release()
            return result

        yield from ordered_window(submit, wait, chunks, threads * CHUNKS_IN_FLIGHT_PER_THREAD)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
