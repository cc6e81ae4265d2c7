"""The ``slant`` command line: analyse stories and evaluate the detectors.

``slant analyze PATH ...`` prints the same results the dashboard shows, as a
table, JSON, JSONL, CSV or (``-o FILE.parquet``) Parquet. ``slant evaluate
KIND FILE`` measures a detector against human annotations.

This module owns everything the terminal sees: arguments, where output goes,
stderr lines (``slant: FILE: [CODE] message``), progress, exit codes, a closed
pipe and Ctrl-C. The library below it raises or returns errors and never
prints. The CLI never imports Streamlit or Altair.

Exit codes: 0 when at least one article was analysed, 2 when nothing could be
(or the command could not run: a bad ``-o``, a missing engine), 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TextIO

from analysis import messages
from analysis.input.loading import MAX_FILE_BYTES

FORMATS = ("table", "json", "jsonl", "csv")
EVALUATIONS = ("sentiment", "hedging", "loaded", "alignment", "actors")
"""Evaluation kinds: each is a module ``analysis.evaluate.KIND`` with ``evaluate(path) -> dict``."""
PARALLEL_MIN_ARTICLES = 256
"""Without ``--workers``, inputs with more articles than this use every usable core."""
JSON_INDENT_MAX_SENTENCES = 5_000
"""Above this many sentences in a story, ``--format json`` is written compact (one line).

