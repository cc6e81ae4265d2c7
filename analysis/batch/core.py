"""The CLI's batch path: many articles, several processes, streamed output.

``slant analyze`` comes here for ``--format jsonl``, ``--workers N`` (N > 1),
``--engine dask`` or ``-o FILE.parquet``. Two modes:

* **Streaming** (``--format jsonl`` or a ``.parquet`` output): rows of CSV and
  JSONL tables are read one at a time, analysed in chunks by the chosen engine
  and written, in input order, as soon as their chunk is done. Only a bounded
  number of chunks is ever in memory, so 100,000 articles take the memory of a
  few dozen. Actors come from the folder manifest when there is one, else they
  are guessed from the first :data:`ACTOR_SAMPLE` articles (for a story shorter
  than that, the same guess the single-process path makes over the whole story).
  Ids are passed through as given (the single-process path makes repeated ids
  unique; a stream cannot without remembering every id), and a table is not
  refused for its total size, only for an over-long row.
* **Collected** (``json``, ``csv`` or ``table`` with several workers or Dask):
  the story is loaded as the single-process path loads it, the articles are
  analysed in parallel, and the comparison and output are the same, byte for
  byte, as without ``--workers``.

The per-article work is :func:`analyse_chunk`, a pure top-level function of
plain data, so any engine (a process pool, Dask, Spark's ``mapInPandas``; see
``docs/scale.md``) can run it.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from analysis import messages
from analysis.input.loading import TABLE_SUFFIXES, RawArticle, iter_table, load_paths
from analysis.results.article import Article, FileError, Source, Story
from analysis.results.doc import Actor

ACTOR_SAMPLE = 100
"""Articles read ahead to guess a streamed story's actors when no manifest names them."""
CHUNK_SIZE = 16
"""Articles per task: large enough to amortise inter-process costs, small enough to balance."""
PARQUET_ROWS_PER_GROUP = 1024
"""Rows buffered before a Parquet row group is written."""

ERR_ANALYSIS = (
    "could not be analysed ({reason}), so it was left out. This is a bug in Slant: "
    "please report it with the article."
)
ERR_WORKER_DIED = (
    "a worker process stopped unexpectedly (often: out of memory). Try fewer --workers."
)
ERR_INTERRUPTED = "interrupted; the output written so far is complete up to the last article."
ERR_NO_PYARROW = "writing Parquet needs pyarrow: pip install 'slant[dask]'."

Item = RawArticle | FileError


@dataclass(frozen=True)
class Outcome:
    """What the streaming path keeps of one analysed article.

    Args:
        line: The article's JSONL line (``{"error": ...}`` for a failure).
        error: The error, when the article could not be analysed.
        row: The flat Parquet row, when one was asked for.
    """

    line: str
    error: FileError | None = None
    row: dict[str, Any] | None = None


def analyse_item(item: Item, actors: tuple[Actor, ...] = ()) -> Article | FileError:
    """Analyse one raw article, turning an unexpected failure into an error.

    One bad article must not cost the other 99,999 their results, so an
    exception inside an analyser becomes a :class:`FileError` for that article.

    Args:
        item: A raw article, or an error from reading it (passed through).
        actors: The story's actors.

    Returns:
        The analysed article, or the error.
    """
    if isinstance(item, FileError):
        return item
    from analysis.pipeline import analyse_raw

    try:
        return analyse_raw(item, actors)
    except Exception as exc:  # noqa: BLE001 - reported per article, see docstring
        reason = f"{type(exc).__name__}: {exc}"
        return FileError(item.file, ERR_ANALYSIS.format(reason=reason))


def analyse_articles(
    items: Sequence[Item], actors: tuple[Actor, ...] = ()
) -> list[Article | FileError]:
    """Analyse a chunk of articles (the collected mode's task).

    Args:
        items: Raw articles or errors.
        actors: The story's actors.

    Returns:
        One article or error per item, in order.
    """
    return [analyse_item(item, actors) for item in items]


