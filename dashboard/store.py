"""Saved stories: the user's own articles, kept on disk between sessions.

A story is saved as one JSON file in the store folder (``$SLANT_STORE``, by
default ``~/.slant/stories``): the raw files as uploaded or pasted (bytes,
base64), the story title and the outlet names the user edited. The analysis is
not saved; it is recomputed (and cached) from these inputs, so a saved story
never goes stale when Slant improves.

Guarantees:

- **Atomic writes.** A story is written to a temporary file in the same folder,
  flushed to disk and renamed over the old one with :func:`os.replace`, so a
  crash mid-save leaves the previous version intact.
- **Serialised writers.** Every write and delete holds an exclusive lock on
  ``.lock`` in the store, so two browser tabs saving at once never interleave.
- **Read-modify-write under the lock.** :func:`add_files`, :func:`set_outlets`
  and :func:`update_story` read the current version while holding the lock
  and write the change on top of it, so two sessions adding files to one
  story keep both additions. A caller that edited a copy it read earlier
  passes ``expected_updated`` to :func:`save_story`, which refuses a stale
  write with :data:`analysis.messages.STORE_STALE` instead of undoing
  another session's change.
- **Disk problems named.** A full disk and a read-only store each get their
  own message (``STORE_DISK_FULL`` / ``STORE_READ_ONLY``) and the previous
  version stays. A read-only store with a corrupt file still lists the other
  stories. Temporary files left by killed saves are removed under the lock.

API for the dashboard (all raise :class:`StoreError` with a user message):

- ``save_story(title, files, outlets=None, story_id=None, root=None, *,
  expected_updated=None) -> SavedStory``
- ``add_files(story_id, files, outlets=None, root=None) -> SavedStory``: append
  files (names made unique against the current version) and outlet names.
- ``set_outlets(story_id, outlets, root=None) -> SavedStory``
- ``update_story(story_id, change, root=None) -> SavedStory``: apply
  ``change(current) -> SavedStory`` to the current version under the lock.
- ``load_story``, ``list_stories``, ``delete_story``, ``to_loaded``,
  ``content_key`` as before.
- **Nothing silently dropped.** A story file that cannot be read is moved aside
  (``<id>.json.corrupt-<time>``) and reported with a message.
- **No path escapes.** Story ids are generated here and checked against a
  strict pattern; file names are only ever data inside the JSON, passed through
  :func:`analysis.input.loading.safe_name`, never used as paths.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import secrets
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from analysis import messages
from analysis.input.loading import LoadedStory, RawArticle, read_upload, safe_name, unique_ids
from analysis.results.article import FileError, StoryInfo
from dashboard.atomic import clean_temp_files, disk_problem, write_atomic

FORMAT_VERSION = 1
DEFAULT_STORE = "~/.slant/stories"
LOCK_TIMEOUT = 10.0
"""Seconds to wait for another writer before giving up with a message."""
MAX_TITLE = 200
MAX_OUTLET = 120

ERR_CORRUPT = messages.STORE_CORRUPT
ERR_NOT_FOUND = messages.STORE_NOT_FOUND
ERR_BAD_ID = messages.STORE_BAD_ID
ERR_LOCKED = messages.STORE_LOCKED
ERR_NO_FILES = messages.STORE_NO_FILES

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_SLUG = re.compile(r"[^a-z0-9]+")


class StoreError(Exception):
    """A store operation failed; the message says why and what to do."""


# What reading a damaged story file can raise: bad bytes, bad JSON, a missing or
# mistyped field, or JSON nested too deeply for the parser.
_UNREADABLE = (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError)


class CorruptStory(StoreError):
    """A saved story file could not be read; it has been moved aside."""


@dataclass(frozen=True)
class StoredFile:
    """One input file of a saved story, exactly as the user gave it.

    Args:
        name: The file name (already passed through ``safe_name``).
        data: The raw bytes.
    """

    name: str
    data: bytes


@dataclass(frozen=True)
class SavedStory:
    """A story the user saved.

    Args:
        id: The store id (also the file stem).
        title: The story's title.
        files: The raw input files.
        outlets: Edited outlet names, by article id.
        created: When first saved (seconds since the epoch).
        updated: When last saved.
    """

    id: str
    title: str
    files: tuple[StoredFile, ...]
    outlets: Mapping[str, str] = field(default_factory=dict)
    created: float = 0.0
    updated: float = 0.0


@dataclass(frozen=True)
class StoreProblem:
    """A store file that could not be read and was moved aside."""

    file: str
    message: str


def store_dir(root: Path | str | None = None) -> Path:
    """The store folder, created if needed.

    Args:
        root: An explicit folder; else ``$SLANT_STORE``; else ``~/.slant/stories``.

    Returns:
        The absolute folder path.
    """
    chosen = root if root is not None else os.environ.get("SLANT_STORE") or DEFAULT_STORE
    path = Path(chosen).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def _path(root: Path, story_id: str) -> Path:
    if not isinstance(story_id, str) or not _ID.match(story_id):
        raise StoreError(ERR_BAD_ID.format(story_id=story_id))
    path = root / f"{story_id}.json"
    # Belt and braces: the pattern already rules out separators and dots.
    if path.resolve().parent != root:
        raise StoreError(ERR_BAD_ID.format(story_id=story_id))
    return path


def new_id(title: str) -> str:
    """A fresh story id: a slug of the title plus a random suffix."""
    slug = _SLUG.sub("-", title.lower()).strip("-")[:40] or "story"
    return f"{slug}-{secrets.token_hex(4)}"


@contextlib.contextmanager
def _locked(root: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the store's exclusive write lock."""
    lock_path = root / ".lock"
    try:
        handle = open(lock_path, "a+b")  # noqa: SIM115 - closed in finally
    except OSError as exc:
        raise _disk_error(exc, root) from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                _lock_file(handle)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise StoreError(ERR_LOCKED.format(seconds=timeout)) from None
                time.sleep(0.02)
        try:
            # A save killed mid-write leaves its temporary file; no write is
            # running while we hold the lock, so every one found is stale.
            clean_temp_files(root)
            yield
        finally:
            _unlock_file(handle)
    finally:
        handle.close()


