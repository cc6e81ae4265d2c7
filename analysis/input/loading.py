"""Read a story's articles from folders, files or uploaded bytes.

A story is a folder of ``.txt``, ``.md`` and ``.html`` files (with an optional
``story.toml`` manifest), or a CSV / JSONL table with a ``text`` column, or a
mix given on the command line. Every input goes through :func:`read_upload`,
so files on disk and files uploaded to the dashboard are read the same way.

Nothing here raises on bad input: each problem becomes a
:class:`~analysis.results.article.FileError` naming the file (and the line, for tables),
and the rest of the story still loads.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from analysis import messages
from analysis.input.encoding import (
    NotText,
    binary_signature,
    decode,
    decode_cp1252,
    decode_mixed,
    normalise_text,
    replace_surrogates,
)
from analysis.input.manifest import MANIFEST_NAME, Manifest, read_manifest
from analysis.results.article import FileError, StoryInfo
from analysis.results.doc import Actor

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson")
# Bounds that keep one hostile or mistaken file from hanging the app. Both can
# be raised with --max-bytes / SLANT_MAX_BYTES.
MAX_FILE_BYTES = int(os.environ.get("SLANT_MAX_BYTES", 10_000_000))
MAX_FIELD_CHARS = 2_000_000
# Tables hold many articles, so they may be this many times larger than one
# article file; they are streamed row by row, so memory stays bounded.
TABLE_SIZE_FACTOR = 20
# A JSONL line longer than this is skipped without being read into memory whole.
MAX_LINE_CHARS = MAX_FIELD_CHARS * 2
MAX_NAME_CHARS = 200
TABLE_FIELDS = ("id", "outlet", "title", "url", "date")
"""Optional text fields of a table row, besides ``text`` and ``actors``."""


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
        actors: Actors a table row names for this article alone (its
            ``actors`` field); when given, they are measured in this article
            instead of the story's.
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
    actors: tuple[Actor, ...] = ()


@dataclass(frozen=True)
class LoadedStory:
    """Everything read for one story, before analysis."""

    info: StoryInfo
    articles: tuple[RawArticle, ...]
    errors: tuple[FileError, ...]


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
    info: StoryInfo | None = None
    for path in paths:
        if path.is_dir():
            manifest = read_manifest(path)
            if manifest is not None:
                info = info or manifest.info
                # Manifest problems are errors of the manifest file, so every
                # front end that lists errors (CLI stderr, JSON, the app) shows them.
                where = str(path / MANIFEST_NAME)
                errors.extend(FileError(where, problem) for problem in manifest.problems)
            try:
                files = sorted(p for p in path.iterdir() if _readable_suffix(p) and p.is_file())
            except OSError as exc:
                reason = exc.strerror or exc
                errors.append(FileError(str(path), messages.UNREADABLE.format(reason=reason)))
                continue
            if not files:
                errors.append(FileError(str(path), messages.NO_INPUT.format(path=path)))
            for file in files:
                got, bad = read_file(file, manifest, max_bytes)
                articles.extend(got)
                errors.extend(bad)
        elif not path.exists():
            errors.append(FileError(safe_name(str(path)), messages.NOT_FOUND))
        else:
            got, bad = read_file(path, None, max_bytes)
            articles.extend(got)
            errors.extend(bad)
    if info is None:
        title = paths[0].stem if len(paths) == 1 else "Story"
        info = StoryInfo(title=title, source=", ".join(str(p) for p in paths))
    return LoadedStory(info, tuple(unique_ids(articles)), tuple(errors))


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
    name = safe_name(path.name)
    if not _readable_suffix(path):
        return [], [FileError(name, messages.UNSUPPORTED.format(suffix=path.suffix))]
    if path.suffix.lower() in TABLE_SUFFIXES:
        try:
            size = path.stat().st_size
            limit = max_bytes * TABLE_SIZE_FACTOR
            if size > limit:
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
    got, bad = read_upload(path.name, data, max_bytes)
    if manifest is not None and path.name in manifest.articles:
        attribution = manifest.articles[path.name]
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
        limit = max_bytes * TABLE_SIZE_FACTOR
        if len(data) > limit:
            return [], [FileError(display, messages.TOO_LARGE.format(size=len(data), limit=limit))]
        return _split(iter_table(display, io.BytesIO(data)))
    if suffix not in TEXT_SUFFIXES:
        return [], [FileError(display, messages.UNSUPPORTED.format(suffix=suffix))]
    if len(data) > max_bytes:
        return [], [FileError(display, messages.TOO_LARGE.format(size=len(data), limit=max_bytes))]
    try:
        decoded = decode(data)
    except NotText as exc:
        return [], [FileError(display, exc.args[0])]  # args[0]: the Message, with its code
    text = decoded.text
    warnings: tuple[str, ...] = ()
    if decoded.replaced:
        warnings = (messages.MIXED_ENCODING.format(count=decoded.replaced),)
    if suffix in (".html", ".htm"):
        if is_blank(text):
            return [], [FileError(display, messages.EMPTY)]
        from analysis.input.html import extract

        extracted = extract(text)
        if extracted.problem:
            return [], [FileError(display, extracted.problem)]
        text = normalise_text(extracted.text)
        if extracted.warning:
            warnings += (extracted.warning,)
    elif suffix in (".md", ".markdown"):
        text = strip_markdown(text)
    if is_blank(text):
        return [], [FileError(display, messages.EMPTY)]
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
    kept. Each line is decoded on its own: a UTF-8 table with one stray cp1252
    byte keeps its other rows as UTF-8 and warns on the row with the byte (a
    table with no UTF-8 at all in its first 64 KB is read as cp1252). A NUL
    byte costs only its row, and a quote that is never closed costs only the
    row it opens in. UTF-16 tables (with a BOM) are decoded whole.

    Args:
        name: The file name (its suffix picks the format).
        handle: A binary file object.

    Yields:
        A :class:`RawArticle` per good row, a :class:`FileError` per bad one.
    """
    encoding = _table_encoding(handle)
    if encoding is None:
        yield FileError(name, messages.NOT_TEXT_NUL)
        return
    if encoding == "utf-16":
        stream = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
        lines = _Lines(((number, text, None) for number, text in enumerate(stream, 1)))
    else:
        # CSV lines are read whole (a quoted field may be long; the file size
        # is bounded); JSONL lines are bounded so a hostile line is skipped.
        limit = None if name.lower().endswith(".csv") else MAX_LINE_BYTES
        lines = _Lines(_decoded_lines(handle, encoding, limit))
    label = {"utf-8-sig": "utf-8"}.get(encoding, encoding)
    if name.lower().endswith(".csv"):
        rows = _csv_rows(name, lines)
    else:
        rows = _jsonl_rows(name, lines)
    for row in rows:
        yield replace(row, encoding=label) if isinstance(row, RawArticle) else row