def analyse_chunk(
    items: Sequence[Item], actors: tuple[Actor, ...] = (), rows: bool = False
) -> list[Outcome]:
    """Analyse a chunk of articles and serialise them (the streaming task).

    Serialising in the worker keeps the parent's share of the work (and what
    crosses between processes) down to one string per article.

    Args:
        items: Raw articles or errors.
        actors: The story's actors.
        rows: Also build the flat row for Parquet output.

    Returns:
        One :class:`Outcome` per item, in order.
    """
    from analysis.outputs.export import article_jsonl

    out = []
    for item in items:
        result = analyse_item(item, actors)
        error = result if isinstance(result, FileError) else None
        row = parquet_row(result) if rows else None
        out.append(Outcome(article_jsonl(result), error, row))
    return out


# --- reading -----------------------------------------------------------------


def iter_inputs(
    paths: Sequence[Path], max_bytes: int
) -> tuple[tuple[Actor, ...], Iterator[Item]]:
    """Open every input for streaming.

    Folders and single article files are read at once (they are small, and a
    folder's manifest may name the actors); CSV and JSONL tables are streamed
    row by row when the returned iterator reaches them.

    Args:
        paths: The CLI's paths, in order.
        max_bytes: The size limit for one article file.

    Returns:
        The actors named by a manifest (empty without one), and the items in
        path order.
    """
    loaded: dict[int, list[Item]] = {}
    actors: tuple[Actor, ...] = ()
    for index, path in enumerate(paths):
        if not _is_table(path):
            story = load_paths([path], max_bytes)
            actors = actors or story.info.actors
            loaded[index] = [*story.errors, *story.articles]

    def items() -> Iterator[Item]:
        for index, path in enumerate(paths):
            if index in loaded:
                yield from loaded.pop(index)
                continue
            try:
                with path.open("rb") as handle:
                    yield from iter_table(path.name, handle)
            except OSError as exc:
                reason = exc.strerror or exc
                yield FileError(path.name, messages.UNREADABLE.format(reason=reason))

    return actors, items()


def _is_table(path: Path) -> bool:
    return path.suffix.lower() in TABLE_SUFFIXES and not path.is_dir()


def stream_actors(
    items: Iterator[Item], sample: int = ACTOR_SAMPLE
) -> tuple[tuple[Actor, ...], Iterator[Item]]:
    """Guess a streamed story's actors from its first articles.

    Args:
        items: The stream.
        sample: How many items to read ahead.

    Returns:
        The guessed actors, and the full stream (read-ahead items first).
    """
    from analysis.text.actors import guess_actors

    head = list(itertools.islice(items, sample))
    actors = guess_actors(item.text for item in head if isinstance(item, RawArticle))
    return actors, itertools.chain(head, items)


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Cut ``items`` into lists of ``size`` (the last may be shorter)."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


# --- engines -----------------------------------------------------------------

Mapper = Callable[[Callable[[list[Any]], list[Any]], Iterable[list[Any]]], Iterator[list[Any]]]


def engine_mapper(engine: str, workers: int, scheduler: str | None = None) -> Mapper:
    """The ``map_chunks`` of the chosen engine, with its settings bound.

    Args:
        engine: "local" or "dask".
        workers: Processes (local), or the size of the ``LocalCluster`` Dask
            starts when no scheduler is given (default: one per core).
        scheduler: A Dask scheduler's address.

    Returns:
        A function ``map(fn, chunks)`` yielding results in order.
    """
    if engine == "dask":
        from analysis.batch.engines.dask import map_chunks as dask_map

        size = workers if workers > 1 else (os.cpu_count() or 1)
        return partial(dask_map, scheduler=scheduler, workers=size)
    from analysis.batch.engines.local import map_chunks as local_map

    if workers > 1:
        warm_up()
    return partial(local_map, workers=workers)


WARM_UP_TEXT = (
    "Officials said on Monday that the plan would probably be approved. "
    "Critics called it a reckless and shameful gamble."
)


