"""Session state, the story picker and the safety net every page runs in.

The entrypoint (``dashboard/app.py``) calls :func:`sidebar` once per script
run: it draws the story picker and the classroom switches and leaves a
:class:`View` in ``st.session_state``. Pages read it with :func:`current` and
draw themselves inside :func:`run_page`, which turns any exception into a
friendly message (details go to the server console, never to the screen).

Analysis is cached per story *content* (a hash of the input bytes, the outlet
names and the analysis code), so a story is analysed once per server process
whatever the number of tabs, and reloading the page costs nothing. Results are
also written to a disk cache (:func:`cache_dir`), so a restart does not
re-analyse; a changed analyser changes the key, so stale results are never
shown.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import logging
import os
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from analysis import messages
from analysis.input.loading import LoadedStory, load_paths
from analysis.results.article import Article, Story

log = logging.getLogger("slant.dashboard")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEEDS_KEY = "seeds"
SAVED_PREFIX = "saved:"
CACHED_STORIES = 16
"""Analysed stories kept in memory (shared by all sessions)."""
DISK_CACHE_ENTRIES = 32
"""Analysed stories kept on disk, newest first, so a restart need not re-analyse."""

FRIENDLY_ERROR = messages.APP_PAGE_FAILED
NO_STORY = messages.APP_NO_STORY
NO_ARTICLES = messages.APP_NO_ARTICLES

PROMPTS: dict[str, str] = {
    "overview": "Which outlet sounds most certain, and which most cautious? What in the "
    "figures makes you say so, and what would you need to read to check it?",
    "article": "Pick one highlighted word. What does it add that the neutral alternative "
    "would not? Would a reader notice it?",
    "compare": "Which verb makes the speaker sound angrier, 'spoke harshly' or "
    "'emphasized'? Why might an outlet choose it?",
    "coverage": "Which facts does only one outlet report? Is leaving a fact out a choice, "
    "and how could you tell?",
    "method": "Which of these measures would you trust least on a short article, and why?",
    "own": "Bring two articles about the same event. Before you analyse them, guess which "
    "one will read as more negative.",
}
"""A discussion prompt for each view, shown in classroom mode."""

CLASSROOM_CSS = """
<style>
html { font-size: 21px !important; }
[data-testid="stAppViewContainer"] p, [data-testid="stAppViewContainer"] li,
.slant-text { font-size: 1.12rem; }
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"], [data-testid="stMainMenu"], #MainMenu, footer {
  display: none !important; }
.block-container { padding-top: 1.2rem !important; }
</style>
"""
"""Projector mode: larger type, developer chrome hidden."""


@dataclass
class View:
    """What every page needs to draw the current story.

    Args:
        key: The story's content key (cache key for derived data).
        story: The analysed story.
        classroom: Classroom mode is on.
        revealed: The teacher pressed "reveal outlets".
        colors: Article id to colour.
        names: Article id to the name shown (Outlet A... when hidden).
        problems: Messages about the story's inputs to show on the pages.
    """

    key: str
    story: Story
    classroom: bool = False
    revealed: bool = False
    colors: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    @property
    def anonymous(self) -> bool:
        """Outlet names are hidden (classroom mode before the reveal)."""
        return self.classroom and not self.revealed

    @property
    def articles(self) -> tuple[Article, ...]:
        """The story's articles, in story order."""
        return self.story.articles

    def name(self, article_id: str) -> str:
        """The outlet name to show for an article."""
        return self.names.get(article_id, article_id)

    def color(self, article_id: str) -> str:
        """The outlet's colour."""
        return self.colors.get(article_id, "#555555")

    def kind(self, article: Article) -> str:
        """The outlet kind, hidden in anonymous mode (it gives the outlet away)."""
        return "" if self.anonymous else article.kind

    def scrub(self, text: str) -> str:
        """Replace real outlet names in library-written text when names are hidden.

        Comparison notes and group reasons name the outlets; in classroom mode
        before the reveal they must say "Outlet A" instead.
        """
        if not self.anonymous:
            return text
        pairs = []
        for a in self.articles:
            for real in (a.outlet, a.id):
                if real:
                    pairs.append((real, self.name(a.id)))
        for real, shown in sorted(pairs, key=lambda p: len(p[0]), reverse=True):
            text = text.replace(real, shown)
        return text

    def domain(self) -> list[str]:
        """Outlet names in story order, for chart colour scales."""
        return [self.name(a.id) for a in self.articles]

    def range(self) -> list[str]:
        """Outlet colours in story order, matching :meth:`domain`."""
        return [self.color(a.id) for a in self.articles]


