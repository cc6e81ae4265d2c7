"""Analyse a story in a worker process with a time and a memory budget.

Python's ``re`` and most of the analysis hold the GIL, so a hostile upload
analysed inside the Streamlit server would stall every other session and the
``/_stcore/health`` check. Here the analysis runs in a child process (the
``forkserver`` start method on POSIX, ``spawn`` elsewhere: never a plain fork
of the multi-threaded server); the parent only waits on a pipe, which
releases the GIL, and kills the child when the budget runs out.

API (for the dashboard's stories service):

``analyse_bounded(loaded, *, timeout_s=TIMEOUT_S, memory_mb=MEMORY_MB, compare=True,
then=None) -> Story``
    The same ``Story`` as :func:`analysis.pipeline.analyse_story` (results are
    picklable frozen dataclasses), bounded by :func:`bound_sentences`.
    ``then(story)``, if given, runs in the worker after the story was sent
    (the dashboard writes its disk cache there: turning a large story into
    JSON holds the GIL for seconds); the parent waits for it, without the
    GIL, within the same time budget. Raises :class:`AnalysisTimeout`,
    :class:`AnalysisOutOfMemory` or :class:`AnalysisFailed`, all subclasses of
    :class:`AnalysisLimit`, whose message (from :mod:`analysis.messages`) can
    be shown to the user as it is.

``bound_sentences(story, limit=MAX_SENTENCES) -> Story``
    Leave out the longest articles until the story holds at most ``limit``
    sentences, each with a message. The server takes the analysed story in
    by unpickling it, which holds the GIL for about 60 µs per sentence: a
    1 MB upload of ``a!A`` has 333,000 sentences, 19 s during which no other
    session and no health check was served.

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
import time
import types
from collections.abc import Callable, Iterator
from dataclasses import replace
from multiprocessing.connection import Connection

from analysis import messages
from analysis.input.loading import LoadedStory
from analysis.pipeline import analyse_story, compare_articles
from analysis.results.article import FileError, Story

TIMEOUT_S = 120.0
"""Default time budget for one story, in seconds."""
MEMORY_MB = 2048
"""Default budget: address space the analysis may add to the worker's, in megabytes."""
MAX_ARTICLES = 100
"""Most articles the dashboard analyses in one story (see :func:`cap_articles`)."""
MAX_SENTENCES = 20_000
"""Most sentences the dashboard shows in one story, about 2 MB of prose (see
:func:`bound_sentences`); taking them in costs the server about 1 s."""
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


def bound_sentences(story: Story, limit: int = MAX_SENTENCES) -> Story:
    """Leave out the longest articles until ``story`` holds at most ``limit`` sentences.

    Args:
        story: An analysed story (its comparison is not looked at: compare
            the articles that are kept).
        limit: Most sentences of all articles together.

    Returns:
        The story without the articles left out, each named in ``errors``
        with its sentence count and what to do.
    """
    sizes = [len(a.doc.sentences) for a in story.articles]
    total = sum(sizes)
    left_out: set[int] = set()
    for index in sorted(range(len(sizes)), key=lambda i: -sizes[i]):
        if total <= limit:
            break
        left_out.add(index)
        total -= sizes[index]
    if not left_out:
        return story
    errors = tuple(
        FileError(a.source.file, messages.TOO_MANY_SENTENCES.format(
            sentences=sizes[i], limit=limit))
        for i, a in enumerate(story.articles) if i in left_out
    )
    kept = tuple(a for i, a in enumerate(story.articles) if i not in left_out)
    return replace(story, articles=kept, errors=(*story.errors, *errors))


def _analyse(loaded: LoadedStory, compare: bool) -> Story:
    """The story analysed and bounded, then its kept articles compared."""
    story = bound_sentences(analyse_story(loaded, compare=False))
    if compare and len(story.articles) >= 2:
        story = replace(story, comparison=compare_articles(story.articles, story.story.actors))
    return story


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


def _child(
    conn: Connection,
    loaded: LoadedStory,
    memory_mb: int,
    compare: bool,
    then: Callable[[Story], None] | None,
) -> None:
    """Worker body: analyse, send ``("ok", story)`` (then run ``then``) or ``(kind, detail)``."""
    _limit_memory(memory_mb)
    # A little memory held back, so that the report of a MemoryError can still
    # be pickled and sent once the analysis has used up the budget.
    reserve = bytearray(_RESERVE_BYTES)
    try:
        story = _analyse(loaded, compare)
        conn.send(("ok", story))
    except MemoryError:
        outcome = ("memory", "")
    except Exception as exc:  # noqa: BLE001 - reported to the parent as a message
        outcome = ("error", f"{type(exc).__name__}: {exc}"[:300])
    else:
        conn.close()
        if then is not None:
            then(story)
        return
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
    then: Callable[[Story], None] | None = None,
) -> Story:
    """Analyse ``loaded`` in a worker process within a time and a memory budget.

    Args:
        loaded: The story as read.
        timeout_s: Seconds before the worker is stopped.
        memory_mb: Address-space budget of the worker, in megabytes.
        compare: Run the cross-article comparison.
        then: Called with the story in the worker once it was sent (a
            module-level function or a ``functools.partial`` of one, so it
            can be pickled); it must not raise. The worker is stopped if it
            runs past the time budget.

    Returns:
        The analysed story, bounded by :func:`bound_sentences`.

    Raises:
        AnalysisTimeout: The budget ran out; the worker was killed.
        AnalysisOutOfMemory: The worker ran out of its memory budget.
        AnalysisFailed: The worker raised or died.
    """
    ctx = _context()
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(
        target=_child, args=(send, loaded, memory_mb, compare, then), name="slant-analysis",
        daemon=True,
    )
    deadline = time.monotonic() + timeout_s
    kind = ""
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
        if kind == "ok":
            # ``then`` runs in the worker now; wait for it (without the GIL).
            process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
        process.join(5)
    if kind == "ok":
        return payload
    if kind == "memory":
        raise AnalysisOutOfMemory(messages.ANALYSIS_OUT_OF_MEMORY.format(megabytes=memory_mb))
    raise AnalysisFailed(messages.ANALYSIS_CRASHED.format(reason=payload))