def warm_up() -> None:
    """Load every analyser's lazy data (lexicons, dictionaries) in this process.

    Worker processes are forked from this one, so they start with the data
    already in memory instead of each loading it again (about a second each).
    """
    from analysis.pipeline import analyse_raw

    analyse_raw(RawArticle(id="warm-up", file="warm-up", text=WARM_UP_TEXT))


# --- writing -----------------------------------------------------------------


class JsonlSink:
    """Writes one JSON line per article as it arrives."""

    def __init__(self, handle: TextIO) -> None:
        self.handle = handle

    def write(self, outcome: Outcome) -> None:
        """Write one article's line."""
        self.handle.write(outcome.line + "\n")

    def close(self) -> None:
        """Flush what is buffered."""
        self.handle.flush()


# Column types of the flat row (Parquet, Spark). Columns added to
# ``article_row`` later and not covered here are written as strings, so nothing
# is lost silently.
_STRING_COLUMNS = ("id", "outlet", "kind", "title", "byline", "file", "error", "json")
_INT_COLUMNS = ("words", "sentences", "removed_blocks", "error_line")
_BOOL_COLUMNS = ("readability_reliable",)
_FLOAT_SUFFIXES = ("_mean", "_share", "_per_100_words", "_balance", "_ease", "_grade", "_fog",
                   "_index", "_score", "_standard")


def parquet_columns() -> list[str]:
    """Column names of the flat row: the CSV export's, then ``error``, ``error_line``, ``json``."""
    from analysis.outputs.export import article_row

    blank = Article(
        id="", outlet="", kind="", byline="", evidence="", title="", standfirst="", text="",
        paragraphs=(), sentences=(), quotes=(), word_count=0, removed=(), source=Source(""),
    )
    return [*article_row(blank), "error", "error_line", "json"]


def column_kind(name: str) -> str:
    """The SQL type of a flat-row column: "string", "double", "bigint" or "boolean"."""
    if name in _STRING_COLUMNS:
        return "string"
    if name in _INT_COLUMNS:
        return "bigint"
    if name in _BOOL_COLUMNS:
        return "boolean"
    if name.endswith(_FLOAT_SUFFIXES):
        return "double"
    return "string"


def spark_schema() -> str:
    """The flat row as a Spark DDL schema string, for ``mapInPandas``."""
    return ", ".join(f"`{name}` {column_kind(name).upper()}" for name in parquet_columns())


def coerce(kind: str, value: Any) -> Any:
    """Make ``value`` fit a column of ``kind`` (None when it cannot)."""
    if value is None:
        return None
    if kind == "string":
        return value if isinstance(value, str) else str(value)
    if kind == "double":
        return float(value) if isinstance(value, (int, float)) else None
    if kind == "bigint":
        return int(value) if isinstance(value, (int, float)) else None
    return bool(value)


def parquet_row(result: Article | FileError) -> dict[str, Any]:
    """The flat row for an article or an error.

    The figures are the CSV export's (:func:`analysis.outputs.export.article_row`);
    ``json`` holds the article's full JSONL line, so nothing is lost. An
    error's row has ``file``, ``error``, ``error_line`` and ``json`` set and
    every figure null.

    Args:
        result: An analysed article, or the error that replaced it.

    Returns:
        Column name to value.
    """
    from analysis.outputs.export import article_jsonl, article_row

    if isinstance(result, FileError):
        row: dict[str, Any] = {"file": result.file, "error": result.message,
                               "error_line": result.line}
    else:
        row = dict(article_row(result))
    row["json"] = article_jsonl(result)
    return row


_ARROW_TYPES = {"string": "string", "double": "float64", "bigint": "int64", "boolean": "bool_"}