def display_names(articles: tuple[Article, ...], anonymous: bool) -> dict[str, str]:
    """The shown outlet names: real ones (made unique) or Outlet A, B, C...

    Args:
        articles: The story's articles in order.
        anonymous: Replace names by letters.

    Returns:
        Article id to name.
    """
    names: dict[str, str] = {}
    seen: dict[str, int] = {}
    for i, article in enumerate(articles):
        if anonymous:
            letter = chr(ord("A") + i) if i < 26 else str(i + 1)
            names[article.id] = f"Outlet {letter}"
            continue
        base = article.outlet or article.id
        seen[base] = seen.get(base, 0) + 1
        names[article.id] = base if seen[base] == 1 else f"{base} ({seen[base]})"
    return names


# --- cache of analysed stories ----------------------------------------------


@st.cache_resource(show_spinner=False)
def _story_cache() -> tuple[OrderedDict[str, Story], threading.Lock]:
    """One in-memory LRU of analysed stories for the whole server process."""
    return OrderedDict(), threading.Lock()


@st.cache_resource(show_spinner=False)
def _story_locks() -> dict[str, threading.Lock]:
    """One lock per story key, so two tabs opening a new story analyse it once."""
    return {}


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


def _compare_available() -> bool:
    try:
        import analysis.compare as compare_pkg

        return hasattr(compare_pkg, "compare")
    except Exception:  # noqa: BLE001 - a broken comparison must not stop the rest
        log.exception("analysis.compare could not be imported")
        return False


def cache_dir() -> Path | None:
    """Where analysed stories are kept between restarts (``$SLANT_CACHE``).

    Defaults to ``.cache`` inside the story store. Set ``SLANT_CACHE=off`` to
    keep results in memory only.
    """
    chosen = os.environ.get("SLANT_CACHE", "")
    if chosen.lower() in ("off", "none", "0"):
        return None
    if not chosen:
        from dashboard.store import store_dir

        return store_dir() / ".cache"
    return Path(chosen).expanduser()


def _disk_read(full_key: str) -> Story | None:
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"{hashlib.sha256(full_key.encode()).hexdigest()[:32]}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != full_key:
            return None
        from analysis.outputs.serialize import from_dict

        return from_dict(Story, data["story"])
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a bad cache entry is only a cache miss
        log.warning("ignoring unreadable cache file %s", path, exc_info=True)
        with contextlib.suppress(OSError):
            path.unlink()
        return None


def _disk_write(full_key: str, story: Story) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        from analysis.outputs.serialize import to_dict

        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{hashlib.sha256(full_key.encode()).hexdigest()[:32]}.json"
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"key": full_key, "story": to_dict(story)}, handle, ensure_ascii=False)
        os.replace(tmp, path)
        entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[DISK_CACHE_ENTRIES:]:
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - failing to cache must not fail the analysis
        log.warning("could not write the analysis cache", exc_info=True)


def analysed(key: str, load: Callable[[], LoadedStory], show_progress: bool = True) -> Story:
    """The analysed story for ``key``, analysing it on first request.

    Args:
        key: Content key of the inputs (same inputs, same key).
        load: Reads the inputs when the story is not cached yet.
        show_progress: Show a progress bar while analysing.

    Returns:
        The analysed story.
    """
    cache, lock = _story_cache()
    full_key = f"{key}:{code_version()}"
    with lock:
        if full_key in cache:
            cache.move_to_end(full_key)
            return cache[full_key]
        key_lock = _story_locks().setdefault(full_key, threading.Lock())
    with key_lock:
        with lock:
            if full_key in cache:  # another session finished it meanwhile
                return cache[full_key]
        return _analyse_now(full_key, load, show_progress)