Every sentence carries a record of its own (span, score, word-by-word
explanation, arc point), so JSON grows with the number of sentences, not the
bytes: a text of one-word sentences ("Bad! Bad! ...") gives about 2,000 bytes
of indented JSON per 5 bytes of input. Indentation doubles that; compact JSON
keeps hostile input to under 250 times its size (``docs/schema.md``, "Size").
"""
PROGRESS_AFTER = 2.0
"""Seconds before the bar is shown on a terminal: short runs stay silent."""
PROGRESS_LINE_AFTER = 10.0
"""Seconds before the first progress line when stderr is not a terminal (a log)."""
PROGRESS_LINE_EVERY = 30.0
"""Seconds between progress lines when stderr is not a terminal."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``slant``."""
    parser = argparse.ArgumentParser(
        prog="slant", description="Framing and tone analysis for news articles."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    analyze = sub.add_parser("analyze", help="analyse a story's articles")
    analyze.add_argument(
        "paths", nargs="+", type=Path, help="folders, .txt/.md/.html, .csv or .jsonl files"
    )
    analyze.add_argument("--format", choices=FORMATS, default="table")
    analyze.add_argument(
        "-o", "--output", type=Path,
        help="write to FILE instead of standard output (FILE.parquet writes Parquet)",
    )
    analyze.add_argument(
        "--no-compare", action="store_true", help="skip the cross-article comparison"
    )
    analyze.add_argument(
        "--compare", action="store_true",
        help="run the comparison even for --format csv, which does not print it",
    )
    analyze.add_argument(
        "--max-bytes",
        type=int,
        default=MAX_FILE_BYTES,
        help=f"refuse article files larger than this (default {MAX_FILE_BYTES})",
    )
    analyze.add_argument(
        "--workers", type=int, default=None,
        help=f"processes for per-article analysis (default: every usable core for more "
        f"than {PARALLEL_MIN_ARTICLES} articles; 1 turns it off)",
    )
    analyze.add_argument("--engine", choices=("local", "dask"), default="local")
    analyze.add_argument("--scheduler", help="Dask scheduler address (with --engine dask)")
    analyze.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")

    evaluate = sub.add_parser("evaluate", help="measure a detector against human annotations")
    evaluate.add_argument("kind", choices=EVALUATIONS)
    evaluate.add_argument("file", type=Path)
    evaluate.add_argument("--format", choices=("table", "json"), default="table")
    evaluate.add_argument(
        "--cv",
        action="store_true",
        help="cross-validate: every tuned choice is fitted on the other folds (the fair figure)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI.

    Args:
        argv: Arguments (default: ``sys.argv[1:]``).

    Returns:
        The exit code (see the module docstring).
    """
    args = build_parser().parse_args(argv)
    try:
        if args.command == "evaluate":
            return _evaluate(args)
        return _analyze(args)
    except KeyboardInterrupt:
        say(messages.INTERRUPTED)
        return 130
    except MemoryError:
        say(messages.OUT_OF_MEMORY)
        return 1
    except BrokenPipeError:
        # The reader (e.g. `| head`) has gone: stop quietly, as Unix tools do.
        _silence_stdout()
        return 0


def say(message: str, where: str = "") -> None:
    """Print one ``slant: [WHERE: ][CODE] message`` line on stderr."""
    prefix = f"{where}: " if where else ""
    print(f"slant: {prefix}{messages.coded(message)}", file=sys.stderr, flush=True)


def _report(error) -> None:  # noqa: ANN001 - a FileError; imported lazily for start-up
    where = error.file + (f" (line {error.line})" if error.line else "")
    say(error.message, where)


# --- analyze ---------------------------------------------------------------------


def output_problem(output: Path | None) -> str | None:
    """Why ``output`` cannot be written, checked before any analysis; None when it can.

    Args:
        output: The ``-o`` path (None: standard output).

    Returns:
        The message for the user, or None.
    """
    if output is None:
        return None
    if output.is_dir():
        return messages.OUTPUT_IS_FOLDER.format(path=output, example=output / "story.json")
    folder = output.parent
    if not folder.is_dir():
        return messages.OUTPUT_NO_FOLDER.format(folder=folder)
    if output.exists():
        writable = os.access(output, os.W_OK)
    else:
        writable = os.access(folder, os.W_OK | os.X_OK)
    if not writable:
        return messages.OUTPUT_DENIED.format(path=output)
    return None


def _analyze(args: argparse.Namespace) -> int:
    output: Path | None = args.output
    problem = output_problem(output)
    if problem is None and args.workers is not None and args.workers < 1:
        problem = messages.BAD_WORKERS.format(workers=args.workers)
    if problem is not None:
        say(problem)
        return 2
    from analysis.batch.engines import EngineError

    parquet = output is not None and output.suffix.lower() == ".parquet"
    progress = None if args.quiet else Progress(sys.stderr)
    try:
        if parquet or args.format == "jsonl":
            analysed = _stream(args, parquet, progress)
        else:
            analysed = _story(args, progress)
    except EngineError as exc:
        say(str(exc))
        return 2
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        say(messages.OUTPUT_FAILED.format(path=output, reason=exc.strerror or exc))
        return 2
    finally:
        if progress is not None:
            progress.close()
    if not analysed:
        say(messages.NOTHING_ANALYSED)
        return 2
    return 0


def _mapper(args: argparse.Namespace, articles: int | None = None):  # noqa: ANN202
    """The engine's map; without ``--workers``, parallel only for large inputs."""
    from analysis.batch.maps import mapper
    from analysis.pipeline import CHUNK_SIZE, warm_up

    workers = args.workers
    min_chunks = 0
    if workers is None and args.engine == "local":
        # A stream's length is unknown: read ahead this many chunks to find out.
        min_chunks = PARALLEL_MIN_ARTICLES // CHUNK_SIZE
        if articles is not None and articles <= PARALLEL_MIN_ARTICLES:
            workers = 1
    return mapper(args.engine, workers, args.scheduler, min_chunks, warm_up)


def _story(args: argparse.Namespace, progress: Progress | None) -> int:
    from analysis.input.loading import load_paths
    from analysis.pipeline import analyse_story

    loaded = load_paths(list(args.paths), args.max_bytes)
    compare = not args.no_compare and (args.format != "csv" or args.compare)
    story = analyse_story(
        loaded,
        compare=compare,
        map=_mapper(args, len(loaded.articles)),
        progress=progress.update if progress is not None else None,
    )
    if progress is not None:
        progress.close()
    for error in story.errors:
        _report(error)
    if not story.articles:
        return 0
    from analysis.outputs.export import story_csv, story_json

    if args.format == "json":
        sentences = sum(len(a.sentences) for a in story.articles)
        text = story_json(story, 2 if sentences <= JSON_INDENT_MAX_SENTENCES else None) + "\n"
    elif args.format == "csv":
        text = story_csv(story.articles)
    else:
        from analysis.outputs.report import story_table

        text = story_table(story) + "\n"
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        args.output.write_text(text, encoding="utf-8")
    return len(story.articles)


def _stream(args: argparse.Namespace, parquet: bool, progress: Progress | None) -> int:
    from analysis.batch.engines import EngineError
    from analysis.batch.inputs import iter_inputs
    from analysis.batch.rows import outcome
    from analysis.batch.sinks import JsonlSink, ParquetSink
    from analysis.pipeline import analyse_stream

    handle: TextIO | None = None
    if parquet:
        try:
            sink: JsonlSink | ParquetSink = ParquetSink(args.output)
        except ImportError as exc:
            raise EngineError(messages.NO_PYARROW) from exc
    elif args.output is None:
        sink = JsonlSink(sys.stdout)
    else:
        handle = args.output.open("w", encoding="utf-8", newline="\n")
        sink = JsonlSink(handle)
    analysed = 0
    try:
        named, items = iter_inputs(list(args.paths), args.max_bytes)
        results = analyse_stream(
            items,
            named,
            map=_mapper(args),
            finish=partial(outcome, rows=parquet),
            progress=progress.update if progress is not None else None,
        )
        for result in results:
            sink.write(result)
            if result.error is None:
                analysed += 1
            else:
                _report(result.error)
    finally:
        sink.close()
        if handle is not None:
            handle.close()
    return analysed


class Progress:
    """Progress on stderr for runs over a few seconds.

    On a terminal, one bar redrawn in place after :data:`PROGRESS_AFTER`
    seconds; otherwise (a log file, CI) a plain line after
    :data:`PROGRESS_LINE_AFTER` seconds and then every
    :data:`PROGRESS_LINE_EVERY`. Short runs print nothing.
    """

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.clock = clock
        self.start = clock()
        self.last = self.start
        self.tty = stream.isatty()
        self.drawn = False

    def update(self, done: int, total: int | None, article_id: str = "") -> None:
        """Record that ``done`` articles (of ``total``, if known) are analysed."""
        now = self.clock()
        if now - self.start < (PROGRESS_AFTER if self.tty else PROGRESS_LINE_AFTER):
            return
        if self.tty:
            if now - self.last < 0.1 and done != total:
                return
            self.stream.write("\r" + progress_text(done, total, now - self.start, bar=True))
            self.drawn = True
        elif now - self.last >= PROGRESS_LINE_EVERY or not self.drawn:
            self.stream.write(f"slant: {progress_text(done, total, now - self.start)}\n")
            self.drawn = True
        else:
            return
        self.last = now
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line, so the next message starts on its own."""
        if self.tty and self.drawn:
            self.stream.write("\n")
            self.stream.flush()
        self.drawn = False
        self.tty = False
        self.start = float("inf")


def progress_text(done: int, total: int | None, seconds: float, bar: bool = False) -> str:
    """``[#####-----] 120/300 articles, 12 s`` (a bar only when the total is known)."""
    counted = f"{done:,}/{total:,}" if total else f"{done:,}"
    text = f"{counted} articles analysed, {seconds:.0f} s"
    if bar and total:
        filled = round(20 * done / total)
        text = f"[{'#' * filled}{'-' * (20 - filled)}] {text}"
    return text


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


# --- evaluate --------------------------------------------------------------------


def _evaluate(args: argparse.Namespace) -> int:
    name = f"analysis.evaluate.{args.kind}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        say(messages.EVALUATION_MISSING.format(kind=args.kind))
        return 2
    if args.cv and not hasattr(module, "cross_validate"):
        say(messages.EVALUATION_NO_CV.format(kind=args.kind))
        return 2
    try:
        scores = module.cross_validate(args.file) if args.cv else module.evaluate(args.file)
    except OSError as exc:
        say(messages.UNREADABLE.format(reason=exc.strerror or exc), str(args.file))
        return 2
    except (ValueError, KeyError, csv.Error, UnicodeDecodeError) as exc:
        # The evaluators raise ValueError with a message for the user; a
        # malformed file may also surface as a missing key or bad bytes.
        reason = str(exc) if isinstance(exc, ValueError) else f"{type(exc).__name__}: {exc}"
        where = "" if reason.startswith(str(args.file)) else str(args.file)  # named once
        say(messages.EVALUATION_FAILED.format(reason=reason), where)
        return 2
    if args.format == "json":
        print(json.dumps(scores))
    else:
        for key, value in scores.items():
            if isinstance(value, (dict, list, tuple)):
                continue  # per-fold and per-story detail: in --format json
            shown = f"{value:.3f}" if isinstance(value, float) else value
            print(f"{key:>10}  {shown}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
