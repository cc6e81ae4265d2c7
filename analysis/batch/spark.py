"""The function Spark's ``mapInPandas`` calls: pandas frames of articles in, flat rows out.

An entry point like the CLI (it runs the pipeline), kept beside the batch
modules it shares the flat row with. See ``docs/scale.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from analysis import messages
from analysis.batch.rows import coerce as _coerce
from analysis.batch.rows import columns, spark_schema
from analysis.batch.rows import outcome as _outcome
from analysis.input.loading import RawArticle
from analysis.pipeline import analyse_chunk
from analysis.results.article import FileError
from analysis.results.doc import Actor

__all__ = ["analyse_frames", "spark_schema"]

_FRAME_FIELDS = ("outlet", "title", "url", "date")
_PANDAS_DTYPES = {"string": "object", "double": "float64", "bigint": "Int64",
                  "boolean": "boolean"}


def analyse_frames(frames: Iterable[Any], actors: tuple[Actor, ...] = ()) -> Iterator[Any]:
    """Analyse pandas DataFrames of articles.

    Each frame needs a ``text`` column; ``id``, ``outlet``, ``title``, ``url``
    and ``date`` are used when present. Each output frame has the flat row's
    columns (:func:`~analysis.batch.rows.spark_schema`), one row per input
    row, in order. Bind the story's actors with :func:`functools.partial`.

    Args:
        frames: pandas DataFrames (Spark passes an iterator of them).
        actors: The actors for per-actor sentiment.

    Yields:
        One pandas DataFrame per input frame.
    """
    import pandas as pd

    kinds = columns()
    finish = partial(_outcome, rows=True)
    for frame in frames:
        records = frame.to_dict("records")
        items: list[RawArticle | FileError] = []
        for number, record in enumerate(records, start=1):
            article_id = _text(record.get("id")) or f"row-{number}"
            text = _text(record.get("text"))
            if not text.strip():
                items.append(FileError(article_id, messages.ROW_EMPTY_TEXT.format(line=number)))
                continue
            fields = {name: _text(record.get(name)) for name in _FRAME_FIELDS}
            fields["outlet"] = fields["outlet"] or article_id
            items.append(RawArticle(id=article_id, file=article_id, text=text, **fields))
        rows = [o.row or {} for o in analyse_chunk(items, actors, finish=finish)]
        yield pd.DataFrame({
            name: pd.Series([_coerce(kind, r.get(name)) for r in rows],
                            dtype=_PANDAS_DTYPES[kind])
            for name, kind in kinds
        })


def _text(value: Any) -> str:
    if value is None or value != value:  # None or NaN, as pandas gives for missing cells
        return ""
    return str(value)
