"""The analysed-story cache on disk, so a restart need not re-analyse. No Streamlit here.

The analysis worker (:mod:`dashboard.worker`) writes an entry itself, in its
own process: turning a large story into JSON holds the GIL for seconds, which
in the server would stall every other session. The server only reads entries
(:func:`read`), on the first request for a story after a restart.

Files are ``<sha256 of the key>.slant-cache`` (never ``.json``, the store's
own files), written only into a folder the cache created (it leaves a
:data:`CACHE_MARKER` file there), and pruned to the newest
:data:`DISK_CACHE_ENTRIES` of its own files; pointed at a folder holding
anything else, the cache is not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from analysis.outputs.serialize import from_dict, to_dict
from analysis.results.article import Story
from dashboard import store

log = logging.getLogger("slant.dashboard")

DISK_CACHE_ENTRIES = 32
"""Analysed stories kept on disk, newest first, so a restart need not re-analyse."""
CACHE_MARKER = ".slant-analysis-cache"
"""A file the disk cache writes into a folder it created; it prunes only such folders."""
CACHE_SUFFIX = ".slant-cache"
"""The disk cache's file names end so (never ``.json``, the store's own files)."""


def cache_dir() -> Path | None:
    """Where analysed stories are kept between restarts (``$SLANT_CACHE``).

    Defaults to ``.analysis-cache`` inside the story store (a new name: the
    folder of earlier versions held files this cache did not mark as its own).
    Set ``SLANT_CACHE=off`` to keep results in memory only.
    """
    chosen = os.environ.get("SLANT_CACHE", "")
    if chosen.lower() in ("off", "none", "0"):
        return None
    if not chosen:
        return store.store_dir() / ".analysis-cache"
    return Path(chosen).expanduser()


def _own_folder(folder: Path) -> bool:
    """Whether ``folder`` is the cache's own (created by it), creating it if missing.

    A folder the cache did not create (``SLANT_CACHE`` pointed at the store or
    at a folder of the user's files) is never written into or pruned.
    """
    marker = folder / CACHE_MARKER
    if marker.is_file():
        return True
    if folder.exists() and any(folder.iterdir()):
        log.warning("not using %s as the analysis cache: it holds files the cache did not "
                    "write (point SLANT_CACHE at a new or empty folder)", folder)
        return False
    folder.mkdir(parents=True, exist_ok=True)
    marker.write_text("Slant's analysis cache: files here may be deleted at any time.\n")
    return True


def _cache_path(folder: Path, full_key: str) -> Path:
    return folder / f"{hashlib.sha256(full_key.encode()).hexdigest()[:32]}{CACHE_SUFFIX}"


def read(full_key: str, folder: Path | None) -> Story | None:
    """The cached story for ``full_key``, or None (a bad entry is a miss, and removed).

    Args:
        full_key: The story's content key with the analysis code's version.
        folder: The cache folder (:func:`cache_dir`); None when the cache is off.
    """
    if folder is None or not (folder / CACHE_MARKER).is_file():
        return None
    path = _cache_path(folder, full_key)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != full_key:
            return None
        return from_dict(Story, data["story"])
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a bad cache entry is only a cache miss
        log.warning("ignoring unreadable cache file %s", path, exc_info=True)
        with contextlib.suppress(OSError):
            path.unlink()
        return None


def write(full_key: str, folder: Path | None, story: Story) -> None:
    """Cache ``story`` on disk, keeping the newest :data:`DISK_CACHE_ENTRIES` of its own files.

    The write is atomic (a temporary file, then a rename). Failing to cache
    never fails the analysis: the problem is logged.

    Args:
        full_key: The story's content key with the analysis code's version.
        folder: The cache folder (:func:`cache_dir`); None when the cache is off.
        story: The analysed story.
    """
    if folder is None:
        return
    try:
        if not _own_folder(folder):
            return
        path = _cache_path(folder, full_key)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=CACHE_SUFFIX + ".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"key": full_key, "story": to_dict(story)}, handle, ensure_ascii=False)
        os.replace(tmp, path)
        entries = sorted(
            folder.glob(f"*{CACHE_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in entries[DISK_CACHE_ENTRIES:]:
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - failing to cache must not fail the analysis
        log.warning("could not write the analysis cache", exc_info=True)
