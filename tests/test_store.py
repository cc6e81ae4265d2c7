import json
import multiprocessing
import os
import threading
from pathlib import Path

import pytest

from dashboard import store
from dashboard.store import (
    CorruptStory,
    StoredFile,
    StoreError,
    content_key,
    delete_story,
    list_stories,
    load_story,
    save_story,
    set_outlets,
    store_dir,
    to_loaded,
)

ARTICLE = b"Officials said the talks went well. Critics slammed the deal on Monday.\n"


def test_store_round_trip_keeps_bytes_and_names(tmp_path):
    files = [StoredFile("a.txt", ARTICLE), StoredFile("b.html", b"\xff\xfe<p>x</p>")]
    saved = save_story("Budget vote", files, {"a": "The Daily"}, root=tmp_path)
    loaded = load_story(saved.id, tmp_path)
    assert loaded.title == "Budget vote"
    assert [(f.name, f.data) for f in loaded.files] == [(f.name, f.data) for f in files]
    assert loaded.outlets == {"a": "The Daily"}
    assert loaded.created == saved.created and loaded.updated == saved.updated
    assert saved.id.startswith("budget-vote-")


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\win.txt", "win.txt"),
        ("<b>bold</b>.txt", "b>.txt"),  # safe_name keeps only the last path part
        ("tab\tname\x00.txt", None),
    ],
)
def test_store_file_names_never_become_paths(tmp_path, given, kept):
    saved = save_story("t", [StoredFile(given, ARTICLE)], root=tmp_path / "store")
    name = saved.files[0].name
    if kept is not None:
        assert name == kept
    assert "/" not in name and "\\" not in name.replace("\\x", "")
    assert not any(ord(c) < 32 for c in name)
    # Only the story file and the lock exist, all inside the store.
    created = {p.relative_to(tmp_path) for p in tmp_path.rglob("*")}
    assert created == {Path("store"), Path("store/.lock"), Path(f"store/{saved.id}.json")}


@pytest.mark.parametrize("bad_id", ["../x", "a/b", "", ".hidden", "UPPER", "x" * 80])
def test_store_rejects_bad_ids(tmp_path, bad_id):
    with pytest.raises(StoreError, match="not a valid story id"):
        load_story(bad_id, tmp_path)
    with pytest.raises(StoreError):
        delete_story(bad_id, tmp_path)


def test_store_env_variable_chooses_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SLANT_STORE", str(tmp_path / "mine"))
    assert store_dir() == (tmp_path / "mine").resolve()
    saved = save_story("t", [StoredFile("a.txt", ARTICLE)])
    assert (tmp_path / "mine" / f"{saved.id}.json").exists()


def test_store_needs_files(tmp_path):
    with pytest.raises(StoreError, match="at least one"):
        save_story("t", [], root=tmp_path)


def test_store_crash_mid_save_keeps_previous_version(tmp_path, monkeypatch):
    first = save_story("v1", [StoredFile("a.txt", b"first version")], root=tmp_path)

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(store.os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        save_story("v2", [StoredFile("a.txt", b"second")], story_id=first.id, root=tmp_path)
    monkeypatch.undo()
    again = load_story(first.id, tmp_path)
    assert again.title == "v1" and again.files[0].data == b"first version"
    # The temporary file was cleaned up.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".lock", f"{first.id}.json"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{not json", "invalid JSON at line 1"),
        (b'{"version": 1, "title": "x"}', "missing field 'files'"),
        (b'{"version": 99, "files": []}', "unknown format"),
        (b"\xff\xfe\x00garbage", "not UTF-8 text"),
        (b'{"version": 1, "files": [{"name": "a.txt", "data": "***"}]}', "base64"),
    ],
)
def test_store_corrupt_file_is_reported_and_moved_aside(tmp_path, content, reason):
    good = save_story("good", [StoredFile("a.txt", ARTICLE)], root=tmp_path)
    (tmp_path / "broken-0001.json").write_bytes(content)
    stories, problems = list_stories(tmp_path)
    assert [s.id for s in stories] == [good.id]
    assert len(problems) == 1
    assert problems[0].file == "broken-0001.json"
    assert reason.lower() in problems[0].message.lower()
    assert "moved aside" in problems[0].message
    moved = [p for p in tmp_path.iterdir() if p.name.startswith("broken-0001.json.corrupt-")]
    assert len(moved) == 1 and moved[0].read_bytes() == content
    assert not (tmp_path / "broken-0001.json").exists()
    # Reported once: the next listing is clean.
    assert list_stories(tmp_path)[1] == []


