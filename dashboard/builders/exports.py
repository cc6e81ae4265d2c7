"""What the sidebar's download buttons hand out: file names and the story's JSON and CSV.

The CSV and JSON are the CLI's own (:mod:`analysis.outputs.export`), except
that a path on the server is reduced to its last part: a file handed to
someone else must not tell them where the teacher keeps their files.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePath

from analysis.outputs.export import story_csv, story_json
from analysis.results.article import Story

STEM_CHARS = 50


def file_stem(title: str) -> str:
    """A safe ASCII file name stem from a story title ("hegseth-s-first-asia-trip").

    Cut to :data:`STEM_CHARS` before the hyphens are trimmed, so a cut in the
    middle of a run of punctuation leaves no hyphen at the end.
    """
    stem = re.sub(r"[^A-Za-z0-9]+", "-", title).lower()[:STEM_CHARS].strip("-")
    return stem or "story"


def public_source(source: str) -> str:
    """``StoryInfo.source`` with every absolute path reduced to its last part.

    Args:
        source: Comma-separated paths or a description ("saved story x").

    Returns:
        The same list, e.g. ``"/home/t/slant/seeds"`` → ``"seeds"``.
    """
    parts = [p.strip() for p in source.split(",")]
    return ", ".join(PurePath(p).name if PurePath(p).is_absolute() else p for p in parts)


def shareable(story: Story) -> Story:
    """The story as it may leave the machine (no server paths)."""
    return replace(story, story=replace(story.story, source=public_source(story.story.source)))


def json_export(story: Story) -> str:
    """The JSON download: the CLI's JSON of :func:`shareable`."""
    return story_json(shareable(story))


def csv_export(story: Story) -> str:
    """The CSV download: one row per article, as the CLI writes it."""
    return story_csv(story.articles)
