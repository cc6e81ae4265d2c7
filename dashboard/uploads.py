"""Checking what a user gives the "Your articles" page, before anything is saved.

Every input goes through the same reader the CLI uses
(:func:`analysis.input.loading.read_upload`); unreadable inputs become
messages naming the file, and the readable ones are kept. No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from analysis import messages
from analysis.input.loading import MAX_FILE_BYTES, read_upload, safe_name
from analysis.results.article import FileError
from dashboard.store import StoredFile

# Largest input the page accepts, tables included (the config's limit is 10 MB).
MAX_UPLOAD_BYTES = MAX_FILE_BYTES
UPLOAD_TYPES = ["txt", "md", "markdown", "html", "htm", "csv", "jsonl", "ndjson"]
PASTED_NAME = "pasted"


@dataclass
class NewStory:
    """What the inputs on this page amount to, before saving.

    Args:
        files: The inputs to save (the unreadable ones left out).
        outlets: Outlet names by article id (for pasted text).
        errors: Problems, each naming its file.
        articles: How many articles the saved files hold.
    """

    files: list[StoredFile] = field(default_factory=list)
    outlets: dict[str, str] = field(default_factory=dict)
    errors: list[FileError] = field(default_factory=list)
    articles: int = 0


def _unique(name: str, taken: set[str]) -> str:
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}{suffix}"
    return candidate


def collect(
    uploads: Sequence[tuple[str, bytes]],
    pasted: str = "",
    pasted_outlet: str = "",
    fetched: Sequence[StoredFile] = (),
    taken: set[str] | None = None,
) -> NewStory:
    """Check every input with the same reader the CLI uses; keep the readable ones.

    Args:
        uploads: ``(file name, bytes)`` as uploaded.
        pasted: Pasted article text.
        pasted_outlet: The outlet name given for the pasted text.
        fetched: Pages imported from web addresses.
        taken: File names already in the story (new ones are renamed apart).

    Returns:
        The files to save, outlet names, and one error per unreadable input.
    """
    result = NewStory()
    taken = set(taken or ())
    candidates: list[tuple[StoredFile, str]] = []
    for name, data in uploads:
        candidates.append((StoredFile(safe_name(name), data), ""))
    candidates.extend((f, "") for f in fetched)
    if pasted.strip():
        stem = safe_name(pasted_outlet.strip() or PASTED_NAME).replace(".", "-")[:60]
        candidates.append((StoredFile(f"{stem}.txt", pasted.encode("utf-8")), pasted_outlet))
    for stored, outlet in candidates:
        name = _unique(stored.name, taken)
        stored = StoredFile(name, stored.data)
        if len(stored.data) > MAX_UPLOAD_BYTES:
            # Streamlit refuses uploads over server.maxUploadSize; this also
            # bounds pasted text and fetched pages, whatever the config says.
            size, limit = len(stored.data), MAX_UPLOAD_BYTES
            result.errors.append(FileError(name, messages.TOO_LARGE.format(size=size, limit=limit)))
            continue
        articles, errors = read_upload(name, stored.data)
        result.errors.extend(errors)
        if not articles:
            continue
        taken.add(name)
        result.files.append(stored)
        result.articles += len(articles)
        if outlet.strip():
            for article in articles:
                result.outlets[article.id] = outlet.strip()
    return result


def new_files(files: Sequence[StoredFile], existing: Sequence[StoredFile]) -> list[StoredFile]:
    """The files whose content is not already among ``existing`` (or earlier in ``files``)."""
    seen = {f.data for f in existing}
    kept = []
    for f in files:
        if f.data not in seen:
            seen.add(f.data)
            kept.append(f)
    return kept
