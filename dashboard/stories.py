"""The stories service: analysed stories for every page, cached by Streamlit.

A story is analysed once per server process whatever the number of tabs:
:func:`analysed` is a :func:`st.cache_resource` keyed on the story's *content*
(a hash of the input bytes, the outlet names and the analysis code), and
Streamlit computes one key once even when two sessions ask at the same time.
Results are also written to a disk cache (:mod:`dashboard.disk_cache`, by the
analysis worker), so a restart does not re-analyse; a changed analyser changes
the key, so stale results are never shown.

Every analysis goes through :func:`analyse`, the one function that runs the
pipeline for the dashboard.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import streamlit as st

from analysis.input.loading import LoadedStory, load_paths
from analysis.results.article import FileError, Story
from dashboard import disk_cache, store
from dashboard.worker import AnalysisLimit, analyse_bounded, cap_articles

log = logging.getLogger("slant.dashboard")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEEDS_KEY = "seeds"
SEEDS_TITLE = "Seed story: Hegseth in Japan (5 outlets)"
SAVED_PREFIX = "saved:"
CACHED_STORIES = 16
"""Analysed stories kept in memory (shared by all sessions)."""
ANALYSING = "Analysing the articles…"


# --- the one analysis path ----------------------------------------------------


def analyse(loaded: LoadedStory, then: Callable[[Story], None] | None = None) -> Story:
    """Run the pipeline on a loaded story: the dashboard's only analysis call.

    The analysis runs in a worker process with a time and a memory budget
    (:mod:`dashboard.worker`), so no upload can stall the server for other
    sessions; a story over the dashboard's cap keeps its first articles, and
    one over its sentence bound loses its longest articles (each named).

    Args:
        loaded: The raw articles and the errors met reading them.
        then: Run with the story in the worker (see
            :func:`dashboard.worker.analyse_bounded`): the disk cache write.

    Returns:
        The analysed story. When the budget ran out, a story with no articles
        whose error says why and what to do (the page shows it).
    """
    capped, note = cap_articles(loaded)
    if note:
        capped = replace(capped, errors=(*capped.errors, FileError(loaded.info.title, note)))
    try:
        return analyse_bounded(capped, then=then)
    except AnalysisLimit as exc:
        failed = FileError(loaded.info.source or loaded.info.title or "story", str(exc))
        return Story(loaded.info, (), None, (*capped.errors, failed))


@st.cache_resource(show_spinner=False)
def code_version() -> str:
    """A hash of the analysis code and data, so a changed analyser re-analyses."""
    digest = hashlib.sha256()
    base = ROOT / "analysis"
    for path in sorted(base.rglob("*")):
        if path.suffix in (".py", ".tsv", ".toml", ".txt", ".json") and path.is_file():
            digest.update(str(path.relative_to(base)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# --- analysed stories -------------------------------------------------------------


@st.cache_resource(show_spinner=ANALYSING, max_entries=CACHED_STORIES)
def _analysed(full_key: str, _load: Callable[[], LoadedStory]) -> Story:
    folder = disk_cache.cache_dir()
    story = disk_cache.read(full_key, folder)
    if story is None:
        # The worker writes the cache entry: JSON for a large story holds the GIL.
        story = analyse(_load(), then=partial(disk_cache.write, full_key, folder))
    return story


def analysed(key: str, load: Callable[[], LoadedStory]) -> Story:
    """The analysed story for ``key``, analysing it on first request.

    Args:
        key: Content key of the inputs (same inputs, same key).
        load: Reads the inputs when the story is not cached yet.

    Returns:
        The analysed story (the same object for every session).
    """
    return _analysed(f"{key}:{code_version()}", load)


@st.cache_resource(show_spinner=False)
def seeds_key() -> str:
    """Content key of the seed story (its files' names and bytes)."""
    digest = hashlib.sha256(b"seeds")
    for path in sorted(SEEDS.iterdir()):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def seeds_story() -> tuple[Story, str]:
    """The analysed seed story and its content key."""
    key = seeds_key()
    return analysed(key, lambda: load_paths([SEEDS])), key


# --- saved stories ------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One saved story as the picker and the list show it.

    Args:
        id: The store id.
        title: The story's title.
        updated: When it was last saved (seconds since the epoch).
        size: Bytes of its files together.
        files: How many files it holds.
        digest: A hash of its files' contents (names left out), to spot a
            second save of the same articles.
    """

    id: str
    title: str
    updated: float
    size: int
    files: int
    digest: str


def files_digest(files: list[store.StoredFile] | tuple[store.StoredFile, ...]) -> str:
    """A hash of the files' contents, in any order and whatever their names."""
    digests = sorted(hashlib.sha256(f.data).hexdigest() for f in files)
    return hashlib.sha256("\n".join(digests).encode()).hexdigest()


def _store_signature() -> tuple[str, tuple[tuple[str, int, int], ...]]:
    folder = store.store_dir()
    entries = []
    for path in folder.glob("*.json"):
        try:
            stat = path.stat()
        except OSError:
            continue
        entries.append((path.name, stat.st_mtime_ns, stat.st_size))
    return str(folder), tuple(sorted(entries))


@st.cache_data(show_spinner=False, max_entries=8)
def _saved_index(signature: tuple) -> tuple[list[Entry], list[str]]:
    stories, problems = store.list_stories(signature[0])
    entries = [
        Entry(s.id, s.title, s.updated, sum(len(f.data) for f in s.files), len(s.files),
              files_digest(s.files))
        for s in stories
    ]
    return entries, [p.message for p in problems]


def saved_index() -> tuple[list[Entry], list[str]]:
    """Saved stories, newest first, and the store's problems (re-read when the store changes)."""
    return _saved_index(_store_signature())


KINDS_FOLDER = ".kinds"
"""Where the outlet kinds a user set are kept: ``<store>/.kinds/<story id>.json``."""


def _kinds_path(story_id: str) -> Path:
    store.load_story(story_id)  # a valid id of an existing story, or StoreError
    return store.store_dir() / KINDS_FOLDER / f"{story_id}.json"


def load_kinds(story_id: str) -> dict[str, str]:
    """The outlet kinds set for a saved story's articles (article id to kind)."""
    try:
        data = json.loads(_kinds_path(story_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def save_kinds(story_id: str, kinds: Mapping[str, str]) -> None:
    """Keep the outlet kinds of a saved story's articles (atomically).

    A kind is what sort of text an article is (wire, rewrite...); it does not
    change the analysis, so it is applied to the analysed story and kept
    beside the store's files rather than in them. (It moves into the saved
    story once the store keeps kinds with the outlet names.)
    """
    path = _kinds_path(story_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(dict(kinds), handle, ensure_ascii=False)
    os.replace(tmp, path)


def with_kinds(story: Story, kinds: Mapping[str, str]) -> Story:
    """The story with the kinds a user set (other articles keep theirs)."""
    if not kinds:
        return story
    articles = tuple(replace(a, kind=kinds.get(a.id) or a.kind) for a in story.articles)
    return replace(story, articles=articles)


def saved_story(story_id: str) -> tuple[Story, str]:
    """Analyse (or fetch from cache) a saved story, with the outlet kinds set for it.

    Returns:
        The story and its content key.
    """
    saved = store.load_story(story_id)
    key = f"saved-{store.content_key(saved)}"
    kinds = load_kinds(story_id)
    story = with_kinds(analysed(key, lambda: store.to_loaded(saved)), kinds)
    if kinds:
        # Derived views (cached charts, cards) must not mix up two kind settings.
        digest = hashlib.sha256(json.dumps(kinds, sort_keys=True).encode()).hexdigest()
        key += f"-kinds-{digest[:8]}"
    return story, key


def story_for(choice: str) -> tuple[Story, str]:
    """The analysed story for a picker choice (:data:`SEEDS_KEY` or ``saved:<id>``).

    Raises:
        StoreError: When the saved story cannot be read.
    """
    if choice.startswith(SAVED_PREFIX):
        return saved_story(choice.removeprefix(SAVED_PREFIX))
    return seeds_story()