def test_store_load_corrupt_raises_corrupt_story(tmp_path):
    (tmp_path / "bad-1.json").write_text("[]")
    with pytest.raises(CorruptStory, match="moved aside"):
        load_story("bad-1", tmp_path)


def test_store_delete(tmp_path):
    saved = save_story("t", [StoredFile("a.txt", ARTICLE)], root=tmp_path)
    assert delete_story(saved.id, tmp_path) is True
    assert delete_story(saved.id, tmp_path) is False
    with pytest.raises(StoreError, match="no saved story"):
        load_story(saved.id, tmp_path)
    assert list_stories(tmp_path) == ([], [])


def test_store_set_outlets_and_to_loaded(tmp_path):
    table = b'text,outlet\n"First article text here.",Wire\n"Second one.",Blog\n'
    saved = save_story(
        "t", [StoredFile("a.txt", ARTICLE), StoredFile("rows.csv", table),
              StoredFile("a.txt", ARTICLE), StoredFile("pic.txt", b"\x89PNG\r\n\x1a\n\0\0")],
        root=tmp_path,
    )
    set_outlets(saved.id, {"a": "Renamed", "rows-2": "  ", "a-2": "Copy"}, tmp_path)
    loaded = to_loaded(load_story(saved.id, tmp_path))
    outlets = {a.id: a.outlet for a in loaded.articles}
    assert outlets == {"a": "Renamed", "rows-1": "Wire", "rows-2": "Blog", "a-2": "Copy"}
    assert [e.file for e in loaded.errors] == ["pic.txt"]
    assert loaded.info.title == "t"


def test_store_content_key_tracks_inputs(tmp_path):
    saved = save_story("t", [StoredFile("a.txt", ARTICLE)], root=tmp_path)
    renamed = set_outlets(saved.id, {"a": "X"}, tmp_path)
    resaved = save_story("t", [StoredFile("a.txt", ARTICLE)], root=tmp_path)
    assert content_key(saved) != content_key(renamed)
    assert content_key(saved) == content_key(resaved)  # same content, same analysis


def test_store_lock_serialises_writers(tmp_path):
    saved = save_story("t", [StoredFile("a.txt", ARTICLE)], root=tmp_path)
    folder = store_dir(tmp_path)
    entered = threading.Event()
    release = threading.Event()

    def hold():
        with store._locked(folder):
            entered.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    entered.wait(5)
    with pytest.raises(StoreError, match="Another Slant window"):
        with store._locked(folder, timeout=0.2):
            pass
    release.set()
    holder.join()
    set_outlets(saved.id, {"a": "after"}, tmp_path)  # the lock is free again
    assert load_story(saved.id, tmp_path).outlets == {"a": "after"}


def _writer(root: str, story_id: str, tag: str, rounds: int) -> None:
    payload = tag.encode() * 200_000  # large enough that a torn write would show
    for i in range(rounds):
        save_story(f"{tag}-{i}", [StoredFile("a.txt", payload)], story_id=story_id, root=root)


def test_store_concurrent_writers_never_interleave(tmp_path):
    saved = save_story("start", [StoredFile("a.txt", ARTICLE)], root=tmp_path)
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    workers = [
        context.Process(target=_writer, args=(str(tmp_path), saved.id, tag, 15))
        for tag in ("A", "B")
    ]
    for w in workers:
        w.start()
    # Read while they write: every read sees one complete version.
    seen = set()
    while any(w.is_alive() for w in workers):
        story = load_story(saved.id, tmp_path)
        tag = story.title.split("-")[0]
        if tag in "AB" and tag:
            assert story.files[0].data == tag.encode() * 200_000
            seen.add(tag)
    for w in workers:
        w.join()
        assert w.exitcode == 0
    final = json.loads((tmp_path / f"{saved.id}.json").read_text())
    assert final["title"] in {"A-14", "B-14"}
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
