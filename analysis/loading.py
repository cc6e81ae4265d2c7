"""Read a story's articles from folders, files or uploaded bytes.

A story is a folder of ``.txt``, ``.md`` and ``.html`` files (with an optional
``story.toml`` manifest), or a CSV / JSONL table with a ``text`` column, or a
mix given on the command line. Every input goes through :func:`read_upload`,
so files on disk and files uploaded to the dashboard are read the same way.

Nothing here raises on bad input: each problem becomes a
:class:`~analysis.model.FileError` naming the file (and the line, for tables),
and the rest of the story still loads.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from analysis import messages
from analysis.encoding import NotText, decode
from analysis.manifest import Manifest, read_manifest
from analysis.model import FileError, StoryInfo

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson")
# Bounds that keep one hostile or mistaken file from hanging the app. Both can
# be raised with --max-bytes / SLANT_MAX_BYTES.
MAX_FILE_BYTES = int(os.environ.get("SLANT_MAX_BYTES", 10_000_000))
MAX_FIELD_CHARS = 2_000_000
TABLE_FIELDS = ("id", "outlet", "title", "url", "date")


@dataclass(frozen=True)
class RawArticle:
    """One article as read, before cleaning.

    Args:
        id: Unique within the story: the file stem, or the table's ``id``.
        file: Where it came from, as shown to the user.
        text: The decoded text.
        encoding: The detected encoding.
        outlet: The outlet, from the manifest or table, else the file name.
        kind: Outlet kind from the manifest ("unknown" otherwise).
        byline: Byline from the manifest or table.
        evidence: The manifest's evidence for the attribution.
        title: A title given by the input (a table's ``title``), else "".
        url: The article's address, if given.
        date: The publication date, if given.
        warnings: Non-fatal problems, e.g. a mixed encoding.
    """

    id: str
    file: str
    text: str
    encoding: str = "utf-8"
    outlet: str = ""
    kind: str = "unknown"
    byline: str = ""
    evidence: str = ""
    title: str = ""
    url: str = ""
    date: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class LoadedStory:
    """Everything read for one story, before analysis."""

    info: StoryInfo
    articles: tuple[RawArticle, ...]
    errors: tuple[FileError, ...]
    warnings: tuple[str, ...] = ()


def load_paths(paths: Sequence[Path], max_bytes: int = MAX_FILE_BYTES) -> LoadedStory:
    """Read every article under ``paths``.

    Args:
        paths: Folders (read non-recursively, with their manifest) and files.
        max_bytes: Files larger than this are refused with a message.

    Returns:
        The story's raw articles and per-file errors. Ids are made unique.
    """
    articles: list[RawArticle] = []
    errors: list[FileError] = []
    notes: list[str] = []
    info: StoryInfo | None = None
    for path in paths:
        if path.is_dir():
            manifest = read_manifest(path)
            if manifest is not None:
                info = info or manifest.info
                notes.extend(manifest.problems)
            files = sorted(p for p in path.iterdir() if _readable_suffix(p) and p.is_file())
            if not files:
                errors.append(FileError(str(path), messages.NO_INPUT.format(path=path)))
            for file in files:
                got, bad = read_file(file, manifest, max_bytes)
                articles.extend(got)
                errors.extend(bad)
        else:
            got, bad = read_file(path, None, max_bytes)
            articles.extend(got)
            errors.extend(bad)
    if info is None:
        title = paths[0].stem if len(paths) == 1 else "Story"
        info = StoryInfo(title=title, source=", ".join(str(p) for p in paths))
    return LoadedStory(info, tuple(unique_ids(articles)), tuple(errors), tuple(notes))


def read_file(
    path: Path, manifest: Manifest | None = None, max_bytes: int = MAX_FILE_BYTES
) -> tuple[list[RawArticle], list[FileError]]:
    """Read one file from disk.

    Args:
        path: The file.
        manifest: The folder's manifest, for outlet attribution.
        max_bytes: The size limit.

    Returns:
        The articles read and the errors met.
    """
    name = path.name
    if not _readable_suffix(path):
        return [], [FileError(name, messages.UNSUPPORTED.format(suffix=path.suffix))]
    if path.suffix.lower() in TABLE_SUFFIXES:
        try:
            size = path.stat().st_size
            if size > max_bytes * 20:  # tables hold many articles; still bounded
                limit = max_bytes * 20
                return [], [FileError(name, messages.TOO_LARGE.format(size=size, limit=limit))]
            with path.open("rb") as handle:
                return _split(iter_table(name, handle))
        except OSError as exc:
            return [], [FileError(name, messages.UNREADABLE.format(reason=exc.strerror or exc))]
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return [], [FileError(name, messages.TOO_LARGE.format(size=size, limit=max_bytes))]
        data = path.read_bytes()
    except OSError as exc:
        return [], [FileError(name, messages.UNREADABLE.format(reason=exc.strerror or exc))]
    got, bad = read_upload(name, data, max_bytes)
    if manifest is not None and name in manifest.articles:
        attribution = manifest.articles[name]
        got = [
            replace(
                a,
                outlet=attribution.outlet,
                kind=attribution.kind,
                byline=attribution.byline or a.byline,
                evidence=attribution.evidence,
            )
            for a in got
        ]
    return got, bad


def read_upload(
    name: str, data: bytes, max_bytes: int = MAX_FILE_BYTES
) -> tuple[list[RawArticle], list[FileError]]:
    """Read one file's bytes, whether from disk or from an upload.

    Args:
        name: The file name, used for the type, the id and messages.
        data: The file's bytes.
        max_bytes: The size limit for a single article file.

    Returns:
        The articles read (one, or one per table row) and the errors met.
    """
    display = safe_name(name)
    suffix = Path(display).suffix.lower()
    if suffix in TABLE_SUFFIXES:
        return _split(iter_table(display, io.BytesIO(data)))
    if suffix not in TEXT_SUFFIXES:
        return [], [FileError(display, messages.UNSUPPORTED.format(suffix=suffix))]
    if len(data) > max_bytes:
        return [], [FileError(display, messages.TOO_LARGE.format(size=len(data), limit=max_bytes))]
    try:
        decoded = decode(data)
    except NotText as exc:
        return [], [FileError(display, str(exc))]
    text = decoded.text
    if suffix in (".html", ".htm"):
        from analysis.html import extract_text

        text, problem = extract_text(text)
        if problem:
            return [], [FileError(display, problem)]
    elif suffix in (".md", ".markdown"):
        text = strip_markdown(text)
    if not text.strip():
        return [], [FileError(display, messages.EMPTY)]
    warnings = ()
    if decoded.replaced:
        warnings = (messages.MIXED_ENCODING.format(count=decoded.replaced),)
    stem = Path(display).stem or "article"
    return [
        RawArticle(
            id=stem, file=display, text=text, encoding=decoded.encoding, outlet=stem,
            warnings=warnings,
        )
    ], []


def iter_table(name: str, handle: io.BufferedIOBase) -> Iterator[RawArticle | FileError]:
    """Stream the rows of a CSV or JSONL table of articles.

    Rows are read one at a time, so a table of 100,000 articles never sits in
    memory whole. Bad rows become errors with their line number; good rows are
    kept.

    Args:
        name: The file name (its suffix picks the format).
        handle: A binary file object.

    Yields:
        A :class:`RawArticle` per good row, a :class:`FileError` per bad one.
    """
    stream = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="replace", newline="")
    if name.lower().endswith(".csv"):
        yield from _csv_rows(name, stream)
    else:
        yield from _jsonl_rows(name, stream)


def _csv_rows(name: str, stream: io.TextIOBase) -> Iterator[RawArticle | FileError]:
    csv.field_size_limit(MAX_FIELD_CHARS + 1)
    reader = csv.DictReader(stream)
    try:
        columns = reader.fieldnames or []
    except csv.Error as exc:
        yield FileError(name, messages.ROW_BAD_JSON.format(line=1, reason=exc), 1)
        return
    if "text" not in columns:
        yield FileError(name, messages.CSV_NO_TEXT_COLUMN.format(columns=", ".join(columns) or "none"))
        return
    row_number = 0
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            reason = str(exc)
            if "field larger" in reason:
                yield FileError(name, messages.ROW_TOO_LARGE.format(line=line, limit=MAX_FIELD_CHARS), line)
            else:
                yield FileError(name, messages.ROW_BAD_JSON.format(line=line, reason=reason), line)
            continue
        row_number += 1
        yield _row_article(name, line, row_number, row)


def _jsonl_rows(name: str, stream: io.TextIOBase) -> Iterator[RawArticle | FileError]:
    row_number = 0
    for line, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        if len(raw) > MAX_FIELD_CHARS * 2:
            yield FileError(name, messages.ROW_TOO_LARGE.format(line=line, limit=MAX_FIELD_CHARS), line)
            continue
        try:
            row = json.loads(raw)
        except (json.JSONDecodeError, RecursionError) as exc:
            reason = getattr(exc, "msg", "nested too deeply")
            yield FileError(name, messages.ROW_BAD_JSON.format(line=line, reason=reason), line)
            continue
        if not isinstance(row, dict):
            yield FileError(name, messages.ROW_NOT_OBJECT.format(line=line), line)
            continue
        row_number += 1
        yield _row_article(name, line, row_number, row)


def _row_article(name: str, line: int, number: int, row: dict) -> RawArticle | FileError:
    text = row.get("text")
    if text is None:
        return FileError(name, messages.ROW_NO_TEXT.format(line=line), line)
    if not isinstance(text, str):
        text = str(text)
    if len(text) > MAX_FIELD_CHARS:
        return FileError(name, messages.ROW_TOO_LARGE.format(line=line, limit=MAX_FIELD_CHARS), line)
    if not text.strip():
        return FileError(name, messages.ROW_EMPTY_TEXT.format(line=line), line)
    fields = {k: _field(row.get(k)) for k in TABLE_FIELDS}
    article_id = fields["id"] or f"{Path(name).stem}-{number}"
    return RawArticle(
        id=article_id,
        file=f"{name}:{line}",
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        outlet=fields["outlet"] or article_id,
        title=fields["title"],
        url=fields["url"],
        date=fields["date"],
    )


def _field(value: object) -> str:
    if value is None:
        return ""
    return str(value).strip()[:500]


def _split(items: Iterable[RawArticle | FileError]) -> tuple[list[RawArticle], list[FileError]]:
    good: list[RawArticle] = []
    bad: list[FileError] = []
    for item in items:
        (bad if isinstance(item, FileError) else good).append(item)
    return good, bad


def _readable_suffix(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES + TABLE_SUFFIXES


_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f]")


def safe_name(name: str) -> str:
    """Reduce a user-supplied file name to a bare, printable file name.

    Path parts ("../", "C:\\") are dropped so the name can never address a
    file outside the story folder; control characters are removed. The result
    is still untrusted text: escape it before it reaches HTML.

    Args:
        name: The name as uploaded.

    Returns:
        A non-empty base name.
    """
    base = re.split(r"[\\/]", name)[-1]
    base = _UNSAFE_NAME.sub("", base).strip().lstrip(".")
    return base or "unnamed.txt"


def unique_ids(articles: Iterable[RawArticle]) -> list[RawArticle]:
    """Make article ids unique by suffixing repeats with ``-2``, ``-3``...

    Args:
        articles: Articles in input order.

    Returns:
        The same articles, ids deduplicated.
    """
    seen: dict[str, int] = {}
    out = []
    for article in articles:
        count = seen.get(article.id, 0) + 1
        seen[article.id] = count
        out.append(article if count == 1 else replace(article, id=f"{article.id}-{count}"))
    return out


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def strip_markdown(text: str) -> str:
    """Turn Markdown into the plain text a reader sees.

    Only structure is removed (heading marks, link targets, images); emphasis
    marks are left alone, because asterisks in news copy are usually literal.

    Args:
        text: Markdown source.

    Returns:
        Plain text, one paragraph per line.
    """
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    return _MD_HEADING.sub("", text)
