"""Where streamed articles go: JSON lines, or a Parquet file in row groups."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from analysis.batch.rows import Outcome, coerce, columns

PARQUET_ROWS_PER_GROUP = 1024
"""Rows buffered before a Parquet row group is written."""



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


class ParquetSink:
    """Writes articles to a Parquet file in row groups, with a fixed schema.

    Raises:
        ImportError: When pyarrow is not installed (the ``slant[dask]`` extra).
    """

    def __init__(self, path: Path) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.pa = pa
        self.kinds = columns()
        arrow = {"string": pa.string(), "double": pa.float64(), "bigint": pa.int64(),
                 "boolean": pa.bool_()}
        self.schema = pa.schema([(c, arrow[k]) for c, k in self.kinds])
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