class ParquetSink:
    """Writes articles to a Parquet file in row groups, with a fixed schema."""

    def __init__(self, path: Path) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.pa = pa
        self.kinds = [(c, column_kind(c)) for c in parquet_columns()]
        self.schema = pa.schema([(c, getattr(pa, _ARROW_TYPES[k])()) for c, k in self.kinds])
        self.writer = pq.ParquetWriter(str(path), self.schema)
        self.rows: list[dict[str, Any]] = []

    def write(self, outcome: Outcome) -> None:
        """Buffer one article's row; write a row group when enough are buffered."""
        self.rows.append(outcome.row or {})
        if len(self.rows) >= PARQUET_ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if not self.rows:
            return
        pa = self.pa
        arrays = [
            pa.array([coerce(kind, r.get(name)) for r in self.rows], field.type)
            for (name, kind), field in zip(self.kinds, self.schema, strict=True)
        ]
        self.writer.write_table(pa.Table.from_arrays(arrays, schema=self.schema))
        self.rows = []

    def close(self) -> None:
        """Write what is buffered and close the file."""
        self._flush()
        self.writer.close()


# --- Spark ----------------------------------------------------------------------

_FRAME_FIELDS = ("outlet", "title", "url", "date")
_PANDAS_DTYPES = {"string": "object", "double": "float64", "bigint": "Int64",
                  "boolean": "boolean"}


def analyse_frames(frames: Iterable[Any], actors: tuple[Actor, ...] = ()) -> Iterator[Any]:
    """Analyse pandas DataFrames of articles: the function Spark's ``mapInPandas`` calls.

    Each frame needs a ``text`` column; ``id``, ``outlet``, ``title``, ``url``
    and ``date`` are used when present. Each output frame has the flat row's
    columns (:func:`spark_schema`), one row per input row, in order. Bind the
    story's actors with :func:`functools.partial`. See ``docs/scale.md``.

    Args:
        frames: pandas DataFrames (Spark passes an iterator of them).
        actors: The actors for per-actor sentiment.

    Yields:
        One pandas DataFrame per input frame.
    """
    import pandas as pd

    columns = [(name, column_kind(name)) for name in parquet_columns()]
    for frame in frames:
        records = frame.to_dict("records")
        items: list[Item] = []
        for number, record in enumerate(records, start=1):
            article_id = _text(record.get("id")) or f"row-{number}"
            text = _text(record.get("text"))
            if not text.strip():
                items.append(FileError(article_id, messages.ROW_EMPTY_TEXT.format(line=number)))
                continue
            fields = {name: _text(record.get(name)) for name in _FRAME_FIELDS}
            fields["outlet"] = fields["outlet"] or article_id
            items.append(RawArticle(id=article_id, file=article_id, text=text, **fields))
        rows = [outcome.row or {} for outcome in analyse_chunk(items, actors, rows=True)]
        yield pd.DataFrame({
            name: pd.Series([coerce(kind, r.get(name)) for r in rows],
                            dtype=_PANDAS_DTYPES[kind])
            for name, kind in columns
        })


def _text(value: Any) -> str:
    if value is None or value != value:  # None or NaN, as pandas gives for missing cells
        return ""
    return str(value)


# --- the command ---------------------------------------------------------------


def _report(error: FileError) -> None:
    where = f"{error.file}" + (f" (line {error.line})" if error.line else "")
    print(f"slant: {where}: {error.message}", file=sys.stderr)


def stream(
    paths: Sequence[Path],
    sink: JsonlSink | ParquetSink,
    mapper: Mapper,
    max_bytes: int,
    rows: bool = False,
) -> int:
    """Analyse every input and write each article as its chunk finishes.

    Args:
        paths: Folders and files.
        sink: Where articles go.
        mapper: The engine's ``map(fn, chunks)``.
        max_bytes: The size limit for one article file.
        rows: Build Parquet rows.

    Returns:
        How many articles were analysed.
    """
    actors, items = iter_inputs(paths, max_bytes)
    if not actors:
        actors, items = stream_actors(items)
    task = partial(analyse_chunk, actors=actors, rows=rows)
    analysed = 0
    for outcomes in mapper(task, chunked(items, CHUNK_SIZE)):
        for outcome in outcomes:
            sink.write(outcome)
            if outcome.error is None:
                analysed += 1
            else:
                _report(outcome.error)
    return analysed