def _analyse_now(full_key: str, load: Callable[[], LoadedStory], show_progress: bool) -> Story:
    """Read the disk cache or analyse, then remember the story in memory."""
    from analysis.pipeline import analyse_story

    cache, lock = _story_cache()
    story = _disk_read(full_key)
    if story is not None:
        with lock:
            cache[full_key] = story
        return story
    loaded = load()
    bar = st.progress(0.0, text="Reading the articles…") if show_progress else None

    def progress(done: int, total: int, article_id: str) -> None:
        if bar is not None and total:
            bar.progress(done / total, text=f"Analysed {done} of {total} articles")

    story = analyse_story(loaded, compare=_compare_available(), progress=progress)
    if bar is not None:
        bar.empty()
    _disk_write(full_key, story)
    with lock:
        cache[full_key] = story
        while len(cache) > CACHED_STORIES:
            cache.popitem(last=False)
    return story


def seeds_key() -> str:
    """Content key of the seed story (its files' names and bytes)."""
    digest = hashlib.sha256(b"seeds")
    for path in sorted(SEEDS.iterdir()):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def seeds_story(show_progress: bool = True) -> Story:
    """The analysed seed story."""
    return analysed(seeds_key(), lambda: load_paths([SEEDS]), show_progress)


# --- saved stories ------------------------------------------------------------


def _store_signature() -> tuple[str, tuple[tuple[str, int, int], ...]]:
    from dashboard.store import store_dir

    folder = store_dir()
    entries = []
    for path in folder.glob("*.json"):
        try:
            stat = path.stat()
        except OSError:
            continue
        entries.append((path.name, stat.st_mtime_ns, stat.st_size))
    return str(folder), tuple(sorted(entries))


@st.cache_data(show_spinner=False, max_entries=8)
def _saved_index(signature: tuple) -> tuple[list[tuple[str, str]], list[str]]:
    from dashboard.store import list_stories

    stories, problems = list_stories(signature[0])
    return [(s.id, s.title) for s in stories], [p.message for p in problems]


def saved_index() -> tuple[list[tuple[str, str]], list[str]]:
    """Saved stories as ``(id, title)``, newest first, and store problems."""
    return _saved_index(_store_signature())


def saved_story(story_id: str, show_progress: bool = True) -> tuple[Story, str]:
    """Analyse (or fetch from cache) a saved story.

    Returns:
        The story and its content key.
    """
    from dashboard.store import content_key, load_story, to_loaded

    saved = load_story(story_id)
    key = f"saved-{content_key(saved)}"
    return analysed(key, lambda: to_loaded(saved), show_progress), key


# --- the sidebar --------------------------------------------------------------


def choose(choice: str) -> None:
    """Ask the picker to switch to ``choice`` on the next run (then rerun)."""
    st.session_state["pending_story"] = choice


