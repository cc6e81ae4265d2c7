"""Open folders, article files and tables for streaming, in path order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from analysis import messages
from analysis.input.loading import TABLE_SUFFIXES, RawArticle, iter_table, load_paths
from analysis.results.article import FileError
from analysis.results.doc import Actor

Item = RawArticle | FileError


def iter_inputs(
    paths: Sequence[Path], max_bytes: int
) -> tuple[tuple[Actor, ...], Iterator[Item]]:
    """Open every input for streaming.

    Folders and single article files are read at once (they are small, and a
    folder's manifest may name the actors); CSV and JSONL tables are streamed
    row by row when the returned iterator reaches them. Ids are passed through
    as given (a stream cannot make repeated ids unique without remembering
    every id), and a table is refused only for an over-long row, not its size.

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
        if not is_table(path):
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


def is_table(path: Path) -> bool:
    """Whether ``path`` is a CSV or JSONL table (streamed row by row)."""
    return path.suffix.lower() in TABLE_SUFFIXES and not path.is_dir()
