"""Atomic file writes and safe pruning, shared by the story store and the disk cache.

API (used by :mod:`dashboard.store` and the dashboard's analysis cache):

``write_atomic(path, data) -> None``
    Write ``data`` (``str`` as UTF-8, or ``bytes``) to ``path`` so that readers
    see the old file or the new one, never half of either: a temporary file in
    the same folder, flushed and fsynced, then :func:`os.replace`. On any error
    the temporary file is removed and the old file is untouched; the
    ``OSError`` is re-raised (use :func:`disk_problem` to tell a full disk from
    a read-only one).

``clean_temp_files(folder, older_than_s=0.0) -> int``
    Delete temporary files that :func:`write_atomic` left behind when its
    process was killed mid-write (only names it creates: ``.<name>.<16 hex>.tmp``).
    Call it while holding the folder's write lock, so no live write is touched.

``owned_folder(path, owner) -> Path``
    Create ``path`` (or adopt it) as a folder owned by ``owner``: a marker file
    ``.slant-owner`` holding the owner's name is written into it. A folder
    that exists, is not empty and has no marker (or another owner's marker) is
    refused with :class:`NotOwned`, so pointing a cache at the story store or
    a home folder never makes Slant treat other files as its own.

``prune(folder, owner, pattern, keep) -> list[Path]``
    Keep the ``keep`` newest files of ``folder`` whose names fully match
    ``pattern`` and delete the older ones; returns what was deleted. It does
    nothing unless ``folder`` carries ``owner``'s marker, and it never deletes
    a file that does not match ``pattern`` (nor the marker).

``disk_problem(exc) -> str | None``
    ``"full"`` for ENOSPC / EDQUOT, ``"read-only"`` for EROFS / EACCES /
    EPERM, else None.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import time
from pathlib import Path

MARKER = ".slant-owner"
_TEMP = re.compile(r"^\..+\.[0-9a-f]{16}\.tmp$")


class NotOwned(OSError):
    """A folder that Slant did not create (no matching marker) was asked to be pruned or owned."""


def write_atomic(path: Path | str, data: str | bytes) -> None:
    """Replace ``path`` with ``data`` atomically (see the module docstring).

    Args:
        path: The file to write.
        data: Text (written as UTF-8) or bytes.

    Raises:
        OSError: The write failed; the previous file is unchanged.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    # The rename itself is durable only once the folder entry is on disk.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def clean_temp_files(folder: Path | str, older_than_s: float = 0.0) -> int:
    """Delete temporary files left by killed writes (see the module docstring).

    Args:
        folder: The folder to clean.
        older_than_s: Only files last modified at least this long ago.

    Returns:
        How many files were deleted.
    """
    now = time.time()
    removed = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not _TEMP.match(entry.name) or not entry.is_file(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError):
                if now - entry.stat(follow_symlinks=False).st_mtime >= older_than_s:
                    os.unlink(entry.path)
                    removed += 1
    return removed


def owned_folder(path: Path | str, owner: str) -> Path:
    """Create or adopt ``path`` as ``owner``'s folder (see the module docstring).

    Args:
        path: The folder.
        owner: A short name, e.g. "slant-analysis-cache".

    Returns:
        The folder.

    Raises:
        NotOwned: It holds other files and no marker of ``owner``.
    """
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    if _owner(folder) == owner:
        return folder
    if _owner(folder) is not None or any(folder.iterdir()):
        raise NotOwned(f"{folder} is not a folder Slant created for {owner}")
    write_atomic(folder / MARKER, owner + "\n")
    return folder


def _owner(folder: Path) -> str | None:
    try:
        return (folder / MARKER).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None


def prune(folder: Path | str, owner: str, pattern: re.Pattern[str], keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest files matching ``pattern`` in ``owner``'s folder.

    Args:
        folder: A folder made by :func:`owned_folder`.
        owner: Its owner's name; without that marker nothing is deleted.
        pattern: File names that may be deleted (matched in full).
        keep: How many of the newest to keep.

    Returns:
        The files deleted.
    """
    folder = Path(folder)
    if _owner(folder) != owner:
        return []
    candidates = []
    for entry in folder.iterdir():
        if entry.name != MARKER and pattern.fullmatch(entry.name) and entry.is_file():
            with contextlib.suppress(OSError):
                candidates.append((entry.stat().st_mtime, entry))
    candidates.sort(key=lambda pair: pair[0], reverse=True)
    deleted = []
    for _, entry in candidates[max(0, keep) :]:
        with contextlib.suppress(OSError):
            entry.unlink()
            deleted.append(entry)
    return deleted


def disk_problem(exc: OSError) -> str | None:
    """Classify a failed write: "full", "read-only" or None (see the module docstring)."""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return "full"
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "read-only"
    return None
