"""The sidebar: classroom controls, the story picker and the downloads.

Classroom mode, the revealed state, the letter shuffle and the chosen story
live in the page address (query parameters), so a reload, a new tab or a
bookmark opens the same view: a blind class stays blind, and only a click on
"Reveal outlets" shows the names. The classroom switch is bound to the
address (``bind="query-params"``); the revealed state, the shuffle seed and
the story are read from it when a session starts and written to it on every
run.
"""

from __future__ import annotations

import random
from urllib.parse import urlencode

import streamlit as st

from dashboard import stories, ui
from dashboard.builders import exports
from dashboard.builders.escape import esc, md_escape
from dashboard.builders.handout import build_handout
from dashboard.builders.view import View, build_view
from dashboard.lesson.teacher_key import teacher_key_html
from dashboard.lesson.worksheet import worksheet_html
from dashboard.store import StoreError

STORY = "story"
CLASSROOM = "classroom"
REVEALED = "revealed"
LETTERS = "letters"
PENDING = "pending_story"
ANONYMOUS_NOTE = (
    "CSV and JSON name the outlets, so they are offered after the reveal. The handout "
    "uses the names shown on screen."
)
SWITCH_CSS = """<style>
.slant-switch { display: inline-flex; align-items: center; gap: 0.6rem; color: inherit;
  text-decoration: none; font-size: 1rem; margin: 0.25rem 0 0.5rem; }
.slant-switch:hover { text-decoration: none; color: inherit; }
.slant-switch .knob { width: 2.2rem; height: 1.25rem; border-radius: 1rem; background: #c9ced6;
  position: relative; flex: none; }
.slant-switch .knob::after { content: ""; position: absolute; top: 0.15rem; left: 0.15rem;
  width: 0.95rem; height: 0.95rem; border-radius: 50%; background: #fff; }
.slant-switch[aria-checked="true"] .knob { background: #1f5fa8; }
.slant-switch[aria-checked="true"] .knob::after { left: 1.1rem; }
</style>"""
CLASSROOM_HELP = (
    "Hides outlet names (Outlet A, B, C…) until you reveal them, enlarges the type for a "
    "projector, hides developer menus and shows a discussion prompt. It is kept in the page "
    "address, so a reload stays in classroom mode."
)


def choose(choice: str) -> None:
    """Ask the picker to switch to ``choice`` on the next run (then rerun)."""
    st.session_state[PENDING] = choice


def new_seed() -> int:
    """A letter-shuffle seed (never 0, which keeps file order)."""
    return random.SystemRandom().randint(1, 9999)


def _load_from_address() -> None:
    """Once per session: classroom mode, the revealed state and the seed from the address."""
    if "_address_read" in st.session_state:
        return
    st.session_state["_address_read"] = True
    params = st.query_params
    if CLASSROOM not in st.session_state:
        st.session_state[CLASSROOM] = params.get(CLASSROOM) == "true"
    if REVEALED not in st.session_state:
        st.session_state[REVEALED] = params.get(REVEALED) == "1"
    if LETTERS not in st.session_state:
        try:
            st.session_state[LETTERS] = max(0, int(params.get(LETTERS, "0")))
        except ValueError:
            st.session_state[LETTERS] = 0


def _write_address(classroom: bool) -> None:
    """Keep classroom mode, the revealed state and the seed in the address."""
    wanted = {}
    if classroom:
        wanted[CLASSROOM] = "true"
        wanted[LETTERS] = str(st.session_state[LETTERS])
        if st.session_state[REVEALED]:
            wanted[REVEALED] = "1"
    for key in (CLASSROOM, REVEALED, LETTERS):
        if key in wanted and st.query_params.get(key) != wanted[key]:
            st.query_params[key] = wanted[key]
        elif key not in wanted and key in st.query_params:
            del st.query_params[key]


def switch_address(classroom: bool, params: dict[str, str]) -> str:
    """The address (query string) that turns classroom mode on or off.

    Turning it on brings a fresh letter seed and hides the names; turning it
    off drops the seed and the revealed state. Other parameters (the story)
    are kept.

    Args:
        classroom: Whether classroom mode is on now.
        params: The page's current query parameters.
    """
    kept = {k: v for k, v in params.items() if k not in (CLASSROOM, REVEALED, LETTERS)}
    if not classroom:
        kept[CLASSROOM] = "true"
        kept[LETTERS] = str(new_seed())
    return "?" + urlencode(kept)


def switch_html(classroom: bool, params: dict[str, str]) -> str:
    """The classroom switch as a plain link (no widget JavaScript to fetch)."""
    state = "true" if classroom else "false"
    return (
        f"{SWITCH_CSS}<a class='slant-switch' role='switch' aria-checked='{state}' "
        f"target='_self' href='{esc(switch_address(classroom, params))}' "
        f"title='{esc(CLASSROOM_HELP)}'><span class='knob'></span>Classroom mode</a>"
    )


def _reveal(value: bool) -> None:
    st.session_state[REVEALED] = value


def _shuffle() -> None:
    st.session_state[LETTERS] = new_seed()
    st.session_state[REVEALED] = False