class ReadOnlyStore(StoreError):
    """The store folder cannot be written (read-only disk or no permission)."""


def _disk_error(exc: OSError, root: Path) -> StoreError:
    """The user message for a failed write; the previous version is unchanged."""
    problem = disk_problem(exc)
    if problem == "full":
        return StoreError(messages.STORE_DISK_FULL)
    if problem == "read-only":
        return ReadOnlyStore(messages.STORE_READ_ONLY.format(folder=root))
    return StoreError(messages.STORE_WRITE_FAILED.format(reason=exc.strerror or exc))


try:  # POSIX
    import fcntl

    def _lock_file(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_file(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _lock_file(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock_file(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)


def _atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so readers see the old or the new file, never half."""
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise _disk_error(exc, path.parent) from None


def _encode(story: SavedStory) -> str:
    return json.dumps(
        {
            "version": FORMAT_VERSION,
            "id": story.id,
            "title": story.title,
            "created": story.created,
            "updated": story.updated,
            "files": [
                {"name": f.name, "data": base64.b64encode(f.data).decode("ascii")}
                for f in story.files
            ],
            "outlets": dict(story.outlets),
        },
        ensure_ascii=False,
    )


def _decode(story_id: str, text: str) -> SavedStory:
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise ValueError("unknown format")
    files = data["files"]
    outlets = data.get("outlets") or {}
    if not isinstance(files, list) or not isinstance(outlets, dict):
        raise ValueError("malformed fields")
    return SavedStory(
        id=story_id,
        title=str(data.get("title") or story_id)[:MAX_TITLE],
        files=tuple(
            StoredFile(safe_name(str(f["name"])), base64.b64decode(f["data"], validate=True))
            for f in files
        ),
        outlets={str(k): str(v)[:MAX_OUTLET] for k, v in outlets.items()},
        created=float(data.get("created") or 0.0),
        updated=float(data.get("updated") or 0.0),
    )


def _set_aside(path: Path, reason: str) -> StoreProblem:
    moved = path.with_name(f"{path.name}.corrupt-{int(time.time())}-{secrets.token_hex(2)}")
    try:
        os.replace(path, moved)
    except OSError:
        # A read-only store: the file stays where it is and says so.
        message = messages.STORE_UNREADABLE_READ_ONLY.format(file=path.name, reason=reason)
        return StoreProblem(path.name, message)
    message = ERR_CORRUPT.format(file=path.name, reason=reason, moved=moved.name)
    return StoreProblem(path.name, message)


def save_story(
    title: str,
    files: Sequence[StoredFile],
    outlets: Mapping[str, str] | None = None,
    story_id: str | None = None,
    root: Path | str | None = None,
    *,
    expected_updated: float | None = None,
) -> SavedStory:
    """Save a story (new, or replacing ``story_id``) atomically under the lock.

    Args:
        title: The story's title.
        files: Its input files; names are made safe here.
        outlets: Edited outlet names by article id.
        story_id: The id to overwrite; None for a new story.
        root: The store folder (default: :func:`store_dir`).
        expected_updated: The ``updated`` time of the version the caller
            edited; if the saved story has changed since, the write is refused.

    Returns:
        The story as saved.

    Raises:
        StoreError: No files, a bad id, a stale write, a full or read-only
            disk, or the lock could not be taken.
    """
    if not files:
        raise StoreError(ERR_NO_FILES)
    folder = store_dir(root)
    with _locked(folder):
        current = None
        if story_id is not None:
            current = _current(folder, story_id)
            if expected_updated is not None and (
                current is None or current.updated != expected_updated
            ):
                raise StoreError(messages.STORE_STALE)
        return _write(folder, title, files, outlets, story_id, current)


def _current(folder: Path, story_id: str) -> SavedStory | None:
    """The saved version of ``story_id`` (call under the lock), or None."""
    path = _path(folder, story_id)
    try:
        return _read(path, story_id)
    except FileNotFoundError:
        return None
    except _UNREADABLE:
        return None


def _write(
    folder: Path,
    title: str,
    files: Sequence[StoredFile],
    outlets: Mapping[str, str] | None,
    story_id: str | None,
    current: SavedStory | None,
) -> SavedStory:
    """Write one version (call under the lock)."""
    title = (title.strip() or "Untitled story")[:MAX_TITLE]
    now = time.time()
    if current is not None and now <= current.updated:
        now = current.updated + 1e-6  # versions stay ordered on a coarse clock
    if story_id is None:
        story_id = new_id(title)
    path = _path(folder, story_id)
    story = SavedStory(
        id=story_id,
        title=title,
        files=tuple(StoredFile(safe_name(f.name), bytes(f.data)) for f in files),
        outlets={str(k): str(v).strip()[:MAX_OUTLET] for k, v in (outlets or {}).items()},
        created=(current.created if current is not None and current.created else now),
        updated=now,
    )
    _atomic_write(path, _encode(story))
    return story


def update_story(
    story_id: str,
    change: Callable[[SavedStory], SavedStory],
    root: Path | str | None = None,
) -> SavedStory:
    """Apply ``change`` to the current version of a story, under the lock.

    Args:
        story_id: The story.
        change: Gets the version on disk, returns the new one (its title,
            files and outlets are saved; ids and times are the store's).
        root: The store folder.

    Returns:
        The story as saved.

    Raises:
        StoreError: It does not exist (or no longer), or the write failed.
    """
    folder = store_dir(root)
    with _locked(folder):
        # Missing: "not found"; unreadable: moved aside and reported as corrupt.
        current = _read_or_set_aside(_path(folder, story_id), story_id)
        changed = change(current)
        if not changed.files:
            raise StoreError(ERR_NO_FILES)
        return _write(
            folder, changed.title, changed.files, changed.outlets, story_id, current
        )


def add_files(
    story_id: str,
    files: Sequence[StoredFile],
    outlets: Mapping[str, str] | None = None,
    root: Path | str | None = None,
    only_new: bool = False,
) -> SavedStory:
    """Add files (and outlet names) to a saved story, keeping everything already in it.

    The current version is read under the lock, so two sessions adding at the
    same time keep both sets of files. A name already in the story gets a
    ``-2``, ``-3``... suffix before its extension, and an outlet name given
    for the file's article follows it to the new name.

    Args:
        story_id: The story.
        files: The files to add.
        outlets: Outlet names by article id to add or change.
        root: The store folder.
        only_new: Skip files whose content is already in the current version
            (the dashboard's "add to this story": the same upload twice is
            one article), decided under the lock like the rest.

    Returns:
        The story as saved.
    """

    def change(current: SavedStory) -> SavedStory:
        taken = {f.name for f in current.files}
        seen = {f.data for f in current.files}
        given = dict(outlets or {})
        added = []
        for f in files:
            if only_new and f.data in seen:
                continue
            seen.add(f.data)
            asked = safe_name(f.name)
            name = _unique_name(asked, taken)
            taken.add(name)
            added.append(StoredFile(name, f.data))
            if name != asked and Path(asked).stem in given:
                given[Path(name).stem] = given.pop(Path(asked).stem)
        merged = {**current.outlets, **given}
        return replace(current, files=(*current.files, *added), outlets=merged)

    return update_story(story_id, change, root)


def _unique_name(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    path = Path(name)
    count = 2
    while f"{path.stem}-{count}{path.suffix}" in taken:
        count += 1
    return f"{path.stem}-{count}{path.suffix}"


def set_outlets(
    story_id: str, outlets: Mapping[str, str], root: Path | str | None = None
) -> SavedStory:
    """Replace a saved story's edited outlet names (under the lock, on the current version).

    Args:
        story_id: The story.
        outlets: Outlet names by article id (empty names are dropped).
        root: The store folder.

    Returns:
        The story as saved.
    """
    cleaned = {k: v for k, v in outlets.items() if str(v).strip()}
    return update_story(story_id, lambda current: replace(current, outlets=cleaned), root)


def load_story(story_id: str, root: Path | str | None = None) -> SavedStory:
    """Read one saved story.

    Args:
        story_id: The story's id.
        root: The store folder.

    Returns:
        The saved story.

    Raises:
        StoreError: It does not exist.
        CorruptStory: It could not be read and has been moved aside (the
            message says where).
    """
    folder = store_dir(root)
    path = _path(folder, story_id)
    try:
        return _read(path, story_id)
    except FileNotFoundError:
        raise StoreError(ERR_NOT_FOUND.format(story_id=story_id)) from None
    except _UNREADABLE:
        pass
    # Re-read under the lock: another tab may have just replaced the file, and
    # only a file that is still unreadable is moved aside.
    try:
        with _locked(folder):
            return _read_or_set_aside(path, story_id)
    except ReadOnlyStore:
        # Nobody can write a read-only store, so there is no race to guard.
        return _read_or_set_aside(path, story_id)


def _read_or_set_aside(path: Path, story_id: str) -> SavedStory:
    try:
        return _read(path, story_id)
    except FileNotFoundError:
        raise StoreError(ERR_NOT_FOUND.format(story_id=story_id)) from None
    except _UNREADABLE as exc:
        raise CorruptStory(_set_aside(path, _reason(exc)).message) from None


def _read(path: Path, story_id: str) -> SavedStory:
    return _decode(story_id, path.read_text(encoding="utf-8"))


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON at line {exc.lineno}"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, KeyError):
        return f"missing field {exc.args[0]!r}"
    return str(exc) or type(exc).__name__


def list_stories(
    root: Path | str | None = None,
) -> tuple[list[SavedStory], list[StoreProblem]]:
    """Every readable saved story, newest first, and the problems met.

    Unreadable files are moved aside and reported, never silently skipped.

    Args:
        root: The store folder.

    Returns:
        ``(stories, problems)``.
    """
    folder = store_dir(root)
    stories: list[SavedStory] = []
    problems: list[StoreProblem] = []
    for path in sorted(folder.glob("*.json")):
        story_id = path.stem
        if not _ID.match(story_id):
            continue
        try:
            stories.append(load_story(story_id, folder))
        except CorruptStory as exc:
            problems.append(StoreProblem(path.name, str(exc)))
        except StoreError:
            continue  # deleted by another tab while listing
    stories.sort(key=lambda s: s.updated, reverse=True)
    return stories, problems


def delete_story(story_id: str, root: Path | str | None = None) -> bool:
    """Delete a saved story.

    Args:
        story_id: The story.
        root: The store folder.

    Returns:
        True if it existed.
    """
    folder = store_dir(root)
    path = _path(folder, story_id)
    with _locked(folder):
        try:
            path.unlink()
        except FileNotFoundError:
            return False
    return True


def to_loaded(story: SavedStory) -> LoadedStory:
    """Read a saved story's files as the pipeline's input.

    Each file goes through :func:`analysis.input.loading.read_upload` (the same
    reader the CLI uses); edited outlet names are applied by article id.

    Args:
        story: A saved story.

    Returns:
        The raw articles and per-file errors.
    """
    articles: list[RawArticle] = []
    errors: list[FileError] = []
    for f in story.files:
        got, bad = read_upload(f.name, f.data)
        articles.extend(got)
        errors.extend(bad)
    articles = unique_ids(articles)
    articles = [
        replace(a, outlet=story.outlets[a.id]) if story.outlets.get(a.id) else a for a in articles
    ]
    info = StoryInfo(title=story.title, source=f"saved story {story.id}")
    return LoadedStory(info, tuple(articles), tuple(errors))


def content_key(story: SavedStory) -> str:
    """A hash of everything the analysis depends on (files and outlet names)."""
    import hashlib

    digest = hashlib.sha256()
    digest.update(story.title.encode("utf-8", "surrogatepass"))
    for f in story.files:
        digest.update(b"\0file\0" + f.name.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(hashlib.sha256(f.data).digest())
    for k in sorted(story.outlets):
        digest.update(f"\0{k}\0{story.outlets[k]}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
