"""Your articles: build a story from files, pasted text or a web address; manage saved ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from analysis import messages
from analysis.input.loading import MAX_FILE_BYTES
from analysis.input.manifest import KINDS
from analysis.results.article import FileError
from dashboard import ui
from dashboard.builders.escape import esc, md_escape
from dashboard.builders.view import View
from dashboard.sidebar import STORY, choose
from dashboard.store import (
    StoreError,
    add_files,
    delete_story,
    load_story,
    save_story,
    set_outlets,
    store_dir,
)
from dashboard.stories import (
    SAVED_PREFIX,
    SEEDS_KEY,
    Entry,
    files_digest,
    save_kinds,
    saved_index,
)
from dashboard.uploads import UPLOAD_TYPES, collect, new_files
from dashboard.url_import import fetch

NOTHING_GIVEN = "Add at least one file, paste an article, or import a web address."
NOTHING_READABLE = "None of the inputs could be read, so no story was saved. See the messages."
NOTHING_NEW = "Every one of these articles is already in the story, so nothing was added."
TEXT_INPUTS = ("new_title", "paste_text", "paste_outlet", "import_url")
CLEAR = "clear_inputs"
ROUND = "upload_round"


def _errors_html(errors: Sequence[FileError]) -> str:
    items = "".join(
        f"<li><code>{esc(e.file)}</code>: {esc(e.message)}</li>" for e in errors
    )
    return f"<ul>{items}</ul>"


def _clear_inputs_if_asked() -> None:
    """After a save, empty the inputs (before they are drawn), so a second click saves nothing."""
    if not st.session_state.pop(CLEAR, False):
        return
    for key in TEXT_INPUTS:
        st.session_state[key] = ""
    st.session_state["fetched"] = []
    # A file uploader cannot be emptied through the session state; a new key
    # gives a new, empty one.
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1


def _uploads_key() -> str:
    n = st.session_state.get(ROUND, 0)
    return "uploads" if n == 0 else f"uploads-{n}"


def _same_story(digest: str, stories: Sequence[Entry]) -> Entry | None:
    return next((e for e in stories if e.digest == digest), None)


def create_section() -> None:
    """The inputs for a new story and the button that saves and analyses it."""
    _clear_inputs_if_asked()
    st.header("New story")
    title = st.text_input("Story title", key="new_title", placeholder="e.g. Budget vote, 3 May")
    uploads = st.file_uploader(
        "Article files (.txt, .md, .html, or a .csv / .jsonl table with a 'text' column)",
        type=UPLOAD_TYPES, accept_multiple_files=True, key=_uploads_key(),
        max_upload_size=MAX_FILE_BYTES // 1_000_000,
    )
    st.caption(
        f"Each article file may be up to {MAX_FILE_BYTES // 1_000_000} MB. Tables may also "
        "have 'id', 'outlet', 'title', 'url' and 'date' columns. Your files stay on this "
        "computer."
    )
    pasted = st.text_area("Or paste an article", key="paste_text", height=180)
    pasted_outlet = st.text_input("Outlet of the pasted article", key="paste_outlet")
    with st.expander("Import from a web address (needs the internet)"):
        url = st.text_input("Web address", key="import_url", placeholder="https://…")
        if st.button("Fetch the page", key="fetch_url") and url.strip():
            with st.spinner("Fetching…"):
                got, problem = fetch(url)
            if problem:
                st.warning(md_escape(problem))
            else:
                st.session_state.setdefault("fetched", []).append(got)
        for f in st.session_state.get("fetched", []):
            st.html(f"<div>Fetched: <code>{esc(f.name)}</code> ({len(f.data):,} bytes)</div>")

    choice = st.session_state.get(STORY, SEEDS_KEY)
    add = False
    if choice.startswith(SAVED_PREFIX):
        add = st.checkbox(
            "Add these to the selected story instead of starting a new one", key="add_to_story"
        )
    if st.button("Analyse and save", type="primary", key="create_story"):
        given = [(u.name, u.getvalue()) for u in uploads or []]
        fetched = st.session_state.get("fetched", [])
        if not given and not pasted.strip() and not fetched:
            st.warning(NOTHING_GIVEN)
            return
        save(title, given, pasted, pasted_outlet, fetched,
             choice.removeprefix(SAVED_PREFIX) if add else None)
    created = st.session_state.get("created")
    if created:
        st.success(f"Saved and analysed {created[1]} article(s). The story is now selected.")
        st.page_link("views/overview.py", label="Open the overview", icon=":material/dashboard:")
    duplicate = st.session_state.get("duplicate")
    if duplicate:
        st.info(md_escape(duplicate))
    errors = st.session_state.get("create_errors") or []
    if errors:
        st.warning(messages.APP_INPUTS_NOT_READ.format(count=len(errors)))
        st.html(_errors_html(errors))


def save(
    title: str,
    given: list[tuple[str, bytes]],
    pasted: str,
    pasted_outlet: str,
    fetched: list,
    add_to: str | None,
) -> None:
    """Check the inputs, save them as a new story (or add them to ``add_to``), select it.

    A second save of the same articles selects the story saved the first time
    instead of making a copy; files already in a story are not added twice.
    """
    existing = None
    if add_to is not None:
        try:
            existing = load_story(add_to)
        except StoreError as exc:
            st.error(md_escape(exc))
            return
    taken = {f.name for f in existing.files} if existing else set()
    new = collect(given, pasted, pasted_outlet, fetched, taken)
    st.session_state["create_errors"] = new.errors
    st.session_state["created"] = None
    st.session_state["duplicate"] = None
    if not new.files:
        st.error(NOTHING_READABLE)
        return
    if existing is None:
        stories, _ = saved_index()
        same = _same_story(files_digest(new.files), stories)
        if same is not None:
            st.session_state["duplicate"] = messages.ALREADY_SAVED.format(title=same.title)
            st.session_state[CLEAR] = True
            choose(f"{SAVED_PREFIX}{same.id}")
            st.rerun()
    try:
        if existing is not None:
            added = new_files(new.files, existing.files)
            if not added:
                st.session_state["duplicate"] = NOTHING_NEW
                st.session_state[CLEAR] = True
                st.rerun()
            # Added on the version current under the store's lock, not on
            # the copy read above: another window may have added files since.
            saved = add_files(existing.id, added, new.outlets, only_new=True)
        else:
            saved = save_story(title or "My story", new.files, new.outlets)
    except StoreError as exc:
        st.error(md_escape(exc))
        return
    st.session_state["created"] = (saved.title, new.articles)
    st.session_state[CLEAR] = True
    choose(f"{SAVED_PREFIX}{saved.id}")
    st.rerun()


def outlets_section(view: View | None) -> None:
    """Edit the outlet names and kinds of the current saved story."""
    st.header("Outlet names and kinds")
    choice = st.session_state.get(STORY, SEEDS_KEY)
    if view is None or not choice.startswith(SAVED_PREFIX):
        st.caption("The seed story is read-only. Pick one of your saved stories to rename outlets.")
        return
    if view.anonymous:
        st.caption("Outlet names are hidden in classroom mode; reveal them to edit.")
        return
    story_id = choice.removeprefix(SAVED_PREFIX)
    table = pd.DataFrame(
        [{"id": a.id, "file": a.source.file, "outlet": a.outlet,
          "kind": a.kind if a.kind in KINDS else "unknown"} for a in view.story.articles]
    )
    edited = st.data_editor(
        table, hide_index=True, key="outlet_editor", disabled=["id", "file"], width="stretch",
        column_config={"kind": st.column_config.SelectboxColumn(
            "kind", options=list(KINDS), required=True,
            help="What sort of text it is: original reporting, a wire story, an "
            "aggregator's or a rewrite's copy.")},
    )
    if st.button("Save outlet names and kinds", key="save_outlets"):
        names = {row["id"]: str(row["outlet"] or "") for _, row in edited.iterrows()}
        kinds = {row["id"]: str(row["kind"] or "unknown") for _, row in edited.iterrows()}
        try:
            save_kinds(story_id, kinds)
            if names != {a.id: a.outlet for a in view.story.articles}:
                set_outlets(story_id, names)
        except StoreError as exc:
            st.error(md_escape(exc))
            return
        st.rerun()


def entry_details(entry: Entry) -> str:
    """When a saved story was saved and how big it is ("2 Dec 2026 14:05 · 3 files · 12 KB")."""
    when = dt.datetime.fromtimestamp(entry.updated).strftime("%d %b %Y %H:%M")
    size = entry.size / 1000
    shown = f"{size:,.0f} KB" if size >= 10 else f"{size:,.1f} KB"
    files = "1 file" if entry.files == 1 else f"{entry.files} files"
    return f"{when} · {files} · {shown}"


def saved_section() -> None:
    """The saved stories, to open or delete, each with its date and size."""
    st.header("Saved stories")
    stories, problems = saved_index()
    for message in problems:
        st.warning(md_escape(message))
    if not stories:
        st.caption("No saved stories yet.")
        return
    st.caption(f"Stored in {md_escape(store_dir())} (set SLANT_STORE to change).")
    for entry in stories:
        left, middle, right = st.columns([6, 1, 2])
        with left:
            st.html(
                f"<div style='padding-top:0.4rem'><b>{esc(entry.title)}</b> "
                f"<span style='color:#444;font-size:0.85em'>{esc(entry_details(entry))}"
                "</span></div>"
            )
        with middle:
            if st.button("Open", key=f"open_{entry.id}"):
                choose(f"{SAVED_PREFIX}{entry.id}")
                st.rerun()
        with right:
            confirm = st.checkbox("Delete", key=f"confirm_{entry.id}")
            if confirm and st.button("Really delete", key=f"delete_{entry.id}", type="primary"):
                delete_story(entry.id)
                if st.session_state.get(STORY) == f"{SAVED_PREFIX}{entry.id}":
                    choose(SEEDS_KEY)
                st.rerun()


def render(view: View | None) -> None:
    """Draw the page."""
    st.title("Your articles")
    st.caption(
        "Analyse your own articles about one story. Everything stays on this computer and is "
        "kept between sessions."
    )
    create_section()
    outlets_section(view)
    saved_section()


ui.run_page("own", render, needs_story=False)
