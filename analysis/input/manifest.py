"""The optional story manifest (``story.toml``) beside a story's files.

It names the story, its date and actors, and for each file the outlet, its
kind, the byline and the evidence for that attribution. A broken manifest
never stops a story from loading: problems become messages and the files are
read without it.
"""

from __future__ import annotations

import datetime
import sys
from dataclasses import dataclass, field
from pathlib import Path

from analysis import messages
from analysis.results.article import StoryInfo
from analysis.results.doc import Actor

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

MANIFEST_NAME = "story.toml"
KINDS = ("original reporting", "wire", "aggregator", "rewrite", "unknown")


@dataclass(frozen=True)
class Attribution:
    """What the manifest says about one file."""

    outlet: str
    kind: str = "unknown"
    byline: str = ""
    evidence: str = ""


@dataclass(frozen=True)
class Manifest:
    """A parsed manifest, plus what was wrong with it."""

    info: StoryInfo
    articles: dict[str, Attribution] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


def read_manifest(folder: Path) -> Manifest | None:
    """Read ``folder/story.toml`` if there is one.

    Args:
        folder: The story folder.

    Returns:
        The manifest, or None when the folder has none.
    """
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return None
    try:
        data = tomllib.loads(path.read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Manifest(
            StoryInfo(title=folder.name, source=str(folder)),
            problems=(messages.MANIFEST_INVALID.format(reason=exc),),
        )
    return parse_manifest(data, folder)


def parse_manifest(data: dict, folder: Path) -> Manifest:
    """Build a :class:`Manifest` from parsed TOML, tolerating partial data.

    Args:
        data: The parsed TOML document.
        folder: The story folder, used to check that named files exist.

    Returns:
        The manifest; malformed entries are skipped and listed in ``problems``.
    """
    problems: list[str] = []
    story = data.get("story") if isinstance(data.get("story"), dict) else {}
    actors = []
    for index, raw in enumerate(_list(story, "actors", problems), start=1):
        if isinstance(raw, dict) and isinstance(raw.get("name"), str) and raw["name"].strip():
            aliases = raw.get("aliases", [])
            if isinstance(aliases, str):  # a lone alias written without brackets
                aliases = [aliases]
            if not isinstance(aliases, list):
                aliases = []
            aliases = tuple(a.strip() for a in aliases if isinstance(a, str) and a.strip())
            actors.append(Actor(raw["name"].strip(), aliases))
        elif isinstance(raw, str) and raw.strip():
            actors.append(Actor(raw.strip()))
        else:
            problem = messages.MANIFEST_BAD_ENTRY.format(index=f"actor {index}", reason="no name")
            problems.append(problem)
    info = StoryInfo(
        title=_text(story.get("title")) or folder.name,
        date=_text(story.get("date")),
        date_note=_text(story.get("date_note")),
        actors=tuple(actors),
        source=str(folder),
    )
    articles: dict[str, Attribution] = {}
    for index, raw in enumerate(_list(data, "article", problems), start=1):
        if not isinstance(raw, dict) or not isinstance(raw.get("file"), str):
            problems.append(messages.MANIFEST_BAD_ENTRY.format(index=index, reason="no 'file'"))
            continue
        name = raw["file"]
        if Path(name).name != name or "\\" in name or name in (".", ".."):
            problems.append(messages.PATH_OUTSIDE.format(name=name))
            continue
        if not (folder / name).is_file():
            problems.append(messages.MANIFEST_MISSING_FILE.format(name=name))
            continue
        kind = _text(raw.get("kind")) or "unknown"
        if kind not in KINDS:
            shown = ", ".join(KINDS)
            problems.append(messages.MANIFEST_BAD_KIND.format(name=name, kind=kind, kinds=shown))
        articles[name] = Attribution(
            outlet=_text(raw.get("outlet")) or Path(name).stem,
            kind=kind if kind in KINDS else "unknown",
            byline=_text(raw.get("byline")),
            evidence=_text(raw.get("evidence")),
        )
    return Manifest(info, articles, tuple(problems))


_EXAMPLES = {
    "actors": 'actors = [{name = "China", aliases = ["Beijing"]}]',
    "article": '[[article]] tables, one per file',
}


def _list(table: dict, key: str, problems: list[str]) -> list:
    """``table[key]`` if it is a list; otherwise note the problem and use []."""
    value = table.get(key, [])
    if isinstance(value, list):
        return value
    problems.append(messages.MANIFEST_NOT_LIST.format(key=key, example=_EXAMPLES[key]))
    return []


def _text(value: object) -> str:
    # TOML dates (date = 2013-11-23, unquoted) arrive as date objects.
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value.strip() if isinstance(value, str) else ""