def classroom_controls() -> tuple[bool, bool, int]:
    """The classroom switch, Reveal / Hide and Shuffle letters; returns their state.

    The switch is a link that loads the page with classroom mode turned on or
    off in the address: on the first screen a toggle widget makes the browser
    fetch its own JavaScript before the page is drawn (docs/dashboard.md).
    """
    _load_from_address()
    classroom = bool(st.session_state[CLASSROOM])
    if classroom and not st.session_state[LETTERS]:
        st.session_state[LETTERS] = new_seed()  # opened from an address without a seed
    if not classroom:
        st.session_state[REVEALED] = False
    _write_address(classroom)
    st.html(switch_html(classroom, st.query_params.to_dict()))
    revealed = bool(st.session_state[REVEALED])
    if classroom:
        if revealed:
            st.button("Hide names", key="hide_names", on_click=_reveal, args=(False,),
                      width="stretch")
        else:
            st.button("Reveal outlets", key="reveal", type="primary", on_click=_reveal,
                      args=(True,), help="Shows the real outlet names to the class.",
                      width="stretch")
        st.button("Shuffle letters", key="shuffle", on_click=_shuffle, width="stretch",
                  help="Gives the outlets new letters (and hides the names again), so "
                  "the letters do not follow the order of the files.")
    return classroom, revealed, int(st.session_state[LETTERS])


def story_picker() -> str:
    """The story picker (bound to ``?story=``); returns the choice."""
    saved, problems = stories.saved_index()
    options = [stories.SEEDS_KEY] + [f"{stories.SAVED_PREFIX}{e.id}" for e in saved]
    titles = {f"{stories.SAVED_PREFIX}{e.id}": e.title for e in saved}
    titles[stories.SEEDS_KEY] = stories.SEEDS_TITLE
    pending = st.session_state.pop(PENDING, None)
    if pending in options:
        st.session_state[STORY] = pending
    elif STORY not in st.session_state:
        # A new session (a reload, a new tab, a teacher's bookmark such as
        # ?story=saved:<id>) opens the story named in the address.
        st.session_state[STORY] = st.query_params.get(STORY, stories.SEEDS_KEY)
    if st.session_state[STORY] not in options:
        st.session_state[STORY] = stories.SEEDS_KEY  # an unknown or deleted story
    if len(options) == 1:
        # Nothing to pick: no select box, whose JavaScript (about 20 chunks)
        # the browser would otherwise fetch before the first page is drawn.
        choice = st.session_state[STORY]
    else:
        # Not bound with bind="query-params": a bound select box puts the shown
        # title in the address, and titles are neither unique nor short.
        choice = st.selectbox(
            "Story", options, key=STORY, format_func=lambda k: titles.get(k, k)
        )
    if choice == stories.SEEDS_KEY:
        if STORY in st.query_params:
            del st.query_params[STORY]
    elif st.query_params.get(STORY) != choice:
        st.query_params[STORY] = choice
    for message in problems:
        st.warning(md_escape(message))
    return choice


def downloads(view: View) -> None:
    """The export buttons for the current story (drawn by the Export page)."""
    stem = exports.file_stem(view.story.story.title)
    if view.anonymous:
        st.caption(ANONYMOUS_NOTE)
    else:
        story = view.story
        st.download_button(
            "CSV (one row per article)", lambda: exports.csv_export(story),
            file_name=f"{stem}.csv", mime="text/csv", key="dl_csv", on_click="ignore",
        )
        st.download_button(
            "JSON (as the CLI)", lambda: exports.json_export(story),
            file_name=f"{stem}.json", mime="application/json", key="dl_json", on_click="ignore",
        )
    st.download_button(
        "Printable handout (HTML)", lambda: build_handout(view),
        file_name=f"{stem}-handout.html", mime="text/html", key="dl_handout",
        on_click="ignore",
        help="One self-contained HTML file with the charts and highlighted excerpts; "
        "works offline and prints well.",
    )
    story, seed = view.story, view.seed
    st.download_button(
        "Worksheet for students (HTML)", lambda: worksheet_html(story, seed),
        file_name=f"{stem}-worksheet.html", mime="text/html", key="dl_worksheet",
        on_click="ignore",
        help="Outlets by letter only (the letters on screen), three contrasts to judge, the "
        "coverage grid to tick, quotes and sources; prints on A4 and Letter.",
    )
    if not view.anonymous:
        # The key names every outlet: offered only where names are shown.
        st.download_button(
            "Teacher key (HTML)", lambda: teacher_key_html(story, seed),
            file_name=f"{stem}-teacher-key.html", mime="text/html", key="dl_key",
            on_click="ignore",
            help="Which letter is which outlet, Slant's answers to the worksheet, and what "
            "each figure means and cannot tell.",
        )


def sidebar() -> View | None:
    """Draw the sidebar and build the current view (also kept for the pages).

    Returns:
        The view, or None when no story could be loaded (the reason is shown).
    """
    st.session_state[ui.VIEW_KEY] = None
    with st.sidebar:
        classroom, revealed, seed = classroom_controls()
        choice = story_picker()
    if classroom:
        st.html(ui.CLASSROOM_CSS)
    try:
        story, key = stories.story_for(choice)
    except StoreError as exc:
        st.error(md_escape(exc))
        return None
    view = build_view(f"{key}:{stories.code_version()}", story, classroom, revealed, seed)
    st.session_state[ui.VIEW_KEY] = view
    return view