def sidebar() -> View | None:
    """Draw the story picker and classroom switches; build the current view.

    Returns:
        The view, also stored in ``st.session_state["view"]``, or None when no
        story could be loaded (the reason is shown).
    """
    st.session_state["view"] = None
    pending = st.session_state.pop("pending_story", None)
    saved, store_problems = saved_index()
    options = [SEEDS_KEY] + [f"{SAVED_PREFIX}{sid}" for sid, _ in saved]
    titles = {f"{SAVED_PREFIX}{sid}": title for sid, title in saved}
    titles[SEEDS_KEY] = "Seed story: Hegseth in Japan (5 outlets)"
    if pending in options:
        st.session_state["story_choice"] = pending
    elif "story_choice" not in st.session_state:
        # A link such as ?story=saved:<id> opens that story (a teacher can
        # bookmark the class's story); unknown values fall back to the seeds.
        wanted = st.query_params.get("story")
        if wanted in options:
            st.session_state["story_choice"] = wanted
    if st.session_state.get("story_choice") not in options:
        st.session_state["story_choice"] = SEEDS_KEY

    with st.sidebar:
        choice = st.selectbox(
            "Story", options, key="story_choice", format_func=lambda k: titles.get(k, k)
        )
        classroom = st.toggle(
            "Classroom mode", key="classroom",
            help="Hides outlet names (Outlet A, B, C…) until you reveal them, enlarges the "
            "type for a projector, hides developer menus and shows a discussion prompt.",
        )
        if not classroom:
            st.session_state["revealed"] = False
        revealed = bool(st.session_state.get("revealed"))
        if classroom:
            if revealed:
                if st.button("Hide outlet names again", key="hide_names"):
                    st.session_state["revealed"] = False
                    st.rerun()
            elif st.button("Reveal outlets", key="reveal", type="primary"):
                st.session_state["revealed"] = True
                st.rerun()
        for message in store_problems:
            st.warning(md_escape(message))

    if classroom:
        st.html(CLASSROOM_CSS)

    try:
        if choice == SEEDS_KEY:
            story, key = seeds_story(), seeds_key()
        else:
            story, key = saved_story(choice.removeprefix(SAVED_PREFIX))
    except Exception as exc:  # noqa: BLE001 - shown as a message, logged in full
        from dashboard.store import StoreError

        if isinstance(exc, StoreError):
            st.error(md_escape(exc))
        else:
            log.exception("could not load story %r", choice)
            st.error(FRIENDLY_ERROR)
        return None

    anonymous = classroom and not revealed
    ids = [a.id for a in story.articles]
    from dashboard.colors import outlet_colors

    view = View(
        key=f"{key}:{code_version()}:{'anon' if anonymous else 'named'}",
        story=story,
        classroom=classroom,
        revealed=revealed,
        colors=outlet_colors(ids),
        names=display_names(story.articles, anonymous),
    )
    st.session_state["view"] = view
    with st.sidebar:
        from dashboard import exports

        exports.sidebar_downloads(view)
    return view


def current() -> View | None:
    """The view built by the entrypoint for this script run."""
    return st.session_state.get("view")


def run_page(name: str, render: Callable[[View], None], needs_story: bool = True) -> None:
    """Draw a page inside the safety net.

    Args:
        name: The page's key in :data:`PROMPTS`.
        render: Draws the page from the view.
        needs_story: When True and no story is loaded, say so instead.
    """
    view = current()
    if view is not None and view.classroom and name in PROMPTS:
        st.info(f"**Discuss:** {PROMPTS[name]}", icon=":material/forum:")
    if needs_story:
        if view is None:
            st.info(NO_STORY)
            return
        if not view.articles:
            st.warning(NO_ARTICLES)
            show_errors(view.story)
            return
    try:
        render(view)
    except Exception:  # noqa: BLE001 - never a traceback on screen
        log.exception("page %s failed", name)
        st.error(FRIENDLY_ERROR)


def show_errors(story: Story) -> None:
    """List the files that could not be read, each named (escaped)."""
    if not story.errors:
        return
    with st.expander(f"{len(story.errors)} file(s) or row(s) could not be analysed", True):
        rows = "".join(
            f"<li><code>{html.escape(e.file)}</code>: {html.escape(e.message)}</li>"
            for e in story.errors
        )
        st.html(f"<ul class='slant-errors'>{rows}</ul>")


def esc(text: object) -> str:
    """Escape any text for HTML (article text, outlet and file names)."""
    return html.escape(str(text), quote=True)


_MD_SPECIAL = "\\`*_{}[]()#+-.!|$:<>~&"


def md_escape(text: object) -> str:
    """Escape text for ``st.markdown`` so Markdown, LaTeX and directives show literally.

    Streamlit's Markdown reads ``$...$`` as LaTeX and ``:red[x]`` as colour;
    escaping every special character with a backslash shows them as typed.

    Args:
        text: Untrusted text.

    Returns:
        Markdown source that renders as the literal text.
    """
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in str(text))