_SNIFF_BYTES = 65536
# More NUL bytes than this share of the first 64 KB means a binary file, not a
# table with a stray byte.
_BINARY_NUL_SHARE = 0.01
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Physical lines end at \r\n, \r or \n, as csv and universal newlines read them.
_PHYSICAL_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")
# A JSONL line longer than this many bytes is skipped without being held whole.
MAX_LINE_BYTES = MAX_LINE_CHARS * 4


def _table_encoding(handle: io.BufferedIOBase) -> str | None:
    """Pick a table's encoding from its first bytes; None if it is binary.

    Binary means a known binary signature (an image, a PDF, an archive) or NUL
    bytes in more than 1% of the sample; a stray NUL costs only its row.

    "utf-8-sig" means each line is decoded as UTF-8 (stray bytes in a row as
    cp1252, with a warning); "cp1252" that the sample holds no UTF-8 at all.
    """
    if not handle.seekable():
        return "utf-8-sig"
    head = handle.read(_SNIFF_BYTES)
    handle.seek(0)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if binary_signature(head) or head.count(b"\x00") > max(1, len(head) * _BINARY_NUL_SHARE):
        return None
    try:
        # Not final: the sample may end inside a multi-byte character.
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return "utf-8-sig" if _UTF8_MULTIBYTE.search(head) else "cp1252"
    return "utf-8-sig"


