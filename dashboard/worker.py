"""Analyse a story in a worker process with a time and a memory budget.

Python's ``re`` and most of the analysis hold the GIL, so a hostile upload
analysed inside the Streamlit server would stall every other session and the
``/_stcore/health`` check. Here the analysis runs in a child process (the
``forkserver`` start method on POSIX, ``spawn`` elsewhere: never a plain fork
of the multi-threaded server); the parent only waits on a pipe, which
releases the GIL, and kills the child when the budget runs out.

API (for the dashboard's stories service):

``analyse_bounded(loaded, *, timeout_s=TIMEOUT_S, memory_mb=MEMORY_MB, compare=True) -> Story``
    The same ``Story`` as :func:`analysis.pipeline.analyse_story` (results are
    picklable frozen dataclasses). Raises :class:`AnalysisTimeout`,
    :class:`AnalysisOutOfMemory` or :class:`AnalysisFailed`, all subclasses of
    :class:`AnalysisLimit`, whose message (from :mod:`analysis.messages`) can
    be shown to the user as it is.

``cap_articles(loaded, limit=MAX_ARTICLES) -> tuple[LoadedStory, str | None]``
    Keep the first ``limit`` articles of a story; the message (or None) says
    how many and which were left out. The dashboard applies it before
    analysing: the comparison grows faster than linearly with the number of
    articles, and a 10 MB upload can hold 100,000 one-line rows.

The memory budget is ``RLIMIT_AS`` (address space) set in the child: the
analysis may map ``memory_mb`` more than the worker holds when it starts
(the preloaded modules are not counted against it, on Linux, where
``/proc/self/statm`` says how much that is). It is enforced where ``resource``
exists (Linux, macOS) and ignored on Windows, where the time budget still
holds.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import sys
import types
from collections.abc import Iterator
from dataclasses import replace
from multiprocessing.connection import Connection

from analysis import messages
from analysis.input.loading import LoadedStory
from analysis.pipeline import analyse_story
from analysis.results.article import Story

TIMEOUT_S = 120.0
"""Default time budget for one story, in seconds."""
MEMORY_MB = 2048
"""Default budget: address space the analysis may add to the worker's, in megabytes."""
MAX_ARTICLES = 100
"""Most articles the dashboard analyses in one story (see :func:`cap_articles`)."""
_NAMES_SHOWN = 10
_RESERVE_BYTES = 4 * 1024 * 1024


class AnalysisLimit(RuntimeError):
    """The bounded analysis did not produce a story; the message says why and what to do."""


class AnalysisTimeout(AnalysisLimit):
    """The analysis ran past its time budget and was stopped."""


class AnalysisOutOfMemory(AnalysisLimit):
    """The analysis needed more memory than its budget."""


class AnalysisFailed(AnalysisLimit):
    """The worker raised or died for another reason."""


def cap_articles(loaded: LoadedStory, limit: int = MAX_ARTICLES) -> tuple[LoadedStory, str | None]:
    """Keep at most ``limit`` articles of a story, saying what was left out.

    Args:
        loaded: The story as read.
        limit: How many articles to keep (in input order).

    Returns:
        The story to analyse, and a message for the user (None if nothing was
        left out).
    """
    count = len(loaded.articles)
    if count <= limit:
        return loaded, None
    left = loaded.articles[limit:]
    names = ", ".join(a.file for a in left[:_NAMES_SHOWN])
    if len(left) > _NAMES_SHOWN:
        names += f" and {len(left) - _NAMES_SHOWN} more"
    message = messages.TOO_MANY_ARTICLES.format(
        count=count, limit=limit, left=len(left), names=names
    )
    return replace(loaded, articles=loaded.articles[:limit]), message


# Imported once by the fork server, so each worker starts ready to run instead
# of re-importing VADER, sentencex and textstat for every story.
_PRELOAD = ["analysis.pipeline", "analysis.compare", "sentencex", "vaderSentiment.vaderSentiment"]


def _context() -> multiprocessing.context.BaseContext:
    if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


@contextlib.contextmanager
def _plain_main() -> Iterator[None]:
    """Start workers without re-running the parent's ``__main__`` in them.

    multiprocessing's forkserver and spawn methods import the parent's main
    module in each child. Under Streamlit (and its AppTest) that module is
    the app script itself, so the child would run the whole dashboard, and
    under ``python -c`` it would re-run the caller. The worker needs nothing
    from it, so while the process starts, ``__main__`` is a module with no
    file and no spec, which multiprocessing does not import.
    """
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def _address_space() -> int:
    """Bytes of address space this process maps now (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


def _limit_memory(memory_mb: int) -> None:
    """Let the analysis map at most ``memory_mb`` more than the worker starts with."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows: the time budget still applies
        return
    limit = _address_space() + memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _child(conn: Connection, loaded: LoadedStory, memory_mb: int, compare: bool) -> None:
    """Worker body: analyse and send ``("ok", story)`` or ``(kind, detail)`` back."""
    _limit_memory(memory_mb)
    # A little memory held back, so that the report of a MemoryError can still
    # be pickled and sent once the analysis has used up the budget.
    reserve = bytearray(_RESERVE_BYTES)
    try:
        conn.send(("ok", analyse_story(loaded, compare=compare)))
        return
    except MemoryError:
        outcome = ("memory", "")
    except Exception as exc:  # noqa: BLE001 - reported to the parent as a message
        outcome = ("error", f"{type(exc).__name__}: {exc}"[:300])
    # Outside the handler the traceback, and the analysis it holds, is freed.
    del reserve
    gc.collect()
    conn.send(outcome)
    conn.close()


def analyse_bounded(
    loaded: LoadedStory,
    *,
    timeout_s: float = TIMEOUT_S,
    memory_mb: int = MEMORY_MB,
    compare: bool = True,
) -> Story:
    """Analyse ``loaded`` in a worker process within a time and a memory budget.

    Args:
        loaded: The story as read.
        timeout_s: Seconds before the worker is stopped.
        memory_mb: Address-space budget of the worker, in megabytes.
        compare: Run the cross-article comparison.

    Returns:
        The analysed story.

    Raises:
        AnalysisTimeout: The budget ran out; the worker was killed.
        AnalysisOutOfMemory: The worker ran out of its memory budget.
        AnalysisFailed: The worker raised or died.
    """
    ctx = _context()
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(
        target=_child, args=(send, loaded, memory_mb, compare), name="slant-analysis", daemon=True
    )
    try:
        with _plain_main():
            process.start()
    except OSError as exc:  # no process could be started: say so, never a traceback
        raise AnalysisFailed(messages.ANALYSIS_CRASHED.format(reason=exc)) from None
    send.close()  # the parent's copy: EOF on `receive` once the child is gone
    try:
        if not receive.poll(timeout_s):
            raise AnalysisTimeout(messages.ANALYSIS_TIMEOUT.format(seconds=timeout_s))
        try:
            kind, payload = receive.recv()
        except (EOFError, OSError):
            process.join(5)
            code = process.exitcode
            if code is not None and code < 0:
                reason = f"stopped by signal {-code}"
            else:
                reason = f"exit code {code}"
            raise AnalysisFailed(messages.ANALYSIS_CRASHED.format(reason=reason)) from None
    finally:
        receive.close()
        if process.is_alive():
            process.kill()
        process.join(5)
    if kind == "ok":
        return payload
    if kind == "memory":
        raise AnalysisOutOfMemory(messages.ANALYSIS_OUT_OF_MEMORY.format(megabytes=memory_mb))
    raise AnalysisFailed(messages.ANALYSIS_CRASHED.format(reason=payload))
