"""Your articles: build a story from files, pasted text or a web address; manage saved ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis import messages
from analysis.input.loading import MAX_FILE_BYTES, read_upload, safe_name
from analysis.results.article import FileError
from dashboard.state import (
    SAVED_PREFIX,
    SEEDS_KEY,
    View,
    choose,
    esc,
    md_escape,
    run_page,
    saved_index,
)
from dashboard.store import (
    StoredFile,
    StoreError,
    delete_story,
    load_story,
    save_story,
    set_outlets,
)

# Largest input the page accepts, tables included (the config's limit is 10 MB).
MAX_UPLOAD_BYTES = MAX_FILE_BYTES
UPLOAD_TYPES = ["txt", "md", "markdown", "html", "htm", "csv", "jsonl", "ndjson"]
NOTHING_GIVEN = "Add at least one file, paste an article, or import a web address."
NOTHING_READABLE = "None of the inputs could be read, so no story was saved. See the messages."
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


def _errors_html(errors: Sequence[FileError]) -> str:
    items = "".join(
        f"<li><code>{esc(e.file)}</code>: {esc(e.message)}</li>" for e in errors
    )
    return f"<ul>{items}</ul>"


def create_section() -> None:
    """The inputs for a new story and the button that saves and analyses it."""
    st.header("New story")
    title = st.text_input("Story title", key="new_title", placeholder="e.g. Budget vote, 3 May")
    uploads = st.file_uploader(
        "Article files (.txt, .md, .html, or a .csv / .jsonl table with a 'text' column)",
        type=UPLOAD_TYPES, accept_multiple_files=True, key="uploads",
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
            from dashboard.url_import import fetch

            with st.spinner("Fetching…"):
                got, problem = fetch(url)
            if problem:
                st.warning(md_escape(problem))
            else:
                st.session_state.setdefault("fetched", []).append(got)
        for f in st.session_state.get("fetched", []):
            st.html(f"<div>Fetched: <code>{esc(f.name)}</code> ({len(f.data):,} bytes)</div>")

    choice = st.session_state.get("story_choice", SEEDS_KEY)
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
        existing = None
        if add:
            try:
                existing = load_story(choice.removeprefix(SAVED_PREFIX))
            except StoreError as exc:
                st.error(md_escape(exc))
                return
        taken = {f.name for f in existing.files} if existing else set()
        new = collect(given, pasted, pasted_outlet, fetched, taken)
        st.session_state["create_errors"] = new.errors
        if not new.files:
            st.error(NOTHING_READABLE)
        else:
            try:
                if existing is not None:
                    saved = save_story(
                        existing.title, [*existing.files, *new.files],
                        {**existing.outlets, **new.outlets}, story_id=existing.id,
                    )
                else:
                    saved = save_story(title or "My story", new.files, new.outlets)
            except StoreError as exc:
                st.error(md_escape(exc))
                return
            st.session_state["fetched"] = []
            st.session_state["created"] = (saved.title, new.articles)
            choose(f"{SAVED_PREFIX}{saved.id}")
            st.rerun()
    created = st.session_state.get("created")
    if created:
        st.success(f"Saved and analysed {created[1]} article(s). The story is now selected.")
        st.page_link("overview.py", label="Open the overview", icon=":material/dashboard:")
    errors = st.session_state.get("create_errors") or []
    if errors:
        st.warning(messages.APP_INPUTS_NOT_READ.format(count=len(errors)))
        st.html(_errors_html(errors))


def outlets_section(view: View | None) -> None:
    """Edit the outlet names of the current saved story."""
    st.header("Outlet names")
    choice = st.session_state.get("story_choice", SEEDS_KEY)
    if view is None or not choice.startswith(SAVED_PREFIX):
        st.caption("The seed story is read-only. Pick one of your saved stories to rename outlets.")
        return
    if view.anonymous:
        st.caption("Outlet names are hidden in classroom mode; reveal them to edit.")
        return
    table = pd.DataFrame(
        [{"id": a.id, "file": a.source.file, "outlet": a.outlet} for a in view.articles]
    )
    edited = st.data_editor(
        table, hide_index=True, key="outlet_editor", disabled=["id", "file"], width="stretch",
    )
    if st.button("Save outlet names", key="save_outlets"):
        names = {row["id"]: str(row["outlet"] or "") for _, row in edited.iterrows()}
        try:
            set_outlets(choice.removeprefix(SAVED_PREFIX), names)
        except StoreError as exc:
            st.error(md_escape(exc))
            return
        st.rerun()


def saved_section() -> None:
    """The saved stories, to open or delete."""
    st.header("Saved stories")
    stories, problems = saved_index()
    for message in problems:
        st.warning(md_escape(message))
    if not stories:
        st.caption("No saved stories yet.")
        return
    from dashboard.store import store_dir

    st.caption(f"Stored in {md_escape(store_dir())} (set SLANT_STORE to change).")
    for story_id, title in stories:
        left, middle, right = st.columns([6, 1, 2])
        with left:
            st.html(f"<div style='padding-top:0.4rem'><b>{esc(title)}</b></div>")
        with middle:
            if st.button("Open", key=f"open_{story_id}"):
                choose(f"{SAVED_PREFIX}{story_id}")
                st.rerun()
        with right:
            confirm = st.checkbox("Delete", key=f"confirm_{story_id}")
            if confirm and st.button("Really delete", key=f"delete_{story_id}", type="primary"):
                delete_story(story_id)
                if st.session_state.get("story_choice") == f"{SAVED_PREFIX}{story_id}":
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


# Streamlit runs each page as "__main__"; importing the module (the handout
# reuses its builders) must not draw the page.
if __name__ == "__main__":
    run_page("own", render, needs_story=False)