@dataclass(frozen=True)
class _LineNote:
    """What decoding one physical line found: stray bytes or a NUL."""

    replaced: int = 0
    nul: bool = False
    cut: bool = False


def _decoded_lines(
    handle: io.BufferedIOBase, encoding: str, max_bytes: int | None = None
) -> Iterator[tuple[int, str, _LineNote | None]]:
    """Yield ``(line number, text, note)`` per physical line, each decoded alone.

    With ``max_bytes``, a longer line is not held in memory: it is skipped and
    yielded as an empty text with ``note.cut`` set.
    """
    number = 0
    first = True
    while True:
        raw = handle.readline(-1 if max_bytes is None else max_bytes + 1)
        if not raw:
            return
        if first and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        first = False
        if max_bytes is not None and len(raw) > max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = handle.readline(1 << 20)
            number += 1
            yield number, "", _LineNote(cut=True)
            continue
        note = None
        if encoding == "cp1252":
            text = decode_cp1252(raw)
        else:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text, replaced = decode_mixed(raw)
                note = _LineNote(replaced=replaced)
        if "\x00" in text:
            note = _LineNote(replaced=note.replaced if note else 0, nul=True)
        for part in _PHYSICAL_LINE.findall(text):
            number += 1
            yield number, part, note


class _Lines:
    """Iterate decoded lines, remembering where each record starts.

    ``csv`` reports only the last physical line it read; a record can span
    several lines (quoted newlines) and blank lines are skipped, so the first
    non-blank line since :meth:`mark` is the record's own line number. The
    lines of the current record are kept, so a record that swallowed the
    lines after it (an unclosed quote) can be read again from its second line.
    """

    def __init__(self, source: Iterator[tuple[int, str, _LineNote | None]]) -> None:
        self._source = source
        self._pushed: list[tuple[int, str, _LineNote | None]] = []
        self.read = 0
        self.start: int | None = None
        self.record: list[tuple[int, str, _LineNote | None]] = []

    def mark(self) -> None:
        self.start = None
        self.record = []

    def push_back(self, items: list[tuple[int, str, _LineNote | None]]) -> None:
        self._pushed = items + self._pushed

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        item = self._pushed.pop(0) if self._pushed else next(self._source)
        self.read = item[0]
        self.record.append(item)
        if self.start is None and item[1].strip():
            self.start = self.read
        return item[1]

    def readline(self) -> str:
        try:
            return next(self)
        except StopIteration:
            return ""

    def notes(self) -> tuple[int, bool]:
        """Stray bytes replaced, and whether a NUL was met, in the current record."""
        notes = [n for _, _, n in self.record if n is not None]
        return sum(n.replaced for n in notes), any(n.nul for n in notes)


def _with_notes(
    name: str, lines: _Lines, item: RawArticle | FileError
) -> RawArticle | FileError:
    """Turn the decoding notes of the current record into an error or a warning."""
    replaced, nul = lines.notes()
    line = lines.start or lines.read
    if nul:
        return FileError(name, messages.ROW_NUL.format(line=line), line)
    if replaced and isinstance(item, RawArticle):
        warning = messages.ROW_MIXED_ENCODING.format(line=line, count=replaced)
        return replace(item, warnings=(*item.warnings, warning))
    return item