def collect(paths: Sequence[Path], mapper: Mapper, compare: bool, max_bytes: int) -> Story:
    """Load and analyse a story like the single-process path, analysing in parallel.

    Args:
        paths: Folders and files.
        mapper: The engine's ``map(fn, chunks)``.
        compare: Run the cross-article comparison.
        max_bytes: The size limit for one article file.

    Returns:
        The same :class:`Story` :func:`analysis.pipeline.analyze_paths` returns.
    """
    from analysis.pipeline import story_actors

    loaded = load_paths(list(paths), max_bytes)
    actors = story_actors(loaded)
    task = partial(analyse_articles, actors=actors)
    articles: list[Article] = []
    errors: list[FileError] = list(loaded.errors)
    for results in mapper(task, chunked(loaded.articles, CHUNK_SIZE)):
        for result in results:
            (errors if isinstance(result, FileError) else articles).append(result)
    comparison = None
    if compare and len(articles) >= 2:
        from analysis.compare import compare as run_compare

        comparison = run_compare(articles, actors)
    return Story(replace(loaded.info, actors=actors), tuple(articles), comparison, tuple(errors))


def _render(story: Story, fmt: str) -> str:
    from analysis.outputs.export import story_csv, story_json

    if fmt == "json":
        return story_json(story) + "\n"
    if fmt == "csv":
        return story_csv(story.articles)
    from analysis.outputs.report import story_table

    return story_table(story) + "\n"


def run_batch(args: argparse.Namespace) -> int:
    """Run ``slant analyze`` on the batch path.

    Args:
        args: The parsed CLI arguments (``paths``, ``format``, ``output``,
            ``no_compare``, ``max_bytes``, ``workers``, ``engine``, ``scheduler``).

    Returns:
        0 when at least one article was analysed, else 2 (with a message on stderr).
    """
    from concurrent.futures.process import BrokenProcessPool

    from analysis.batch.engines import EngineError

    paths = [Path(p) for p in args.paths]
    output: Path | None = args.output
    parquet = output is not None and output.suffix.lower() == ".parquet"
    try:
        mapper = engine_mapper(args.engine, args.workers, args.scheduler)
        if parquet or args.format == "jsonl":
            analysed = _stream_to(paths, output, parquet, mapper, args.max_bytes)
        else:
            story = collect(paths, mapper, not args.no_compare, args.max_bytes)
            for error in story.errors:
                _report(error)
            analysed = len(story.articles)
            if analysed:
                _write(_render(story, args.format), output)
    except EngineError as exc:
        print(f"slant: {exc}", file=sys.stderr)
        return 2
    except BrokenProcessPool:
        print(f"slant: {ERR_WORKER_DIED}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"slant: {ERR_INTERRUPTED}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) has gone: stop quietly, as Unix tools do.
        _silence_stdout()
        return 0
    if not analysed:
        print(f"slant: {messages.NOTHING_ANALYSED}", file=sys.stderr)
        return 2
    return 0


def _stream_to(
    paths: Sequence[Path], output: Path | None, parquet: bool, mapper: Mapper, max_bytes: int
) -> int:
    if parquet:
        try:
            sink: JsonlSink | ParquetSink = ParquetSink(output)
        except ImportError as exc:
            from analysis.batch.engines import EngineError

            raise EngineError(ERR_NO_PYARROW) from exc
        try:
            return stream(paths, sink, mapper, max_bytes, rows=True)
        finally:
            sink.close()
    if output is None:
        sink = JsonlSink(sys.stdout)
        try:
            return stream(paths, sink, mapper, max_bytes)
        finally:
            sink.close()
    with output.open("w", encoding="utf-8", newline="\n") as handle:
        return stream(paths, JsonlSink(handle), mapper, max_bytes)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        output.write_text(text, encoding="utf-8")


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