def _csv_rows(name: str, lines: _Lines) -> Iterator[RawArticle | FileError]:
    csv.field_size_limit(MAX_FIELD_CHARS + 1)
    reader = csv.DictReader(lines)
    try:
        columns = reader.fieldnames or []
    except csv.Error as exc:
        yield FileError(name, messages.ROW_BAD_CSV.format(line=1, reason=exc), 1)
        return
    if "text" not in columns:
        shown = ", ".join(repr(c) for c in columns[:20]) or "none"
        yield FileError(name, messages.CSV_NO_TEXT_COLUMN.format(columns=shown))
        return
    row_number = 0
    while True:
        lines.mark()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            line = lines.start or lines.read
            reason = str(exc)
            if "field larger" in reason:
                message = messages.ROW_TOO_LARGE.format(line=line, limit=MAX_FIELD_CHARS)
            else:
                message = messages.ROW_BAD_CSV.format(line=line, reason=reason)
            yield FileError(name, message, line)
            continue
        own = [t for n, t, _ in lines.record if lines.start is not None and n >= lines.start]
        if len(own) > 1 and sum(t.count('"') for t in own) % 2:
            # An odd number of quote marks: the field that opened on the first
            # line ran to the end of the file. Only that row is lost.
            line = lines.start or lines.read
            yield FileError(name, messages.ROW_UNCLOSED_QUOTE.format(line=line), line)
            first = next(i for i, (n, _, _) in enumerate(lines.record) if n == line)
            lines.push_back(lines.record[first + 1 :])
            continue
        row_number += 1
        article = _row_article(name, lines.start or lines.read, row_number, row)
        yield _with_notes(name, lines, article)


def _jsonl_rows(name: str, lines: _Lines) -> Iterator[RawArticle | FileError]:
    row_number = 0
    while True:
        lines.mark()
        raw = lines.readline()
        if not raw and not lines.record:
            return
        line = lines.read
        if any(n is not None and n.cut for _, _, n in lines.record):
            message = messages.ROW_TOO_LARGE.format(line=line, limit=MAX_FIELD_CHARS)
            yield FileError(name, message, line)
            continue
        if not raw.strip():
            continue
        if lines.notes()[1]:
            yield FileError(name, messages.ROW_NUL.format(line=line), line)
            continue
        try:
            row = json.loads(raw)
        except RecursionError:
            reason = "nested too deeply"
            yield FileError(name, messages.ROW_BAD_JSON.format(line=line, reason=reason), line)
            continue
        except json.JSONDecodeError as exc:
            yield FileError(name, messages.ROW_BAD_JSON.format(line=line, reason=exc.msg), line)
            continue
        except ValueError:  # a number with more digits than Python will convert
            reason = "a number has too many digits"
            yield FileError(name, messages.ROW_BAD_JSON.format(line=line, reason=reason), line)
            continue
        if not isinstance(row, dict):
            yield FileError(name, messages.ROW_NOT_OBJECT.format(line=line), line)
            continue
        row_number += 1
        yield _with_notes(name, lines, _row_article(name, line, row_number, row))


def _row_article(name: str, line: int, number: int, row: dict) -> RawArticle | FileError:
    text = row.get("text")
    if text is None:
        return FileError(name, messages.ROW_NO_TEXT.format(line=line), line)
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str):
        return FileError(name, messages.ROW_TEXT_NOT_STRING.format(line=line), line)
    if len(text) > MAX_FIELD_CHARS:
        message = messages.ROW_TOO_LARGE.format(line=line, limit=MAX_FIELD_CHARS)
        return FileError(name, message, line)
    # JSON can spell lone surrogates ("\\udfff"), which no encoder accepts:
    # they become U+FFFD here, once, so nothing downstream meets them.
    text, fixed = replace_surrogates(text)
    warnings = (messages.ROW_LONE_SURROGATES.format(line=line, count=fixed),) if fixed else ()
    text = normalise_text(text)
    if is_blank(text):
        return FileError(name, messages.ROW_EMPTY_TEXT.format(line=line), line)
    fields = {k: _field(row.get(k)) for k in TABLE_FIELDS}
    article_id = fields["id"] or f"{Path(name).stem}-{number}"
    actors = row_actors(row.get("actors"))
    if actors is None:
        warnings = (*warnings, messages.ROW_BAD_ACTORS.format(line=line))
    return RawArticle(
        id=article_id,
        file=f"{name}:{line}",
        text=text,
        outlet=fields["outlet"] or article_id,
        title=fields["title"],
        url=fields["url"],
        date=fields["date"],
        warnings=warnings,
        actors=actors or (),
    )


def row_actors(value: object) -> tuple[Actor, ...] | None:
    """A row's ``actors`` field: a JSON list of names, or names separated by ``;``.

    Args:
        value: The field as read (absent: None).

    Returns:
        The actors (empty when the field is absent or empty), or None when the
        field is neither a list of names nor a string.
    """
    if value is None:
        return ()
    if isinstance(value, str):
        names = value.split(";")
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        names = value
    else:
        return None
    clean = (_field(n) for n in names)
    return tuple(Actor(n) for n in dict.fromkeys(n for n in clean if n))


# Anything but whitespace and the invisible format characters (zero-width
# spaces and joiners, BOMs, soft hyphens, direction marks) counts as content.
_VISIBLE = re.compile(r"[^\s\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: only whitespace and invisible characters.

    Such a file is reported as empty rather than analysed to scores of 0.0.

    Args:
        text: Decoded text.

    Returns:
        True when no visible character is present.
    """
    return _VISIBLE.search(text) is None


def _field(value: object) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    return normalise_text(replace_surrogates(str(value))[0]).replace("\n", " ").strip()[:500]


def _split(items: Iterable[RawArticle | FileError]) -> tuple[list[RawArticle], list[FileError]]:
    good: list[RawArticle] = []
    bad: list[FileError] = []
    for item in items:
        (bad if isinstance(item, FileError) else good).append(item)
    return good, bad


def _readable_suffix(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES + TABLE_SUFFIXES


# Control characters and the invisible bidirectional controls that can make
# "txt.exe" display as "exe.txt": shown as visible stand-ins, never passed
# through. The stand-ins hold no separator, so safe_name is idempotent (a name
# saved in the store and read back is not mangled a second time).
_UNSAFE_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


_LEADING = re.compile(r"^[\s.]+")


def _show_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode "control pictures": ␀ ␉ ␊ ␛ ...
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"[U+{code:04X}]"


def show_controls(text: str) -> str:
    """Control and bidirectional-control characters as visible stand-ins.

    ESC shows as "␛", U+202E as "[U+202E]"; everything else is unchanged.
    Used for file names here and, by the CLI's outputs, for every string a
    terminal or spreadsheet shows (titles, outlets, bylines, actor names).
    """
    return _UNSAFE_NAME.sub(_show_char, text)


def safe_name(name: str) -> str:
    r"""Reduce a user-supplied file name to a bare, printable file name.

    Path parts ("../", "C:\") are dropped so the name can never address a
    file outside the story folder. Control characters become their visible
    Unicode pictures (ESC shows as "␛") and bidirectional controls a bracketed
    code ("[U+202E]"); an overlong name is shortened, keeping its suffix. The
    result is still untrusted text (``<b>`` and quotes stay): escape it before
    it reaches HTML. Applying it twice changes nothing.

    Args:
        name: The name as uploaded.

    Returns:
        A non-empty base name.
    """
    base = re.split(r"[\\/]", name)[-1]
    # No leading dots or spaces: no hidden files, no "..".
    base = _LEADING.sub("", show_controls(base)).rstrip()
    if len(base) > MAX_NAME_CHARS:
        suffix = Path(base).suffix
        suffix = suffix if len(suffix) <= 10 else ""
        base = base[: MAX_NAME_CHARS - len(suffix) - 1] + "…" + suffix
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
# Each scan stops at the next bracket or parenthesis (or line end), so a file
# of "![" or "[a](" repeated costs linear time, not a scan to the end per
# opening (which took 36 s for 40 KB of "![").
# A link target may hold one level of parentheses (Wikipedia addresses do).
_MD_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"
_MD_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]" + _MD_TARGET)
_MD_LINK = re.compile(r"\[([^\[\]\n]+)\]" + _MD_TARGET)


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
